"""The lexicons: general knowledge as data (countries, offices, ranks, trigger phrases, document
types), read once per process from one directory.

The shipped English lexicons sit in `en/` beside this file. Another directory with the same files
(a second language, an analyst's own trigger list) is chosen with `use(path)`, the `lexicons`
setting (COMMUNIQUE_LEXICONS) or the spaCy components' `lexicons` config; it must be chosen before
the first extraction in a process, since the extractors compile their patterns once.

Every entry that is a regular expression is compiled when its file loads (REGEX_ENTRIES): a bad
pattern stops the run at once with the file and the entry named, not at the first sentence that
happens to reach it.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from communique import kinds
from communique.errors import LexiconError

SHIPPED = Path(__file__).parent / "en"
_state = {"directory": SHIPPED, "read": False}

# Where each file keeps regular expressions: a key, `*` for every item of a list or value of a
# dict, a number for a position in a list.
REGEX_ENTRIES: dict[str, list[str]] = {
    "events.json": ["rules/*/patterns/*", "not_engagement/*", "historical_cues/*", "domestic_after/*"],
    "documents.json": ["types/*/1", "signed", "existing", "planned", "not_bilateral", "generic", "subject_stop"],
    "areas.json": ["cooperation_cue", "self_evident/*/*"],
    "statements.json": ["positions/*/1", "speech"],
    "anniversaries.json": ["anniversary_pre", "years_of_pre", "years_after_pre", "anniversary_post", "future"],
    "relations.json": ["extensions", "title_before", "upgrade_to", "towards", "intent", "planned_direct",
                       "planned_verb", "planned_modal", "established_pre", "established_post",
                       "established_direct", "document_after", "negated"],
}


def directory() -> Path:
    """The directory lexicons are read from in this process."""
    return _state["directory"]


def use(path: str | Path | None) -> None:
    """Read lexicons from `path` from now on (None or "": the shipped ones). Refused once a lexicon
    has been read from another directory: patterns compiled from it would silently stay."""
    new = Path(path).expanduser().resolve() if path else SHIPPED
    if new == _state["directory"]:
        return
    if _state["read"]:
        raise LexiconError(f"{new}: lexicons were already read from {_state['directory']} in this process; "
                           "choose the directory before the first extraction")
    if not new.is_dir():
        raise LexiconError(f"{new}: no such lexicon directory")
    _state["directory"] = new


def check() -> None:
    """Read every lexicon now: a missing file or a bad pattern stops the run before the first
    article, not article by article (the components call this when they are built)."""
    for load in (countries, offices, ranks, events, documents, anniversaries, ambiguous_country_names,
                 heads_by_state, relations, areas, statements, nicknames, plover, pair_adjectives):
        load()


def _entries(value: object, path: list[str], where: str = "") -> Iterator[tuple[str, object]]:
    """(location, value) of every item a REGEX_ENTRIES path names."""
    if not path:
        yield where, value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
        for key, item in items:
            yield from _entries(item, rest, f"{where}/{key}")
    elif isinstance(value, list) and head.isdigit() and int(head) < len(value):
        yield from _entries(value[int(head)], rest, f"{where}/{head}")
    elif isinstance(value, dict) and head in value:
        yield from _entries(value[head], rest, f"{where}/{head}")
    else:
        raise LexiconError(f"missing entry {where}/{head}")


def validate(name: str, data: dict) -> None:
    """Compile every regular expression of one file; the first that fails is named with its place.
    Trigger rules must produce a kind communique/kinds.py defines."""
    if name == "events.json":
        ids = [rule.get("id") for rule in data.get("rules", [])]
        for k, rule_id in enumerate(ids):
            if not isinstance(rule_id, str) or not rule_id or ids.index(rule_id) != k:
                raise LexiconError(f"{directory() / name}: entry /rules/{k}/id: every rule needs an id of its own "
                                   f"(got {rule_id!r})")
        for k, rule in enumerate(data.get("rules", [])):
            for n, pattern in enumerate(rule.get("patterns", [])):
                if isinstance(pattern, str) and pattern.startswith(("(?<", "^")):
                    # tried at every position of every sentence inside the one trigger alternation (an anchor
                    # there costs the alternation its fast scan: 40% of extraction time when one was tried)
                    raise LexiconError(f"{directory() / name}: entry /rules/{k}/patterns/{n}: a trigger may not open "
                                       "with a look-behind or an anchor (put the look-behind after the words it "
                                       "guards; mark a rule \"at_start\" for the start of a sentence)")
            if rule.get("kind") not in kinds.NAMES:
                raise LexiconError(f"{directory() / name}: entry /rules/{k}/kind: unknown kind {rule.get('kind')!r} "
                                   f"(one of {', '.join(kinds.NAMES)}; kinds are defined in communique/kinds.py)")
    for spec in REGEX_ENTRIES.get(name, []):
        try:
            found = list(_entries(data, spec.split("/")))
        except LexiconError as exc:
            raise LexiconError(f"{directory() / name}: {exc}") from None
        for where, pattern in found:
            if not isinstance(pattern, str):
                raise LexiconError(f"{directory() / name}: entry {where} should be a regular expression (a string)")
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise LexiconError(f"{directory() / name}: entry {where}: bad regular expression ({exc}): "
                                   f"{pattern[:80]!r}") from None


def _load(name: str) -> dict:
    path = directory() / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not valid JSON ({exc})") from None
    validate(name, data)
    _state["read"] = True
    return data


def _entries_only(name: str) -> dict:
    """A lexicon that is one mapping, its "_doc"-style notes left out."""
    return {k: v for k, v in _load(name).items() if not k.startswith("_")}


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
    return _entries_only("ambiguous_country_names.json")


@cache
def pair_adjectives() -> dict[str, list[str]]:
    """Adjectives naming two states at once ("inter-Korean") -> their alpha-3 codes."""
    return _entries_only("pair_adjectives.json")


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
    return _entries_only("nicknames.json")


@cache
def plover() -> dict:
    """The PLOVER specification's vocabularies (categories, quad classes, CONSULT modes, contexts,
    sectors) and how communique's fields map onto them."""
    return _load("plover.json")
