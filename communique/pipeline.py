"""Article -> Record: clean, run the nlp pipeline, assemble the record. One way through."""
from __future__ import annotations

from typing import Iterable, Iterator

from communique.clean import clean, headline
from communique.model import Article, Record
from communique.nlp import load_pipeline
from communique.settings import Settings


def build_record(article: Article, cleaned, doc) -> Record:
    found = doc._.communique_engagements or {}
    return Record(
        id=article.id, url=article.url, outlet=article.outlet,
        title=article.title or headline(cleaned), published=article.published,
        published_source=article.published_source, body=cleaned.body, captions=cleaned.captions,
        people=list(doc._.communique_people or []), source=article.source,
        events=found.get("events", []), agreements=found.get("agreements", []), areas=found.get("areas", []),
        unresolved_events=found.get("unresolved_events", []), area_evidence=found.get("area_evidence", {}),
        statements=found.get("statements", []),
        extra=dict(article.extra, furniture_removed=sorted(set(cleaned.removed)), encoding=article.encoding),
    )


def extract(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Record]:
    """Records in input order; the nlp pipeline runs batched over cleaned bodies."""
    settings = settings or Settings.load()
    nlp = load_pipeline(settings.model)

    def cleaned_pairs():
        for article in articles:
            cleaned = clean(article.raw_text)
            doc = nlp.make_doc(cleaned.body)
            doc._.communique_meta = {"url": article.url, "outlet": article.outlet, "published": article.published,
                                     "captions": cleaned.captions}
            yield doc, (article, cleaned)

    for doc, (article, cleaned) in nlp.pipe(cleaned_pairs(), as_tuples=True, batch_size=settings.batch_size):
        yield build_record(article, cleaned, doc)
