"""Name forms of one person: "Phan Van Giang", "Giang", "Gen. Giang", "Phan Văn Giang".

A name key is the name's tokens lower-cased without diacritics, honorifics, ranks or initials,
with diminutives expanded ("Joe" -> "joseph"). Two keys are compatible when one's tokens are all
in the other's: that covers a surname or given name used alone, an added patronymic or middle
name, and word order ("Hasanov Zakir" / "Zakir Hasanov"). It never treats two different full
names as one ("Nguyen Van Nam" / "Nguyen Van Lam" differ in a token). A token may be written in
two romanisations differing in one vowel (same_token: "Sergei" / "Sergey").
"""
from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

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


VARIANT_MIN_LETTERS = 6
_VOWELS = frozenset("aeiouy")


def same_token(a: str, b: str) -> bool:
    """One name token, or two romanisations of it: of equal length (at least VARIANT_MIN_LETTERS),
    differing in one vowel (y counted as one) — Sergei/Sergey, Shoigu/Shoygu, Dmitry/Dmitri,
    Khaled/Khalid — or one writing a vowel twice (Hayee/Haye). Consonants never vary ("Nguyen" is not
    "Nguyet"), and neither does length otherwise ("Belousov" is not "Belousova"): those are other names."""
    if a == b:
        return True
    if _doubled_vowel(a, b) or _doubled_vowel(b, a):
        return True
    if len(a) != len(b) or len(a) < VARIANT_MIN_LETTERS or a[0] != b[0]:
        return False
    ops = Levenshtein.editops(a, b).as_list()            # [(tag, position in a, position in b)]
    if len(ops) != 1:
        return False
    tag, i, j = ops[0]
    return tag == "replace" and a[int(i)] in _VOWELS and b[int(j)] in _VOWELS


DOUBLED_MIN_LETTERS = 4


def _doubled_vowel(short: str, long: str) -> bool:
    """Hayee/Haye, Raeesi/Raesi: the longer writes one vowel of the shorter twice (not Lee/Le:
    too short to tell a spelling from another name)."""
    if len(long) != len(short) + 1 or len(short) < DOUBLED_MIN_LETTERS:
        return False
    return any(long[i] in _VOWELS and long[i] == long[i - 1] and long[:i] + long[i + 1:] == short
               for i in range(1, len(long)))


def romanisations(token: str) -> set[str]:
    """The token and every form same_token accepts for it (one vowel changed, one vowel doubled or
    undoubled): the person index is searched with these, so "Sergey Shoygu" finds the person
    stored as "Sergei Shoigu"."""
    out = {token}
    for i in range(1, len(token)):
        if token[i] in _VOWELS and token[i] == token[i - 1] and len(token) - 1 >= DOUBLED_MIN_LETTERS:
            out.add(token[:i] + token[i + 1:])
    if len(token) >= DOUBLED_MIN_LETTERS:
        out.update(token[:i + 1] + token[i] + token[i + 1:] for i, ch in enumerate(token) if ch in _VOWELS and i)
    if len(token) >= VARIANT_MIN_LETTERS:
        for i, ch in enumerate(token):
            if ch in _VOWELS and i:
                out.update(token[:i] + v + token[i + 1:] for v in _VOWELS if v != ch)
    return out


def _covered(small: set[str], big: set[str]) -> bool:
    """Every token of `small` is a distinct token of `big` (or a romanisation of one)."""
    pool = set(big)
    for t in small:
        hit = t if t in pool else next((x for x in sorted(pool) if same_token(t, x)), None)
        if hit is None:
            return False
        pool.discard(hit)
    return True


def compatible(a: str, b: str) -> bool:
    """Could these be two written forms of one person's name?"""
    ta, tb = set(name_tokens(a)), set(name_tokens(b))
    if not ta or not tb:
        return False
    return _covered(ta, tb) if len(ta) <= len(tb) else _covered(tb, ta)


def is_full(name: str) -> bool:
    """A name of two or more tokens identifies a person on its own; one token only in context."""
    return len(name_tokens(name)) >= 2
