"""Scale: memory and rate of ingesting many synthetic articles, and query latency on a store of
a million events.

    .venv/bin/python benchmarks/scale.py ingest --articles 100000 [--processes 2]
    .venv/bin/python benchmarks/scale.py queries --events 1000000
    (add --out FILE to append the report there)

`ingest` streams synthetic articles (benchmarks/synthetic.py) through the real `communique
ingest` in a subprocess, sampling its RSS (and its workers') every second: peak, and the peak of
each tenth of the run, to show it stays flat. `queries` bulk-loads canonical events into a fresh
store (the same schema and indexes; linking is not what is measured there), then times the
events filter, timeline and search queries of store/queries.py and prints their plans.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402


def _rss_mb(pid: int) -> float:
    import psutil
    try:
        p = psutil.Process(pid)
        procs = [p] + p.children(recursive=True)
        return sum(x.memory_info().rss for x in procs if x.is_running()) / 2**20
    except psutil.NoSuchProcess:
        return 0.0


def _stored(db: Path) -> int:
    """Articles committed so far (a read-only look at the store the ingest is writing)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def run_ingest(n: int, processes: int, workdir: Path) -> str:
    src, db = workdir / "syn.jsonl", workdir / "scale.db"
    with src.open("w", encoding="utf-8") as fh:
        for row in synthetic.articles(n):
            fh.write(json.dumps(row) + "\n")
    cmd = [sys.executable, "-m", "communique", "ingest", str(src), "--db", str(db), "--quiet",
           "--processes", str(processes), "--max-bytes", str(src.stat().st_size + 1)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, float]] = []
    stored_at: list[tuple[float, int]] = [(0.0, 0)]       # (seconds, articles stored): the rate over the run
    while proc.poll() is None:
        now = time.perf_counter() - start
        samples.append((now, _rss_mb(proc.pid)))
        if now - stored_at[-1][0] >= 5:
            stored_at.append((now, _stored(db)))
        time.sleep(1)
    seconds = time.perf_counter() - start
    stored_at.append((seconds, n))
    err = proc.stderr.read().decode()
    if proc.returncode != 0:
        sys.exit(f"error: ingest failed: {err.strip().splitlines()[-1] if err else proc.returncode}")
    size = sum(p.stat().st_size for p in workdir.glob("scale.db*"))
    conn = sqlite3.connect(db)
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    if stored != n:
        sys.exit(f"error: {stored} of {n} articles stored")
    tenths = []
    for k in range(10):
        part = [rss for t, rss in samples if k * seconds / 10 <= t < (k + 1) * seconds / 10]
        tenths.append(max(part) if part else 0.0)
    def stored_by(t: float) -> float:           # linear between the samples
        for (t0, c0), (t1, c1) in zip(stored_at, stored_at[1:], strict=False):
            if t0 <= t <= t1:
                return c0 + (c1 - c0) * (t - t0) / (t1 - t0) if t1 > t0 else c1
        return float(n)

    rates = [(stored_by((k + 1) * seconds / 10) - stored_by(k * seconds / 10)) / (seconds / 10) for k in range(10)]
    return "\n".join([
        f"ingest: {n} synthetic articles, {processes} process(es)",
        f"  articles/s per tenth of the run: {', '.join(f'{r:.0f}' for r in rates)}",
        f"  wall {seconds:.0f} s, {n / seconds:.1f} articles/s; store {size / 2**20:.0f} MB, {events} canonical events",
        f"  peak RSS (ingest + workers) {max((r for _, r in samples), default=0):.0f} MB;"
        f" peak per tenth of the run: {', '.join(f'{x:.0f}' for x in tenths)} MB",
    ])


def bulk_load(db: Path, n_events: int) -> None:
    """Canonical events with their reports, participants, countries and evidence, in big batches."""
    from communique import store
    conn = store.connect(db)
    conn.execute("PRAGMA synchronous=OFF")
    batch = 20_000
    rows = synthetic.event_rows(n_events)
    person_ids: dict[str, int] = {}
    done = 0
    while done < n_events:
        chunk = [next(rows) for _ in range(min(batch, n_events - done))]
        conn.execute("BEGIN")
        arts, evs, ecs, eps, aes, parts, evid, ppl, aps = [], [], [], [], [], [], [], [], []
        for e in chunk:
            aid = f"bulk-{e['id']}"
            text = f"{e['people'][0]} met {e['people'][1]} on {e['date']} to discuss defence cooperation."
            arts.append((aid, text, "x", "{}", e["date"], f"Talks {e['id']}"))
            countries = ",".join(e["countries"])
            evs.append((e["id"], e["kind"], countries, e["date"], "day", e["date"], 1))
            ecs += [(e["id"], c, e["date"]) for c in e["countries"]]
            eps.append((e["countries"][0], e["countries"][1], e["id"], e["date"]))
            aes.append((aid, 0, e["id"], e["kind"], countries, e["date"], e["date"], "{}"))
            evid.append((aid, "event", 0, 0, len(text), text))
            for k, name in enumerate(e["people"]):
                if name not in person_ids:
                    person_ids[name] = len(person_ids) + 1
                    ppl.append((person_ids[name], name, e["countries"][k]))
                aps.append((aid, k, name, e["countries"][k], person_ids[name]))
                parts.append((aid, 0, person_ids[name], name))
        conn.executemany("INSERT INTO articles (id, body, content_hash, record_json, published, title)"
                         " VALUES (?,?,?,?,?,?)", arts)
        conn.executemany("INSERT INTO people (id, name, country, n_articles) VALUES (?,?,?,1)", ppl)
        conn.executemany("INSERT INTO article_people (article_id, idx, name, country, person_id) VALUES (?,?,?,?,?)",
                         aps)
        conn.executemany("INSERT INTO events (id, kind, countries, date, date_precision, sort_date, n_sources)"
                         " VALUES (?,?,?,?,?,?,?)", evs)
        conn.executemany("INSERT INTO event_countries (event_id, country, sort_date) VALUES (?,?,?)", ecs)
        conn.executemany("INSERT INTO event_pairs (a, b, event_id, sort_date) VALUES (?,?,?,?)", eps)
        conn.executemany("INSERT INTO article_events (article_id, idx, event_id, kind, countries, date, anchor,"
                         " historical, data_json) VALUES (?,?,?,?,?,?,?,0,?)", aes)
        conn.executemany("INSERT INTO participants (article_id, event_idx, person_id, name) VALUES (?,?,?,?)", parts)
        conn.executemany("INSERT INTO evidence (article_id, owner, owner_idx, start, end, text) VALUES (?,?,?,?,?,?)",
                         evid)
        conn.execute("COMMIT")
        done += len(chunk)
    conn.execute("INSERT INTO person_aliases (person_id, alias, alias_key, token)"
                 " SELECT id, name, lower(name), lower(name) FROM people")
    conn.execute("ANALYZE")
    conn.close()


def time_queries(db: Path, n: int = 200) -> list[str]:
    from communique.store import queries
    conn = sqlite3.connect(db)
    rng = random.Random(3)
    pairs = conn.execute("SELECT countries FROM events GROUP BY countries ORDER BY count(*) DESC LIMIT 200").fetchall()
    codes = sorted({c for (p,) in pairs for c in p.split(",")})
    cases = {
        "events filter (country, with, since, limit 50)": lambda: queries.events(
            conn, country=rng.choice(codes), with_=rng.choice(codes), since=str(rng.randint(2000, 2020)), limit=50),
        "events filter (country, kind, limit 50)": lambda: queries.events(
            conn, country=rng.choice(codes), kind=rng.choice(["meeting", "visit"]), limit=50),
        "timeline (pair)": lambda: queries.timeline(conn, *rng.choice(pairs)[0].split(",")),
        "search (one word)": lambda: queries.search(conn, rng.choice(["defence", "cooperation", "discuss"]), 50),
    }
    out = []
    for name, fn in cases.items():
        fn()
        ms = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            ms.append((time.perf_counter() - t) * 1000)
        ms.sort()
        out.append(f"  {name:<48} p50 {statistics.median(ms):6.1f} ms  p95 {ms[int(0.95 * n) - 1]:6.1f} ms")
    frm, where, args, date, key = queries._event_query(conn, country=codes[0], with_=codes[1], since="2010")
    sql = f"SELECT e.id FROM {frm} WHERE {' AND '.join(where)} ORDER BY {date} DESC, {key} DESC LIMIT 50"
    plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, args)]
    out.append("  plan (events filter): " + " | ".join(plan))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("ingest")
    a.add_argument("--articles", type=int, default=100_000)
    a.add_argument("--processes", type=int, default=2)
    q = sub.add_parser("queries")
    q.add_argument("--events", type=int, default=1_000_000)
    q.add_argument("--repeat", type=int, default=200)
    for p in (a, q):
        p.add_argument("--out", type=Path, help="append the report to this file")
        p.add_argument("--dir", type=Path, help="work directory (default: a temporary one)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.dir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.what == "ingest":
            report = run_ingest(args.articles, args.processes, work)
        else:
            db = work / "events.db"
            for f in work.glob("events.db*"):
                f.unlink()
            t = time.perf_counter()
            bulk_load(db, args.events)
            events = sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0]
            size = sum(p.stat().st_size for p in work.glob("events.db*")) / 2**20
            report = "\n".join([f"queries: store of {events} events ({size:.0f} MB, bulk-loaded in "
                                f"{time.perf_counter() - t:.0f} s), {args.repeat} runs each"]
                               + time_queries(db, args.repeat))
    print(report)
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write("\n```\n" + report + "\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
