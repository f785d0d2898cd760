"""Article -> Record: clean, run the nlp pipeline, assemble the record. One way through."""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from communique.clean import MAX_TOKEN_CHARS, clean, headline
from communique.errors import InputRejected
from communique.model import Article, Record
from communique.nlp import load_pipeline
from communique.nlp.guard import BUDGET, SPENT, failed
from communique.settings import Settings


def build_record(article: Article, cleaned, doc) -> Record:
    found = doc._.communique_engagements or {}
    return Record(
        id=article.id, url=article.url, outlet=article.outlet,
        title=article.title or headline(cleaned), published=article.published,
        published_source=article.published_source, body=cleaned.body, captions=cleaned.captions,
        people=list(doc._.communique_people or []), source=article.source,
        events=found.get("events", []), agreements=found.get("agreements", []), areas=found.get("areas", []),
        relations=found.get("relations", []),
        unresolved_events=found.get("unresolved_events", []), area_evidence=found.get("area_evidence", {}),
        statements=found.get("statements", []),
        extra=dict(article.extra, furniture_removed=sorted(set(cleaned.removed)), encoding=article.encoding),
    )


def extract(articles: Iterable[Article], settings: Settings | None = None) -> Iterator[Record | InputRejected]:
    """Records in input order; the nlp pipeline runs batched over cleaned bodies, in
    `settings.processes` worker processes when more than one (each loads the model once). An article
    that cannot be extracted (an error, over its time budget) comes out as an InputRejected with the
    reason, in its place; the others go on."""
    settings = settings or Settings.load()
    if settings.processes > 1:
        yield from _extract_parallel(articles, settings)
        return
    yield from _extract_here(articles, settings)


def _extract_here(articles: Iterable[Article], settings: Settings) -> Iterator[Record | InputRejected]:
    nlp = load_pipeline(settings.model, settings.ner, settings.lexicons)
    # No parser or statistical NER runs over whole texts (the NER gate reads short pieces), so the
    # model's 1M-character guard against their memory use does not apply; --max-bytes bounds inputs.
    nlp.max_length = max(nlp.max_length, settings.max_bytes + 1)
    refused: list[InputRejected] = []

    def cleaned_pairs():
        for article in articles:
            start = time.perf_counter()
            try:
                cleaned = clean(article.raw_text)
                if not cleaned.body.strip():
                    raise InputRejected(article.source, "no text left once page furniture and runs of over "
                                                      f"{MAX_TOKEN_CHARS} characters without a space were removed")
                doc = nlp.make_doc(cleaned.body)
            except InputRejected as exc:
                refused.append(exc)
                continue
            except Exception as exc:  # the article is refused with the reason; the batch goes on
                refused.append(InputRejected(article.source, f"cannot be read as text ({type(exc).__name__}: "
                                                             f"{str(exc)[:200]})"))
                continue
            doc.user_data["communique_text"] = cleaned.body      # == doc.text, which spaCy rebuilds per access
            doc.user_data[BUDGET] = settings.article_budget_s
            doc.user_data[SPENT] = time.perf_counter() - start
            doc._.communique_meta = {"url": article.url, "outlet": article.outlet, "published": article.published,
                                     "captions": cleaned.captions}
            yield doc, (article, cleaned)

    for doc, (article, cleaned) in nlp.pipe(cleaned_pairs(), as_tuples=True, batch_size=settings.batch_size):
        while refused:
            yield refused.pop(0)
        reason = failed(doc)
        if reason:
            yield InputRejected(article.source, reason)
            continue
        try:
            record = build_record(article, cleaned, doc)
        except Exception as exc:  # as for the components: one article's failure is its reject
            record = InputRejected(article.source, f"record could not be built ({type(exc).__name__}: {exc})")
        yield record
    yield from refused


_WORKER_SETTINGS: Settings | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    load_pipeline(settings.model, settings.ner, settings.lexicons)


def _worker_run(chunk: list[Article]) -> list[Record | InputRejected]:
    try:
        return list(_extract_here(chunk, _WORKER_SETTINGS))
    except BaseException as exc:  # a worker-level failure refuses its chunk, not the run
        return [InputRejected(a.source, f"extraction worker failed ({type(exc).__name__}: {exc})") for a in chunk]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _start_context(settings: Settings):
    """fork where the platform has it and this process runs no other thread: the workers then start
    with the pipeline, lexicons and gazetteer loaded here (copy-on-write) instead of loading them
    again (~3 s each). Otherwise spawn: forking a threaded process (a web server, a progress
    monitor) can deadlock the child."""
    import multiprocessing
    import threading

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        from communique.extract.places import gazetteer
        load_pipeline(settings.model, settings.ner, settings.lexicons)
        gazetteer()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _extract_parallel(articles: Iterable[Article], settings: Settings) -> Iterator[Record | InputRejected]:
    """Chunks of batch_size articles go to a pool of workers; results come back in input order
    with at most two chunks per worker in flight, so memory stays bounded on any input size."""
    from collections import deque

    with _start_context(settings).Pool(settings.processes, initializer=_worker_init, initargs=(settings,)) as pool:
        pending: deque = deque()
        for chunk in _chunks(articles, settings.batch_size):
            pending.append(pool.apply_async(_worker_run, (chunk,)))
            if len(pending) >= 2 * settings.processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
