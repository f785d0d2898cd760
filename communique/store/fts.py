"""Search text to a bounded FTS5 query.

FTS5 syntax is powerful enough to be hostile: `a*` repeated 160 times, or `defence OR` 3,000 times,
keeps SQLite busy for minutes. Users get what a search box promises — words, "quoted phrases",
prefix*, OR, NOT, AND — and nothing else: every term is re-quoted (no column filters, NEAR or
parentheses reach FTS5), and the query is refused, with the reason, past a few limits."""
from __future__ import annotations

import regex

from communique.errors import UsageError

MAX_CHARS = 500          # search text
MAX_TERMS = 16           # words and phrases
MAX_PREFIX_TERMS = 3     # prefix* terms expand to every indexed word they start
MIN_PREFIX_CHARS = 2     # "a*" would expand to a fifth of the vocabulary
MAX_OR = 8

_OPERATORS = {"OR", "AND", "NOT"}
_TOKEN = regex.compile(r'"(?P<phrase>[^"]*)"(?P<pstar>\*)?|(?P<word>[^\s"()]+)')
_WORD_CHARS = regex.compile(r"[\p{L}\p{N}]+")


def fts_query(text: str) -> str:
    """The FTS5 query for a search box text; UsageError (a 400) saying which limit it broke."""
    text = (text or "").strip()
    if not text:
        raise UsageError("empty search text")
    if len(text) > MAX_CHARS:
        raise UsageError(f"search text over {MAX_CHARS} characters ({len(text)})")
    parts: list[str] = []
    terms = prefixes = ors = 0
    pending: str | None = None          # an operator waiting for the term after it
    for m in _TOKEN.finditer(text):
        word = m.group("word")
        if word in _OPERATORS:
            if parts and pending is None:
                pending = word
                ors += word == "OR"
            continue
        if m.group("phrase") is not None:
            words = _WORD_CHARS.findall(m.group("phrase"))
            star = bool(m.group("pstar"))
        else:
            star = word.endswith("*")
            words = _WORD_CHARS.findall(word)
        if not words:
            continue
        if star:
            prefixes += 1
            if len(words[-1]) < MIN_PREFIX_CHARS:
                raise UsageError(f"a prefix search needs at least {MIN_PREFIX_CHARS} letters before '*'")
        terms += 1
        term = '"' + " ".join(words) + '"' + ("*" if star else "")
        if parts:
            parts.append(pending or "AND")
        parts.append(term)
        pending = None
    if not parts:
        raise UsageError("search text has no words")
    if terms > MAX_TERMS:
        raise UsageError(f"search text has {terms} terms (at most {MAX_TERMS})")
    if prefixes > MAX_PREFIX_TERMS:
        raise UsageError(f"search text has {prefixes} prefix* terms (at most {MAX_PREFIX_TERMS})")
    if ors > MAX_OR:
        raise UsageError(f"search text has {ors} ORs (at most {MAX_OR})")
    if parts[0] == "NOT":
        parts = parts[1:]
    return " ".join(parts)
