"""Step 3: candidates that can be the same engagement (same kind, sides and news/background; dates
and principals compatible) become one event with all their evidence."""
from __future__ import annotations

import datetime as dt

import regex

from communique.extract.context import ArticleContext
from communique.extract.dates import DateMention
from communique.extract.event import Event
from communique.extract.people import leads_delegation, speaking_at

DATELINE_LAG_DAYS = 2


def _dateline_lag(a: DateMention, b: DateMention) -> bool:
    """A dateline's day is when the report was filed: the engagement it reports may be a day or two
    earlier ("NEW DELHI, Aug 2 — … took place on Thursday", Aug 1)."""
    line, other = (a, b) if a.source == "dateline" else (b, a) if b.source == "dateline" else (None, None)
    if line is None or line.precision != "day" or other.precision != "day":
        return False
    try:
        lag = (dt.date.fromisoformat(line.value.replace("XXXX", "2000"))
               - dt.date.fromisoformat(other.value.replace("XXXX", "2000"))).days
    except ValueError:
        return False
    return 0 <= lag <= DATELINE_LAG_DAYS


def _compatible_dates(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    if _dateline_lag(a, b):
        return True
    for x, y in zip(a.value.split("-"), b.value.split("-"), strict=False):
        if "X" in x or "X" in y:
            continue
        if int(x) != int(y):
            return False
    return True


def _compatible_people(ctx: ArticleContext, a: Event, b: Event) -> bool:
    """Principals conflict when, for some country, both events name people and none is shared: one
    each, or two meetings of different forms each told by its own trigger ("was received by
    President X"; "the same day, … co-chaired the joint committee with Foreign Minister Y")."""
    two_forms = a.kind == "meeting" and a.subtype != b.subtype and not (a.anaphoric or b.anaphoric) \
        and a.subtype not in _GENERIC_FORMS and b.subtype not in _GENERIC_FORMS
    for c in set(a.countries) & set(b.countries):
        pa = {k for k in a.people if ctx.people[k].country == c}
        pb = {k for k in b.people if ctx.people[k].country == c}
        if pa and pb and not pa & pb and (a.kind == "visit" or two_forms or (len(pa) == 1 and len(pb) == 1)):
            return False
    return True


_GENERIC_FORMS = frozenset({"talks", "meeting"})     # words any report of a meeting may use


def _same(ctx: ArticleContext, e: Event, c: Event) -> bool:
    if e.kind != c.kind or e.historical != c.historical:
        return False
    if e.kind == "multilateral":
        if not set(e.countries) & set(c.countries) and e.mechanism != c.mechanism:
            return False
    elif set(e.countries) != set(c.countries):
        return False
    if e.kind == "visit" and e.guest and c.guest and e.guest != c.guest:
        return False          # a trip each way is two visits ("X had visited India … His last visit to Russia …")
    return _compatible_dates(e.date, c.date) and _compatible_people(ctx, e, c)


def _absorb(e: Event, c: Event) -> None:
    for k in c.people:
        if k not in e.people:
            e.people.append(k)
    better = c.date and (e.date is None or len(c.date.value or "") > len(e.date.value or "")
                         or (e.date.source == "dateline" and c.date.source != "dateline" and c.date.precision == "day"))
    if better and (not c.anaphoric or e.date is None or e.date.source == "dateline"):
        e.date, e.date_from = c.date, c.date_from
    e.place = e.place or c.place
    e.host = e.host or c.host
    e.guest = e.guest or c.guest
    e.mechanism = e.mechanism or c.mechanism
    e.ordinal = e.ordinal or c.ordinal
    e.anaphoric = e.anaphoric and c.anaphoric
    e.context_countries = e.context_countries and c.context_countries
    for sp in c.evidence:
        if all(sp.start != x.start for x in e.evidence):
            e.evidence.append(sp)
    e.sentences = sorted(set(e.sentences) | set(c.sentences))


def _said_to(e: Event) -> bool:
    """A call read from "spoke with/to" alone (events.json rule spoke_with), no word of a telephone."""
    return all(x.rule == "events:spoke_with" for x in e.evidence)


def _latest_first(events: list[Event]) -> list[Event]:
    """Events by their latest mention, newest first (ties: the one created last): what "the talks"
    refers back to is the engagement the text spoke of last, not the one it listed last."""
    return sorted(reversed(events), key=lambda e: -max(e.sentences))


def merge(ctx: ArticleContext, cands: list[Event], not_held: set[str] = frozenset()) -> tuple[list[Event], list[Event]]:
    """(events, unresolved): anaphoric candidates join the latest compatible event or stay unresolved."""
    events: list[Event] = []
    unresolved: list[Event] = []
    for c in [c for c in cands if not c.enrich_only]:
        if len(c.countries) < 2 and c.kind != "multilateral":
            target = next((e for e in _latest_first(events) if e.kind == c.kind and not e.historical
                           and set(c.countries) <= set(e.countries) and _compatible_dates(e.date, c.date)), None)
            if target:
                _absorb(target, c)
            else:
                unresolved.append(c)
            continue
        target = next((e for e in events if _same(ctx, e, c)), None)
        if target is None and c.kind == "call" and _said_to(c):
            # "Speaking with Shanahan for the second time in as many days, Jeong said …" beside their
            # meeting: "spoke with" names the meeting, not a call
            target = next((e for e in events if e.kind == "meeting" and not e.historical and not c.historical
                           and set(e.countries) == set(c.countries) and _compatible_dates(e.date, c.date)), None)
        if target:
            _absorb(target, c)
        elif c.anaphoric:
            target = next((e for e in _latest_first(events) if e.kind == c.kind and e.historical == c.historical), None)
            if target and _compatible_dates(target.date, c.date):
                _absorb(target, c)
            else:
                unresolved.append(c)
        else:
            events.append(c)
    _promote(ctx, events, unresolved, not_held)
    _calls_take_their_talks(events)
    for c in [c for c in cands if c.enrich_only]:
        target = next((e for e in events if _same(ctx, e, c) and not e.anaphoric), None)
        if target is not None and (target.date is None or target.date_value == c.date_value):
            _absorb(target, c)
    # anaphoric events that found a full event later in the text
    for e in list(events):
        if e.anaphoric:
            other = next((x for x in events if x is not e and not x.anaphoric and _same(ctx, x, e)), None)
            if other:
                _absorb(other, e)
                events.remove(e)
    return events, unresolved


_GENERIC_MEETINGS = {"talks", "meeting", "signing"}


def _calls_take_their_talks(events: list[Event]) -> None:
    """A call and "the talks" of the same pair, undated or on the call's day and naming no one the call
    does not, are one engagement (a meeting and a call exclude each other for one mention: "held a
    video call … In the talks, …")."""
    calls = [e for e in events if e.kind == "call" and not e.historical]
    for e in list(events):
        if e.kind != "meeting" or e.historical or e.subtype not in _GENERIC_MEETINGS:
            continue
        call = next((c for c in calls if set(c.countries) == set(e.countries) and set(e.people) <= set(c.people)
                     and (e.date is None or (c.date is not None and c.date.value == e.date.value))), None)
        if call is not None:
            _absorb(call, e)
            events.remove(e)


_SUMMIT = regex.compile(r"\b(?:the|this|that)\s+summit\b", regex.IGNORECASE)


def _promote(ctx: ArticleContext, events: list[Event], unresolved: list[Event],
             not_held: set[str] = frozenset()) -> None:
    """An article that only ever says "the talks" or "the visit" still reports one: between the
    article's two principal countries, undated unless a full report dates it."""
    if len(ctx.pair) != 2:
        return
    for kind in ("meeting", "visit"):
        if kind in not_held or any(e.kind == kind and not e.historical for e in events):
            continue
        # "During the summit, the SCO leaders …" beside a reported gathering refers to it, not to talks
        gathering = any(e.kind == "multilateral" and not e.historical for e in events)
        pending = [c for c in unresolved if c.kind == kind and not c.historical and set(c.countries) <= set(ctx.pair)
                   and not (gathering and kind == "meeting" and _SUMMIT.search(c.evidence[0].text))]
        if not pending:
            continue
        first = pending[0]
        first.countries, first.context_countries, first.date = sorted(ctx.pair), True, None
        first.people = [k for k in first.people if ctx.people[k].country in ctx.pair]
        if kind == "meeting":
            first.people += principals(ctx, [c for c in ctx.pair
                                              if not any(ctx.people[k].country == c for k in first.people)])
        for c in pending[1:]:
            c.date = None
            _absorb(first, c)
        events.append(first)
        for c in pending:
            unresolved.remove(c)


PRINCIPAL_MENTIONS = 2


def principals(ctx: ArticleContext, countries: list[str], exclude: frozenset[int] = frozenset()) -> list[int]:
    """The talks an article never attributes were held by each side's principal: the titled person
    of that country named most often (at least PRINCIPAL_MENTIONS times, or quoted: "Minister X
    said…", or leading its delegation), if there is one; `exclude`: people who cannot be (only ever recalled)."""
    out = []
    for country in countries:
        ranked = sorted((-len(p.mentions), k) for k, p in enumerate(ctx.people)
                        if k not in exclude and p.country == country and p.title
                        and (len(p.mentions) >= PRINCIPAL_MENTIONS or speaking_at(ctx.body, p)
                             or leads_delegation(ctx.body, p)))
        if ranked:
            out.append(ranked[0][1])
    return out
