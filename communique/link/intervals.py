"""A canonical event's date as an interval an analyst can count and sort by.

The text gives a date at some precision ("2024-06-12", "2024-06", "2024", a range, a day without
its year, or nothing); tools that count (pandas, DuckDB, a spreadsheet) need two ISO days. So every
event gets `date_start` and `date_end` with `date_precision` saying what they rest on:

- `day`, `month`, `year`: the written date's first and last day (a month: the 1st to its last day).
- `range`: the first day of the written start to the last day of the written end.
- a day or month written without its year (a dateline "June 12") in a report of news: the latest
  such day (month) on or before the first report's publication, at the written precision. The
  written form stays in `date` ("XXXX-06-12") and `date_text`, so the year's origin shows.
- `reported`: no usable date in the text. The reports allow no later than the first report's
  publication (`date_end`); a news report describes the days just before it: `date_start` is
  NEWS_WINDOW_DAYS earlier (in the gold annotations, 98 % of dated news engagements fall within
  two days before publication). A background engagement without a year can be any time before:
  `date_start` is null, never a guess.

Nothing here invents a precision the text does not have; an event with neither a date nor a
publication date has all three null.
"""
from __future__ import annotations

import calendar
import datetime as dt

from communique.link.events import when

NEWS_WINDOW_DAYS = 3


def _parts(value: str | None) -> tuple[int | None, int | None, int | None]:
    """'2024-06-12' -> (2024, 6, 12); 'XXXX-06' -> (None, 6, None) (link.events.when)."""
    w = when(value)
    return w.year, w.month, w.day


def _first(y: int, m: int | None, d: int | None) -> dt.date:
    return dt.date(y, m or 1, d or 1)


def _last(y: int, m: int | None, d: int | None) -> dt.date:
    if m is None:
        return dt.date(y, 12, 31)
    return dt.date(y, m, d or calendar.monthrange(y, m)[1])


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    try:
        if y is not None:
            _first(y, m, d)
        return (m is None or 1 <= m <= 12) and (d is None or m is not None)
    except ValueError:
        return False


def _year_before(m: int, d: int | None, published: dt.date) -> int | None:
    """The year that puts month m (day d) on or before `published`: this year or the one before."""
    for y in (published.year, published.year - 1):
        try:
            if _first(y, m, d) <= published:
                return y
        except ValueError:          # 29 February of a common year
            continue
    return None


def published_day(published: str | None) -> dt.date | None:
    """The last day a publication date written at any precision can mean ('2024-06' -> 30 June)."""
    y, m, d = _parts(published)
    if y is None or not _valid(y, m, d):
        return None
    return _last(y, m, d)


def interval(date: str | None, date_end: str | None, historical: bool, published: str | None) -> tuple[str | None, str | None, str | None]:
    """(date_start, date_end, date_precision) for a written date (`date_end`: a written range's
    end), the event's news/background status and the first report's publication date."""
    y, m, d = _parts(date)
    pub = published_day(published)
    if date and _valid(y, m, d) and (m is not None or y is not None):
        if y is None and m is not None and pub is not None and not historical:
            y = _year_before(m, d, pub)
        if y is not None:
            start, end = _first(y, m, d), _last(y, m, d)
            kind = "day" if d else "month" if m else "year"
            ey, em, ed = _parts(date_end)
            if date_end and _valid(ey or y, em, ed) and (em is not None or ey is not None):
                stop = _last(ey or y, em, ed)
                if stop >= start:
                    end, kind = stop, "range"
            return start.isoformat(), end.isoformat(), kind
    if pub is None:
        return None, None, None
    window_start = None if historical else (pub - dt.timedelta(days=NEWS_WINDOW_DAYS)).isoformat()
    return window_start, pub.isoformat(), "reported"


def describe(ev: dict) -> str:
    """One line for people (CLI `show`, the event page): the interval, what it rests on, and the
    words the report used."""
    precision, start, end = ev.get("date_precision"), ev.get("date_start"), ev.get("date_end")
    text = f' — "{ev["date_text"]}"' if ev.get("date_text") else ""
    if not precision:
        return "undated"
    if precision == "reported":
        return f"not dated in the text; reported by {end}" + (f" (window from {start})" if start else "")
    year = " (year from the publication date)" if (ev.get("date") or "").startswith("X") else ""
    span = start if start == end else f"{start} to {end}"
    return f"{span} ({precision}){year}{text}"
