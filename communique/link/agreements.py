"""Canonical agreements: one row per real document, whichever outlets reported it.

Two reports are one agreement when type, countries and status agree, the subjects are compatible
(most of their words shared, or one report gives none) and they are tied to the same moment: the
same canonical event, or dates that are one day or one month. Canonical agreements are the
connected components of that relation over reports (single linkage), whatever the arrival order.
"""
from __future__ import annotations

import sqlite3

import regex

from communique.link import uids
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


def _compatible(a: tuple, b: tuple) -> bool:
    """Two reports (subject, date, event id) of one type, pair and status: one document?"""
    if not subjects_compatible(a[0], b[0]):
        return False
    return (a[2] is not None and a[2] == b[2]) or dates_compatible(a[1], b[1])


def link_article_agreements(conn: sqlite3.Connection, article_id: str) -> None:
    """Single linkage over reports: a report joins every canonical agreement one of whose reports
    it matches, and those become one. The result is the connected components of the 'one document'
    relation, so it does not depend on the order reports arrive in (comparing with a canonical
    row's running subject and date did: a third report could join or not by arrival order)."""
    rows = conn.execute(
        "SELECT aa.idx, aa.type, aa.subject, aa.status, aa.countries, aa.date, ae.event_id"
        " FROM article_agreements aa LEFT JOIN article_events ae"
        " ON ae.article_id = aa.article_id AND ae.idx = aa.event_idx WHERE aa.article_id = ? ORDER BY aa.idx",
        (article_id,)).fetchall()
    taken: set[int] = set()
    for idx, type_, subject, status, countries, date, event_id in rows:
        members: dict[int, list[tuple]] = {}
        for gid, other, subj, adate, aevent in conn.execute(
                "SELECT aa.agreement_id, aa.article_id, aa.subject, aa.date, ae.event_id FROM article_agreements aa"
                " LEFT JOIN article_events ae ON ae.article_id = aa.article_id AND ae.idx = aa.event_idx"
                " WHERE aa.type = ? AND aa.countries = ? AND aa.status = ? AND aa.agreement_id IS NOT NULL"
                " AND aa.article_id != ?", (type_, countries, status, article_id)):
            members.setdefault(gid, []).append((subj, adate, aevent, other))
        mine = (subject, date, event_id)
        found = sorted(gid for gid, reports in members.items()
                       if gid not in taken and any(_compatible(mine, r) for r in reports))
        if not found:
            chosen = uids.insert_row(conn, "INSERT INTO agreements (type, status, countries) VALUES (?, ?, ?)",
                                     (type_, status, countries))
        else:
            chosen = found[0]
            seen = {r[3] for r in members[chosen]}
            for other in found[1:]:           # this report bridges them: one document
                articles = {r[3] for r in members[other]}
                if articles & seen:
                    continue                  # one article's two documents stay two
                conn.execute("UPDATE article_agreements SET agreement_id = ? WHERE agreement_id = ?", (chosen, other))
                refresh_agreement(conn, other)
                seen |= articles
        taken.add(chosen)
        conn.execute("UPDATE article_agreements SET agreement_id = ? WHERE article_id = ? AND idx = ?",
                     (chosen, article_id, idx))
        refresh_agreement(conn, chosen)


def refresh_agreement(conn: sqlite3.Connection, agreement_id: int) -> None:
    """Recompute from the reports; delete when none is left."""
    rows = conn.execute(
        "SELECT aa.subject, aa.date, aa.date_precision, ae.event_id, aa.article_id, aa.type, aa.status,"
        " aa.countries, aa.idx, a.published FROM article_agreements aa LEFT JOIN article_events ae"
        " ON ae.article_id = aa.article_id AND ae.idx = aa.event_idx JOIN articles a ON a.id = aa.article_id"
        " WHERE aa.agreement_id = ?"
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
    uids.assign(conn, agreement_id, [(r[4], r[8], r[9]) for r in rows], uids.AGREEMENT_PREFIX)
    conn.execute("DELETE FROM agreement_countries WHERE agreement_id = ?", (agreement_id,))
    conn.executemany("INSERT INTO agreement_countries (agreement_id, country) VALUES (?, ?)",
                     [(agreement_id, c) for c in rows[0][7].split(",") if c])
