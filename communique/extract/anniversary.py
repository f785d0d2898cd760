"""Anniversaries: "the 55th anniversary of the historic meeting …", "25 years of their partnership",
"… now marking its fifth anniversary". How many years back the thing counted lies, and from which
year to count: a year the text places the anniversary in, else the publication year when the
anniversary is now and the publication day is known. Read by relations (the year a framework was
set up) and events (the year of a recalled engagement)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from communique import lexicons
from communique.extract.dates import DateMention, parse_ref


@dataclass(frozen=True)
class _Patterns:
    before: regex.Pattern       # "the 30th anniversary of (the establishment of) " ending where the thing begins
    years_of: regex.Pattern     # "ten years of their "
    years_after: regex.Pattern  # "30 years after establishing "
    after: regex.Pattern        # ", now marking its fifth anniversary"
    future: regex.Pattern
    numbers: dict


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    lex = lexicons.anniversaries()
    i = regex.IGNORECASE
    # the patterns anchored at the end of a text search backwards: the nearest anniversary, in time
    # proportional to its length
    return _Patterns(regex.compile(lex["anniversary_pre"], i | regex.REVERSE),
                     regex.compile(lex["years_of_pre"], i | regex.REVERSE),
                     regex.compile(lex["years_after_pre"], i | regex.REVERSE),
                     regex.compile(lex["anniversary_post"], i), regex.compile(lex["future"], i),
                     dict(lex["ordinals"]))


def _number(m: regex.Match) -> int | None:
    n, w = m.groupdict().get("n"), m.groupdict().get("w")
    if n and n.isdigit():
        return int(n)
    return patterns().numbers.get((n or w or "").lower())


def counted_before(pre: str) -> tuple[int, regex.Match] | None:
    """(years, match) when `pre` ends with an anniversary of what follows it."""
    p = patterns()
    for pattern in (p.before, p.years_of, p.years_after):
        m = pattern.search(pre)
        if m and _number(m) is not None:
            return _number(m), m
    return None


_OF_THING = regex.compile(r"^anniversary\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
                          r"(?:[\p{L}\p{M}’'-]+\s+){0,6}$", regex.IGNORECASE)


def governing(pre: str) -> tuple[int, regex.Match] | None:
    """(years, match) when `pre` ends with "the Nth anniversary of (the historic) …" that governs
    what follows it — not "… anniversary of diplomatic ties, the ministers held talks"."""
    counted = counted_before(pre)
    if not counted:
        return None
    n, ann = counted
    word = regex.search(r"(?i)anniversary", pre[ann.start():])
    if not word or not _OF_THING.match(pre[ann.start() + word.start():]):
        return None
    return n, ann


def counted_after(post: str) -> int | None:
    """Years when `post` opens with "…, now marking its fifth anniversary"."""
    m = patterns().after.search(post)
    return _number(m) if m else None


def publication_year(published: str | None) -> int | None:
    """The year an anniversary 'now' falls in: the publication year, when the publication day is known
    (a month guessed from a URL can be years after the text was written)."""
    y, m, d = parse_ref(published)
    return y if y and m and d else None


def year_of(value: str | None) -> int | None:
    """The year of an ISO-like date value; None for 'XXXX-…' (a dateline without a year)."""
    head = (value or "")[:4]
    return int(head) if head.isdigit() else None


def reference_year(dates: list[DateMention], lo: int, start: int, end: int, clause_end: int, text_before: str,
                   text_after: str, published: str | None) -> int | None:
    """The year the anniversary falls in. `dates` are the sentence's (body offsets); the anniversary
    phrase starts at `lo`, the thing counted spans [start, end) and its clause ends at `clause_end`.
    A year written after the thing in its clause ("… of diplomatic relations in 2022"), else one just
    before the anniversary ("2025 marks the 60th anniversary"), else the publication year unless the
    anniversary is still ahead ("towards the 50th anniversary")."""
    usable = [d for d in dates if year_of(d.value) and d.precision in ("year", "day", "month") and not d.is_range]
    after = [d for d in usable if end <= d.start and d.end <= clause_end]
    if after:
        return year_of(after[0].value)
    beside = [d for d in usable if lo - 50 <= d.start and d.end <= start]
    if beside:
        return year_of(beside[-1].value)
    if patterns().future.search(text_before) or patterns().future.search(text_after[:40]):
        return None
    return publication_year(published)
