"""Shared fixtures (the pipeline, people_of, engagements_of). Paths and the command line are in
support.py; tests that read ../shared skip with a reason where it is absent (a user's clone)."""
from __future__ import annotations

import pytest
from support import SHARED_REASON


def pytest_collection_modifyitems(items):
    """Every test that skips without ../shared reads it (its own mark, or the web tests' store built
    from it): mark it `corpus`, to select or leave out with -m."""
    for item in items:
        if any(m.kwargs.get("reason") == SHARED_REASON for m in item.iter_markers("skipif")) or \
                "built_db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)


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



@pytest.fixture(scope="session")
def engagements_of(nlp):
    """engagements_of(text, published=None) -> {events, agreements, areas, statements, …} through the
    real pipeline (people and countries found first, as in `communique extract`)."""
    def run(text: str, published: str | None = None, url: str | None = None):
        doc = nlp.make_doc(text)
        doc._.communique_meta = {"url": url, "published": published, "captions": []}
        return nlp(doc)._.communique_engagements
    return run
