"""Charts as inline SVG, drawn on the server: no script runs in the page, they print and scale.

timeline_svg   events per year, stacked by kind
network_svg    countries on a circle (busiest first), lines weighted by engagements
network_legend what the network's line widths and circle sizes mean, drawn at its scale
ladder_html    a pair's relationship levels on a real time axis, planned upgrades marked (HTML bars)
"""
from __future__ import annotations

import math
from html import escape

from communique import kinds

KIND_COLOURS = kinds.COLOURS


def timeline_svg(by_year: list[dict], width: int = 640, height: int = 220) -> str:
    """Stacked bars: one per year, one colour per kind, with a legend."""
    if not by_year:
        return '<p class="muted">No dated engagements yet.</p>'
    pad_l, pad_b, pad_t = 36, 28, 24
    plot_w, plot_h = width - pad_l - 8, height - pad_b - pad_t
    top = max(sum(r[k] for k in KIND_COLOURS) for r in by_year) or 1
    bar_w = plot_w / len(by_year)
    parts = [f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Engagements per year by kind" xmlns="http://www.w3.org/2000/svg">']
    for tick in range(0, top + 1, max(1, math.ceil(top / 4))):
        y = pad_t + plot_h - plot_h * tick / top
        parts.append(f'<line x1="{pad_l}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{pad_l - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">{tick}</text>')
    for i, row in enumerate(by_year):
        x, base = pad_l + i * bar_w + bar_w * 0.15, pad_t + plot_h
        for kind, colour in KIND_COLOURS.items():
            n = row.get(kind, 0)
            if not n:
                continue
            h = plot_h * n / top
            base -= h
            parts.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar_w * 0.7:.1f}" height="{h:.1f}" '
                         f'fill="{colour}"><title>{escape(row["year"])}: {n} {kind}</title></rect>')
        parts.append(f'<text x="{x + bar_w * 0.35:.1f}" y="{height - 8}" class="axis" text-anchor="middle">'
                     f'{escape(row["year"])}</text>')
    for j, (kind, colour) in enumerate(KIND_COLOURS.items()):
        lx = pad_l + j * 120
        parts.append(f'<rect x="{lx}" y="4" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{lx + 14}" y="13" class="axis">{kind}</text>')
    parts.append("</svg>")
    return "".join(parts)


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
    first = min(starts + [now - 5])
    step = 5 if now - first <= 40 else 10 if now - first <= 90 else 25
    first = math.floor(first / step) * step
    end = first + math.ceil((now - first) / step) * step          # ticks evenly spaced: end on a tick
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
