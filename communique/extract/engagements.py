"""One call from an article's people and country mentions to its events, agreements, areas and
statements, all in record shape (dicts with evidence offsets into the cleaned body)."""
from __future__ import annotations

from communique.extract import agreements as agreements_mod
from communique.extract import events as events_mod
from communique.extract import relations as relations_mod
from communique.extract.areas import extract_areas
from communique.extract.context import build_context
from communique.extract.statements import extract_statements
from communique.model import Person, Span, spans_json


def extract_engagements(body: str, published: str | None, people: list[Person],
                        countries: list[tuple[str, Span]], captions: list[Span] = ()) -> dict:
    ctx = build_context(body, published, people, countries, captions)
    events, unresolved = events_mod.extract_events(ctx)
    docs = agreements_mod.extract_agreements(ctx, events)
    areas = extract_areas(ctx)
    relations = relations_mod.extract_relations(ctx)
    return {
        "events": [events_mod.as_record(ctx, e) for e in events],
        "unresolved_events": [events_mod.as_record(ctx, e) for e in unresolved],
        "agreements": [agreements_mod.as_record(ctx, a) for a in docs],
        "areas": sorted(areas),
        "relations": [relations_mod.as_record(r) for r in relations],
        "area_evidence": {a: spans_json(spans) for a, spans in areas.items()},
        "statements": extract_statements(ctx),
    }
