"""Every Doc._ extension communique uses, registered in one place (and only once)."""
from __future__ import annotations

from spacy.tokens import Doc

from communique.extract.lexmatch import tag_lines

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


def doc_text(doc: Doc) -> str:
    """doc.text, computed once: spaCy rebuilds it from every token on each access (2 ms for a news
    article), and four components read it."""
    text = doc.user_data.get("communique_text")
    if text is None:
        text = doc.user_data["communique_text"] = doc.text
    return text


def doc_lines(doc: Doc):
    """The body's lines tokenised and tagged with the lexicons (lexmatch.tag_lines), once per document:
    the country and the people components both read them."""
    lines = doc.user_data.get("communique_lines")
    if lines is None:
        lines = doc.user_data["communique_lines"] = tag_lines(doc_text(doc))
    return lines
