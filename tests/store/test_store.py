"""The store on a real SQLite file, fed hand-written records (no model): whole-article writes,
re-ingest, replacement, person linking, canonical events, near-duplicates, full-text search."""
import itertools
import sqlite3

import pytest

from communique import store
from communique.store import queries


def person(name, country, title=None):
    return {"name": name, "country": country, "title": title, "rank": None, "mentions": []}


def meeting(people, date=None, place=None, countries=("RUS", "VNM"), kind="meeting", evidence="They met.", **kw):
    return {"kind": kind, "countries": list(countries), "date": date, "date_precision": "day" if date else None,
            "date_source": "text" if date else None, "place": place,
            "place_normalised": {"name": place, "country": "VNM"} if place else None,
            "people": people, "historical": False, "confidence": 1.0, "plover": {"type": "CONSULT", "mode": "host"},
            "evidence": [{"start": 0, "end": len(evidence), "text": evidence}], **kw}


def record(aid, body, people=(), events=(), agreements=(), published=None, outlet="Test Wire"):
    return {"id": aid, "url": f"https://example.org/{aid}", "outlet": outlet, "title": f"Title {aid}",
            "published": published, "published_source": "metadata" if published else None, "body": body,
            "captions": [], "people": list(people), "events": list(events), "agreements": list(agreements),
            "areas": ["training"], "area_evidence": {"training": [{"start": 0, "end": 9, "text": body[:9]}]},
            "statements": [], "unresolved_events": [], "source": f"{aid}.txt", "extra": {}}


BODY_A = "Defence Minister Tran Quoc Binh received Russian Deputy Minister Ivan Sokolov in Hanoi on May 3."
BODY_B = "Vietnam and Russia held defence talks; Binh told Sokolov training ties would grow."


def report_a(**kw):
    return record("a", BODY_A, [person("Tran Quoc Binh", "VNM", "Minister"), person("Ivan Sokolov", "RUS")],
                  [meeting(["Tran Quoc Binh", "Ivan Sokolov"], "2024-05-03", "Hanoi")], published="2024-05-03", **kw)


def report_b(date="2024-05-03", aid="b"):
    return record(aid, BODY_B, [person("Binh", "VNM", "Minister"), person("Sokolov", "RUS")],
                  [meeting(["Binh", "Sokolov"], date, "Hanoi")], published=date, outlet="Other Daily")


@pytest.fixture
def conn(tmp_path):
    c = store.connect(tmp_path / "s.db")
    yield c
    c.close()


def count(conn, table):
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_file_is_plain_sqlite_in_wal_mode(conn, tmp_path):
    store.save(conn, report_a())
    other = sqlite3.connect(tmp_path / "s.db")
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("SELECT id FROM articles").fetchall() == [("a",)]
    assert other.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_every_foreign_key_is_indexed(conn):
    """Deleting or recomputing a canonical row looks its children up by the foreign key; without an
    index that is a scan of the whole child table, and ingest slows as the store grows."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%'")]
    missing = []
    for t in tables:
        fks: dict[int, list[str]] = {}
        for fk in conn.execute(f"PRAGMA foreign_key_list('{t}')"):
            fks.setdefault(fk[0], []).append(fk[3])
        leads = [[r[2] for r in conn.execute(f"PRAGMA index_info('{ix[1]}')")] for ix in conn.execute(f"PRAGMA index_list('{t}')")]
        leads.append([r[1] for r in sorted(conn.execute(f"PRAGMA table_info('{t}')"), key=lambda r: r[5]) if r[5]])
        for cols in fks.values():
            if not any(lead[:len(cols)] == cols for lead in leads):
                missing.append(f"{t}({', '.join(cols)})")
    assert missing == []


def test_refreshing_a_canonical_event_scans_no_table(conn):
    store.save(conn, report_a())
    plans = [" ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args)) for sql, args in [
        ("DELETE FROM event_countries WHERE event_id = ?", (1,)),
        ("DELETE FROM event_pairs WHERE event_id = ?", (1,)),
        ("UPDATE agreements SET sort_date = ? WHERE event_id = ? AND date IS NULL", ("2024", 1)),
        ("DELETE FROM agreement_countries WHERE agreement_id = ?", (1,))]]
    assert not [p for p in plans if p.startswith("SCAN")], plans


def test_reingest_changes_nothing(conn):
    assert store.save(conn, report_a()) == "added"
    before = {t: count(conn, t) for t in ("articles", "events", "people", "evidence", "participants")}
    assert store.save(conn, report_a()) == "unchanged"
    assert {t: count(conn, t) for t in before} == before


def test_two_outlets_one_meeting_one_event_and_one_person_each(conn):
    store.save(conn, report_a())
    store.save(conn, report_b())
    [ev] = queries.events(conn)
    assert ev["n_sources"] == 2
    assert {p["name"] for p in ev["people"]} == {"Tran Quoc Binh", "Ivan Sokolov"}
    assert count(conn, "people") == 2
    full = queries.event(conn, ev["id"])
    assert [s["article_id"] for s in full["sources"]] == ["a", "b"]
    assert all(s["evidence"] for s in full["sources"])


def test_same_pair_on_another_day_stays_a_second_event(conn):
    store.save(conn, report_a())
    store.save(conn, report_b(date="2024-05-09"))
    assert count(conn, "events") == 2


def test_linking_does_not_depend_on_arrival_order(tmp_path):
    reports = [report_a(), report_b(), report_b(aid="c"), report_b(date="2024-05-20", aid="d")]
    partitions = set()
    for n, order in enumerate(itertools.permutations(reports)):
        c = store.connect(tmp_path / f"o{n}.db")
        for r in order:
            store.save(c, r)
        groups = {}
        for eid, aid in c.execute("SELECT event_id, article_id FROM article_events"):
            groups.setdefault(eid, set()).add(aid)
        partitions.add(frozenset(frozenset(g) for g in groups.values()))
        c.close()
    assert partitions == {frozenset({frozenset({"a", "b", "c"}), frozenset({"d"})})}


def test_changed_article_replaces_its_rows_and_canonical_ones(conn):
    store.save(conn, report_a())
    store.save(conn, report_b())
    changed = report_b()
    changed["people"] = [person("Binh", "VNM", "Minister"), person("Petr Orlov", "RUS")]
    changed["events"][0]["people"] = ["Binh", "Petr Orlov"]
    assert store.save(conn, changed) == "replaced"
    names = {r[0] for r in conn.execute("SELECT name FROM people")}
    assert "Petr Orlov" in names and "Ivan Sokolov" in names
    assert count(conn, "articles") == 2
    # Sokolov is named by article a only now
    assert conn.execute("SELECT n_articles FROM people WHERE name = 'Ivan Sokolov'").fetchone()[0] == 1


def test_deleting_the_last_source_deletes_the_canonical_rows(conn):
    store.save(conn, report_a())
    store.delete(conn, "a")
    for table in ("events", "people", "evidence", "article_events", "participants", "agreements"):
        assert count(conn, table) == 0, table


def test_people_one_row_per_person_not_per_form(conn):
    store.save(conn, record("p1", "x", [person("Phan Van Giang", "VNM", "Minister")]))
    store.save(conn, record("p2", "y", [person("Giang", "VNM", "Minister")]))
    store.save(conn, record("p3", "z", [person("Phan Văn Giang", "VNM")]))
    store.save(conn, record("p4", "w", [person("Nguyen Giang Son", "VNM")]))
    store.save(conn, record("p5", "v", [person("Giang", "CHN")]))
    rows = {(r[0], r[1]) for r in conn.execute("SELECT name, country FROM people")}
    assert rows == {("Phan Van Giang", "VNM"), ("Nguyen Giang Son", "VNM"), ("Giang", "CHN")}
    [giang] = queries.people(conn, name="Phan Van")
    assert set(giang["aliases"]) == {"Giang", "Phan Văn Giang"} and giang["n_articles"] == 3


def test_an_ambiguous_short_name_starts_its_own_row(conn):
    store.save(conn, record("p1", "x", [person("Nguyen Van Hung", "VNM")]))
    store.save(conn, record("p2", "y", [person("Nguyen Manh Hung", "VNM")]))
    store.save(conn, record("p3", "z", [person("Hung", "VNM")]))
    assert count(conn, "people") == 3


def test_republication_is_marked_near_duplicate(conn):
    long_body = " ".join(f"Sentence {i} about the defence talks between the two ministers." for i in range(40))
    store.save(conn, record("orig", long_body))
    store.save(conn, record("copy", long_body + " Reprinted with permission."))
    store.save(conn, record("other", " ".join(f"Unrelated line {i} on weather." for i in range(40))))
    dup = dict(conn.execute("SELECT id, duplicate_of FROM articles").fetchall())
    assert dup == {"orig": None, "copy": "orig", "other": None}


def test_agreements_from_two_reports_are_one_document(conn):
    doc = {"type": "memorandum_of_understanding", "subject": "defence industry", "countries": ["RUS", "VNM"],
           "status": "signed", "date": "2024-05-03", "date_precision": "day", "event": 0, "signatories": [],
           "evidence": [{"start": 0, "end": 5, "text": "Signe"}]}
    a, b = report_a(), report_b()
    a["agreements"] = [doc]
    b["agreements"] = [dict(doc, subject="cooperation in defence industry")]
    store.save(conn, a)
    store.save(conn, b)
    [g] = queries.agreements(conn, country="Vietnam", with_="Russia", since="2024")
    assert g["n_sources"] == 2 and g["sources"] == ["a", "b"]
    assert queries.agreements(conn, since="2025") == []


def test_full_text_search_over_evidence_and_bodies(conn):
    store.save(conn, report_a())
    hits = queries.search(conn, "Sokolov")
    assert {h["kind"] for h in hits} == {"article"}
    hits = queries.search(conn, "met")
    assert hits[0]["kind"] == "evidence" and hits[0]["event_id"] is not None
    store.delete(conn, "a")
    assert queries.search(conn, "Sokolov") == []


def test_filters(conn):
    store.save(conn, report_a())
    store.save(conn, record("k", "Seoul talks.", [person("Kim Min Su", "KOR")],
                            [meeting(["Kim Min Su"], "2023-02-01", countries=("KOR", "VNM"))], published="2023-02-01"))
    assert [e["countries"] for e in queries.events(conn, country="Viet Nam", with_="KOR")] == [["KOR", "VNM"]]
    assert len(queries.events(conn, country="VNM")) == 2
    assert len(queries.events(conn, since="2024")) == 1
    assert len(queries.events(conn, until="2023-12")) == 1
    assert len(queries.events(conn, person="Sokolov")) == 1
    assert queries.events(conn, kind="call") == []
    assert [e["date"] for e in queries.timeline(conn, "VNM")] == ["2023-02-01", "2024-05-03"]


def test_boilerplate_neighbours_are_bounded(conn):
    from communique.link import similarity
    from communique.store import write
    body = " ".join(f"Standard paragraph {i} on the defence ministers meeting." for i in range(30))
    for i in range(30):
        store.save(conn, record(f"t{i:02d}", body + f" Item {i}."))
    neighbours, duplicate_of = write._neighbours(conn, "new", similarity.signature(body + " Item 99."))
    assert 0 < len(neighbours) <= write.MAX_NEIGHBOURS
    assert duplicate_of == "t00"


def test_the_rule_behind_each_evidence_sentence_is_kept(conn):
    ev = meeting([], date="2024-05-03", evidence="They held talks.")
    ev["evidence"][0]["rule"] = "events:talks"
    old = meeting([], date="2024-05-03", evidence="They held talks.")        # a record from before rules
    store.save(conn, record("r1", "They held talks. More text here.", events=[ev], published="2024-05-03"))
    store.save(conn, record("r2", "They held talks. Other words here.", events=[old], published="2024-05-04",
                            outlet="Other Wire"))
    (row,) = queries.events(conn)
    rules = {s["article_id"]: [e["rule"] for e in s["evidence"]] for s in queries.event(conn, row["id"])["sources"]}
    assert rules == {"r1": ["events:talks"], "r2": [None]}


def test_two_romanisations_of_one_name_are_one_person(conn):
    """"Sergei Shoigu" and "Sergey Shoygu" share no token as written: the index is searched with each
    token's one-vowel variants, and the names are compatible."""
    store.save(conn, record("r1", "Text one.", people=[person("Sergei Shoigu", "RUS", "Defence Minister")],
                            published="2024-05-01"))
    store.save(conn, record("r2", "Text two.", people=[person("Sergey Shoygu", "RUS", "Defense Minister")],
                            published="2024-05-02", outlet="Other Wire"))
    store.save(conn, record("r3", "Text three.", people=[person("Sergey Lavrov", "RUS", "Foreign Minister")],
                            published="2024-05-03", outlet="Third Wire"))
    names = sorted((p["name"], sorted(p["aliases"])) for p in queries.people(conn))
    assert names == [("Sergei Shoigu", ["Sergey Shoygu"]), ("Sergey Lavrov", [])]


def test_a_name_with_a_vowel_written_twice_is_the_same_person(conn):
    store.save(conn, record("r1", "Text one.", people=[person("Omar Hayee", "PAK", "Ambassador")],
                            published="2024-05-01"))
    store.save(conn, record("r2", "Text two.", people=[person("Omar Haye", "PAK", "Ambassador")],
                            published="2024-05-02", outlet="Other Wire"))
    store.save(conn, record("r3", "Text three.", people=[person("Omar Haye", "IND", "Ambassador")],
                            published="2024-05-03", outlet="Third Wire"))
    people = {(p["country"], frozenset([p["name"], *p["aliases"]])) for p in queries.people(conn)}
    assert people == {("IND", frozenset({"Omar Haye"})), ("PAK", frozenset({"Omar Haye", "Omar Hayee"}))}


def visit(date, historical, precision="day"):
    return meeting(["Vladimir Putin"], date=date, kind="visit", historical=historical, date_precision=precision,
                   evidence="The state visit of Vladimir Putin.", place="Hanoi")


PUTIN = [person("Vladimir Putin", "RUS", "President")]


def test_one_state_visit_recalled_in_later_articles_is_one_event(conn):
    """A June 2024 state visit reported as news once and recalled by two later articles (one giving
    only its month) is one canonical event with three sources, dated by the news report; recollections
    alone never make it news."""
    store.save(conn, record("news", "The state visit of Vladimir Putin. More.", people=PUTIN,
                            events=[visit("2024-06-19", False)], published="2024-06-20"))
    store.save(conn, record("later", "The state visit of Vladimir Putin. Text.", people=PUTIN,
                            events=[visit("2024-06", True, "month")], published="2024-09-01", outlet="Second Wire"))
    store.save(conn, record("much-later", "The state visit of Vladimir Putin. Again.", people=PUTIN,
                            events=[visit("2024-06-19", True)], published="2024-12-01", outlet="Third Wire"))
    (ev,) = queries.events(conn)
    assert ev["n_sources"] == 3 and ev["date"] == "2024-06-19" and ev["historical"] is False
    store.save(conn, record("recalled-only", "The state visit of Vladimir Putin. 2019.", people=PUTIN,
                            events=[visit("2019-11", True, "month")], published="2024-12-02", outlet="Fourth Wire"))
    store.save(conn, record("recalled-too", "The state visit of Vladimir Putin. In 2019.", people=PUTIN,
                            events=[visit("2019-11-05", True)], published="2025-01-10", outlet="Fifth Wire"))
    old = [e for e in queries.events(conn) if e["date"].startswith("2019")]
    assert len(old) == 1 and old[0]["historical"] is True and old[0]["n_sources"] == 2


def test_a_date_estimated_from_the_publication_is_stored_as_reported(conn):
    # the extractor placed an undated call on the publication day (date_source "published"): the
    # canonical event says "reported by", never a written day
    call = meeting(["Tran Quoc Binh", "Ivan Sokolov"], "2024-05-03", kind="call", date_source="published")
    store.save(conn, record("p", BODY_A, [person("Tran Quoc Binh", "VNM", "Minister"), person("Ivan Sokolov", "RUS")],
                            [call], published="2024-05-03"))
    row = conn.execute("SELECT date, date_precision, date_start, date_end FROM events").fetchone()
    assert row == (None, "reported", "2024-04-30", "2024-05-03")
