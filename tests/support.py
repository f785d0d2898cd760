"""What tests share besides fixtures: where the repository and ../shared are, and the real command
line. A plain module (not conftest.py), so test modules import it by a name no other file shadows."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", REPO.parent / "shared"))
CLI = [sys.executable, "-m", "communique"]

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus" / "dev" / "articles.jsonl").exists(),
    reason=f"../shared (corpus and gold) not found at {SHARED}; set COMMUNIQUE_SHARED to run corpus tests",
)


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess."""
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, cwd=cwd or REPO, timeout=600)
