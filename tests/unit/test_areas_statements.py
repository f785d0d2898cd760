"""Fields of cooperation and policy statements on sentences written here."""
import pytest


@pytest.mark.parametrize("sentence, expected", [
    ("The two sides agreed to boost cooperation in training, military medicine and the defence industry.",
     {"training", "military_medicine", "defence_industry"}),
    ("They proposed cooperation in mine clearance and overcoming war consequences.", {"mine_action", "war_legacy"}),
    ("Both sides agreed to step up delegation exchanges and coordination at multilateral forums.",
     {"delegation_exchange", "multilateral_coordination"}),
    ("They discussed cooperation in cyber security, maritime security and UN peacekeeping.",
     {"cyber_security", "maritime_security", "peacekeeping"}),
    ("The sides agreed to promote trade, investment and tourism.", {"trade", "investment", "tourism"}),
    ("They welcomed cooperation in military trade and logistics.", {"military_trade", "logistics"}),
    ("They agreed to cooperate in Vietnamese language training for cadets.", {"language_training", "training"}),
    ("The two leaders agreed to continue shuttle diplomacy between their capitals.", {"delegation_exchange"}),
    ("Both sides agreed to hold regular meetings between their prime ministers.", {"delegation_exchange"}),
])
def test_areas_named(engagements_of, sentence, expected):
    found = engagements_of(sentence, "2025-03-06")
    assert set(found["areas"]) == expected
    for area in expected:
        assert found["area_evidence"][area][0]["text"] == sentence


def test_narrower_field_hides_the_wider_one(engagements_of):
    found = engagements_of("They agreed to expand cooperation in military medicine.", "2025-03-06")
    assert found["areas"] == ["military_medicine"]      # not health


def test_areas_need_a_cooperation_context(engagements_of):
    assert engagements_of("The weather in the capital was warm for tourism season.", "2025-03-06")["areas"] == []


def test_a_field_in_an_office_is_a_portfolio_not_cooperation(engagements_of):
    text = ("Welcoming the Polish delegation were Hungarian Minister of Agriculture and Rural Development Anna "
            "Kovacs and Deputy Foreign Minister Peter Szabo; the two sides agreed to expand cooperation.")
    assert "agriculture" not in engagements_of(text, "2025-03-06")["areas"]
    text = text.replace("agreed to expand cooperation.", "agreed to expand cooperation in agriculture.")
    assert "agriculture" in engagements_of(text, "2025-03-06")["areas"]


def test_education_and_training_among_defence_fields_is_military_training(engagements_of):
    text = "Poland proposed cooperation in delegation exchanges, education and training, and defence industry."
    areas = engagements_of(text, "2025-03-06")["areas"]
    assert "training" in areas and "education" not in areas
    text = "The two sides agreed to boost cooperation in education and training, health and culture."
    assert "education" in engagements_of(text, "2025-03-06")["areas"]


def test_statement_with_speaker(engagements_of):
    text = ("Hungarian Defence Minister Anna Kovacs held talks with Polish Defence Minister Jan Nowak on March 3. "
            "Kovacs affirmed support for resolving disputes by peaceful means in accordance with international law.")
    found = engagements_of(text, "2025-03-04")["statements"]
    positions = {s["position"]: s for s in found}
    assert {"peaceful_settlement", "international_law"} <= set(positions)
    assert positions["international_law"]["speaker"] == "Anna Kovacs"
    assert positions["international_law"]["speaker_country"] == "HUN"


def test_statement_speaker_from_the_previous_sentence(engagements_of):
    text = ("Polish Defence Minister Jan Nowak held talks with his Hungarian counterpart Anna Kovacs on March 3. "
            "He reaffirmed the one-China policy.")
    found = engagements_of(text, "2025-03-04")["statements"]
    assert [(s["position"], s["speaker"]) for s in found] == [("one_china_policy", "Jan Nowak")]


@pytest.mark.parametrize("sentence, expected", [
    ("Hungary and Poland agreed to deepen cooperation in trade, energy and defence.", {"trade", "energy", "defence_security"}),
    ("Hungary and Poland agreed to deepen defence-security cooperation.", {"defence_security"}),
    ("Hungary and Poland agreed to increase all-level visits and exchanges.", {"delegation_exchange"}),
    ("The two sides informed each other of the political, socio-economic and defence-security situations in their "
     "countries and agreed to cooperate.", set()),
])
def test_defence_and_visits_as_fields_of_a_list(engagements_of, sentence, expected):
    assert set(engagements_of(sentence, "2024-03-05")["areas"]) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Last year, bilateral trade between Hungary and Poland reached $355 million.", {"trade"}),
    ("Trade between his country and Poland was steadily improving, the president said.", {"trade"}),
    ("Poland's domestic trade grew last year.", set()),
])
def test_bilateral_trade_needs_no_cooperation_word(engagements_of, sentence, expected):
    assert set(engagements_of(sentence, "2024-03-05")["areas"]) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("They signed agreements on political consultation, defence cooperation, agriculture and energy.",
     {"defence_security", "agriculture", "energy"}),
    ("Poland and Hungary signed cooperation agreements in the defense, medicine and education sectors.",
     {"defence_security", "health", "education"}),
    ("The two countries cooperate in many pillars, from trade and investment to defence-security.",
     {"defence_security", "trade", "investment"}),
    ("The two sides agreed to cooperate in trade to ensure peace, stability, and security.", {"trade"}),
])
def test_defence_or_security_as_one_field_of_a_list(engagements_of, sentence, expected):
    assert set(engagements_of(sentence, "2025-03-06")["areas"]) == expected


@pytest.mark.parametrize("sentence, area, named", [
    # a pandemic as the setting of cooperation is not health cooperation; fighting it together is
    ("Despite the COVID-19 pandemic, the two countries continued cooperation in training.", "health", False),
    ("The sides agreed to cooperate in COVID-19 vaccine research and production.", "health", True),
    # a transfer agreement's "equipment and technology" and an academy's name are no science cooperation
    ("They signed an agreement on the transfer of defence equipment and technology to expand cooperation.",
     "science_technology", False),
    ("They agreed to welcome cadets at the Military Science Academy to boost cooperation.", "science_technology", False),
    ("The two sides agreed to promote cooperation in science and technology.", "science_technology", True),
])
def test_a_field_named_as_context_is_not_cooperation(engagements_of, sentence, area, named):
    assert (area in engagements_of(sentence, "2025-03-06")["areas"]) == named
