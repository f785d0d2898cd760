"""Step 4: what the whole article adds to its events: a date from the lead, the dateline or the
publication, the principals when a sentence names none."""
from __future__ import annotations

import datetime as dt

import regex

from communique.extract import venues
from communique.extract.context import ArticleContext, Sentence
from communique.extract.dates import DateMention, parse_ref
from communique.extract.event import NEWS_WINDOW_DAYS, Event
from communique.extract.events.background import as_date
from communique.extract.events.merging import principals
from communique.extract.events.when import OTHER_ENGAGEMENT
from communique.kinds import FACE_TO_FACE

# The news of a report happened in the month it was published, except on a month's first day (it
# may be the last day of the month before): measured on the gold of dev + world, the month is right
# for 20 of 22 undated news engagements, the day for 11; starting on the 4th instead lost one more
# true engagement and kept two false ones on world.
PUBLISHED_MONTH_FROM_DAY = 2


def publication_month(published: str | None) -> DateMention | None:
    """An undated news engagement's month, from the publication date (date_source "published")."""
    y, m, d = parse_ref(published)
    if not (y and m and d) or d < PUBLISHED_MONTH_FROM_DAY:
        return None
    return DateMention(0, 0, "", f"{y:04d}-{m:02d}", "month", "published")


def publication_day(published: str | None) -> DateMention | None:
    """An undated news meeting, call or gathering whose lead names no day but the publication's (a
    report of the same day: statements, wires): the publication day (date_source "published"; the
    store keeps it as `reported`, never as a written day). Measured on the gold of dev + world after
    the lead-day rule: of the matched news engagements dated this way, the gold gives the
    publication day for 4 of 4. A lead naming another day, a visit (begun earlier) and the first of
    a month (maybe the last day of the one before) keep the month rule."""
    y, m, d = parse_ref(published)
    if not (y and m and d) or d < PUBLISHED_MONTH_FROM_DAY:
        return None
    return DateMention(0, 0, "", f"{y:04d}-{m:02d}-{d:02d}", "day", "published")


# "X has arrived in Moscow": a visit that began as the report was written
_JUST_ARRIVED = regex.compile(r"\b(?:has|have)\s+(?:just\s+)?(?:arrived|landed)\b", regex.IGNORECASE)

LEAD_SENTENCES = 6       # how far into the body the lead may run (site furniture comes first on some pages)


def lead_day(ctx: ArticleContext) -> tuple[DateMention, Sentence] | None:
    """The day the article's lead reports ("Borrell said on Tuesday…", "…was on full display on Monday
    as…"): the first written day in its first sentences, within the news window before publication,
    with its sentence. Talks the article tells of without a date of their own, among people or states
    that sentence names, happened then (date_source "lead"). A day written in a time adjunct naming
    another engagement ("… following up on their talks on Monday") is that one's, not the lead's."""
    pub = as_date(ctx.published)
    if pub is None or None in pub:
        return None
    published = dt.date(*pub)
    for s in ctx.sentences[:LEAD_SENTENCES]:
        if s.caption:
            continue
        adjuncts = [(s.span.start + x.start(), s.span.start + x.end()) for x in OTHER_ENGAGEMENT.finditer(s.text)]
        for d in s.dates:
            if d.precision != "day" or d.source not in ("text", "relative") or d.is_range \
                    or any(x <= d.start < y for x, y in adjuncts):
                continue
            day = as_date(d.value)
            if day is None or None in day:
                continue
            try:
                lag = (published - dt.date(*day)).days
            except ValueError:
                continue
            if -1 <= lag <= NEWS_WINDOW_DAYS:
                return d, s
            return None          # the lead's first day is not the news: leave the talks undated
    return None


def _shares(s: Sentence, e: Event) -> bool:
    """The sentence names one of the engagement's people or states."""
    return bool({k for k, _, _ in s.people} & set(e.people)) or bool({c for c, _ in s.countries} & set(e.countries))


def _month_of(d: DateMention) -> DateMention:
    """The same date at month precision (a coarser one as it is)."""
    v = d.value
    return DateMention(d.start, d.end, d.text, v[:7] if len(v) > 7 else v,
                       "month" if len(v) >= 7 else d.precision, d.source)


_ON_ARRIVAL = regex.compile(r"\b(?:up)?on\s+(?:(?:his|her|their|the\s+\w+['’]s)\s+)?arrival\b", regex.IGNORECASE)


def fill_from_context(ctx: ArticleContext, events: list[Event]) -> None:
    """A news visit undated in its own sentences happened in the month of the talks held during it;
    an engagement with no city of its own took place in the dateline city, where the visit went, or
    (a visit) where its talks were held in the host country (which they name when nothing else does)."""
    meetings = [e for e in events if e.kind in FACE_TO_FACE and not e.historical]
    lead = lead_day(ctx)
    first_day = next((d.value for s in ctx.sentences[:LEAD_SENTENCES] if not s.caption for d in s.dates
                      if d.precision == "day"), None)
    lead_days = first_day is not None and first_day != ctx.published     # the lead tells of another day
    background = {i for e in events if e.historical for i in e.sentences}
    beside = venues.sidelines_city(ctx, background)
    for e in events:
        if e.historical:
            continue
        if e.kind != "multilateral" and e.date is not None and e.date.source == "name":
            e.date = None        # "ARMY-2024" dates the expo, not a visit or talks held beside it
        if e.kind == "visit" and e.date is None:
            talks = next((m for m in meetings if set(m.countries) == set(e.countries) and m.date and m.date.value), None)
            if talks:
                e.date = _month_of(talks.date)
                e.date_from = "month of the talks held during the visit"
        if e.date is None and e.kind == "meeting" and any(_ON_ARRIVAL.search(ctx.sentences[i].text) for i in e.sentences):
            # "Upon arrival at the airport, the President was welcomed by …": the day the visit began
            arrival = next((v for v in events if v.kind == "visit" and not v.historical and v.date
                            and v.date.precision == "day" and set(v.countries) == set(e.countries)), None)
            if arrival:
                e.date, e.date_from, e.date_basis = arrival.date, "the day of the arrival", "visit"
        if e.date is None and e.kind in FACE_TO_FACE:
            visit = next((v for v in events if v.kind == "visit" and not v.historical and v.date and v.date.value
                          and set(v.countries) == set(e.countries)), None)
            if visit:      # talks held during a dated visit: the visit's month at least
                e.date = _month_of(visit.date)
                e.date_from = "month of the visit during which it was held"
                e.date_basis = "visit"
        if e.date is None and e.kind in ("meeting", "call", "multilateral") and lead and _shares(lead[1], e):
            e.date, e.date_from, e.date_basis = lead[0], "the day the article's lead reports", "lead"
        if e.date is None:
            just_arrived = e.kind == "visit" and any(_JUST_ARRIVED.search(ctx.sentences[i].text) for i in e.sentences)
            same_day = (e.kind != "visit" or just_arrived) and not lead_days
            e.date = publication_day(ctx.published) if same_day else publication_month(ctx.published)
    # visits first: talks with no city of their own take the city of the visit they were held during
    for e in sorted((e for e in events if not e.historical), key=lambda e: e.kind != "visit"):
        if e.kind == "meeting" and e.place and e.place.country in e.countries and len(e.countries) == 2:
            e.host = e.place.country          # where it happened says who hosted, above any other cue
            e.guest = next(c for c in e.countries if c != e.host)
        if e.place is None and e.kind in ("meeting", "multilateral", "visit"):
            if ctx.dateline and (e.kind != "visit" or ctx.dateline.country == e.host):
                e.place = ctx.dateline
            elif e.kind == "meeting":
                visit = next((v for v in events if v.kind == "visit" and not v.historical
                              and set(v.countries) == set(e.countries) and v.place
                              and not venues.is_country_place(v.place)), None)   # a city, not a state
                if visit:
                    e.place = visit.place
        if e.place is None and e.kind == "visit" and e.host is None and len(e.countries) == 2:
            # "The Pentagon chief arrived here Sunday for a two-day visit": no one says who went where;
            # the talks of the pair held in one of its states say it
            hosts = {m.place.country for m in meetings if m.place and m.place.country in e.countries
                     and set(m.countries) == set(e.countries)}
            if len(hosts) == 1:
                e.host = hosts.pop()
                e.guest = next(c for c in e.countries if c != e.host)
        if e.place is None and e.kind == "visit" and e.host:
            talks = next((m for m in meetings if m.place and m.place.country == e.host
                          and set(m.countries) == set(e.countries)), None)
            e.place = talks.place if talks else venues.country_place(ctx, e)
        if e.place is None and e.kind == "meeting":
            e.place = beside          # talks an article reports beside one gathering were held where it was
        venues.refine_place(ctx, e, background)


def after_publication(e: Event, published: str | None) -> bool:
    """Dated after the article appeared (beyond the day after, for a report filed overnight): planned,
    not held ("will host the summit in 2027")."""
    if e.date is None or not e.date.value or e.date.source not in ("text", "relative"):
        return False
    d, p = as_date(e.date.value), as_date(published)
    if d is None or p is None or d[0] is None or p[0] is None:
        return False
    if d[0] != p[0] or d[1] is None or p[1] is None:
        return d[0] > p[0]
    if d[1] != p[1] or d[2] is None or p[2] is None:
        return d[1] > p[1]
    return d[2] > p[2] + 1


_BACK_REFERENCE = regex.compile(r"\b(?:the|that|this)\s+(?:summit|talks|meeting|dialogue|visit|forum|conference)\b",
                                regex.IGNORECASE)


def date_recalled_visits(ctx: ArticleContext, events: list[Event]) -> None:
    """"The last summit was held on December 6, 2021, in New Delhi. President X had visited India
    to attend the summit.": an undated background visit whose sentence refers back to the dated
    background meeting of the same pair in the sentence before took place in that month (and, when
    it names no city, where the meeting was)."""
    for e in events:
        if not e.historical or e.kind != "visit" or e.date is not None or not e.sentences:
            continue
        i = e.sentences[0]
        if i == 0 or not _BACK_REFERENCE.search(ctx.sentences[i].text):
            continue
        before = next((m for m in events if m.historical and m.kind in ("meeting", "multilateral")
                       and i - 1 in m.sentences and m.date and m.date.value
                       and set(m.countries) == set(e.countries)), None)
        if before:
            e.date, e.date_from = _month_of(before.date), "month of the recalled meeting it went to"
            if e.place is None and before.place and before.place.country in e.countries:
                e.place = before.place


def fill_principals(ctx: ArticleContext, events: list[Event]) -> None:
    """A news engagement whose sentences name no one for a side was held, for that side, by the
    article's principal of that state (its titled person named most, or quoted): "The two leaders
    discussed trade" after "President X … President Y" earlier in the article."""
    # "… reached during President X's state visit in June": X, named only for a recalled engagement,
    # held none of the news
    recalled = frozenset(k for e in events if e.historical for k in e.people) - {
        k for e in events if not e.historical for k in e.people}
    for e in events:
        if e.historical or e.kind not in ("meeting", "call", "visit"):
            continue
        present = {ctx.people[k].country for k in e.people}
        sides = [e.guest] if e.kind == "visit" and e.guest else ([] if e.kind == "visit" else e.countries)
        missing = [c for c in sides if c and c not in present]
        e.people += [k for k in principals(ctx, missing, recalled) if k not in e.people]
