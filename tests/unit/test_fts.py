"""Search text to a bounded FTS5 query (store/fts.py): what a search box promises, nothing more."""
import pytest

from communique.errors import UsageError
from communique.store.fts import MAX_TERMS, fts_query


@pytest.mark.parametrize("text, query", [
    ("defence", '"defence"'),
    ("defence industry", '"defence" AND "industry"'),
    ('"defence industry" OR training', '"defence industry" OR "training"'),
    ("trai* NOT navy", '"trai"* NOT "navy"'),
    ("NOT navy", '"navy"'),
    ("title:x NEAR(a b)", '"title x" AND "NEAR" AND "a" AND "b"'),
    ("défense – Việt", '"défense" AND "Việt"'),
])
def test_search_text_becomes_quoted_terms(text, query):
    assert fts_query(text) == query


@pytest.mark.parametrize("text, reason", [
    ("a* " * 160, "prefix"),
    ("defence OR " * 3000, "characters"),
    ("de* tr* co* mi*", "prefix"),
    (" ".join(f"w{i}" for i in range(MAX_TERMS + 1)), "terms"),
    ("a OR b OR c OR d OR e OR f OR g OR h OR i OR j", "ORs"),
    ("  ", "empty"),
    ("* ( ) \"\"", "no words"),
])
def test_hostile_search_text_is_refused_with_its_reason(text, reason):
    with pytest.raises(UsageError, match=reason):
        fts_query(text)
