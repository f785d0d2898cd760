"""Canonical agreements: one row per real document, whichever outlets reported it.

Two reports are one agreement when type, countries and status agree, the subjects are compatible
(most of their words shared, or one report gives none) and they are tied to the same moment: the
same canonical event, or dates that are one day or one month.
"""
from __future__ import annotations

import sqlite3

import regex

from communique.link.events import sort_key, when
from communique.link.names import fold
from communique.link.pick import best_date, most_common

_WORD = regex.compile(r"\w+")
_STOP = frozenset("the a an of and on in for to with between at by".split())


def subject_words(subject: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(subject or "")) if w not in _STOP)


def subjects_compatible(a: str | None, b: str | None) -> bool:
    wa, wb = subject_words(a), subject_words(b)
    if not wa or not wb:
        return True
    return len(wa & wb) / len(wa | wb) >= 0.5


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Both dated to at least a month of a known year, and the same day or month."""
    wa, wb = when(a), when(b)
    if not (wa.year and wa.month and wb.year and wb.month):
        return False
    if (wa.year, wa.month) != (wb.year, wb.month):
        return False
    return not (wa.day and wb.day and wa.day != wb.day)


def link_article_agreements(conn: sqlite3.Connection, article_id: str) -> None:
    rows = conn.execute(
        "SELECT aa.idx, aa.type, aa.subject, aa.status, aa.countries, aa.date, ae.event_id"
        " FROM article_agreements aa LEFT JOIN article_events ae"
        " ON ae.article_id = aa.article_id AND ae.idx = aa.event_idx WHERE aa.article_id = ? ORDER BY aa.idx",
        (article_id,)).fetchall()
    taken: set[int] = set()
    for idx, type_, subject, status, countries, date, event_id in rows:
        chosen = None
        for aid, subj, adate, aevent in conn.execute(
                "SELECT id, subject, date, event_id FROM agreements WHERE type = ? AND countries = ? AND status = ?",
                (type_, countries, status)):
            if aid in taken or not subjects_compatible(subject, subj):
                continue
            if (event_id is not None and event_id == aevent) or dates_compatible(date, adate):
                chosen = aid
                break
        if chosen is None:
            chosen = conn.execute("INSERT INTO agreements (type, status, countries) VALUES (?, ?, ?)",
                                  (type_, status, countries)).lastrowid
        taken.add(chosen)
        conn.execute("UPDATE article_agreements SET agreement_id = ? WHERE article_id = ? AND idx = ?",
                     (chosen, article_id, idx))
        refresh_agreement(conn, chosen)


def refresh_agreement(conn: sqlite3.Connection, agreement_id: int) -> None:
    """Recompute from the reports; delete when none is left."""
    rows = conn.execute(
        "SELECT aa.subject, aa.date, aa.date_precision, ae.event_id, aa.article_id, aa.type, aa.status,"
        " aa.countries FROM article_agreements aa LEFT JOIN article_events ae"
        " ON ae.article_id = aa.article_id AND ae.idx = aa.event_idx WHERE aa.agreement_id = ?"
        " ORDER BY aa.article_id, aa.idx",   # ties in most_common go the same way whatever the ingest order
        (agreement_id,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM agreements WHERE id = ?", (agreement_id,))
        return
    best = best_date((r[1], r[2], None) for r in rows)
    date, precision = best[:2] if best else (None, None)
    sort_date = sort_key(date)
    event_id = most_common(r[3] for r in rows)
    if sort_date is None and event_id is not None:
        # an undated document signed at a dated meeting sorts and filters by that meeting
        sort_date = conn.execute("SELECT sort_date FROM events WHERE id = ?", (event_id,)).fetchone()[0]
    conn.execute("UPDATE agreements SET subject=?, date=?, date_precision=?, sort_date=?, event_id=?, n_sources=?"
                 " WHERE id=?", (most_common(r[0] for r in rows), date, precision, sort_date,
                                 event_id, len({r[4] for r in rows}), agreement_id))
    conn.execute("DELETE FROM agreement_countries WHERE agreement_id = ?", (agreement_id,))
    conn.executemany("INSERT INTO agreement_countries (agreement_id, country) VALUES (?, ?)",
                     [(agreement_id, c) for c in rows[0][7].split(",") if c])
