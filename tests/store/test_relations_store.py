"""Relations in the store (real SQLite file, hand-written records): one row per framework whatever the
number of reports, order-independent grouping, deletion, and a pair's level derived at a date."""
import itertools

import pytest

from communique import store
from communique.store import relations as rq


def relation(level, status, date=None, countries=("HUN", "POL"), precision=None, source="text", text="They said so."):
    return {"countries": list(countries), "level": level, "status": status, "date": date,
            "date_precision": precision or ({4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None),
            "date_source": source if date else None, "date_text": date, "evidence": [{"start": 0, "end": len(text), "text": text}]}


def record(aid, relations, published, outlet="Test Wire"):
    body = f"Report {aid}: Poland and Hungary discussed their ties."
    return {"id": aid, "url": f"https://example.org/{aid}", "outlet": outlet, "title": f"Title {aid}",
            "published": published, "published_source": "metadata", "body": body, "captions": [], "people": [],
            "events": [], "agreements": [], "areas": [], "area_evidence": {}, "statements": [],
            "unresolved_events": [], "relations": list(relations), "source": f"{aid}.txt", "extra": {}}


UPGRADE_A = record("a", [relation("comprehensive strategic partnership", "established", "2024-11")], "2024-11-20")
UPGRADE_B = record("b", [relation("comprehensive strategic partnership", "established", "2024")], "2024-12-02",
                   outlet="Other Daily")
UPGRADE_C = record("c", [relation("comprehensive strategic partnership", "established")], "2025-01-15",
                   outlet="Third Post")
HISTORY = record("d", [relation("diplomatic relations", "established", "1945-06-22"),
                       relation("strategic partnership", "current"),
                       relation("alliance", "planned")], "2020-03-01")


@pytest.fixture
def conn(tmp_path):
    c = store.connect(tmp_path / "r.db")
    yield c
    c.close()


def rows(conn):
    return conn.execute("SELECT a, b, level, status, date, n_sources FROM relations ORDER BY level, status, date").fetchall()


def test_two_reports_of_one_upgrade_are_one_row_with_two_sources(conn):
    store.save(conn, UPGRADE_A)
    store.save(conn, UPGRADE_B)
    assert rows(conn) == [("HUN", "POL", "comprehensive strategic partnership", "established", "2024-11", 2)]
    [r] = rq.relations(conn, country="Poland", evidence=True)
    assert r["countries"] == ["HUN", "POL"] and r["n_sources"] == 2 and r["id"].startswith("rel-")
    assert [s["article_id"] for s in r["sources"]] == ["a", "b"]
    assert all(s["evidence"][0]["text"] == "They said so." for s in r["sources"])


def test_an_undated_report_joins_the_dated_upgrade(conn):
    for rec in (UPGRADE_A, UPGRADE_B, UPGRADE_C):
        store.save(conn, rec)
    assert rows(conn) == [("HUN", "POL", "comprehensive strategic partnership", "established", "2024-11", 3)]


def test_another_year_is_another_row(conn):
    store.save(conn, UPGRADE_A)
    store.save(conn, record("x", [relation("comprehensive strategic partnership", "established", "2016")], "2016-05-01"))
    assert [r[4] for r in rows(conn)] == ["2016", "2024-11"]


def test_grouping_and_ids_do_not_depend_on_arrival_order(tmp_path):
    seen = set()
    for n, order in enumerate(itertools.permutations([UPGRADE_A, UPGRADE_B, UPGRADE_C, HISTORY])):
        c = store.connect(tmp_path / f"o{n}.db")
        for rec in order:
            store.save(c, rec)
        seen.add(tuple(c.execute("SELECT uid, level, status, date, n_sources FROM relations ORDER BY uid")))
        c.close()
    assert len(seen) == 1


def test_deleting_a_report_regroups_and_deleting_the_last_removes_the_row(conn):
    store.save(conn, UPGRADE_A)
    store.save(conn, UPGRADE_B)
    store.delete(conn, "a")
    assert rows(conn) == [("HUN", "POL", "comprehensive strategic partnership", "established", "2024", 1)]
    store.delete(conn, "b")
    assert rows(conn) == [] and conn.execute("SELECT count(*) FROM article_relations").fetchone()[0] == 0


def test_the_level_of_a_pair_at_two_dates(conn):
    for rec in (HISTORY, UPGRADE_A, UPGRADE_B):
        store.save(conn, rec)
    # 2019: diplomatic relations only (the strategic partnership is first named as current in March 2020)
    assert rq.pair_ladder(conn, "Poland", "Hungary", at="2019")["level"]["level"] == "diplomatic relations"
    assert rq.pair_ladder(conn, "POL", "HUN", at="2021-01-01")["level"]["level"] == "strategic partnership"
    ladder = rq.pair_ladder(conn, "POL", "HUN", at="2025")
    assert ladder["level"]["level"] == "comprehensive strategic partnership" and ladder["level"]["date"] == "2024-11"
    assert [r["level"] for r in ladder["ladder"]] == ["diplomatic relations", "strategic partnership",
                                                     "comprehensive strategic partnership"]
    assert [r["level"] for r in ladder["planned"]] == ["alliance"]          # planned never counts as held
    assert rq.pair_ladder(conn, "POL", "HUN", at="1940")["level"] is None
    by_pair = rq.relations(conn, at="2021")
    assert [(r["countries"], r["level"]) for r in by_pair] == [(["HUN", "POL"], "strategic partnership")]
    assert rq.partners(conn, "Hungary", at="2025")[0]["country"] == "POL"


def test_a_record_without_a_pair_is_kept_but_not_linked(conn):
    store.save(conn, record("y", [relation("alliance", "current", countries=("POL",))], "2024-01-01"))
    assert rows(conn) == []
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
