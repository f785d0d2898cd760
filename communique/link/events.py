"""Is this article's event the same real engagement as a canonical event other articles reported?

The rule is a score over plain evidence, with hard blocks that keep merging conservative:

blocks (never the same event)
  - another kind or another set of countries
  - two dates that cannot be one day: different days (one day apart is allowed only when one of
    them was resolved from a weekday or "yesterday", which depends on the publication day),
    different months, different years; a range overlapping the other date is one date
  - different rounds of one mechanism (the 6th and the 7th strategic dialogue)
  - two visits the opposite way round (the Russian president in Hanoi, a Vietnamese delegation in
    Moscow)
  - undated reports whose articles were published far apart (> ANCHOR_DAYS)
  - one side's people shared while the other side's differ: one visitor seeing two officials
    (the minister's talks and the prime minister's reception are two meetings)

evidence (added up)
  - the same day (+3), the same month or year (+1)
  - each participant person both name (+2, at most +4); different people for one side where
    neither side is shared (-1 a side: reports often name only the signatories or the ministers)
  - a document of the same type signed at both (+2)
  - the same place (+1), a conflicting place (-2; a country and a city in it do not conflict)
  - the same round of one mechanism (+2)
  - a visit the same way round in the same month (+2): "the Russian President's state visit to
    Vietnam in June" is one engagement however each report names the visitor
  - wording the two articles share: a republication (+5), one press release rewritten (+3/+2/+1)
  - both news, one without a written day, their days (written, else the publication day) at most
    a day apart (+2)

People alone never merge: without a date, a time window, a place, a round, a document or shared
wording in common, two reports of the same two principals score 0 (they meet every year).

An event joins the best-scoring canonical event at or above THRESHOLD; every member of the
canonical event must pass the blocks (complete linkage, so merges never chain across a conflict).
Each canonical event takes at most one event from one article.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from communique.extract.geocode import geocode

THRESHOLD = 3.0
ANCHOR_DAYS = 45
NEWS_DAYS = 1           # reports the day before, on the day and the day after
SIMILARITY_POINTS = ((0.5, 5.0),   # estimated Jaccard of word 3-shingles: a copy of one text
                     (0.2, 3.0),   # one press release lightly rewritten
                     (0.1, 2.0),   # the same release reworded
                     (0.06, 1.0))  # some shared sentences


ESTIMATED_DATES = frozenset({"published", "visit", "lead"})


@dataclass
class EventView:
    """What the linker needs of one article's event."""

    article_id: str
    idx: int
    kind: str
    countries: str                      # 'AZE,VNM'
    date: str | None = None             # 'YYYY-MM-DD', 'XXXX-MM-DD', 'YYYY-MM', 'YYYY'
    date_end: str | None = None
    date_source: str | None = None
    published: str | None = None        # the article's publication date
    place: str | None = None            # gazetteer name when known
    mechanism: str | None = None
    ordinal: int | None = None
    people: dict[str, frozenset[int]] = field(default_factory=dict)   # country -> person ids
    documents: frozenset[str] = frozenset()                            # types of documents signed at it
    historical: bool = False
    confidence: float = 1.0
    guest: str | None = None            # the visiting state, when the text says who travelled

    def __post_init__(self) -> None:
        # A month taken from the publication date or from the visit the talks belong to is the
        # extractor's estimate, not a date the report gives: for linking such a report is undated
        # (publication dates still window it), so an estimate never keeps two reports apart.
        if self.date_source in ESTIMATED_DATES:
            self.date = self.date_end = None


@dataclass(frozen=True)
class When:
    year: int | None
    month: int | None
    day: int | None

    @property
    def precision(self) -> str | None:
        return "day" if self.day else "month" if self.month else "year" if self.year else None


def when(value: str | None) -> When:
    parts = (value or "").split("-")
    nums = [int(p) if p.isdigit() else None for p in parts[:3]] + [None, None, None]
    return When(nums[0], nums[1], nums[2])


def _day(w: When) -> dt.date | None:
    try:
        return dt.date(w.year, w.month, w.day) if w.year and w.month and w.day else None
    except ValueError:
        return None


def sort_key(value: str | None) -> str | None:
    """'2024-08' -> '2024-08-01': a date of any precision as a sortable day; None without a year."""
    w = when(value)
    return f"{w.year:04d}-{w.month or 1:02d}-{w.day or 1:02d}" if w.year else None


def anchor(e: EventView) -> str | None:
    """A date to window candidates by: the event's own date when its year is known, else the
    article's publication date."""
    return sort_key(e.date) or sort_key(e.published)


def date_relation(a: EventView, b: EventView) -> float | None:
    """Score for the two dates, or None when they cannot be one engagement."""
    wa, wb = when(a.date), when(b.date)
    if wa.precision is None or wb.precision is None:
        return 0.0
    if wa.year and wb.year and wa.year != wb.year:
        return None
    if wa.month and wb.month and wa.month != wb.month:
        return _ranges_meet(a, b)
    if wa.day and wb.day:
        if wa.day == wb.day:
            return 3.0 if wa.year and wb.year else 2.0
        meet = _ranges_meet(a, b)
        if meet is not None:
            return meet
        relative = bool({"relative", "dateline"} & {a.date_source, b.date_source})   # a weekday, a filing day
        return 0.5 if relative and abs(wa.day - wb.day) == 1 else None
    return 1.0


def _ranges_meet(a: EventView, b: EventView) -> float | None:
    """Visits and forums span days: a date inside the other's range is the same engagement."""
    def span(e: EventView):
        start = _day(when(e.date))
        end = _day(when(e.date_end)) or start
        return (start, end) if start else None
    sa, sb = span(a), span(b)
    if sa and sb and sa[0] <= sb[1] and sb[0] <= sa[1] and (sa[0] != sa[1] or sb[0] != sb[1]):
        return 2.0
    return None


def _far_apart(a: EventView, b: EventView) -> bool:
    """Undated reports published more than ANCHOR_DAYS apart are not about one meeting."""
    if when(a.date).year and when(b.date).year:
        return False
    da, db = anchor(a), anchor(b)
    if not da or not db:
        return False
    days = abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db)).days)
    return days > ANCHOR_DAYS


def people_relation(a: EventView, b: EventView) -> float | None:
    """+2 a shared participant (at most +4); None when one side's people are shared and the
    other side's differ; -1 for each side named with different people otherwise."""
    shared = differing = 0
    for country in set(a.people) & set(b.people):
        pa, pb = a.people[country], b.people[country]
        if pa and pb and not pa & pb:
            differing += 1
        shared += len(pa & pb)
    if shared and differing:
        return None
    return min(4.0, 2.0 * shared) - differing


def pair_score(a: EventView, b: EventView, text_similarity: float = 0.0) -> float | None:
    """How strongly two reports look like one engagement; None when they cannot be."""
    if a.kind != b.kind or a.countries != b.countries:
        return None
    if a.ordinal is not None and b.ordinal is not None and a.mechanism == b.mechanism \
            and a.ordinal != b.ordinal:
        return None
    dates = date_relation(a, b)
    if dates is None or _far_apart(a, b):
        return None
    if _opposite_visits(a, b):
        return None
    people = people_relation(a, b)
    if people is None:
        return None
    score = dates + people
    place = place_relation(a.place, b.place)
    round_ = 2.0 if a.ordinal is not None and a.ordinal == b.ordinal and a.mechanism == b.mechanism else 0.0
    documents = 2.0 if a.documents & b.documents else 0.0
    wording = next((points for floor, points in SIMILARITY_POINTS if text_similarity >= floor), 0.0)
    fresh = _same_news(a, b)
    direction = 2.0 if dates > 0 and _same_way_in_a_month(a, b) else 0.0
    if max(dates, place, round_, documents, wording, fresh) <= 0 and not _near_in_time(a, b):
        return 0.0      # the same two principals meet every year: people alone never merge
    return score + place + round_ + documents + wording + fresh + direction


def _opposite_visits(a: EventView, b: EventView) -> bool:
    """A visit's direction is part of what it is: A's leader in B is not B's delegation in A."""
    return a.kind == "visit" and bool(a.guest and b.guest) and a.guest != b.guest


def _same_way_in_a_month(a: EventView, b: EventView) -> bool:
    """Both reports date the visit to a month (or a day in it) and agree who travelled: between two
    states that is one trip, the cue later articles give when they recall it ("during the Russian
    President's state visit to Vietnam in June") without naming the visitor."""
    return a.kind == "visit" and bool(a.guest) and a.guest == b.guest \
        and bool(when(a.date).month and when(b.date).month)


def place_relation(a: str | None, b: str | None) -> float:
    """+1 the same place, -2 two different places; 0 when one is a country and the other a city
    in it ("Vietnam" and "Hanoi" are one visit seen at two scales), or either is unknown."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ga, gb = geocode(a), geocode(b)
    if ga and gb and ga["country_code"] == gb["country_code"] and "A" in (ga["feature_class"], gb["feature_class"]):
        return 0.0
    return -2.0


def _news_day(e: EventView) -> dt.date | None:
    """The day a news report places its engagement: its own day when written, else its publication."""
    own = _day(when(e.date))
    if own:
        return own
    pub = _day(when(e.published)) if e.published else None
    w = when(e.date)
    if pub and (w.year in (None, pub.year)) and (w.month in (None, pub.month)):
        return pub                  # undated, or a month or year the publication falls in
    return None


def _same_news(a: EventView, b: EventView) -> float:
    """+2 when both report the engagement as news, at least one without a day of its own, on days
    at most NEWS_DAYS apart (a report's own day, or its publication day when it writes none): the same kind between the same states in the
    same news cycle. Two meetings of one pair on one day are kept apart by the people rule (a
    side's people shared, the other's different), not by this."""
    if a.historical or b.historical or (_day(when(a.date)) and _day(when(b.date))):
        return 0.0                  # two written days: date_relation has weighed them already
    da, db = _news_day(a), _news_day(b)
    return 2.0 if da and db and abs((da - db).days) <= NEWS_DAYS else 0.0


def _near_in_time(a: EventView, b: EventView) -> bool:
    da, db = anchor(a), anchor(b)
    if not (da and db):
        return False
    return abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db)).days) <= ANCHOR_DAYS


def cluster_score(e: EventView, members: list[EventView], similarity) -> float | None:
    """Complete linkage: every member must be compatible; the best member gives the score.
    `similarity(article_a, article_b)` is the estimated shared wording of two articles."""
    best = None
    for m in members:
        if m.article_id == e.article_id:
            return None
        s = pair_score(e, m, similarity(e.article_id, m.article_id))
        if s is None:
            return None
        best = s if best is None else max(best, s)
    return best


def assign(events: list[EventView], clusters: dict[int, list[EventView]], similarity) -> dict[int, tuple[int, float]]:
    """Article event idx -> (canonical id, score) for the events that join an existing canonical
    event; the rest start new ones. Greedy by score, one event of the article per canonical event."""
    scored = []
    for e in events:
        for cid, members in clusters.items():
            s = cluster_score(e, members, similarity)
            if s is not None and s >= THRESHOLD:
                scored.append((s, -cid, e.idx, cid))
    scored.sort(reverse=True)
    taken_events: set[int] = set()
    taken_clusters: set[int] = set()
    out: dict[int, tuple[int, float]] = {}
    for s, _, idx, cid in scored:
        if idx in taken_events or cid in taken_clusters:
            continue
        out[idx] = (cid, s)
        taken_events.add(idx)
        taken_clusters.add(cid)
    return out


def mergeable(a: list[EventView], b: list[EventView], similarity) -> bool:
    """Can two canonical events become one? No article in both, no blocking pair between them."""
    if {m.article_id for m in a} & {m.article_id for m in b}:
        return False
    return all(pair_score(x, y, similarity(x.article_id, y.article_id)) is not None for x in a for y in b)


def bridges(e: EventView, joined: int, clusters: dict[int, list[EventView]], similarity) -> list[int]:
    """Other canonical events this report links as strongly as the one it joined: two reports of
    one meeting that arrived before the report connecting them. Merged when nothing blocks."""
    out = []
    for cid, members in clusters.items():
        if cid == joined:
            continue
        s = cluster_score(e, members, similarity)
        if s is not None and s >= THRESHOLD:
            out.append(cid)
    return out
