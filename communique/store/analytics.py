"""Aggregates for the pages and the API: partners, kinds over time, areas over time, the network.

Like queries.py these return plain dicts, take country names or codes, and are shared by every
surface.
"""
from __future__ import annotations

import sqlite3

from communique import kinds
from communique.store.queries import country_code


def partner_counts(conn: sqlite3.Connection, country: str | None = None, limit: int = 20) -> list[dict]:
    """Engagements per partner country (of `country`, or of any country), news events only."""
    if country:
        code = country_code(country)
        rows = conn.execute(
            "SELECT o.country, count(*) FROM event_countries c JOIN event_countries o"
            " ON o.event_id = c.event_id AND o.country != c.country JOIN events e ON e.id = c.event_id"
            " WHERE c.country = ? AND e.historical = 0 GROUP BY o.country ORDER BY 2 DESC, 1 LIMIT ?",
            (code, limit)).fetchall()
    else:
        rows = conn.execute(
            "SELECT ec.country, count(*) FROM event_countries ec JOIN events e ON e.id = ec.event_id"
            " WHERE e.historical = 0 GROUP BY ec.country ORDER BY 2 DESC, 1 LIMIT ?", (limit,)).fetchall()
    return [{"country": r[0], "events": r[1]} for r in rows]


def _pair_where(country: str, other: str | None) -> tuple[str, list]:
    where = "EXISTS (SELECT 1 FROM event_countries x WHERE x.event_id = e.id AND x.country = ?)"
    args = [country_code(country)]
    if other:
        where += " AND EXISTS (SELECT 1 FROM event_countries y WHERE y.event_id = e.id AND y.country = ?)"
        args.append(country_code(other))
    return where, args


def kinds_by_year(conn: sqlite3.Connection, country: str, other: str | None = None) -> list[dict]:
    """[{year, <kind>: news events, "background": {<kind>: background events}}] for the timeline
    chart, by `sort_date` (the interval's first day; an event the text does not date, by its first
    report's publication). News and background apart: a recalled 1992 visit is not 1992's news."""
    where, args = _pair_where(country, other)
    rows = conn.execute(f"SELECT substr(e.sort_date, 1, 4), e.kind, e.historical, count(*) FROM events e WHERE {where}"
                        " AND e.sort_date IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1", args).fetchall()
    years: dict[str, dict] = {}
    for year, kind, historical, n in rows:
        row = years.setdefault(year, {"year": year, **dict.fromkeys(kinds.NAMES, 0),
                                      "background": dict.fromkeys(kinds.NAMES, 0)})
        if historical:
            row["background"][kind] = n
        else:
            row[kind] = n
    return list(years.values())


def places(conn: sqlite3.Connection, country: str | None = None, other: str | None = None) -> dict:
    """Where the events (of a country, of a pair) took place, for the map: one point per geocoded
    place with its number of events; events whose place is unknown or not geocoded are counted
    beside it, so none disappears silently."""
    where, args = _pair_where(country, other) if country else ("1", [])
    rows = conn.execute(f"SELECT e.place, e.place_country, e.place_lat, e.place_lon, count(*) FROM events e WHERE {where}"
                        " AND e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL GROUP BY 1, 2, 3, 4"
                        " ORDER BY 5 DESC, 1", args).fetchall()
    unplaced = conn.execute(f"SELECT count(*) FROM events e WHERE {where} AND (e.place_lat IS NULL OR e.place_lon IS NULL)",
                            args).fetchone()[0]
    return {"points": [{"place": p, "country": c, "lat": lat, "lon": lon, "events": n} for p, c, lat, lon, n in rows],
            "unplaced": unplaced}


def undated_count(conn: sqlite3.Connection, country: str, other: str | None = None) -> int:
    """Events of the country (pair) with no date at all, not even a publication date: counted
    beside the time charts, which cannot place them, so none disappears silently."""
    where, args = _pair_where(country, other)
    return conn.execute(f"SELECT count(*) FROM events e WHERE {where} AND e.sort_date IS NULL", args).fetchone()[0]


def areas_by_year(conn: sqlite3.Connection, country: str, other: str | None = None) -> list[dict]:
    """Areas of cooperation named, per year, in articles reporting the country's (pair's) events."""
    where, args = _pair_where(country, other)
    rows = conn.execute(
        "SELECT substr(a.published, 1, 4), ar.area, count(DISTINCT ar.article_id) FROM article_areas ar"
        " JOIN articles a ON a.id = ar.article_id WHERE a.published IS NOT NULL AND ar.article_id IN"
        f" (SELECT ae.article_id FROM article_events ae JOIN events e ON e.id = ae.event_id WHERE {where})"
        " GROUP BY 1, 2 ORDER BY 1, 3 DESC", args).fetchall()
    return [{"year": r[0], "area": r[1], "articles": r[2]} for r in rows]


def network(conn: sqlite3.Connection, min_events: int = 1) -> dict:
    """Countries as nodes, bilateral engagements (news events) as weighted edges."""
    edges = [{"a": r[0], "b": r[1], "events": r[2]} for r in conn.execute(
        "SELECT x.country, y.country, count(*) FROM event_countries x JOIN event_countries y"
        " ON y.event_id = x.event_id AND x.country < y.country JOIN events e ON e.id = x.event_id"
        " WHERE e.historical = 0 GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2", (min_events,))]
    weight: dict[str, int] = {}
    for e in edges:
        for c in (e["a"], e["b"]):
            weight[c] = weight.get(c, 0) + e["events"]
    nodes = [{"country": c, "events": n} for c, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def signed_in_year(conn: sqlite3.Connection, year: str, limit: int = 20) -> list[dict]:
    rows = conn.execute(
        "SELECT uid, type, subject, countries, date, (SELECT uid FROM events WHERE id = event_id), n_sources"
        " FROM agreements WHERE status = 'signed'"
        " AND sort_date BETWEEN ? AND ? ORDER BY sort_date DESC, id DESC LIMIT ?",
        (f"{year}-01-01", f"{year}-12-31", limit)).fetchall()
    return [{"id": r[0], "type": r[1], "subject": r[2], "countries": r[3].split(","), "date": r[4],
             "event_id": r[5], "n_sources": r[6]} for r in rows]


def last_published(conn: sqlite3.Connection) -> str | None:
    """The newest publication date in the store: "now" for the pages (plans dated later are not news)."""
    return conn.execute("SELECT max(published) FROM articles").fetchone()[0]


def latest_year(conn: sqlite3.Connection) -> str | None:
    """The store's "this year": the year of its newest article, not the clock's."""
    last = last_published(conn)
    return last[:4] if last else None


def article_with_evidence(conn: sqlite3.Connection, article_id: str, event_idx: int) -> dict | None:
    """An article body cut into segments, the evidence of one of its events marked, for rendering
    with the evidence highlighted in place. Segments are plain text: the page escapes them."""
    row = conn.execute("SELECT id, title, url, outlet, published, body FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if row is None:
        return None
    spans = sorted(conn.execute("SELECT start, end FROM evidence WHERE article_id = ? AND owner = 'event'"
                                " AND owner_idx = ?", (article_id, event_idx)).fetchall())
    body, segments, pos = row[5], [], 0
    for start, end in spans:
        if start < pos:
            continue
        if start > pos:
            segments.append({"text": body[pos:start], "evidence": False})
        segments.append({"text": body[start:end], "evidence": True})
        pos = end
    if pos < len(body):
        segments.append({"text": body[pos:], "evidence": False})
    return {"id": row[0], "title": row[1], "url": row[2], "outlet": row[3], "published": row[4],
            "segments": segments}
