"""One row per (event, article) that reports it, like GDELT's Mentions table: where each report is,
when it was published, which sentences carry the event (character offsets into the stored body)
and how sure the extractor was. `duplicate_of` names the earlier article a report copies, so a
count of independent reports is a count of rows where it is empty."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

COLUMNS = ["event_id", "article_id", "url", "outlet", "published", "duplicate_of", "historical", "confidence",
           "link_reason", "sentence_start", "sentence_end", "sentence"]


def mention_rows(conn: sqlite3.Connection, uids: list[str]) -> Iterator[dict]:
    """Rows for these canonical events (citable ids), in that order then by publication; one per
    evidence sentence."""
    for eid in uids:
        for aid, idx, url, outlet, published, dup, hist, conf, reason in conn.execute(
                "SELECT ae.article_id, ae.idx, a.url, a.outlet, a.published, a.duplicate_of, ae.historical,"
                " ae.confidence, ae.link_reason FROM article_events ae JOIN articles a ON a.id = ae.article_id"
                " WHERE ae.event_id = (SELECT id FROM events WHERE uid = ?) ORDER BY a.published, a.id", (eid,)):
            spans = conn.execute("SELECT start, end, text FROM evidence WHERE article_id = ? AND owner = 'event'"
                                 " AND owner_idx = ? ORDER BY start", (aid, idx)).fetchall() or [(None, None, None)]
            for start, end, text in spans:
                yield {"event_id": eid, "article_id": aid, "url": url, "outlet": outlet, "published": published,
                       "duplicate_of": dup, "historical": bool(hist), "confidence": conf, "link_reason": reason,
                       "sentence_start": start, "sentence_end": end, "sentence": text}
