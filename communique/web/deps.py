"""What the API and the pages share, and the app only assembles: the server's configuration, the
one error type (rendered in the one error shape by app.py), a read-only connection per request,
bounded full-text search, and the lookups that answer an old id with its current one.

Why its own module: the views never import the app (as in datasette), so app.py can import them
at its top without a cycle.
"""
from __future__ import annotations

import asyncio
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Depends, Query, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from communique import kinds
from communique.store import queries
from communique.store.db import connect_ro
from communique.store.fts import fts_query
from communique.web.models import ErrorBody

MAX_UID_CHARS = 64
MAX_OFFSET = 1_000_000_000
MAX_BODY_BYTES = 10_000_000
SEARCH_SLOTS = 2          # searches run at once; the others wait without holding a worker thread
SEARCH_WAIT_S = 10.0      # a search waits this long for a slot, then is answered 503


@dataclass(frozen=True)
class Config:
    db: Path
    token: str | None = None
    max_body: int = MAX_BODY_BYTES
    search_budget_s: float = 3.0
    allowed_hosts: tuple[str, ...] = ("*",)
    read_busy_s: float = 5.0


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter of the wrong form (bad_parameter)"},
    404: {"model": ErrorBody, "description": "Nothing has that id (not_found)"},
    408: {"model": ErrorBody, "description": "The query ran past its time budget (timeout)"},
    500: {"model": ErrorBody, "description": "A fault in communique, logged (internal)"},
    503: {"model": ErrorBody, "description": "The store cannot be read now, or too many searches run (unavailable, busy)"},
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", what)


def read_conn(config: Config) -> sqlite3.Connection:
    """A fresh read-only connection (URI mode=ro) for one request (SQLite connections are per thread);
    the store was checked once, when the app was created."""
    conn = connect_ro(config.db, config.read_busy_s)
    conn.execute("PRAGMA query_only = ON")
    return conn


async def bounded_search(request: Request, text: str, limit: int) -> list[dict]:
    """Full-text search that cannot stall the server: at most SEARCH_SLOTS run at once (the others
    wait in the event loop, not in the thread pool the other requests need), each is stopped after
    the configured budget (settings: search_budget_s) or when its client hangs up."""
    fts_query(text)                     # a bad query is a 400 before it waits for a slot
    slots: asyncio.Semaphore = request.app.state.search_slots
    try:
        await asyncio.wait_for(slots.acquire(), timeout=SEARCH_WAIT_S)
    except TimeoutError:
        raise ApiError(503, "busy", "too many searches are running; try again in a moment") from None
    gone = threading.Event()

    async def watch() -> None:
        while not gone.is_set():
            if await request.is_disconnected():
                gone.set()
            await asyncio.sleep(0.2)

    def run() -> list[dict]:
        conn = read_conn(request.app.state.config)
        try:
            return queries.search(conn, text, limit, budget_s=request.app.state.config.search_budget_s,
                                  cancelled=gone.is_set)
        finally:
            conn.close()

    watcher = asyncio.create_task(watch())
    try:
        return await run_in_threadpool(run)
    finally:
        gone.set()
        watcher.cancel()
        slots.release()


def config(request: Request) -> Config:
    return request.app.state.config


def conn(cfg: Config = Depends(config)):
    c = read_conn(cfg)
    try:
        yield c
    finally:
        c.close()


def _current(key, what: str, given: str, path: str) -> RedirectResponse | None:
    """404 for an id nothing holds; a permanent redirect for an id the row had before (a merge, an
    earlier report joining: link/uids.py); None for a current id."""
    if key is None:
        raise not_found(f"no {what} {given[:MAX_UID_CHARS]}")
    if key[1] != given:
        return RedirectResponse(path.replace(given, key[1], 1), status_code=308)
    return None


def current_event(c, event_id: str, path: str) -> RedirectResponse | None:
    return _current(queries.event_key(c, event_id[:MAX_UID_CHARS]), "event", event_id, path)


def current_person(c, person_id: str, path: str) -> RedirectResponse | None:
    return _current(queries.person_key(c, person_id[:MAX_UID_CHARS]), "person", person_id, path)


def kind_param(kind: str | None = Query(None, description="Kind of engagement (communique/kinds.py).",
                                        json_schema_extra={"enum": list(kinds.NAMES)})) -> str | None:
    """The `kind` parameter, checked against the one table of kinds (a 400 naming them otherwise)."""
    return kinds.checked(kind or None)          # an empty form field is no filter


def event_filters(country: str | None = Query(None, description="Country name or alpha-3 code."),
                  with_: str | None = Query(None, alias="with", description="...with this other country."),
                  kind: str | None = Depends(kind_param),
                  since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
                  until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."),
                  person: str | None = Query(None, description="Person id or text of one of their names."),
                  news_only: bool = Query(False, description="Leave out background engagements."),
                  background_only: bool = Query(False, description="Only background engagements (recalled, "
                                                                   "anniversaries), no news."),
                  text: str | None = Query(None, max_length=500, description="Events with an evidence sentence "
                                           "matching this search text (words, \"phrases\", prefix*, OR, NOT).")) -> dict:
    return dict(country=country, with_=with_, kind=kind, since=since, until=until, person=person,
                include_historical=not news_only, background_only=background_only, text=text or None)
