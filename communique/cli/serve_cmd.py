"""`serve`: the web pages and the HTTP API over a store (uvicorn)."""
from __future__ import annotations

import os
from pathlib import Path

import click

from communique.cli.app import db_option, main, settings


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", help="Enable POST /api/ingest for requests carrying this token. Prefer $COMMUNIQUE_TOKEN "
              "or --token-file: a token on the command line shows in the process list. Without one the server "
              "is read-only.")
@click.option("--token-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Read the ingest token from this file (its first line).")
@click.option("--allowed-host", "allowed_hosts", multiple=True,
              help="A Host name the server answers to (repeatable; default: the bound address's names — "
                   "localhost, 127.0.0.1 and ::1 on loopback, any on 0.0.0.0).")
@click.option("--max-body", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest request body accepted, in bytes.")
@click.option("--header-timeout", type=click.FloatRange(min=0.1, max=3600), default=10.0, show_default=True,
              help="Seconds a client has to send a request's headers; slower ones get 408 and are closed.")
def serve(db: Path | None, host: str, port: int, token: str | None, token_file: Path | None,
          allowed_hosts: tuple[str, ...], max_body: int, header_timeout: float) -> None:
    """Serve pages (/), the JSON API (/api, OpenAPI at /openapi.json) over the SQLite store.

    
    Examples:
      communique serve --db corpus.db --port 8000
      communique serve --host 0.0.0.0 --token-file token.txt   # POST /api/ingest allowed
    """
    import uvicorn

    from communique.web.app import create_app, default_hosts
    from communique.web.protocol import protocol_with_header_timeout

    if token:
        click.echo("warning: --token shows in the process list; use $COMMUNIQUE_TOKEN or --token-file", err=True)
    elif token_file:
        token = token_file.read_text(encoding="utf-8").strip().splitlines()[0] if token_file.stat().st_size else None
    else:
        token = os.environ.get("COMMUNIQUE_TOKEN") or None
    path = settings(db=str(db) if db else None).db
    app = create_app(path, token=token, max_body=max_body, allowed_hosts=allowed_hosts or default_hosts(host))
    mode = "ingest enabled (token set)" if token else "read-only"
    click.echo(f"serving {path} on http://{host}:{port}/ ({mode}); API docs at /api", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("COMMUNIQUE_LOG_LEVEL", "warning"),
                http=protocol_with_header_timeout(header_timeout))
