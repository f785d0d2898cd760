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
    front (BEGIN IMMEDIATE) so a second writer waits instead of failing half-way. `readonly`
    (every read command, `serve`) opens the file with mode=ro: nothing is created or migrated."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such database (create one with: communique ingest INPUT --db {path})")
    if readonly:
        return open_readonly(path)
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


def connect_ro(path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A plain read-only connection (URI mode=ro), for a store already checked (open_readonly);
    `busy_timeout_s`: how long a read waits for a lock before it fails."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout_s,
                               isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database ({exc})") from exc
    return conn


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection (URI mode=ro) to a communique store of this version, or a StoreError
    saying why not: not a SQLite file, not a communique store, a schema older or newer than this
    communique's."""
    conn = connect_ro(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_articles = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a communique database ({exc})") from exc
    if not has_articles or version == 0:
        conn.close()
        raise StoreError(f"{path}: not a communique database (no articles table)")
    if version != len(MIGRATIONS):
        conn.close()
        newer = version > len(MIGRATIONS)
        raise StoreError(f"{path}: database schema {version} is {'newer' if newer else 'older'} than this "
                         f"communique's ({len(MIGRATIONS)})" + ("" if newer else "; run communique ingest once to upgrade it"))
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
