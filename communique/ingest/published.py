"""Publication-date finders. Each returns an ISO date (YYYY-MM-DD, or YYYY-MM where only the month
is known) or None; never a guess from today's date."""
from __future__ import annotations

import datetime as dt

import regex

from communique.text import month_number

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+"
_TIME = r"(?:,?\s*(?:-\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?(?:\s*\(?(?:GMT|UTC|ICT)\s*[+-]?\s*\d{0,2}(?::?\d{2})?\)?)?"
_PREFIX = r"(?:(?:Published|Posted|Updated|Date|Last updated)\s*:?\s*)?"

DATE_LINE = regex.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
DATELINE = regex.compile(
    rf"^\s*{_PREFIX}(?:{_WEEKDAY})?(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\s+(?P<year2>\d{{4}}))"
    rf"{_TIME}\s*$",
    regex.IGNORECASE,
)
ISO_LINE = regex.compile(rf"^\s*{_PREFIX}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}})?)?{_TIME}\s*$")
URL_DAY = regex.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|$|[^\d])")
URL_MONTH = regex.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/")
URL_COMPACT = regex.compile(r"(?<=[A-Za-z/_-])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=\d|[/_.-]|$)")
DATELINE_SEARCH_LINES = 15


def iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def from_date_line(raw: str) -> str | None:
    """A leading ' date YYYY-MM-DD ' marker, as scrapers write it."""
    m = DATE_LINE.match(raw)
    return iso(*map(int, m.group(1).split("-"))) if m else None


def parse_dateline(line: str) -> str | None:
    """'Saturday, December 28, 2024, 11:00 GMT+7', '13 September 2021', '2024-04-19 08:00' alone on a line."""
    m = DATELINE.match(line)
    if m:
        if m.group("month"):
            return iso(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
        return iso(int(m.group("year2")), month_number(m.group("month2")), int(m.group("day2")))
    m = ISO_LINE.match(line)
    if m:
        return iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None


def from_dateline(raw: str) -> str | None:
    """The first line near the top that is only a date (with weekday, time and zone allowed)."""
    for line in raw.splitlines()[:DATELINE_SEARCH_LINES]:
        found = parse_dateline(line)
        if found:
            return found
    return None


def from_url(url: str | None) -> str | None:
    """/2021/09/12/ (a day), /2021/09/ (a month), or a stamp like AEN20190530... in an id."""
    if not url:
        return None
    for rx in (URL_DAY, URL_COMPACT):
        for m in rx.finditer(url):
            found = iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if found and found <= dt.date.today().isoformat():
                return found
    m = URL_MONTH.search(url)
    return iso(int(m.group("y")), int(m.group("m"))) if m else None


def normalise(value) -> str | None:
    """A metadata value ('2024-04-19', '2024-04-19T08:00:00+07:00', 'April 19, 2024') as ISO, or None."""
    if value is None:
        return None
    text = str(value).strip()
    m = regex.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return iso(*map(int, m.groups()))
    m = regex.match(r"^(\d{4})-(\d{2})$", text)
    if m:
        return iso(int(m.group(1)), int(m.group(2)))
    return parse_dateline(text)


def find_published(raw: str, url: str | None, metadata=None, html_date: str | None = None) -> tuple[str | None, str | None]:
    """(date, source) by precedence: metadata, leading date line, dateline, HTML metadata, URL."""
    for source, value in (("metadata", normalise(metadata)), ("date_line", from_date_line(raw)),
                          ("dateline", from_dateline(raw)), ("html_meta", normalise(html_date)),
                          ("url", from_url(url))):
        if value:
            return value, source
    return None, None
