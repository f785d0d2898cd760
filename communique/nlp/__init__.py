"""communique as spaCy components: load_pipeline() gives the pinned model's tokenizer with them.

components.py  the factories (communique_countries, communique_people, communique_engagements,
               communique_ner_gate), registered for spaCy by the `spacy_factories` entry point
extensions.py  the Doc._ extensions they set
ner_gate.py    spaCy's statistical NER, run only on sentences that can hold an engagement
guard.py       a time budget per document
load.py        load_pipeline()
The work itself is done by plain functions in communique.extract, testable without a pipeline.
"""
from communique.nlp.load import load_pipeline

__all__ = ["load_pipeline"]
