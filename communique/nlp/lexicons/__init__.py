"""Load the shipped lexicons (general knowledge: countries, offices, ranks). Cached: read once per process."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


def _load(name: str) -> dict:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


@cache
def countries() -> dict[str, dict]:
    """alpha-3 code -> {names, demonyms, capital}."""
    return _load("countries.json")


@cache
def offices() -> dict:
    return _load("offices.json")


@cache
def ranks() -> dict:
    return _load("ranks.json")


@cache
def events() -> dict:
    """Engagement triggers, historical cues, PLOVER/CAMEO codes."""
    return _load("events.json")


@cache
def documents() -> dict:
    return _load("documents.json")


@cache
def anniversaries() -> dict:
    """Anniversary phrases and number words: how many years back a founding or an engagement lies."""
    return _load("anniversaries.json")


@cache
def ambiguous_country_names() -> dict[str, list[str]]:
    """Typed names that fit several states ("Korea"): refused with the choices at the CLI and API."""
    return {k: v for k, v in _load("ambiguous_country_names.json").items() if not k.startswith("_")}


@cache
def heads_by_state() -> dict:
    """States with no president / no prime minister: which home guesses an office rules out."""
    return _load("heads_by_state.json")


@cache
def relations() -> dict:
    """Relationship frameworks: level modifiers, status cues, anniversary words, the ladder's order."""
    return _load("relations.json")


@cache
def areas() -> dict:
    return _load("areas.json")


@cache
def statements() -> dict:
    return _load("statements.json")


@cache
def nicknames() -> dict[str, str]:
    """Diminutive -> full given name, for linking name forms of one person."""
    return {k: v for k, v in _load("nicknames.json").items() if not k.startswith("_")}


@cache
def plover() -> dict:
    """The PLOVER specification's vocabularies (categories, quad classes, CONSULT modes, contexts,
    sectors) and how communique's fields map onto them."""
    return _load("plover.json")
