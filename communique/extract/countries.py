"""Country mentions (names, demonyms, party abbreviations) in a text, with offsets."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from communique import lexicons
from communique.extract.lexmatch import COUNTRY, DEMONYM, PARTY, PLACE, Line, tag, tag_lines, tokenize
from communique.extract.places import large_city
from communique.model import Span
from communique.text import is_headline_case


def country_mentions(body: str, lines: list[Line] | None = None) -> list[tuple[str, Span]]:
    """(alpha-3, span) for every country name or demonym, line by line (`lines`: tag_lines(body),
    when already computed)."""
    out: list[tuple[str, Span]] = []
    for _, start, line, toks, tags in lines if lines is not None else tag_lines(body):
        seen = set()
        for g in tags:
            if g is not None and g.cat in (COUNTRY, DEMONYM, PARTY) and (g.i, g.j) not in seen:
                seen.add((g.i, g.j))
                a, b = toks[g.i].start, toks[g.j - 1].end
                out.append((g.value, Span(a, b, body[a:b])))
        for k, (t, g) in enumerate(zip(toks, tags, strict=False)):
            if g is None and "-" in t.text:
                out += _compound_parts(body, toks, k)
        out += _paired_capitals(body, toks, tags)
        out += _pair_adjectives(body, toks, tags)
        out += _headline_acronyms(line, start)
    return sorted(out, key=lambda cs: cs[1].start)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(d.lower() for c in lexicons.countries().values() for d in c.get("demonyms", []))


def is_demonym(text: str) -> bool:
    """'Vietnamese', 'Chilean': the word describes someone of the state, it does not name the place."""
    return text.lower() in _demonyms()


@lru_cache(maxsize=1)
def _pair_table() -> dict[str, list[str]]:
    return {k.lower(): v for k, v in lexicons.pair_adjectives().items()}


def _pair_adjectives(body: str, toks: list, tags: list) -> list[tuple[str, Span]]:
    """"the inter-Korean summit": one word naming two states, a mention of each (lexicons/pair_adjectives.json)."""
    table = _pair_table()
    out = []
    for t, g in zip(toks, tags, strict=False):
        if g is None and "-" in t.text and (codes := table.get(t.text.lower())):
            out += [(code, Span(t.start, t.end, body[t.start:t.end])) for code in codes]
    return out


@lru_cache(maxsize=1)
def _acronym_pattern():
    """Country acronyms as headline casing writes them ('For Us President', 'Uk Defence Chief'),
    accepted only before an office or defence word, so 'Join Us Today' is not the United States."""
    acronyms = {n.capitalize(): code for code, c in lexicons.countries().items() for n in c["names"]
                if regex.fullmatch(r"[A-Z]{2,4}", n)}
    heads = {w for h in lexicons.offices()["heads"] + lexicons.offices()["domains"] for w in h.split()[:1]
             if w[:1].isupper()}
    heads |= {"Defence", "Defense", "Army", "Navy", "Military", "Troops", "Forces", "Delegation", "Officials",
              "Official", "Leader", "Leaders", "Chief", "Envoy", "Embassy", "Government"}
    pattern = regex.compile(r"(?<![\p{L}.])(" + "|".join(sorted(acronyms)) + r")\s+(?=(?:"
                            + "|".join(regex.escape(h) for h in sorted(heads)) + r")\b)")
    return pattern, acronyms


def _headline_acronyms(line: str, start: int) -> list[tuple[str, Span]]:
    pattern, acronyms = _acronym_pattern()
    hits = list(pattern.finditer(line))
    if not hits:                      # the cheap test first: most lines have no such acronym
        return []
    if not is_headline_case(line):
        return []
    return [(acronyms[m.group(1)], Span(start + m.start(1), start + m.end(1), m.group(1))) for m in hits]


def _paired_capitals(body: str, toks, tags) -> list[tuple[str, Span]]:
    """Capitals named as a pair stand for their governments ("talks between Seoul and Tokyo", "Riyadh
    and Tehran agreed", "the Moscow-Beijing axis"): each becomes a mention of its state. A capital
    alone stays a place."""
    named = []
    for g in dict.fromkeys(g for g in tags if g is not None and g.cat in (PLACE, COUNTRY)):
        named.append((toks[g.i].start, toks[g.j - 1].end, g.cat, g.value))
    out: dict[int, tuple[str, Span]] = {}
    for (a0, a1, ca, va), (b0, b1, cb, vb) in zip(named, named[1:], strict=False):
        if va != vb and ca == cb == PLACE and _PAIR_GLUE.fullmatch(body[a1:b0]):
            out[a0] = (va, Span(a0, a1, body[a0:a1]))
            out[b0] = (vb, Span(b0, b1, body[b0:b1]))
    return list(out.values())


def _compound_parts(body: str, toks, k: int) -> list[tuple[str, Span]]:
    """'India-Vietnam', "Côte d'Ivoire-South Africa Business Forum" (a hyphen glues words into one
    token): read the token's parts with two words either side, so a state name may run across the
    hyphen; kept when two or more states meet in the compound."""
    t = toks[k]
    if not any(part[:1].isupper() for part in t.text.split("-")):
        return []                          # "two-day", "long-term": no name in it
    a, b = toks[max(0, k - 2)].start, toks[min(len(toks), k + 3) - 1].end
    window = body[a:t.start] + body[t.start:t.end].replace("-", " ") + body[t.end:b]
    sub = tokenize(window, a)
    out, seen = [], set()
    for g in tag(sub):
        if g is None or g.cat not in (COUNTRY, DEMONYM) or (g.i, g.j) in seen:
            continue
        seen.add((g.i, g.j))
        lo, hi = sub[g.i].start, sub[g.j - 1].end
        if lo < t.end and hi > t.start:
            out.append((g.value, Span(lo, hi, body[lo:hi])))
    return out if len(out) >= 2 else []


# IGO is one code for every international organisation but the EU (guidelines v1.2): it marks the
# officials who serve one ("NATO Secretary General X") and never makes a side from a bare mention
# ("at the ASEAN summit"): South-East Asian articles name ASEAN in nearly every paragraph.
ORGANISATION = "IGO"


def as_sides(mentions: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """The mentions that can stand for a side of an engagement."""
    return [(code, span) for code, span in mentions if code != ORGANISATION]


def rank_countries(mentions: list[tuple[str, Span]]) -> list[str]:
    """Most mentioned first; ties broken by first appearance (organisations other than the EU left out)."""
    mentions = as_sides(mentions)
    counts = Counter(code for code, _ in mentions)
    first = {}
    for code, span in mentions:
        first.setdefault(code, span.start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


_PAIR_GLUE = regex.compile(r"\s*(?:[-–—/]|and|&)\s*", regex.IGNORECASE)


_LIST_GLUE = regex.compile(r",?\s*(?:,|and|&)\s*(?:the\s+)?", regex.IGNORECASE)


def listed_states(body: str, countries: list[tuple[str, Span]]) -> list[str]:
    """The longest run of three or more different states written as one list ("the Azerbaijani,
    Pakistani and Turkish foreign ministers"), else []."""
    best: list[str] = []
    run: list[str] = []
    prev: Span | None = None
    for code, span in countries:
        if prev is not None and _LIST_GLUE.fullmatch(body[prev.end:span.start]) and code not in run:
            run.append(code)
        else:
            run = [code]
        prev = span
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


def paired_states(body: str, countries: list[tuple[str, Span]]) -> Counter:
    """How often the article names two states as a pair ("Côte d'Ivoire-South Africa Business Forum",
    "between Nigeria and South Africa"): Counter of frozenset({a, b})."""
    found = sorted(((s.start, s.end, code) for code, s in countries), key=lambda t: t[0])
    pairs: Counter = Counter()
    for (_, end, a), (start, _, b) in zip(found, found[1:], strict=False):
        if a != b and _PAIR_GLUE.fullmatch(body[end:start]):
            pairs[frozenset((a, b))] += 1
    return pairs


@lru_cache(maxsize=1)
def _capitals() -> tuple[regex.Pattern, dict[str, str]]:
    table = {c["capital"].lower(): code for code, c in lexicons.countries().items() if c.get("capital")}
    names = sorted(table, key=len, reverse=True)
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\p{L})",
                         regex.IGNORECASE), table


def states_named(text: str) -> list[str]:
    """The states a short stretch of text names, by name, demonym or capital ("Beijing, Riyadh and
    Tehran": capitals stand for their governments), in order, each once."""
    pattern, table = _capitals()
    found = [(span.start, code) for code, span in as_sides(country_mentions(text))]
    found += [(m.start(), table[m.group().lower()]) for m in pattern.finditer(text)]
    return list(dict.fromkeys(code for _, code in sorted(found)))


# Country-code domains that sites use for other reasons (.tv, .io, .me ...): they say nothing of a home country.
GENERIC_TLDS = {"tv", "io", "me", "ai", "fm", "co", "cc", "ws", "ly", "to", "am", "nu", "gg", "la", "so", "is", "it"}


def url_country(url: str | None) -> str | None:
    """The state a news site's country-code domain names ('…vietnamplus.vn' -> VNM), if any."""
    m = regex.match(r"^[a-z]+://([^/:]+)", (url or "").lower())
    if not m:
        return None
    tld = m.group(1).rsplit(".", 1)[-1]
    if tld in GENERIC_TLDS or len(tld) != 2:
        return None
    tld = "gb" if tld == "uk" else tld
    return next((code for code, e in lexicons.countries().items() if e.get("alpha2", "").lower() == tld), None)


def outlet_country(outlet: str | None) -> str | None:
    """The state a news outlet's name places it in ("The Indian Express", "The Korea Herald", "The Hanoi
    Times", "The Sun (Malaysia)"): the one state its words name, as a country, demonym or large city.
    A name that places it in none or in several (a wire credit beside it) gives None."""
    if not outlet:
        return None
    found = {code for code, _ in as_sides(country_mentions(outlet)) if code != "EUU"}
    if not found:
        found = {hit[1] for word in regex.findall(r"\p{Lu}[\p{L}\p{M}'’-]+", outlet)
                 if (hit := large_city(word)) and len(word) > 3}
    return found.pop() if len(found) == 1 else None
