"""The real command line in subprocesses, over files written here."""
import json
import sqlite3

import pytest
from support import cli

ARTICLE = ("Defence Ministers meet in Hanoi\n\n"
           "Minister of National Defence General Vo Thanh Nam held talks with his Lao counterpart "
           "Khamphong Souvanna in Hanoi on June 3. Nam said Vietnam and Laos will expand training.\n")


def _inputs(tmp_path):
    good = tmp_path / "in"
    good.mkdir()
    (good / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (good / "empty.txt").write_bytes(b"")
    (good / "bin.txt").write_bytes(b"\x00\x01binary")
    (good / "bad.jsonl").write_text('{"id": "j1", "text": "Body."}\n{oops\n', encoding="utf-8")
    return good


def test_extract_writes_records_and_lists_rejections(tmp_path):
    out = tmp_path / "out"
    r = cli("extract", str(_inputs(tmp_path)), str(tmp_path / "missing.txt"), "--out", str(out))
    assert r.returncode == 1
    err = r.stderr.decode()
    for reason in ("empty file", "binary file", "malformed JSON", "no such file or directory"):
        assert reason in err
    assert "read 6, extracted 2, rejected 4" in err
    assert sorted(p.name for p in out.glob("*.json")) == ["good.json", "j1.json"]
    rec = json.loads((out / "good.json").read_text(encoding="utf-8"))
    for key in ("id", "url", "outlet", "title", "published", "published_source", "body", "captions", "people"):
        assert key in rec
    nam = next(p for p in rec["people"] if p["name"] == "Vo Thanh Nam")
    assert (nam["title"], nam["rank"], nam["country"]) == ("Minister of National Defence", "General", "VNM")
    assert all(rec["body"][m["start"]:m["end"]] == m["text"] for m in nam["mentions"])
    lao = next(p for p in rec["people"] if p["name"] == "Khamphong Souvanna")
    assert lao["country"] == "LAO"


def test_extract_without_out_prints_json_lines_and_reads_stdin():
    r = cli("extract", "-", stdin=ARTICLE.encode("cp1252"))
    assert r.returncode == 0
    [line] = r.stdout.decode().splitlines()
    assert json.loads(line)["id"].startswith("sha1-")


def test_cp1252_input_is_noted(tmp_path):
    (tmp_path / "w.txt").write_bytes("Minister’s talks – Hanoi.".encode("cp1252"))
    r = cli("extract", str(tmp_path / "w.txt"))
    assert r.returncode == 0 and "decoded as cp1252" in r.stderr.decode()


def test_size_limit_flag(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = cli("extract", str(tmp_path / "a.txt"), "--max-bytes", "10")
    assert r.returncode == 1 and "over the 10-byte limit" in r.stderr.decode()


def test_usage_error_exits_2():
    assert cli("extract").returncode == 2
    assert cli("no-such-command").returncode == 2


@pytest.mark.slow
def test_ingest_stores_articles_and_rejects_idempotently(tmp_path):
    db = tmp_path / "c.db"
    inputs = _inputs(tmp_path)
    r1 = cli("ingest", str(inputs), "--db", str(db), "-v")
    assert r1.returncode == 1
    assert "Vo Thanh Nam (Minister of National Defence, VNM)" in r1.stdout.decode()
    r2 = cli("ingest", str(inputs), "--db", str(db), "--quiet")
    assert "2 unchanged" in r2.stderr.decode()
    assert r2.stdout == b"" and "rejected:" not in r2.stderr.decode()            # the summary only
    assert r2.stderr.decode().count("  - ") == 3                                  # which lists every reject
    r3 = cli("ingest", str(inputs), "--db", str(db), "--force")
    assert r3.stdout == b"" and r3.stderr.decode().count("rejected: ") == 3      # no line per article by default
    assert "read 5, stored 2, rejected 3" in r3.stderr.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM article_people WHERE name = 'Vo Thanh Nam'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM rejects").fetchone()[0] == 3   # once per input, however many runs
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.slow
def test_changed_article_replaces_earlier_version(tmp_path):
    db, f = tmp_path / "c.db", tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(f), "--db", str(db))
    f.write_text(ARTICLE.replace("Khamphong Souvanna", "Bounmy Phommachanh"), encoding="utf-8")
    r = cli("ingest", str(f), "--db", str(db))
    assert "1 replaced" in r.stderr.decode()
    with sqlite3.connect(db) as conn:
        names = {n for (n,) in conn.execute("SELECT name FROM article_people")}
    assert "Bounmy Phommachanh" in names and "Khamphong Souvanna" not in names


@pytest.mark.slow
def test_ner_flag_adds_names_no_title_anchors():
    text = b"Anna Kovacs held talks with Polish Defence Minister Jan Nowak in Warsaw on Monday.\n"
    names = {}
    for flags in ([], ["--ner"]):
        r = cli("extract", "-", *flags, stdin=text)
        assert r.returncode == 0, r.stderr
        names[bool(flags)] = sorted(p["name"] for p in json.loads(r.stdout)["people"])
    assert names == {False: ["Jan Nowak"], True: ["Anna Kovacs", "Jan Nowak"]}


def test_every_command_help_has_examples_that_use_real_options():
    """Each command's --help shows how it is called; every option an example uses exists."""
    import re

    from click.testing import CliRunner

    from communique.cli import main
    runner = CliRunner()
    for name, command in main.commands.items():
        text = runner.invoke(main, [name, "--help"]).output
        assert "Examples:" in text, name
        examples = text[text.index("Examples:"):text.index("Options:")]
        lines = [x.strip() for x in examples.splitlines()[1:] if x.strip()]
        assert lines and all(x.split()[:2] == ["communique", name] or x.startswith("cat ") for x in lines), name
        options = {o for p in command.params for o in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])}
        for used in re.findall(r"(?<!\S)(--?[a-z][\w-]*)", examples):
            assert used in options or used in ("-h", "--help"), (name, used)
