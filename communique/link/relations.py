"""Canonical relations: one row per pair, level, status and year set up, whichever outlets reported it;
and a pair's level at a date, derived from those rows.

Reports of one framework are blocked by (pair, level, status). Inside a block, reports dated to the
same year are one relation (an upgrade is dated "2024-11" by one outlet and "2024" by another); a
report without a date joins the year most reports give (the earliest on a tie), or stands for the
block when none is dated. The grouping is recomputed for the whole block whenever one of its
reports arrives or leaves, so the rows do not depend on ingest order.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from functools import cache

from communique import lexicons
from communique.link import uids
from communique.link.events import sort_key
from communique.link.pick import best_date


def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def group_reports(dates: list[str | None]) -> list[str | None]:
    """The year key each report (by its date) belongs to inside one block."""
    years = Counter(y for y in map(_year, dates) if y)
    home = min(years, key=lambda y: (-years[y], y)) if years else None
    return [_year(d) or home for d in dates]


def blocks_of(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, str, str, str]]:
    """The (pair, level, status) blocks an article reports into."""
    return conn.execute("SELECT DISTINCT a, b, level, status FROM article_relations WHERE article_id = ?",
                        (article_id,)).fetchall()


def link_article_relations(conn: sqlite3.Connection, article_id: str) -> None:
    """Regroup every block this article reports into."""
    for block in blocks_of(conn, article_id):
        relink_block(conn, *block)


def relink_block(conn: sqlite3.Connection, a: str, b: str, level: str, status: str) -> None:
    """Group the block's reports by year; keep each group's existing row where it has one (the row most
    of its reports point to), create rows for new groups, delete rows left without reports."""
    reports = conn.execute(
        "SELECT ar.article_id, ar.idx, ar.date, ar.relation_id FROM article_relations ar"
        " WHERE ar.a = ? AND ar.b = ? AND ar.level = ? AND ar.status = ? ORDER BY ar.article_id, ar.idx",
        (a, b, level, status)).fetchall()
    before = {r[0] for r in conn.execute("SELECT id FROM relations WHERE a = ? AND b = ? AND level = ? AND status = ?",
                                         (a, b, level, status))}
    keys = group_reports([r[2] for r in reports])
    groups: dict[str | None, list[tuple]] = {}
    for r, k in zip(reports, keys, strict=False):
        groups.setdefault(k, []).append(r)
    used: set[int] = set()
    for key in sorted(groups, key=lambda k: (k is None, k or "")):
        members = groups[key]
        votes = Counter(r[3] for r in members if r[3] is not None and r[3] not in used)
        rid = min(votes, key=lambda i: (-votes[i], i)) if votes else None
        if rid is None:
            rid = uids.insert_row(conn, "INSERT INTO relations (a, b, level, status) VALUES (?, ?, ?, ?)",
                                  (a, b, level, status))
        used.add(rid)
        conn.executemany("UPDATE article_relations SET relation_id = ? WHERE article_id = ? AND idx = ?",
                         [(rid, r[0], r[1]) for r in members if r[3] != rid])
        refresh_relation(conn, rid)
    for rid in before - used:
        conn.execute("UPDATE article_relations SET relation_id = NULL WHERE relation_id = ?", (rid,))
        conn.execute("DELETE FROM relations WHERE id = ?", (rid,))


def refresh_relation(conn: sqlite3.Connection, relation_id: int) -> None:
    rows = conn.execute(
        "SELECT ar.date, ar.date_precision, ar.date_source, ar.article_id, ar.idx, a.published"
        " FROM article_relations ar JOIN articles a ON a.id = ar.article_id WHERE ar.relation_id = ?"
        " ORDER BY ar.article_id, ar.idx", (relation_id,)).fetchall()
    best = best_date((r[0], r[1], "text" if r[2] != "anniversary" else "relative") for r in rows)
    date, precision = (best[0], best[1]) if best else (None, None)
    published = sorted(r[5] for r in rows if r[5])
    conn.execute("UPDATE relations SET date = ?, date_precision = ?, sort_date = ?, first_reported = ?,"
                 " last_reported = ?, n_sources = ? WHERE id = ?",
                 (date, precision, sort_key(date), published[0] if published else None,
                  published[-1] if published else None, len({r[3] for r in rows}), relation_id))
    uids.assign(conn, relation_id, [(r[3], r[4], r[5]) for r in rows], uids.RELATION_PREFIX)


# ---- the ladder -------------------------------------------------------------------------------

@cache
def _ladder() -> tuple[str, ...]:
    return tuple(lexicons.relations()["ladder"])


def level_rank(level: str) -> float:
    """Where a level stands on the ladder (lexicons/relations.json: diplomatic relations lowest,
    alliance highest). A level not on it ranks with the rung it names, a half step above when it adds
    words ("global comprehensive strategic partnership" above "comprehensive strategic partnership")."""
    ladder = _ladder()
    if level in ladder:
        return float(ladder.index(level))
    words = set(level.split())
    if "alliance" in words:
        base = "alliance"
    elif "diplomatic" in words:
        base = "diplomatic relations"
    elif {"comprehensive", "strategic"} <= words:
        base = "comprehensive strategic partnership"
    elif "strategic" in words:
        base = "strategic partnership"
    elif "comprehensive" in words:
        base = "comprehensive partnership"
    else:
        base = "partnership"
    return ladder.index(base) + 0.5


def holds_from(row: dict) -> str | None:
    """The day from which a relation row is known to hold: its own date when it was set up then,
    else the publication date of its first report (a level named as current held by then)."""
    if row["status"] == "established" and row.get("sort_date"):
        return row["sort_date"]
    return row.get("first_reported")


def level_at(rows: list[dict], day: str) -> dict | None:
    """The pair's level on `day`: the highest established or current level known to hold by then.
    Planned levels never count."""
    held = [r for r in rows if r["status"] in ("established", "current") and (holds_from(r) or "9999") <= day]
    # the highest level; of equal ones the row that says when it was set up, then the earliest
    held.sort(key=lambda r: (-level_rank(r["level"]), r["status"] != "established", holds_from(r) or "", r.get("id") or ""))
    return held[0] if held else None
