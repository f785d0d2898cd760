"""Where an engagement took place when no city sits beside its trigger.

The guidelines want the city, failing that the country name, and only as the text states it. The
sentence's own place comes first (events.py); these fill in from the article: the country a visit
went to, written as a name (never a demonym: "Ivorian"); a third state talks were held in ("their
talks in Peru"); the one city the article names of a state-level place; the city of the one
gathering the article's talks were held beside ("on the sidelines of … in Singapore")."""
from __future__ import annotations

from functools import cache

import regex

from communique import lexicons
from communique.extract.context import ArticleContext
from communique.extract.event import Event
from communique.extract.places import Place
from communique.model import Span
from communique.text import fold


def _norm(name: str) -> str:
    return fold(name).replace("’", "'")


@cache
def _country_names(code: str) -> frozenset[str]:
    entry = lexicons.countries().get(code, {})
    return frozenset(_norm(n) for n in entry.get("names", ()))


def _as_country_place(code: str, span: Span) -> Place | None:
    """A country as a place, as the text names it ("Chad"; never a demonym, "Ivorian")."""
    if _norm(span.text) not in _country_names(code):
        return None
    return Place(span.start, span.end, span.text, span.text, code, 0)


def is_country_place(p: Place) -> bool:
    return p.population == 0 and _norm(p.text) in _country_names(p.country)


def country_place(ctx: ArticleContext, e: Event) -> Place | None:
    """A visit no city places: the country it went to, as its sentences write it ("visited Chad")."""
    for i in e.sentences:
        for code, span in ctx.sentences[i].countries:
            if code == e.host and (place := _as_country_place(code, span)):
                return place
    return None


_IN_BEFORE = regex.compile(r"\bin\s+(?:the\s+)?$", regex.IGNORECASE)


def venue_country(ctx: ArticleContext, e: Event) -> Place | None:
    """Talks no city places, held in a third state its sentences name ("their talks in Peru"): that
    state. A side's own name after 'in' is left alone ("investment in Vietnam" is not a venue)."""
    for i in e.sentences:
        s = ctx.sentences[i]
        for code, span in s.countries:
            if (code not in e.countries and _IN_BEFORE.search(ctx.body[max(0, span.start - 12):span.start])
                    and (place := _as_country_place(code, span))):
                return place
    return None


def only_city_of(ctx: ArticleContext, code: str, background: set[int]) -> Place | None:
    """The dateline city of a state; else its one city the article names as a location outside the
    sentences that tell of earlier engagements, if it names exactly one."""
    if ctx.dateline and ctx.dateline.country == code:
        return ctx.dateline
    cities = {p.name: p for s in ctx.sentences if s.index not in background
              for p in s.places if p.country == code and p.population}
    return next(iter(cities.values())) if len(cities) == 1 else None


_SIDELINES = regex.compile(r"\bon\s+the\s+(?:sidelines?|margins?)\s+of\b", regex.IGNORECASE)


def sidelines_city(ctx: ArticleContext, background: set[int]) -> Place | None:
    """The one city where the gathering the article's talks were held beside took place: "met … on
    the sidelines of the ASEAN Defence Ministers' Meeting in Singapore" (captions count)."""
    cities = {}
    for s in ctx.sentences:
        if s.index in background:
            continue
        m = _SIDELINES.search(s.text)
        if m:
            for p in s.places:
                if s.local(p.start) > m.end() and p.population:
                    cities.setdefault(p.name, p)
    return next(iter(cities.values())) if len(cities) == 1 else None


def refine_place(ctx: ArticleContext, e: Event, background: set[int]) -> None:
    """A place no finer than a state ("talks in Peru", "a visit to Vietnam") becomes the one city of
    that state the article names elsewhere ("… in Lima", "the visit given to Hanoi")."""
    if e.place is None and e.kind in ("meeting", "multilateral"):
        e.place = venue_country(ctx, e)
    if e.place is not None and is_country_place(e.place):
        e.place = only_city_of(ctx, e.place.country, background) or e.place
