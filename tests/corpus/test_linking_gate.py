"""Linking on the real corpus: stores built from dev + seeds and from world by the real command line.

- event clustering: pairwise precision and recall of "these two articles report the same event"
  against ../shared/gold/dev-clusters.json and world-clusters.json (scripts/cluster_eval.py),
  each pinned 0.03 below the figures measured when they were last raised (docs/accuracy.md), and
  on dev no canonical event that joins articles of two different gold clusters;
- person linking: one row per real person within a country, no row holding two people.
"""
import itertools
import json
import sqlite3
import sys

import pytest
from support import REPO, SHARED, cli, needs_shared

from communique.link.names import compatible, is_full, name_key

sys.path.insert(0, str(REPO / "scripts"))
import cluster_consistency  # noqa: E402
import cluster_eval  # noqa: E402

pytestmark = [needs_shared, pytest.mark.slow]
# measured: dev 0.900 / 0.947, world 0.758 / 0.862 (pairwise precision / recall). Every false pair
# joins two articles whose gold records both list the same news trip or call (the clusters files
# split reports of one trip by the day or the host met; scripts/cluster_consistency.py): world
# precision was 0.806 until more reports of those trips were read ("my visit", the talks' own day), and
# test_every_false_pair_is_one_the_gold_records_make below holds the linker to that.
FLOORS = {"dev": {"precision": 0.870, "recall": 0.917}, "world": {"precision": 0.728, "recall": 0.832}}

# Name forms of one real person that the dev + seeds articles use (test data, not a lexicon).
SAME_PERSON = [
    ("VNM", ["Phan Van Giang", "Phan Văn Giang"]),
    ("AZE", ["Zakir Hasanov", "Hasanov Zakir Asgar Oglu"]),
    ("RUS", ["Alexander Fomin", "Alexander Vasilyevich Fomin"]),
    ("VNM", ["Hoang Xuan Chien", "Hoàng Xuân Chiến"]),
    ("USA", ["Joe Biden", "Joseph R. Biden"]),
    ("MYS", ["Mohamed Khaled Nordin", "Mohamed Khaled bin Nordin"]),
]


@pytest.fixture(scope="module")
def store_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("linking") / "dev.db"
    r = cli("ingest", str(SHARED / "corpus" / "dev" / "articles.jsonl"), str(SHARED / "corpus" / "seeds"),
            "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    return db


@pytest.fixture(scope="module")
def world_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("linking") / "world.db"
    r = cli("ingest", str(SHARED / "corpus" / "world" / "articles.jsonl"), "--db", str(db), "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    return db


def _clustering(db, name: str) -> dict:
    clusters = json.loads((SHARED / "gold" / f"{name}-clusters.json").read_text(encoding="utf-8"))
    result = cluster_eval.evaluate(sqlite3.connect(db), clusters)
    print(f"{name}: pairwise P {result['precision']:.3f} R {result['recall']:.3f}; missed {result['missed_pairs']};"
          f" false {result['false_pairs']}")
    assert result["precision"] >= FLOORS[name]["precision"]
    assert result["recall"] >= FLOORS[name]["recall"]
    return result


def test_event_clustering_meets_the_floors(store_db):
    assert _clustering(store_db, "dev")["cross_cluster_events"] == {}


def test_world_event_clustering_meets_the_floors(world_db):
    _clustering(world_db, "world")


@pytest.mark.parametrize("name", ["dev", "world"])
def test_every_false_pair_is_one_the_gold_records_make(name, store_db, world_db):
    """A false same-event pair is a linking error unless both articles' gold records list one news
    engagement of that kind between those states with compatible dates (a trip the clusters file
    splits by day or host): none may be a linking error."""
    db = store_db if name == "dev" else world_db
    folders = [SHARED / "gold" / "dev", SHARED / "gold" / "seeds"] if name == "dev" else [SHARED / "gold" / "world"]
    records = {}
    for folder in folders:
        for path in folder.glob("*.json"):
            record = json.loads(path.read_text(encoding="utf-8"))
            records[record.get("id") or path.stem] = record
    clusters = json.loads((SHARED / "gold" / f"{name}-clusters.json").read_text(encoding="utf-8"))
    result = cluster_eval.evaluate(sqlite3.connect(db), clusters)
    errors = [x["articles"] for x in cluster_consistency.explain_false_pairs(records, result["false_pairs"])
              if not x["shared"]]
    assert errors == []


def _people(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT p.id, p.country, pa.alias FROM people p JOIN person_aliases pa"
                        " ON pa.person_id = p.id").fetchall()
    people: dict[int, tuple[str, set[str]]] = {}
    for pid, country, alias in rows:
        people.setdefault(pid, (country, set()))[1].add(alias)
    return people


def test_known_name_forms_are_one_person(store_db):
    people = _people(store_db)
    for country, forms in SAME_PERSON:
        holders = {pid for pid, (c, aliases) in people.items() if c == country and aliases & set(forms)}
        assert len(holders) == 1, (country, forms, holders)


def test_no_two_rows_for_one_name_within_a_country(store_db):
    by_country: dict[str, list[tuple[int, set[str]]]] = {}
    for pid, (country, aliases) in _people(store_db).items():
        if country:
            by_country.setdefault(country, []).append((pid, aliases))
    for country, rows in by_country.items():
        for (_a, fa), (_b, fb) in itertools.combinations(rows, 2):
            assert not {name_key(x) for x in fa} & {name_key(x) for x in fb}, (country, fa, fb)
            # two rows whose names fit each other would be one person split in two
            assert not any(compatible(x, y) for x in fa for y in fb), (country, fa, fb)


def test_no_row_holds_two_people(store_db):
    for pid, (country, aliases) in _people(store_db).items():
        full = [a for a in aliases if is_full(a)]
        for x, y in itertools.combinations(full, 2):
            assert compatible(x, y), (pid, country, x, y)
