"""Tokenise a line and tag lexicon phrases on it (countries, demonyms, offices, ranks, honorifics).

Why our own tokens and not spaCy's: titles and names are matched on surface forms such as
"Sen. Lt. Gen.", "Kyeong-doo" and "Azerbaijan’s" that spaCy splits differently; the offsets
we return are character offsets, so they map onto any spaCy Doc of the same text.
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

import regex

from communique import lexicons

_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}(?:['’]s)?"                             # U.S., H.E., N.A., N.A.’s
    r"|\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*\.?"   # words, hyphenated, optional trailing dot
    r"|\d+(?:[.,]\d+)*"
    r"|\S"
)
_POSSESSIVE = regex.compile(r"^(.+?)(['’]s)$", regex.IGNORECASE)
_PLURAL_POSSESSIVE = regex.compile(r"^(\p{Lu}.+s)(['’])$")     # "the Philippines’ Defence Secretary"
# A function word glued to the next word by a lost space in scraping ("forPresident", "aMinister").
_GLUED = regex.compile(r"^(a|an|the|for|of|to|by|with|and|at|in|on|from)(?=\p{Lu}\p{Ll})")

# categories
HEAD, MOD, DOMAIN, JOINER, COUNTERPART = "HEAD", "MOD", "DOMAIN", "JOINER", "COUNTERPART"
DESCRIPTOR = "DESCRIPTOR"   # a political role that is no office ("dictator", "official"): anchors a name, gives no title
RANK, HON, COUNTRY, DEMONYM, PARTY, PARTICLE, CREDIT = "RANK", "HON", "COUNTRY", "DEMONYM", "PARTY", "PARTICLE", "CREDIT"
PLACE = "PLACE"   # capital cities: part of organisation names ("People's Council of Hanoi"), never of a person's
CASED = {RANK, HON, COUNTRY, DEMONYM, PARTY, PLACE}   # must match with the capitals as written
TITLE_PARTS = {HEAD, MOD, DOMAIN, COUNTERPART, DESCRIPTOR}


class Tok(NamedTuple):
    """A word with its character offsets (a tuple: millions are made, a dataclass costs 3× as much)."""
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


class Tag(NamedTuple):
    cat: str
    i: int          # first token index
    j: int          # one past the last token index
    value: str | None = None   # alpha-3 code for COUNTRY/DEMONYM/PARTY


@cache
def _abbreviations() -> frozenset[str]:
    r = lexicons.ranks()
    words = [w for phrase in r["ranks"] + r["honorifics"] + r["name_particles"] for w in phrase.split()]
    return frozenset(w for w in words if w.endswith(".")) | {"St.", "No.", "Jr.", "Sr."}


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Words with possessives split off and sentence dots split from non-abbreviations.

    One pass over the regex's matches; the rarer splits (a glued function word, a possessive) are
    tried only when a cheap test on the token allows them, since every line of every article
    comes through here."""
    out: list[Tok] = []
    append = out.append
    abbrev = _abbreviations()
    for m in _TOKEN.finditer(text):
        word = m.group()
        a = m.start() + offset
        b = a + len(word)
        if len(word) > 2 and word[0].islower():
            glued = _GLUED.match(word)
            if glued:
                cut = a + glued.end()
                append(Tok(glued.group(), a, cut))
                word, a = word[glued.end():], cut
        if "'" in word or "’" in word:
            p = _POSSESSIVE.match(word) or _PLURAL_POSSESSIVE.match(word)
            if p and len(p.group(1)) > 1:
                cut = a + len(p.group(1))
                append(Tok(p.group(1), a, cut))
                append(Tok(p.group(2), cut, b))
                continue
        if word[-1] == "." and len(word) > 1 and word not in abbrev and not (
                len(word) == 2 and word[0].isupper()) and "." not in word[:-1]:
            append(Tok(word[:-1], a, b - 1))
            append(Tok(".", b - 1, b))
        else:
            append(Tok(word, a, b))
    return out


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(phrase))


@cache
def phrase_table() -> tuple[dict[tuple[str, ...], tuple[str, str | None]], int]:
    """Lexicon phrase (token texts, lower-cased unless cased) -> (category, value); and the longest length."""
    table: dict[tuple[str, ...], tuple[str, str | None]] = {}

    def add(phrase: str, cat: str, value: str | None = None) -> None:
        if "'" in phrase:                     # "Côte d’Ivoire", "Chargé d’Affaires": typographic apostrophes
            add(phrase.replace("'", "’"), cat, value)
        key = _key(phrase)
        if not key:
            return
        if cat not in CASED:
            key = tuple(k.lower() for k in key)
        table.setdefault(key, (cat, value))

    off, rk = lexicons.offices(), lexicons.ranks()
    for code, entry in lexicons.countries().items():
        for name in entry["names"]:
            add(name, COUNTRY, code)
        for dem in entry["demonyms"]:
            add(dem, DEMONYM, code)
        if entry.get("capital"):
            add(entry["capital"], PLACE, code)
    for party, code in off["parties"].items():
        add(party, PARTY, code)
    plurals = [h[:-1] + "ies" if h.endswith("y") else h + "s" for h in off["heads"]]
    # Order matters: the first category a phrase is added under wins (setdefault above).
    for phrases, cat in ((rk["ranks"], RANK), (rk["honorifics"], HON), (off["heads"], HEAD),
                         (plurals, HEAD),   # "the two Ministers", "Secretaries": titles, never names
                         (off["modifiers"], MOD), (off["domains"], DOMAIN), (off["joiners"], JOINER),
                         (off["counterpart"], COUNTERPART), (off["descriptors"], DESCRIPTOR),
                         (rk["name_particles"], PARTICLE),
                         (rk["credit_words"], CREDIT)):
        for phrase in phrases:
            add(phrase, cat)
    return table, max(len(k) for k in table)


@cache
def _starts() -> dict[str, int]:
    """First word of a lexicon phrase (as keyed) -> the longest phrase starting with it, so that a
    token no phrase starts with is passed over with one dictionary look-up."""
    table, _ = phrase_table()
    starts: dict[str, int] = {}
    for key in table:
        starts[key[0]] = max(starts.get(key[0], 0), len(key))
    return starts


def tag(tokens: list[Tok]) -> list[Tag | None]:
    """Per token, the lexicon tag covering it (greedy longest match, left to right)."""
    table, _ = phrase_table()
    starts = _starts()
    texts = [t.text for t in tokens]
    lowers = [t.lower() for t in texts]
    out: list[Tag | None] = [None] * len(tokens)
    i = 0
    while i < len(tokens):
        reach = max(starts.get(texts[i], 0), starts.get(lowers[i], 0))
        hit = None
        for n in range(min(reach, len(tokens) - i), 0, -1):
            words = tuple(texts[i:i + n])
            entry = table.get(words)
            if entry is None or entry[0] not in CASED:
                low = table.get(tuple(lowers[i:i + n]))
                if low is not None and low[0] not in CASED:
                    entry = low
                elif entry is not None and entry[0] not in CASED:
                    entry = None
            if entry is not None:
                hit = Tag(entry[0], i, i + n, entry[1])
                break
        if hit is None:
            i += 1
            continue
        for k in range(hit.i, hit.j):
            out[k] = hit
        i = hit.j
    return out



class Line(NamedTuple):
    no: int
    start: int              # offset of the line in the body
    text: str
    toks: list[Tok]
    tags: list[Tag | None]


def tag_lines(body: str) -> list[Line]:
    """Every line of the body tokenised and tagged once; the country and the people passes both read them."""
    out, start = [], 0
    for no, text in enumerate(body.split("\n")):
        toks = tokenize(text, start)
        out.append(Line(no, start, text, toks, tag(toks)))
        start += len(text) + 1
    return out
