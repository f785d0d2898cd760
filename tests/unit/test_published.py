import pytest

from communique.ingest.published import find_published, from_url, parse_dateline


@pytest.mark.parametrize("line, iso", [
    ("Saturday, December 28, 2024, 11:00 GMT+7", "2024-12-28"),
    ("January 13, 2022 3:40 PM GMT+7", "2022-01-13"),
    ("September 13, 2021", "2021-09-13"),
    ("13 Sept 2021", "2021-09-13"),
    ("Posted: 2024-04-19 08:00", "2024-04-19"),
    ("Thursday, May 2nd, 2024", "2024-05-02"),
])
def test_datelines(line, iso):
    assert parse_dateline(line) == iso


@pytest.mark.parametrize("line", ["The talks took place on September 13, 2021 in Hanoi.", "February 30, 2024", "2024"])
def test_not_datelines(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize("url, iso", [
    ("https://example.com/world/2021/09/12/story", "2021-09-12"),
    ("https://example.com/world/2021/09/726697/story", "2021-09"),
    ("https://example.com/view/ABC20190530003000325", "2019-05-30"),
    ("https://example.com/news/185241226115809588.html", None),
    (None, None),
])
def test_url_dates(url, iso):
    assert from_url(url) == iso


def test_precedence_and_sources():
    raw = " date 2024-04-19 Body text follows.\nSaturday, April 20, 2024\n"
    assert find_published(raw, None, metadata="2024-04-18T09:00:00+07:00") == ("2024-04-18", "metadata")
    assert find_published(raw, None) == ("2024-04-19", "date_line")
    assert find_published("Headline\nSaturday, April 20, 2024, 09:00 GMT+7\nBody.", None) == ("2024-04-20", "dateline")
    assert find_published("Body only.", "https://x.example/2020/01/05/a") == ("2020-01-05", "url")


def test_nothing_stated_means_none_never_today():
    assert find_published("Ministers met on Monday to discuss trade.", "https://x.example/story") == (None, None)
