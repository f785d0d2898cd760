"""`export`: canonical events for other tools.

jsonl    one canonical event per line: the record's event fields, people, agreements, and
         `sources` (the ids of every article reporting it) with each source's evidence
csv      one row per event, lists joined with '; '
parquet  one row per event (pyarrow), lists as list columns
plover   PLOVER-style JSON lines: actors as lists, event type and mode, citation info
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from communique.cli.app import db_option, main, open_store
from communique.cli.read_cmds import event_filters
from communique.errors import UsageError
from communique.store import queries
from communique.store.queries import MAX_ID

FLAT = ["id", "kind", "subtype", "countries", "date", "date_precision", "date_end", "place", "place_country",
        "host", "guest", "historical", "mechanism", "ordinal", "plover_type", "plover_mode", "cameo",
        "confidence", "n_sources", "people", "sources", "urls"]


def full_events(conn, **filters):
    """Canonical events with sources, evidence and agreements (streamed one at a time)."""
    for row in queries.events(conn, order="asc", **filters):
        yield queries.event(conn, row["id"])


def jsonl_row(ev: dict) -> dict:
    out = {k: ev[k] for k in ev if k not in ("sources", "sort_date")}
    out["sources"] = [s["article_id"] for s in ev["sources"]]
    out["reports"] = [{"article_id": s["article_id"], "url": s["url"], "outlet": s["outlet"],
                       "published": s["published"], "title": s["title"], "date": s["date"],
                       "evidence": [{k: e[k] for k in ("start", "end", "text")} for e in s["evidence"]]}
                      for s in ev["sources"]]
    return out


def flat_row(ev: dict) -> dict:
    row = {k: ev.get(k) for k in FLAT}
    row["countries"] = "; ".join(ev["countries"])
    row["people"] = "; ".join(p["name"] for p in ev["people"])
    row["sources"] = "; ".join(s["article_id"] for s in ev["sources"])
    row["urls"] = "; ".join(s["url"] for s in ev["sources"] if s["url"])
    return row


def plover_row(ev: dict) -> dict:
    """PLOVER/POLECAT-style: the guest (or first country) acts, the host (or the rest) receives."""
    countries = ev["countries"]
    actor = [ev["guest"]] if ev["guest"] else countries[:1]
    recipient = [ev["host"]] if ev["host"] else [c for c in countries if c not in actor]
    people = ev["people"]
    first = ev["sources"][0] if ev["sources"] else {}
    return {
        "event_id": f"communique-{ev['id']}",
        "event_date": ev["date"],
        "event_date_precision": ev["date_precision"],
        "event_type": ev["plover_type"] or "CONSULT",
        "event_mode": ev["plover_mode"],
        "cameo": ev["cameo"],
        "event_text": first.get("evidence", [{}])[0].get("text") if first.get("evidence") else None,
        "actor": actor,
        "actor_people": [p["name"] for p in people if p["country"] in actor],
        "recipient": recipient,
        "recipient_people": [p["name"] for p in people if p["country"] in recipient],
        "location": [{"place_name": ev["place"], "country": ev["place_country"]}] if ev["place"] else [],
        "context": [ev["kind"]] + ([ev["subtype"]] if ev["subtype"] else []),
        "historical": ev["historical"],
        "confidence": ev["confidence"],
        "citation": [{"id": s["article_id"], "url": s["url"], "source": s["outlet"], "headline": s["title"],
                      "publication_date": s["published"]} for s in ev["sources"]],
    }


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover"]), default="jsonl",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default standard output; required for parquet).")
@event_filters
@db_option
def export(fmt: str, out: Path | None, country, with_, kind, since, until, person, news_only, limit,
           db: Path | None) -> None:
    """Export canonical events (all, or those the filters select)."""
    conn = open_store(db)
    filters = dict(country=country, with_=with_, kind=kind, since=since, until=until, person=person,
                   include_historical=not news_only, limit=limit)
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet needs a file: add --out events.parquet")
        n = _parquet(full_events(conn, **filters), out)
    else:
        fh = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            n = _text(fmt, full_events(conn, **filters), fh)
        finally:
            if out:
                fh.close()
    click.echo(f"exported {n} events" + (f" to {out}" if out else ""), err=True)


def _text(fmt: str, events, fh) -> int:
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(fh, fieldnames=FLAT, lineterminator="\n")
        w.writeheader()
    for ev in events:
        if fmt == "csv":
            w.writerow(flat_row(ev))
        else:
            row = jsonl_row(ev) if fmt == "jsonl" else plover_row(ev)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def _parquet(events, out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for ev in events:
        row = flat_row(ev)
        row["countries"] = ev["countries"]
        row["people"] = [p["name"] for p in ev["people"]]
        row["sources"] = [s["article_id"] for s in ev["sources"]]
        row["urls"] = [s["url"] for s in ev["sources"] if s["url"]]
        rows.append(row)
    schema = pa.schema([(k, pa.list_(pa.string())) if k in ("countries", "people", "sources", "urls") else
                        (k, pa.float64() if k == "confidence" else pa.int64() if k in ("id", "ordinal", "n_sources")
                         else pa.bool_() if k == "historical" else pa.string()) for k in FLAT])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
    return len(rows)
