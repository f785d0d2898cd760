"""The ASGI application: FastAPI over the store's shared queries, pages and a JSON API.

Read-only by default: every request gets its own connection with `PRAGMA query_only`. The one
writing endpoint, POST /api/ingest, exists only when the app is created with a token. Every error,
page or API, has one JSON shape: {"status": 404, "code": "not_found", "message": "..."} (pages
render the same three fields as HTML).
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__, store
from communique.errors import (
    CommuniqueError,
    IdCollision,
    InputRejected,
    ModelMissing,
    QueryTimeout,
    StoreError,
    UsageError,
)
from communique.settings import Settings
from communique.web import api, pages
from communique.web.deps import MAX_BODY_BYTES, SEARCH_SLOTS, ApiError, Config

# Each kind of error has its own status and code (the most specific class listed wins).
ERRORS: list[tuple[type[CommuniqueError], int, str]] = [
    (QueryTimeout, 408, "timeout"),
    (IdCollision, 409, "conflict"),
    (InputRejected, 400, "bad_input"),
    (UsageError, 400, "bad_parameter"),
    (StoreError, 503, "unavailable"),
    (ModelMissing, 503, "unavailable"),
    (CommuniqueError, 500, "internal"),
]


def error_status(exc: CommuniqueError) -> tuple[int, str]:
    return next((status, code) for cls, status, code in ERRORS if isinstance(exc, cls))


def store_unavailable(exc: Exception) -> bool:
    """SQLite could not read the store (locked past the busy timeout, unreadable, damaged), as
    opposed to a fault in communique: the first is a 503 to retry, the second a 500."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    text = str(exc).lower()
    return any(w in text for w in ("locked", "busy", "unable to open", "disk i/o", "malformed", "not a database",
                                   "readonly"))


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not path.startswith("/api/") and not path.endswith(".json") and \
        "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str):
    body = {"status": status, "code": code, "message": message}
    if _wants_html(request):
        return HTMLResponse(pages.render_error(request, body), status_code=status)
    return JSONResponse(body, status_code=status)


def host_allowed(header: str, allowed: tuple[str, ...]) -> bool:
    """The Host header's name (port and IPv6 brackets stripped) is one of `allowed` ('*': any)."""
    if "*" in allowed:
        return True
    header = header.strip().lower()
    if header.startswith("["):                          # "[::1]:8000"
        name = header[1:header.find("]")] if "]" in header else header
    else:
        name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name in allowed


def default_hosts(bind: str) -> tuple[str, ...]:
    """The names a browser may use for a server bound to `bind`: loopback answers to localhost
    and its addresses only (a page elsewhere cannot rebind a name to it); all interfaces, any."""
    if bind in ("0.0.0.0", "::", ""):
        return ("*",)
    if bind in ("127.0.0.1", "localhost", "::1"):
        return ("127.0.0.1", "localhost", "::1")
    return (bind.lower(),)


def create_app(db: str | Path, token: str | None = None, max_body: int = MAX_BODY_BYTES,
               allowed_hosts: tuple[str, ...] = ("*",)) -> FastAPI:
    """The app over one store. The file must exist (build it with `communique ingest`)."""
    db = Path(db)
    if not db.exists():
        raise UsageError(f"{db}: no such database (create one with: communique ingest INPUT --db {db})")
    store.connect(db, readonly=True).close()   # a store of this version, or a clear refusal; never migrated here
    app = FastAPI(title="communique", version=__version__, docs_url=None, redoc_url=None,
                  description="Diplomatic and defence engagements extracted from news, with evidence.")
    settings = Settings.load()
    app.state.config = Config(db=db, token=token or None, max_body=max_body,
                              search_budget_s=settings.search_budget_s, read_busy_s=settings.read_busy_s,
                              allowed_hosts=tuple(h.lower() for h in allowed_hosts))
    app.state.search_slots = asyncio.Semaphore(SEARCH_SLOTS)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(CommuniqueError)
    async def _known(request: Request, exc: CommuniqueError):
        status, code = error_status(exc)
        if status >= 500:
            logging.getLogger("communique.web").error("%s on %s: %s", code, request.url.path, exc)
        return error_response(request, status, code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "request"
        return error_response(request, 400, "bad_parameter", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError):
        return error_response(request, 400, "bad_parameter", "a number in the request is out of range")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        """Anything unforeseen still answers in the one error shape (and is logged with its trace)."""
        if store_unavailable(exc):
            logging.getLogger("communique.web").warning("store unavailable on %s: %s", request.url.path, exc)
            return error_response(request, 503, "unavailable",
                                  "the store cannot be read right now (locked by a writer, or unreadable); try again")
        logging.getLogger("communique.web").exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal", "an unexpected error; it has been logged")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else \
            f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, code, message)

    @app.middleware("http")
    async def _limits(request: Request, call_next):
        if not host_allowed(request.headers.get("host", ""), app.state.config.allowed_hosts):
            return error_response(request, 400, "bad_host", "this server does not answer to that Host name")
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > app.state.config.max_body:
            return error_response(request, 413, "too_large",
                                  f"request body over {app.state.config.max_body:,} bytes")
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy",
                                        "default-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        " script-src 'none'; object-src 'none'; frame-ancestors 'none'")
        return response

    app.include_router(api.router)
    app.include_router(pages.router)
    pages.mount_static(app)
    return app
