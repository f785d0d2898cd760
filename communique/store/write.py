"""Writing one article: the record's facts as rows, then linking, all in one transaction.

An article is stored whole or not at all: a process killed half-way leaves the previous state.
The same article again changes nothing; a changed article replaces its earlier version (and the
canonical rows it fed are recomputed).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from typing import Any

import regex

from communique.errors import IdCollision
from communique.link import similarity, uids
from communique.link.agreements import link_article_agreements, refresh_agreement
from communique.link.canonical import link_article_events, refresh_event
from communique.link.events import EventView, anchor
from communique.link.people import link_person, note_person, refresh_person
from communique.link.relations import blocks_of, link_article_relations, relink_block
from communique.model import Record
from communique.store.db import transaction


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _data(record: Record | dict) -> dict[str, Any]:
    return record if isinstance(record, dict) else record.as_dict()


def stored_input_hash(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT input_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def save(conn: sqlite3.Connection, record: Record | dict, input_hash: str | None = None) -> str:
    """Store one article whole. Returns 'added', 'replaced' or 'unchanged'."""
    data = _data(record)
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    digest = body_hash(data["body"])
    with transaction(conn):
        row = conn.execute("SELECT content_hash, record_json, source FROM articles WHERE id = ?",
                           (data["id"],)).fetchone()
        if row and row[0] != digest and _other_file(row[2], data.get("source")):
            raise IdCollision(f"id '{data['id']}' is already stored from {row[2]} (a different text); "
                              "rename one of the files to keep both")
        if row and row[0] == digest and row[1] == payload:
            if input_hash:
                conn.execute("UPDATE articles SET input_hash = ? WHERE id = ?", (input_hash, data["id"]))
            return "unchanged"
        if row:
            _delete(conn, data["id"])
        _insert(conn, data, payload, digest, input_hash)
        if data.get("source"):
            conn.execute("DELETE FROM rejects WHERE source = ?", (data["source"],))   # stored now: no longer rejected
    return "replaced" if row else "added"


_LINE_OF_FILE = regex.compile(r":\d+$")


def _other_file(stored: str | None, new: str | None) -> bool:
    """Two different files whose names gave the same id ('d1/report.txt', 'd2/report.txt'). JSON
    lines carry their ids (a changed row replaces the old one), stdin and request bodies get ids
    from their content."""
    if not stored or not new or stored.startswith("<") or new.startswith("<"):
        return False
    if _LINE_OF_FILE.search(stored) or _LINE_OF_FILE.search(new):
        return False
    return os.path.realpath(stored) != os.path.realpath(new)


def delete(conn: sqlite3.Connection, article_id: str) -> bool:
    """Remove an article and everything it contributed; canonical rows are recomputed."""
    with transaction(conn):
        return _delete(conn, article_id)


def _delete(conn: sqlite3.Connection, article_id: str) -> bool:
    events = [r[0] for r in conn.execute(
        "SELECT DISTINCT event_id FROM article_events WHERE article_id = ? AND event_id IS NOT NULL", (article_id,))]
    agreements = [r[0] for r in conn.execute(
        "SELECT DISTINCT agreement_id FROM article_agreements WHERE article_id = ? AND agreement_id IS NOT NULL",
        (article_id,))]
    people = [r[0] for r in conn.execute(
        "SELECT DISTINCT person_id FROM article_people WHERE article_id = ? AND person_id IS NOT NULL", (article_id,))]
    relation_blocks = blocks_of(conn, article_id)
    gone = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
    conn.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of = ?", (article_id,))
    for aid in agreements:
        refresh_agreement(conn, aid)
    for block in relation_blocks:
        relink_block(conn, *block)
    for eid in events:
        refresh_event(conn, eid)
    for pid in people:
        refresh_person(conn, pid)
        uids.refound_person(conn, pid)
    return bool(gone)


NEIGHBOURS_PER_BAND = 50     # a bucket of boilerplate text can hold thousands: look at some
MAX_NEIGHBOURS = 20


def _neighbours(conn: sqlite3.Connection, article_id: str, sig: bytes,
                bands: list[tuple[int, int]] | None = None) -> tuple[list[str], str | None]:
    """Articles sharing LSH bands with this one (those sharing most, bounded), and the earliest
    near-duplicate among them."""
    found: dict[str, int] = {}
    for band, h in bands if bands is not None else similarity.bands(sig):
        for (other,) in conn.execute("SELECT article_id FROM article_bands WHERE band = ? AND hash = ? LIMIT ?",
                                     (band, h, NEIGHBOURS_PER_BAND)):
            if other != article_id:
                found[other] = found.get(other, 0) + 1
    best = sorted(found, key=lambda k: (-found[k], k))[:MAX_NEIGHBOURS]
    found = {k: found[k] for k in best}
    duplicate_of = None
    for other in sorted(found):
        row = conn.execute("SELECT minhash, duplicate_of FROM articles WHERE id = ?", (other,)).fetchone()
        if row and similarity.jaccard(sig, row[0]) >= similarity.DUPLICATE:
            duplicate_of = row[1] or other
            break
    return sorted(found), duplicate_of


def _insert(conn: sqlite3.Connection, data: dict, payload: str, digest: str, input_hash: str | None) -> None:
    aid = data["id"]
    sig = similarity.signature(data["body"])
    bands = similarity.bands(sig)
    neighbours, duplicate_of = _neighbours(conn, aid, sig, bands)
    conn.execute(
        "INSERT INTO articles (id, url, outlet, title, published, published_source, body, content_hash, source,"
        " record_json, input_hash, duplicate_of, minhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (aid, data.get("url"), data.get("outlet"), data.get("title"), data.get("published"),
         data.get("published_source"), data["body"], digest, data.get("source"), payload, input_hash,
         duplicate_of, sig))
    conn.executemany("INSERT INTO article_bands (band, hash, article_id) VALUES (?,?,?)",
                     [(b, h, aid) for b, h in bands])
    person_of = _insert_people(conn, aid, data.get("people") or [], data.get("published"))
    _insert_events(conn, data, person_of)
    _insert_agreements(conn, aid, data.get("agreements") or [])
    _insert_areas_statements(conn, aid, data)
    _insert_relations(conn, aid, data.get("relations") or [])
    link_article_events(conn, aid, neighbours)
    link_article_agreements(conn, aid)
    link_article_relations(conn, aid)


def _insert_people(conn: sqlite3.Connection, aid: str, people: list[dict],
                   published: str | None) -> dict[str, tuple[int, str | None]]:
    """article_people rows linked to the registry; name -> (person id, country)."""
    person_of: dict[str, tuple[int, str | None]] = {}
    counted: set[int] = set()
    for idx, p in enumerate(people):
        pid = link_person(conn, p["name"], p.get("country"), p.get("title"))
        conn.execute("INSERT INTO article_people (article_id, idx, name, title, rank, country, person_id)"
                     " VALUES (?,?,?,?,?,?,?)", (aid, idx, p["name"], p.get("title"), p.get("rank"),
                                                 p.get("country"), pid))
        conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                         [(aid, idx, m["start"], m["end"], m["text"]) for m in p.get("mentions") or []])
        person_of.setdefault(p["name"], (pid, p.get("country")))
        note_person(conn, pid, p["name"], first_in_article=pid not in counted)
        uids.found_person(conn, pid, aid, idx, published)
        counted.add(pid)
    return person_of


def _evidence(conn: sqlite3.Connection, aid: str, owner: str, idx: int | None, spans: list[dict],
              area: str | None = None) -> None:
    conn.executemany("INSERT INTO evidence (article_id, owner, owner_idx, area, start, end, text, rule)"
                     " VALUES (?,?,?,?,?,?,?,?)",
                     [(aid, owner, idx, area, s["start"], s["end"], s["text"], s.get("rule")) for s in spans])


def _insert_events(conn: sqlite3.Connection, data: dict, person_of: dict) -> None:
    aid = data["id"]
    for idx, e in enumerate(data.get("events") or []):
        place = e.get("place_normalised") or {}
        countries = ",".join(sorted(e.get("countries") or []))
        view = EventView(aid, idx, e["kind"], countries, date=e.get("date"), date_source=e.get("date_source"),
                         published=data.get("published"))
        conn.execute(
            "INSERT INTO article_events (article_id, idx, kind, subtype, countries, date, date_precision,"
            " date_source, date_end, place, place_name, place_country, host, guest, historical, mechanism,"
            " ordinal, confidence, anchor, data_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, idx, e["kind"], e.get("subtype"), countries, e.get("date"), e.get("date_precision"),
             e.get("date_source"), e.get("date_end"), e.get("place"), place.get("name") or e.get("place"),
             place.get("country"), e.get("host"), e.get("guest"), int(bool(e.get("historical"))),
             e.get("mechanism"), e.get("ordinal"), e.get("confidence"), anchor(view),
             json.dumps(e, ensure_ascii=False, sort_keys=True)))
        for name in dict.fromkeys(e.get("people") or []):
            pid = person_of.get(name, (None, None))[0]
            conn.execute("INSERT INTO participants (article_id, event_idx, person_id, name) VALUES (?,?,?,?)",
                         (aid, idx, pid, name))
        _evidence(conn, aid, "event", idx, e.get("evidence") or [])


def _insert_agreements(conn: sqlite3.Connection, aid: str, agreements: list[dict]) -> None:
    for idx, a in enumerate(agreements):
        conn.execute(
            "INSERT INTO article_agreements (article_id, idx, type, subject, status, countries, date,"
            " date_precision, date_source, event_idx, signatories) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (aid, idx, a["type"], a.get("subject"), a.get("status") or "signed",
             ",".join(sorted(a.get("countries") or [])), a.get("date"), a.get("date_precision"),
             a.get("date_source"), a.get("event"), json.dumps(a.get("signatories") or [], ensure_ascii=False)))
        _evidence(conn, aid, "agreement", idx, a.get("evidence") or [])


def _insert_relations(conn: sqlite3.Connection, aid: str, relations: list[dict]) -> None:
    """A relation names two states (guidelines); a record with another count is kept in record_json
    but not linked."""
    for idx, r in enumerate(relations):
        pair = sorted(set(r.get("countries") or []))
        if len(pair) != 2 or not r.get("level") or r.get("status") not in ("established", "current", "planned"):
            continue
        conn.execute(
            "INSERT INTO article_relations (article_id, idx, a, b, level, status, date, date_precision, date_source,"
            " date_text) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (aid, idx, pair[0], pair[1], r["level"], r["status"], r.get("date"), r.get("date_precision"),
             r.get("date_source"), r.get("date_text")))
        _evidence(conn, aid, "relation", idx, r.get("evidence") or [])


def _insert_areas_statements(conn: sqlite3.Connection, aid: str, data: dict) -> None:
    for area in dict.fromkeys(data.get("areas") or []):
        conn.execute("INSERT INTO article_areas (article_id, area) VALUES (?, ?)", (aid, area))
        _evidence(conn, aid, "area", None, (data.get("area_evidence") or {}).get(area) or [], area=area)
    for idx, s in enumerate(data.get("statements") or []):
        conn.execute("INSERT INTO statements (article_id, idx, position, text, speaker, speaker_country)"
                     " VALUES (?,?,?,?,?,?)", (aid, idx, s["position"], s.get("text"), s.get("speaker"),
                                              s.get("speaker_country")))
        _evidence(conn, aid, "statement", idx, s.get("evidence") or [])


def save_reject(conn: sqlite3.Connection, source: str, reason: str) -> None:
    """One row per rejected input: a rerun replaces its reason instead of adding another row."""
    with transaction(conn):
        conn.execute("DELETE FROM rejects WHERE source = ?", (source,))
        conn.execute("INSERT INTO rejects (source, reason) VALUES (?, ?)", (source, reason))
