"""The statistical NER, run only where it can matter — and only with `--ner` (Settings.ner).

Off by default: the title grammar, appositive offices and short-form rules find the officials,
and on dev the model then added only false people at five times the cost (docs/accuracy.md).
It stays for corpora that name people without titles.

Officials are found by the title grammar; the model's PERSON entities only add names no title
anchors, and those matter in sentences that report an engagement or quote someone. A cheap
lexical pass picks those sentences (an engagement trigger or a speech verb, and a run of two or
more capitalised words); the model runs on them alone, batched across documents, and the entities
are mapped back to the document. Most of a news article is neither, so most of the model's cost
is skipped (benchmarks/throughput.py measures it).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex
from spacy.tokens import Doc
from spacy.util import minibatch

from communique import lexicons
from communique.extract.events import any_trigger
from communique.nlp.extensions import doc_text

_SENTENCE = regex.compile(r"\S[^\n]*?(?:[.!?][\"”’')\]]*(?=\s+[\"“‘(]?\p{Lu})|$)", regex.MULTILINE)
_NAME_RUN = regex.compile(r"\b\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]+)+")


@lru_cache(maxsize=1)
def _cues() -> regex.Pattern:
    """Every engagement trigger (events.any_trigger) and the speech verbs of statements.json."""
    speech = lexicons.statements()["speech"]                    # officials quoted by name only
    return regex.compile(f"{any_trigger().pattern}|(?i:{speech})")


def sentences_that_matter(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence with an engagement cue or a speech verb and a run of two or
    more capitalised words."""
    cues = _cues()
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)
            if _NAME_RUN.search(m.group()) and cues.search(m.group())]


class NerGate:
    """Sets doc.ents from the model run on the sentences that matter (see module docstring)."""

    def __init__(self, ner_nlp, batch_size: int = 64):
        self.ner = ner_nlp
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size or self.batch_size):
            texts = [doc_text(doc) for doc in batch]
            pieces = [(k, a, texts[k][a:b]) for k in range(len(batch)) for a, b in sentences_that_matter(texts[k])]
            found: dict[int, list] = {}
            for (k, a, _), sent in zip(pieces, self.ner.pipe((p[2] for p in pieces), batch_size=self.batch_size), strict=False):
                for e in sent.ents:
                    span = batch[k].char_span(a + e.start_char, a + e.end_char, label=e.label_, alignment_mode="contract")
                    if span is not None:
                        found.setdefault(k, []).append(span)
            for k, doc in enumerate(batch):
                spans, last = [], -1
                for span in sorted(found.get(k, []), key=lambda s: s.start):
                    if span.start >= last:
                        spans.append(span)
                        last = span.end
                doc.ents = spans
                yield doc
