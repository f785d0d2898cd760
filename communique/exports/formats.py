"""The export formats, registered in one table: the CLI's `export --format` and the API's
`/api/export/{format}` list and write exactly these. Adding a format is one `Format` entry with a
writer; both surfaces pick it up.

Each writer takes an open store, the filters and a file object (text, or binary for parquet) and
returns how many rows it wrote and how many it had to leave out (with the reason in `skip_note`).

jsonl    one canonical event per line: the record's event fields, people, agreements, and
         `sources` (the ids of every article reporting it) with each source's evidence
csv      one row per event, lists joined with '; '
parquet  one row per event (pyarrow): dates as dates, lists as list columns, codes as strings
plover   PLOVER JSON lines as the specification names them (plover.py); events with no date at
         all are left out and counted
mentions one row per (event, article, evidence sentence), like GDELT's Mentions (CSV)
relations      relationship frameworks as JSON lines, each with its reports and evidence
relations-csv  the same, one row per relation (relations.py)
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from communique.errors import UsageError
from communique.exports import relations as relation_export
from communique.exports.mentions import COLUMNS as MENTION_COLUMNS
from communique.exports.mentions import mention_rows
from communique.exports.plover import plover_row
from communique.store import queries
from communique.store import relations as relation_queries

FLAT = ["id", "kind", "subtype", "countries", "date_start", "date_end", "date_precision", "date", "date_text",
        "place", "place_country", "place_geonameid", "place_lat", "place_lon",
        "host", "guest", "historical", "mechanism", "ordinal", "plover_type", "plover_mode", "cameo",
        "confidence", "n_sources", "num_articles", "num_sources", "people", "sources", "urls"]
DATES = ("date_start", "date_end")
INTS = ("ordinal", "n_sources", "num_articles", "num_sources", "place_geonameid")
FLOATS = ("confidence", "place_lat", "place_lon")
LISTS = ("countries", "people", "sources", "urls")

EVENT_FILTERS = ("country", "with_", "kind", "since", "until", "person", "include_historical", "background_only",
                 "text", "limit")
RELATION_FILTERS = ("country", "with_", "since", "until", "limit")


@dataclass(frozen=True)
class Written:
    rows: int
    skipped: int = 0


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str
    rows: str                  # what one row is: "events", "mention rows", "relations"
    filters: tuple[str, ...]   # the filters it takes (EVENT_FILTERS or RELATION_FILTERS)
    write: Callable[[sqlite3.Connection, dict, IO[Any]], Written]
    binary: bool = False
    skip_note: str = ""        # why rows are left out, when some are
    description: str = ""


def full_events(conn: sqlite3.Connection, **filters) -> Iterator[dict]:
    """Canonical events with sources, evidence and agreements (streamed one at a time)."""
    for row in queries.events(conn, order="asc", **filters):
        event = queries.event(conn, row["id"])
        if event is not None:                     # listed, so present (one transaction per article)
            yield event


def jsonl_row(ev: dict) -> dict:
    out = {k: ev[k] for k in ev if k not in ("sources", "sort_date")}
    out["sources"] = [s["article_id"] for s in ev["sources"]]
    out["reports"] = [{"article_id": s["article_id"], "url": s["url"], "outlet": s["outlet"],
                       "published": s["published"], "title": s["title"], "date": s["date"],
                       "evidence": [{k: e[k] for k in ("start", "end", "text", "rule")} for e in s["evidence"]]}
                      for s in ev["sources"]]
    return out


def flat_row(ev: dict) -> dict:
    row = {k: ev.get(k) for k in FLAT}
    row["countries"] = "; ".join(ev["countries"])
    row["people"] = "; ".join(p["name"] for p in ev["people"])
    row["sources"] = "; ".join(s["article_id"] for s in ev["sources"])
    row["urls"] = "; ".join(s["url"] for s in ev["sources"] if s["url"])
    return row


def _jsonl(conn: sqlite3.Connection, filters: dict, fh: IO[str]) -> Written:
    n = 0
    for ev in full_events(conn, **filters):
        fh.write(json.dumps(jsonl_row(ev), ensure_ascii=False) + "\n")
        n += 1
    return Written(n)


def _csv(conn: sqlite3.Connection, filters: dict, fh: IO[str]) -> Written:
    w = csv.DictWriter(fh, fieldnames=FLAT, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in full_events(conn, **filters):
        w.writerow(flat_row(ev))
        n += 1
    return Written(n)


def _plover(conn: sqlite3.Connection, filters: dict, fh: IO[str]) -> Written:
    n = skipped = 0
    for ev in full_events(conn, **filters):
        row = plover_row(ev, queries.event_roles(conn, ev["id"]), queries.event_areas(conn, ev["id"]))
        if row is None:
            skipped += 1
            continue
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return Written(n, skipped)


def _mentions(conn: sqlite3.Connection, filters: dict, fh: IO[str]) -> Written:
    ids = [row["id"] for row in queries.events(conn, order="asc", **filters)]
    w = csv.DictWriter(fh, fieldnames=MENTION_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for row in mention_rows(conn, ids):
        w.writerow(row)
        n += 1
    return Written(n)


def _parquet(conn: sqlite3.Connection, filters: dict, fh: IO[bytes]) -> Written:
    import pyarrow as pa  # here: only this format needs it, and it is slow to import
    import pyarrow.parquet as pq

    rows = []
    for ev in full_events(conn, **filters):
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
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), fh)
    return Written(len(rows))


def _relations_jsonl(conn: sqlite3.Connection, filters: dict, fh: IO[str]) -> Written:
    rows = relation_queries.relations(conn, evidence=True, **filters)
    for r in rows:
        fh.write(json.dumps(relation_export.jsonl_row(r), ensure_ascii=False) + "\n")
    return Written(len(rows))


def _relations_csv(conn: sqlite3.Connection, filters: dict, fh: IO[str]) -> Written:
    rows = relation_queries.relations(conn, evidence=True, **filters)
    w = csv.DictWriter(fh, fieldnames=relation_export.COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(relation_export.csv_row(r) for r in rows)
    return Written(len(rows))


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("jsonl", "application/x-ndjson", ".jsonl", "events", EVENT_FILTERS, _jsonl,
           description="one canonical event per line with its reports and their evidence"),
    Format("csv", "text/csv", ".csv", "events", EVENT_FILTERS, _csv,
           description="one row per event, lists joined with '; '"),
    Format("parquet", "application/vnd.apache.parquet", ".parquet", "events", EVENT_FILTERS, _parquet, binary=True,
           description="one row per event: dates as dates, lists as list columns"),
    Format("plover", "application/x-ndjson", ".jsonl", "events", EVENT_FILTERS, _plover,
           skip_note="without any date left out: PLOVER requires one",
           description="PLOVER JSON lines, fields and vocabularies as the specification names them"),
    Format("mentions", "text/csv", ".csv", "mention rows", EVENT_FILTERS, _mentions,
           description="one row per (event, article, evidence sentence), like GDELT's Mentions"),
    Format("relations", "application/x-ndjson", ".jsonl", "relations", RELATION_FILTERS, _relations_jsonl,
           description="relationship frameworks with their reports and evidence"),
    Format("relations-csv", "text/csv", ".csv", "relations", RELATION_FILTERS, _relations_csv,
           description="relationship frameworks, one row each"),
)}


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown export format '{name}' (one of {', '.join(FORMATS)})") from None


def write(conn: sqlite3.Connection, name: str, fh: IO[Any], **filters) -> Written:
    """Export with the format `name` into `fh`. Filters the format does not take are refused when
    set (a relation export has no `kind`), never silently ignored."""
    fmt = check(name, filters)
    return fmt.write(conn, {k: v for k, v in filters.items() if k in fmt.filters}, fh)


def check(name: str, filters: dict) -> Format:
    """The format, once its filters are known to fit it."""
    fmt = get(name)
    ignored = [k for k, v in filters.items() if v not in (None, "", _UNSET.get(k)) and k not in fmt.filters]
    if ignored:
        takes = [f.rstrip("_") for f in fmt.filters if f != "include_historical"]
        raise UsageError(f"{', '.join(_SHOWN.get(k, k) for k in ignored)}: not a filter of the {name} export; "
                         f"{fmt.rows} take {', '.join(takes)}")
    return fmt


_UNSET = {"include_historical": True, "background_only": False}     # a filter's value when the user did not set it
_SHOWN = {"with_": "with", "include_historical": "news_only"}
