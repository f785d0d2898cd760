"""A small, bounded load: N requests per endpoint against a running `communique serve` on
loopback, reporting p50/p95 latency in milliseconds.

    python scripts/load.py --base http://127.0.0.1:8000 --requests 200
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.parse
import urllib.request

ENDPOINTS = {
    "events": ["/api/events", "/api/events?country=VNM&with=RUS", "/api/events?kind=meeting&since=2024",
               "/api/events?person=Giang", "/api/events?limit=10&offset=20"],
    "timeline": ["/api/timeline?country=VNM&with=RUS", "/api/timeline?country=VNM",
                 "/api/timeline?country=AZE&with=VNM"],
}


def measure(base: str, paths: list[str], n: int) -> list[float]:
    out = []
    for i in range(n):
        url = base + paths[i % len(paths)]
        t = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="http://127.0.0.1:8000")
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint (bounded: at most 10000)")
    args = ap.parse_args(argv)
    host = urllib.parse.urlparse(args.base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("error: load runs against loopback only")
    n = min(args.requests, 10_000)
    measure(args.base, ["/api/stats"], 5)          # warm up
    for name, paths in ENDPOINTS.items():
        ms = sorted(measure(args.base, paths, n))
        p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
        print(f"{name:<9} n={n}  p50 {statistics.median(ms):.1f} ms  p95 {p95:.1f} ms  max {ms[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
