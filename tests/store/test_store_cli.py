"""Every read command and export format through the real command line over a real store built
from articles written here."""
import csv
import io
import json

import pytest
from support import cli

ARTICLES = {
    "wire.jsonl": [
        {"id": "w1", "url": "https://wire.example/w1", "outlet": "Wire", "published": "2024-05-04",
         "title": "Vietnam, Russia hold defence talks",
         "text": "Minister of National Defence General Tran Quoc Binh held talks with Russian Deputy Defence "
                 "Minister Colonel General Ivan Sokolov in Hanoi on May 3. The two sides signed a memorandum "
                 "of understanding on military training cooperation. Binh said Vietnam wants to expand "
                 "cooperation in defence industry and military medicine. Vietnam and Russia established "
                 "diplomatic relations on January 30, 1950."},
        {"id": "w2", "url": "https://daily.example/w2", "outlet": "Daily", "published": "2024-05-03",
         "title": "Russian deputy minister in Hanoi",
         "text": "Vietnamese Defence Minister Tran Quoc Binh on May 3 received Russian Deputy Defence Minister "
                 "Ivan Sokolov in Hanoi. Sokolov said Russia valued its comprehensive strategic partnership with Vietnam. The two sides signed "
                 "a memorandum of understanding on military training cooperation."},
        {"id": "w3", "url": "https://wire.example/w3", "outlet": "Wire", "published": "2023-11-20",
         "title": "Vietnam and Laos defence chiefs meet",
         "text": "Vietnamese Minister of National Defence General Tran Quoc Binh held talks with Lao Minister of "
                 "National Defence General Khamphong Souvanna in Vientiane on November 19. They agreed to "
                 "boost cooperation in search and rescue."},
    ],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    (d / "in").mkdir()
    for name, rows in ARTICLES.items():
        (d / "in" / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (d / "in" / "broken.txt").write_bytes(b"")
    path = d / "c.db"
    r = cli("ingest", str(d / "in"), "--db", str(path))
    assert r.returncode == 1, r.stderr.decode()          # one input rejected, the rest stored
    assert "read 4, stored 3, rejected 1" in r.stderr.decode()
    return path


def run_json(*args):
    r = cli(*args)
    assert r.returncode == 0, r.stderr.decode()
    return json.loads(r.stdout)


def run_csv(*args):
    r = cli(*args, "--csv")
    assert r.returncode == 0, r.stderr.decode()
    return list(csv.DictReader(io.StringIO(r.stdout.decode())))


def test_two_reports_one_event(db):
    events = run_json("events", "--db", str(db), "--country", "Vietnam", "--with", "Russia", "--json")
    [meeting] = [e for e in events if e["kind"] == "meeting"]
    assert meeting["n_sources"] == 2 and meeting["date"] == "2024-05-03"
    assert {p["name"] for p in meeting["people"]} >= {"Tran Quoc Binh", "Ivan Sokolov"}


@pytest.mark.parametrize("args", [
    ["events"], ["events", "--kind", "meeting", "--since", "2024", "--until", "2024-12"],
    ["events", "--person", "Binh"], ["agreements"], ["agreements", "--country", "VNM"], ["people"],
    ["people", "--country", "Laos"], ["timeline", "Vietnam"], ["timeline", "VNM", "LAO"], ["search", "training"],
    ["stats"], ["rejects"], ["relations"], ["relations", "--country", "Vietnam", "--at", "2024"],
])
def test_every_read_command_prints_table_json_and_csv(db, args):
    table = cli(*args, "--db", str(db))
    assert table.returncode == 0 and table.stdout.strip(), table.stderr.decode()
    data = run_json(*args, "--db", str(db), "--json")
    assert data
    rows = run_csv(*args, "--db", str(db))
    if isinstance(data, list):
        assert len(rows) == len(data)


def test_filters_select(db):
    assert len(run_json("events", "--db", str(db), "--since", "2025", "--json")) == 0
    lao = run_json("timeline", "VNM", "LAO", "--db", str(db), "--json")
    assert {tuple(e["countries"]) for e in lao} == {("LAO", "VNM")}
    [doc] = run_json("agreements", "--db", str(db), "--with", "Russia", "--json")
    assert doc["type"] == "memorandum_of_understanding" and doc["n_sources"] == 2
    people = run_json("people", "--db", str(db), "--name", "Binh", "--json")
    assert len(people) == 1 and people[0]["n_articles"] == 3


def test_show_lists_sources_and_highlights_evidence(db):
    events = run_json("events", "--db", str(db), "--with", "Russia", "--kind", "meeting", "--json")
    r = cli("show", str(events[0]["id"]), "--db", str(db))
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "2 report(s) (2 independent article(s), 2 outlet(s))" in out and "[w1]" in out and "[w2]" in out
    assert "held talks with Russian" in out
    data = run_json("show", str(events[0]["id"]), "--db", str(db), "--json")
    assert {s["article_id"] for s in data["sources"]} == {"w1", "w2"}
    ev = data["sources"][0]["evidence"][0]
    assert ev["text"] and ev["end"] > ev["start"]


def test_show_highlights_with_ansi_when_forced(db):
    events = run_json("events", "--db", str(db), "--kind", "meeting", "--json")
    r = cli("show", str(events[0]["id"]), "--db", str(db), "--color")
    assert "\x1b[1m" in r.stdout.decode()


def test_export_formats_read_back_by_their_libraries(db, tmp_path):
    import pyarrow.parquet as pq

    n_events = len(run_json("events", "--db", str(db), "--json"))
    out = {fmt: tmp_path / f"e.{fmt}" for fmt in ("jsonl", "csv", "parquet")}
    for fmt, path in out.items():
        r = cli("export", "--format", fmt, "--out", str(path), "--db", str(db))
        assert r.returncode == 0, r.stderr.decode()
        assert f"exported {n_events} events" in r.stderr.decode()
    lines = [json.loads(x) for x in out["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(lines) == n_events
    merged = next(x for x in lines if x["kind"] == "meeting" and "RUS" in x["countries"])
    assert sorted(merged["sources"]) == ["w1", "w2"] and merged["reports"][0]["evidence"]
    rows = list(csv.DictReader(out["csv"].open(encoding="utf-8")))
    assert len(rows) == n_events and {"id", "kind", "countries", "sources"} <= set(rows[0])
    table = pq.read_table(out["parquet"])
    assert table.num_rows == n_events and table.schema.field("sources").type.value_type == "string"
    stdout = cli("export", "--db", str(db))
    assert len(stdout.stdout.decode().splitlines()) == n_events


def test_the_plover_export_meets_the_specification(db, tmp_path):
    from communique.exports.plover import problems

    path = tmp_path / "e.plover"
    assert cli("export", "--format", "plover", "--out", str(path), "--db", str(db)).returncode == 0
    plover = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert plover and all(problems(p) == [] for p in plover), [problems(p) for p in plover]
    talks = next(p for p in plover if {"RUS", "VNM"} == {a["code"] for a in p["actor"] + p["recipient"]})
    assert talks["date"] == "2024-05-03" and talks["event"] == ["CONSULT"] and "diplomatic" in talks["context"]
    assert talks["event_loc"]["extracted_place"] == "Hanoi" and talks["event_loc"]["geonameid"] == 1581130
    assert {a["sector"] for a in talks["actor"] + talks["recipient"]} <= {"GOV", "MIL", "GOVMIL"}
    assert sorted(talks["urls"]) == ["https://daily.example/w2", "https://wire.example/w1"]
    # the checker itself finds what breaks the specification
    broken = dict(talks, date="May 2024", event=["MEET"], mode=["host"], context=["defence"], event_type="x")
    found = problems(broken)
    assert {"date 'May 2024' is not YYYY-MM-DD", "event 'MEET' not a PLOVER category",
            "context 'defence' not a PLOVER context", "unknown field event_type"} <= set(found)
    assert problems({k: v for k, v in talks.items() if k != "actor"}) == ["missing required field actor"]


def test_parquet_dates_are_dates_for_pandas_and_mentions_one_row_per_report(db, tmp_path):
    import datetime as dt

    import pandas as pd

    path = tmp_path / "e.parquet"
    assert cli("export", "--format", "parquet", "--out", str(path), "--db", str(db)).returncode == 0
    frame = pd.read_parquet(path)
    assert len(frame) and all(isinstance(v, dt.date) for v in frame["date_start"]) \
        and all(isinstance(v, dt.date) for v in frame["date_end"])
    assert (frame["date_start"] <= frame["date_end"]).all()
    assert set(frame["date_precision"]) <= {"day", "range", "month", "year", "reported"}
    hanoi = frame[frame["place"] == "Hanoi"].iloc[0]
    assert abs(hanoi["place_lat"] - 21.02) < 0.1 and abs(hanoi["place_lon"] - 105.84) < 0.1
    mentions = tmp_path / "m.csv"
    r = cli("export", "--format", "mentions", "--out", str(mentions), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    rows = list(csv.DictReader(mentions.open(encoding="utf-8")))
    talks = next(x for x in frame[frame["n_sources"] == 2]["id"])
    mine = [m for m in rows if m["event_id"] == talks]
    assert sorted({m["article_id"] for m in mine}) == ["w1", "w2"]
    assert all(m["sentence"] and int(m["sentence_end"]) > int(m["sentence_start"]) for m in mine)


def test_relations_command_and_export(db, tmp_path):
    rows = run_json("relations", "--db", str(db), "--json")
    assert sorted((tuple(r["countries"]), r["level"], r["status"], r["date"]) for r in rows) == [
        (("RUS", "VNM"), "comprehensive strategic partnership", "current", None),
        (("RUS", "VNM"), "diplomatic relations", "established", "1950-01-30")]
    assert all(r["id"].startswith("rel-") for r in rows)
    # on a date: one row per pair, the highest level known to hold by then
    [held] = run_json("relations", "--db", str(db), "--with", "Russia", "--at", "2024-06", "--json")
    assert held["level"] == "comprehensive strategic partnership"
    [early] = run_json("relations", "--db", str(db), "--with", "Russia", "--at", "1960", "--json")
    assert early["level"] == "diplomatic relations"
    assert run_json("relations", "--db", str(db), "--at", "1949", "--json") == []
    assert [r["status"] for r in run_json("relations", "--db", str(db), "--status", "current", "--json")] == ["current"]
    out = tmp_path / "rel.csv"
    r = cli("export", "--format", "relations-csv", "--out", str(out), "--db", str(db))
    assert r.returncode == 0 and "exported 2 relations" in r.stderr.decode()
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {(x["a"], x["b"], x["level"]) for x in table} == {("RUS", "VNM", "comprehensive strategic partnership"),
                                                            ("RUS", "VNM", "diplomatic relations")}
    assert {x["sources"] for x in table} == {"w1", "w2"}
    lines = cli("export", "--format", "relations", "--db", str(db)).stdout.decode().splitlines()
    exported = [json.loads(x) for x in lines]
    assert len(exported) == 2 and all(x["reports"][0]["evidence"][0]["text"] for x in exported)
    bad = cli("export", "--format", "relations", "--kind", "meeting", "--db", str(db))
    assert bad.returncode == 2 and "relations take" in bad.stderr.decode()


@pytest.mark.parametrize("args,message", [
    (["events", "--country", "Atlantis"], "unknown country 'Atlantis'"),
    (["events", "--since", "May 2024"], "bad date 'May 2024'"),
    (["show", "99999"], "no event '99999'"),
    (["export", "--format", "parquet"], "parquet needs a file"),
    (["search", "a*"], "a prefix search needs at least 2 letters"),
    (["relations", "--at", "2024-02-30"], "bad date '2024-02-30'"),
    (["relations", "--country", "Atlantis"], "unknown country 'Atlantis'"),
    (["events", "--country", "Korea"], "'Korea' could mean KOR (South Korea), PRK (North Korea)"),
    (["timeline", "Congo"], "'Congo' could mean COD (DR Congo), COG (Congo)"),
])
def test_errors_are_one_line_with_a_hint(db, args, message):
    r = cli(*args, "--db", str(db))
    err = r.stderr.decode().strip()
    assert r.returncode == 2 and err.startswith("error: ") and message in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_a_missing_or_foreign_database_is_one_line(tmp_path):
    r = cli("events", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 1 and "no such database" in r.stderr.decode()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    r = cli("events", "--db", str(junk))
    err = r.stderr.decode().strip()
    assert r.returncode == 1 and len(err.splitlines()) == 1 and "not a communique database" in err
