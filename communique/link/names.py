"""Name forms of one person: "Phan Van Giang", "Giang", "Gen. Giang", "Phan Văn Giang".

A name key is the name's tokens lower-cased without diacritics, honorifics, ranks or initials,
with diminutives expanded ("Joe" -> "joseph"). Two keys are compatible when one's tokens are all
in the other's: that covers a surname or given name used alone, an added patronymic or middle
name, and word order ("Hasanov Zakir" / "Zakir Hasanov"). It never treats two different full
names as one ("Nguyen Van Nam" / "Nguyen Van Lam" differ in a token).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from communique import lexicons
from communique.text import fold

_TOKEN = regex.compile(r"[\p{L}\p{M}']+")


@lru_cache(maxsize=1)
def _dropped() -> frozenset[str]:
    r = lexicons.ranks()
    words = {w.lower().rstrip(".") for phrase in r["ranks"] + r["honorifics"] for w in phrase.split()}
    return frozenset(words)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The name's comparable tokens, in order (hyphenated parts split, initials dropped)."""
    nick = lexicons.nicknames()
    out = []
    for raw in _TOKEN.findall(fold(name).replace("-", " ")):
        tok = raw.strip("'")
        if len(tok) < 2 or tok in _dropped():
            continue
        out.append(nick.get(tok, tok))
    return tuple(out)


def name_key(name: str) -> str:
    """One string per name form, order-free, for indexing aliases."""
    return " ".join(sorted(name_tokens(name)))


def compatible(a: str, b: str) -> bool:
    """Could these be two written forms of one person's name?"""
    ta, tb = set(name_tokens(a)), set(name_tokens(b))
    if not ta or not tb:
        return False
    return ta <= tb or tb <= ta


def is_full(name: str) -> bool:
    """A name of two or more tokens identifies a person on its own; one token only in context."""
    return len(name_tokens(name)) >= 2
