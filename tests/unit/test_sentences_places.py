"""Sentence splitting around officials' abbreviations, and gazetteer places."""
import pytest

from communique.extract.places import dateline_place, find_places
from communique.extract.sentences import split_sentences


def test_abbreviations_do_not_end_sentences():
    text = "Sen. Lt. Gen. Tran Van An met Mr. E. Novak in the U.S. capital. Talks followed.\nCaption line"
    assert [s.text for s in split_sentences(text)] == [
        "Sen. Lt. Gen. Tran Van An met Mr. E. Novak in the U.S. capital.", "Talks followed.", "Caption line"]


def test_offsets_point_into_the_body():
    text = "First one.  Second one."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_city_after_a_preposition_keeps_the_written_form():
    [p] = find_places("The talks were held in Hà Nội on Friday.")
    assert (p.text, p.name, p.country) == ("Hà Nội", "Hanoi", "VNM")


@pytest.mark.parametrize("text", ["In Budapest, the two presidents held talks.", "At Warsaw the ministers met."])
def test_a_city_after_a_preposition_opening_the_sentence(text):
    [p] = find_places(text)
    assert p.country in ("HUN", "POL") and p.text in ("Budapest", "Warsaw")


def test_city_after_a_named_venue():
    [p] = find_places("The talks took place at Government House, Canberra, on Monday.")
    assert (p.text, p.country) == ("Canberra", "AUS")
    assert find_places("He spoke at Carnegie Hall, a landmark.") == []


def test_country_names_and_months_are_not_cities():
    assert find_places("He arrived in Vietnam in May.") == []


def test_ambiguous_city_prefers_the_article_countries():
    [p] = find_places("He arrived in Moscow.", prefer=frozenset({"RUS"}))
    assert p.country == "RUS"


def test_datelines():
    assert dateline_place("SEOUL, May 27 (Agency) -- The minister").name == "Seoul"
    assert dateline_place("Minister Nowak said: we agree") is None


@pytest.mark.parametrize("text, name", [
    ("The talks were held in the southern city of Tunis on Monday.", "Tunis"),
    ("It is a pleasure to be in this wonderful city of Hanoi.", "Hanoi"),
    ("The minister arrived in Paris on Monday.", "Paris"),
])
def test_city_phrases_and_names_ending_in_s(text, name):

    assert [p.name for p in find_places(text)] == [name]


def test_a_visit_no_city_places_is_placed_in_its_country(engagements_of):
    text = "Polish President Jan Nowak paid an official visit to Hungary on March 3, 2024."
    visit = [e for e in engagements_of(text, "2024-03-05")["events"] if e["kind"] == "visit"][0]
    assert visit["place"] == "Hungary"


def test_a_sentence_end_whose_space_the_page_lost_still_ends_it():
    from communique.extract.sentences import split_sentences
    spans = split_sentences("The minister spoke to the newspaper.In their meeting, the two sides agreed. "
                            "The U.S.Navy and the talks.Earlier, they met.")
    assert [s.text for s in spans] == ["The minister spoke to the newspaper.", "In their meeting, the two sides agreed.",
                                       "The U.S.Navy and the talks.", "Earlier, they met."]
