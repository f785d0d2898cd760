"""Shared fixtures. Tests that read ../shared skip with a reason where it is absent (a user's clone)."""
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


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="session")
def people_of(nlp):
    """people_of(text, url=None) -> {name: Person} through the real pipeline."""
    def run(text: str, url: str | None = None):
        doc = nlp.make_doc(text)
        doc._.communique_meta = {"url": url}
        doc = nlp(doc)
        return {p.name: p for p in doc._.communique_people}
    return run


def cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess."""
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, cwd=cwd or REPO, timeout=600)


@pytest.fixture(scope="session")
def engagements_of(nlp):
    """engagements_of(text, published=None) -> {events, agreements, areas, statements, …} through the
    real pipeline (people and countries found first, as in `communique extract`)."""
    def run(text: str, published: str | None = None, url: str | None = None):
        doc = nlp.make_doc(text)
        doc._.communique_meta = {"url": url, "published": published, "captions": []}
        return nlp(doc)._.communique_engagements
    return run
