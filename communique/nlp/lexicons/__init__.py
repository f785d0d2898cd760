"""Load the shipped lexicons (general knowledge: countries, offices, ranks). Cached: read once per process."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent


def _load(name: str) -> dict:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def countries() -> dict[str, dict]:
    """alpha-3 code -> {names, demonyms, capital}."""
    return _load("countries.json")


@lru_cache(maxsize=None)
def offices() -> dict:
    return _load("offices.json")


@lru_cache(maxsize=None)
def ranks() -> dict:
    return _load("ranks.json")


@lru_cache(maxsize=None)
def events() -> dict:
    """Engagement triggers, historical cues, PLOVER/CAMEO codes."""
    return _load("events.json")


@lru_cache(maxsize=None)
def documents() -> dict:
    return _load("documents.json")


@lru_cache(maxsize=None)
def anniversaries() -> dict:
    """Anniversary phrases and number words: how many years back a founding or an engagement lies."""
    return _load("anniversaries.json")


@lru_cache(maxsize=None)
def ambiguous_country_names() -> dict[str, list[str]]:
    """Typed names that fit several states ("Korea"): refused with the choices at the CLI and API."""
    return {k: v for k, v in _load("ambiguous_country_names.json").items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def heads_by_state() -> dict:
    """States with no president / no prime minister: which home guesses an office rules out."""
    return _load("heads_by_state.json")


@lru_cache(maxsize=None)
def relations() -> dict:
    """Relationship frameworks: level modifiers, status cues, anniversary words, the ladder's order."""
    return _load("relations.json")


@lru_cache(maxsize=None)
def areas() -> dict:
    return _load("areas.json")


@lru_cache(maxsize=None)
def statements() -> dict:
    return _load("statements.json")


@lru_cache(maxsize=None)
def nicknames() -> dict[str, str]:
    """Diminutive -> full given name, for linking name forms of one person."""
    return {k: v for k, v in _load("nicknames.json").items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def plover() -> dict:
    """The PLOVER specification's vocabularies (categories, quad classes, CONSULT modes, contexts,
    sectors) and how communique's fields map onto them."""
    return _load("plover.json")
