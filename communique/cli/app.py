"""The click group every command hangs on, and the options several commands share."""
from __future__ import annotations

from pathlib import Path

import click

from communique import __version__
from communique.settings import Settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
def main() -> None:
    """communique: structured, evidence-linked records of diplomatic and defence engagements.

    \b
    Build a store:   communique ingest articles.jsonl pages/ --db communique.db
    Ask it:          communique events --country Vietnam --with Russia --since 2024
                     communique show ev-3f2a9c1b7e      (an id `events` lists)
                     communique export --format jsonl --out events.jsonl
    """


def db_option(f):
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
                        help="SQLite file (default communique.db, or $COMMUNIQUE_DB).")(f)


def settings(**overrides) -> Settings:
    return Settings.load(**overrides)


def open_store(db: Path | None, readonly: bool = True):
    from communique import store
    return store.connect(settings(db=str(db) if db else None).db, readonly=readonly)
