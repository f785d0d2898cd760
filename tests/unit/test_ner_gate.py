"""The lexical pass that decides where the statistical NER runs, and the gate component."""
import pytest

from communique.nlp.ner_gate import sentences_that_matter


def test_engagement_and_quoted_sentences_with_names_are_selected():
    text = ("The weather was fine in the capital. Minister Tran Quoc Binh held talks with Ivan Sokolov on May 3.\n"
            "Ivan Sokolov said cooperation would grow. The economy grew by five percent last year.")
    picked = [text[a:b] for a, b in sentences_that_matter(text)]
    assert picked == ["Minister Tran Quoc Binh held talks with Ivan Sokolov on May 3.",
                      "Ivan Sokolov said cooperation would grow."]


def test_sentences_without_a_name_or_a_cue_are_skipped():
    text = "The talks were held in a friendly atmosphere. Hanoi Metro Line Two opened to the public."
    assert sentences_that_matter(text) == []


@pytest.fixture(scope="module")
def nlp_with_ner():
    """The pipeline the gate belongs to: `--ner` (the default pipeline has no statistical NER at all)."""
    from communique.nlp import load_pipeline
    nlp = load_pipeline(ner=True)
    assert "communique_ner_gate" in nlp.pipe_names
    return nlp


def test_the_gate_finds_people_only_in_selected_sentences(nlp_with_ner):
    text = ("Officials discussed budgets. Lao Minister Khamphong Souvanna held talks with Ivan Sokolov in Hanoi. "
            "A long paragraph about Peter Smith and the football season followed.")
    doc = nlp_with_ner.make_doc(text)
    doc._.communique_meta = {}
    doc = nlp_with_ner(doc)
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert "Ivan Sokolov" in persons                      # NER ran on the engagement sentence
    assert "Peter Smith" not in persons                   # and not on the sentence with no cue
    assert all(text.index(p) < text.index("A long paragraph") for p in persons)
    # a name no title anchors reaches the people only through the gate's NER
    assert "Ivan Sokolov" in [p.name for p in doc._.communique_people]


def test_without_ner_the_pipeline_sets_no_entities(nlp):
    doc = nlp.make_doc("Lao Minister Khamphong Souvanna held talks with Ivan Sokolov in Hanoi.")
    doc._.communique_meta = {}
    assert list(nlp(doc).ents) == []


@pytest.mark.slow
def test_parallel_extraction_gives_the_same_records(tmp_path):
    import json

    from support import cli
    rows = [{"id": f"p{i}", "text": f"Vietnamese Minister of National Defence General Tran Quoc Binh held talks "
                                    f"with Lao Minister Khamphong Souvanna in Hanoi on May {i + 1}."} for i in range(6)]
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    one = cli("extract", str(src))
    two = cli("extract", str(src), "--processes", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 6
