"""scripts/records_diff.py: the refactor check must name the first field that moved."""
import importlib.util
import json

from support import REPO

_spec = importlib.util.spec_from_file_location("records_diff", REPO / "scripts" / "records_diff.py")
records_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(records_diff)


def test_identical_records_give_no_difference():
    line = json.dumps({"id": "a", "events": [{"date": "2024-05-01"}]})
    assert records_diff.compare({"a": line}, {"a": line}) == []


def test_a_moved_field_is_named_with_its_path():
    before = json.dumps({"id": "a", "events": [{"date": "2024-05-01", "place": "Hanoi"}]})
    after = json.dumps({"id": "a", "events": [{"date": "2024-05-02", "place": "Hanoi"}]})
    (problem,) = records_diff.compare({"a": before}, {"a": after})
    assert problem.startswith("a: .events[0].date:") and "2024-05-02" in problem


def test_missing_and_extra_articles_are_reported():
    line = json.dumps({"id": "a"})
    assert records_diff.compare({"a": line}, {"b": line}) == ["a: only before", "b: only after"]


def test_a_shorter_list_is_reported():
    before = json.dumps({"id": "a", "people": [1, 2]})
    after = json.dumps({"id": "a", "people": [1]})
    assert "2 items before, 1 after" in records_diff.compare({"a": before}, {"a": after})[0]


def test_an_ignored_field_is_left_out_at_any_depth():
    before = json.dumps({"id": "a", "events": [{"evidence": [{"start": 1}]}]})
    after = json.dumps({"id": "a", "events": [{"evidence": [{"start": 1, "rule": "events:talks"}]}]})
    assert records_diff.compare({"a": before}, {"a": after})
    assert records_diff.compare({"a": before}, {"a": after}, {"rule"}) == []
