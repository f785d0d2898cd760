"""Opening the SQLite file: WAL, foreign keys, migrations, and write transactions that wait."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from communique.errors import StoreError
from communique.store.schema import MIGRATIONS

BUSY_TIMEOUT_S = 60


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed). The file stays readable by any SQLite tool.

    Autocommit mode: every write goes through `transaction()`, which takes the write lock up
    front (BEGIN IMMEDIATE) so a second writer waits instead of failing half-way."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such database (create one with: communique ingest INPUT --db {path})")
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database ({exc})") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a communique database ({exc})") from exc
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations this file has not seen, each in its own transaction."""
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"database schema {version} is newer than this communique ({len(MIGRATIONS)})")
        for number, sql in enumerate(MIGRATIONS[version:], version + 1):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers hold ';' inside BEGIN ... END)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


@contextmanager
def transaction(conn: sqlite3.Connection):
    """One write transaction, holding the write lock from the start; rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
