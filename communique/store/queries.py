"""Read queries shared by every surface: the command line, the HTTP API, the pages and exports.

Each returns plain dicts (JSON-ready). Filters take alpha-3 codes or country names ("Vietnam",
"Viet Nam", "VNM"); dates are ISO prefixes ("2024", "2024-08", "2024-08-01"). Undated events sort
and filter by the publication date of their first report (their `date` stays empty).
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from contextlib import contextmanager
from functools import lru_cache
from typing import overload

import regex

from communique import lexicons
from communique.errors import QueryTimeout, UsageError
from communique.link import offices
from communique.link.names import fold
from communique.link.uids import PERSON_PREFIX, resolve, resolve_person
from communique.store.fts import fts_query


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, c in lexicons.countries().items():
        for n in [code, c.get("alpha2", "")] + c.get("names", []) + c.get("demonyms", []):
            if n:
                names.setdefault(fold(n), code)
    return names


def country_code(value: str) -> str:
    """'Vietnam' / 'vnm' / 'Viet Nam' -> 'VNM'; a name that fits several states ('Korea') is refused
    with the choices; a clear error for anything else."""
    key = fold(value.strip().replace("’", "'"))
    choices = lexicons.ambiguous_country_names().get(key)
    if choices:
        named = ", ".join(f"{c} ({country_name(c)})" for c in choices)
        raise UsageError(f"'{value}' could mean {named}: give one of those codes or names")
    code = _country_names().get(key)
    if code is None:
        raise UsageError(f"unknown country '{value}' (use a name like 'Vietnam' or an alpha-3 code like VNM)")
    return code


def country_name(code: str) -> str:
    """The common English name of an alpha-3 code (the lexicon's first name), or the code itself."""
    if code == "IGO":
        return "international organisation"
    names = (lexicons.countries().get(code) or {}).get("names") or []
    return next((n for n in names if len(n) > 3 and not n.isupper()), names[0] if names else code)


_ISO_PREFIX = regex.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
MAX_ID = 2**63 - 1        # SQLite's largest integer: a larger id names nothing


@overload
def _bound(value: str, end: bool) -> str: ...
@overload
def _bound(value: None, end: bool) -> None: ...
def _bound(value: str | None, end: bool) -> str | None:
    """'2024' -> '2024-01-01' (since) / '2024-12-31' (until); a month or day that does not exist
    ('2024-13', '2024-02-30') is refused, not silently read."""
    if not value:
        return None
    m = _ISO_PREFIX.fullmatch(value.strip())
    if not m:
        raise UsageError(f"bad date '{value}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            return dt.date(year, month, day).isoformat()
        if month:
            first = dt.date(year, month, 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return (last if end else first).isoformat()
        return dt.date(year, 12, 31).isoformat() if end else dt.date(year, 1, 1).isoformat()
    except ValueError:
        raise UsageError(f"bad date '{value}' (no such {'day' if day else 'month'})") from None


def _like(text: str) -> str:
    """Text for a LIKE '%…%' pattern, its own % and _ taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def person_ids(conn: sqlite3.Connection, person: str) -> list[int]:
    """The row of a person's citable id (p-…), or every person one of whose names contains the text."""
    person = person.strip()
    if person.startswith(PERSON_PREFIX):
        found = resolve_person(conn, person[:64])
        return [found[0]] if found else []
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT person_id FROM person_aliases WHERE alias LIKE ? ESCAPE '\\' OR alias_key LIKE ? ESCAPE '\\'",
        (_like(person), _like(fold(person))))]


CONTEXT_CHARS = 80    # text shown either side of an evidence sentence

EVENT_COLUMNS = ("id, uid, kind, subtype, countries, date, date_text, date_start, date_end, date_precision, sort_date,"
                 " place, place_country, place_geonameid, place_lat, place_lon,"
                 " host, guest, historical, mechanism, ordinal, plover_type, plover_mode, cameo, confidence,"
                 " n_sources, num_articles, num_sources")


def _dicts(conn: sqlite3.Connection, sql: str, args=()) -> list[dict]:
    """Rows as dicts (column name -> value)."""
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=False)) for row in cur.fetchall()]


def _event_fields(rows: list[dict], conn: sqlite3.Connection) -> list[dict]:
    """Canonical event rows in API shape: countries as a list, historical as a bool, participants."""
    people = _people_of_events(conn, [r["id"] for r in rows])
    for r in rows:
        r["countries"] = r["countries"].split(",") if r["countries"] else []
        r["historical"] = bool(r["historical"])
        r["people"] = people.get(r["id"], [])
        r["id"] = r.pop("uid")          # the citable id (link/uids.py); row numbers stay inside
    return rows


def event_key(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the event an id names: its own, or one it was merged into."""
    return resolve(conn, uid)


def _event_query(conn: sqlite3.Connection, country=None, with_=None, kind=None, since=None, until=None,
                 person=None, include_historical=True, background_only=False,
                 text=None) -> tuple[str, list[str], list[object], str, str]:
    """FROM clause, WHERE terms, arguments, and the date and id columns to order by. A pair filter walks
    event_pairs and a country filter event_countries, both indexed by date, so the newest rows of
    a million-event store come without sorting a country's thousands."""
    codes = list(dict.fromkeys(country_code(v) for v in (country, with_) if v))
    args: list[object]
    if len(codes) == 2:
        a, b = sorted(codes)
        frm, where, args = "event_pairs d JOIN events e ON e.id = d.event_id", ["d.a = ?", "d.b = ?"], [a, b]
        date, key = "d.sort_date", "d.event_id"
    elif codes:
        frm, where, args = "event_countries d JOIN events e ON e.id = d.event_id", ["d.country = ?"], [codes[0]]
        date, key = "d.sort_date", "d.event_id"
    else:
        frm, where, args, date, key = "events e", [], [], "e.sort_date", "e.id"
    if kind:
        where.append("e.kind = ?")
        args.append(kind)
    if since:
        where.append(f"{date} >= ?")
        args.append(_bound(since, False))
    if until:
        where.append(f"{date} <= ?")
        args.append(_bound(until, True))
    if person:
        ids = person_ids(conn, person) or [-1]
        where.append("e.id IN (SELECT ae.event_id FROM participants p JOIN article_events ae"
                     " ON ae.article_id = p.article_id AND ae.idx = p.event_idx"
                     f" WHERE p.person_id IN ({','.join('?' * len(ids))}))")
        args += ids
    if not include_historical and background_only:
        raise UsageError("news only and background only together select nothing: choose one")
    if not include_historical:
        where.append("e.historical = 0")
    if background_only:
        where.append("e.historical = 1")
    if text:
        # events with an evidence sentence matching the search text (the search box's syntax and limits)
        where.append("e.id IN (SELECT ae.event_id FROM evidence_fts JOIN evidence ev ON ev.id = evidence_fts.rowid"
                     " JOIN article_events ae ON ae.article_id = ev.article_id AND ae.idx = ev.owner_idx"
                     " WHERE evidence_fts MATCH ? AND ev.owner = 'event')")
        args.append(fts_query(text))
    return frm, where, args, date, key


# A text filter runs a full-text search: bounded in time like the search box (store/fts.py bounds
# its terms); past it the query is stopped (QueryTimeout, a 408 over HTTP).
TEXT_FILTER_BUDGET_S = 3.0


def count_events(conn: sqlite3.Connection, **filters) -> int:
    frm, where, args, _, _ = _event_query(conn, **filters)
    sql = f"SELECT count(*) FROM {frm}" + (" WHERE " + " AND ".join(where) if where else "")
    with time_budget(conn, TEXT_FILTER_BUDGET_S if filters.get("text") else None):
        return conn.execute(sql, args).fetchone()[0]


def events(conn: sqlite3.Connection, country: str | None = None, with_: str | None = None, kind: str | None = None,
           since: str | None = None, until: str | None = None, person: str | None = None,
           include_historical: bool = True, background_only: bool = False, text: str | None = None,
           limit: int | None = None, offset: int = 0, order: str = "desc") -> list[dict]:
    frm, where, args, date, key = _event_query(conn, country, with_, kind, since, until, person, include_historical,
                                               background_only, text)
    sql = f"SELECT {', '.join('e.' + c.strip() for c in EVENT_COLUMNS.split(','))} FROM {frm}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if order == "asc":
        sql += f" ORDER BY {date} IS NULL, {date} ASC, {key} ASC"
    else:
        sql += f" ORDER BY {date} DESC, {key} DESC"        # undated (NULL) last
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    with time_budget(conn, TEXT_FILTER_BUDGET_S if text else None):
        rows = _dicts(conn, sql, args)
    return _event_fields(rows, conn)


def _people_of_events(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[dict]]:
    """Participants of many events in one query per 500 ids."""
    out: dict[int, list[dict]] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for eid, pid, name, country in conn.execute(
                "SELECT DISTINCT ae.event_id, pe.uid, pe.name, pe.country FROM article_events ae"
                " JOIN participants p ON p.article_id = ae.article_id AND p.event_idx = ae.idx"
                f" JOIN people pe ON pe.id = p.person_id WHERE ae.event_id IN ({','.join('?' * len(part))})"
                " ORDER BY pe.name", part):
            out.setdefault(eid, []).append({"id": pid, "name": name, "country": country})
    return out


def event(conn: sqlite3.Connection, uid: str) -> dict | None:
    """One canonical event (by its citable id, or an id it had before a merge) with every source
    that reports it and each source's evidence."""
    key = resolve(conn, uid)
    if key is None:
        return None
    event_id = key[0]
    found = _dicts(conn, f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", (event_id,))
    out = _event_fields(found, conn)[0]
    sources = _dicts(conn, "SELECT ae.article_id, ae.idx, ae.date, ae.date_source, ae.place, ae.historical,"
                           " ae.confidence, ae.link_reason, a.url, a.outlet, a.title, a.published, a.duplicate_of,"
                           " a.body FROM article_events ae JOIN articles a ON a.id = ae.article_id"
                           " WHERE ae.event_id = ? ORDER BY a.published, a.id", (event_id,))
    for src in sources:
        body = src.pop("body")
        src["historical"] = bool(src["historical"])
        src["people"] = [r[0] for r in conn.execute(
            "SELECT name FROM participants WHERE article_id = ? AND event_idx = ?", (src["article_id"], src["idx"]))]
        src["evidence"] = [
            {"start": a, "end": b, "text": text, "rule": rule,
             "before": body[max(0, a - CONTEXT_CHARS):a], "after": body[b:b + CONTEXT_CHARS]}
            for a, b, text, rule in conn.execute(
                "SELECT start, end, text, rule FROM evidence WHERE article_id = ? AND owner = 'event'"
                " AND owner_idx = ? ORDER BY start", (src["article_id"], src["idx"]))]
    out["sources"] = sources
    out["agreements"] = _dicts(conn, "SELECT uid AS id, type, subject, status, date FROM agreements"
                                     " WHERE event_id = ? ORDER BY uid", (event_id,))
    return out


def event_roles(conn: sqlite3.Connection, uid: str) -> list[tuple[str | None, str | None, str | None]]:
    """(country, title, rank) of every participant as its reports name them: the actors' sectors."""
    return conn.execute(
        "SELECT DISTINCT ap.country, ap.title, ap.rank FROM article_events ae"
        " JOIN participants p ON p.article_id = ae.article_id AND p.event_idx = ae.idx"
        " JOIN article_people ap ON ap.article_id = p.article_id AND ap.name = p.name"
        " WHERE ae.event_id = (SELECT id FROM events WHERE uid = ?)", (uid,)).fetchall()


def event_areas(conn: sqlite3.Connection, uid: str) -> list[str]:
    """Fields of cooperation the articles reporting an event name (PLOVER contexts are article-level)."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT aa.area FROM article_events ae JOIN article_areas aa ON aa.article_id = ae.article_id"
        " WHERE ae.event_id = (SELECT id FROM events WHERE uid = ?) ORDER BY aa.area", (uid,))]


def _agreements_where(country: str | None, with_: str | None, since: str | None, until: str | None,
                      type_: str | None, status: str | None) -> tuple[list[str], list[object]]:
    where: list[str] = []
    args: list[object] = []
    for value in (country, with_):
        if value:
            where.append("EXISTS (SELECT 1 FROM agreement_countries ac WHERE ac.agreement_id = g.id AND ac.country = ?)")
            args.append(country_code(value))
    for column, value in (("g.type", type_), ("g.status", status)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if since:
        where.append("g.sort_date >= ?")
        args.append(_bound(since, False))
    if until:
        where.append("g.sort_date <= ?")
        args.append(_bound(until, True))
    return where, args


def count_agreements(conn: sqlite3.Connection, country: str | None = None, with_: str | None = None,
                     since: str | None = None, until: str | None = None, type_: str | None = None,
                     status: str | None = None) -> int:
    where, args = _agreements_where(country, with_, since, until, type_, status)
    sql = "SELECT count(*) FROM agreements g" + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(sql, args).fetchone()[0]


def agreements(conn: sqlite3.Connection, country: str | None = None, with_: str | None = None,
               since: str | None = None, until: str | None = None, type_: str | None = None,
               status: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    where, args = _agreements_where(country, with_, since, until, type_, status)
    sql = ("SELECT g.id AS row_id, g.uid AS id, g.type, g.subject, g.status, g.countries, g.date, g.date_precision,"
           " (SELECT uid FROM events WHERE id = g.event_id) AS event_id, g.n_sources FROM agreements g")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY g.sort_date IS NULL, g.sort_date DESC, g.uid DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    rows = _dicts(conn, sql, args)
    for r in rows:
        r["countries"] = r["countries"].split(",") if r["countries"] else []
        r["sources"] = [x[0] for x in conn.execute(
            "SELECT DISTINCT article_id FROM article_agreements WHERE agreement_id = ? ORDER BY article_id",
            (r.pop("row_id"),))]
    return rows


def _people_where(conn: sqlite3.Connection, country: str | None, name: str | None) -> tuple[str, list[object]]:
    where: list[str] = []
    args: list[object] = []
    if country:
        where.append("p.country = ?")
        args.append(country_code(country))
    if name:
        ids = person_ids(conn, name) or [-1]
        where.append(f"p.id IN ({','.join('?' * len(ids))})")
        args += ids
    return (" WHERE " + " AND ".join(where) if where else ""), args


def count_people(conn: sqlite3.Connection, country: str | None = None, name: str | None = None) -> int:
    where, args = _people_where(conn, country, name)
    return conn.execute(f"SELECT count(*) FROM people p{where}", args).fetchone()[0]


def people(conn: sqlite3.Connection, country: str | None = None, name: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict]:
    """People, most reported first; a page of them when `limit` is given (paged in SQL)."""
    where, args = _people_where(conn, country, name)
    sql = "SELECT p.id, p.uid, p.name, p.country, p.n_articles FROM people p" + where
    sql += " ORDER BY p.n_articles DESC, p.name, p.uid"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    out = []
    for pid, uid, pname, pcountry, n in conn.execute(sql, args).fetchall():
        now = offices.current(_offices(conn, pid))
        aliases = [r[0] for r in conn.execute(
            "SELECT DISTINCT alias FROM person_aliases WHERE person_id = ? AND alias != ? ORDER BY alias", (pid, pname))]
        out.append({"id": uid, "name": pname, "country": pcountry, "title": now["title"] if now else None,
                    "aliases": aliases, "n_articles": n})
    return out


def _offices(conn: sqlite3.Connection, person_id: int) -> list[dict]:
    """Every office a person was given, one entry per office however it was written (link/offices.py):
    its key, sector, the written forms, first and last seen."""
    rows = [{"title": r[0], "rank": r[1], "country": r[2], "first_seen": r[3], "last_seen": r[4], "n_articles": r[5]}
            for r in conn.execute("SELECT title, rank, country, first_seen, last_seen, n_articles FROM person_offices"
                                  " WHERE person_id = ? ORDER BY first_seen IS NULL, first_seen, title", (person_id,))]
    return offices.group(rows)


def person_key(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the person an id names: its own, or one it had before."""
    return resolve_person(conn, uid)


def person(conn: sqlite3.Connection, uid: str) -> dict | None:
    """A person (by citable id, or one they had before) with every name form and office seen, first
    and last seen, and their events."""
    key = resolve_person(conn, uid[:64])
    if key is None:
        return None
    person_id = key[0]
    found = people(conn, name=key[1])
    if not found:
        return None
    out = found[0]
    out["offices"] = _offices(conn, person_id)
    out["events"] = events(conn, person=key[1])
    return out


def timeline(conn: sqlite3.Connection, country: str, other: str | None = None, **filters) -> list[dict]:
    """A country's engagements (with one partner, if given), oldest first."""
    return events(conn, country=country, with_=other, order="asc", **filters)


@contextmanager
def time_budget(conn: sqlite3.Connection, seconds: float | None, cancelled: Callable[[], bool] | None = None):
    """Cancel whatever SQLite runs on `conn` once `seconds` have passed, or once `cancelled()` says
    so (the client hung up): QueryTimeout."""
    if not seconds:
        yield
        return
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline or bool(cancelled and cancelled())), 200)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise QueryTimeout(f"the query took longer than {seconds:g} s and was stopped;"
                               " use fewer or longer words") from exc
        raise
    finally:
        conn.set_progress_handler(None, 0)


def search(conn: sqlite3.Connection, text: str, limit: int = 50,
           budget_s: float | None = None, cancelled: Callable[[], bool] | None = None) -> list[dict]:
    """Full-text search over evidence sentences and article bodies: evidence first, newest first
    within each. The text is words, "phrases", prefix*, OR/AND/NOT (store/fts.py bounds it), and the
    query is stopped after `budget_s` seconds (settings.search_budget_s for the CLI and the server)."""
    query = fts_query(text)
    try:
        with time_budget(conn, budget_s, cancelled):
            # newest first (rowid order): FTS5 answers that from the index with LIMIT, where ranking
            # by bm25 would score every match first (seconds on a large store for a common word)
            hits = [{"kind": "evidence", "article_id": r[0], "owner": r[1], "owner_idx": r[2], "area": r[3],
                     "snippet": r[4], "event_id": r[5]} for r in conn.execute(
                "SELECT ev.article_id, ev.owner, ev.owner_idx, ev.area, snippet(evidence_fts, 0, ?, ?, '…', 24),"
                " (SELECT uid FROM events WHERE id = ae.event_id) FROM evidence_fts JOIN evidence ev ON ev.id = evidence_fts.rowid"
                " LEFT JOIN article_events ae ON ev.owner = 'event' AND ae.article_id = ev.article_id"
                " AND ae.idx = ev.owner_idx WHERE evidence_fts MATCH ? ORDER BY evidence_fts.rowid DESC LIMIT ?",
                (MARK_OPEN, MARK_CLOSE, query, limit))]
            hits += [{"kind": "article", "article_id": r[0], "title": r[1], "snippet": r[2]} for r in conn.execute(
                "SELECT a.id, a.title, snippet(articles_fts, 1, ?, ?, '…', 24) FROM articles_fts"
                " JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
                " ORDER BY articles_fts.rowid DESC LIMIT ?", (MARK_OPEN, MARK_CLOSE, query, limit))]
    except sqlite3.OperationalError as exc:
        raise UsageError(f"bad search text '{text}' ({exc})") from exc
    for h in hits:
        h["parts"] = _marked_parts(h["snippet"])
        h["snippet"] = h["snippet"].replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")
        h["link"] = _hit_link(conn, h)
    return hits


# FTS5 marks matched words with these (private-use characters, never in a text): the API's snippet
# shows them as [ ], the pages as <mark>, and a bracket the article itself writes stays a bracket.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def _marked_parts(snippet: str) -> list[list]:
    """[[text, matched], …] of a marked snippet."""
    parts: list[list] = []
    for piece in snippet.split(MARK_OPEN):
        inside, _, rest = piece.partition(MARK_CLOSE) if MARK_CLOSE in piece else ("", "", piece)
        if inside:
            parts.append([inside, True])
        if rest:
            parts.append([rest, False])
    return parts


def _hit_link(conn: sqlite3.Connection, h: dict) -> str | None:
    """Where a hit leads: its event; a document's event, else the register for its pair; a relation's
    pair page; otherwise the first event the article reports."""
    if h.get("event_id"):
        return f"/events/{h['event_id']}"
    owner, idx, aid = h.get("owner"), h.get("owner_idx"), h["article_id"]
    if owner == "agreement":
        row = conn.execute("SELECT (SELECT uid FROM events WHERE id = g.event_id), g.countries FROM article_agreements aa"
                           " JOIN agreements g ON g.id = aa.agreement_id WHERE aa.article_id = ? AND aa.idx = ?",
                           (aid, idx)).fetchone()
        if row and row[0]:
            return f"/events/{row[0]}"
        if row and row[1] and len(row[1].split(",")) == 2:
            a, b = row[1].split(",")
            return f"/agreements?country={a}&with={b}"
    if owner == "relation":
        row = conn.execute("SELECT a, b FROM article_relations WHERE article_id = ? AND idx = ?", (aid, idx)).fetchone()
        if row:
            return f"/pairs/{row[0]}/{row[1]}"
    row = conn.execute("SELECT e.uid FROM article_events ae JOIN events e ON e.id = ae.event_id"
                       " WHERE ae.article_id = ? ORDER BY ae.idx LIMIT 1", (aid,)).fetchone()
    return f"/events/{row[0]}" if row else None


def stats(conn: sqlite3.Connection) -> dict:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "near_duplicate_articles": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "events": one("SELECT count(*) FROM events"),
        "events_news": one("SELECT count(*) FROM events WHERE historical = 0"),
        "event_reports": one("SELECT count(*) FROM article_events"),
        "events_with_several_sources": one("SELECT count(*) FROM events WHERE n_sources > 1"),
        "events_undated": one("SELECT count(*) FROM events WHERE date_end IS NULL"),   # no date, no publication date
        "events_by_precision": dict(conn.execute(
            "SELECT coalesce(date_precision, 'undated'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")),
        "people": one("SELECT count(*) FROM people"),
        "agreements": one("SELECT count(*) FROM agreements"),
        "areas": one("SELECT count(DISTINCT area) FROM article_areas"),
        "statements": one("SELECT count(*) FROM statements"),
        "rejects": one("SELECT count(*) FROM rejects"),
        "first_published": one("SELECT min(published) FROM articles"),
        "last_published": one("SELECT max(published) FROM articles"),
        "events_by_kind": dict(conn.execute("SELECT kind, count(*) FROM events GROUP BY kind ORDER BY 2 DESC")),
        "top_partners": dict(conn.execute(
            "SELECT country, count(*) FROM event_countries GROUP BY country ORDER BY 2 DESC, 1 LIMIT 10")),
    }


def rejects(conn: sqlite3.Connection) -> list[dict]:
    return [{"source": r[0], "reason": r[1], "seen_at": r[2]}
            for r in conn.execute("SELECT source, reason, seen_at FROM rejects ORDER BY rowid")]


def areas(conn: sqlite3.Connection, country: str | None = None, with_: str | None = None) -> list[dict]:
    """Areas of cooperation, with how many articles (about the countries given) name each."""
    where: list[str] = []
    args: list[object] = []
    for value in (country, with_):
        if value:
            where.append("EXISTS (SELECT 1 FROM article_events ae JOIN event_countries ec ON ec.event_id = ae.event_id"
                         " WHERE ae.article_id = ar.article_id AND ec.country = ?)")
            args.append(country_code(value))
    sql = "SELECT ar.area, count(DISTINCT ar.article_id) FROM article_areas ar"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY ar.area ORDER BY 2 DESC, 1"
    return [{"area": r[0], "n_articles": r[1]} for r in conn.execute(sql, args)]
