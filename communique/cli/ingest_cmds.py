"""`extract` and `ingest`: read inputs (rejecting bad ones with a reason), run the pipeline, write."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from communique import __version__
from communique.cli.app import db_option, main
from communique.cli.app import settings as _settings
from communique.errors import IdCollision, InputRejected, StoreError, UsageError
from communique.ingest import read_inputs
from communique.ingest.readers import shown
from communique.model import Record
from communique.settings import Settings

ner_option = click.option("--ner", is_flag=True, default=None,
                          help="Also run spaCy's statistical NER on engagement sentences (slower; or $COMMUNIQUE_NER=1).")


class Batch:
    """Counts and rejections for one run; prints the closing summary."""

    def __init__(self, on_reject=None, quiet: bool = False) -> None:
        self.read = self.done = 0
        self.quiet = quiet                  # only the closing summary (which lists every reject)
        self.rejected: list[InputRejected] = []
        self.ids: dict[str, str] = {}
        self.on_reject = on_reject          # ingest stores each reject as it happens

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
        if not self.quiet:
            click.echo(f"rejected: {shown(item.source)}: {item.reason}", err=True)
        if self.on_reject is not None:
            self.on_reject(item)

    def summary(self, verb: str) -> int:
        click.echo(f"read {self.read}, {verb} {self.done}, rejected {len(self.rejected)}", err=True)
        for r in self.rejected:
            click.echo(f"  - {shown(r.source)}: {r.reason}", err=True)
        return 1 if self.rejected else 0


def _write_atomic(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file renamed into place (removed if writing fails),
    with the mode the user's umask gives new files (mkstemp's own is 0600)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Write DIR/<id>.json per article (default: JSON lines on stdout).")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Reject inputs larger than this (default 10 MB).")
@click.option("--processes", type=click.IntRange(min=1), help="Worker processes (default 1, or $COMMUNIQUE_PROCESSES).")
@ner_option
def extract(inputs: tuple[str, ...], out: Path | None, max_bytes: int | None, processes: int | None,
            ner: bool | None) -> None:
    """Extract records from INPUTS: .txt/.html/.jsonl files, directories, or - for stdin.

    
    Examples:
      communique extract article.html
      communique extract articles.jsonl pages/ --out records/
      cat page.txt | communique extract -
    """
    from communique.pipeline import extract as run

    settings = _settings(max_bytes=max_bytes, processes=processes, ner=ner)
    batch = Batch()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for record in run(batch.articles(inputs, settings), settings):
        if isinstance(record, InputRejected):
            batch.reject(record)
            continue
        data = json.dumps(record.as_dict(), ensure_ascii=False, indent=None if out is None else 1)
        if out is None:
            click.echo(data)
        else:
            _write_atomic(out / file_name(record.id), data + "\n")
        batch.done += 1
    sys.exit(batch.summary("extracted"))


def file_name(article_id: str) -> str:
    """A file name for an article id, collision-free and reversible (urllib.parse.unquote gives the
    id back): 'a/b', 'a_b' and 'a?b' become 'a%2Fb.json', 'a_b.json' and 'a%3Fb.json'."""
    from urllib.parse import quote
    name = quote(article_id, safe="-_") or "%00"
    return ("%2E" + name[1:] if name.startswith(".") else name) + ".json"




def input_hash(article, ner: bool = False) -> str:
    """What was read, with the extractor's version and mode: the same input again needs no extraction."""
    h = hashlib.sha256(__version__.encode() + (b"+ner" if ner else b""))
    for part in (article.id, article.url, article.outlet, article.title, article.published, article.raw_text):
        h.update(b"\x00" + (part or "").encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _progress(total: int | None, quiet: bool):
    from tqdm import tqdm
    tqdm.monitor_interval = 0          # no monitor thread: extraction workers may then be forked
    return tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False,
                disable=True if quiet else None, mininterval=0.5)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--max-bytes", type=click.IntRange(min=1), help="Reject inputs larger than this (default 10 MB).")
@click.option("-v", "--verbose", is_flag=True, help="Also list each article stored: its people and engagements.")
@click.option("--quiet", is_flag=True, help="Only the closing summary: no progress bar, no line per reject.")
@click.option("--force", is_flag=True, help="Extract again even articles stored from the same input.")
@click.option("--processes", type=click.IntRange(min=1), help="Worker processes extracting (default 1); one writer.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this machine, or the workers of a dask.distributed cluster.")
@click.option("--scheduler", help="The dask scheduler's address (tcp://HOST:8786) for --engine dask.")
@ner_option
def ingest(inputs: tuple[str, ...], db: Path | None, max_bytes: int | None, verbose: bool, quiet: bool, force: bool,
           processes: int | None, engine: str, scheduler: str | None, ner: bool | None) -> None:
    """Extract INPUTS and store them in the SQLite database, linking people and events across articles.

    Each article is one transaction: an interrupted run leaves no partial article, and running it
    again completes it. Articles already stored from the same input are skipped without extraction.
    Shows a progress bar (on a terminal), a line per rejected input and a closing summary.

    \b
    Examples:
      communique ingest articles.jsonl pages/ --db corpus.db
      communique ingest feed.jsonl --processes 4 -v       # list each article as it is stored
      communique ingest big.jsonl --engine dask --scheduler tcp://10.0.0.5:8786"""
    from communique import store
    from communique.ingest.readers import count_articles
    from communique.pipeline import extract

    run: Callable[..., Iterator[Record | InputRejected]] = extract
    if engine == "dask":
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        from communique.engine_dask import extract_on_dask

        def on_dask(articles, settings):                  # the dask engine replaces the local one
            return iter(extract_on_dask(articles, settings, scheduler))
        run = on_dask

    settings = _settings(max_bytes=max_bytes, db=str(db) if db else None, processes=processes, ner=ner)
    conn = store.connect(settings.db)
    batch = Batch(on_reject=lambda r: store.save_reject(conn, r.source, r.reason), quiet=quiet)
    outcomes: dict[str, int] = {}
    hashes: dict[str, str] = {}
    bar = _progress(count_articles(inputs), quiet)

    def fresh(articles):
        for article in articles:
            digest = hashes[article.id] = input_hash(article, settings.ner)
            if not force and store.stored_input_hash(conn, article.id) == digest:
                outcomes["unchanged"] = outcomes.get("unchanged", 0) + 1
                batch.done += 1
                bar.update(1)
                continue
            yield article

    for record in run(fresh(batch.articles(inputs, settings)), settings):
        bar.update(1)
        if isinstance(record, InputRejected):
            batch.reject(record)
            continue
        try:
            outcome = store.save(conn, record, hashes.get(record.id))
        except IdCollision as exc:
            batch.reject(InputRejected(record.source, str(exc)))
            continue
        except sqlite3.OperationalError as exc:
            if "disk" in str(exc) or "full" in str(exc):
                raise StoreError(f"{settings.db}: the disk is full ({exc}); nothing of this article was stored") from exc
            batch.reject(InputRejected(record.source, f"could not be stored ({exc})"))
            continue
        except (sqlite3.DatabaseError, ValueError, UnicodeError) as exc:
            batch.reject(InputRejected(record.source, f"could not be stored ({type(exc).__name__}: {exc})"))
            continue
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        batch.done += 1
        if verbose and not quiet:
            bar.clear()
            _describe(record)
    bar.close()
    conn.close()
    detail = ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items()))
    click.echo(f"stored in {settings.db}" + (f": {detail}" if detail else ""), err=True)
    sys.exit(batch.summary("stored"))


def _describe(record) -> None:
    click.echo(f"{record.id}  {record.published or '----------'}  {record.title or ''}".rstrip())
    for p in record.people:
        bits = ", ".join(x for x in (p.title, p.country) if x)
        click.echo(f"    {p.name}" + (f" ({bits})" if bits else ""))
    for e in record.events:
        if not e.get("historical"):
            click.echo(f"    {e['kind']} {'-'.join(e['countries'])} {e.get('date') or 'undated'}"
                       + (f" in {e['place']}" if e.get("place") else ""))
