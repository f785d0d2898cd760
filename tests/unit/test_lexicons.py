"""Lexicons are data in one directory, a setting: a bad pattern is named with its file and entry
before any article is read, and another directory really changes what is extracted."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from support import CLI, REPO

from communique import lexicons
from communique.errors import LexiconError

SENTENCE = ("HANOI, May 3, 2024 - Vietnamese Defence Minister Phan Van Giang parleyed with Russian Defence "
            "Minister Andrei Belousov in Hanoi on Friday.\n")


def test_every_shipped_lexicon_loads_and_its_patterns_compile():
    lexicons.check()
    assert lexicons.directory() == lexicons.SHIPPED


def test_a_bad_pattern_is_named_with_its_file_and_entry():
    data = {"rules": [{"id": "m", "kind": "meeting", "patterns": [r"\bmet\b", r"\bheld (talks"]}],
            "not_engagement": [], "historical_cues": []}
    with pytest.raises(LexiconError) as err:
        lexicons.validate("events.json", data)
    assert "events.json" in str(err.value) and "rules/0/patterns/1" in str(err.value)


def test_a_trigger_rule_of_an_unknown_kind_is_refused():
    data = {"rules": [{"id": "a", "kind": "meeting", "patterns": []}, {"id": "b", "kind": "party", "patterns": []}],
            "not_engagement": [], "historical_cues": []}
    with pytest.raises(LexiconError, match=r"events\.json: entry /rules/1/kind: unknown kind 'party'"):
        lexicons.validate("events.json", data)


def test_a_trigger_opening_with_a_look_behind_is_refused():
    # it would be tried at every position of every sentence inside the one trigger alternation
    data = {"rules": [{"id": "c", "kind": "call", "patterns": [r"\bphoned\b", r"(?<!-)\bcalled\b"]}],
            "not_engagement": [], "historical_cues": []}
    with pytest.raises(LexiconError, match=r"events\.json: entry /rules/0/patterns/1: a trigger may not open"):
        lexicons.validate("events.json", data)


def test_a_trigger_anchored_at_the_start_is_refused_and_at_start_rules_match_only_there(engagements_of):
    data = {"rules": [{"id": "m", "kind": "meeting", "patterns": [r"^Meeting\s"]}],
            "not_engagement": [], "historical_cues": []}
    with pytest.raises(LexiconError, match=r"entry /rules/0/patterns/0: a trigger may not open"):
        lexicons.validate("events.json", data)
    mid = "Polish Prime Minister Jan Nowak said the Budapest Meeting Hungarian President Anna Kovacs hosted was good."
    assert [e["kind"] for e in engagements_of(mid, "2025-09-05")["events"]] == []


def test_trigger_rules_need_ids_of_their_own():
    data = {"rules": [{"id": "talks", "kind": "meeting", "patterns": []}, {"id": "talks", "kind": "call", "patterns": []}],
            "not_engagement": [], "historical_cues": []}
    with pytest.raises(LexiconError, match=r"entry /rules/1/id: every rule needs an id of its own"):
        lexicons.validate("events.json", data)


def test_a_missing_pattern_entry_is_named():
    with pytest.raises(LexiconError, match=r"documents\.json: missing entry /signed"):
        lexicons.validate("documents.json", {"types": [], "existing": "x", "planned": "x", "not_bilateral": "x",
                                             "generic": "x", "subject_stop": "x"})


def test_a_pattern_that_is_not_a_string_is_refused():
    with pytest.raises(LexiconError, match="entry /speech should be a regular expression"):
        lexicons.validate("statements.json", {"positions": [], "speech": 3})


def _copy_shipped(tmp_path):
    target = tmp_path / "lex"
    shutil.copytree(lexicons.SHIPPED, target)
    return target


def _extract(tmp_path, lexicon_dir=None) -> subprocess.CompletedProcess:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    env = dict(os.environ)
    env.pop("COMMUNIQUE_LEXICONS", None)
    if lexicon_dir:
        env["COMMUNIQUE_LEXICONS"] = str(lexicon_dir)
    return subprocess.run(CLI + ["extract", str(article)], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=300)


@pytest.mark.slow
def test_another_lexicon_directory_changes_what_is_extracted(tmp_path):
    shipped = _extract(tmp_path)
    assert shipped.returncode == 0, shipped.stderr
    assert json.loads(shipped.stdout)["events"] == []          # "parleyed" is no trigger in the shipped lexicon
    custom = _copy_shipped(tmp_path)
    events = json.loads((custom / "events.json").read_text(encoding="utf-8"))
    meeting = next(r for r in events["rules"] if r["kind"] == "meeting")
    meeting["patterns"].append(r"\bparleyed\s+with\b")
    (custom / "events.json").write_text(json.dumps(events), encoding="utf-8")
    done = _extract(tmp_path, custom)
    assert done.returncode == 0, done.stderr
    (event,) = json.loads(done.stdout)["events"]
    assert event["kind"] == "meeting" and sorted(event["countries"]) == ["RUS", "VNM"]


def test_a_broken_lexicon_directory_stops_the_run_with_one_line(tmp_path):
    custom = _copy_shipped(tmp_path)
    areas = json.loads((custom / "areas.json").read_text(encoding="utf-8"))
    areas["cooperation_cue"] = "(unclosed"
    (custom / "areas.json").write_text(json.dumps(areas), encoding="utf-8")
    done = _extract(tmp_path, custom)
    assert done.returncode != 0 and done.stdout == ""
    lines = [x for x in done.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "areas.json" in lines[0] and "cooperation_cue" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_listed_states_reads_one_coordinated_list_of_three_or_more():
    from communique.extract.countries import country_mentions, listed_states
    text = "signed by the Hungarian, Polish and Czech ministers, then by Austria"
    assert listed_states(text, country_mentions(text)) == ["HUN", "POL", "CZE"]
    two = "signed by the Hungarian and Polish ministers in Austria"
    assert listed_states(two, country_mentions(two)) == []
