"""Where the clusters file and the gold event files disagree: pairs of articles filed under different
clusters (or none) although the gold records of both list one news visit or call between the same
states on the same written day (two meetings of one pair may share a day; a visit beginning, or a
call, between two states on one day is one engagement).

Such a pair is a false pair for any linker that gives one real engagement one canonical event, so
the pairs listed bound the precision scripts/cluster_eval.py can reach.

    python scripts/cluster_consistency.py --gold ../shared/gold/world --clusters ../shared/gold/world-clusters.json
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", nargs="+", required=True, help="directories of gold records")
    ap.add_argument("--clusters", required=True)
    args = ap.parse_args(argv)
    records = {}
    for folder in args.gold:
        for path in sorted(Path(folder).glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            records[record.get("id") or path.stem] = record
    clusters = json.loads(Path(args.clusters).read_text(encoding="utf-8"))
    found = contradictions(records, clusters)
    for item in found:
        a, b = item["articles"]
        what = "; ".join(f"{e['kind']} {'-'.join(e['countries'])} {e['date']}" for e in item["engagements"])
        print(f"{a} ({item['clusters'][0] or 'no cluster'}) ~ {b} ({item['clusters'][1] or 'no cluster'}): {what}")
    print(f"{len(found)} article pairs in different clusters share a news visit or call dated to one day")
    return 0


if __name__ == "__main__":
    sys.exit(main())
