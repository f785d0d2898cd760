"""The embedded store: a plain SQLite file (WAL), one transaction per article."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from communique.errors import StoreError
from communique.model import Record
from communique.store.schema import MIGRATIONS


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate. The file stays readable by any SQLite tool."""
    try:
        conn = sqlite3.connect(str(path), timeout=30)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database ({exc})") from exc
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a communique database ({exc})") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, sql in enumerate(MIGRATIONS[version:], version + 1):
        with conn:
            conn.executescript(f"BEGIN; {sql} PRAGMA user_version = {number}; COMMIT;")


def _hash(record: Record) -> str:
    return hashlib.sha256(record.body.encode("utf-8")).hexdigest()


def save(conn: sqlite3.Connection, record: Record) -> str:
    """Store one article whole (one transaction). Returns 'added', 'replaced' or 'unchanged'."""
    digest = _hash(record)
    data = record.as_dict()
    with conn:
        row = conn.execute("SELECT content_hash, record_json FROM articles WHERE id = ?", (record.id,)).fetchone()
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if row and row[0] == digest and row[1] == payload:
            return "unchanged"
        conn.execute("DELETE FROM articles WHERE id = ?", (record.id,))
        conn.execute(
            "INSERT INTO articles (id, url, outlet, title, published, published_source, body, content_hash, source, record_json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (record.id, record.url, record.outlet, record.title, record.published, record.published_source,
             record.body, digest, record.source, payload))
        for idx, p in enumerate(record.people):
            conn.execute("INSERT INTO article_people VALUES (?,?,?,?,?,?)",
                         (record.id, idx, p.name, p.title, p.rank, p.country))
            conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                             [(record.id, idx, m.start, m.end, m.text) for m in p.mentions])
    return "replaced" if row else "added"


def save_reject(conn: sqlite3.Connection, source: str, reason: str) -> None:
    with conn:
        conn.execute("INSERT INTO rejects (source, reason) VALUES (?, ?)", (source, reason))
