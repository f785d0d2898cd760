"""`export`: canonical events (or relations) for other tools, in the formats of
communique/exports/formats.py (the API's /api/export/{format} writes the same)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import click

from communique.cli.app import db_option, main, open_store
from communique.cli.read_cmds import event_filters
from communique.errors import UsageError
from communique.exports import formats


@main.command()
@click.option("--format", "fmt", type=click.Choice(list(formats.FORMATS)), default="jsonl", show_default=True,
              help="; ".join(f"{f.name}: {f.description}" for f in formats.FORMATS.values()))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default standard output; required for parquet).")
@event_filters
@db_option
def export(fmt: str, out: Path | None, country, with_, kind, since, until, person, news_only, background_only,
           text, limit, db: Path | None) -> None:
    """Export canonical events (all, or those the filters select), or relationship frameworks
    (--format relations / relations-csv: --country, --with, --since, --until select them).

    
    Examples:
      communique export --format csv --country VNM --out vietnam.csv
      communique export --format parquet --since 2020 --out events.parquet
      communique export --format relations-csv --out relations.csv
    """
    conn = open_store(db)
    spec = formats.get(fmt)
    filters = dict(country=country, with_=with_, kind=kind, since=since, until=until, person=person,
                   include_historical=not news_only, background_only=background_only, text=text, limit=limit)
    if spec.binary and out is None:
        raise UsageError(f"{fmt} needs a file: add --out export{spec.suffix}")
    formats.check(fmt, filters)                       # before a file is created
    fh: IO[Any] = sys.stdout
    if out:
        fh = out.open("wb") if spec.binary else out.open("w", encoding="utf-8", newline="")
    try:
        done = formats.write(conn, fmt, fh, **filters)
    finally:
        if out:
            fh.close()
    note = f" ({done.skipped} {spec.skip_note})" if done.skipped else ""
    click.echo(f"exported {done.rows} {spec.rows}" + (f" to {out}" if out else "") + note, err=True)
