"""Benchmarks are run by hand; CI runs a small version so they keep working."""
import subprocess
import sys

import pytest
from support import REPO, needs_shared

pytestmark = pytest.mark.slow


@needs_shared
def test_throughput_benchmark_smoke():
    r = subprocess.run([sys.executable, str(REPO / "benchmarks" / "throughput.py"), "--articles", "12", "--rounds", "1", "--no-score"],
                       capture_output=True, text=True, timeout=600, cwd=REPO)
    assert r.returncode == 0, r.stderr
    assert "ratio communique / baseline:" in r.stdout and "spaCy en_core_web_sm full pipeline" in r.stdout


def test_scale_benchmark_smoke(tmp_path):
    q = subprocess.run([sys.executable, str(REPO / "benchmarks" / "scale.py"), "queries", "--events", "3000",
                        "--repeat", "5", "--dir", str(tmp_path / "q")], capture_output=True, text=True, timeout=600)
    assert q.returncode == 0, q.stderr
    assert "store of 3000 events" in q.stdout and "timeline (pair)" in q.stdout and "p95" in q.stdout
    i = subprocess.run([sys.executable, str(REPO / "benchmarks" / "scale.py"), "ingest", "--articles", "12",
                        "--processes", "1", "--dir", str(tmp_path / "i")], capture_output=True, text=True,
                       timeout=600)
    assert i.returncode == 0, i.stderr
    assert "ingest: 12 synthetic articles" in i.stdout and "peak RSS" in i.stdout


def test_synthetic_articles_are_extractable():
    sys.path.insert(0, str(REPO / "benchmarks"))
    import synthetic

    from communique.model import Article
    from communique.pipeline import extract
    rows = list(synthetic.articles(8))
    assert len({r["id"] for r in rows}) == 8 and all(r["text"] for r in rows)
    records = list(extract(Article(id=r["id"], raw_text=r["text"], published=r["published"]) for r in rows))
    assert sum(len(r.events) for r in records) >= 6
