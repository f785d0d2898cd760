"""Server-rendered pages. Each page is a data function (shared with its `.json` twin) and a
template; article text is only ever inserted by Jinja2 with autoescaping on.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from communique import __version__, kinds
from communique.link.intervals import describe
from communique.store import analytics, queries
from communique.store import relations as relation_queries
from communique.web import charts
from communique.web.deps import (
    MAX_OFFSET,
    bounded_search,
    conn,
    current_event,
    current_person,
    event_filters,
    not_found,
)

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False)
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
env.globals["version"] = __version__
env.filters["when"] = describe          # an event's date interval and what it rests on
env.filters["label"] = lambda code: code.replace("_", " ") if code else ""
# only web addresses become links: an article's url field may hold anything ("javascript:...")
env.filters["web_url"] = lambda url: url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) \
    else None


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        """Browsers ask for /favicon.ico whatever the page links: the same SVG icon, not a 404."""
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


def render(template: str, request: Request, **data) -> HTMLResponse:
    return HTMLResponse(env.get_template(template).render(request=request, path=request.url.path, **data))


def render_error(request: Request, body: dict) -> str:
    return env.get_template("error.html").render(request=request, path=request.url.path, error=body)


def _json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/index"
    return path + ".json" + (f"?{request.url.query}" if request.url.query else "")


# ---- data functions (one per page) ----------------------------------------------------------

@lru_cache(maxsize=1)
def world_outline() -> bytes:
    """pygal_maps_world's world map with a style of our own: countries light, borders white (an SVG
    used as an image keeps its own style; no script, nothing else is changed)."""
    svg = (resources.files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")
    head = svg.index(">", svg.index("<svg")) + 1
    style = "<style>path{fill:#dfe5ec;stroke:#ffffff;stroke-width:.8}</style>"
    return (svg[:head] + style + svg[head:]).encode("utf-8")


def overview(c) -> dict:
    year, last = analytics.latest_year(c), analytics.last_published(c)
    return {"stats": queries.stats(c), "places": analytics.places(c),
            "latest": queries.events(c, include_historical=False, until=last, limit=12),
            "partners": analytics.partner_counts(c, limit=15), "year": year,
            "signed": analytics.signed_in_year(c, year) if year else []}


PAGE_ROWS = 100       # events listed per page; the downloads hold every event the filters select


def event_list(c, request: Request, filters: dict, offset: int = 0, order: str = "desc") -> dict:
    """One page of the events the filters select, the total, paging links, and the downloads of all
    of them: /api/export with exactly these filters (the same as /api/events takes)."""
    items = queries.events(c, limit=PAGE_ROWS, offset=offset, order=order, **filters)
    total = queries.count_events(c, **filters)
    query = _filter_query(filters)
    here = request.url.path

    def at(o: int) -> str:
        return f"{here}?{query}&offset={o}" if query else f"{here}?offset={o}"

    return {"filters": _shown_filters(filters), "total": total, "offset": offset, "limit": PAGE_ROWS, "items": items,
            "next": at(offset + PAGE_ROWS) if offset + PAGE_ROWS < total else None,
            "prev": at(max(offset - PAGE_ROWS, 0)) if offset else None,
            "downloads": {fmt: f"/api/export/{fmt}" + (f"?{query}" if query else "") for fmt in ("csv", "jsonl")}}


def page_offset(offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Events to skip (the page's paging).")) -> int:
    return offset


_API_NAMES = {"with_": "with"}


def _filter_query(filters: dict) -> str:
    """The filters as /api/events and /api/export read them (only those set)."""
    pairs = []
    for key, value in filters.items():
        if key == "include_historical":
            if not value:
                pairs.append(("news_only", "true"))
        elif value is True:
            pairs.append((key, "true"))
        elif value:
            pairs.append((_API_NAMES.get(key, key), str(value)))
    return urlencode(pairs)


def _shown_filters(filters: dict) -> dict:
    out = {_API_NAMES.get(k, k): v for k, v in filters.items() if k != "include_historical"}
    out["news_only"] = not filters.get("include_historical", True)
    return out


def country(c, request: Request, code: str, filters: dict, offset: int = 0) -> dict:
    code = queries.country_code(code)
    return {"country": code, "name": queries.country_name(code), "partners": analytics.partner_counts(c, code),
            "relations": relation_queries.partners(c, code),
            "by_year": analytics.kinds_by_year(c, code), "undated": analytics.undated_count(c, code),
            "areas_by_year": analytics.areas_by_year(c, code), "places": analytics.places(c, code),
            "events": event_list(c, request, {**filters, "country": code}, offset)}


def pair(c, request: Request, a: str, b: str, filters: dict, offset: int = 0) -> dict:
    a, b = sorted((queries.country_code(a), queries.country_code(b)))
    return {"countries": [a, b], "names": [queries.country_name(a), queries.country_name(b)],
            "relations": relation_queries.pair_ladder(c, a, b),
            "by_year": analytics.kinds_by_year(c, a, b), "undated": analytics.undated_count(c, a, b),
            "areas_by_year": analytics.areas_by_year(c, a, b), "places": analytics.places(c, a, b),
            "events": event_list(c, request, {**filters, "country": a, "with_": b}, offset, order="asc"),
            "agreements": queries.agreements(c, country=a, with_=b)}


def event_page(c, event_id: str) -> dict:
    ev = queries.event(c, event_id)
    if ev is None:
        raise not_found(f"no event {event_id}")
    ev["articles"] = [analytics.article_with_evidence(c, s["article_id"], s["idx"]) for s in ev["sources"]]
    return ev


def person_page(c, person_id: str) -> dict:
    found = queries.person(c, person_id)
    if found is None:
        raise not_found(f"no person {person_id}")
    return found


def agreements_page(c, country: str | None = None, with_: str | None = None) -> dict:
    return {"country": country, "with": with_, "items": queries.agreements(c, country=country, with_=with_)}


def network_page(c) -> dict:
    return analytics.network(c)


def areas_table(rows: list[dict]) -> dict:
    """areas_by_year rows -> {"years": [...], "areas": [(area, {year: n})]} for a small grid."""
    years = sorted({r["year"] for r in rows})
    grid: dict[str, dict[str, int]] = {}
    for r in rows:
        grid.setdefault(r["area"], {})[r["year"]] = r["articles"]
    areas = sorted(grid.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return {"years": years, "areas": areas}


# ---- routes ------------------------------------------------------------------------------------

@router.get("/index.json")
def overview_json(c=Depends(conn)):
    return JSONResponse(overview(c))


@router.get("/", response_class=HTMLResponse)
def overview_html(request: Request, c=Depends(conn)):
    data = overview(c)
    return render("overview.html", request, data=data, json_url="/index.json", map=Markup(charts.map_svg(data["places"])))


@router.get("/map/world.svg", include_in_schema=False)
def world_map() -> Response:
    return Response(world_outline(), media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/events.json")
def events_json(request: Request, filters: dict = Depends(event_filters),
               offset: int = Depends(page_offset), c=Depends(conn)):
    return JSONResponse(event_list(c, request, filters, offset))


@router.get("/events", response_class=HTMLResponse)
def events_html(request: Request, filters: dict = Depends(event_filters),
               offset: int = Depends(page_offset), c=Depends(conn)):
    return render("events.html", request, data=event_list(c, request, filters, offset), json_url=_json_url(request),
                  kinds=kinds.NAMES)


@router.get("/countries/{code}.json")
def country_json(request: Request, code: str, filters: dict = Depends(event_filters),
               offset: int = Depends(page_offset), c=Depends(conn)):
    return JSONResponse(country(c, request, code, filters, offset))


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_html(request: Request, code: str, filters: dict = Depends(event_filters),
               offset: int = Depends(page_offset), c=Depends(conn)):
    data = country(c, request, code, filters, offset)
    return render("country.html", request, data=data, json_url=_json_url(request), kinds=kinds.NAMES,
                  map=Markup(charts.map_svg(data["places"])),
                  chart=Markup(charts.timeline_svg(data["by_year"])), areas=areas_table(data["areas_by_year"]))


@router.get("/pairs/{a}/{b}.json")
def pair_json(request: Request, a: str, b: str, filters: dict = Depends(event_filters),
               offset: int = Depends(page_offset), c=Depends(conn)):
    return JSONResponse(pair(c, request, a, b, filters, offset))


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
def pair_html(request: Request, a: str, b: str, filters: dict = Depends(event_filters),
               offset: int = Depends(page_offset), c=Depends(conn)):
    data = pair(c, request, a, b, filters, offset)
    rel = data["relations"]
    return render("pair.html", request, data=data, json_url=_json_url(request), kinds=kinds.NAMES,
                  map=Markup(charts.map_svg(data["places"])),
                  chart=Markup(charts.timeline_svg(data["by_year"])), areas=areas_table(data["areas_by_year"]),
                  ladder=Markup(charts.ladder_html(rel["ladder"], rel["planned"], rel["at"])))


@router.get("/network.json")
def network_json(c=Depends(conn)):
    return JSONResponse(network_page(c))


@router.get("/network", response_class=HTMLResponse)
def network_html(request: Request, c=Depends(conn)):
    data = network_page(c)
    return render("network.html", request, data=data, json_url="/network.json",
                  chart=Markup(charts.network_svg(data)), legend=Markup(charts.network_legend(data)))


@router.get("/events/{event_id}.json")
def event_json(request: Request, event_id: str, c=Depends(conn)):
    return current_event(c, event_id, request.url.path) or JSONResponse(event_page(c, event_id))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_html(request: Request, event_id: str, c=Depends(conn)):
    return current_event(c, event_id, request.url.path) or \
        render("event.html", request, data=event_page(c, event_id), json_url=_json_url(request))


@router.get("/people/{person_id}.json")
def person_json(request: Request, person_id: str, c=Depends(conn)):
    return current_person(c, person_id, request.url.path) or JSONResponse(person_page(c, person_id))


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_html(request: Request, person_id: str, c=Depends(conn)):
    return current_person(c, person_id, request.url.path) or \
        render("person.html", request, data=person_page(c, person_id), json_url=_json_url(request))


@router.get("/agreements.json")
def agreements_json(country: str | None = None, with_: str | None = Query(None, alias="with"), c=Depends(conn)):
    return JSONResponse(agreements_page(c, country, with_))


@router.get("/agreements", response_class=HTMLResponse)
def agreements_html(request: Request, country: str | None = None, with_: str | None = Query(None, alias="with"),
                    c=Depends(conn)):
    return render("agreements.html", request, data=agreements_page(c, country, with_), json_url=_json_url(request))


async def search_page(request: Request, q: str) -> dict:
    """Hits with where each leads; the same sentence (one report's evidence for an event, an area and
    a relation, or several reports of it) shown once, with the number of reports giving it."""
    hits = await bounded_search(request, q, 50) if q.strip() else []
    grouped: dict[str, dict] = {}
    for h in hits:
        g = grouped.get(h["snippet"])
        if g is None:
            grouped[h["snippet"]] = {**h, "articles": [h["article_id"]]}
            continue
        if h["article_id"] not in g["articles"]:
            g["articles"].append(h["article_id"])
        if h.get("owner") == "event" and g.get("owner") != "event":
            g.update(owner="event", link=h["link"], event_id=h.get("event_id"))   # the event over an area
    items = list(grouped.values())
    for g in items:
        g["count"] = len(g["articles"])
    return {"q": q, "hits": len(hits), "items": items}


@router.get("/search.json")
async def search_json(request: Request, q: str = ""):
    return JSONResponse(await search_page(request, q))


@router.get("/search", response_class=HTMLResponse)
async def search_html(request: Request, q: str = ""):
    return render("search.html", request, data=await search_page(request, q), json_url=_json_url(request))


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request):
    """The generated OpenAPI description as a page (no script: readable offline); raw at /openapi.json."""
    spec = request.app.openapi()
    return render("api.html", request, spec=spec, json_url="/openapi.json")
