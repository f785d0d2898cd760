"""The record shape of an event: PLOVER and CAMEO codes, confidence, evidence spans."""
from __future__ import annotations

from communique import lexicons
from communique.extract.context import ArticleContext
from communique.extract.dates import date_fields
from communique.extract.event import Event
from communique.model import spans_json


def _codes(e: Event) -> tuple[str, str | None, str]:
    table = lexicons.events()["plover"]
    if e.kind == "meeting":
        if e.subtype in ("political consultation", "dialogue"):
            key = "negotiation" if e.subtype == "political consultation" else "meeting"
        elif e.place and e.place.country in e.countries:
            key = "meeting_host"
        elif e.place:
            key = "meeting_third"
        else:
            key = "meeting"
    else:
        key = e.kind
    event_type, mode, cameo = table[key]
    return event_type, mode, cameo


def confidence(e: Event) -> float:
    c = 1.0
    if e.context_countries:
        c -= 0.25
    if e.date is None:
        c -= 0.15
    if not e.people:
        c -= 0.15
    if e.anaphoric:
        c -= 0.3
    return round(max(c, 0.1), 2)


def as_record(ctx: ArticleContext, e: Event) -> dict:
    event_type, mode, cameo = _codes(e)
    names = [ctx.people[k].name for k in e.people]
    return {
        "kind": e.kind, "subtype": e.subtype,
        **date_fields(e.date, e.date_basis or ("context" if e.date_from else None)),
        "date_end": e.date.end_value if e.date and e.date.precision == "day" else None,
        # the reader's spelling ("Hà Nội"), not a dateline's capitals ("HÀ NỘI (VNA) -" → "Hà Nội")
        "place": (e.place.text.title() if e.place.text.isupper() else e.place.text) if e.place else None,
        "place_normalised": {"name": e.place.name, "country": e.place.country} if e.place else None,
        "countries": sorted(e.countries), "host": e.host, "guest": e.guest,
        "people": names, "historical": e.historical,
        "mechanism": e.mechanism, "ordinal": e.ordinal,
        "plover": {"type": event_type, "mode": mode}, "cameo": cameo,
        "confidence": confidence(e),
        "evidence": spans_json(e.evidence),
    }
