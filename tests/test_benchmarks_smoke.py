"""Benchmarks are run by hand; CI runs a small version so they keep working."""
import subprocess
import sys

from conftest import REPO, needs_shared


@needs_shared
def test_throughput_benchmark_smoke():
    r = subprocess.run([sys.executable, str(REPO / "benchmarks" / "throughput.py"), "--articles", "12", "--no-score"],
                       capture_output=True, text=True, timeout=600, cwd=REPO)
    assert r.returncode == 0, r.stderr
    assert "ratio communique / baseline:" in r.stdout and "spaCy en_core_web_sm full pipeline" in r.stdout
