"""CI quality gate (as trafilatura does): extract the real dev corpus and seeds, score them with
../shared/tools/score.py, and fail below the pinned floors."""
import importlib.util
import shutil

import pytest

from conftest import SHARED, cli, needs_shared

FLOORS = {  # issue #2
    ("published", "rate"): 0.95,
    ("people", "f1"): 0.85,
    ("person_country", "rate"): 0.90,
    ("person_title", "rate"): 0.80,
}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    out = tmp_path_factory.mktemp("pred")
    gold = tmp_path_factory.mktemp("gold")
    for folder in ("dev", "seeds"):
        for f in (SHARED / "gold" / folder).glob("*.json"):
            shutil.copy(f, gold / f.name)
    r = cli("extract", str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds"), "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    fig = out / "figures.json"
    score.main(["--gold", str(gold), "--pred", str(out), "--json", str(fig)])
    import json
    return json.loads(fig.read_text())


@needs_shared
@pytest.mark.parametrize("field, measure", list(FLOORS))
def test_floor(figures, field, measure):
    assert figures[field][measure] >= FLOORS[(field, measure)], figures[field]
