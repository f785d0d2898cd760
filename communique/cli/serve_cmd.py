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
@click.option("--token", envvar="COMMUNIQUE_TOKEN", help="Enable POST /api/ingest for requests carrying this token "
              "(or set $COMMUNIQUE_TOKEN). Without it the server is read-only.")
@click.option("--max-body", type=click.IntRange(min=1), default=10_000_000, show_default=True,
              help="Largest request body accepted, in bytes.")
def serve(db: Path | None, host: str, port: int, token: str | None, max_body: int) -> None:
    """Serve pages (/), the JSON API (/api, OpenAPI at /openapi.json) over the SQLite store."""
    import uvicorn

    from communique.web.app import create_app

    path = settings(db=str(db) if db else None).db
    app = create_app(path, token=token, max_body=max_body)
    mode = "ingest enabled (token set)" if token else "read-only"
    click.echo(f"serving {path} on http://{host}:{port}/ ({mode}); API docs at /api", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("COMMUNIQUE_LOG_LEVEL", "warning"))
