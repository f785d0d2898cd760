"""Every date form the issue names, resolved against a publication date (sentences written here)."""
import pytest

from communique.extract.dates import find_dates


def one(text, published=None, **kw):
    found = [d for d in find_dates(text, published, **kw) if d.value]
    assert found, text
    return found[0]


@pytest.mark.parametrize("text, published, value, precision, source", [
    ("The talks took place on September 4.", "2025-09-05", "2025-09-04", "day", "relative"),
    ("The talks took place on September 4.", None, "XXXX-09-04", "day", "text"),
    ("They met on Sept. 4, 2023 in the capital.", None, "2023-09-04", "day", "text"),
    ("They met on 11 September 2021.", None, "2021-09-11", "day", "text"),
    ("The ministers met on Thursday.", "2025-09-06", "2025-09-04", "day", "relative"),
    ("The minister will visit on Monday.", "2025-09-04", "2025-09-08", "day", "relative"),
    ("The visit from April 20-22 went well.", "2024-05-01", "2024-04-20", "day", "relative"),
    ("Visits on 20-22 April 2024 were planned.", None, "2024-04-20", "day", "text"),
    ("The expo opens in June this year.", "2024-08-01", "2024-06", "month", "relative"),
    ("The consultation was held last month.", "2024-01-10", "2023-12", "month", "relative"),
    ("A summit is planned for early next year.", "2024-08-01", "2025", "year", "relative"),
    ("The plan covers the 2020-2025 period.", None, "2020", "year", "text"),
    ("The prime minister visited last November.", "2022-04-16", "2021-11", "month", "relative"),
    ("The talks happened yesterday.", "2025-09-04", "2025-09-03", "day", "relative"),
    ("They met on Thursday (4/4/2024) in the capital.", None, "2024-04-04", "day", "text"),
    ("The president's state visit in May 2025 was a milestone.", None, "2025-05", "month", "text"),
    ("He recalled the leader's May visit.", "2025-09-04", "2025-05", "month", "relative"),
    ("The minister visited in 1959.", None, "1959", "year", "text"),
    ("The talks on 2025-09-04 ended.", None, "2025-09-04", "day", "text"),
])
def test_date_forms(text, published, value, precision, source):
    d = one(text, published)
    assert (d.value, d.precision, d.source) == (value, precision, source)


def test_range_keeps_its_end():
    d = one("The visit from April 20-22 went well.", "2024-05-01")
    assert d.end_value == "2024-04-22"


def test_december_reported_in_january_is_last_year():
    assert one("On December 28, the ministers met.", "2025-01-03").value == "2024-12-28"


def test_year_inside_a_name_is_marked_as_name():
    d = one("He attended the forum ARMY-2024 near the capital.")
    assert (d.value, d.source) == ("2024", "name")


def test_this_year_uses_the_context_year_when_unpublished():
    assert one("He visited in June this year.", None, context_year=2024).value == "2024-06"


def test_may_the_verb_is_not_a_date():
    assert find_dates("The two sides may sign a plan.") == []


def test_weekday_without_a_publication_date_is_not_guessed():
    assert all(d.value is None for d in find_dates("They met on Thursday."))


@pytest.mark.parametrize("text, value", [
    ("They discussed cooperation in maritime security.", None),
    ("The decree takes effect in Dec. 2023.", "2023-12"),
    ("The minister arrived in the capital last night.", "2024-04-03"),
    ("They finalised the deal at a meeting in the capital on the day.", "2024-04-04"),
])
def test_month_names_are_whole_words_and_day_words(text, value):
    from communique.extract.dates import find_dates
    found = find_dates(text, "2024-04-04")
    assert [d.value for d in found] == ([value] if value else [])


@pytest.mark.parametrize("text, value, precision", [
    ("Since my first state visit to Hungary 10 years ago, ties have grown.", "2013", "year"),
    ("the agreements signed just one month ago", "2023-02", "month"),
    ("They first met two decades ago.", "2003", "year"),
    ("a year ago", "2022", "year"),
])
def test_a_time_counted_back_from_the_publication(text, value, precision):
    (d,) = find_dates(text, "2023-03-21")
    assert (d.value, d.precision, d.source) == (value, precision, "relative")


@pytest.mark.parametrize("words, value", [
    ("The same day,", "2024-07-20"), ("On the same day,", "2024-07-20"), ("The next day,", "2024-07-21"),
    ("A day later,", "2024-07-21"), ("The previous day,", "2024-07-19"), ("The day before,", "2024-07-19"),
])
def test_a_day_told_relative_to_the_last_one_written(words, value):
    from communique.extract.dates import anaphoric_days
    [before] = find_dates("The minister arrived on July 20.", "2024-07-25")
    [d] = anaphoric_days(f"{words} she met the president.", 100, lambda pos: before if pos > before.end else None)
    assert (d.value, d.precision, d.start) == (value, "day", 100)


def test_a_day_told_relative_keeps_an_unknown_year_unknown_and_needs_a_day_before_it():
    from communique.extract.dates import anaphoric_days
    [before] = find_dates("The minister arrived on July 20.")
    assert [d.value for d in anaphoric_days("The next day, she left.", 0, lambda pos: before)] == ["XXXX-07-21"]
    assert anaphoric_days("The same day, she left.", 0, lambda pos: None) == []
    assert anaphoric_days("On the day before the summit, she left.", 0, lambda pos: before) == []
