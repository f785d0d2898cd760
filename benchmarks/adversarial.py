"""Seconds per article on hostile inputs at growing sizes: extraction must stay linear.

Each case is one input built here (no article text), read and extracted by the real reader and
pipeline in a child process with a time limit (forked from a process that has extracted one short
article: the model and patterns are loaded, as in a server); the table gives seconds at each size, the slope
(seconds per MB, least squares through the measured points) and the ratio of the time per byte at
the largest size to that at the smallest (about 1 when linear; about the size ratio when quadratic).

    python benchmarks/adversarial.py [--sizes 100000,200000,400000,1000000] [--limit 120] [--out F]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import sys
import time
from pathlib import Path

CASES = {
    # name: (suffix, unit repeated to the size)
    "one long line of prose": (".txt", "The minister met his counterpart and they discussed defence cooperation "),
    "abbreviations 'A. '": (".txt", "A. "),
    "double quotes": (".txt", '"'),
    "open parentheses": (".txt", "("),
    "dates 'March 3, 2024,'": (".txt", "March 3, 2024,"),
    "trigger 'Minister Giang met with '": (".txt", "Minister Giang met with "),
    "HTML entities '&amp;'": (".html", "&amp;"),
    "open brackets '['": (".txt", "["),
}


def _build(unit: str, size: int, suffix: str) -> bytes:
    body = (unit * (size // len(unit) + 1))[:size]
    if suffix == ".html":
        return f"<html><head><title>t</title></head><body><p>{body}</p></body></html>".encode()
    return body.encode()


def _run(data: bytes, suffix: str, queue) -> None:
    from communique.errors import InputRejected
    from communique.ingest.readers import read_bytes
    from communique.pipeline import extract
    start = time.perf_counter()
    items = list(read_bytes(data, "<bench>", suffix, "bench"))
    articles = [i for i in items if not isinstance(i, InputRejected)]
    out = list(extract(articles))
    records = [r for r in out if not isinstance(r, InputRejected)]
    rejects = [i.reason for i in items + out if isinstance(i, InputRejected)]
    queue.put((time.perf_counter() - start, len(records), rejects))


def measure(data: bytes, suffix: str, limit: float) -> tuple[float | None, str]:
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(data, suffix, queue))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None, f"over {limit:g} s"
    if queue.empty():
        return None, f"crashed (exit {proc.exitcode})"
    seconds, n, rejects = queue.get()
    return seconds, ("rejected: " + "; ".join(rejects)) if rejects else f"{n} record"


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares seconds per MB."""
    xs = [s / 1e6 for s, _ in points]
    ys = [t for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / den if den else 0.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,200000,400000,1000000")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds before a case is stopped")
    ap.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    ap.add_argument("--out", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    from communique.model import Article
    from communique.pipeline import extract
    # the model loaded and every lexicon and pattern compiled once here, as in a running server or a
    # batch past its first article; children fork with them, so each case times its article alone
    list(extract([Article(id="warm-up", raw_text="Minister A met Minister B in Hanoi on March 3, 2024.",
                          source="warm-up.txt")]))
    rows, results = [], {}
    for name, (suffix, unit) in CASES.items():
        if args.cases and name not in args.cases.split(","):
            continue
        points, cells = [], []
        for size in sizes:
            seconds, note = measure(_build(unit, size, suffix), suffix, args.limit)
            cells.append(f"{seconds:.2f}" if seconds is not None else note)
            if seconds is not None:
                points.append((size, seconds))
            results.setdefault(name, []).append({"bytes": size, "seconds": seconds, "outcome": note})
            print(f"{name} @ {size:,}: {cells[-1]} ({note})", file=sys.stderr, flush=True)
            if seconds is None:
                break
        cells += ["-"] * (len(sizes) - len(cells))
        k = slope(points) if len(points) >= 2 else float("nan")
        growth = ((points[-1][1] / points[-1][0]) / (points[0][1] / points[0][0])
                  if len(points) >= 2 and points[0][1] > 0 else float("nan"))
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {k:.2f} | {growth:.2f} |")
    print(f"machine: {mp.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print("| case | " + " | ".join(f"{s:,} B" for s in sizes) + " | s/MB | per-byte growth |")
    print("|---|" + "---|" * (len(sizes) + 2))
    print("\n".join(rows))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
