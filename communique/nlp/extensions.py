"""Every Doc._ extension communique uses, registered in one place (and only once)."""
from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    "communique_meta": None,        # dict: url, outlet, published, captions of the article (set before the pipe)
    "communique_countries": None,   # list[(alpha3, Span)]: country names and demonyms
    "communique_people": None,      # list[model.Person]
    "communique_engagements": None, # dict: events, unresolved_events, agreements, areas, area_evidence, statements
}


def register() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
