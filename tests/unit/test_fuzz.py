"""Fuzzing the readers and the pipeline (hypothesis, a bounded number of examples so CI stays
quick): any bytes, any text, any JSON line becomes records or rejects — never an exception — in time
that grows with its length."""
import json
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import InputRejected
from communique.ingest.readers import read_bytes
from communique.model import Record
from communique.pipeline import extract
from communique.settings import Settings

SETTINGS = Settings.load(processes=1)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
# text built from what hostile inputs are made of: punctuation runs, abbreviations, dates, triggers
PIECES = st.sampled_from(['"', "(", "[", "A. ", "&amp;", "March 3, 2024, ", "Minister Giang met with ", "\n",
                          "\ud800", "Hà Nội ", "U.S. ", "Gen. ", "  ", "—", "<p>", "</p>", "{", "}", "\x00"])
HOSTILE_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=200).map("".join)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
                          lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
                          max_leaves=8)
JSON_ROW = st.dictionaries(st.sampled_from(["id", "url", "outlet", "published", "title", "text", "x"]),
                           JSON_VALUE | HOSTILE_TEXT, max_size=6)


def _through(data: bytes, suffix: str) -> None:
    start = time.perf_counter()
    items = list(read_bytes(data, "<fuzz>", suffix, "fuzz"))
    articles = [i for i in items if not isinstance(i, InputRejected)]
    out = list(extract(articles, SETTINGS))
    elapsed = time.perf_counter() - start
    assert len(out) == len(articles)
    assert all(isinstance(x, Record | InputRejected) for x in out)
    for record in out:
        if isinstance(record, Record):
            json.dumps(record.as_dict(), ensure_ascii=False).encode("utf-8")   # storable and printable
    assert elapsed < 3.0 + len(data) / 1000 * 0.5, f"{elapsed:.1f} s for {len(data)} bytes"


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ""]))
def test_any_bytes_become_records_or_rejects(data, suffix):
    _through(data, suffix)


@FUZZ
@given(text=HOSTILE_TEXT, suffix=st.sampled_from([".txt", ".html"]))
def test_any_hostile_text_becomes_records_or_rejects(text, suffix):
    _through(text.encode("utf-8", "surrogatepass"), suffix)


@FUZZ
@given(rows=st.lists(JSON_ROW, min_size=1, max_size=4))
def test_any_json_lines_become_records_or_rejects(rows):
    data = "\n".join(json.dumps(r, ensure_ascii=True) for r in rows).encode()
    _through(data, ".jsonl")
