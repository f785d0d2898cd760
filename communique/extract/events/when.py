"""When a trigger happened, as its sentence says: which of the sentence's dates is the trigger's own,
and the clauses around a trigger that speak of another time (since-, purpose-, ahead-of-clauses).
candidates.py reads a trigger's date and its background cues through these."""
from __future__ import annotations

import regex

from communique.extract.context import Sentence
from communique.extract.dates import DateMention

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_FRONTED = regex.compile(r"^\s*(?:(?:On|In|At|From|Earlier|Later|Also)\b[\s,]*(?:on\s+)?)?$")
# "… since his delegation arrived in Abidjan on Wednesday": a since-clause of this week is the news
THIS_WEEK = regex.compile(r"[^.;,]{0,60}?\b(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)\b",
                          regex.IGNORECASE)
# "X had earlier held discussions … ahead of the state visit": the visit comes after the main clause
_AHEAD = r"\b(?:ahead\s+of|prior\s+to|in\s+the\s+run-up\s+to|in\s+preparation\s+for)\s+"
AHEAD_OF = regex.compile(_AHEAD + r"(?:the\s+|his\s+|her\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
# "X had earlier held discussions with Y ahead of the state visit": what is told as the run-up to the
# article's engagement, after the trigger
LEAD_UP_TO = regex.compile(_AHEAD + r"(?:the|this)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|summit|talks|meeting)\b",
                           regex.IGNORECASE)
# "came to Moscow to make the previous agreements more concrete": a purpose clause speaks of other things
PURPOSE = regex.compile(r"\s(?:in\s+order\s+)?to\s+(?!the\b|a\b|an\b|be\b|his\b|her\b|their\b|its\b|this\b)(?-i:\p{Ll}+)\b",
                     regex.IGNORECASE)
# "X's trip is the first since 2018, when Y met Z": what the since-clause says is of the earlier trip
FIRST_SINCE = regex.compile(r"\b(?:the\s+)?first\b[^.;]{0,80}?\bsince\s+", regex.IGNORECASE)
# "since he took office last year"; "the first since 2018, when X met Y": the when-clause is part of it
SINCE = regex.compile(r"\bsince\b[^,;]{0,60}(?:,\s*when\b[^,;]{0,100})?$", regex.IGNORECASE)

# "… held a telephone conversation with Y, four days after X's conversation with Z", "… coinciding with
# the 55th anniversary of the historic meeting between X and Z": an engagement named in a time adjunct
# after the trigger is another one; its people are not this one's
OTHER_ENGAGEMENT = regex.compile(
    r"(?:\b(?:after|before|ahead\s+of|following|follows|followed|anniversary\s+of)\s+(?:[^,;.]{0,90}?\s)?"
    r"(?:conversation|call|talks|meeting|visit|summit|trip|dialogue|consultation)s?\b"
    r"|\b(?:after|before|following)\s+(?:his|her|their)\s+own\b)"      # "… comes months after his own to X"
    r"(?:\s+(?:with|to|in|between|by|of|on)\s+[^,;.]{0,80})?", regex.IGNORECASE)

# "Following Yoon's decision on diplomacy with Japan in March, Kishida responded … by visiting Seoul":
# an opening adjunct that names something (not an act: "After arriving in Hanoi on Monday, …") dates it
OPENING_ADJUNCT = regex.compile(r"^\s*(?:Following|After|Before|Ahead\s+of|Prior\s+to|In\s+the\s+wake\s+of)\s+"
                                r"(?!\p{L}+ing\b)[^,;]{3,120},", regex.IGNORECASE)

# "… to attend the summit scheduled for February 27-28": the date of something planned, not this
_SCHEDULED = regex.compile(r"\b(?:scheduled|slated|set|planned|due)\s+(?:for|on)\s+(?:the\s+)?$", regex.IGNORECASE)
# "left Hanoi on November 5, concluding a five-day visit": the day a visit ended, not the one it began
DEPARTURE = regex.compile(r"\b(?:left|leaves|leaving|departed|departs|departing|concluded|concludes|concluding"
                           r"|wrapped\s+up|wraps\s+up|wrapping\s+up|ended|ends|ending|completed|completes|completing)\b",
                           regex.IGNORECASE)


CLAUSE_PENALTY = 40     # characters a comma between an earlier date and the trigger counts for


# "signed … in October 2022, during X's official visit": what was done during a trip dates it
_DURING_GAP = regex.compile(r",?\s*(?:during|at|on\s+the\s+occasion\s+of)\s+[^,;.]{0,80}", regex.IGNORECASE)
_OWN_DATE_REACH = 4      # characters between a meeting's trigger and a date written as its own ("… in May 2019")
_OWN_DATE_GAP = regex.compile(r"\s*(?:in|on|of)?\s*", regex.IGNORECASE)



def written_after(s: Sentence, end: int, date: DateMention) -> bool:
    """The date is written right after the trigger ending at `end`, as its own ("the first Joint
    Committee in May 2019", "the summit in March")."""
    return 0 <= date.start - end <= _OWN_DATE_REACH and bool(
        _OWN_DATE_GAP.fullmatch(s.text[s.local(end):s.local(date.start)]))

def nearest_date(s: Sentence, lo: int, hi: int, pos: int, kind: str,
                  elsewhere: list[tuple[int, int]] = (), end: int | None = None) -> DateMention | None:
    """The date of a trigger: the most precise date in its stretch of the sentence, nearest first.
    Dates in a 'since …' clause date something else ("since he took office last year"), and so do
    those of another engagement named in a time adjunct (`elsewhere`: "… months after his own to
    Côte d'Ivoire last December")."""
    inside_since = bool(SINCE.search(s.text[:s.local(pos)]))
    usable = [d for d in s.dates if lo <= d.start < hi and d.can_date(names=kind == "multilateral")
              and (inside_since or not SINCE.search(s.text[:s.local(d.start)]))
              and not any(x <= d.start < y for x, y in elsewhere)]
    if not usable:
        return None
    if end is not None:
        # "the holding of the first Joint Committee in May 2019 … and the signing … on June 30": a date
        # written right after the trigger is its own, however precise the others
        own = [d for d in usable if written_after(s, end, d)]
        if own and kind != "visit":
            return own[0]
    # "signed … in October 2022, during General Secretary X's official visit to China": what was done
    # during the trip is dated right before it
    during = [d for d in usable if d.end <= pos and _DURING_GAP.fullmatch(s.text[s.local(d.end):s.local(pos)])]
    if during:
        return during[-1]
    # "On September 4, … held talks … on September 2": a date opening the sentence governs its main clause
    # a date behind a comma before the trigger is another clause's ("… relations in 1992, notably the
    # visit … in 1959"): after the trigger's own words first
    best = min(usable, key=lambda d: (_PRECISION_RANK[d.precision], not _FRONTED.match(s.text[:s.local(d.start)]),
                                    abs(d.start - pos) + (0 if d.start >= pos else 15)
                                    + (CLAUSE_PENALTY if d.end <= pos and "," in s.text[s.local(d.end):s.local(pos)]
                                       else 0)))
    if best.precision == "day" and best.value and _SCHEDULED.search(s.text[:s.local(best.start)]):
        # the day of what the trip was for, planned: only the month is the trip's
        best = DateMention(best.start, best.end, best.text, best.value[:-3], "month", best.source)
    return best
