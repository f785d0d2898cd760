"""`export`: canonical events for other tools.

jsonl    one canonical event per line: the record's event fields, people, agreements, and
         `sources` (the ids of every article reporting it) with each source's evidence
csv      one row per event, lists joined with '; '
parquet  one row per event (pyarrow): dates as dates, lists as list columns, codes as strings
plover   PLOVER JSON lines as the specification names them (exports/plover.py); events with no
         date at all are left out and counted
mentions one row per (event, article, evidence sentence), like GDELT's Mentions (CSV)
relations      relationship frameworks as JSON lines, each with its reports and evidence
relations-csv  the same, one row per relation (exports/relations.py); --country, --with,
               --since and --until select (by the date set up), the other filters are events'
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import click

from communique.cli.app import db_option, main, open_store
from communique.cli.read_cmds import event_filters
from communique.errors import UsageError
from communique.exports import relations as relation_export
from communique.exports.mentions import COLUMNS, mention_rows
from communique.exports.plover import plover_row
from communique.store import queries

FLAT = ["id", "kind", "subtype", "countries", "date_start", "date_end", "date_precision", "date", "date_text",
        "place", "place_country", "place_geonameid", "place_lat", "place_lon",
        "host", "guest", "historical", "mechanism", "ordinal", "plover_type", "plover_mode", "cameo",
        "confidence", "n_sources", "num_articles", "num_sources", "people", "sources", "urls"]
DATES = ("date_start", "date_end")
INTS = ("ordinal", "n_sources", "num_articles", "num_sources", "place_geonameid")
FLOATS = ("confidence", "place_lat", "place_lon")
LISTS = ("countries", "people", "sources", "urls")


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


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "mentions", "relations", "relations-csv"]), default="jsonl",
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
    skipped = 0
    if fmt.startswith("relations"):
        if kind or person or news_only or limit:
            raise UsageError("--kind, --person, --news-only and --limit select events; relations take "
                             "--country, --with, --since and --until")
        n = _relations(conn, fmt, out, country=country, with_=with_, since=since, until=until)
        click.echo(f"exported {n} relations" + (f" to {out}" if out else ""), err=True)
        return
    if fmt == "parquet":
        if out is None:
            raise UsageError("parquet needs a file: add --out events.parquet")
        n = _parquet(full_events(conn, **filters), out)
    else:
        fh = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            if fmt == "mentions":
                ids = [row["id"] for row in queries.events(conn, order="asc", **filters)]
                n = _mentions(conn, ids, fh)
            elif fmt == "plover":
                n, skipped = _plover(conn, full_events(conn, **filters), fh)
            else:
                n = _text(fmt, full_events(conn, **filters), fh)
        finally:
            if out:
                fh.close()
    what = "mention rows" if fmt == "mentions" else "events"
    note = f" ({skipped} without any date left out: PLOVER requires one)" if skipped else ""
    click.echo(f"exported {n} {what}" + (f" to {out}" if out else "") + note, err=True)


def _relations(conn, fmt: str, out: Path | None, **filters) -> int:
    from communique.store import relations as relation_queries

    rows = relation_queries.relations(conn, evidence=True, **filters)
    fh = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "relations-csv":
            w = csv.DictWriter(fh, fieldnames=relation_export.COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(relation_export.csv_row(r) for r in rows)
        else:
            for r in rows:
                fh.write(json.dumps(relation_export.jsonl_row(r), ensure_ascii=False) + "\n")
    finally:
        if out:
            fh.close()
    return len(rows)


def _text(fmt: str, events, fh) -> int:
    n = 0
    if fmt == "csv":
        w = csv.DictWriter(fh, fieldnames=FLAT, lineterminator="\n")
        w.writeheader()
    for ev in events:
        if fmt == "csv":
            w.writerow(flat_row(ev))
        else:
            fh.write(json.dumps(jsonl_row(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def _plover(conn, events, fh) -> tuple[int, int]:
    n = skipped = 0
    for ev in events:
        row = plover_row(ev, queries.event_roles(conn, ev["id"]), queries.event_areas(conn, ev["id"]))
        if row is None:
            skipped += 1
            continue
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n, skipped


def _mentions(conn, ids: list[str], fh) -> int:
    w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for row in mention_rows(conn, ids):
        w.writerow(row)
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
        for k in DATES:
            row[k] = dt.date.fromisoformat(row[k]) if row[k] else None
        rows.append(row)
    schema = pa.schema([(k, pa.list_(pa.string())) if k in LISTS else
                        (k, pa.date32() if k in DATES else pa.float64() if k in FLOATS else pa.int64() if k in INTS
                         else pa.bool_() if k == "historical" else pa.string()) for k in FLAT])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
    return len(rows)
