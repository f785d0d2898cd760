"""CI quality gate (as trafilatura does): extract the real dev corpus and seeds, score them with
../shared/tools/score.py, and fail below the pinned floors."""
import importlib.util
import json
import shutil

import pytest

from conftest import SHARED, cli, needs_shared

FLOORS = {  # dev + seeds
    ("published", "rate"): 0.95,          # issue 2
    ("people", "f1"): 0.85,
    ("person_country", "rate"): 0.90,
    ("person_title", "rate"): 0.80,
    ("events", "f1"): 0.75,               # issue 3
    ("events_historical", "f1"): 0.60,
    ("agreements", "f1"): 0.70,
    ("areas", "f1"): 0.75,
    ("event_date_exact", "rate"): 0.85,
    ("event_place", "rate"): 0.80,
    ("event_people_recall", "rate"): 0.85,  # issue 6: names found without the statistical NER
}
SEED_FLOORS = {("people", "f1"): 0.90, ("events", "f1"): 0.90, ("agreements", "f1"): 0.90}   # the five seeds alone


def _score(gold, pred, tmp):
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    fig = tmp / "figures.json"
    score.main(["--gold", str(gold), "--pred", str(pred), "--json", str(fig)])
    return json.loads(fig.read_text())


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    out = tmp_path_factory.mktemp("pred")
    r = cli("extract", str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds"), "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    return out


@pytest.fixture(scope="module")
def figures(predictions, tmp_path_factory):
    gold = tmp_path_factory.mktemp("gold")
    for folder in ("dev", "seeds"):
        for f in (SHARED / "gold" / folder).glob("*.json"):
            shutil.copy(f, gold / f.name)
    return _score(gold, predictions, tmp_path_factory.mktemp("fig"))


@pytest.fixture(scope="module")
def seed_figures(predictions, tmp_path_factory):
    return _score(SHARED / "gold" / "seeds", predictions, tmp_path_factory.mktemp("seedfig"))


@needs_shared
@pytest.mark.parametrize("field, measure", list(FLOORS))
def test_floor(figures, field, measure):
    assert figures[field][measure] >= FLOORS[(field, measure)], figures[field]


@needs_shared
@pytest.mark.parametrize("field, measure", list(SEED_FLOORS))
def test_seed_floor(seed_figures, field, measure):
    assert seed_figures[field][measure] >= SEED_FLOORS[(field, measure)], seed_figures[field]


@needs_shared
def test_every_fact_carries_evidence(predictions):
    """Provenance: each event, agreement and area cites body offsets whose text is the body's."""
    for path in predictions.glob("*.json"):
        if path.name == "figures.json":
            continue
        rec = json.loads(path.read_text())
        spans = [sp for e in rec["events"] + rec["agreements"] for sp in e["evidence"]]
        spans += [sp for a in rec["areas"] for sp in rec["area_evidence"][a]]
        for sp in spans:
            assert rec["body"][sp["start"]:sp["end"]] == sp["text"], path.name
        assert all(rec["area_evidence"].get(a) for a in rec["areas"]), path.name
