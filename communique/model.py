"""The values that flow between stages. Plain dataclasses; `as_dict` gives the JSON record shape."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One input article as read, before cleaning. `raw_text` is exactly what the reader decoded."""

    id: str
    raw_text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None          # ISO date at the precision known
    published_source: str | None = None   # metadata | date_line | dateline | url | html_meta
    source: str = ""                      # file path (and :line) it came from
    encoding: str = "utf-8"
    extra: dict[str, Any] = field(default_factory=dict)  # unknown JSONL keys, kept


@dataclass
class Span:
    """A stretch of the cleaned body: [start, end) character offsets and the text there."""

    start: int
    end: int
    text: str


@dataclass
class Evidence(Span):
    """A span that supports a fact, with the lexicon rule that made it evidence ("events:phone_call",
    "documents:memorandum", "areas:defence_industry", "relations:framework/established"). The rule
    does not take part in comparing spans: one sentence is one piece of evidence."""

    rule: str | None = field(default=None, compare=False)


def spans_json(spans: list[Span]) -> list[dict]:
    """Evidence spans in record shape (`rule` on the spans a rule produced)."""
    out = []
    for sp in spans:
        rule = getattr(sp, "rule", None)
        out.append({"start": sp.start, "end": sp.end, "text": sp.text, **({"rule": rule} if rule else {})})
    return out


@dataclass
class Cleaned:
    """Body text without page furniture, with a map back to the raw text.

    `segments` holds (clean_start, raw_start, length) triples: clean[cs:cs+n] == raw[rs:rs+n].
    """

    body: str
    captions: list[Span]
    segments: list[tuple[int, int, int]]
    removed: list[str] = field(default_factory=list)  # names of the furniture rules that fired

    def to_raw(self, offset: int) -> int:
        """Map a body offset to the raw text offset (the position inside the segment holding it)."""
        for cs, rs, n in self.segments:
            if cs <= offset <= cs + n:
                return rs + (offset - cs)
        raise ValueError(f"offset {offset} outside the body")


@dataclass
class Person:
    name: str
    title: str | None = None
    rank: str | None = None
    country: str | None = None
    country_source: str | None = None   # title | of | counterpart | appositive | list | delegation | other_side | speaks_for | opposite | home
    honorific: str | None = None
    titles: list[str] = field(default_factory=list)   # every office the article gives them
    mentions: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The person in record shape (JSON-serialisable: mentions as {start, end, text})."""
        return asdict(self)


@dataclass
class Record:
    """The per-article record written by `communique extract` and stored by `ingest`."""

    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    published_source: str | None
    body: str
    captions: list[Span]
    people: list[Person]
    events: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)           # named frameworks of a pair's ties
    unresolved_events: list[dict] = field(default_factory=list)   # engagements named but not completed
    area_evidence: dict[str, list[dict]] = field(default_factory=dict)
    statements: list[dict] = field(default_factory=list)
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
