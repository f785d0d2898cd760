"""The fast paths give the answers of the slow ones they replace (checked on real articles)."""
import json

import pytest
from support import SHARED, needs_shared

from communique.clean import clean
from communique.extract.countries import country_mentions
from communique.extract.dates import find_dates
from communique.extract.events import any_trigger, rules
from communique.extract.lexmatch import tag_lines
from communique.extract.sentences import split_sentences


def _bodies(n=30):
    rows = (SHARED / "corpus" / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    return [clean(json.loads(r)["text"]).body for r in rows]


def _sentence_texts(body):
    return [s.text for s in split_sentences(body)]


@needs_shared
def test_trigger_prefilter_matches_exactly_when_a_rule_does():
    all_rules = rules()[0]
    seen = 0
    for body in _bodies():
        for text in _sentence_texts(body):
            slow = any(r.pattern.search(text) for r in all_rules)
            assert bool(any_trigger().search(text)) == slow, text
            seen += slow
    assert seen > 20


@needs_shared
def test_date_cues_skip_only_forms_that_cannot_match(monkeypatch):
    from communique.extract import dates
    texts = [t for body in _bodies() for t in _sentence_texts(body)]
    gated = [find_dates(t, "2025-06-01") for t in texts]
    assert sum(map(len, gated)) > 30
    monkeypatch.setattr(dates, "_forms", lambda text: dates._PATTERNS)      # every form on every sentence
    assert [find_dates(t, "2025-06-01") for t in texts] == gated


def test_country_pass_reads_the_shared_tagged_lines():
    body = "Polish Defence Minister Jan Nowak met Hungarian officials.\n\nThe U.S. and Vietnam were mentioned."
    assert country_mentions(body) == country_mentions(body, tag_lines(body))
    assert [c for c, _ in country_mentions(body)] == ["POL", "HUN", "USA", "VNM"]


@pytest.mark.parametrize("ner, names", [(False, ["Jan Nowak"]), (True, ["Anna Kovacs", "Jan Nowak"])])
def test_statistical_ner_only_when_asked(ner, names):
    """A name with no title is found only by the model, which runs only with --ner."""
    from communique.nlp import load_pipeline
    nlp = load_pipeline(ner=ner)
    assert ("communique_ner_gate" in nlp.pipe_names) is ner
    doc = nlp("Anna Kovacs held talks with Polish Defence Minister Jan Nowak in Warsaw on Monday.")
    assert sorted(p.name for p in doc._.communique_people) == names


def test_ner_setting_from_the_environment(monkeypatch):
    from communique.settings import Settings
    monkeypatch.setenv("COMMUNIQUE_NER", "0")
    assert Settings.load().ner is False
    monkeypatch.setenv("COMMUNIQUE_NER", "1")
    assert Settings.load().ner is True
    assert Settings.load(ner=False).ner is False


def test_no_trigger_matches_text_without_a_three_letter_word():
    """candidates() skips sentences with no word of three letters (a run of initials or numbers); that
    is safe only while every trigger pattern needs such a word."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from communique.extract.events.candidates import _HAS_WORD
    short = st.from_regex(r"\A(?:[A-Za-z]{1,2}\.?|[0-9]{1,4}|[,;:()'\"–-])\Z", fullmatch=True)
    sep = st.sampled_from([" ", "  ", "\n", ", "])

    @settings(max_examples=300, deadline=None, database=None)
    @given(st.lists(st.tuples(short, sep), min_size=1, max_size=40))
    def check(parts):
        text = "".join(a + b for a, b in parts)
        assert not _HAS_WORD.search(text)
        assert not any_trigger().search(text), text

    check()
