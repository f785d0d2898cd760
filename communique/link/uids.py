"""Citable ids: `ev-` (events), `p-` (people), `ag-` (agreements), `rel-` (relations) and ten hex digits, the same for the same inputs
whatever the ingest order, the number of processes or the engine.

Why not the row number: it counts ingest order (the same dialogue was event 79 in one store and
14 in another). An event's uid is a hash of its *founding report*: the earliest published of its
reports (then the lowest article id and index), so it depends only on which reports the event
holds, not on when they arrived; a report published later joining the event leaves it unchanged.
When the founding report changes (an earlier report arrives, or two events merge), the event
takes the new uid and `issued_uids` keeps the old one with its founding report: looking an old
uid up finds the event that now holds that report, so every id ever cited keeps answering.
A person's uid is the same construction over the articles naming them (the founding row of
`article_people`, earliest published first); an agreement's over its reports (`article_agreements`).
"""
from __future__ import annotations

import hashlib
import sqlite3

PREFIX = "ev-"
PERSON_PREFIX = "p-"
AGREEMENT_PREFIX = "ag-"
RELATION_PREFIX = "rel-"
# (canonical table, article-level table, its column naming the canonical row) per id prefix
_TABLES = {PREFIX: ("events", "article_events", "event_id"), PERSON_PREFIX: ("people", "article_people", "person_id"),
           AGREEMENT_PREFIX: ("agreements", "article_agreements", "agreement_id"),
           RELATION_PREFIX: ("relations", "article_relations", "relation_id")}


def insert_row(conn: sqlite3.Connection, sql: str, args: tuple) -> int:
    """The row id of a row just inserted (the store's internal key; never shown, see uid_for)."""
    rowid = conn.execute(sql, args).lastrowid
    if rowid is None:
        raise sqlite3.IntegrityError(f"no row inserted by {sql!r}")
    return rowid


def uid_for(article_id: str, idx: int, prefix: str = PREFIX) -> str:
    return prefix + hashlib.sha256(f"{article_id}\x1f{idx}".encode("utf-8", "surrogatepass")).hexdigest()[:10]


def _key_text(article_id: str, idx: int, published: str | None) -> str:
    """The founding order as one sortable string: published first (undated last), then article id
    and index (kept in people.founding for the cheap update)."""
    return f"{int(published is None)}\x1f{published or ''}\x1f{article_id}\x1f{idx:09d}"


def founding(reports: list[tuple[str, int, str | None]]) -> tuple[str, int]:
    """(article id, index) of the founding report among (article id, index, published) reports."""
    aid, idx, _ = min(reports, key=lambda r: _key_text(*r))
    return aid, idx


def found_person(conn: sqlite3.Connection, pid: int, article_id: str, idx: int, published: str | None) -> None:
    """An article names person `pid` (as article_people row idx): the row founds them if it comes
    first in the founding order."""
    key = _key_text(article_id, idx, published)
    current = conn.execute("SELECT founding FROM people WHERE id = ?", (pid,)).fetchone()[0]
    if current is None or key < current:
        uid = uid_for(article_id, idx, PERSON_PREFIX)
        conn.execute("INSERT OR IGNORE INTO issued_uids (uid, article_id, idx) VALUES (?, ?, ?)", (uid, article_id, idx))
        conn.execute("UPDATE people SET uid = ?, founding = ? WHERE id = ?", (uid, key, pid))


def refound_person(conn: sqlite3.Connection, pid: int) -> None:
    """Recompute a person's founding row from every article naming them (after a deletion)."""
    rows = conn.execute("SELECT ap.article_id, ap.idx, a.published FROM article_people ap"
                        " JOIN articles a ON a.id = ap.article_id WHERE ap.person_id = ?", (pid,)).fetchall()
    if rows:
        conn.execute("UPDATE people SET founding = NULL WHERE id = ?", (pid,))
        aid, idx = founding(rows)
        found_person(conn, pid, aid, idx, next(r[2] for r in rows if r[0] == aid and r[1] == idx))


def assign(conn: sqlite3.Connection, row_id: int, reports: list[tuple[str, int, str | None]],
           prefix: str = PREFIX) -> str:
    """Give a canonical event (agreement) the uid of its founding report, remembered for look-ups."""
    aid, idx = founding(reports)
    uid = uid_for(aid, idx, prefix)
    conn.execute("INSERT OR IGNORE INTO issued_uids (uid, article_id, idx) VALUES (?, ?, ?)", (uid, aid, idx))
    conn.execute(f"UPDATE {_TABLES[prefix][0]} SET uid = ? WHERE id = ?", (uid, row_id))
    return uid




def _resolve(conn: sqlite3.Connection, uid: str, prefix: str) -> tuple[int, str] | None:
    table, rows, column = _TABLES[prefix]
    row = conn.execute(f"SELECT id, uid FROM {table} WHERE uid = ?", (uid,)).fetchone()
    if row:
        return row[0], row[1]
    return conn.execute(
        f"SELECT t.id, t.uid FROM issued_uids u JOIN {rows} r ON r.article_id = u.article_id AND r.idx = u.idx"
        f" JOIN {table} t ON t.id = r.{column} WHERE u.uid = ?", (uid,)).fetchone()


def resolve(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the event a uid names now, or None when none does (its founding
    report was removed with its article)."""
    return _resolve(conn, uid, PREFIX)


def resolve_person(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the person a uid names now (through the mention that founded it)."""
    return _resolve(conn, uid, PERSON_PREFIX)


def resolve_agreement(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the agreement a uid names now."""
    return _resolve(conn, uid, AGREEMENT_PREFIX)


def resolve_relation(conn: sqlite3.Connection, uid: str) -> tuple[int, str] | None:
    """(row id, current uid) of the relation a uid names now."""
    return _resolve(conn, uid, RELATION_PREFIX)
