"""One office however it is written, its sector, and a person's current office."""
import pytest

from communique.link import offices


@pytest.mark.parametrize("a, b", [
    ("Defence Minister", "Defense Minister"),
    ("Defence Minister", "Minister of National Defence"),
    ("Minister of Foreign Affairs", "Foreign Minister"),
    ("Vice Minister of Defense", "Deputy Minister of National Defence"),
    ("Premier", "Prime Minister"),
])
def test_forms_of_one_office_share_a_key(a, b):
    assert offices.office_key(a) == offices.office_key(b)


@pytest.mark.parametrize("a, b", [
    ("Defence Minister", "Deputy Defence Minister"),
    ("Minister of Defence", "Minister of Public Security"),
    ("Prime Minister", "Minister"),
])
def test_different_offices_keep_different_keys(a, b):
    assert offices.office_key(a) != offices.office_key(b)


@pytest.mark.parametrize("title, sector", [
    ("Minister of National Defence", "government"),
    ("Chief of the General Staff", "military"),
    ("Ambassador to Japan", "diplomatic"),
    ("General Secretary of the Communist Party", "party"),
    ("Chairman of the National Assembly", "legislature"),
])
def test_sectors(title, sector):
    assert offices.sector(title) == sector


def row(title, first, last, n=1):
    return {"title": title, "rank": None, "country": "RUS", "first_seen": first, "last_seen": last, "n_articles": n}


def test_written_forms_merge_and_the_current_office_is_the_government_one_seen_last():
    grouped = offices.group([row("Defence Minister", "2020-01-01", "2023-05-01", 3),
                             row("Defense Minister", "2021-01-01", "2024-02-01", 1),
                             row("Politburo member", "2019-01-01", "2024-06-01")])
    assert [(o["office"], o["sector"]) for o in grouped] == [("member politburo", "party"), ("defence minister", "government")]
    minister = grouped[1]
    assert minister["title"] == "Defence Minister" and minister["titles"] == ["Defence Minister", "Defense Minister"]
    assert (minister["first_seen"], minister["last_seen"], minister["n_articles"]) == ("2020-01-01", "2024-02-01", 4)
    assert offices.current(grouped)["title"] == "Defence Minister"       # not the party post seen later
