from communique.clean import clean, headline

RAW = """JavaScript is off. Please enable to view full site.

Ministers pledge closer ties at annual dialogue

Ministers pledge closer ties at annual dialogue

Monday, March 3, 2025, 10:00 GMT+7
Deputy Minister Alpha Beta and his counterpart Gamma Delta at the talks. (Photo: Example Agency)

 date 2025-03-03 Deputy Minister of Foreign Affairs Alpha Beta held talks in Hanoi on March 3 with his counterpart Gamma Delta, and both sides agreed to expand cooperation in trade and education./.

Like us on Facebook or follow us on Twitter to get the latest news!

By Jane Writer

Read more

Unrelated teaser headline about a festival

Another teaser with Prime Minister Teaser Person
"""


def test_furniture_removed_and_teasers_cut():
    c = clean(RAW)
    assert "JavaScript" not in c.body
    assert "Like us on Facebook" not in c.body
    assert "Jane Writer" not in c.body
    assert "Teaser Person" not in c.body and "festival" not in c.body
    assert c.body.count("Ministers pledge closer ties") == 1
    assert "2025, 10:00" not in c.body
    assert not c.body.rstrip().endswith("/.")
    assert " date 2025" not in c.body
    assert {"javascript_off", "repeated_line", "dateline", "social_prompt", "byline", "see_more", "date_line"} <= set(c.removed)


def test_captions_kept_and_marked():
    c = clean(RAW)
    texts = [s.text for s in c.captions]
    assert any(t.endswith("(Photo: Example Agency)") for t in texts)
    for s in c.captions:
        assert c.body[s.start:s.end] == s.text


def test_offsets_map_back_to_raw():
    c = clean(RAW)
    for word in ("Alpha Beta", "Gamma Delta", "education"):
        i = c.body.index(word)
        r = c.to_raw(i)
        assert RAW[r:r + len(word)] == word


def test_headline_is_first_short_line():
    assert headline(clean(RAW)) == "Ministers pledge closer ties at annual dialogue"
    assert headline(clean("A full sentence opens this body, ending with a stop.\n\nMore text.")) is None


def test_teaser_marker_before_body_does_not_cut():
    c = clean("More\n\nThe foreign ministers met in Jakarta and discussed trade, investment and maritime cooperation at length, "
              "agreeing to meet again next year in Kuala Lumpur to review progress on all the matters discussed today.")
    assert "foreign ministers met" in c.body
