"""What the event, agreement, area and statement extractors share: the article cut into sentences,
each with the people, countries, dates and places written in it.

Built once per article from the people found earlier, so every later extractor reads the same facts
and the same offsets (the evidence they cite).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

import regex

from communique.extract.countries import as_sides, paired_states
from communique.extract.dates import DateMention, anaphoric_days, context_year, find_dates
from communique.extract.places import Place, dateline_place, find_places
from communique.extract.sentences import split_sentences
from communique.model import Person, Span


def unique(seq) -> list:
    """Items in first-seen order, without repeats or None."""
    seen, out = set(), []
    for x in seq:
        if x is not None and x not in seen:
            seen.add(x)
            out.append(x)
    return out


DATELINE_SENTENCES = 3
# A dateline's city may come later than its date would: pages open with a headline, a caption and
# site furniture before "VIENTIANE — …".
DATELINE_PLACE_SENTENCES = 8
# the place (and agency) a report opens with, before its date: "New Delhi, ", "QUITO (Agency), "
_DATELINE_DATE = regex.compile(r"^\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,2}\s*"
                               r"(?:\([^)]{1,30}\)\s*)?,\s*$")


@dataclass
class Sentence:
    index: int
    span: Span
    people: list[tuple[int, int, int]] = field(default_factory=list)   # (person index, start, end)
    countries: list[tuple[str, Span]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    caption: bool = False

    @property
    def text(self) -> str:
        return self.span.text

    def local(self, offset: int) -> int:
        """A body offset as an offset into this sentence's text."""
        return offset - self.span.start


@dataclass
class ArticleContext:
    body: str
    published: str | None
    people: list[Person]
    sentences: list[Sentence]
    ranked: list[str]                 # article countries, most involved first
    dateline: Place | None = None
    paired: list[str] | None = None   # the two states the article names as a pair most often

    @property
    def pair(self) -> list[str]:
        """'The two countries', 'both sides': the states the article pairs most ("Saudi Arabia and
        Iran", twice or more, ahead of any other pair), else its two most involved."""
        return self.paired or self.ranked[:2]


def build_context(body: str, published: str | None, people: list[Person],
                  countries: list[tuple[str, Span]], captions: list[Span] = ()) -> ArticleContext:
    sentences = [Sentence(i, s) for i, s in enumerate(split_sentences(body))]
    countries = as_sides(countries)
    starts = [s.span.start for s in sentences]

    def owner(pos: int) -> Sentence | None:
        k = bisect_right(starts, pos) - 1
        return sentences[k] if k >= 0 and pos < sentences[k].span.end else None

    for k, p in enumerate(people):
        for m in p.mentions:
            s = owner(m.start)
            if s is not None:
                s.people.append((k, m.start, m.end))
    for code, span in countries:
        s = owner(span.start)
        if s is not None:
            s.countries.append((code, span))
    involvement = Counter()
    for p in people:
        if p.country:
            involvement[p.country] += 2 + len(p.mentions)
    for code, _ in countries:
        involvement[code] += 1
    ranked = [c for c, _ in sorted(involvement.items(), key=lambda kv: -kv[1])]
    prefer = frozenset(ranked[:4])
    year = None
    if not published:
        year = context_year([d for s in sentences
                             for d in find_dates(s.text, None, s.span.start, only=("name_year",))])
    told: list[DateMention] = []        # day-precision dates in text order, for "the same day"
    for no, s in enumerate(sentences):
        s.people.sort(key=lambda t: t[1])
        s.dates = find_dates(s.text, published, offset=s.span.start, context_year=year)
        s.places = find_places(s.text, offset=s.span.start, prefer=prefer)
        s.caption = any(c.start <= s.span.start < c.end for c in captions)
        _days_told_before(s, told, sentences[max(0, no - ANAPHORIC_DAY_SENTENCES)].span.start)
    for s in sentences[:DATELINE_SENTENCES]:
        for d in s.dates:
            if _DATELINE_DATE.match(s.text[:s.local(d.start)]):
                d.source = "dateline"      # "NEW DELHI, 2 August —": when the report was filed
    dateline = None
    for s in sentences[:DATELINE_PLACE_SENTENCES]:
        dateline = dateline_place(s.text, s.span.start, prefer)
        if dateline:
            break
    return ArticleContext(body, published, people, sentences, ranked, dateline, _top_pair(body, countries, ranked, people))


ANAPHORIC_DAY_SENTENCES = 3     # how far back "the same day" may look for the day it means


def _days_told_before(s: Sentence, told: list[DateMention], since: int) -> None:
    """Resolve "The same day, …" / "the next day" in `s` against the last day written before it (in
    `s` or up to ANAPHORIC_DAY_SENTENCES sentences back), replacing any reading of the words on the
    publication day; then add `s`'s days to `told`."""
    told[:] = [d for d in told if d.start >= since]      # a bounded look-back, whatever the text's length

    def previous(pos: int) -> DateMention | None:
        days = [d for d in told + s.dates if d.start < pos and d.precision == "day" and d.value
                and not d.is_range and d.source != "published"]
        return max(days, key=lambda d: d.start) if days else None
    found = anaphoric_days(s.text, s.span.start, previous)
    if found:
        s.dates = sorted([d for d in s.dates if not any(f.start < d.end and d.start < f.end for f in found)] + found,
                         key=lambda d: d.start)
    told.extend(d for d in s.dates if d.precision == "day" and d.value and not d.is_range)


PAIR_MIN = 2
PAIR_CLEAR = 3


def _top_pair(body: str, countries: list[tuple[str, Span]], ranked: list[str],
              people: list[Person]) -> list[str] | None:
    """The pair of states named together most often, when that is at least PAIR_MIN times, more than
    any other pair, both among the leading states — and only when one of the two most involved states
    has no official of its own in the article (a Hanoi report on talks between Vietnamese and US
    officials beside a US–North Korea summit keeps Vietnam and the US), or the pair is named PAIR_CLEAR
    times and both its states have officials (Saudi and Iranian envoys meeting in Beijing, China's
    leader named throughout)."""
    top = paired_states(body, countries).most_common(2)
    if not top or top[0][1] < PAIR_MIN or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    pair = sorted(top[0][0], key=ranked.index)
    if set(pair) == set(ranked[:2]) or not all(ranked.index(c) < 4 for c in pair):
        return None
    with_people = {p.country for p in people}
    if top[0][1] >= PAIR_CLEAR and all(c in with_people for c in pair):
        return pair     # "talks between Saudi and Iranian delegations" hosted by China: both sides have officials
    return None if all(c in with_people for c in ranked[:2]) else pair
