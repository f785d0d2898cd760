"""Throughput of `communique extract` against a baseline measured in the same run.

The corpus (../shared dev + seeds) is replicated to --articles articles. Baseline: spaCy's
en_core_web_sm (the pinned registry package) with its full pipeline over every article's whole
text, `nlp.pipe` with the same number of processes communique uses. Each side runs in a fresh
subprocess so peak RSS is its own. Accuracy (score.py on dev + seeds) is printed beside it, so
speed is never bought with quality.

    .venv/bin/python benchmarks/throughput.py --articles 2040 --processes 1 [--out results.md]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", REPO.parent / "shared"))


def load_articles(n: int) -> list[dict]:
    """dev + seeds, replicated (ids suffixed) to n articles."""
    from communique.ingest import read_inputs
    base = [a for a in read_inputs([str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds")],
                                   10_000_000) if not hasattr(a, "reason")]
    out = []
    for i in range(n):
        a = base[i % len(base)]
        out.append({"id": f"{a.id}~{i // len(base)}", "url": a.url, "outlet": a.outlet, "published": a.published,
                    "title": a.title, "text": a.raw_text})
    return out


def run_side(side: str, corpus: Path, processes: int, batch: int) -> dict:
    """Run one side in this process (called in a subprocess) and report."""
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    words = sum(len(r["text"].split()) for r in rows)
    if side == "baseline":
        import spacy

        from communique.settings import MODEL
        nlp = spacy.load(MODEL)
        start = time.perf_counter()
        n = sum(1 for _ in nlp.pipe((r["text"] for r in rows), batch_size=batch, n_process=processes))
    else:
        from communique.model import Article
        from communique.nlp import load_pipeline
        from communique.pipeline import extract
        from communique.settings import Settings
        load_pipeline()
        arts = [Article(id=r["id"], raw_text=r["text"], url=r["url"], outlet=r["outlet"], title=r["title"],
                        published=r["published"]) for r in rows]
        start = time.perf_counter()
        n = sum(1 for _ in extract(arts, Settings.load(processes=processes)))
    seconds = time.perf_counter() - start
    rss_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"side": side, "articles": n, "seconds": seconds, "articles_per_s": n / seconds,
            "words_per_s": words / seconds, "peak_rss_mb": rss_kb / 1024}


def score() -> str:
    """score.py on dev + seeds with the current code (the table it prints)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp, "gold"), Path(tmp, "pred")
        gold.mkdir()
        for d in ("dev", "seeds"):
            for f in (SHARED / "gold" / d).glob("*.json"):
                (gold / f.name).write_bytes(f.read_bytes())
        subprocess.run([sys.executable, "-m", "communique", "extract", str(SHARED / "corpus" / "dev" / "articles.jsonl"),
                        str(SHARED / "corpus" / "seeds"), "--out", str(pred)], check=True, capture_output=True, cwd=REPO)
        r = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold), "--pred", str(pred)],
                           capture_output=True, text=True, check=True)
        return r.stdout


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.platform()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2040)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3, help="runs of each side, alternating; the best is reported")
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--out", type=Path, help="also write the report (markdown) here")
    ap.add_argument("--side", choices=["baseline", "communique"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.side:                                   # the subprocess half
        print(json.dumps(run_side(args.side, args.corpus, args.processes, args.batch)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        corpus.write_text("".join(json.dumps(r) + "\n" for r in load_articles(args.articles)), encoding="utf-8")
        runs: dict[str, list[dict]] = {"baseline": [], "communique": []}
        for _ in range(args.rounds):          # sides alternate, so a slow spell of a shared machine hits both
            for side in runs:
                r = subprocess.run([sys.executable, __file__, "--side", side, "--corpus", str(corpus), "--processes",
                                    str(args.processes), "--batch", str(args.batch)], capture_output=True, text=True,
                                   cwd=REPO)
                if r.returncode:
                    sys.exit(f"error: {side} run failed: "
                             f"{r.stderr.strip().splitlines()[-1] if r.stderr else r.returncode}")
                runs[side].append(json.loads(r.stdout.strip().splitlines()[-1]))
        results = {side: min(rs, key=lambda r: r["seconds"]) for side, rs in runs.items()}   # best round, as timeit
    ratio = results["communique"]["articles_per_s"] / results["baseline"]["articles_per_s"]
    spread = {side: ", ".join(f"{r['articles_per_s']:.1f}" for r in rs) for side, rs in runs.items()}
    lines = [f"machine: {machine()}",
             f"articles: {args.articles}, processes: {args.processes}, batch: {args.batch}, rounds: {args.rounds} "
             f"(best shown; articles/s per round: baseline {spread['baseline']}; communique {spread['communique']})", "",
             "| side | articles/s | words/s | peak RSS MB | seconds |", "|---|---|---|---|---|"]
    for side, label in (("baseline", "spaCy en_core_web_sm full pipeline"), ("communique", "communique extract")):
        r = results[side]
        lines.append(f"| {label} | {r['articles_per_s']:.1f} | {r['words_per_s']:.0f} | {r['peak_rss_mb']:.0f} | "
                     f"{r['seconds']:.1f} |")
    lines += ["", f"ratio communique / baseline: {ratio:.2f}"]
    if not args.no_score:
        lines += ["", "score.py on dev + seeds:", "```", score().rstrip(), "```"]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
