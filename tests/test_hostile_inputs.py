"""Hostile and careless inputs through the real CLI (issue 13): every bad input is one reject with
its reason, the batch goes on, nothing accepted is lost, nothing is stored over something else."""
import json
import sqlite3

import pytest
from support import cli

ARTICLE = ("Minister of National Defence General Vo Thanh Nam held talks with his Lao counterpart "
           "Khamphong Souvanna in Hanoi on June 3. Nam said Vietnam and Laos will expand training.\n")


def _rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.slow
@pytest.mark.parametrize("processes", ["1", "2"])
def test_bad_lines_in_the_middle_never_stop_the_batch(tmp_path, processes):
    lines = [json.dumps({"id": f"ok{i}", "text": ARTICLE.replace("June 3", f"June {i + 1}")}) for i in range(5)]
    lines += [json.dumps({"id": "num", "title": 12, "text": ARTICLE}),
              '{"id": "sur", "text": "Minister Vo Thanh Nam met \\ud800 officials in Hanoi."}',
              json.dumps({"id": "brackets", "text": "[" * 100000}),
              json.dumps({"id": "quotes", "text": '"' * 200000}),
              "{oops"]
    lines += [json.dumps({"id": f"late{i}", "text": ARTICLE}) for i in range(3)]
    src = tmp_path / "mix.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    r = cli("ingest", str(src), "--db", str(db), "--quiet", "--processes", processes)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    stored = {row[0] for row in _rows(db, "SELECT id FROM articles")}
    assert {f"ok{i}" for i in range(5)} | {f"late{i}" for i in range(3)} | {"sur"} <= stored
    rejects = dict(_rows(db, "SELECT source, reason FROM rejects"))
    assert rejects[f"{src}:6"] == "field 'title' is int, not text"
    assert rejects[f"{src}:10"].startswith("malformed JSON")
    assert "no text left" in rejects[f"{src}:8"] and "without a space" in rejects[f"{src}:9"]
    assert len(rejects) == 4
    cli("ingest", str(src), "--db", str(db), "--quiet")
    assert len(_rows(db, "SELECT source FROM rejects")) == 4          # a rerun does not repeat them


@pytest.mark.slow
def test_two_files_of_one_name_are_two_articles_or_a_reported_collision(tmp_path):
    for d in ("d1", "d2"):
        (tmp_path / "in" / d).mkdir(parents=True)
        (tmp_path / "in" / d / "report.txt").write_text(ARTICLE.replace("Hanoi", f"Hanoi ({d})"), encoding="utf-8")
    db = tmp_path / "walk.db"
    assert cli("ingest", str(tmp_path / "in"), "--db", str(db), "--quiet").returncode == 0
    assert sorted(r[0] for r in _rows(db, "SELECT id FROM articles")) == ["d1/report", "d2/report"]
    db2 = tmp_path / "files.db"
    assert cli("ingest", str(tmp_path / "in" / "d1" / "report.txt"), "--db", str(db2), "--quiet").returncode == 0
    r = cli("ingest", str(tmp_path / "in" / "d2" / "report.txt"), "--db", str(db2), "--quiet")
    assert r.returncode == 1 and "already stored from" in r.stderr.decode()
    [(source,)] = _rows(db2, "SELECT source FROM articles WHERE id = 'report'")
    assert source.endswith("d1/report.txt")                          # the first is not replaced


def test_extract_out_file_names_are_collision_free_and_reversible(tmp_path):
    from urllib.parse import unquote
    ids = ["a/b", "a_b", "a?b", ".hidden", "x" * 3]
    src = tmp_path / "ids.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": ARTICLE}) for i in ids) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = cli("extract", str(src), "--out", str(out))
    assert r.returncode == 0 and "extracted 5" in r.stderr.decode()
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 5
    assert sorted(unquote(f[:-len(".json")]) for f in files) == sorted(ids)
    assert all(json.loads((out / f).read_text(encoding="utf-8"))["id"] == unquote(f[:-5]) for f in files)


@pytest.mark.slow
def test_an_article_over_its_time_budget_is_rejected_and_the_batch_goes_on(tmp_path):
    import os
    import subprocess

    from support import CLI, REPO
    src = tmp_path / "two.jsonl"
    long_text = "".join(ARTICLE.replace("June 3", f"day {k}") for k in range(3000))   # distinct lines
    rows = [{"id": "first", "text": ARTICLE}, {"id": "long", "text": long_text}, {"id": "short", "text": ARTICLE}]
    src.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    db = tmp_path / "b.db"
    r = subprocess.run(CLI + ["ingest", str(src), "--db", str(db), "--quiet"], capture_output=True, cwd=REPO,
                       env={**os.environ, "COMMUNIQUE_ARTICLE_BUDGET_S": "2"}, timeout=300)
    assert r.returncode == 1
    assert sorted(r[0] for r in _rows(db, "SELECT id FROM articles")) == ["first", "short"]
    [(reason,)] = _rows(db, "SELECT reason FROM rejects")
    assert reason == "took longer than 2 s to extract (article_budget_s)"


def test_read_commands_never_create_or_migrate_and_refuse_what_is_not_a_store(tmp_path):
    missing = tmp_path / "missing.db"
    r = cli("events", "--db", str(missing))
    assert r.returncode != 0 and not missing.exists()
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    before = other.read_bytes()
    for args in (["events"], ["stats"], ["search", "defence"], ["serve", "--port", "0"]):
        r = cli(*args, "--db", str(other))
        err = r.stderr.decode().strip().splitlines()
        assert r.returncode != 0 and err[-1] == f"error: {other}: not a communique database (no articles table)"
    assert other.read_bytes() == before
    assert _rows(other, "SELECT name FROM sqlite_master") == [("notes",)]


def test_extract_out_files_follow_the_umask_and_leave_no_temporary_files(tmp_path):
    import os
    import stat
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        assert cli("extract", str(src), "--out", str(out)).returncode == 0
    finally:
        os.umask(old)
    [f] = list(out.iterdir())
    assert f.name == "a.json" and stat.S_IMODE(f.stat().st_mode) == 0o644


@pytest.mark.slow
def test_display_names_do_not_depend_on_the_order_articles_arrive_in(tmp_path):
    # one minister written two ways of the same length (a diacritic dropped by one outlet)
    forms = ["Vo Thanh Nam", "Võ Thanh Nam", "Vo Thanh Nam"]
    files = []
    for i, form in enumerate(forms):
        f = tmp_path / f"a{i}.txt"
        f.write_text(ARTICLE.replace("Vo Thanh Nam", form).replace("June 3", f"June {i + 3}"), encoding="utf-8")
        files.append(f)
    names = []
    for order in (files, files[::-1], [files[1], files[0], files[2]]):
        db = tmp_path / f"order{len(names)}.db"
        for f in order:                      # one ingest per file: the arrival order is the order given
            assert cli("ingest", str(f), "--db", str(db), "--quiet").returncode == 0
        names.append(sorted(_rows(db, "SELECT name, n_articles FROM people")))
    assert names[0] == names[1] == names[2]
    assert ("Vo Thanh Nam", 3) in names[0]    # the form most articles use, whoever came first
