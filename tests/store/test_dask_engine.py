"""`ingest --engine dask` against a real dask.distributed LocalCluster with 2 worker processes:
the store it builds from dev + seeds equals the single-process store."""
import sqlite3

import pytest
from support import SHARED, cli, needs_shared

pytestmark = [needs_shared, pytest.mark.slow]


def snapshot(db):
    """Events, people and agreements as comparable sets (row ids differ with arrival order)."""
    conn = sqlite3.connect(db)
    events = set()
    for eid, kind, countries, date, place, historical, n in conn.execute(
            "SELECT id, kind, countries, date, place, historical, n_sources FROM events"):
        sources = tuple(sorted(r[0] for r in conn.execute(
            "SELECT article_id FROM article_events WHERE event_id = ?", (eid,))))
        people = tuple(sorted(r[0] for r in conn.execute(
            "SELECT DISTINCT pe.name FROM article_events ae JOIN participants p ON p.article_id = ae.article_id"
            " AND p.event_idx = ae.idx JOIN people pe ON pe.id = p.person_id WHERE ae.event_id = ?", (eid,))))
        events.add((kind, countries, date, place, historical, n, sources, people))
    people = {(name, country, n, tuple(sorted(r[0] for r in conn.execute(
        "SELECT DISTINCT alias FROM person_aliases WHERE person_id = ?", (pid,)))))
        for pid, name, country, n in conn.execute("SELECT id, name, country, n_articles FROM people")}
    agreements = set(conn.execute("SELECT type, subject, status, countries, date, n_sources FROM agreements"))
    conn.close()
    return events, people, agreements


def test_dask_engine_store_equals_single_process_store(tmp_path):
    from distributed import LocalCluster

    inputs = [str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds")]
    local, distributed_db = tmp_path / "local.db", tmp_path / "dask.db"
    r = cli("ingest", *inputs, "--db", str(local), "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        r = cli("ingest", *inputs, "--db", str(distributed_db), "--quiet", "--engine", "dask",
                "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr.decode()
    assert "60 added" in r.stderr.decode()
    ev_local, people_local, agr_local = snapshot(local)
    ev_dask, people_dask, agr_dask = snapshot(distributed_db)
    assert len(ev_local) > 50
    assert ev_dask == ev_local
    assert people_dask == people_local
    assert agr_dask == agr_local


def test_dask_engine_needs_a_reachable_scheduler(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Ministers met in Hanoi.", encoding="utf-8")
    r = cli("ingest", str(src), "--db", str(tmp_path / "x.db"), "--engine", "dask")
    assert r.returncode == 2 and "needs --scheduler" in r.stderr.decode()
    r = cli("ingest", str(src), "--db", str(tmp_path / "x.db"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
            env={"COMMUNIQUE_DASK_CONNECT_S": "1"})
    err = r.stderr.decode().strip()
    assert r.returncode == 2 and "cannot reach the dask scheduler" in err and len(err.splitlines()) == 1
