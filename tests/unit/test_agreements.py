"""Documents signed or planned: each type, each status, subjects, dates, what is not a document."""
import pytest


def docs(engagements_of, text, published="2025-03-06"):
    return engagements_of(text, published)["agreements"]


MEETING = "Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak in Budapest on March 3. "


@pytest.mark.parametrize("sentence, doc_type, subject", [
    ("The two ministers signed a Memorandum of Understanding on defence cooperation.", "memorandum_of_understanding", "defence cooperation"),
    ("The two ministers signed an MoU on cyber security cooperation.", "memorandum_of_understanding", "cyber security cooperation"),
    ("The two ministers signed a Letter of Intent on military training cooperation.", "letter_of_intent", "military training cooperation"),
    ("The two ministers signed a Protocol between the two ministries on military medicine.", "protocol", "military medicine"),
    ("The two ministers signed a joint statement on the strategic partnership.", "joint_statement", "the strategic partnership"),
    ("The two ministers signed a Joint Vision Statement on Defence Relations.", "joint_vision_statement", "defence relations"),
    ("The two ministers signed a defence cooperation plan for 2026.", "plan", "defence cooperation for 2026"),
    ("The two ministers signed an agreement on the transfer of defence equipment.", "agreement", "the transfer of defence equipment"),
    ("The two ministers signed a Treaty of Friendship and Cooperation.", "treaty", "friendship and cooperation"),
    ("The two ministers signed a roadmap for peacekeeping cooperation.", "other", "peacekeeping cooperation"),
])
def test_each_type_signed_at_the_talks(engagements_of, sentence, doc_type, subject):
    found = docs(engagements_of, MEETING + sentence)
    assert len(found) == 1, found
    d = found[0]
    assert (d["type"], d["status"], d["countries"]) == (doc_type, "signed", ["HUN", "POL"])
    assert d["subject"] == subject
    assert d["date"] == "2025-03-03" and d["date_source"] == "event"     # signed at the talks
    assert d["evidence"][0]["text"] == sentence


def test_planned_document(engagements_of):
    d = docs(engagements_of, MEETING + "The two sides agreed to sign a memorandum of understanding on cyber security soon.")
    assert [(x["type"], x["status"], x["date"]) for x in d] == [("memorandum_of_understanding", "planned", None)]


def test_existing_document_with_its_own_date(engagements_of):
    text = MEETING + "They praised the Memorandum of Understanding on Defence Cooperation signed in October 2011."
    d = docs(engagements_of, text)
    assert [(x["type"], x["status"], x["date"], x["date_source"]) for x in d] == [
        ("memorandum_of_understanding", "signed", "2011-10", "text")]


def test_document_named_as_existing_counts_as_signed(engagements_of):
    d = docs(engagements_of, MEETING + "Both sides implemented the protocol on defence cooperation in the 2021-2025 period well.")
    assert [(x["type"], x["status"], x["date"]) for x in d] == [("protocol", "signed", None)]


@pytest.mark.parametrize("sentence", [
    "The two ministers called for the early signing of cooperation documents.",
    "They stressed respect for the 1982 UN Convention on the Law of the Sea (UNCLOS).",
    "They reached agreement on several issues.",
    "They reviewed the implementation of signed agreements.",
    "The ceremony followed state protocol.",
])
def test_not_a_bilateral_document(engagements_of, sentence):
    assert docs(engagements_of, MEETING + sentence) == []


# ---- issue 12: several documents named together ------------------------------------------------

def _docs(engagements_of, text, published="2023-03-20"):
    return engagements_of(text, published)["agreements"]


def test_a_list_of_fields_after_plural_documents_is_one_document_each(engagements_of):
    docs = _docs(engagements_of, "Hungary and Poland signed memoranda of understanding on defence cooperation, "
                                 "information and communication technologies and fisheries on March 3, 2023.")
    assert [d["subject"] for d in docs] == ["defence cooperation", "information and communication technologies",
                                            "fisheries"]
    assert {(d["type"], d["status"], d["date"]) for d in docs} == {("memorandum_of_understanding", "signed", "2023-03-03")}


def test_a_count_without_its_list_names_no_document(engagements_of):
    assert _docs(engagements_of, "Hungary and Poland signed nine agreements on Monday.") == []


def test_a_planned_signing_of_plural_documents(engagements_of):
    docs = _docs(engagements_of, "The presidents of Hungary and Poland are expected to hold talks before the signing "
                                 "of memoranda of understanding on trade and health.")
    assert [(d["subject"], d["status"]) for d in docs] == [("trade", "planned"), ("health", "planned")]


def test_a_subject_stops_at_the_date(engagements_of):
    docs = _docs(engagements_of, "Hungary and Poland signed an agreement on reciprocal access July 8 in Budapest.")
    assert [d["subject"] for d in docs] == ["reciprocal access"]


def test_a_document_dated_in_an_earlier_year_was_signed(engagements_of):
    found = _docs(engagements_of, "Poland was the first country to sign a Free Trade Agreement with Hungary in 2014.",
                  published="2024-11-14")
    assert [(d["subject"], d["status"], d["date"]) for d in found] == [("free trade", "signed", "2014")]


def test_a_month_first_numeric_date_and_an_issued_statement(engagements_of):
    found = _docs(engagements_of, "Hungary and Poland agreed to implement the security cooperation agreement "
                                  "signed on 5/27/1998.")
    assert [(d["subject"], d["date"]) for d in found] == [("security cooperation", "1998-05-27")]
    issued = _docs(engagements_of, "Hungary and Poland issued a joint statement on energy security on Monday.")
    assert [(d["type"], d["status"]) for d in issued] == [("joint_statement", "signed")]


@pytest.mark.parametrize("sentence, doc_type, subject", [
    ("Hungary and Poland vowed to implement a memorandum of understanding on oil and gas coordination.",
     "memorandum_of_understanding", "oil and gas coordination"),
    ("Hungary and Poland agreed to put a signed document on maritime cooperation into effect.", "other",
     "maritime cooperation"),
    ("Hungary and Poland signed a memorandum of understanding on defence equipment cooperation in Warsaw on Monday.",
     "memorandum_of_understanding", "defence equipment cooperation"),
])
def test_existing_documents_and_subjects_ending_at_a_place(engagements_of, sentence, doc_type, subject):
    found = _docs(engagements_of, sentence)
    assert [(d["type"], d["subject"], d["status"]) for d in found] == [(doc_type, subject, "signed")]


def test_a_year_before_the_document_word_is_its_date(engagements_of):
    found = _docs(engagements_of, "Hungary and Poland agreed that the new agreement on law cooperation will replace "
                                  "the 2017 protocol.")
    assert ("protocol", None, "2017") in [(d["type"], d["subject"], d["date"]) for d in found]


def test_a_date_after_one_document_is_not_the_next_ones(engagements_of):
    found = _docs(engagements_of, "They will implement the Memorandum of Understanding on Defence Cooperation signed "
                                  "in 2011 and the Joint Vision Statement on Defence Relations signed in 2015 between "
                                  "Hungary and Poland.")
    assert [(d["type"], d["date"]) for d in found] == [("memorandum_of_understanding", "2011"),
                                                       ("joint_vision_statement", "2015")]


def test_an_abbreviation_after_the_document_name_and_an_accord(engagements_of):
    found = _docs(engagements_of, "Hungary and Poland welcomed the signing of a Memorandum of Understanding (MoU) on "
                                  "cooperation in animal quarantine.")
    assert [(d["type"], d["subject"]) for d in found] == [("memorandum_of_understanding",
                                                           "cooperation in animal quarantine")]
    accord = _docs(engagements_of, "Hungary and Poland discussed the normalisation accord they signed last month.")
    assert [(d["type"], d["subject"]) for d in accord] == [("agreement", "normalisation")]


@pytest.mark.parametrize("sentence, expected", [
    ("Hungary and Poland agreed to develop an action plan for the new partnership.", [("plan", "planned")]),
    ("We are determined to develop our relations, which we raised with the Budapest Declaration, said the "
     "Hungarian President of Poland.", [("other", "signed")]),
])
def test_drawing_up_a_document_is_planning_it(engagements_of, sentence, expected):
    assert [(d["type"], d["status"]) for d in _docs(engagements_of, sentence)] == expected


def test_the_two_countries_are_the_pair_the_article_names_together(engagements_of):
    """Norway brokered and is named most, but 'the two countries' are the pair written together."""
    text = ("Chile and Peru agreed to reopen embassies after talks hosted by Norway, Norway's foreign ministry "
            "said. Norwegian Foreign Minister Ola Berg welcomed the step, and Norway offered further help. "
            "Chile and Peru will exchange ambassadors. "
            "The two countries also agreed to revive a trade agreement signed in 2001.")
    found = docs(engagements_of, text)
    assert [(d["countries"], d["date"]) for d in found] == [(["CHL", "PER"], "2001")]


@pytest.mark.parametrize("sentence", [
    "Chile and Peru agreed to reopen embassies, according to a joint statement by Santiago, Lima and Oslo.",
    "The talks ended with a trilateral statement by Chile, Peru and Norway.",
])
def test_a_statement_issued_by_three_states_is_theirs_and_exists(engagements_of, sentence):
    found = [d for d in docs(engagements_of, sentence) if d["type"] == "joint_statement"]
    assert [(d["countries"], d["status"]) for d in found] == [(["CHL", "NOR", "PER"], "signed")]


def test_a_joint_statement_only_announced_stays_planned_and_bilateral(engagements_of):
    found = docs(engagements_of, MEETING + "The two ministers will sign a joint statement on Friday.")
    assert [(d["countries"], d["status"]) for d in found] == [(["HUN", "POL"], "planned")]


@pytest.mark.parametrize("sentence, subjects", [
    # a counted list between dashes, the verb after it
    (" Two memoranda of understanding - one on coastal surveillance and one on hydrography – were signed after the talks.",
     ["coastal surveillance", "hydrography"]),
    # after a colon, each item opened by its link word
    (" The ministers signed three agreements: on customs, on fisheries and on tourism.", ["customs", "fisheries", "tourism"]),
])
def test_a_counted_list_after_a_dash_or_colon_gives_one_document_per_item(engagements_of, sentence, subjects):
    found = docs(engagements_of, MEETING + sentence)
    assert sorted(d["subject"] for d in found) == sorted(subjects) and {d["status"] for d in found} == {"signed"}


def test_a_dash_without_a_list_names_no_documents(engagements_of):
    # no count met by a list: "two agreements" alone gives no row nobody could cite
    assert docs(engagements_of, MEETING + " They signed two agreements - a sign of warming ties.") == []


def test_documents_in_a_list_of_sectors_are_one_document_each(engagements_of):
    # "agreements in the A, B and C sectors": the fields come before their noun, no "on"
    found = docs(engagements_of, MEETING + " During the visit the two countries signed several co-operation "
                                           "agreements in the forestry, customs and tourism sectors.")
    assert sorted(d["subject"] for d in found) == ["customs", "forestry", "tourism"]
    assert {(d["type"], d["status"]) for d in found} == {("agreement", "signed")}


def test_fields_coordinated_before_plural_documents_are_one_document_each(engagements_of):
    # the fields as modifiers before the noun; "the signature of" is the signing
    found = docs(engagements_of, MEETING + " They welcomed the signature of the customs and fisheries "
                                           "agreements last month.")
    assert sorted((d["subject"], d["status"]) for d in found) == [("customs", "signed"), ("fisheries", "signed")]


def test_a_pact_is_an_agreement(engagements_of):
    found = docs(engagements_of, MEETING + " The two countries signed a fisheries pact on Friday.")
    assert [(d["type"], d["status"]) for d in found] == [("agreement", "signed")]


def test_a_document_named_again_after_a_copula_is_the_same_document(engagements_of):
    # "X was a defence pact that both signed in 2008": one document, dated by the year after the copula
    found = docs(engagements_of, MEETING + " The Treaty of Friendship was a defence pact that both nations "
                                           "signed in 2008.")
    assert [(d["type"], d["date"]) for d in found] == [("treaty", "2008")]


@pytest.mark.parametrize("sentence, date", [
    # the anniversary's year written after the document
    (" They will mark the 45th anniversary of the two countries' friendship and cooperation treaty in 2022.", "1977"),
    # no year written: counted back from the publication year (2023)
    (" The ministers marked the 30th anniversary of their defence cooperation agreement.", "1993"),
])
def test_a_documents_anniversary_dates_its_signing(engagements_of, sentence, date):
    found = docs(engagements_of, MEETING + sentence, published="2023-03-20")
    assert [d["date"] for d in found] == [date]


def test_a_document_three_listed_states_signed_is_theirs(engagements_of):
    text = MEETING + ("The Vienna Declaration signed on January 13 by the Hungarian, Polish and Czech foreign "
                      "ministers noted their shared aims.")
    d = [x for x in docs(engagements_of, text) if "vienna" in (x["subject"] or "").lower()]
    assert [(x["countries"], x["date"]) for x in d] == [(["CZE", "HUN", "POL"], "2025-01-13")]


def test_the_document_a_renewal_replaces_is_another_with_its_own_date(engagements_of):
    text = ("Hungary and Poland renewed a Memorandum of Understanding on defence equipment cooperation. The Defence "
            "Equipment Cooperation MoU renews the one signed on April 1, 1997.")
    found = [d for d in docs(engagements_of, text, "2019-04-15") if d["type"] == "memorandum_of_understanding"]
    assert sorted((d["date"] or "", d["status"]) for d in found) == [("", "signed"), ("1997-04-01", "signed")]
    text = "The Defence Equipment Cooperation MoU between Hungary and Poland was signed on April 1, 1997."
    assert [d["date"] for d in docs(engagements_of, text, "2019-04-15")] == ["1997-04-01"]
