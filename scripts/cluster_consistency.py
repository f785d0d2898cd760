"""Where the clusters file and the gold event files disagree: pairs of articles filed under different
clusters (or none) although the gold records of both list one news visit or call between the same
states on the same written day (two meetings of one pair may share a day; a visit beginning, or a
call, between two states on one day is one engagement).

Such a pair is a false pair for any linker that gives one real engagement one canonical event, so
the pairs listed bound the precision scripts/cluster_eval.py can reach.

With --db, each false pair of a store (scripts/cluster_eval.py) is checked against the gold records
instead: the news engagements both records list with the same kind and states and compatible dates
(equal, one undated, one a coarser prefix of the other, an unknown year matching any) are printed,
so a false pair the gold's own records make is told from a linking error.

    python scripts/cluster_consistency.py --gold ../shared/gold/world --clusters ../shared/gold/world-clusters.json
    python scripts/cluster_consistency.py --gold ../shared/gold/world --clusters … --db world.db
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ONE_A_DAY = frozenset({"visit", "call"})


def news_days(record: dict) -> set[tuple[str, tuple[str, ...], str]]:
    """(kind, countries, day) of each news visit or call the gold dates to a day."""
    return {(e["kind"], tuple(sorted(e["countries"])), e["date"]) for e in record.get("events") or []
            if e.get("kind") in ONE_A_DAY and not e.get("historical") and DAY.match(e.get("date") or "")}


def contradictions(records: dict[str, dict], clusters: dict[str, list[str]]) -> list[dict]:
    cluster_of = {a: c for c, arts in clusters.items() for a in arts}
    out = []
    for a, b in itertools.combinations(sorted(records), 2):
        if a in cluster_of and cluster_of.get(a) == cluster_of.get(b):
            continue
        shared = sorted(news_days(records[a]) & news_days(records[b]))
        if shared:
            out.append({"articles": [a, b], "clusters": [cluster_of.get(a), cluster_of.get(b)],
                        "engagements": [{"kind": k, "countries": list(c), "date": d} for k, c, d in shared]})
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    pa, pb = a.split("-"), b.split("-")
    return all(x == y or "XXXX" in (x, y) for x, y in zip(pa, pb, strict=False))


def shared_news(a: dict, b: dict) -> list[dict]:
    """News engagements of the same kind between the same states, with compatible dates, that both
    gold records list."""
    out = []
    for e in a.get("events") or []:
        for f in b.get("events") or []:
            if e.get("historical") or f.get("historical") or e["kind"] != f["kind"]:
                continue
            if sorted(e["countries"]) == sorted(f["countries"]) and _compatible(e.get("date"), f.get("date")):
                out.append({"kind": e["kind"], "countries": sorted(e["countries"]), "dates": [e.get("date"), f.get("date")]})
    return out


def explain_false_pairs(records: dict[str, dict], false_pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"articles": [a, b], "shared": shared_news(records[a], records[b])}
            for a, b in false_pairs if a in records and b in records]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", nargs="+", required=True, help="directories of gold records")
    ap.add_argument("--clusters", required=True)
    ap.add_argument("--db", help="a store: explain its false same-event pairs from the gold records")
    args = ap.parse_args(argv)
    records = {}
    for folder in args.gold:
        for path in sorted(Path(folder).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            records[record.get("id") or path.stem] = record
    clusters = json.loads(Path(args.clusters).read_text(encoding="utf-8"))
    if args.db:
        import sqlite3
        sys.path.insert(0, str(Path(__file__).parent))
        import cluster_eval
        result = cluster_eval.evaluate(sqlite3.connect(f"file:{args.db}?mode=ro", uri=True), clusters)
        explained = explain_false_pairs(records, result["false_pairs"])
        for item in explained:
            what = "; ".join(f"{e['kind']} {'-'.join(e['countries'])} {e['dates'][0]} / {e['dates'][1]}"
                             for e in item["shared"]) or "nothing in common: a linking error"
            print(f"{item['articles'][0]} ~ {item['articles'][1]}: {what}")
        print(f"{sum(1 for x in explained if x['shared'])} of {len(explained)} false pairs join articles whose gold "
              "records both list one news engagement of that kind between those states")
        return 0
    found = contradictions(records, clusters)
    for item in found:
        a, b = item["articles"]
        what = "; ".join(f"{e['kind']} {'-'.join(e['countries'])} {e['date']}" for e in item["engagements"])
        print(f"{a} ({item['clusters'][0] or 'no cluster'}) ~ {b} ({item['clusters'][1] or 'no cluster'}): {what}")
    print(f"{len(found)} article pairs in different clusters share a news visit or call dated to one day")
    return 0


if __name__ == "__main__":
    sys.exit(main())
