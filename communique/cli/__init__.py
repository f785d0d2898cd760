"""The command line. Errors become one line on stderr and an exit code, never a traceback:
0 all good, 1 some input was rejected (the rest was processed) or a store error, 2 usage error.

app.py          the click group and shared options
ingest_cmds.py  extract, ingest (reading inputs, progress, the closing summary)
read_cmds.py    events, agreements, people, timeline, search, show, stats, rejects
export_cmd.py   export --format NAME (the registry in communique/exports/formats.py)
serve_cmd.py    serve (pages and HTTP API, communique/web)
output.py       tables, --json, --csv
"""
from __future__ import annotations

import sqlite3
import sys

import click

from communique.cli import export_cmd, ingest_cmds, read_cmds, serve_cmd  # noqa: F401  (registers the commands)
from communique.cli.app import main
from communique.errors import CommuniqueError


def run() -> None:
    """Console-script entry: map communique errors to one line and an exit code."""
    try:
        main(standalone_mode=True)
    except CommuniqueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except sqlite3.DatabaseError as exc:
        click.echo(f"error: database: {exc} (is this a communique database? try a new --db path)", err=True)
        sys.exit(1)
    except OverflowError:
        click.echo("error: a number given is out of range", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)


__all__ = ["main", "run"]
