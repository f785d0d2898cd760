"""Charts as inline SVG, drawn on the server: no script runs in the page, they print and scale.

timeline_svg   events per year on a real time axis, stacked by kind, news and background apart
network_svg    countries on a circle (busiest first), lines weighted by engagements
network_legend what the network's line widths and circle sizes mean, drawn at its scale
ladder_html    a pair's relationship levels on a real time axis, planned upgrades marked (HTML bars)
"""
from __future__ import annotations

import math
from html import escape

from communique import kinds

KIND_COLOURS = kinds.COLOURS


def _axis(first_year: int, last_year: int, min_step: int = 1) -> tuple[int, int, int]:
    """(start, end, step): a tick every `step` years (at least `min_step`) from `start` to `end`, end
    after the last year; shared by the per-year chart and the relationship ladder."""
    span = last_year + 1 - first_year
    step = max(min_step, 1 if span <= 8 else 2 if span <= 16 else 5 if span <= 40 else 10 if span <= 90 else 25)
    start = first_year // step * step
    end = start + max(math.ceil((last_year + 1 - start) / step), 1) * step
    return start, end, step


def timeline_svg(by_year: list[dict]) -> str:
    """Engagements per year on a real time axis: each year's bar stands at its place in time (1983,
    1992 and 2018 are spaced by their distance; empty years stay empty), stacked by kind, news dark
    and background (recalled engagements, counted by the year they happened) light on top. The bars
    are SVG rects; the axis, scale and legend are HTML, so their words stay readable on a phone (the
    pages' CSP forbids inline styles: positions are SVG attributes)."""
    if not by_year:
        return '<p class="muted">No dated engagements yet.</p>'
    years = sorted(int(r["year"]) for r in by_year)
    start, end, step = _axis(years[0], years[-1])
    width, height = 1000, 200
    unit = width / (end - start)

    def total(r: dict) -> int:
        return sum(r[k] + r["background"][k] for k in KIND_COLOURS)

    top = max(total(r) for r in by_year) or 1
    busiest = max(by_year, key=total)
    bars = []
    for r in sorted(by_year, key=lambda r: r["year"]):
        x, base = (int(r["year"]) - start) * unit + unit * 0.1, float(height)
        for layer, counts in (("news", r), ("background", r["background"])):
            for kind, colour in KIND_COLOURS.items():
                n = counts[kind]
                if not n:
                    continue
                h = height * n / top
                base -= h
                bars.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{unit * 0.8:.1f}" height="{h:.1f}" fill="{colour}" '
                            f'class="{layer}" data-year="{escape(r["year"])}"><title>{escape(r["year"])}: {n} '
                            f'{kind}{" (background)" if layer == "background" else ""}</title></rect>')
    ticks = "".join(f"<span>{t}</span>" for t in range(start, end + 1, step))
    legend = "".join(f'<li><svg viewBox="0 0 10 10" width="12" height="12" aria-hidden="true"><rect width="10" height="10" '
                     f'fill="{colour}"/></svg> {kind}</li>' for kind, colour in KIND_COLOURS.items())
    legend += ('<li><svg viewBox="0 0 10 10" width="12" height="12" aria-hidden="true"><rect width="10" height="10" '
               'fill="#777" class="background"/></svg> lighter: background (recalled, counted in the year it happened)</li>')
    return (f'<figure class="timeline-chart" data-start="{start}" data-end="{end}">'
            f'<p class="scale muted">Tallest bar: {total(busiest)} in {escape(busiest["year"])}</p>'
            f'<svg class="bars" viewBox="0 0 {width} {height}" preserveAspectRatio="none" role="img" '
            f'aria-label="Engagements per year by kind, {start} to {end}" xmlns="http://www.w3.org/2000/svg">'
            f'{"".join(bars)}</svg><div class="ticks">{ticks}</div>'
            f'<ul class="legend" aria-label="Legend">{legend}</ul></figure>')


def network_svg(graph: dict, size: int = 560, link=lambda code: f"/countries/{code}") -> str:
    """Nodes on a circle, sized by engagements; edges as lines whose width is the pair's count."""
    nodes = graph["nodes"]
    if not nodes:
        return '<p class="muted">No engagements yet.</p>'
    c, r = size / 2, size / 2 - 48
    pos = {}
    for i, n in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[n["country"]] = (c + r * math.cos(angle), c + r * math.sin(angle))
    top_edge = max((e["events"] for e in graph["edges"]), default=1)
    top_node = max(n["events"] for n in nodes)
    parts = [f'<svg class="chart network" viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="Network of countries by engagements" xmlns="http://www.w3.org/2000/svg">']
    for e in graph["edges"]:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        w = 1 + 7 * e["events"] / top_edge
        parts.append(f'<a href="/pairs/{escape(e["a"])}/{escape(e["b"])}"><line class="edge" x1="{x1:.1f}" '
                     f'y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{w:.1f}"><title>'
                     f'{escape(e["a"])}–{escape(e["b"])}: {e["events"]} engagements</title></line></a>')
    for n in nodes:
        x, y = pos[n["country"]]
        rad = 6 + 14 * math.sqrt(n["events"] / top_node)
        code = escape(n["country"])
        parts.append(f'<a href="{escape(link(n["country"]))}"><circle class="node" cx="{x:.1f}" cy="{y:.1f}" '
                     f'r="{rad:.1f}"><title>{code}: {n["events"]} engagements</title></circle>'
                     f'<text x="{x:.1f}" y="{y - rad - 4:.1f}" class="label" text-anchor="middle">{code}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def network_legend(graph: dict) -> str:
    """What the drawing's sizes mean, with samples drawn at the network's own scale: line widths for
    one engagement, the middle and the busiest pair; the circle size for the busiest country."""
    edges = [e["events"] for e in graph["edges"]]
    if not edges:
        return ""
    top = max(edges)
    samples = sorted({1, max(1, round(top / 2)), top})
    items = []
    for n in samples:
        w = 1 + 7 * n / top
        items.append(f'<li><svg viewBox="0 0 40 12" width="40" height="12" aria-hidden="true"><line class="edge" '
                     f'x1="2" y1="6" x2="38" y2="6" stroke-width="{w:.1f}"/></svg> {n} engagement{"s" if n != 1 else ""}</li>')
    busiest = max(graph["nodes"], key=lambda x: x["events"])
    items.append(f'<li><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><circle class="node" cx="12" '
                 f'cy="12" r="10"/></svg> larger circle, more engagements (largest: {escape(busiest["country"])}, '
                 f'{busiest["events"]})</li>')
    return '<ul class="legend" aria-label="Legend">' + "".join(items) + "</ul>"


def _year_of(day: str | None) -> float | None:
    """'2013-06-01' -> 2013.41: a position on a real time axis."""
    if not day or not day[:4].isdigit():
        return None
    y, m = int(day[:4]), int(day[5:7]) if len(day) >= 7 and day[5:7].isdigit() else 1
    return y + (m - 1) / 12


def ladder_html(ladder: list[dict], planned: list[dict], today: str) -> str:
    """One row per level, highest on top: its name in page text (readable at any width), under it a bar
    from the day it is known to hold to `today` — dark when the text dates its start, light when only
    its first report does — on a real time axis (years spaced by their distance). Planned levels get a
    dashed box after today. The bars are SVG rects (attributes, not inline styles: the pages' CSP
    forbids those); the axis is HTML so its words do not shrink with the chart."""
    established = {r["level"] for r in ladder if r["status"] == "established"}
    shown = [r for r in ladder if r["status"] == "established" or r["level"] not in established]
    rows = sorted(shown + planned, key=lambda r: (-r["rank"], r["status"] == "planned"))
    if not rows:
        return '<p class="muted">No relationship framework reported for this pair.</p>'
    starts = [y for y in (_year_of(r["holds_from"]) for r in shown) if y is not None]
    now = (_year_of(today) or 2000) + 1
    first, end, step = _axis(math.floor(min(starts + [now - 5])), math.ceil(now) - 1, min_step=5)   # end past today
    span = max(end - first, 1)

    def pct(year: float) -> float:
        return 100 * (year - first) / span

    out = ['<div class="ladder" role="img" aria-label="Relationship levels over time">']
    for r in rows:
        label = escape(r["level"])
        if r["status"] == "planned":
            out.append(f'<div class="rung planned"><div class="name">{label} <span class="muted">planned</span></div>'
                       '<div class="track"><span class="box"></span></div></div>')
            continue
        start = _year_of(r["holds_from"])
        if start is None:
            continue
        dated = r["status"] == "established" and r.get("date")
        since = escape(f"since {r['date']}" if dated else f"named as current from {r['holds_from']}")
        out.append(f'<div class="rung{"" if dated else " undated"}"><div class="name">{label} '
                   f'<span class="muted">{since}</span></div><div class="track">'
                   f'<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">'
                   f'<rect x="{pct(start):.2f}" y="0" width="{max(pct(now) - pct(start), 0.5):.2f}" height="10">'
                   f'<title>{label}: {since}</title></rect></svg></div></div>')
    ticks = "".join(f"<span>{t}</span>" for t in range(int(first), int(end) + 1, step))
    out.append(f'<div class="ticks">{ticks}</div></div>')
    return "".join(out)


# The outline is pygal_maps_world's world map (a package from the registry: its SVG, 2475 x 1388,
# drawn in the Robinson projection). Where a latitude and longitude fall on it was measured by
# fitting the projection to the outlines of fourteen countries whose extents are known (Iceland,
# the UK, France, Egypt, South Africa, Vietnam, Singapore, Australia, Brazil, Argentina…): points
# land within about 8 px of 2475.
MAP_WIDTH, MAP_HEIGHT = 2475, 1388
_MAP_X0, _MAP_KX, _MAP_Y0, _MAP_KY = 1210.4, 7.555, 688.8, -700.0
_ROBINSON_X = (1, .9986, .9954, .99, .9822, .973, .96, .9427, .9216, .8962, .8679, .835, .7986, .7597, .7186,
               .6732, .6213, .5722, .5322)
_ROBINSON_Y = (0, .062, .124, .186, .248, .310, .372, .434, .4958, .5571, .6176, .6769, .7346, .7903, .8435,
               .8936, .9394, .9761, 1.0)


def _robinson(table: tuple[float, ...], lat: float) -> float:
    at = min(abs(lat) / 5, 17.999)
    i = int(at)
    return table[i] + (table[i + 1] - table[i]) * (at - i)


def map_xy(lat: float, lon: float) -> tuple[float, float]:
    """A point's position on the world outline (SVG units of the map)."""
    x = _MAP_X0 + _MAP_KX * _robinson(_ROBINSON_X, lat) * lon
    y = _MAP_Y0 + _MAP_KY * math.copysign(_robinson(_ROBINSON_Y, lat), lat)
    return x, y


def map_svg(places: dict, outline: str = "/map/world.svg") -> str:
    """Where the engagements took place: a circle per place on the world's countries (the outline is
    an image the browser caches), its area growing with the number of events, its name and count
    in a tooltip; the events with no known place counted under the map."""
    points = places["points"]
    if not points:
        return '<p class="muted">No engagement with a known place yet.</p>'
    top = max(p["events"] for p in points)
    circles = []
    for p in sorted(points, key=lambda p: -p["events"]):            # the largest first, the small on top
        x, y = map_xy(p["lat"], p["lon"])
        r = 9 + 26 * math.sqrt(p["events"] / top)
        label = f'{p["place"]}: {p["events"]} engagement{"s" if p["events"] != 1 else ""}'
        circles.append(f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" data-lat="{p["lat"]}" '
                       f'data-lon="{p["lon"]}"><title>{escape(label)}</title></circle>')
    note = (f'<p class="muted">{places["unplaced"]} engagement{"s" if places["unplaced"] != 1 else ""} with no known '
            f'place {"are" if places["unplaced"] != 1 else "is"} not on the map.</p>') if places["unplaced"] else ""
    named = ", ".join(f'{escape(p["place"])} ({p["events"]})' for p in points[:8])
    return (f'<figure class="map"><svg viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" '
            f'aria-label="Places of engagements: {named}" xmlns="http://www.w3.org/2000/svg">'
            f'<image href="{outline}" x="0" y="0" width="{MAP_WIDTH}" height="{MAP_HEIGHT}"/>'
            f'{"".join(circles)}</svg><figcaption class="muted">Places of engagements, circle area by number: '
            f'{named}{"…" if len(points) > 8 else ""}</figcaption>{note}</figure>')
