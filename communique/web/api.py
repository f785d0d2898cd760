"""The JSON API: /api/... over store/queries.py and store/analytics.py, the same queries the CLI uses.

Lists are paged: {"items": [...], "total": N, "limit": L, "offset": O, "next": URL or null}.
"""
from __future__ import annotations

import asyncio
import hmac
import io
import tempfile
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from communique.exports import formats
from communique.store import analytics, queries
from communique.store import relations as relation_queries
from communique.web.deps import (
    ERROR_RESPONSES,
    MAX_OFFSET,
    ApiError,
    Config,
    bounded_search,
    config,
    conn,
    current_event,
    current_person,
    event_filters,
    kind_param,
)
from communique.web.models import AgreementPage, EventPage, PersonPage, RelationPage, paged

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)
BODY_READ_TIMEOUT_S = 30.0
EXPORT_IN_MEMORY_BYTES = 8 << 20      # a larger export is spooled to a temporary file while it is sent


class Paging:
    def __init__(self, limit: int = Query(50, ge=1, le=500, description="Rows per page (at most 500)."),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")):
        self.limit, self.offset = limit, offset

    def page(self, request: Request, items: list, total: int) -> dict:
        nxt = None
        if self.offset + len(items) < total:
            nxt = str(request.url.include_query_params(offset=self.offset + self.limit, limit=self.limit))
        return {"items": items, "total": total, "limit": self.limit, "offset": self.offset, "next": nxt}


@router.get("/events", responses=paged(EventPage), summary="Canonical events, newest first")
def events(request: Request, filters: dict = Depends(event_filters), paging: Paging = Depends(), c=Depends(conn)):
    items = queries.events(c, limit=paging.limit, offset=paging.offset, **filters)
    return paging.page(request, items, queries.count_events(c, **filters))


@router.get("/events/{event_id}", summary="One event with its sources and their evidence; an id the event "
            "had before a merge answers 308 with the current one")
def event(request: Request, event_id: str, c=Depends(conn)):
    moved = current_event(c, event_id, request.url.path)
    return moved or queries.event(c, event_id)


@router.get("/people", responses=paged(PersonPage), summary="People, one row per real person")
def people(request: Request, country: str | None = None, name: str | None = None, paging: Paging = Depends(),
           c=Depends(conn)):
    items = queries.people(c, country=country, name=name, limit=paging.limit, offset=paging.offset)
    return paging.page(request, items, queries.count_people(c, country=country, name=name))


@router.get("/export/{format}", summary="Download events (or relations) in an export format: the same filters as "
            "/api/events, the same rows as `communique export`", response_class=StreamingResponse)
def export(format: str, filters: dict = Depends(event_filters),
           limit: int | None = Query(None, ge=1, le=MAX_OFFSET, description="At most this many rows."),
           c=Depends(conn)):
    spec = formats.check(format, {**filters, "limit": limit})
    out = tempfile.SpooledTemporaryFile(max_size=EXPORT_IN_MEMORY_BYTES, mode="w+b")  # noqa: SIM115  (closed once sent)
    if spec.binary:
        formats.write(c, format, out, **filters, limit=limit)
    else:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        formats.write(c, format, text, **filters, limit=limit)
        text.flush()
        text.detach()
    out.seek(0)
    name = f"communique-{format}{spec.suffix}"
    return StreamingResponse(iter(lambda: out.read(1 << 16), b""), media_type=spec.media_type,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'},
                             background=BackgroundTask(out.close))


@router.get("/people/{person_id}", summary="A person: name forms, offices over time, events")
def person(request: Request, person_id: str, c=Depends(conn)):
    return current_person(c, person_id, request.url.path) or queries.person(c, person_id)


@router.get("/agreements", responses=paged(AgreementPage), summary="Documents signed or planned")
def agreements(request: Request, country: str | None = None, with_: str | None = Query(None, alias="with"),
               since: str | None = None, until: str | None = None, type: str | None = None,
               status: Literal["signed", "planned"] | None = None, paging: Paging = Depends(), c=Depends(conn)):
    filters = dict(country=country, with_=with_, since=since, until=until, type_=type, status=status)
    rows = queries.agreements(c, limit=paging.limit, offset=paging.offset, **filters)
    return paging.page(request, rows, queries.count_agreements(c, **filters))


@router.get("/relations", responses=paged(RelationPage), summary="Relationship frameworks (partnerships, alliances, diplomatic relations)",
            description="One row per pair, level, status and year set up. With `at`, one row per pair: the "
                        "highest established or current level it held on that date (planned levels never count).")
def relations(request: Request, country: str | None = Query(None, description="Country name or alpha-3 code."),
              with_: str | None = Query(None, alias="with", description="...with this other country."),
              at: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD (a year or month: its last day)."),
              status: Literal["established", "current", "planned"] | None = None,
              level: str | None = Query(None, max_length=200), paging: Paging = Depends(), c=Depends(conn)):
    rows = relation_queries.relations(c, country=country, with_=with_, at=at, status=status, level=level)
    return paging.page(request, rows[paging.offset:paging.offset + paging.limit], len(rows))


@router.get("/pairs/{a}/{b}", summary="A pair's ladder: each framework from when it began, planned upgrades, "
                                      "and the level held on a date (default today)")
def pair(a: str, b: str, at: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD."), c=Depends(conn)):
    return relation_queries.pair_ladder(c, a, b, at=at)


@router.get("/areas", summary="Areas of cooperation and how many articles name each")
def areas(country: str | None = None, with_: str | None = Query(None, alias="with"), c=Depends(conn)):
    return {"items": queries.areas(c, country=country, with_=with_)}


@router.get("/timeline", summary="A country's (or pair's) engagements, oldest first, with yearly counts")
def timeline(country: str = Query(..., description="Country name or alpha-3 code."),
             with_: str | None = Query(None, alias="with"), kind: str | None = Depends(kind_param), c=Depends(conn)):
    return {"country": queries.country_code(country), "with": queries.country_code(with_) if with_ else None,
            "events": queries.timeline(c, country, with_, kind=kind),
            "by_year": analytics.kinds_by_year(c, country, with_),
            "areas_by_year": analytics.areas_by_year(c, country, with_)}


@router.get("/search", summary="Full-text search over evidence and article bodies",
            description="Words, \"a phrase\", prefix* (at least two letters), OR, NOT; at most 16 terms and "
                        "500 characters. A search running over 3 s is stopped (408); when the server is "
                        "busy with other searches it answers 503.")
async def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
                 limit: int = Query(50, ge=1, le=500)):
    return {"q": q, "items": await bounded_search(request, q, limit)}


@router.get("/stats", summary="What the store holds")
def stats(c=Depends(conn)):
    return queries.stats(c)


@router.get("/network", summary="Countries and the engagements between them")
def network(min_events: int = Query(1, ge=1, le=1_000_000), c=Depends(conn)):
    return analytics.network(c, min_events)


def check_token(request: Request, cfg: Config) -> None:
    """POST /api/ingest needs the server's token (Authorization: Bearer T), compared in constant time."""
    if not cfg.token:
        raise ApiError(403, "read_only", "this server is read-only; start it with --token to enable ingest")
    given = request.headers.get("authorization", "")
    given = given[7:] if given.lower().startswith("bearer ") else request.headers.get("x-communique-token", "")
    if not hmac.compare_digest(given.encode("utf-8"), cfg.token.encode("utf-8")):
        raise ApiError(401, "unauthorized", "missing or wrong token (send Authorization: Bearer TOKEN)")


SUFFIX = {"application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl", "application/json": ".jsonl",
          "text/html": ".html", "text/plain": ".txt"}


@router.post("/ingest", summary="Extract and store articles (only on a server started with a token)",
             description="Body: JSON lines (one article a line: id, url, outlet, published, title, text), "
                         "an HTML page, or plain text, as `communique ingest` reads them.")
async def ingest(request: Request, cfg: Config = Depends(config)):
    check_token(request, cfg)
    body = bytearray()
    chunks = request.stream().__aiter__()
    while True:
        try:                         # a client that stops sending mid-body does not hold the request open
            chunk = await asyncio.wait_for(chunks.__anext__(), timeout=BODY_READ_TIMEOUT_S)
        except StopAsyncIteration:
            break
        except TimeoutError:
            raise ApiError(408, "timeout", f"no request body bytes for {BODY_READ_TIMEOUT_S:g} s") from None
        body += chunk
        if len(body) > cfg.max_body:
            raise ApiError(413, "too_large", f"request body over {cfg.max_body:,} bytes")
    kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    if kind not in SUFFIX:
        raise ApiError(415, "unsupported_media_type",
                       f"content type '{kind}' (send application/x-ndjson, text/html or text/plain)")
    from starlette.concurrency import run_in_threadpool
    return await run_in_threadpool(_ingest, cfg, bytes(body), SUFFIX[kind])


def _ingest(cfg: Config, data: bytes, suffix: str) -> dict:
    """Every line (or the one page) gets its own outcome: stored (added, replaced, unchanged) or
    rejected with the reason; one bad line never stops the others."""
    import sqlite3

    from communique import store
    from communique.errors import IdCollision, InputRejected
    from communique.ingest.readers import read_bytes
    from communique.pipeline import extract

    results: list[dict] = []
    conn = store.connect(cfg.db)

    def refuse(r: InputRejected) -> None:
        store.save_reject(conn, r.source, r.reason)
        results.append({"source": r.source, "outcome": "rejected", "reason": r.reason})

    try:
        articles = []
        for item in read_bytes(data, "<request>", suffix, ""):
            if isinstance(item, InputRejected):
                refuse(item)
            else:
                articles.append(item)
        for record in extract(articles):
            if isinstance(record, InputRejected):
                refuse(record)
                continue
            try:
                outcome = store.save(conn, record)
            except (IdCollision, sqlite3.DatabaseError, ValueError, UnicodeError) as exc:
                refuse(InputRejected(record.source, f"could not be stored ({exc})"))
                continue
            results.append({"source": record.source, "id": record.id, "outcome": outcome})
    finally:
        conn.close()
    results.sort(key=lambda r: _line_no(r["source"]))
    stored: dict[str, list[str]] = {}
    for r in results:
        if r["outcome"] != "rejected":
            stored.setdefault(r["outcome"], []).append(r["id"])
    return {"results": results, "stored": stored,
            "rejected": [{"source": r["source"], "reason": r["reason"]} for r in results if r["outcome"] == "rejected"]}


def _line_no(source: str) -> int:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0
