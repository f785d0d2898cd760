"""Relationship frameworks: each form the guidelines name, on sentences written for these tests."""
import pytest


def rels(engagements_of, text, published="2025-06-10"):
    return [(r["countries"], r["level"], r["status"], r["date"]) for r in engagements_of(text, published)["relations"]]


MEETING = "Polish Foreign Minister Jan Nowak held talks with Hungarian Foreign Minister Anna Kovacs in Warsaw on June 9. "


def test_established_with_a_written_date(engagements_of):
    found = rels(engagements_of, MEETING + "The two countries established a strategic partnership in March 2019.")
    assert found == [(["HUN", "POL"], "strategic partnership", "established", "2019-03")]


def test_partners_since_a_year_were_established_then(engagements_of):
    found = rels(engagements_of, MEETING + "Poland and Hungary have been strategic partners since 2016.")
    assert found == [(["HUN", "POL"], "strategic partnership", "established", "2016")]


@pytest.mark.parametrize("sentence, found", [
    ("Poland and Hungary signed a Comprehensive Strategic Partnership Treaty on Monday in Warsaw.",
     [(["HUN", "POL"], "comprehensive strategic partnership", "established", "2025-06-09")]),
    ("Hungary is a key partner of Poland, with which it signed a Strategic Partnership in 2018.",
     [(["HUN", "POL"], "strategic partnership", "established", "2018")]),
    # "N years after establishing X": X counted back from the year of the clause (publication, 2025)
    ("They upgraded ties to a comprehensive partnership, 30 years after establishing diplomatic relations.",
     [(["HUN", "POL"], "comprehensive partnership", "established", None),
      (["HUN", "POL"], "diplomatic relations", "established", "1995")]),
])
def test_signed_frameworks_and_years_after(engagements_of, sentence, found):
    assert sorted(rels(engagements_of, MEETING + sentence)) == sorted(found)


def test_established_date_before_the_verb(engagements_of):
    found = rels(engagements_of, MEETING + "During the Polish president's visit in May 2021, the two countries set up a "
                                           "Comprehensive Partnership.")
    assert found == [(["HUN", "POL"], "comprehensive partnership", "established", "2021-05")]


def test_diplomatic_relations_established_on_a_day(engagements_of):
    found = rels(engagements_of, MEETING + "Hungary was among the first states to establish diplomatic relations with "
                                           "Poland on April 2, 1958.")
    assert found == [(["HUN", "POL"], "diplomatic relations", "established", "1958-04-02")]


@pytest.mark.parametrize("sentence, status", [
    ("Last year the two countries upgraded their ties to a comprehensive strategic partnership.", "established"),
    ("Relations were elevated to the level of comprehensive strategic partnership.", "established"),
    ("Following the upgrade of bilateral relations to a comprehensive strategic partnership, trade grew.", "established"),
    ("The two countries will elevate their relationship to a comprehensive strategic partnership.", "planned"),
    ("Both sides agreed to upgrade bilateral ties to a comprehensive strategic partnership soon.", "planned"),
    ("They are pushing to raise the relationship to a comprehensive strategic partnership.", "planned"),
])
def test_upgrade_done_or_intended(engagements_of, sentence, status):
    found = rels(engagements_of, MEETING + sentence)
    assert [(c, lvl, st) for c, lvl, st, _ in found] == [(["HUN", "POL"], "comprehensive strategic partnership", status)]


def test_upgrade_from_one_level_towards_another(engagements_of):
    found = rels(engagements_of, MEETING + "They agreed to lift the strategic partnership to new heights, towards a "
                                           "comprehensive strategic partnership in the coming years.")
    assert sorted(found) == [(["HUN", "POL"], "comprehensive strategic partnership", "planned", None),
                             (["HUN", "POL"], "strategic partnership", "current", None)]


@pytest.mark.parametrize("sentence, date", [
    # the anniversary is now: counted back from the publication year (2025)
    ("The two countries are celebrating the 20th anniversary of their strategic partnership.", "2005"),
    ("The visit comes as the two sides mark 15 years of their comprehensive partnership.", "2010"),
    # the text places the anniversary in a year of its own
    ("They will hold events for the 70th anniversary of diplomatic relations in 2026.", "1956"),
    ("2027 marks the 60th anniversary of the normalisation of diplomatic relations between them.", "1967"),
    ("They prepared for the 35th anniversary of bilateral diplomatic ties next year.", "1991"),
    # both years written: the founding year as given
    ("They welcomed the 65th anniversary of diplomatic relations (1960-2025).", "1960"),
    # the anniversary's own day: the founding day, that many years before
    ("They spoke on the 40th founding anniversary of their diplomatic relations (October 3, 2025).", "1985-10-03"),
    # an anniversary still ahead with no year: not counted
    ("They are working towards the 50th anniversary of diplomatic relations.", None),
])
def test_anniversary_arithmetic(engagements_of, sentence, date):
    found = rels(engagements_of, MEETING + sentence)
    assert len(found) == 1, found
    countries, level, status, got = found[0]
    assert (countries, status, got) == (["HUN", "POL"], "established", date)


def test_anniversary_without_a_publication_date_gives_no_year(engagements_of):
    found = rels(engagements_of, MEETING + "The two countries are celebrating the 20th anniversary of their strategic "
                                           "partnership.", published=None)
    assert found == [(["HUN", "POL"], "strategic partnership", "established", None)]


@pytest.mark.parametrize("sentence, level", [
    ("Nowak praised the Poland-Hungary comprehensive strategic partnership.", "comprehensive strategic partnership"),
    ("Defence is a pillar of the strategic partnership between Poland and Hungary.", "strategic partnership"),
    ("Kovacs said Hungary values its enhanced strategic partnership with Poland.", "enhanced strategic partnership"),
    ("Poland and Hungary are comprehensive strategic partners of coordination.",
     "comprehensive strategic partnership of coordination"),
    ("They discussed the Polish-Hungarian alliance and regional security.", "alliance"),
    ("The two countries' special relationship has deep roots.", "special relationship"),
])
def test_current_level(engagements_of, sentence, level):
    assert rels(engagements_of, MEETING + sentence) == [(["HUN", "POL"], level, "current", None)]


@pytest.mark.parametrize("sentence, level", [
    ("Poland and Hungary agreed to restore diplomatic relations within two months.", "diplomatic relations"),
    ("Kovacs called for a comprehensive partnership between the two countries.", "comprehensive partnership"),
    ("“We will build a global strategic partnership together,” Nowak said.", "global strategic partnership"),
])
def test_planned(engagements_of, sentence, level):
    assert rels(engagements_of, MEETING + sentence) == [(["HUN", "POL"], level, "planned", None)]


@pytest.mark.parametrize("sentence", [
    "The two countries enjoy a traditional friendship and close ties.",
    "Nowak praised the good relations between Poland and Hungary.",
    "Diplomatic relations between Poland and Hungary have developed well.",
    "They hoped to upgrade bilateral relations to a new level.",
    "Hungary has strategic partnerships with twelve countries.",
    "Poland is not part of any military alliances.",
    "They looked forward to a fruitful partnership in the defence industry.",
    "The two countries belong to the Regional Comprehensive Economic Partnership.",
    "They signed the Framework Agreement on Comprehensive Partnership and Cooperation.",
    "They laid flowers at the Poland-Hungary Friendship Alliance monument.",
    "Poland and Hungary have no strategic partnership yet.",
])
def test_descriptions_that_name_no_framework_give_nothing(engagements_of, sentence):
    assert rels(engagements_of, MEETING + sentence) == []


def test_a_framework_with_a_third_party_is_not_the_articles_pair(engagements_of):
    found = rels(engagements_of, MEETING + "They welcomed the ASEAN-Poland strategic partnership.")
    assert found == []


def test_repeats_are_one_relation_and_current_gives_way_to_established(engagements_of):
    text = (MEETING + "The two countries established their strategic partnership in 2017. "
            "Nowak said the strategic partnership between Poland and Hungary keeps growing. "
            "Kovacs agreed that the strategic partnership serves both peoples.")
    found = engagements_of(text, "2025-06-10")["relations"]
    assert [(r["level"], r["status"], r["date"]) for r in found] == [("strategic partnership", "established", "2017")]
    assert len(found[0]["evidence"]) == 1
    ev = found[0]["evidence"][0]
    assert text[ev["start"]:ev["end"]] == ev["text"] and "strategic partnership" in ev["text"]


def test_an_anniversary_of_relations_set_up_in_a_written_year_keeps_that_year(engagements_of):
    found = rels(engagements_of, MEETING + "They marked the 55th anniversary of diplomatic relations established "
                                           "in 1970.")
    assert found == [(["HUN", "POL"], "diplomatic relations", "established", "1970")]
