"""communique's components as a spaCy user gets them: by entry point, with no communique import,
saved with to_disk and loaded in a fresh process; the docs page's example runs as written."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from support import REPO

DOC = (REPO / "docs" / "spacy.md").read_text(encoding="utf-8")
SENTENCE = ("Vietnamese Defence Minister Phan Van Giang held talks with Russian Defence Minister Andrei Belousov "
            "in Hanoi on May 3, 2024.")


def _python(code: str, cwd) -> subprocess.CompletedProcess:
    """A fresh interpreter: nothing of communique imported unless the code does it."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.slow
def test_factories_by_entry_point_and_a_saved_pipeline_reloads_in_a_fresh_process(tmp_path):
    save = f"""
import json, spacy
nlp = spacy.blank("en")
nlp.add_pipe("communique_countries")
nlp.add_pipe("communique_people")
doc = nlp({SENTENCE!r})
print(json.dumps([p.as_dict() for p in doc._.communique_people]))
nlp.to_disk("saved")
"""
    first = _python(save, tmp_path)
    assert first.returncode == 0, first.stderr
    people = json.loads(first.stdout)
    assert [(p["name"], p["country"]) for p in people] == [("Phan Van Giang", "VNM"), ("Andrei Belousov", "RUS")]
    load = f"""
import json, spacy
nlp = spacy.load("saved")
doc = nlp({SENTENCE!r})
print(json.dumps({{"pipes": nlp.pipe_names, "people": [p.as_dict() for p in doc._.communique_people]}}))
"""
    second = _python(load, tmp_path)
    assert second.returncode == 0, second.stderr
    out = json.loads(second.stdout)
    assert out["pipes"] == ["communique_countries", "communique_people"]
    assert out["people"] == people


def test_the_code_names_no_communique_module_before_spacy_loads_it(tmp_path):
    """The entry points, not an import, make the factories known."""
    probe = """
import sys, spacy
before = {m for m in sys.modules if m.startswith("communique")}
nlp = spacy.blank("en")
nlp.add_pipe("communique_countries")
after = {m for m in sys.modules if m.startswith("communique")}
print(len(before), "communique.nlp.components" in after)
"""
    r = _python(probe, tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["0", "True"]


@pytest.mark.slow
def test_the_docs_page_example_runs_as_written(tmp_path):
    (code,) = re.findall(r"```python\n(.*?)```", DOC, re.DOTALL)
    r = _python(code, tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    people = [json.loads(x) for x in lines if x.startswith("{")]
    assert {(p["name"], p["country"]) for p in people} == {("Phan Van Giang", "VNM"), ("Andrei Belousov", "RUS")}
    (event,) = [x for x in lines if not x.startswith("{")]
    assert event == "meeting 2024-05-03 ['RUS', 'VNM'] events:talks"
    assert (tmp_path / "my_pipeline" / "config.cfg").exists()
