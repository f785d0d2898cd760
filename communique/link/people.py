"""The person registry: one `people` row per real person, found again by any form of the name.

A name joins an existing person of the same country when it is compatible (names.py) with every
full name that person has been given; a name that fits several people joins the one it matches
exactly, or the one holding the same office, and otherwise starts a new row rather than guess.
A person of unknown country joins only an exact full-name match that is unique.
`person_aliases` is an index derived from `article_people` and is rebuilt for each person touched.
"""
from __future__ import annotations

import sqlite3

from communique.link import uids
from communique.link.names import compatible, is_full, name_key, name_tokens, romanisations


def _aliases(conn: sqlite3.Connection, person_id: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT alias FROM person_aliases WHERE person_id = ?", (person_id,))]


def _fits(name: str, aliases: list[str]) -> bool:
    full = [a for a in aliases if is_full(a)] or aliases
    if is_full(name):
        return all(compatible(name, a) for a in full)
    return any(compatible(name, a) for a in full)


def find_person(conn: sqlite3.Connection, name: str, country: str | None, title: str | None) -> int | None:
    tokens = name_tokens(name)
    if not tokens:
        return None
    forms = sorted({form for t in tokens for form in romanisations(t)})
    marks = ",".join("?" * len(forms))
    rows = conn.execute(
        f"SELECT DISTINCT pa.person_id, p.country FROM person_aliases pa JOIN people p ON p.id = pa.person_id"
        f" WHERE pa.token IN ({marks})", forms).fetchall()
    key = name_key(name)
    if country is None:
        exact = [pid for pid, _ in rows if is_full(name) and key in _keys(conn, pid)]
        return exact[0] if len(exact) == 1 else None
    fitting = [pid for pid, c in rows if c == country and _fits(name, _aliases(conn, pid))]
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    exact = [pid for pid in fitting if key in _keys(conn, pid)]
    if len(exact) == 1:
        return exact[0]
    if title:
        same_office = [pid for pid in fitting if conn.execute(
            "SELECT 1 FROM article_people WHERE person_id = ? AND title = ? LIMIT 1", (pid, title)).fetchone()]
        if len(same_office) == 1:
            return same_office[0]
    return None


def _keys(conn: sqlite3.Connection, person_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT DISTINCT alias_key FROM person_aliases WHERE person_id = ?",
                                       (person_id,))}


def link_person(conn: sqlite3.Connection, name: str, country: str | None, title: str | None) -> int:
    """The person id for this name form, creating a person when none fits. Aliases are refreshed."""
    pid = find_person(conn, name, country, title)
    if pid is None:
        pid = uids.insert_row(conn, "INSERT INTO people (name, country) VALUES (?, ?)", (name, country))
    _add_alias(conn, pid, name)
    return pid


def _add_alias(conn: sqlite3.Connection, pid: int, name: str) -> None:
    key = name_key(name)
    conn.executemany("INSERT OR IGNORE INTO person_aliases (person_id, alias, alias_key, token) VALUES (?,?,?,?)",
                     [(pid, name, key, tok) for tok in set(name_tokens(name))])


def refresh_person(conn: sqlite3.Connection, pid: int) -> None:
    """Recompute a person's display name, aliases and article count from the articles that name
    them; a person no article names any more is deleted."""
    rows = conn.execute("SELECT name, count(DISTINCT article_id) FROM article_people WHERE person_id = ?"
                        " GROUP BY name", (pid,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM people WHERE id = ?", (pid,))
        return
    conn.execute("DELETE FROM person_aliases WHERE person_id = ?", (pid,))
    for name, _ in rows:
        _add_alias(conn, pid, name)
    display = min((r[0] for r in rows), key=lambda name: _display_rank(conn, pid, name))
    n = conn.execute("SELECT count(DISTINCT article_id) FROM article_people WHERE person_id = ?", (pid,)).fetchone()[0]
    conn.execute("UPDATE people SET name = ?, n_articles = ? WHERE id = ?", (display, n, pid))


def _display_rank(conn: sqlite3.Connection, pid: int, name: str) -> tuple[int, int, str]:
    """The display name is the fullest form, then the one most articles use, then the first
    alphabetically: a rule on the store's content, so the order articles arrive in never changes it."""
    n = conn.execute("SELECT count(DISTINCT article_id) FROM article_people WHERE person_id = ? AND name = ?",
                     (pid, name)).fetchone()[0]
    return -len(name_tokens(name)), -n, name


def note_person(conn: sqlite3.Connection, pid: int, name: str, first_in_article: bool) -> None:
    """The cheap update when an article names a person: one more article, and the display name
    re-ranked between the current one and this form only (only this form's rank changed, so the
    best of the two is the best of all; _display_rank). refresh_person, which rereads every
    article naming them, is for deletions: a minister in ten thousand articles would slow every insert."""
    if first_in_article:
        conn.execute("UPDATE people SET n_articles = n_articles + 1 WHERE id = ?", (pid,))
    current = conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]
    if name != current and _display_rank(conn, pid, name) < _display_rank(conn, pid, current):
        conn.execute("UPDATE people SET name = ? WHERE id = ?", (name, pid))
