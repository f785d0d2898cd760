"""The API's response shapes as pydantic models: they document every response in the OpenAPI
description (/openapi.json, /api). Handlers return the store's dicts as they are; these models
describe them and are checked against real answers by tests/web/test_api.py, not used to filter."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    """Every error, page or API: the HTTP status again, a stable code, a sentence for people."""

    status: int
    code: str = Field(description="bad_parameter, bad_input, not_found, conflict, timeout, too_large, busy, "
                                  "unavailable (the store cannot be read now: retry), internal (a fault, logged)")
    message: str


class PersonRef(BaseModel):
    id: str = Field(description="Citable person id (p-…)")
    name: str
    country: str | None


class EventRow(BaseModel):
    """A canonical event: one real engagement, however many reports give it."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(description="Citable event id (ev-…); an id it had before a merge still answers")
    kind: str = Field(description="meeting, call, visit or multilateral (communique/kinds.py)")
    subtype: str | None
    countries: list[str]
    date: str | None = Field(description="As written, at its precision (YYYY-MM-DD, YYYY-MM, YYYY, XXXX-MM-DD)")
    date_text: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None = Field(description="day, range, month, year or reported")
    place: str | None
    place_country: str | None
    place_geonameid: int | None
    place_lat: float | None
    place_lon: float | None
    host: str | None
    guest: str | None
    historical: bool = Field(description="Background: recalled, not news of the report")
    plover_type: str | None
    plover_mode: str | None
    cameo: str | None
    confidence: float
    n_sources: int
    people: list[PersonRef]


class PersonRow(BaseModel):
    id: str
    name: str
    country: str | None
    title: str | None = Field(description="The office held at the latest event")
    aliases: list[str]
    n_articles: int


class AgreementRow(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(description="Citable agreement id (ag-…)")
    type: str
    subject: str | None
    status: str = Field(description="signed or planned")
    countries: list[str]
    date: str | None
    date_precision: str | None
    event_id: str | None
    n_sources: int
    sources: list[str]


class RelationRow(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(description="Citable relation id (rel-…)")
    countries: list[str]
    level: str
    status: str = Field(description="established, current or planned")
    date: str | None
    date_precision: str | None
    first_reported: str | None
    last_reported: str | None
    n_sources: int


class Page(BaseModel):
    """A page of a list: follow `next` until it is null."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next: str | None


class EventPage(Page):
    items: list[EventRow]  # type: ignore[assignment]


class PersonPage(Page):
    items: list[PersonRow]  # type: ignore[assignment]


class AgreementPage(Page):
    items: list[AgreementRow]  # type: ignore[assignment]


class RelationPage(Page):
    items: list[RelationRow]  # type: ignore[assignment]


def paged(model: type[Page]) -> dict[int | str, dict[str, Any]]:
    return {200: {"model": model, "description": "One page of rows"}}
