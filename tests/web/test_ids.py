"""Citable ids (link/uids.py): the same inputs give the same event ids whatever the order, the
number of processes; an id an event had before an earlier report joined it still answers."""
import json
import sqlite3

import pytest
from support import SHARED, cli, needs_shared
from webserver import Server

pytestmark = pytest.mark.slow


def _members(db, sql):
    """uid -> the set of (article, index) rows it holds."""
    out: dict[str, set] = {}
    with sqlite3.connect(db) as conn:
        for uid, aid, idx in conn.execute(sql):
            out.setdefault(uid, set()).add((aid, idx))
    return out


def _people(db):
    return _members(db, "SELECT p.uid, ap.article_id, ap.idx FROM people p JOIN article_people ap ON ap.person_id = p.id")


def _agreements(db):
    return _members(db, "SELECT g.uid, aa.article_id, aa.idx FROM agreements g"
                        " JOIN article_agreements aa ON aa.agreement_id = g.id")


def _events(db):
    return _members(db, "SELECT e.uid, ae.article_id, ae.idx FROM events e JOIN article_events ae ON ae.event_id = e.id")


@needs_shared
def test_dev_and_seeds_in_any_order_or_process_count_give_the_same_ids(built_db, tmp_path):
    lines = (SHARED / "corpus" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    reversed_input = tmp_path / "reversed.jsonl"
    reversed_input.write_text("\n".join(lines[::-1]) + "\n", encoding="utf-8")
    other = tmp_path / "other.db"            # seeds first, the dev articles backwards
    assert cli("ingest", str(SHARED / "corpus" / "seeds"), str(reversed_input), "--db", str(other),
               "--quiet").returncode == 0
    parallel = tmp_path / "parallel.db"
    assert cli("ingest", str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds"),
               "--db", str(parallel), "--quiet", "--processes", "2").returncode == 0
    first = _events(built_db)
    assert len(first) > 50 and all(uid and uid.startswith("ev-") and len(uid) == 13 for uid in first)
    assert _events(other) == first
    assert _events(parallel) == first
    people = _people(built_db)
    assert len(people) > 50 and all(uid and uid.startswith("p-") for uid in people)
    assert _people(other) == people and _people(parallel) == people
    agreements = _agreements(built_db)
    assert len(agreements) > 10 and all(uid and uid.startswith("ag-") for uid in agreements)
    assert _agreements(other) == agreements and _agreements(parallel) == agreements


STORY = ("Vietnamese Minister of National Defence General Tran Quoc Binh held talks with Russian Deputy Defence Minister "
         "Colonel General Ivan Sokolov in Hanoi on May 3, 2024. The two sides signed a memorandum of "
         "understanding on military training cooperation.")


def test_an_id_given_out_before_an_earlier_report_joined_still_answers(tmp_path):
    db = tmp_path / "c.db"
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "later", "published": "2024-05-05", "outlet": "B", "text": STORY}) + "\n",
                     encoding="utf-8")
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text(json.dumps({"id": "earlier", "published": "2024-05-03", "outlet": "A", "text": STORY}) + "\n",
                       encoding="utf-8")
    assert cli("ingest", str(later), "--db", str(db), "--quiet").returncode == 0
    [old] = json.loads(cli("events", "--db", str(db), "--json").stdout)
    assert cli("ingest", str(earlier), "--db", str(db), "--quiet").returncode == 0
    [now] = json.loads(cli("events", "--db", str(db), "--json").stdout)
    assert now["id"] != old["id"] and now["n_sources"] == 2       # the founding report is the earlier one
    r = cli("show", old["id"], "--db", str(db))
    assert r.returncode == 0 and f"{old['id']} is now {now['id']}" in r.stderr.decode()
    assert now["id"] in r.stdout.decode()
    server = Server(db)
    try:
        import urllib.error
        import urllib.request
        opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                                  {"redirect_request": lambda *a, **k: None}))
        for path in (f"/api/events/{old['id']}", f"/events/{old['id']}", f"/events/{old['id']}.json"):
            try:
                opener.open(server.base + path)
                raise AssertionError(f"{path} did not redirect")
            except urllib.error.HTTPError as e:
                assert e.code == 308 and e.headers["location"] == path.replace(old["id"], now["id"])
        status, body = server.json(f"/api/events/{old['id']}")            # followed
        assert status == 200 and body["id"] == now["id"]
        assert server.json("/api/events/ev-0000000000")[0] == 404
        # the Vietnamese minister was first named by the later article; the earlier one founds him now
        with sqlite3.connect(db) as conn:
            old_person = conn.execute("SELECT uid FROM issued_uids WHERE uid LIKE 'p-%' AND article_id = 'later'"
                                      " AND idx = 0").fetchone()[0]
        status, body = server.json(f"/api/people/{old_person}")
        assert status == 200 and body["id"] != old_person and body["name"] == "Tran Quoc Binh"
    finally:
        server.stop()
