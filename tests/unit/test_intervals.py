"""Dates as intervals (link/intervals.py) and places as GeoNames records (extract/geocode.py)."""
import pytest

from communique.extract.geocode import geocode
from communique.link.intervals import describe, interval


@pytest.mark.parametrize("date,end,historical,published,expected", [
    ("2024-06-12", None, False, "2024-06-13", ("2024-06-12", "2024-06-12", "day")),
    ("2024-02", None, False, "2024-03-01", ("2024-02-01", "2024-02-29", "month")),    # a leap February
    ("2023", None, True, "2024-03-01", ("2023-01-01", "2023-12-31", "year")),
    ("2024-06-12", "2024-06-14", False, None, ("2024-06-12", "2024-06-14", "range")),
    ("2024-06", "2024-07", False, None, ("2024-06-01", "2024-07-31", "range")),
    # a dateline without its year, in news: the latest such day on or before publication
    ("XXXX-12-30", None, False, "2025-01-02", ("2024-12-30", "2024-12-30", "day")),
    ("XXXX-06-10", None, False, "2025-06-11", ("2025-06-10", "2025-06-10", "day")),
    # ... but in background, the year is anyone's guess: only what the reports allow
    ("XXXX-06-10", None, True, "2025-06-11", (None, "2025-06-11", "reported")),
    (None, None, False, "2025-06-11", ("2025-06-08", "2025-06-11", "reported")),
    (None, None, False, "2025-06", ("2025-06-27", "2025-06-30", "reported")),
    (None, None, True, "2025-06-11", (None, "2025-06-11", "reported")),
    (None, None, False, None, (None, None, None)),
    ("XXXX-06-10", None, False, None, (None, None, None)),
    ("2024-13", None, False, "2025-01-01", ("2024-12-29", "2025-01-01", "reported")),   # not a date: unused
])
def test_interval(date, end, historical, published, expected):
    assert interval(date, end, historical, published) == expected


def test_describe_says_what_a_date_rests_on():
    assert describe({"date_precision": None}) == "undated"
    assert describe({"date": "XXXX-06-10", "date_text": "June 10", "date_start": "2025-06-10",
                     "date_end": "2025-06-10", "date_precision": "day"}) == \
        '2025-06-10 (day) (year from the publication date) — "June 10"'
    assert "reported by 2025-06-11" in describe({"date_precision": "reported", "date_end": "2025-06-11"})


def test_geocode_prefers_the_events_countries_and_admits_what_it_does_not_know():
    assert geocode("Perth", "AUS")["lat"] < 0 and geocode("Perth", "GBR")["lat"] > 50
    assert geocode("Perth", None, ["GBR", "FRA"])["country_code"] == "GBR"
    hanoi = geocode("Ha Noi")
    assert hanoi["geonameid"] == 1581130 and hanoi["resolution"] == 4
    country = geocode("Vietnam")
    assert country["feature_class"] == "A" and country["lat"] is None and country["resolution"] == 1
    assert geocode("the border post at Kilometre 7") is None and geocode(None) is None
