"""scripts/cluster_consistency.py: pairs the clusters file separates although the gold records of both
date one news visit or call to the same day."""
import importlib.util

from support import REPO

_spec = importlib.util.spec_from_file_location("cluster_consistency", REPO / "scripts" / "cluster_consistency.py")
cc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cc)


def record(*events):
    return {"events": [dict(kind=k, countries=c, date=d, historical=h) for k, c, d, h in events]}


def test_one_visit_filed_under_two_clusters_is_reported():
    records = {"a": record(("visit", ["VNM", "EUU"], "2024-07-29", False)),
               "b": record(("visit", ["EUU", "VNM"], "2024-07-29", False)),
               "c": record(("visit", ["EUU", "VNM"], "2024-07-29", False))}
    found = cc.contradictions(records, {"k1": ["a", "b"]})
    assert [f["articles"] for f in found] == [["a", "c"], ["b", "c"]]
    assert found[0]["clusters"] == ["k1", None] and found[0]["engagements"][0]["date"] == "2024-07-29"


def test_meetings_of_one_day_background_and_months_are_not_contradictions():
    records = {"a": record(("meeting", ["EUU", "VNM"], "2024-07-30", False),
                           ("visit", ["EUU", "VNM"], "2024-06-01", True),
                           ("call", ["CHN", "RUS"], "2025-01", False)),
               "b": record(("meeting", ["EUU", "VNM"], "2024-07-30", False),
                           ("visit", ["EUU", "VNM"], "2024-06-01", True),
                           ("call", ["CHN", "RUS"], "2025-01", False))}
    assert cc.contradictions(records, {}) == []


def test_a_false_pair_is_explained_by_a_news_engagement_both_gold_records_list():
    a = record(("visit", ["BRA", "VNM"], "XXXX-03-27", False), ("meeting", ["BRA", "VNM"], "XXXX-03-27", False))
    b = record(("visit", ["VNM", "BRA"], "2025-03-27", False), ("meeting", ["BRA", "VNM"], "2025-03-28", False))
    c = record(("visit", ["BRA", "VNM"], "2025-04-02", False), ("call", ["BRA", "VNM"], None, True))
    (ab, ac) = cc.explain_false_pairs({"a": a, "b": b, "c": c}, [("a", "b"), ("a", "c")])
    assert [e["kind"] for e in ab["shared"]] == ["visit"]        # an unknown year matches; another day does not
    assert ac["shared"] == []                                     # another day, and a recalled call: a linking error
