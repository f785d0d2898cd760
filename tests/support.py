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

SHARED_REASON = f"../shared (corpus and gold) not found at {SHARED}; set COMMUNIQUE_SHARED to run corpus tests"
# every test using it is also marked `corpus` (conftest.py)
needs_shared = pytest.mark.skipif(not (SHARED / "corpus" / "dev" / "articles.jsonl").exists(), reason=SHARED_REASON)


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess (`env`: variables added to this one's)."""
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, cwd=cwd or REPO, timeout=600,
                          env={**os.environ, **env} if env else None)
