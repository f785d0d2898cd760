"""Step 2: news versus background. The article's news date is the first dated report of the
engagement; what is dated well before it, or recalled ("previous", "had visited"), or named in a time
adjunct of the news and dated before it ("following the July 28 dialogue"), is background."""
from __future__ import annotations

import datetime as dt

from communique.extract.context import ArticleContext
from communique.extract.dates import parse_ref
from communique.extract.event import NEWS_WINDOW_DAYS, Event
from communique.kinds import FACE_TO_FACE


def as_date(value: str | None):
    """(year|None, month|None, day|None) of an ISO value with XXXX allowed."""
    if not value:
        return None
    parts = value.split("-")
    return tuple(int(p) if p.isdigit() else None for p in parts) + (None,) * (3 - len(parts))


def news_date(ctx: ArticleContext, events: list[Event]) -> str | None:
    """The day the article's news happened: the first dated, unrecalled meeting or call, else the first
    dated visit (of the article's pair, if any is dated, else of any states), else the publication
    date at day precision."""
    # the article's own pair first: "follows a State Visit to Nigeria on 30 November, marked by the
    # Bi-National Commission" dates an earlier leg, not the news of a report on Côte d'Ivoire
    pair = set(ctx.pair) if len(ctx.pair) == 2 else None
    for own in ((True, False) if pair else (False,)):
        for kinds in (FACE_TO_FACE, {"visit"}):
            for e in events:
                if e.kind in kinds and not e.cue and e.date and e.date.precision == "day" and len(e.countries) >= 2 \
                        and (not own or set(e.countries) == pair):
                    return e.date.value
    ry, rm, rd = parse_ref(ctx.published)
    return ctx.published if rd else None


def _earlier(value: str, ref: str | None, published: str | None) -> bool:
    d, r = as_date(value), as_date(ref)
    py = parse_ref(published)[0]
    if d is None:
        return False
    if d[0] is not None and py is not None and d[0] < py:
        return True
    if r is None:
        # an undated article: what it dates with a year but no day is background
        return py is None and d[0] is not None and d[2] is None
    if d[0] is None and r[1] is not None and d[1] is not None and d[1] > r[1]:
        return True     # "in December" told of in a March report: last December (planned ones are gone by now)
    if d[0] is not None and r[0] is None:
        # the news year is unknown: a date written with its year but without a day is background
        return d[2] is None
    if d[0] is not None and r[0] is not None and d[0] != r[0]:
        return d[0] < r[0]
    if d[1] is None or r[1] is None:
        return False
    if d[2] is None or r[2] is None:
        return d[1] < r[1]
    try:
        return (dt.date(2000, r[1], r[2]) - dt.date(2000, d[1], d[2])).days > NEWS_WINDOW_DAYS
    except ValueError:
        return False


def _before(value: str, ref: str | None) -> bool:
    """A day strictly before the news day (both with year, month and day)."""
    d, r = as_date(value), as_date(ref)
    if d is None or r is None or None in d or None in r:
        return False
    try:
        return dt.date(*d) < dt.date(*r)
    except ValueError:
        return False


def _other_pair(ctx: ArticleContext, e: Event) -> bool:
    """An engagement with a state outside the article's pair: an earlier leg of a tour when dated
    before the news day ("a State Visit to Nigeria on 30 November, marked by the Bi-National
    Commission", in a report on Côte d'Ivoire the next day) or named in a time adjunct."""
    return len(ctx.pair) == 2 and len(e.countries) >= 2 and e.kind != "multilateral" \
        and not set(e.countries) <= set(ctx.pair)


def mark_historical(ctx: ArticleContext, events: list[Event]) -> str | None:
    ref = news_date(ctx, events)
    for e in events:
        if e.date and e.date.value and e.date.source == "name":
            e.historical = e.cue        # "ARMY-2024" names the gathering; it does not date it against the news
        elif e.date and e.date.value:
            e.historical = _earlier(e.date.value, ref, ctx.published) or (
                e.cue and e.date.precision != "day" and e.date.value != (ref or "")[:len(e.date.value)]) or (
                (e.adjunct or _other_pair(ctx, e)) and _before(e.date.value, ref)) or (
                e.adjunct and _other_pair(ctx, e))   # "… came after the second summit between Kim and Trump"
        else:
            # "… four days after the Chinese leader's conversation with Trump": another pair's call or talks
            e.historical = (e.cue and not e.anaphoric) or (e.adjunct and e.kind != "visit" and _other_pair(ctx, e))
    # "X's state visit to South Africa … 'During my visit to Abidjan in December, we signed …'": a trip
    # the other way round, dated only to a month or year, is an earlier one (no one hosts and visits at once)
    for e in events:
        if e.kind == "visit" and not e.historical and e.date and e.date.precision in ("month", "year") and e.host:
            e.historical = any(x.kind == "visit" and not x.historical and x.host == e.guest and x.guest == e.host
                               and x.sentences[0] < e.sentences[0] for x in events)
    # "… follows on the heels of his meeting with Kim. The inter-Korean summit was held on Friday": an
    # undated engagement named as what came before is the recalled one of its kind and sides
    for e in events:
        if e.adjunct and not e.historical and e.date is None:
            e.historical = any(x.historical and x.kind == e.kind and set(x.countries) == set(e.countries)
                               for x in events)
    return ref
