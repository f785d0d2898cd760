"""The engagement an article reports, as extraction builds it (events/ builds it, events/record.py gives
its JSON shape), in a module of its own so that sides.py and venues.py, which events/ calls, can name it."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from communique.extract.dates import DateMention
from communique.extract.places import Place
from communique.model import Span

NEWS_WINDOW_DAYS = 20


@dataclass
class Rule:
    kind: str
    subtype: str
    pattern: regex.Pattern
    anaphoric: bool = False
    two_sides: bool = False
    id: str = ""                     # events.json's id: kept on the evidence as "events:<id>"
    at_start: bool = False           # matches only where the sentence begins ("Meeting host President X, …")


@dataclass
class Event:
    kind: str
    subtype: str
    countries: list[str]
    people: list[int] = field(default_factory=list)          # person indexes into ctx.people
    date: DateMention | None = None
    place: Place | None = None
    historical: bool = False
    host: str | None = None
    guest: str | None = None
    mechanism: str | None = None
    ordinal: int | None = None
    cue: bool = False                # a historical cue in its sentence
    adjunct: bool = False            # named in a time adjunct of another ("following the July 28 dialogue")
    anaphoric: bool = False          # only refers back
    context_countries: bool = False  # a side was taken from the article, not the sentence
    enrich_only: bool = False        # may date or place an event reported elsewhere, never creates one
    evidence: list[Span] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    date_from: str | None = None     # how date was chosen when not written in the sentence
    date_basis: str | None = None    # the record's date_source when not the date's own (visit, published)

    @property
    def date_value(self) -> str | None:
        if self.date is None:
            return None
        return self.date.value
