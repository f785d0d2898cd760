"""Citable event ids: `ev-` and ten hex digits, the same for the same inputs whatever the ingest
order, the number of processes or the engine.

Why not the row number: it counts ingest order (the same dialogue was event 79 in one store and
14 in another). An event's uid is a hash of its *founding report*: the earliest published of its
reports (then the lowest article id and index), so it depends only on which reports the event
holds, not on when they arrived; a report published later joining the event leaves it unchanged.
When the founding report changes (an earlier report arrives, or two events merge), the event
takes the new uid and `event_uids` keeps the old one with its founding report: looking an old
uid up finds the event that now holds that report, so every id ever cited keeps answering.
"""
from __future__ import annotations

import hashlib
import sqlite3

PREFIX = "ev-"


def uid_for(article_id: str, idx: int) -> str:
    return PREFIX + hashlib.sha256(f"{article_id}\x1f{idx}".encode("utf-8", "surrogatepass")).hexdigest()[:10]


def founding(reports: list[tuple[str, int, str | None]]) -> tuple[str, int]:
    """(article id, index) of the founding report among (article id, index, published) reports."""
    aid, idx, _ = min(reports, key=lambda r: (r[2] is None, r[2] or "", r[0], r[1]))
    return aid, idx


def assign(conn: sqlite3.Connection, event_id: int, reports: list[tuple[str, int, str | None]]) -> str:
    """Give a canonical event the uid of its founding report, remembering it for later look-ups."""
    aid, idx = founding(reports)
    uid = uid_for(aid, idx)
    conn.execute("INSERT OR IGNORE INTO event_uids (uid, article_id, idx) VALUES (?, ?, ?)", (uid, aid, idx))
    conn.execute("UPDATE events SET uid = ? WHERE id = ?", (uid, event_id))
    return uid


def resolve(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the event a uid names now, or None when none does (its founding
    report was removed with its article)."""
    row = conn.execute("SELECT id, uid FROM events WHERE uid = ?", (uid,)).fetchone()
    if row:
        return row[0], row[1]
    return conn.execute(
        "SELECT e.id, e.uid FROM event_uids u JOIN article_events ae ON ae.article_id = u.article_id AND ae.idx = u.idx"
        " JOIN events e ON e.id = ae.event_id WHERE u.uid = ?", (uid,)).fetchone()
