"""Pairwise precision/recall of "these two articles report the same event" over a store's
canonical events, against a clusters file ({cluster: [article ids]}).

Two articles are predicted to report the same event when a canonical event has news (not
background) reports from both. Every pair of stored articles counts; pairs inside one gold cluster
are the positives. Also lists canonical events that merge articles of different gold clusters.

    python scripts/cluster_eval.py --db dev.db --clusters ../shared/gold/dev-clusters.json [--verbose]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import sys


def predicted_pairs(conn: sqlite3.Connection) -> tuple[set[tuple[str, str]], dict[int, set[str]]]:
    members: dict[int, set[str]] = {}
    for event_id, article_id in conn.execute(
            "SELECT event_id, article_id FROM article_events WHERE historical = 0 AND event_id IS NOT NULL"):
        members.setdefault(event_id, set()).add(article_id)
    pairs = set()
    for arts in members.values():
        pairs.update(itertools.combinations(sorted(arts), 2))
    return pairs, members


def evaluate(conn: sqlite3.Connection, clusters: dict[str, list[str]]) -> dict:
    stored = {r[0] for r in conn.execute("SELECT id FROM articles")}
    cluster_of = {a: c for c, arts in clusters.items() for a in arts if a in stored}
    gold = {tuple(sorted(p)) for c, arts in clusters.items()
            for p in itertools.combinations([a for a in arts if a in stored], 2)}
    pred, members = predicted_pairs(conn)
    tp = pred & gold
    crossing = {eid: sorted(arts) for eid, arts in members.items()
                if len({cluster_of[a] for a in arts if a in cluster_of}) > 1}
    return {
        "articles": len(stored), "gold_pairs": len(gold), "predicted_pairs": len(pred), "true_pairs": len(tp),
        "precision": len(tp) / len(pred) if pred else 1.0, "recall": len(tp) / len(gold) if gold else 1.0,
        "false_pairs": sorted(pred - gold), "missed_pairs": sorted(gold - pred),
        "cross_cluster_events": crossing,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--clusters", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    with open(args.clusters, encoding="utf-8") as fh:
        result = evaluate(conn, json.load(fh))
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"articles {result['articles']}  gold pairs {result['gold_pairs']}  predicted pairs "
          f"{result['predicted_pairs']}  true {result['true_pairs']}")
    print(f"pairwise precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    print(f"canonical events merging different gold clusters: {len(result['cross_cluster_events'])}")
    if args.verbose:
        for a, b in result["false_pairs"]:
            print(f"  false  {a} ~ {b}")
        for a, b in result["missed_pairs"]:
            print(f"  missed {a} ~ {b}")
        for eid, arts in result["cross_cluster_events"].items():
            print(f"  event {eid} crosses clusters: {', '.join(arts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
