"""Date expressions in a sentence, resolved to ISO at the precision the text supports.

Every form is resolved against the article's publication date (`ref`); nothing falls back to `ref`
silently: a sentence without a date expression yields no date. Values are `YYYY-MM-DD`, `YYYY-MM` or
`YYYY`; when the year cannot be known (no `ref`) the year is written `XXXX`.

`source` says how the value was obtained: `text` (all parts written), `relative` (completed from the
publication date: "on Thursday", "last month", "September 4" without a year), `name` (a year inside
a name such as "ARMY-2024").
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

import regex

from communique.text import CARDINALS, MONTHS, WEEKDAYS

_M = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?(?!\p{L})"  # not "maritime", "Decree"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_NEAR = r"(?:this|last|next|the\s+same|the\s+previous|the\s+following)"
_NUMBERS = {"a": 1, "an": 1, **CARDINALS}
_NUMBER_WORDS = "|".join(CARDINALS)

_PATTERNS: list[tuple[str, regex.Pattern]] = [(name, regex.compile(p, regex.IGNORECASE | regex.VERBOSE)) for name, p in [
    ("iso", rf"\b(?P<y>{_Y})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"),
    # 4/4/2024, 04.09.2025 (day first unless that cannot be)
    ("numeric", rf"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{_Y})\b"),
    # April 20-22, 2025 / April 20 to May 2 / from April 20 to 22
    ("md_range", rf"\b(?P<m>{_M})\s+(?P<d>{_D}){_DASH}(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b(?:,?\s+(?P<y>{_Y})\b)?"),
    # 20-22 April 2025 / 20 April to 2 May
    ("dm_range", rf"\b(?P<d>{_D})(?:\s+(?P<m0>{_M}))?{_DASH}(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y})\b)?"),
    # September 4, 2025 / Sept. 4 / September 4th
    ("md", rf"\b(?P<m>{_M})\s+(?P<d>{_D})\b(?!:)(?:,?\s+(?P<y>{_Y})\b)?"),
    # 4 September 2025 / 4th of September
    ("dm", rf"\b(?P<d>{_D})(?:\s+of)?\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y})\b)?"),
    # (in) early June this year / late September 2024 / June 2024 / in June
    # the Party chief's May visit
    ("poss_month", rf"(?<=[’']s\s)(?P<m>{_M})(?=\s+(?:\w+\s+)?(?:visit|trip|meeting|talks|summit|tour))"),
    # last November / this March / next June
    ("rel_month", rf"\b(?P<rel>last|this|next|coming)\s+(?P<m>{_M})(?!\s+\d)"),
    ("month", rf"(?:(?P<lead>\b(?:in|since|during|from|until|by|of|throughout|before|after|early|late|mid|mid-|"
              rf"the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)\s+)(?:(?:early|late|mid-?)\s*)?)?"
              rf"\b(?P<m>{_M})(?:(?:,?\s+(?P<y>{_Y})\b)|\s+(?P<rel>this|last|next)\s+year\b)?"),
    # the 2020-2025 period / 2021–2025
    ("year_range", rf"\b(?P<y>{_Y})\s*[-–—]\s*(?P<y2>{_Y}|\d\d)\b"),
    ("year", rf"(?<![-–\w/.])(?P<y>{_Y})(?![-–]?\w)"),
    ("weekday", r"\b(?:(?P<rel>last|this|next|on|coming)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("day_word", r"\b(?P<w>today|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|tonight|last\s+night"
                 r"|on\s+the\s+(?:same\s+)?day(?=\s*[.,;]|\s*$))\b"),
    ("span_word", rf"\b(?:(?P<part>early|late|mid|earlier|later)[\s-]+)?(?P<rel>{_NEAR})\s+(?P<unit>week|month|year)\b"),
    ("name_year", rf"\b\p{{Lu}}[\p{{L}}]+[-–]\s?(?P<y>{_Y})\b"),
    # 10 years ago / a month ago / two decades ago
    ("ago", rf"\b(?:(?:just|some|about|nearly|almost|over|more\s+than)\s+)?(?P<n>\d{{1,3}}|an?|one|{_NUMBER_WORDS})\s+"
            rf"(?P<unit>years?|months?|decades?)\s+ago\b"),
]]

_FUTURE = regex.compile(r"\b(?:will|shall|would|to\s+be\s+held|scheduled|upcoming|plans?\s+to|expected|is\s+set\s+to|coming)\b",
                        regex.IGNORECASE)
_PAST_WINDOW_DAYS = 45


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None          # None when the expression cannot be placed (a weekday with no reference)
    precision: str             # day | month | year
    source: str                # text | relative | name
    end_value: str | None = None   # last day/year of a range

    @property
    def is_range(self) -> bool:
        return self.end_value is not None

    def can_date(self, names: bool = False) -> bool:
        """Usable as the date of an engagement or document: resolved, not a span of years
        ("the 2020-2025 period"), and not a year inside a name unless `names` allows it."""
        return bool(self.value) and (names or self.source != "name") and not (self.is_range and self.precision == "year")


def date_fields(date: DateMention | None, derived: str | None) -> dict:
    """date, date_precision, date_source and date_text (as written) of a record; `derived` names the source when the date was
    taken from something else (the talks, the event)."""
    if date is None:
        return {"date": None, "date_precision": None, "date_source": None, "date_text": None}
    return {"date": date.value, "date_precision": date.precision, "date_source": derived or date.source,
            "date_text": date.text}


def parse_ref(published: str | None) -> tuple[int | None, int | None, int | None]:
    parts = (published or "").split("-")
    nums = [int(p) if p.isdigit() else None for p in parts[:3]] + [None, None, None]
    return nums[0], nums[1], nums[2]


def _fmt(y: int | None, m: int | None = None, d: int | None = None) -> str:
    out = f"{y:04d}" if y else "XXXX"
    if m:
        out += f"-{m:02d}"
        if d:
            out += f"-{d:02d}"
    return out


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        dt.date(y or 2000, m, d)
    except ValueError:
        return False
    return True


def _year_for(m: int, d: int | None, ref, future: bool) -> int | None:
    """The year of a month(/day) written without one: the publication year, or the one before when
    that would put a past event well after publication."""
    ry, rm, rd = ref
    if ry is None:
        return None
    if rm is None or future:
        return ry
    when = dt.date(ry, m, min(d or 1, 28))
    anchor = dt.date(ry, rm, rd or 28)
    return ry - 1 if (when - anchor).days > _PAST_WINDOW_DAYS else ry


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


_DIGITS = regex.compile(r"\d+")


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group())


Resolved = tuple[str | None, str, str, str | None]     # (value, precision, source, end_value)


def _numeric(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "5/27/1998", "27.05.1998": day first, as most outlets write it."""
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    day, mon = (a, b) if a > 12 or b <= 12 else (b, a)     # day first, as most outlets write it;
    # month first only when the second number cannot be a month ("5/27/1998")
    if not _valid(y, mon, day):
        return None
    return _fmt(y, mon, day), "day", "text", None


def _iso(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "2024-05-27"."""
    return _fmt(int(g["y"]), int(g["mn"]), int(g["d"])), "day", "text", None


def _month_day(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "May 27", "27 May 2024", "20 April to 2 May": the year written, or the nearest fitting the reference."""
    mon, day = _month(g["m"]), _day(g["d"])
    first_month = _month(g["m0"]) if g.get("m0") else mon     # "20 April to 2 May"
    if not _valid(None, first_month, day):
        return None
    y = int(g["y"]) if g.get("y") else _year_for(first_month, day, ref, future)
    source = "text" if g.get("y") else "relative" if y else "text"
    end = None
    if g.get("d2"):
        end_month = _month(g["m2"]) if g.get("m2") else mon
        d2 = _day(g["d2"])
        if not _valid(None, end_month, d2) or (end_month == first_month and d2 <= day):
            return None
        end = _fmt(y, end_month, d2)
    return _fmt(y, first_month, day), "day", source, end


def _possessive_month(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """A month after a possessive and before an engagement noun ("the minister's May visit")."""
    mon = _month(g["m"])
    y = _year_for(mon, None, ref, future)
    return _fmt(y, mon), "month", "relative" if y else "text", None


def _month_form(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "in May", "May 2024", "this May": a month alone needs a lead word, a year or a relative."""
    ry, rm, rd = ref
    mon = _month(g["m"])
    if not (g.get("lead") or g.get("y") or g.get("rel")):
        return None
    if g["m"].lower() == "may" and not (g.get("y") or g.get("rel")) and not regex.match(
            r"(?i)in|since|during|from|until|by|early|late|mid|the", g.get("lead") or ""):
        return None
    if g.get("y"):
        return _fmt(int(g["y"]), mon), "month", "text", None
    if g.get("rel") and (ry or (context_year and g["rel"].lower() == "this")):
        y = (ry or context_year) + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        return _fmt(y, mon), "month", "relative", None
    y = _year_for(mon, None, ref, future)
    return _fmt(y, mon), "month", "relative" if y else "text", None


def _relative_month(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "last May", "next March": counted from the reference month."""
    ry, rm, rd = ref
    mon, rel = _month(g["m"]), g["rel"].lower()
    if ry is None or rm is None:
        return _fmt(None, mon), "month", "text", None
    if rel == "last":
        y = ry if mon < rm else ry - 1
    elif rel in ("next", "coming"):
        y = ry if mon > rm else ry + 1
    else:
        y = ry
    return _fmt(y, mon), "month", "relative", None


def _year_range(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "2019-2021", "1998-99": at most 30 years apart."""
    y1, y2 = int(g["y"]), g["y2"]
    y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    if y2 <= y1 or y2 - y1 > 30:
        return None
    return _fmt(y1), "year", "text", _fmt(y2)


def _year_form(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "in 2024"."""
    return _fmt(int(g["y"])), "year", "text", None


def _named_year(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """A year joined to a name by a hyphen ("Vostok-2022", "Army–2024"): year precision, source "name"."""
    return _fmt(int(g["y"])), "year", "name", None


def _weekday(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "on Tuesday", "next Friday": the nearest such day before the reference (after it when the sentence speaks of the future)."""
    ry, rm, rd = ref
    if ry is None or rm is None or rd is None:
        return None, "day", "relative", None
    anchor = dt.date(ry, rm, rd)
    want = WEEKDAYS[g["wd"].lower()]
    rel = (g.get("rel") or "").lower()
    if rel in ("next", "coming") or (future and rel != "last"):
        delta = (want - anchor.weekday()) % 7 or (7 if rel == "next" else 0)
        day = anchor + dt.timedelta(days=delta)
    else:
        delta = (anchor.weekday() - want) % 7
        if rel == "last" and delta == 0:
            delta = 7
        day = anchor - dt.timedelta(days=delta)
    return day.isoformat(), "day", "relative", None


def _day_word(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "yesterday", "today", "tomorrow", "last night"."""
    ry, rm, rd = ref
    if ry is None or rm is None or rd is None:
        return None, "day", "relative", None
    w = regex.sub(r"\s+", " ", g["w"].lower())
    shift = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
    return (dt.date(ry, rm, rd) + dt.timedelta(days=shift)).isoformat(), "day", "relative", None


def _span_word(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "this year", "last month", "the following week": a week gives its month, the finest ISO can carry."""
    ry, rm, rd = ref
    rel = regex.sub(r"\s+", " ", g["rel"].lower())
    step = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1, "the same": 0}[rel]
    unit = g["unit"].lower()
    if ry is None and context_year and unit == "year" and rel == "this":
        return _fmt(context_year), "year", "relative", None
    if ry is None:
        return None, unit if unit != "week" else "day", "relative", None
    if unit == "year":
        return _fmt(ry + step), "year", "relative", None
    if rm is None:
        return None, "month", "relative", None
    if unit == "month":
        total = ry * 12 + (rm - 1) + step
        return _fmt(total // 12, total % 12 + 1), "month", "relative", None
    # a week: the month it falls in, the finest precision ISO can carry here
    anchor = dt.date(ry, rm, rd or 15) + dt.timedelta(days=7 * step)
    return _fmt(anchor.year, anchor.month), "month", "relative", None


def _ago(g: dict, ref, future: bool, context_year: int | None) -> Resolved | None:
    """Written as "10 years ago", "a month ago": counted back from the publication, at the unit's
    precision (a decade gives its year)."""
    ry, rm, _ = ref
    n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
    unit = g["unit"].lower().rstrip("s")
    if ry is None:
        return None, "year" if unit != "month" else "month", "relative", None
    if unit == "month":
        if rm is None:
            return None, "month", "relative", None
        total = ry * 12 + (rm - 1) - n
        return _fmt(total // 12, total % 12 + 1), "month", "relative", None
    return _fmt(ry - n * (10 if unit == "decade" else 1)), "year", "relative", None


_RESOLVERS: dict[str, Callable[[dict, tuple, bool, int | None], Resolved | None]] = {
    "numeric": _numeric,
    "iso": _iso,
    "md_range": _month_day,
    "dm_range": _month_day,
    "md": _month_day,
    "dm": _month_day,
    "poss_month": _possessive_month,
    "month": _month_form,
    "rel_month": _relative_month,
    "year_range": _year_range,
    "year": _year_form,
    "name_year": _named_year,
    "weekday": _weekday,
    "day_word": _day_word,
    "span_word": _span_word,
    "ago": _ago,
}


def _resolve(name: str, m: regex.Match, ref, future: bool, context_year: int | None = None) -> Resolved | None:
    """(value, precision, source, end_value) by the resolver of the date's form, or None when the
    match is not a date after all. `context_year` stands in for the publication year in "this year"
    when the article has no date."""
    return _RESOLVERS[name](m.groupdict(), ref, future, context_year)


# What each form needs in the sentence: most sentences have no date, and one cheap search per cue
# skips the forms that cannot match (15 case-insensitive scans per sentence were the costliest step).
_NEEDS = {"iso": "d", "numeric": "d", "md_range": "dm", "dm_range": "dm", "md": "dm", "dm": "dm", "poss_month": "m",
          "rel_month": "m", "month": "m", "year_range": "d", "year": "d", "weekday": "w", "day_word": "r",
          "span_word": "r", "name_year": "d", "ago": "a"}
_CUES = {"d": regex.compile(r"\d"),
         "a": regex.compile(r"\bago\b", regex.IGNORECASE),
         "m": regex.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", regex.IGNORECASE),
         "w": regex.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", regex.IGNORECASE),
         "r": regex.compile(r"today|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|tonight|night|the\s+(?:same\s+)?day|week|month|year",
                            regex.IGNORECASE)}


def _forms(text: str) -> list[tuple[str, regex.Pattern]]:
    have = {cue for cue, p in _CUES.items() if p.search(text)}
    return [(name, p) for name, p in _PATTERNS if all(c in have for c in _NEEDS[name])]


MAX_DATES_PER_SENTENCE = 32   # a real sentence writes a few; a pasted table or junk, thousands: bound the work


def find_dates(text: str, published: str | None = None, offset: int = 0,
               context_year: int | None = None, only: tuple[str, ...] = ()) -> list[DateMention]:
    """Every date expression in `text` (a sentence), leftmost-longest, resolved against `published`
    (`only`: just these forms, e.g. the names that give an undated article its year)."""
    ref = parse_ref(published)
    taken = bytearray(len(text))          # characters inside a date found already (no scan per candidate)
    future_ends = None                    # where a future cue ends, found once per sentence
    found: list[DateMention] = []
    for name, pattern in _forms(text):
        if only and name not in only:
            continue
        if len(found) >= MAX_DATES_PER_SENTENCE:
            break
        for m in pattern.finditer(text):
            if len(found) >= MAX_DATES_PER_SENTENCE:
                break
            a, b = m.span()
            if taken.find(1, a, b) != -1:
                continue
            if future_ends is None:
                future_ends = [f.end() for f in _FUTURE.finditer(text)]
            k = bisect_left(future_ends, a - 59)
            future = k < len(future_ends) and future_ends[k] <= a
            res = _resolve(name, m, ref, future, context_year)
            if res is None:
                continue
            value, precision, source, end = res
            taken[a:b] = b"\x01" * (b - a)
            found.append(DateMention(a + offset, b + offset, m.group(), value, precision, source, end))
    return sorted(found, key=lambda d: d.start)



# "The same day, …", "the following day", "a day later": a day told relative to the one the text gave last
_ANAPHORIC_DAY = regex.compile(
    r"\b(?:(?:on|later|earlier)\s+)?(?P<w>the\s+same\s+day|that\s+(?:same\s+)?day|the\s+(?:next|following|previous)\s+day"
    r"|a\s+day\s+(?:later|earlier)|the\s+day\s+(?:after|before)(?!\s+(?:the|his|her|their|its|a|an)\b))\b",
    regex.IGNORECASE)
_DAY_SHIFT = {"next": 1, "following": 1, "later": 1, "after": 1, "previous": -1, "earlier": -1, "before": -1}


def anaphoric_days(text: str, offset: int, previous: Callable[[int], DateMention | None]) -> list[DateMention]:
    """Days written relative to an earlier one ("The same day, …", "the next day"). `previous(pos)`
    gives the last day-precision DateMention written before body offset `pos`, or None; each mention
    resolves against it (same day, a day after, a day before), keeping an unknown year unknown."""
    out: list[DateMention] = []
    for m in _ANAPHORIC_DAY.finditer(text):
        if len(out) >= MAX_DATES_PER_SENTENCE:
            break
        base = previous(m.start() + offset)
        if base is None or not base.value:
            continue
        words = m.group("w").lower().split()
        shift = next((_DAY_SHIFT[w] for w in words if w in _DAY_SHIFT), 0)
        y, mo, d = base.value.split("-")
        day = dt.date(2000 if y == "XXXX" else int(y), int(mo), int(d)) + dt.timedelta(days=shift)
        value = f"{y if y == 'XXXX' and day.year == 2000 else f'{day.year:04d}'}-{day.month:02d}-{day.day:02d}"
        if y == "XXXX" and day.year != 2000:
            continue        # across a new year with the year unknown: nothing to write
        out.append(DateMention(m.start() + offset, m.end() + offset, m.group(), value, "day", "relative"))
    return out


def context_year(names: list[DateMention]) -> int | None:
    """The one year written inside names ("ARMY-2024", "Expo 2024") of an undated article, if only one."""
    years = {d.value for d in names if d.source == "name" and d.value}
    return int(years.pop()) if len(years) == 1 else None
