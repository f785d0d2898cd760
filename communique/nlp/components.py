"""communique's spaCy components. Each is a small class built by a factory; the work is done by
plain functions in communique.extract so it can be tested without a pipeline."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique import lexicons as lexicon_store
from communique.extract.countries import country_mentions
from communique.extract.engagements import extract_engagements
from communique.extract.people import extract_people
from communique.nlp.extensions import doc_lines, doc_text, register
from communique.nlp.guard import failed, guarded
from communique.nlp.ner_gate import NerGate
from communique.settings import MODEL

register()

# The parser, tagger and lemmatizer are not read by any communique component, so they are left out.
UNUSED = ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]


class CountryTagger:
    """Finds country names, demonyms and party abbreviations; sets doc._.communique_countries and
    doc.spans['communique_countries'] (label = ISO alpha-3)."""

    def __call__(self, doc: Doc) -> Doc:
        if failed(doc):
            return doc
        with guarded(doc):
            found = country_mentions(doc_text(doc), doc_lines(doc))
            doc._.communique_countries = found
            spans = [doc.char_span(s.start, s.end, label=code, alignment_mode="expand") for code, s in found]
            doc.spans["communique_countries"] = [s for s in spans if s is not None]
        return doc


class PeopleFinder:
    """Officials with their titles, ranks and countries; reads the statistical PERSON entities (set
    only when the pipeline runs with --ner) for names no title anchors. Sets doc._.communique_people and doc.spans['communique_people']."""

    def __call__(self, doc: Doc) -> Doc:
        if failed(doc):
            return doc
        with guarded(doc):
            self._find(doc)
        return doc

    def _find(self, doc: Doc) -> None:
        ner = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        countries = doc._.communique_countries
        if countries is None:
            countries = country_mentions(doc_text(doc), doc_lines(doc))
        meta = doc._.communique_meta or {}
        people = extract_people(doc_text(doc), ner, countries, url=meta.get("url"), lines=doc_lines(doc),
                               outlet=meta.get("outlet"))
        doc._.communique_people = people
        spans = []
        for k, p in enumerate(people):
            for m in p.mentions:
                span = doc.char_span(m.start, m.end, label=f"person{k}", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["communique_people"] = spans


class EngagementFinder:
    """Events, agreements, areas of cooperation and statements, read sentence by sentence with the
    people and countries found before. Sets doc._.communique_engagements."""

    def __call__(self, doc: Doc) -> Doc:
        if failed(doc):
            return doc
        with guarded(doc):
            meta = doc._.communique_meta or {}
            countries = doc._.communique_countries
            if countries is None:
                countries = country_mentions(doc_text(doc), doc_lines(doc))
            doc._.communique_engagements = extract_engagements(
                doc_text(doc), meta.get("published"), doc._.communique_people or [], countries,
                meta.get("captions", []))
        return doc


@Language.factory("communique_ner_gate", default_config={"model": MODEL}, assigns=["doc.ents"])
def make_ner_gate(nlp: Language, name: str, model: str) -> NerGate:
    return NerGate(spacy.load(model, exclude=UNUSED))


# `lexicons`: a directory of lexicon files read instead of the shipped ones (communique.lexicons);
# "" keeps the shipped English lexicons. One directory per process.
@Language.factory("communique_countries", default_config={"lexicons": ""},
                  assigns=["doc._.communique_countries", "doc.spans"])
def make_country_tagger(nlp: Language, name: str, lexicons: str) -> CountryTagger:
    _use_lexicons(lexicons)
    return CountryTagger()


@Language.factory("communique_people", default_config={"lexicons": ""}, requires=["doc.ents"],
                  assigns=["doc._.communique_people", "doc.spans"])
def make_people_finder(nlp: Language, name: str, lexicons: str) -> PeopleFinder:
    _use_lexicons(lexicons)
    return PeopleFinder()


@Language.factory("communique_engagements", default_config={"lexicons": ""}, requires=["doc._.communique_people"],
                  assigns=["doc._.communique_engagements"])
def make_engagement_finder(nlp: Language, name: str, lexicons: str) -> EngagementFinder:
    _use_lexicons(lexicons)
    return EngagementFinder()


def _use_lexicons(directory: str) -> None:
    lexicon_store.use(directory or None)
    lexicon_store.check()
