"""Engagement rules on sentences written here: each kind and subtype, news versus background,
host and guest, places, merging. Fictional officials; real states."""
import pytest


def events(engagements_of, text, published=None):
    return engagements_of(text, published)["events"]


def only(evs, kind, historical=False):
    found = [e for e in evs if e["kind"] == kind and e["historical"] == historical]
    assert len(found) == 1, evs
    return found[0]


@pytest.mark.parametrize("sentence, kind, subtype", [
    ("Hungarian Defence Minister Anna Kovacs held talks with her Polish counterpart Jan Nowak in Warsaw on March 3.",
     "meeting", "talks"),
    ("Hungarian Defence Minister Anna Kovacs received Polish Ambassador Jan Nowak in Budapest on March 3.",
     "meeting", "reception"),
    ("Polish Ambassador Jan Nowak paid a courtesy call on Hungarian Defence Minister Anna Kovacs on March 3.",
     "meeting", "courtesy call"),
    ("Hungarian Deputy Foreign Minister Anna Kovacs and Polish Deputy Foreign Minister Jan Nowak co-chaired "
     "the third political consultation in Budapest on March 3.", "meeting", "political consultation"),
    ("Hungarian Defence Minister Anna Kovacs hosted a welcome ceremony for Polish Defence Minister Jan Nowak "
     "in Budapest on March 3.", "meeting", "welcome ceremony"),
    ("Hungarian Prime Minister Anna Kovacs held phone talks with Polish Prime Minister Jan Nowak on March 3.",
     "call", "phone call"),
    ("Hungarian Prime Minister Anna Kovacs and Polish Prime Minister Jan Nowak held a video conference on March 3.",
     "call", "video call"),
    ("Polish Defence Minister Jan Nowak paid an official visit to Hungary from March 3-5.", "visit", "official visit"),
])
def test_kind_and_subtype(engagements_of, sentence, kind, subtype):
    e = only(events(engagements_of, sentence, "2025-03-06"), kind)
    assert e["subtype"] == subtype
    assert e["countries"] == ["HUN", "POL"]
    assert e["date"] == "2025-03-03"
    assert e["evidence"][0]["text"] == sentence


def test_multilateral_gathering_with_a_named_official(engagements_of):
    text = "Polish Defence Minister Jan Nowak attended the ASEAN Defence Ministers' Meeting-Plus in Jakarta on November 16."
    e = only(events(engagements_of, text, "2025-11-17"), "multilateral")
    assert e["mechanism"].startswith("ASEAN Defence Ministers")
    assert "POL" in e["countries"] and e["plover"]["mode"] == "multilateral"


def test_dialogue_mechanism_and_ordinal(engagements_of):
    text = ("Hungarian Deputy Defence Minister Anna Kovacs and Polish Deputy Defence Minister Jan Nowak "
            "co-chaired the 7th Hungary-Poland Defence Strategy Dialogue in Budapest on May 2.")
    e = only(events(engagements_of, text, "2025-05-03"), "meeting")
    assert (e["subtype"], e["ordinal"]) == ("dialogue", 7)
    assert "Defence Strategy Dialogue" in e["mechanism"]


def test_ceremony_and_talks_on_one_day_are_one_meeting(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs hosted a welcome ceremony for Polish Defence Minister Jan Nowak "
            "in Budapest on March 3. Following the ceremony, the two ministers held talks.")
    evs = events(engagements_of, text, "2025-03-04")
    meetings = [e for e in evs if e["kind"] == "meeting"]
    assert len(meetings) == 1 and len(meetings[0]["evidence"]) == 2


def test_visit_host_guest_and_month_of_the_talks(engagements_of):
    text = ("Polish Defence Minister Jan Nowak, who is on an official visit to Hungary, held talks with "
            "Hungarian Defence Minister Anna Kovacs in Budapest on March 3.")
    evs = events(engagements_of, text, "2025-03-04")
    visit = only(evs, "visit")
    assert (visit["host"], visit["guest"]) == ("HUN", "POL")
    assert visit["people"] == ["Jan Nowak"]
    assert visit["date"] == "2025-03" and visit["date_source"] == "context"
    meeting = only(evs, "meeting")
    assert meeting["place"] == "Budapest" and meeting["host"] == "HUN"
    assert meeting["plover"] == {"type": "CONSULT", "mode": "host"} and meeting["cameo"] == "043"


def test_recalled_visit_is_background(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak on March 3. "
            "She recalled the state visit to Poland in May 2019 by Hungarian President Laszlo Farkas.")
    evs = events(engagements_of, text, "2025-03-04")
    old = only(evs, "visit", historical=True)
    assert old["date"] == "2019-05" and old["people"] == ["Laszlo Farkas"]
    assert only(evs, "meeting")["historical"] is False


def test_previous_round_is_background(engagements_of):
    text = ("Hungarian Deputy Defence Minister Anna Kovacs held talks with Polish Deputy Defence Minister Jan Nowak "
            "on March 3. They reviewed the results achieved since the previous dialogue in July 2023.")
    evs = events(engagements_of, text, "2025-03-04")
    assert only(evs, "meeting", historical=True)["date"] == "2023-07"


def test_two_meetings_of_one_pair_on_different_days_stay_two(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak on March 3. "
            "On March 5, Polish Defence Minister Jan Nowak met with Hungarian Prime Minister Eva Szabo.")
    meetings = [e for e in events(engagements_of, text, "2025-03-06") if e["kind"] == "meeting"]
    assert sorted(e["date"] for e in meetings) == ["2025-03-03", "2025-03-05"]


def test_invitations_and_exchanges_of_visits_are_not_engagements(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs invited Polish Defence Minister Jan Nowak to visit Hungary. "
            "The two sides agreed to increase exchanges of visits.")
    assert [e for e in events(engagements_of, text, "2025-03-06") if e["kind"] == "visit"] == []


def test_talks_only_referred_to_still_make_an_incomplete_event(engagements_of):
    text = "Hungary and Poland agreed to expand cooperation. At the talks, the two sides discussed training."
    found = engagements_of(text, "2025-03-06")
    assert [e["kind"] for e in found["events"]] == ["meeting"]
    e = found["events"][0]
    # no sentence dates it and the lead names no other day: the publication day, labelled as such (issue 12)
    assert e["confidence"] < 1.0 and (e["date"], e["date_source"]) == ("2025-03-06", "published")


def test_undated_article_keeps_unknown_year(engagements_of):
    text = "Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak on March 3."
    assert only(events(engagements_of, text, None), "meeting")["date"] == "XXXX-03-03"


def test_dateline_city_places_the_news(engagements_of):
    text = ("WARSAW (Agency) - Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister "
            "Jan Nowak on March 3.")
    assert only(events(engagements_of, text, "2025-03-04"), "meeting")["place"] == "Warsaw"   # not the capitals


def test_headline_case_acronym_before_an_office_is_the_country():
    from communique.extract.countries import country_mentions
    found = country_mentions("Party Leader Hosts Welcome Ceremony For Us President\n\nThe talks went well.")
    assert [c for c, _ in found] == ["USA"]
    assert country_mentions("Readers Join Us Today For The Annual Summit Report\n\nText.") == []
    assert country_mentions("Nobody told us president elections were near.") == []


def test_unattributed_talks_are_held_by_each_sides_quoted_principal(engagements_of):
    text = ("At the talks, the two sides reviewed cooperation in training and defence industry. "
            "Vietnamese Defence Minister General Tran Quoc Binh spoke first. "
            "Binh said the ties were growing. For his part, Minister Orlov said Russia is ready to help.")
    found = engagements_of(text)
    [meeting] = [e for e in found["events"] if e["kind"] == "meeting"]
    assert set(meeting["countries"]) == {"RUS", "VNM"}
    assert {"Tran Quoc Binh", "Orlov"} <= set(meeting["people"])


def test_a_pronoun_subject_is_the_other_sides_last_named_person(engagements_of):
    text = ("Polish Defence Minister Jan Nowak arrived in Budapest on March 3 for a one-day visit to Hungary. "
            "Earlier today, he met with Prime Minister Anna Kovacs at the Carmelite Monastery, Budapest.")
    meeting = only(events(engagements_of, text, "2025-03-03"), "meeting")
    assert set(meeting["people"]) == {"Jan Nowak", "Anna Kovacs"}
    assert meeting["place"] == "Budapest"


def test_a_bid_to_host_is_not_an_engagement(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs asked for Poland's support for Hungary's bid to host the "
            "2036 World Expo.")
    assert [e for e in events(engagements_of, text, "2025-03-03") if e["kind"] == "multilateral"] == []


# ---- issue 12: dates stated outside the trigger sentence --------------------------------------

def test_undated_news_talks_take_the_publication_day_or_month(engagements_of):
    e = only(events(engagements_of, "Hungarian Prime Minister Anna Kovacs held talks with Polish Prime Minister "
                                    "Jan Nowak in Warsaw.", published="2024-05-17"), "meeting")
    assert (e["date"], e["date_precision"], e["date_source"]) == ("2024-05-17", "day", "published")
    # a lead that tells of another day: the talks may have been then, only the month is sure
    e = only(events(engagements_of, "I was in Vienna last Thursday for a funeral. Hungarian Prime Minister "
                                    "Anna Kovacs held talks with Polish Prime Minister Jan Nowak in Warsaw.",
                    published="2024-05-17"), "meeting")
    assert (e["date"], e["date_precision"], e["date_source"]) == ("2024-05", "month", "published")


def test_on_a_months_first_day_the_publication_date_gives_no_month(engagements_of):
    e = only(events(engagements_of, "Hungarian Prime Minister Anna Kovacs held talks with Polish Prime Minister "
                                    "Jan Nowak in Warsaw.", published="2024-05-01"), "meeting")
    assert e["date"] is None


def test_talks_during_a_dated_visit_take_its_month(engagements_of):
    text = ("Polish Prime Minister Jan Nowak began an official visit to Hungary on March 3, 2023. "
            "Nowak held talks with Hungarian Prime Minister Anna Kovacs in Budapest.")
    evs = events(engagements_of, text, published="2023-04-20")
    assert only(evs, "visit")["date"] == "2023-03-03"
    talks = only(evs, "meeting")
    assert (talks["date"], talks["date_source"]) == ("2023-03", "visit")


def test_one_visitor_meeting_several_principals_is_several_meetings(engagements_of):
    text = ("Polish President Jan Nowak met Hungarian Prime Minister Anna Kovacs, Speaker of the National Assembly "
            "Bela Toth and Minister of Defence Gabor Szabo in Budapest on March 3, 2023.")
    meetings = [e for e in events(engagements_of, text) if e["kind"] == "meeting"]
    assert sorted(e["people"][1] for e in meetings) == ["Anna Kovacs", "Bela Toth", "Gabor Szabo"]
    assert all(e["people"][0] == "Jan Nowak" and e["date"] == "2023-03-03" for e in meetings)


def test_co_hosts_named_before_the_trigger_hold_one_meeting(engagements_of):
    text = ("Hungarian Prime Minister Anna Kovacs and Speaker of the National Assembly Bela Toth hosted a welcome "
            "ceremony for Polish President Jan Nowak in Budapest on March 3, 2023.")
    assert len([e for e in events(engagements_of, text) if e["kind"] == "meeting"]) == 1


def test_a_meeting_sentence_with_three_states_is_the_leading_pairs_meeting(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak in Budapest "
            "on March 3, 2023, with Czech Ambassador Petr Dvorak in attendance.")
    assert [e["countries"] for e in events(engagements_of, text) if e["kind"] == "meeting"] == [["HUN", "POL"]]


@pytest.mark.parametrize("text, kind", [
    ("Polish President Jan Nowak held bilateral meetings with his counterparts from Hungary, Slovakia and "
     "Lithuania in Warsaw on March 3, 2023.", "meeting"),
    ("Leaders from Hungary, Slovakia, and Lithuania called Polish President Jan Nowak on March 3, 2023 to "
     "congratulate him.", "call"),
])
def test_counterparts_from_a_list_of_states_are_one_engagement_each(engagements_of, text, kind):
    found = [e for e in events(engagements_of, text) if e["kind"] == kind]
    assert sorted(tuple(e["countries"]) for e in found) == [("HUN", "POL"), ("LTU", "POL"), ("POL", "SVK")]
    assert all(e["people"] == ["Jan Nowak"] and e["date"] == "2023-03-03" for e in found)


def test_a_back_reference_joins_the_engagement_spoken_of_last(engagements_of):
    text = ("Polish Defence Minister Jan Nowak met his counterparts from Hungary, Slovakia and Lithuania in Warsaw "
            "on March 3, 2023. Nowak and Hungarian Defence Minister Anna Kovacs discussed training in their "
            "meeting. The two ministers agreed to implement the Memorandum of Understanding on Defence "
            "Cooperation signed in 2019.")
    found = engagements_of(text, "2023-03-05")
    assert [d["countries"] for d in found["agreements"]] == [["HUN", "POL"]]


def test_a_dateline_day_is_the_filing_day_not_the_meetings(engagements_of):
    text = ("Warsaw, 4 March The fifth Poland-Hungary Defence Policy Dialogue took place in the capital.\n\n"
            "Polish Deputy Defence Minister Jan Nowak held talks with Hungarian Deputy Defence Minister Anna "
            "Kovacs at the dialogue on Thursday.")
    meetings = [e for e in events(engagements_of, text, published="2023-03-04") if e["kind"] == "meeting"]
    assert [(e["date"], e["countries"]) for e in meetings] == [("2023-03-02", ["HUN", "POL"])]


def test_a_fronted_date_is_not_a_dateline(engagements_of):
    text = "On March 2, Polish Defence Minister Jan Nowak held talks with Hungarian Defence Minister Anna Kovacs."
    e = only(events(engagements_of, text, published="2023-03-04"), "meeting")
    assert (e["date"], e["date_source"]) == ("2023-03-02", "relative")


@pytest.mark.parametrize("text", [
    "Polish President Jan Nowak held a video meeting with Hungarian President Anna Kovacs on March 3, 2023.",
    "Polish President Jan Nowak held a telephonic conversation with Hungarian President Anna Kovacs on March 3, 2023.",
    "Polish President Jan Nowak had a call with Hungarian President Anna Kovacs on March 3, 2023.",
])
def test_call_wordings(engagements_of, text):
    evs = events(engagements_of, text)
    assert [(e["kind"], e["date"]) for e in evs] == [("call", "2023-03-03")]


def test_the_talks_after_a_call_are_the_call(engagements_of):
    text = ("Polish President Jan Nowak held phone talks with Hungarian President Anna Kovacs on March 3, 2023.\n\n"
            "In the talks, Nowak and Kovacs agreed to expand trade.")
    evs = events(engagements_of, text, published="2023-03-05")
    assert [e["kind"] for e in evs] == ["call"] and len(evs[0]["evidence"]) == 2


def test_a_meeting_with_someone_the_call_did_not_include_stays_a_meeting(engagements_of):
    text = ("Polish President Jan Nowak held phone talks with Hungarian President Anna Kovacs.\n\n"
            "Hungarian Foreign Minister Bela Toth met Polish Foreign Minister Ewa Lis in Warsaw.")
    assert sorted(e["kind"] for e in events(engagements_of, text, published="2023-03-05")) == ["call", "meeting"]


def test_a_caller_named_beside_a_list_of_callers_is_not_the_other_side(engagements_of):
    text = ("Polish President Jan Nowak took office on March 3, 2023. Poland and Poland celebrated. "
            "In addition to Czech President Petr Dvorak, leaders from Hungary, Slovakia and Lithuania also called "
            "to congratulate the new president.")
    calls = [e for e in events(engagements_of, text, published="2023-03-10") if e["kind"] == "call"]
    assert sorted(tuple(e["countries"]) for e in calls) == [("HUN", "POL"), ("LTU", "POL"), ("POL", "SVK")]


@pytest.mark.parametrize("text", [
    "Hungarian President Anna Kovacs arrived in Tashkent on March 3, 2023 to attend the 9th Summit of the Council "
    "of Heads of the Central Asia Cooperation Organisation member states.",
    "Hungarian Defence Minister Anna Kovacs attended the meeting of NATO Defence Ministers in Brussels on "
    "March 3, 2023.",
])
def test_named_gatherings_of_many_states(engagements_of, text):
    found = [e for e in events(engagements_of, text) if e["kind"] == "multilateral"]
    assert [(e["people"], e["date"]) for e in found] == [(["Anna Kovacs"], "2023-03-03")]


@pytest.mark.parametrize("text", [
    "Polish President Jan Nowak's state visit to Hungary will take place from Friday to Sunday, the ministry said. "
    "Hungarian officials confirmed the visit.",
    "A meeting between Polish President Jan Nowak and Hungarian President Anna Kovacs set for Monday was postponed.",
    "Polish President Jan Nowak said Polish businesses were enthusiastic about his state visit to Hungary that is "
    "scheduled for the spring.",
    "Polish President Jan Nowak will visit Hungary this week, both governments said. Polish foreign ministry "
    "spokesman Adam Lis confirmed the visit to AFP.",
])
def test_engagements_not_held_are_not_events(engagements_of, text):
    assert events(engagements_of, text, published="2023-03-15") == []


def test_an_arrival_followed_by_planned_talks_is_still_a_visit(engagements_of):
    text = "Polish President Jan Nowak arrived in Budapest on Monday and was due to hold talks with Hungarian leaders."
    assert [e["kind"] for e in events(engagements_of, text, published="2023-03-15")] == ["visit"]


def test_the_when_clause_of_a_since_date_is_dated_by_it(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Monday. The trip is the first since 2018, when then-"
            "President Adam Lis met Hungarian President Bela Toth.")
    past = [e for e in events(engagements_of, text, published="2023-03-15") if e["historical"]]
    assert [(e["kind"], e["date"]) for e in past] == [("meeting", "2018")]


@pytest.mark.parametrize("sentence, date", [
    ("The last summit was held on December 6, 2021, in Warsaw.", "2021-12-06"),
    ("The pair later met separately during the September 2022 summit in Samarkand.", "2022-09"),
])
def test_a_recalled_engagement_of_the_articles_pair_with_an_earlier_year(engagements_of, sentence, date):
    text = ("Polish President Jan Nowak held talks with Hungarian President Anna Kovacs in Budapest on March 3, 2024. "
            + sentence)
    past = [e for e in events(engagements_of, text, published="2024-03-05") if e["historical"]]
    assert [(e["kind"], e["date"], e["countries"]) for e in past] == [("meeting", date, ["HUN", "POL"])]


def test_a_back_reference_with_an_earlier_year_is_not_a_recalled_engagement(engagements_of):
    text = ("Polish President Jan Nowak held talks with Hungarian President Anna Kovacs in Budapest on March 3, 2024. "
            "At the talks, the two sides praised the trade agreement signed in 2019.")
    assert not [e for e in events(engagements_of, text, published="2024-03-05") if e["historical"]]


@pytest.mark.parametrize("sentence, kind", [
    ("The deal follows a visit by Poland's Chief of Naval Staff, Admiral Jan Nowak, to Budapest last month.", "visit"),
    ("Polish Chief of Naval Staff Admiral Jan Nowak landed in Budapest last month.", "visit"),
    ("During the summit in January, Polish President Jan Nowak and Hungarian President Anna Kovacs agreed to "
     "cooperate.", "meeting"),
])
def test_recalled_visits_and_summits(engagements_of, sentence, kind):
    text = "Hungary and Poland signed a defence agreement in Warsaw on March 3, 2024. " + sentence
    past = [e for e in events(engagements_of, text, published="2024-03-05") if e["historical"]]
    assert [(e["kind"], e["countries"]) for e in past] == [(kind, ["HUN", "POL"])]


@pytest.mark.parametrize("text", [
    "Hungary will host the Central European summit in 2027, attended by Polish President Jan Nowak.",
    "Polish Defence Minister Jan Nowak is set to arrive in Budapest on Sunday for a two-day visit.",
    "Hungarian President Anna Kovacs called Poland a reliable partner on Monday.",
])
def test_planned_dated_later_or_not_an_engagement(engagements_of, text):
    assert [e for e in events(engagements_of, text, published="2024-05-30") if not e["historical"]] == []


def test_a_side_named_elsewhere_is_held_by_its_principal(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on March 3, 2024.\n\n"
            "Hungarian President Anna Kovacs said Hungary values the partnership. Kovacs praised Poland.\n\n"
            "Nowak held talks with Hungarian officials on trade.")
    talks = only(events(engagements_of, text, published="2024-03-05"), "meeting")
    assert talks["people"] == ["Jan Nowak", "Anna Kovacs"]


@pytest.mark.parametrize("text, kinds", [
    ("Polish Defence Minister Jan Nowak called on Hungarian President Anna Kovacs in Budapest on March 3, 2024.",
     ["meeting"]),
    ("Polish Defence Minister Jan Nowak called on Hungary to respect the deal on March 3, 2024.", []),
])
def test_calling_on_a_person_is_a_courtesy_call(engagements_of, text, kinds):
    assert [e["kind"] for e in events(engagements_of, text, published="2024-03-05")] == kinds


def test_a_year_in_a_name_does_not_date_a_visit(engagements_of):
    text = "Polish Defence Minister Jan Nowak began a working visit to Hungary to attend the ARMY-2024 forum."
    visit = only(events(engagements_of, text, published="2024-08-12"), "visit")
    assert (visit["date"], visit["date_source"]) == ("2024-08", "published")


def test_a_back_reference_does_not_take_another_engagements_date(engagements_of):
    text = ("Polish Defence Minister Jan Nowak held talks with Hungarian Defence Minister Anna Kovacs in Budapest.\n\n"
            "At the talks, Nowak recalled the partnership reached during President Adam Lis's visit to Hungary in "
            "June 2023.")
    past = [e for e in events(engagements_of, text, published="2024-08-12") if e["historical"]]
    assert [(e["kind"], e["date"]) for e in past] == [("visit", "2023-06")]


def test_one_subject_meeting_officials_of_several_states_is_one_meeting_each(engagements_of):
    text = ("Polish Defence Minister Jan Nowak also met his Hungarian counterpart Anna Kovacs, Czech Defence Minister "
            "Petr Dvorak and Slovak Defence Minister Eva Hrib in Warsaw on March 3, 2024.")
    meetings = [e for e in events(engagements_of, text, published="2024-03-05") if e["kind"] == "meeting"]
    assert sorted((tuple(e["countries"]), e["people"][1]) for e in meetings) == [
        (("CZE", "POL"), "Petr Dvorak"), (("HUN", "POL"), "Anna Kovacs"), (("POL", "SVK"), "Eva Hrib")]


@pytest.mark.parametrize("text", [
    "Polish President Jan Nowak on Friday ended a Hungary visit that officials hope will boost trade.",
    "Polish President Jan Nowak and Hungarian President Anna Kovacs agreed to expand trade. During Nowak's visit, "
    "Poland and Hungary signed a defence agreement.",
])
def test_visits_named_by_a_country_or_a_possessor(engagements_of, text):
    assert "visit" in [e["kind"] for e in events(engagements_of, text, published="2024-03-08")]


def test_talks_undated_in_their_sentence_happened_on_the_day_the_lead_reports(engagements_of):
    text = ("Polish Foreign Minister Jan Nowak said on Tuesday that Warsaw wants closer ties with Hungary. "
            "Nowak spoke after a meeting with Hungarian Foreign Minister Anna Kovacs in Budapest.")
    e = only(events(engagements_of, text, "2025-03-12"), "meeting")
    assert (e["date"], e["date_source"]) == ("2025-03-11", "lead")


def test_a_lead_day_about_something_else_does_not_date_the_talks(engagements_of):
    text = ("I was in Budapest last Thursday for a funeral. "
            "Polish Foreign Minister Jan Nowak spoke after a meeting with Hungarian Foreign Minister Anna Kovacs.")
    e = only(events(engagements_of, text, "2025-03-12"), "meeting")
    assert (e["date"], e["date_source"]) == ("2025-03", "published")


def test_talks_in_a_third_state_are_placed_in_its_one_named_city(engagements_of):
    text = ("Hungarian Prime Minister Anna Kovacs held talks with Polish Prime Minister Jan Nowak in Peru on "
            "March 3. The leaders had both travelled to Lima for a regional summit.")
    e = only(events(engagements_of, text, "2025-03-04"), "meeting")
    assert e["place"] == "Lima"


def test_talks_in_a_third_state_with_no_city_named_are_placed_in_the_state(engagements_of):
    text = "Hungarian Prime Minister Anna Kovacs held talks with Polish Prime Minister Jan Nowak in Peru on March 3."
    e = only(events(engagements_of, text, "2025-03-04"), "meeting")
    assert e["place"] == "Peru"


def test_a_visit_to_a_state_is_placed_by_its_typographic_name_never_by_a_demonym(engagements_of):
    text = "Polish President Jan Nowak began a state visit to Côte d’Ivoire on March 3, thanking his Ivorian hosts."
    e = only(events(engagements_of, text, "2025-03-04"), "visit")
    assert e["place"] == "Côte d’Ivoire"
    assert e["countries"] == ["CIV", "POL"]


@pytest.mark.parametrize("line, city", [
    ("BAKU, Azerbaijan, June 13. The two presidents met.", "Baku"),
    ("Moscow, Russia (Reuters) - The two presidents met.", "Moscow"),
    ("Paris, France, was busy that week.", None),
    # a wire's own line: city, country, date, agency
    ("VLADIVOSTOK, Russia, Sept. 2, Kyodo\n\nThe two leaders met.", "Vladivostok"),
    ("Hanoi, Vietnam, and Tokyo agree, officials say", None),
])
def test_dateline_with_a_country_after_the_city(line, city):
    from communique.extract.places import dateline_place
    found = dateline_place(line)
    assert (found.name if found else None) == city


def test_a_day_right_after_an_arrival_dates_the_visit_too(engagements_of):
    text = "Polish Prime Minister Jan Nowak arrived in Budapest on Monday for talks with Hungarian Prime Minister Anna Kovacs."
    evs = events(engagements_of, text, "2024-07-09")
    assert only(evs, "visit")["date"] == "2024-07-08"
    assert only(evs, "meeting")["date"] == "2024-07-08"


def test_a_pronoun_subject_meets_several_officials_one_meeting_each(engagements_of):
    text = ("Singaporean Defence Minister Tan Wei Ling met Hungarian Defence Minister Anna Kovacs. "
            "He also had meetings with Malaysian Defence Minister Ahmad Razak and Philippine Defence Secretary Juan Cruz.")
    pairs = sorted(tuple(e["countries"]) for e in events(engagements_of, text, "2023-11-05"))
    assert pairs == [("HUN", "SGP"), ("MYS", "SGP"), ("PHL", "SGP")]


def test_a_pronoun_subject_meets_several_principals_of_the_host_one_meeting_each(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Sunday and met Hungarian President Laszlo Toth. "
            "He also had meetings with Hungarian Prime Minister Anna Kovacs and Speaker Peter Szabo.")
    meetings = [e for e in events(engagements_of, text, "2023-11-06") if e["kind"] == "meeting"]
    assert sorted(sorted(e["people"]) for e in meetings) == [
        ["Anna Kovacs", "Jan Nowak"], ["Jan Nowak", "Laszlo Toth"], ["Jan Nowak", "Peter Szabo"]]


def test_talks_over_the_next_days_are_not_yet_held(engagements_of):
    text = ("Polish Prime Minister Jan Nowak arrived in Budapest. Nowak's meetings with Hungarian Prime Minister "
            "Anna Kovacs over the next two days will mark the resumption of annual summits.")
    assert [e["kind"] for e in events(engagements_of, text, "2024-07-08")] == ["visit"]


def test_he_met_his_counterparts_from_a_list_of_states_is_the_previous_subject(engagements_of):
    text = ("Singaporean Prime Minister Lim Wei hosted the forum. Singaporean Defence Minister Tan Wei Ling had "
            "bilateral meetings on the sidelines. He met his counterparts from Canada, Germany and Qatar.")
    rounds = [e for e in events(engagements_of, text, "2023-06-04") if "CAN" in e["countries"]
              or "DEU" in e["countries"] or "QAT" in e["countries"]]
    assert len(rounds) == 3 and all(e["people"] == ["Tan Wei Ling"] for e in rounds)


def test_a_recalled_visit_to_the_summit_of_the_sentence_before_takes_its_month(engagements_of):
    text = ("Indian Prime Minister Narendra Rao arrived in Moscow on Monday for talks with Russian President "
            "Ivan Petrov. The last summit was held on December 6, 2021, in New Delhi. President Petrov had "
            "visited India to attend the summit.")
    visit = only(events(engagements_of, text, "2024-07-08"), "visit", historical=True)
    assert (visit["date"], visit["people"]) == ("2021-12", ["Ivan Petrov"])


def test_two_recalled_trips_in_opposite_directions_stay_two_visits(engagements_of):
    text = ("Indian Prime Minister Narendra Rao arrived in Moscow on Monday. President Ivan Petrov of Russia "
            "had visited India in 2021. Rao's last visit to Russia was years ago.")
    recalled = [e for e in events(engagements_of, text, "2024-07-08") if e["kind"] == "visit" and e["historical"]]
    assert sorted((e["people"], e["date"]) for e in recalled) == [(["Ivan Petrov"], "2021"), (["Narendra Rao"], None)]


def test_talks_reported_beside_one_gathering_are_placed_where_it_was(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs met Polish Defence Minister Jan Nowak on the sidelines of the "
            "regional defence forum in Vienna on March 3. Kovacs also met Czech Defence Minister Petr Novak.")
    meetings = [e for e in events(engagements_of, text, "2025-03-04") if e["kind"] == "meeting"]
    assert sorted((tuple(e["countries"]), e["place"]) for e in meetings) == [
        (("CZE", "HUN"), "Vienna"), (("HUN", "POL"), "Vienna")]


ANNIVERSARY_NEWS = "Hungarian President Anna Kovacs held talks with Polish President Jan Nowak in Warsaw on June 9. "


@pytest.mark.parametrize("sentence, date", [
    # counted back from the publication year (2025)
    ("The talks coincided with the 40th anniversary of the historic meeting between Polish leader Adam Wrona "
     "and Hungarian leader Bela Farkas.", "1985"),
    # the engagement's own year, written after it, wins over the count
    ("Nowak recalled the 40th anniversary of the first visit to Hungary by a Polish president in 1984.", "1984"),
])
def test_an_anniversary_of_an_engagement_recalls_it(engagements_of, sentence, date):
    evs = events(engagements_of, ANNIVERSARY_NEWS + sentence, published="2025-06-10")
    assert only(evs, "meeting")["date"] == "2025-06-09"
    recalled = [e for e in evs if e["historical"]]
    assert len(recalled) == 1 and recalled[0]["date"] == date, evs


def test_an_anniversary_of_something_else_does_not_make_the_news_background(engagements_of):
    evs = events(engagements_of, "On the 40th anniversary of diplomatic ties, Hungarian President Anna Kovacs "
                                 "held talks with Polish President Jan Nowak in Warsaw on June 9.", published="2025-06-10")
    assert only(evs, "meeting")["date"] == "2025-06-09"
    assert not any(e["historical"] for e in evs)


# ---- issue 12: where and when, from the whole article ------------------------------------------

def test_talks_without_a_city_are_placed_in_the_city_of_the_visit_named_after_them(engagements_of):
    text = ("On July 30, Foreign Minister Ana Pires held talks with Polish Foreign Minister Jan Nowak. "
            "Nowak is paying an official visit to Portugal from July 29-31, at the invitation of Pires, "
            "and arrived in Lisbon on July 29.")
    meeting = only(events(engagements_of, text, "2024-07-30"), "meeting")
    assert meeting["place"] == "Lisbon"


def test_a_visit_without_a_city_is_placed_where_its_talks_were_held(engagements_of):
    text = ("Polish President Jan Nowak is on a state visit to Hungary. "
            "Nowak held talks with Hungarian President Anna Kovacs in Budapest on Tuesday.")
    visit = only(events(engagements_of, text, "2024-07-30"), "visit")
    assert visit["place"] == "Budapest"


def test_a_recalled_visit_to_a_summit_takes_the_summits_city(engagements_of):
    text = ("Indian Prime Minister Narendra Rao arrived in Moscow on Monday for talks with Russian President "
            "Ivan Petrov. The last summit was held on December 6, 2021, in New Delhi. President Petrov had "
            "visited India to attend the summit.")
    visit = only(events(engagements_of, text, "2024-07-08"), "visit", historical=True)
    assert visit["place"] == "New Delhi"


@pytest.mark.parametrize("text, is_visit", [
    ("Polish President Jan Nowak travelled to Budapest after his re-election.", True),
    ("Polish President Jan Nowak flew to Budapest on Monday.", True),
    ("Polish rescue teams arrived in the flood zone on Monday, President Jan Nowak said.", False),
])
def test_travelling_to_a_city_is_a_visit_arriving_in_a_zone_is_not(engagements_of, text, is_visit):
    evs = events(engagements_of, text, "2024-07-08")
    assert any(e["kind"] == "visit" for e in evs) == is_visit, evs


@pytest.mark.parametrize("text, kind, date", [
    # talks on some day of a range: the month (which day is not said)
    ("Polish Defence Minister Jan Nowak held talks with Hungarian Defence Minister Anna Kovacs "
     "during his visit to Budapest on August 8-10.", "meeting", "2024-08"),
    # a visit begins on the range's first day
    ("Polish Defence Minister Jan Nowak paid an official visit to Hungary on August 8-10.", "visit", "2024-08-08"),
])
def test_a_range_dates_a_visit_by_its_first_day_and_talks_by_their_month(engagements_of, text, kind, date):
    assert only(events(engagements_of, text, "2024-08-12"), kind)["date"] == date


def test_no_one_visits_their_own_state(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs met Polish Defence Minister Jan Nowak in Budapest on Monday. "
            "At the talks, Kovacs said the visit built on the Polish President's state visit to Hungary in June 2023.")
    recalled = only(events(engagements_of, text, "2024-08-12"), "visit", historical=True)
    assert "Anna Kovacs" not in recalled["people"] and recalled["countries"] == ["HUN", "POL"]


def test_the_visit_of_an_official_of_a_state_does_not_go_to_that_state(engagements_of):
    text = ("Polish Defence Minister Jan Nowak met Hungarian Defence Minister Anna Kovacs in Budapest on Monday. "
            "It was the first-ever visit of a Defence Minister of Poland to Hungary.")
    for e in events(engagements_of, text, "2024-08-12"):
        if e["kind"] == "visit":
            assert e["people"] in ([], ["Jan Nowak"]) and e.get("host") in (None, "HUN"), e


def test_talks_held_in_a_quoted_format_are_talks(engagements_of):
    text = 'In Warsaw, Polish President Jan Nowak and Hungarian President Anna Kovacs held a "restricted session" of talks.'
    assert only(events(engagements_of, text, "2024-08-12"), "meeting")["countries"] == ["HUN", "POL"]


def test_the_possessor_of_a_recalled_visit_is_no_participant_of_the_talks(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak in Warsaw "
            "on Monday. At the talks, Kovacs said the agreements reached during President Piotr Zielinski's "
            "state visit to Hungary in June were being carried out. President Zielinski said so too.")
    meeting = only(events(engagements_of, text, "2024-08-13"), "meeting")
    assert "Piotr Zielinski" not in meeting["people"]


def test_a_meeting_of_one_states_own_body_is_no_engagement(engagements_of):
    text = ("Polish President Jan Nowak spoke with Hungarian President Anna Kovacs by phone on Monday. "
            "Nowak said so later during a meeting of the Polish National Security Council.")
    assert [e["kind"] for e in events(engagements_of, text, "2024-08-13")] == ["call"]


def test_people_of_an_engagement_named_in_a_time_adjunct_are_not_this_ones(engagements_of):
    text = ("Polish President Jan Nowak held a telephone conversation with Hungarian President Anna Kovacs, "
            "two days after the Polish leader's conversation with Czech President Petr Novak.")
    call = only(events(engagements_of, text, "2024-08-13"), "call")
    assert (call["countries"], call["people"]) == (["HUN", "POL"], ["Jan Nowak", "Anna Kovacs"])


@pytest.mark.parametrize("text, kinds", [
    ("Polish President Jan Nowak and Hungarian President Anna Kovacs held a summit in Budapest on Sunday.", ["meeting"]),
    # only agreed on, and the meeting at the forum is still reported
    ("Polish President Jan Nowak and Hungarian President Anna Kovacs agreed on Friday to hold a summit in "
     "December. Nowak spoke at the outset of the meeting on the sidelines of the regional forum in Vienna.",
     ["meeting"]),
])
def test_two_leaders_holding_a_summit_is_a_meeting(engagements_of, text, kinds):
    evs = [e for e in events(engagements_of, text, "2024-08-13") if e["kind"] != "multilateral"]
    assert [e["kind"] for e in evs] == kinds and evs[0]["countries"] == ["HUN", "POL"], evs


def test_an_undated_call_is_placed_on_the_publication_day_and_an_undated_visit_in_its_month(engagements_of):
    text = "Polish President Jan Nowak held a telephone conversation with Hungarian President Anna Kovacs."
    call = only(events(engagements_of, text, "2024-08-13"), "call")
    assert (call["date"], call["date_source"]) == ("2024-08-13", "published")
    visit = only(events(engagements_of, "Polish President Jan Nowak is paying an official visit to Hungary.",
                        "2024-08-13"), "visit")
    assert (visit["date"], visit["date_source"]) == ("2024-08", "published")


def test_an_inter_korean_summit_is_between_the_two_koreas(engagements_of):
    found = engagements_of("The inter-Korean summit was held on Friday, and the two sides issued the Panmunjeom "
                           "Declaration outlining their intentions.", "2018-04-28")
    assert [d["countries"] for d in found["agreements"]] == [["KOR", "PRK"]]


def test_the_day_a_visit_ended_dates_only_its_month(engagements_of):
    text = ("Polish President Jan Nowak left Budapest on November 5, concluding his five-day state visit to "
            "Hungary at the invitation of Hungarian President Anna Kovacs.")
    visit = only(events(engagements_of, text, "2023-11-06"), "visit")
    assert visit["date"] == "2023-11"


def test_the_day_of_what_a_trip_was_scheduled_for_dates_only_its_month(engagements_of):
    text = ("The talks took place during Polish Foreign Minister Jan Nowak's trip to Hungary to attend the "
            "regional summit scheduled for February 27-28.")
    visit = only(events(engagements_of, text, "2019-02-27"), "visit")
    assert visit["date"] == "2019-02"


def test_a_visitor_who_has_arrived_began_the_visit_on_the_publication_day(engagements_of):
    visit = only(events(engagements_of, "Polish President Jan Nowak has arrived in Hungary for an official visit.",
                        "2024-08-13"), "visit")
    assert (visit["date"], visit["date_source"]) == ("2024-08-13", "published")


def test_an_engagement_named_in_a_time_adjunct_and_dated_before_the_news_is_background(engagements_of):
    text = ("Polish Defence Minister Jan Nowak spoke by phone with Hungarian Defence Minister Anna Kovacs today. "
            "The purpose of the call was to support transparency following the July 28 resumption of the "
            "Poland-Hungary Strategic Stability Dialogue in Geneva.")
    evs = events(engagements_of, text, "2021-08-11")
    assert only(evs, "call")["date"] == "2021-08-11"
    assert only(evs, "meeting", historical=True)["date"] == "2021-07-28"


def test_a_joint_commission_between_two_named_states_has_them_as_sides(engagements_of):
    text = ("President Jan Nowak of Poland arrived in Hungary on Wednesday. The visit to Hungary came after the 10th "
            "Session of the Joint Commission between Nigeria and Ghana on 30 November 2021.")
    meetings = [e for e in events(engagements_of, text, "2021-12-02") if e["kind"] == "meeting"]
    assert [e["countries"] for e in meetings] == [["GHA", "NGA"]]


def test_a_summit_of_a_named_organisation_is_a_gathering(engagements_of):
    text = ("Polish President Jan Nowak and Hungarian President Anna Kovacs met during the September 2022 "
            "Central European Cooperation Organisation summit in Prague.")
    assert any(e["kind"] == "multilateral" for e in events(engagements_of, text, "2024-07-08"))


def test_two_leaders_who_agreed_met(engagements_of):
    text = ("Polish President Jan Nowak and Hungarian Prime Minister Anna Kovacs have agreed to upgrade ties. "
            "Nowak told reporters the two states would cooperate in energy.")
    meeting = only(events(engagements_of, text, "2018-09-12"), "meeting")
    assert meeting["people"] == ["Jan Nowak", "Anna Kovacs"]


def test_what_follows_agreed_to_is_planned_not_the_meetings_date_or_place(engagements_of):
    text = ("Polish President Jan Nowak said on Friday that he and Hungarian President Anna Kovacs agreed in a "
            "discussion to hold talks in Szeged on Dec. 15.")
    meeting = only(events(engagements_of, text, "2016-09-02"), "meeting")
    assert (meeting["date"], meeting["place"]) != ("2016-12-15", "Szeged") and meeting["place"] != "Szeged"
    assert meeting["date"] in ("2016-09-02", "2016-09")


def test_agreed_yields_to_the_talks_the_sentence_names(engagements_of):
    text = ("Poland and Hungary have agreed to lift trade to 15 billion USD, President Jan Nowak and his Hungarian "
            "counterpart Anna Kovacs told the press following their talks in Budapest on December 22.")
    assert only(events(engagements_of, text, "2022-12-23"), "meeting")["date"] == "2022-12-22"


def test_states_that_agreed_during_a_call_add_no_meeting(engagements_of):
    text = ("Polish President Jan Nowak held a phone call with Hungarian President Anna Kovacs on Monday. "
            "Poland and Hungary agreed to strengthen cooperation in energy.")
    assert [e["kind"] for e in events(engagements_of, text, "2022-12-23")] == ["call"]


def test_the_possessor_of_a_visit_is_its_visitor(engagements_of):
    text = ("Hungarian Foreign Minister Anna Kovacs met Polish Foreign Minister Jan Nowak in Budapest on Monday. "
            "Kovacs said Nowak's current visit would boost ties.")
    visit = only(events(engagements_of, text, "2024-08-13"), "visit")
    assert visit["people"] == ["Jan Nowak"] and visit["host"] == "HUN"


def test_someones_trip_named_after_the_news_is_an_earlier_one(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs hosted Polish Defence Minister Jan Nowak in Budapest on "
            "September 4. Nowak praised the robust ties, especially following President Piotr Zielinski's trip.")
    evs = events(engagements_of, text, "2025-09-05")
    assert not any(e["kind"] == "visit" and "Piotr Zielinski" in e["people"] and not e["historical"] for e in evs)


def test_earlier_opening_a_sentence_is_the_same_news(engagements_of):
    text = ("Polish Deputy Defence Minister Jan Nowak met Hungarian Defence Minister Anna Kovacs in Budapest on "
            "July 23. Earlier, the 4th Poland-Hungary Defence Policy Dialogue took place in Budapest.")
    assert not any(e["historical"] for e in events(engagements_of, text, "2019-07-24"))


def test_meeting_his_counterpart_is_a_meeting(engagements_of):
    text = "Polish Defence Minister Jan Nowak meets with his Hungarian counterpart Anna Kovacs in Budapest."
    assert only(events(engagements_of, text, "2019-07-24"), "meeting")["countries"] == ["HUN", "POL"]


@pytest.mark.parametrize("text", [
    "Although Poland and Hungary announced their squads late, they all met the deadline set for November 14.",
    "Hungarian spokeswoman Anna Kovacs said Poland opposes the so-called Hungarian spies affair.",
])
def test_meeting_a_deadline_and_a_so_called_affair_are_no_engagements(engagements_of, text):
    assert events(engagements_of, text, "2022-11-15") == []


def test_people_of_an_anniversary_recalled_engagement_are_not_the_news_visits(engagements_of):
    text = ("Hungarian President Anna Kovacs hosted a welcome ceremony in Budapest on November 11 for Polish "
            "President Jan Nowak, who is on an official visit to Hungary. This is the first visit to Hungary by a "
            "Polish president in 15 years, coinciding with the 55th anniversary of the historic meeting between "
            "Polish President Adam Wrona and Hungarian President Bela Farkas.")
    evs = events(engagements_of, text, "2024-11-12")
    visits = [e for e in evs if e["kind"] == "visit"]
    assert visits and all("Adam Wrona" not in e["people"] for e in visits), evs


# A third state hosts talks between two others; the pair is written out three times and both have officials.
_HOSTED_TALKS = (
    "CAIRO, 12 May 2025 — Egypt has welcomed the agreement between Chile and Peru, Egyptian President "
    "Omar Haddad said. Chile and Peru agreed to reopen their embassies. Relations between Chile and Peru "
    "had been frozen.\n\n"
    "Talks between the two delegations took place in Cairo from May 8-11, 2025.\n\n"
    "The Chilean delegation was led by Deputy Minister Rosa Lema. "
    "Peruvian Vice Minister Tomas Vey headed the Peruvian delegation.")


def test_talks_between_the_two_delegations_are_the_pairs_meeting(engagements_of):
    e = only(events(engagements_of, _HOSTED_TALKS, "2025-05-12"), "meeting")
    assert e["countries"] == ["CHL", "PER"]          # not the host that is named most
    assert (e["date"], e["place"]) == ("2025-05", "Cairo")


def test_delegation_leaders_named_once_are_the_sides_principals(engagements_of):
    e = only(events(engagements_of, _HOSTED_TALKS, "2025-05-12"), "meeting")
    assert set(e["people"]) == {"Rosa Lema", "Tomas Vey"}


def test_talks_between_delegations_without_a_known_pair_are_no_event(engagements_of):
    text = "Talks between the two delegations took place in Cairo on May 8, 2025."
    assert events(engagements_of, text, "2025-05-12") == []


def test_negotiations_take_the_place_of_their_own_in_phrase(engagements_of):
    text = ("Representatives from Santiago and Lima held negotiations in Cairo on May 8, Chilean Deputy Minister "
            "Rosa Lema and Peruvian Vice Minister Tomas Vey said.")
    e = only(events(engagements_of, text, "2025-05-12"), "meeting")
    assert (e["countries"], e["place"]) == (["CHL", "PER"], "Cairo")


def test_a_second_trips_possessor_and_city_are_not_the_firsts(engagements_of):
    text = ("MOSCOW, Aug. 20 (Agency) — Vietnamese Defence Minister Tran Van Hoa held talks with Russian Defence "
            "Minister Ivan Petrov in Moscow on August 19. Hoa said the visit of the Vietnamese delegation this time "
            "was to carry out what the leaders agreed during President Oleg Sorin's state visit to Vietnam in June.")
    evs = events(engagements_of, text, "2024-08-20")
    news = only(evs, "visit")
    assert (news["guest"], news["host"]) == ("VNM", "RUS")
    assert "Oleg Sorin" not in news["people"] and news["place"] != "Vietnam"
    recalled = only(evs, "visit", historical=True)
    assert recalled["people"] == ["Oleg Sorin"] and recalled["guest"] == "RUS"


def test_a_visit_no_one_is_said_to_make_goes_where_the_pairs_talks_were(engagements_of):
    text = ("Polish Defence Minister Jan Nowak and Hungarian Defence Minister Anna Kovacs held talks in Budapest "
            "on Monday. The minister arrived on Sunday for a two-day visit.")
    e = only(events(engagements_of, text, "2025-03-04"), "visit")
    assert (e["host"], e["guest"], e["place"]) == ("HUN", "POL", "Budapest")


def test_the_first_trip_since_a_year_is_news_and_dates_the_one_before(engagements_of):
    text = ("Polish Prime Minister Jan Nowak arrived in Budapest on Sunday for talks with Hungarian Prime Minister "
            "Anna Kovacs. Nowak's trip is the first since 2019, when then-Prime Minister Piotr Zielinski met "
            "Kovacs's predecessor, Prime Minister Laszlo Toth.")
    evs = events(engagements_of, text, "2025-03-03")
    news = only(evs, "visit")
    assert (news["date"], news["guest"]) == ("2025-03-02", "POL")
    before = only(evs, "visit", historical=True)
    assert (before["date"], before["guest"], before["host"], before["people"]) == ("2019", "POL", "HUN", ["Piotr Zielinski"])


def test_the_first_state_visit_since_relations_began_is_news(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Sunday for a state visit. \"President Nowak's state "
            "visit to Hungary is the first state visit between the two countries since the establishment of "
            "diplomatic relations in the early 1990s,\" the presidency said.")
    evs = events(engagements_of, text, "2025-03-03")
    assert [e["historical"] for e in evs if e["kind"] == "visit"] == [False]


def test_an_earlier_leg_of_a_tour_is_background(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Wednesday for a two-day state visit. The visit to "
            "Hungary follows a successful state visit to the Republic of Austria on 30 November 2021, which was "
            "marked by the 5th Session of the Joint Commission between Austria and Poland. Nowak will hold talks "
            "with Hungarian President Anna Kovacs. Hungary and Poland signed a treaty in 1992.")
    evs = events(engagements_of, text, "2021-12-02")
    news = only(evs, "visit")
    assert (news["host"], news["date"]) == ("HUN", "2021-12-01")
    leg = only(evs, "visit", historical=True)
    assert (leg["host"], leg["guest"], leg["date"]) == ("AUT", "POL", "2021-11-30")
    commission = only(evs, "meeting", historical=True)
    assert (commission["countries"], commission["date"]) == (["AUT", "POL"], "2021-11-30")


def test_a_meeting_the_news_follows_on_the_heels_of_is_the_recalled_summit(engagements_of):
    text = ("Polish President Jan Nowak and Hungarian President Anna Kovacs held a telephone conversation on "
            "Saturday. Nowak's conversation with Kovacs follows on the heels of his meeting with Czech President "
            "Karel Dvorak. The Czech-Polish summit was held on Friday.")
    evs = events(engagements_of, text, "2025-03-09")
    assert only(evs, "call")["countries"] == ["HUN", "POL"]
    summit = only(evs, "meeting", historical=True)
    assert (summit["countries"], summit["date"]) == (["CZE", "POL"], "2025-03-07")
    assert set(summit["people"]) == {"Jan Nowak", "Karel Dvorak"}
    assert not [e for e in evs if e["kind"] == "meeting" and not e["historical"]]


def test_the_subject_who_spoke_after_talks_took_part_in_them(engagements_of):
    text = "Hungarian Prime Minister Anna Kovacs said on Monday following talks with Polish Prime Minister Jan Nowak."
    e = only(events(engagements_of, text, "2025-03-04"), "meeting")
    assert set(e["people"]) == {"Anna Kovacs", "Jan Nowak"}


def test_a_file_photo_caption_reports_no_engagement(engagements_of):
    text = ("Polish President Jan Nowak and Hungarian President Anna Kovacs held a telephone conversation on "
            "Saturday. A file photograph from Feb. 15 shows President Jan Nowak having a telephone conversation.")
    evs = events(engagements_of, text, "2025-03-09")
    assert [(e["kind"], e["date"]) for e in evs] == [("call", "2025-03-08")]


def test_a_trip_an_opening_adjunct_names_came_before_the_main_clauses_talks(engagements_of):
    text = ("Following the recent visit of the Polish President Jan Nowak to Budapest, Polish Deputy Minister Ewa Lis "
            "held intensive negotiations with her Hungarian counterpart Peter Szabo in Vienna between March 6-10.")
    evs = events(engagements_of, text, "2025-03-11")
    trip = only(evs, "visit", historical=True)
    assert (trip["guest"], trip["host"], trip["people"], trip["date"]) == ("POL", "HUN", ["Jan Nowak"], None)
    assert not [e for e in evs if e["kind"] == "visit" and not e["historical"]]


def test_a_since_clause_of_this_week_is_the_news(engagements_of):
    text = ("Polish President Jan Nowak has described his state visit to Hungary as a success. He thanked his "
            "Hungarian hosts for their hospitality since his delegation arrived in Budapest on Wednesday.")
    evs = events(engagements_of, text)       # an undated page: nothing dates the since-clause but its words
    assert [e["historical"] for e in evs if e["kind"] == "visit"] == [False]


def test_discussions_ahead_of_the_state_visit_do_not_make_it_recalled_or_theirs(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Sunday for a state visit. Polish Foreign Minister "
            "Ewa Lis had earlier held discussions with her Hungarian counterpart Peter Szabo ahead of the state visit.")
    evs = events(engagements_of, text, "2025-03-03")
    trips = [e for e in evs if e["kind"] == "visit"]
    assert [(e["guest"], e["people"], e["historical"]) for e in trips] == [("POL", ["Jan Nowak"], False)]


def test_a_signing_by_three_states_does_not_date_two_states_talks(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs and Polish Ambassador Jan Nowak have discussed military "
            "cooperation, the ministry said. The two men focused on joint exercises. Kovacs thanked Poland for its "
            "support. Nowak noted the potential for cooperation. He said specialists are ready to help. Kovacs "
            "agreed. Both praised the ties. The Vienna Declaration signed on January 13 by the "
            "Hungarian, Polish and Czech foreign ministers noted their shared aims.")
    e = only(events(engagements_of, text, "2021-01-16"), "meeting")
    assert e["date"] != "2021-01-13"


def test_my_visit_in_a_quotation_is_the_speakers_and_a_later_month_is_last_years(engagements_of):
    text = ("BUDAPEST, March 4, 2022 — Hungarian President Anna Kovacs on Friday held talks with Polish President "
            "Jan Nowak in Budapest.\n\n\u201cDuring my visit to Warsaw in December, we signed nine agreements. Today "
            "we signed six more,\u201d Kovacs said.")
    evs = events(engagements_of, text)
    trip = only(evs, "visit", historical=True)
    assert (trip["people"], trip["guest"], trip["host"], trip["date"]) == (["Anna Kovacs"], "HUN", "POL", "XXXX-12")


def test_a_date_of_the_trip_an_adjunct_names_is_not_the_news_trips(engagements_of):
    text = ("Hungarian President Anna Kovacs said Polish President Jan Nowak\u2019s state visit to Hungary comes "
            "months after her own to Poland last December.")
    e = only(events(engagements_of, text), "visit")
    assert (e["guest"], e["date"]) == ("POL", None)


def test_a_trip_the_other_way_round_dated_to_a_month_is_the_earlier_one(engagements_of):
    text = ("Polish President Jan Nowak\u2019s state visit to Hungary began on Friday. Hungarian President Anna Kovacs "
            "paid a state visit to Poland in December.")
    evs = events(engagements_of, text)
    assert only(evs, "visit")["guest"] == "POL"
    assert only(evs, "visit", historical=True)["guest"] == "HUN"


def test_the_venue_of_a_gathering_on_whose_sidelines_two_met_is_no_side(engagements_of):
    text = ("Indian Defence Minister Asha Rao met US Secretary of Defense Paul Grant on Friday. "
            "Ministers gathered in Singapore on Friday; Singapore is the host, and Singapore\u2019s minister "
            "opened it. \u201cIn a bilateral meeting with US Secretary of Defense Paul Grant on the sidelines of the "
            "ASEAN Defence Ministers\u2019 Meet in Singapore,\u201d the minister tweeted.")
    evs = events(engagements_of, text, "2018-10-19")
    assert not [e for e in evs if e["kind"] == "meeting" and "SGP" in e["countries"]]
    gathering = only(evs, "multilateral")
    assert gathering["mechanism"].startswith("ASEAN Defence Ministers")


def test_meeting_the_leaders_of_an_organisations_members_is_a_gathering(engagements_of):
    text = ("President Anna Kovacs of Hungary arrived in Tashkent on Sept. 15 to attend the Summit of the Council "
            "of Heads of State of the Central Asia Forum. President Kovacs met with the leaders of CAF member states "
            "on Sept. 15. During the summit, the leaders will discuss trade. Kovacs thanked China and Chinese "
            "President Li Wei for China's support.")
    evs = events(engagements_of, text, "2022-09-16")
    assert [e["kind"] for e in evs if e["kind"] == "meeting"] == []
    assert any(e["kind"] == "multilateral" and e["countries"] == ["HUN"] for e in evs)


def test_trilateral_talks_are_a_gathering_of_three(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs and Polish Defence Minister Jan Nowak held trilateral talks with "
            "Czech Defence Minister Karel Dvorak in Prague on Monday.")
    evs = events(engagements_of, text, "2025-03-04")
    e = only(evs, "multilateral")
    assert (e["countries"], e["subtype"]) == (["CZE", "HUN", "POL"], "trilateral meeting")
    assert not [x for x in evs if x["kind"] == "meeting"]


def test_a_date_behind_a_comma_before_the_trigger_is_another_clauses(engagements_of):
    text = ("The friendship between the two countries had developed before they established diplomatic relations "
            "in 1992, notably the visit to Hungary by Polish President Adam Lis in 1959.")
    e = only(events(engagements_of, text, "2025-03-04"), "visit", historical=True)
    assert (e["date"], e["guest"]) == ("1959", "POL")


def test_what_leaders_agreed_upon_during_a_visit_recalls_that_visit(engagements_of):
    text = ("At the talks, Hungarian Defence Minister Anna Kovacs said the visit aims to carry out the partnership "
            "agreed upon by the two countries' senior leaders during the Polish President's state visit to Hungary "
            "in June this year.")
    evs = events(engagements_of, text)
    assert [e["date"] for e in evs if e["kind"] == "visit" and e["historical"]] == ["XXXX-06"]


def test_a_purpose_clause_cue_is_not_the_trips(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs met Polish Deputy Minister Jan Nowak in Budapest on December 3. "
            "Nowak said he had come to Budapest to make the previous agreements on military cooperation more concrete.")
    e = only(events(engagements_of, text, "2018-12-04"), "visit")
    assert (e["guest"], e["people"], e["date"]) == ("POL", ["Jan Nowak"], "2018-12")


def test_a_summit_of_another_pair_an_adjunct_names_is_background(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs and Polish Defence Minister Jan Nowak held talks in Budapest "
            "Monday. The ministers expressed worry about the recent missile launches, which came after the second "
            "summit between Czech President Karel Dvorak and Austrian Chancellor Eva Gruber ended late in February.")
    evs = events(engagements_of, text)
    summit = only(evs, "meeting", historical=True)
    assert (summit["countries"], summit["date"]) == (["AUT", "CZE"], "XXXX-02")


def test_the_annual_summit_between_two_states_names_the_mechanism_not_a_meeting(engagements_of):
    text = ("Polish Prime Minister Jan Nowak arrived in Budapest on Monday for a two-day visit. The annual summit "
            "between the Prime Minister of Poland and the President of Hungary is the highest dialogue mechanism.")
    evs = events(engagements_of, text, "2024-07-09")
    assert [e["kind"] for e in evs] == ["visit"]


def test_speaking_to_someone_in_a_city_is_a_meeting(engagements_of):
    text = "Hungarian President Anna Kovacs was speaking to Polish Trade Minister Jan Nowak in Budapest on May 21."
    e = only(events(engagements_of, text, "2025-05-22"), "meeting")
    assert (e["countries"], e["date"], e["place"]) == (["HUN", "POL"], "2025-05-21", "Budapest")


def test_spoke_to_someone_nowhere_named_is_a_call(engagements_of):
    text = ("Polish President Jan Nowak held a telephone conversation with Hungarian President Anna Kovacs on "
            "Saturday. \u201cAlso spoke to Prime Minister Karel Dvorak of the Czech Republic to inform him,\u201d "
            "Nowak said.")
    evs = events(engagements_of, text, "2025-03-09")
    assert sorted(e["countries"] for e in evs if e["kind"] == "call") == [["CZE", "POL"], ["HUN", "POL"]]


def test_speaking_with_someone_met_that_day_is_that_meeting(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs and Polish Defence Minister Jan Nowak met in Budapest on Monday. "
            "Speaking with Nowak for the second time in as many days, Kovacs said the two sides agree.")
    evs = events(engagements_of, text, "2025-03-04")
    assert [e["kind"] for e in evs] == ["meeting"]


def test_a_sentence_opening_with_meeting_someone_reports_the_meeting(engagements_of):
    text = ("Meeting host Hungarian President Anna Kovacs on September 4 ahead of the summit in Budapest, Polish "
            "Prime Minister Jan Nowak called for more trade.")
    e = only(events(engagements_of, text, "2025-09-05"), "meeting")
    assert (e["countries"], e["date"]) == (["HUN", "POL"], "2025-09-04")


def test_a_call_named_in_a_time_adjunct_is_a_second_earlier_call(engagements_of):
    text = ("Hungarian President Anna Kovacs held a telephone conversation with Polish President Jan Nowak, which "
            "took place four days after the Hungarian leader's conversation with Czech President Karel Dvorak.")
    evs = events(engagements_of, text, "2025-01-21")
    assert only(evs, "call")["countries"] == ["HUN", "POL"]
    earlier = only(evs, "call", historical=True)
    assert (earlier["countries"], earlier["people"]) == (["CZE", "HUN"], ["Anna Kovacs", "Karel Dvorak"])


def test_a_date_right_after_the_trigger_is_its_own_however_precise_the_others(engagements_of):
    text = ("Polish Foreign Minister Jan Nowak began a visit to Hungary on August 3. It follows the holding of the "
            "first Hungary-Poland Joint Committee in May 2019 and the signing of a trade agreement on June 30.")
    evs = events(engagements_of, text, "2019-08-06")
    committee = only(evs, "meeting", historical=True)
    assert committee["date"] == "2019-05"


def test_a_word_naming_the_meeting_beats_one_implying_it_earlier_in_the_sentence(engagements_of):
    text = ("Hungary and Poland signed the defence agreement on July 8, 2024 as the two nations' foreign and defence "
            "ministers met during the 2+2 meeting in Budapest.")
    e = only(events(engagements_of, text, "2024-07-09"), "meeting")
    assert (e["subtype"], e["date"], e["place"]) == ("meeting", "2024-07-08", "Budapest")
    assert e["evidence"][0]["rule"] == "events:meeting"


def test_a_welcome_upon_arrival_is_on_the_day_of_the_arrival(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Wednesday evening for a two-day state visit. Upon "
            "arrival at the airport, the President was welcomed by his Hungarian counterpart, President Anna Kovacs, "
            "at a welcome ceremony. Today, the two presidents are expected to preside over official talks before the "
            "signing of an agreement on political consultation.")
    evs = events(engagements_of, text, "2021-12-02")
    assert only(evs, "meeting")["date"] == "2021-12-01"


def test_two_leaders_who_spoke_on_a_day_or_chatted_held_a_call_of_their_two_states(engagements_of):
    text = ("Polish President Jan Nowak said he and Hungarian President Anna Kovacs spoke on Tuesday about the "
            "Czech-Austrian-German trade talks. The Hungarian government confirmed Kovacs's chat with Nowak.")
    evs = events(engagements_of, text, "2025-07-10")
    call = only(evs, "call")
    assert (call["countries"], call["date"]) == (["HUN", "POL"], "2025-07-08")


def test_what_was_done_during_a_trip_dates_it(engagements_of):
    text = ("Polish Justice Minister Ewa Lis held talks with Hungarian Justice Minister Peter Szabo in Budapest on "
            "April 18. The two ministers valued the signing of the MoU on law cooperation in October 2022, during "
            "Polish President Adam Nowak's official visit to Hungary, and the cooperation programme in December 2023.")
    e = only(events(engagements_of, text, "2024-04-19"), "visit", historical=True)
    assert (e["date"], e["host"]) == ("2022-10", "HUN")


def test_a_sentence_opening_at_the_meeting_adds_neither_its_dates_nor_whom_it_quotes(engagements_of):
    text = ("On September 4, Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan "
            "Nowak in Budapest. At the meeting, Kovacs thanked Nowak for attending the National Day on September 2, "
            "emphasising that President Lajos Kossuth and Marshal Jozef Pilsudski had laid the foundation.")
    e = only(events(engagements_of, text, "2025-09-05"), "meeting")
    assert (e["date"], set(e["people"])) == ("2025-09-04", {"Anna Kovacs", "Jan Nowak"})


def test_someone_whose_regards_were_conveyed_was_not_there(engagements_of):
    text = ("In a meeting with Hungarian Defence Minister Anna Kovacs in Budapest, Polish Deputy Minister Jan Nowak "
            "conveyed the regards of Polish Defence Minister Adam Lis to the host.")
    e = only(events(engagements_of, text, "2025-09-05"), "meeting")
    assert set(e["people"]) == {"Anna Kovacs", "Jan Nowak"}


def test_while_meeting_someone_is_a_meeting_and_who_is_named_in_what_was_said_was_not_in_it(engagements_of):
    text = ("While meeting Hungarian Prime Minister Anna Kovacs in Budapest on Tuesday, Polish President Jan Nowak "
            "said that the invitation had been made during his talks with President Peter Szabo.")
    e = only(events(engagements_of, text, "2025-03-05"), "meeting")
    assert (e["countries"], e["date"]) == (["HUN", "POL"], "2025-03-04")
    assert set(e["people"]) == {"Anna Kovacs", "Jan Nowak"}


def test_a_day_in_a_time_adjunct_of_other_talks_is_not_the_leads(engagements_of):
    text = ("In Budapest, Polish President Jan Nowak and Hungarian President Anna Kovacs held a restricted "
            "session of talks, following up on their long talks on Monday. Nowak said on Tuesday that he had "
            "invited Kovacs to Warsaw.")
    e = only(events(engagements_of, text, "2025-03-04"), "meeting")
    assert e["date"] == "2025-03-04"


def test_the_same_day_a_second_meeting_with_another_host_is_its_own_meeting(engagements_of):
    text = ("Foreign Minister Jan Nowak was received by President Anna Kovacs at the presidential palace in "
            "Budapest on July 20. The same day, Polish Foreign Minister Jan Nowak and his Hungarian counterpart "
            "Peter Szabo co-chaired the fourth meeting of the Joint Committee on Bilateral Cooperation.")
    evs = [e for e in events(engagements_of, text, "2024-07-21") if e["kind"] == "meeting"]
    assert sorted((e["date"], tuple(sorted(e["people"]))) for e in evs) == [
        ("2024-07-20", ("Anna Kovacs", "Jan Nowak")), ("2024-07-20", ("Jan Nowak", "Peter Szabo"))]


def test_the_one_a_visitor_meets_first_is_met_too_beside_several_principals(engagements_of):
    text = ("During the day, Polish Foreign Minister Jan Nowak held a strategic dialogue with Hungarian Deputy Prime "
            "Minister and Minister of Foreign Affairs Anna Kovacs, paid courtesy calls to Hungarian Speaker of the "
            "National Assembly Peter Szabo and Hungarian Prime Minister Laszlo Toth.")
    meetings = [e for e in events(engagements_of, text, "2023-11-06") if e["kind"] == "meeting"]
    assert sorted(sorted(e["people"]) for e in meetings) == [
        ["Anna Kovacs", "Jan Nowak"], ["Jan Nowak", "Laszlo Toth"], ["Jan Nowak", "Peter Szabo"]]


def test_my_visit_is_the_speakers_visit_where_the_article_pair_meets(engagements_of):
    text = ("BUDAPEST (Agency) - Polish Foreign Minister Jan Nowak said on Tuesday he wanted closer ties, after a "
            "meeting with Hungarian Foreign Minister Anna Kovacs in Budapest. \u201cI would like my visit to be "
            "the moment to launch the process,\u201d Nowak said.")
    v = only(events(engagements_of, text, "2024-07-30"), "visit")
    assert (v["countries"], v["people"], v["place"]) == (["HUN", "POL"], ["Jan Nowak"], "Budapest")


def test_an_opening_adjunct_dates_what_it_names_and_bounds_the_main_clause(engagements_of):
    text = ("Hungarian President Anna Kovacs and Polish Prime Minister Jan Nowak held a summit in Budapest on Sunday. "
            "Following Kovacs's decision on relations with Poland in March, Nowak responded by visiting Budapest "
            "in less than two months.")
    v = only(events(engagements_of, text, "2023-05-07"), "visit")
    assert v["date"] == "2023-05"
    text = ("After his inauguration on May 9th, Hungarian President Anna Kovacs received a congratulatory phone call "
            "from Polish President Jan Nowak.")
    assert only(events(engagements_of, text), "call")["date"] == "XXXX-05"


def test_the_summit_in_an_earlier_month_is_a_recalled_meeting_of_the_pair(engagements_of):
    text = ("Hungarian President Anna Kovacs and Polish Prime Minister Jan Nowak held a summit in Budapest on Sunday. "
            "\u201cDuring the summit in March, we agreed to strengthen relations,\u201d Nowak said.")
    evs = events(engagements_of, text, "2023-05-07")
    assert only(evs, "meeting")["date"] == "2023-05-07"
    recalled = only(evs, "meeting", historical=True)
    assert (recalled["countries"], recalled["date"]) == (["HUN", "POL"], "2023-03")
    # the same words in the news month are the news summit
    text = text.replace("in March", "in May")
    assert [e["historical"] for e in events(engagements_of, text, "2023-05-07") if e["kind"] == "meeting"] == [False]


def test_the_pair_names_the_articles_two_principals_at_a_recalled_gathering(engagements_of):
    text = ("Polish Prime Minister Jan Nowak arrived in Budapest on Monday for talks with Hungarian President Anna "
            "Kovacs. The pair met during the September 2022 Central European Cooperation Organisation (CECO) summit "
            "in Vienna. Nowak said ties were strong, and Kovacs said trade had grown.")
    evs = events(engagements_of, text, "2024-07-08")
    met = only(evs, "meeting", historical=True)
    gathering = only(evs, "multilateral", historical=True)
    for e in (met, gathering):
        assert (e["countries"], e["date"], sorted(e["people"])) == (["HUN", "POL"], "2022-09", ["Anna Kovacs", "Jan Nowak"])


def test_officials_listed_each_with_its_state_are_met_one_meeting_each(engagements_of):
    text = ("Singaporean Defence Minister Ng Eng Hen also had meetings with regional counterparts Ahmad Hasan of "
            "Malaysia, Haji Awang Ali Haji Yusof of Brunei, and Carlo Reyes Jr of the Philippines, as well as ASEAN "
            "Secretary-General Kao Kim Hourn.")
    pairs = sorted(tuple(e["countries"]) for e in events(engagements_of, text, "2023-06-02") if e["kind"] == "meeting")
    assert pairs == [("BRN", "SGP"), ("IGO", "SGP"), ("MYS", "SGP"), ("PHL", "SGP")]


def test_someone_whose_grave_or_monument_was_visited_took_no_part(engagements_of):
    text = ("Polish President Jan Nowak held talks with Hungarian President Anna Kovacs in Budapest on June 13 after "
            "paying homage at the grave of former President Peter Szabo.")
    e = only(events(engagements_of, text, "2023-06-14"), "meeting")
    assert set(e["people"]) == {"Anna Kovacs", "Jan Nowak"}


def test_a_trip_made_to_hold_talks_reports_the_trip_and_the_talks(engagements_of):
    text = ("President Anna Kovacs of Hungary has visited the Republic of Poland to hold bilateral talks with her "
            "counterpart, President Jan Nowak.")
    evs = events(engagements_of, text, "2018-07-13")
    assert only(evs, "visit")["countries"] == ["HUN", "POL"]
    assert set(only(evs, "meeting")["people"]) == {"Anna Kovacs", "Jan Nowak"}
    text = "President Anna Kovacs of Hungary will travel to Poland to hold talks with her counterpart."
    assert events(engagements_of, text, "2018-07-13") == []


def test_discussions_held_earlier_ahead_of_the_visit_are_the_same_news(engagements_of):
    text = ("Polish President Jan Nowak arrived in Budapest on Sunday for a state visit. Hungarian Foreign Minister "
            "Anna Kovacs had earlier held discussions with her Polish counterpart Piotr Lis ahead of the state visit.")
    evs = events(engagements_of, text, "2023-08-21")
    assert [e["historical"] for e in evs if e["kind"] == "meeting"] == [False]


def test_a_press_conference_with_a_foreign_official_is_a_meeting(engagements_of):
    text = ("Remarks by Foreign Minister Anna Kovacs of Hungary at the press conference with Jan Nowak, Foreign "
            "Minister of Poland\nIt is a pleasure for me to be here in Warsaw.")
    e = only(events(engagements_of, text), "meeting")
    assert (e["countries"], set(e["people"])) == (["HUN", "POL"], {"Anna Kovacs", "Jan Nowak"})
