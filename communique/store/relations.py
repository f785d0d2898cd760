"""Read queries over relationship frameworks: the list, a pair's ladder, a country's partners by level.

Every surface (CLI `relations`, /api/relations, /api/pairs/{a}/{b}, the pair and country pages, the
`relations` export) reads these, so a level shown anywhere is the same derived value: the highest
established or current level known to hold on the day asked (link/relations.level_at).
"""
from __future__ import annotations

import datetime as dt
import sqlite3

from communique.errors import UsageError
from communique.link.relations import holds_from, level_at, level_rank
from communique.store.queries import _bound, _dicts, country_code

STATUSES = ("established", "current", "planned")
COLUMNS = ("r.id AS row_id, r.uid AS id, r.a, r.b, r.level, r.status, r.date, r.date_precision, r.sort_date,"
           " r.first_reported, r.last_reported, r.n_sources")


def _day(at: str | None) -> str:
    """The day a level is asked for: YYYY[-MM[-DD]] read as its last day, or today."""
    return _bound(at, True) if at else dt.date.today().isoformat()


def _shape(conn: sqlite3.Connection, rows: list[dict], evidence: bool = False) -> list[dict]:
    for r in rows:
        r["countries"] = [r.pop("a"), r.pop("b")]
        r["rank"] = level_rank(r["level"])
        r["holds_from"] = holds_from(r)
        row_id = r.pop("row_id")
        r.pop("sort_date")
        if evidence:
            r["sources"] = _sources(conn, row_id)
        else:
            r["sources"] = [x[0] for x in conn.execute(
                "SELECT DISTINCT article_id FROM article_relations WHERE relation_id = ? ORDER BY article_id", (row_id,))]
    return rows


def _sources(conn: sqlite3.Connection, row_id: int) -> list[dict]:
    """Each report of a relation: its article, what it wrote, and the evidence sentence(s)."""
    out = []
    for aid, idx, date, date_text, title, url, outlet, published in conn.execute(
            "SELECT ar.article_id, ar.idx, ar.date, ar.date_text, a.title, a.url, a.outlet, a.published"
            " FROM article_relations ar JOIN articles a ON a.id = ar.article_id WHERE ar.relation_id = ?"
            " ORDER BY a.published IS NULL, a.published, ar.article_id", (row_id,)):
        spans = [{"start": s, "end": e, "text": t, "rule": r} for s, e, t, r in conn.execute(
            "SELECT start, end, text, rule FROM evidence WHERE article_id = ? AND owner = 'relation' AND owner_idx = ?"
            " ORDER BY start", (aid, idx))]
        out.append({"article_id": aid, "title": title, "url": url, "outlet": outlet, "published": published,
                    "date": date, "date_text": date_text, "evidence": spans})
    return out


def relations(conn: sqlite3.Connection, country: str | None = None, with_: str | None = None,
              status: str | None = None, level: str | None = None, at: str | None = None,
              since: str | None = None, until: str | None = None, evidence: bool = False,
              limit: int | None = None, offset: int = 0) -> list[dict]:
    """Relation rows, oldest set-up first (undated last); with `at`, one row per pair: the level it
    held that day, highest first. since/until select by the date set up (undated rows drop out)."""
    if status and status not in STATUSES:
        raise UsageError(f"unknown status '{status}' (one of: {', '.join(STATUSES)})")
    if status and at:
        raise UsageError("a status selects rows; a date gives each pair's level (never a planned one): use one of them")
    where: list[str] = []
    args: list[object] = []
    codes = [country_code(v) for v in (country, with_) if v]
    for code in codes:
        where.append("(r.a = ? OR r.b = ?)")
        args += [code, code]
    if status:
        where.append("r.status = ?")
        args.append(status)
    if level:
        where.append("r.level = ?")
        args.append(level.strip().lower())
    for bound, op, end in ((since, ">=", False), (until, "<=", True)):
        if bound:
            where.append(f"r.sort_date {op} ?")
            args.append(_bound(bound, end))
    sql = f"SELECT {COLUMNS} FROM relations r"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY r.a, r.b, r.sort_date IS NULL, r.sort_date, r.level, r.status, r.uid"
    rows = _dicts(conn, sql, args)
    if at:
        day = _day(at)
        by_pair: dict[tuple, list[dict]] = {}
        for r in rows:
            by_pair.setdefault((r["a"], r["b"]), []).append(r)
        rows = [held for held in (level_at(rs, day) for rs in by_pair.values()) if held is not None]
        rows.sort(key=lambda r: (-level_rank(r["level"]), r["a"], r["b"]))
    else:
        rows.sort(key=lambda r: (r["sort_date"] is None, r["sort_date"] or "", r["a"], r["b"], r["level"]))
    if limit is not None:
        rows = rows[offset:offset + limit]
    return _shape(conn, rows, evidence=evidence)


def pair_ladder(conn: sqlite3.Connection, a: str, b: str, at: str | None = None) -> dict:
    """A pair's frameworks in the order they began (levels named only as current, from their first
    report), its planned upgrades, and the level it holds on `at` (default today)."""
    codes = sorted({country_code(a), country_code(b)})
    if len(codes) != 2:
        raise UsageError("a pair needs two different countries")
    ca, cb = codes
    rows = _dicts(conn, f"SELECT {COLUMNS} FROM relations r WHERE r.a = ? AND r.b = ?", (ca, cb))
    held = level_at(rows, _day(at))
    held_uid = held["id"] if held else None
    rows = _shape(conn, rows, evidence=True)
    for r in rows:
        r["held"] = r["id"] == held_uid
    ladder = sorted((r for r in rows if r["status"] != "planned"),
                    key=lambda r: (r["holds_from"] is None, r["holds_from"] or "", r["rank"]))
    planned = sorted((r for r in rows if r["status"] == "planned"), key=lambda r: r["rank"])
    level = next(({k: r[k] for k in ("id", "level", "status", "date", "holds_from")} for r in rows if r["held"]), None)
    return {"countries": [ca, cb], "at": _day(at), "level": level, "ladder": ladder, "planned": planned}


def partners(conn: sqlite3.Connection, country: str, at: str | None = None) -> list[dict]:
    """A country's partners by the level they hold on `at` (default today), highest first."""
    code = country_code(country)
    out = []
    for r in relations(conn, country=code, at=_day(at)):
        other = r["countries"][1] if r["countries"][0] == code else r["countries"][0]
        out.append({"country": other, "level": r["level"], "status": r["status"], "date": r["date"],
                    "holds_from": r["holds_from"], "rank": r["rank"], "relation": r["id"]})
    return out
