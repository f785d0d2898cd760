"""The command line. Errors become one line on stderr and an exit code, never a traceback:
0 all good, 1 some input was rejected (the rest was processed), 2 usage error."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from communique import __version__
from communique.errors import CommuniqueError, InputRejected
from communique.ingest import read_inputs
from communique.model import Article
from communique.settings import Settings


class Batch:
    """Counts and rejections for one run; prints the closing summary."""

    def __init__(self) -> None:
        self.read = self.done = 0
        self.rejected: list[InputRejected] = []
        self.ids: dict[str, str] = {}

    def articles(self, inputs, settings: Settings):
        for item in read_inputs(inputs, settings.max_bytes):
            self.read += 1
            if isinstance(item, InputRejected):
                self.reject(item)
                continue
            if item.encoding == "cp1252":
                click.echo(f"note: {item.source}: not UTF-8, decoded as cp1252", err=True)
            if item.id in self.ids:
                self.reject(InputRejected(item.source, f"duplicate id '{item.id}' (first read from {self.ids[item.id]})"))
                continue
            self.ids[item.id] = item.source
            yield item

    def reject(self, item: InputRejected) -> None:
        self.rejected.append(item)
        click.echo(f"rejected: {item.source}: {item.reason}", err=True)

    def summary(self, verb: str) -> int:
        click.echo(f"read {self.read}, {verb} {self.done}, rejected {len(self.rejected)}", err=True)
        for r in self.rejected:
            click.echo(f"  - {r.source}: {r.reason}", err=True)
        return 1 if self.rejected else 0


def _settings(**overrides) -> Settings:
    return Settings.load(**overrides)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
def main() -> None:
    """communique: structured, evidence-linked records of diplomatic and defence engagements."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Write DIR/<id>.json per article (default: JSON lines on stdout).")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Reject inputs larger than this (default 10 MB).")
def extract(inputs: tuple[str, ...], out: Path | None, max_bytes: int | None) -> None:
    """Extract records from INPUTS: .txt/.html/.jsonl files, directories, or - for stdin."""
    from communique.pipeline import extract as run

    settings = _settings(max_bytes=max_bytes)
    batch = Batch()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for record in run(batch.articles(inputs, settings), settings):
        data = json.dumps(record.as_dict(), ensure_ascii=False, indent=None if out is None else 1)
        if out is None:
            click.echo(data)
        else:
            _write_atomic(out / f"{_safe(record.id)}.json", data + "\n")
        batch.done += 1
    sys.exit(batch.summary("extracted"))


def _safe(article_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in article_id)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="SQLite file (default communique.db).")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Reject inputs larger than this (default 10 MB).")
@click.option("--quiet", is_flag=True, help="Only the summary, not each article.")
def ingest(inputs: tuple[str, ...], db: Path | None, max_bytes: int | None, quiet: bool) -> None:
    """Extract INPUTS and store them in the SQLite database; print what was found."""
    from communique import store
    from communique.pipeline import extract as run

    settings = _settings(max_bytes=max_bytes, db=str(db) if db else None)
    conn = store.connect(settings.db)
    batch = Batch()
    outcomes: dict[str, int] = {}
    for record in run(batch.articles(inputs, settings), settings):
        outcome = store.save(conn, record)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        batch.done += 1
        if not quiet:
            click.echo(f"{record.id}  {record.published or '----------'}  {record.title or ''}".rstrip())
            for p in record.people:
                bits = ", ".join(x for x in (p.title, p.country) if x)
                click.echo(f"    {p.name}" + (f" ({bits})" if bits else ""))
    for r in batch.rejected:
        store.save_reject(conn, r.source, r.reason)
    conn.close()
    detail = ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items()))
    click.echo(f"stored in {settings.db}" + (f": {detail}" if detail else ""), err=True)
    sys.exit(batch.summary("stored"))


def run() -> None:
    """Console-script entry: map communique errors to one line and an exit code."""
    try:
        main(standalone_mode=True)
    except CommuniqueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    run()
