"""Faults with real processes on a real SQLite file: SIGKILL in the middle of an ingest, and two
ingests at once. Articles are generated here from a template."""
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest
from support import CLI, REPO

MINISTERS = [("Vietnam", "Vietnamese", "Tran Quoc Binh"), ("Laos", "Lao", "Khamphong Souvanna"),
             ("Cambodia", "Cambodian", "Sok Vanna"), ("Japan", "Japanese", "Sato Kenji"),
             ("India", "Indian", "Arjun Mehta"), ("Russia", "Russian", "Ivan Sokolov")]


def articles(n: int) -> list[dict]:
    out = []
    for i in range(n):
        _, dem, name = MINISTERS[1 + i % (len(MINISTERS) - 1)]
        day = 1 + i % 28
        out.append({"id": f"gen-{i:03d}", "url": f"https://gen.example/{i}", "outlet": "Gen", "published":
                    f"2024-03-{day:02d}", "title": f"Talks {i}", "text":
                    f"Vietnamese Minister of National Defence General Tran Quoc Binh held talks with {dem} "
                    f"Minister of Defence General {name} in Hanoi on March {day}. The two sides agreed to "
                    f"expand cooperation in military training and defence industry. Binh said the visit "
                    f"number {i} would deepen ties." + " Both sides reviewed past cooperation." * 20})
    return out


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def consistent(db) -> int:
    """Every stored article has exactly the rows its record says; returns the article count."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    n = 0
    for aid, payload in conn.execute("SELECT id, record_json FROM articles").fetchall():
        rec = json.loads(payload)
        assert conn.execute("SELECT count(*) FROM article_people WHERE article_id = ?", (aid,)).fetchone()[0] \
            == len(rec["people"])
        assert conn.execute("SELECT count(*) FROM article_events WHERE article_id = ? AND event_id IS NOT NULL",
                            (aid,)).fetchone()[0] == len(rec["events"])
        n += 1
    # canonical rows agree with their reports
    assert conn.execute("SELECT count(*) FROM events e WHERE n_sources != (SELECT count(DISTINCT article_id)"
                        " FROM article_events WHERE event_id = e.id)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM article_events"
                        " WHERE event_id = e.id)").fetchone()[0] == 0
    conn.close()
    return n


def stored(db) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_no_partial_article_and_a_rerun_completes(tmp_path):
    src, db = tmp_path / "a.jsonl", tmp_path / "k.db"
    write_jsonl(src, articles(40))
    proc = subprocess.Popen(CLI + ["ingest", str(src), "--db", str(db), "--quiet"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while stored(db) < 5 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = consistent(db)
    assert 5 <= partial < 40
    r = subprocess.run(CLI + ["ingest", str(src), "--db", str(db), "--quiet"], cwd=REPO, capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert f"{partial} unchanged" in r.stderr.decode() and f"{40 - partial} added" in r.stderr.decode()
    assert consistent(db) == 40
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM people WHERE name = 'Tran Quoc Binh'").fetchone()[0] == 1


@pytest.mark.slow
def test_two_ingests_at_once_both_succeed_and_nothing_is_corrupted(tmp_path):
    rows = articles(24)
    first, second, db = tmp_path / "1.jsonl", tmp_path / "2.jsonl", tmp_path / "c.db"
    write_jsonl(first, rows[:16])
    write_jsonl(second, rows[8:])           # 8 articles in both
    procs = [subprocess.Popen(CLI + ["ingest", str(p), "--db", str(db), "--quiet"], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in (first, second)]
    results = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, results, strict=False):
        assert p.returncode == 0, err.decode()
    assert consistent(db) == 24
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM article_people WHERE name = 'Tran Quoc Binh'").fetchone()[0] == 24
        assert conn.execute("SELECT count(*) FROM people WHERE name = 'Tran Quoc Binh'").fetchone()[0] == 1


@pytest.mark.parametrize("content,reason", [(b"", "empty file"), (b"\x00\x01\x02", "binary file")])
def test_rejects_are_listed_by_the_rejects_command(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    db = tmp_path / "r.db"
    subprocess.run(CLI + ["ingest", str(tmp_path / "bad.txt"), "--db", str(db)], cwd=REPO, capture_output=True)
    r = subprocess.run(CLI + ["rejects", "--db", str(db), "--json"], cwd=REPO, capture_output=True)
    [row] = json.loads(r.stdout)
    assert row["source"].endswith("bad.txt") and reason in row["reason"]
