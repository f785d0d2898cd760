"""Canonical events and agreements in the store: find candidates, join or start one, recompute.

Candidates for an article's event come from the same pair and kind, narrowed by index: events
dated within a window of this one, events one of its participants took part in, and events
reported by articles sharing wording with this one (LSH bands). Scoring is link/events.py.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from urllib.parse import urlsplit

from communique.extract.geocode import geocode
from communique.link import events as ev
from communique.link import uids
from communique.link.intervals import interval
from communique.link.pick import best_date, most_common
from communique.link.similarity import jaccard

WINDOW_DAYS = 60
MAX_CANDIDATES = 200


def _window(anchor: str) -> tuple[str, str]:
    d = dt.date.fromisoformat(anchor)
    return (str(d - dt.timedelta(days=WINDOW_DAYS)), str(d + dt.timedelta(days=WINDOW_DAYS)))


def candidate_events(conn: sqlite3.Connection, e: ev.EventView, neighbours: list[str]) -> list[int]:
    """Canonical event ids worth scoring against `e` (bounded, indexed look-ups only)."""
    base = ("SELECT DISTINCT ae.event_id FROM article_events ae WHERE ae.countries = ? AND ae.kind = ?"
            " AND ae.article_id != ? AND ae.event_id IS NOT NULL")
    args = [e.countries, e.kind, e.article_id]
    found: list[int] = []
    a = ev.anchor(e)
    lo, hi = _window(a) if a else (None, None)
    if a:
        found += [r[0] for r in conn.execute(base + " AND ae.anchor BETWEEN ? AND ? LIMIT ?",
                                             args + [lo, hi, MAX_CANDIDATES])]
    found += [r[0] for r in conn.execute(base + " AND ae.anchor IS NULL LIMIT ?", args + [MAX_CANDIDATES])]
    people = sorted({p for ids in e.people.values() for p in ids})
    if people:
        # a minister's reports over years: only those in this event's window can match it (anything
        # dated further away is blocked by the date rules), undated ones always can
        window = " AND (ae.anchor IS NULL OR ae.anchor BETWEEN ? AND ?)" if a else ""
        marks = ",".join("?" * len(people))
        found += [r[0] for r in conn.execute(
            base + window + f" AND EXISTS (SELECT 1 FROM participants p WHERE p.article_id = ae.article_id"
                            f" AND p.event_idx = ae.idx AND p.person_id IN ({marks})) LIMIT ?",
            args + ([lo, hi] if a else []) + people + [MAX_CANDIDATES])]
    if neighbours:
        marks = ",".join("?" * len(neighbours))
        found += [r[0] for r in conn.execute(base + f" AND ae.article_id IN ({marks})", args + neighbours)]
    return list(dict.fromkeys(found))


# the columns view_from_row reads, in its order
_VIEW_SELECT = ("SELECT ae.article_id, ae.idx, ae.kind, ae.countries, ae.date, ae.date_end, ae.date_source,"
                " a.published, ae.place_name, ae.mechanism, ae.ordinal, ae.historical, ae.confidence, ae.guest"
                " FROM article_events ae JOIN articles a ON a.id = ae.article_id WHERE")


def member_views(conn: sqlite3.Connection, event_id: int) -> list[ev.EventView]:
    rows = conn.execute(
        _VIEW_SELECT + " ae.event_id = ?",
        (event_id,)).fetchall()
    return [view_from_row(conn, r) for r in rows]


def view_from_row(conn: sqlite3.Connection, r) -> ev.EventView:
    people: dict[str, set[int]] = {}
    for pid, country in conn.execute(
            "SELECT p.person_id, ap.country FROM participants p"
            " JOIN article_people ap ON ap.article_id = p.article_id AND ap.person_id = p.person_id"
            " WHERE p.article_id = ? AND p.event_idx = ?", (r[0], r[1])):
        if country:
            people.setdefault(country, set()).add(pid)
    documents = frozenset(t for (t,) in conn.execute(
        "SELECT type FROM article_agreements WHERE article_id = ? AND event_idx = ? AND status = 'signed'",
        (r[0], r[1])))
    return ev.EventView(article_id=r[0], idx=r[1], kind=r[2], countries=r[3], date=r[4], date_end=r[5],
                        date_source=r[6], published=r[7], place=r[8], mechanism=r[9], ordinal=r[10],
                        historical=bool(r[11]), confidence=r[12] or 0.0, guest=r[13],
                        people={c: frozenset(v) for c, v in people.items()}, documents=documents)


class Similarity:
    """Estimated shared wording between two stored articles, signatures read once."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.cache: dict[str, bytes | None] = {}

    def signature(self, article_id: str) -> bytes | None:
        if article_id not in self.cache:
            row = self.conn.execute("SELECT minhash FROM articles WHERE id = ?", (article_id,)).fetchone()
            self.cache[article_id] = row[0] if row else None
        return self.cache[article_id]

    def __call__(self, a: str, b: str) -> float:
        return jaccard(self.signature(a), self.signature(b))


def link_article_events(conn: sqlite3.Connection, article_id: str, neighbours: list[str]) -> None:
    """Attach each of the article's events to a canonical event, or start one."""
    rows = conn.execute(
        _VIEW_SELECT + " ae.article_id = ?"
        " ORDER BY ae.idx", (article_id,)).fetchall()
    views = [view_from_row(conn, r) for r in rows]
    clusters: dict[int, list[ev.EventView]] = {}
    for e in views:
        for cid in candidate_events(conn, e, neighbours):
            if cid not in clusters:
                clusters[cid] = member_views(conn, cid)
    similarity = Similarity(conn)
    joined = ev.assign(views, clusters, similarity)
    taken = {cid for cid, _ in joined.values()}
    for e in views:
        if e.idx in joined:
            cid, score = joined[e.idx]
            reason = f"score {score:g}"
        else:
            cid = uids.insert_row(conn, "INSERT INTO events (kind, countries) VALUES (?, ?)", (e.kind, e.countries))
            score, reason = None, "first report"
        conn.execute("UPDATE article_events SET event_id = ?, link_score = ?, link_reason = ?"
                     " WHERE article_id = ? AND idx = ?", (cid, score, reason, article_id, e.idx))
        if e.idx in joined:
            members = clusters[cid] + [e]
            for other in ev.bridges(e, cid, {k: v for k, v in clusters.items() if k not in taken}, similarity):
                if ev.mergeable(members, clusters[other], similarity):
                    conn.execute("UPDATE article_events SET event_id = ?, link_reason = ? WHERE event_id = ?",
                                 (cid, f"merged through {article_id}", other))
                    conn.execute("UPDATE agreements SET event_id = ? WHERE event_id = ?", (cid, other))
                    refresh_event(conn, other)
                    members += clusters[other]
                    taken.add(other)
        refresh_event(conn, cid)


def report_counts(reports: list[tuple[str, str | None, str | None, str | None]]) -> tuple[int, int]:
    """(articles, outlets) of (article id, duplicate_of, outlet, url) reports: a copy of another
    report of the event counts once (as GDELT's NumArticles), outlets by name, else by web host."""
    ids = {r[0] for r in reports}
    articles = {r[0] for r in reports if not (r[1] and r[1] in ids)}
    outlets = set()
    for aid, _, outlet, url in reports:
        host = urlsplit(url).hostname if url else None
        outlets.add((outlet or "").strip().lower() or (host or "").removeprefix("www.") or aid)
    return len(articles), len(outlets)


def refresh_event(conn: sqlite3.Connection, event_id: int) -> None:
    """Recompute a canonical event from its reports; delete it when none is left."""
    rows = conn.execute(
        "SELECT ae.kind, ae.subtype, ae.countries, ae.date, ae.date_precision, ae.date_source, ae.date_end,"
        " ae.place, ae.place_name, ae.place_country, ae.host, ae.guest, ae.historical, ae.mechanism, ae.ordinal,"
        " ae.confidence, ae.data_json, ae.article_id, a.published, a.duplicate_of, a.outlet, a.url, ae.idx"
        " FROM article_events ae JOIN articles a ON a.id = ae.article_id WHERE ae.event_id = ?"
        " ORDER BY a.published, ae.article_id", (event_id,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        return
    # a day or month taken from the publication is no written date: such an event is `reported`
    best = best_date((r[3], r[4], r[5]) for r in rows if r[5] != "published")
    date = best[0] if best else None
    chosen = next((k for k, r in enumerate(rows) if best and (r[3], r[4], r[5]) == best), None)
    written_end = rows[chosen][6] if chosen is not None else None
    historical = all(r[12] for r in rows)
    date_start, date_end, precision = interval(date, written_end, historical,
                                               min((r[18] for r in rows if r[18]), default=None))
    place_name = most_common(r[8] for r in rows)
    place = most_common(r[7] for r in rows if r[8] == place_name) if place_name else most_common(r[7] for r in rows)
    place_country = most_common(r[9] for r in rows)
    geo = geocode(place_name or place, place_country, rows[0][2].split(","))
    sort_date = date_end if precision == "reported" else date_start    # an undated report sorts at its publication
    num_articles, num_sources = report_counts([(r[17], r[19], r[20], r[21]) for r in rows])
    uids.assign(conn, event_id, [(r[17], r[22], r[18]) for r in rows])
    data = [json.loads(r[16]) for r in rows]
    date_text = data[chosen].get("date_text") if chosen is not None else None
    plover = [d.get("plover") or {} for d in data]
    conn.execute(
        "UPDATE events SET kind=?, subtype=?, countries=?, date=?, date_precision=?, date_end=?, sort_date=?,"
        " place=?, place_country=?, host=?, guest=?, historical=?, mechanism=?, ordinal=?, plover_type=?,"
        " plover_mode=?, cameo=?, confidence=?, n_sources=?, date_start=?, date_text=?, place_geonameid=?,"
        " place_lat=?, place_lon=?, num_articles=?, num_sources=? WHERE id=?",
        (rows[0][0], most_common(r[1] for r in rows), rows[0][2], date, precision, date_end, sort_date,
         place_name or place, place_country, most_common(r[10] for r in rows),
         most_common(r[11] for r in rows), int(historical), most_common(r[13] for r in rows),
         most_common(r[14] for r in rows), most_common(p.get("type") for p in plover),
         most_common(p.get("mode") for p in plover), most_common(d.get("cameo") for d in data),
         max(r[15] or 0 for r in rows), len({r[17] for r in rows}), date_start, date_text,
         geo["geonameid"] if geo else None, geo["lat"] if geo else None, geo["lon"] if geo else None,
         num_articles, num_sources, event_id))
    conn.execute("UPDATE agreements SET sort_date = ? WHERE event_id = ? AND (date IS NULL OR date LIKE 'X%')",
                 (sort_date, event_id))
    conn.execute("DELETE FROM event_countries WHERE event_id = ?", (event_id,))
    conn.execute("DELETE FROM event_pairs WHERE event_id = ?", (event_id,))
    codes = sorted(c for c in rows[0][2].split(",") if c)
    conn.executemany("INSERT INTO event_countries (event_id, country, sort_date) VALUES (?, ?, ?)",
                     [(event_id, c, sort_date) for c in codes])
    conn.executemany("INSERT INTO event_pairs (a, b, event_id, sort_date) VALUES (?, ?, ?, ?)",
                     [(a, b, event_id, sort_date) for i, a in enumerate(codes) for b in codes[i + 1:]])
