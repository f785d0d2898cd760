import io
import json

import pytest

from communique.errors import InputRejected
from communique.ingest import read_inputs

HTML = """<!DOCTYPE html><html><head><title>Ministers meet | Example</title>
<meta property="article:published_time" content="2024-10-08T09:30:00+09:00">
<link rel="canonical" href="https://example.kr/view/1"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet</h1>
<p>Vice Defense Minister Park Ji-hoon met his Vietnamese counterpart in Seoul on Tuesday to discuss training.</p>
<figure><img src="a.jpg"><figcaption>Park Ji-hoon (R) in Seoul. (Photo courtesy of the ministry)</figcaption></figure>
<p>The two sides agreed to hold the next dialogue in Hanoi in 2025 and to expand defence industry links.</p>
</article><footer>Copyright Example</footer></body></html>"""


def _all(tmp_path, *names, stdin=None):
    return list(read_inputs([str(tmp_path / n) if n != "-" else "-" for n in names], 10_000_000, stdin=stdin))


def test_txt_id_and_date_line(tmp_path):
    (tmp_path / "a1.txt").write_text(" date 2024-05-01 Ministers met.\n", encoding="utf-8")
    [a] = _all(tmp_path, "a1.txt")
    assert (a.id, a.published, a.published_source) == ("a1", "2024-05-01", "date_line")


def test_html_body_title_date_and_captions(tmp_path):
    (tmp_path / "p.html").write_text(HTML, encoding="utf-8")
    [a] = _all(tmp_path, "p.html")
    assert "Park Ji-hoon met his Vietnamese counterpart" in a.raw_text
    assert "Home" not in a.raw_text.split("\n")[0]
    assert "Photo courtesy" in a.raw_text
    assert a.title.startswith("Ministers meet")
    assert (a.published, a.published_source) == ("2024-10-08", "html_meta")


def test_jsonl_rows_keep_unknown_keys_and_reject_bad_lines(tmp_path):
    rows = [json.dumps({"id": "r1", "text": "Body one.", "published": "2023-01-02", "lang": "en"}),
            "{not json", json.dumps({"id": "r3", "text": "  "}), json.dumps(["a list"]),
            json.dumps({"text": "Body without id."})]
    (tmp_path / "f.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = _all(tmp_path, "f.jsonl")
    ok = [i for i in items if not isinstance(i, InputRejected)]
    bad = [i for i in items if isinstance(i, InputRejected)]
    assert [a.id for a in ok][0] == "r1" and ok[0].extra == {"lang": "en"} and ok[0].published == "2023-01-02"
    assert ok[1].id.startswith("sha1-")
    assert [(b.source.rsplit(":", 1)[1], b.reason.split(" (")[0]) for b in bad] == [
        ("2", "malformed JSON"), ("3", "row has no 'text'"), ("4", "JSON line is not an object")]


def test_directories_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("B body.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "a.txt").write_text("A body.", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "d" / "notes.csv").write_text("x,y", encoding="utf-8")
    assert [a.id for a in _all(tmp_path, "d")] == ["b", "sub/a"]      # ids unique per path below the root


def test_stdin_text_and_jsonl(tmp_path):
    [a] = _all(tmp_path, "-", stdin=io.BytesIO(b"Plain text from a pipe."))
    assert a.id.startswith("sha1-") and a.source == "<stdin>"
    [b] = _all(tmp_path, "-", stdin=io.BytesIO(b'{"id": "s1", "text": "Row."}\n'))
    assert b.id == "s1"


def test_missing_and_oversized(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "big.txt")], 100))
    assert [i.reason.split(" (")[0] if isinstance(i, InputRejected) else None for i in items][0] == "no such file or directory"
    assert "over the 100-byte limit" in items[1].reason


def test_jsonl_fields_of_the_wrong_type_and_lone_surrogates(tmp_path):
    rows = [json.dumps({"id": "t1", "title": 7, "text": "Body."}), json.dumps({"id": ["x"], "text": "Body."}),
            '{"id": "s1", "title": "bad \\ud800 title", "text": "Text with \\udc00 in it."}']
    (tmp_path / "f.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = _all(tmp_path, "f.jsonl")
    bad = [i.reason for i in items if isinstance(i, InputRejected)]
    assert bad == ["field 'title' is int, not text", "field 'id' is list, not text or a number"]
    [ok] = [i for i in items if not isinstance(i, InputRejected)]
    assert ok.title == "bad \ufffd title" and "\ufffd" in ok.raw_text
    ok.raw_text.encode("utf-8")


def test_walked_files_of_one_name_in_two_directories_get_two_ids(tmp_path):
    for d in ("d1", "d2"):
        (tmp_path / "in" / d).mkdir(parents=True)
        (tmp_path / "in" / d / "report.txt").write_text(f"Report from {d}.", encoding="utf-8")
    assert [a.id for a in _all(tmp_path, "in")] == ["d1/report", "d2/report"]


def test_a_directory_that_cannot_be_listed_is_reported(tmp_path):
    import os
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "ok.txt").write_text("Readable.", encoding="utf-8")
    (tmp_path / "in" / "locked" / "x.txt").write_text("Hidden away.", encoding="utf-8")
    os.chmod(tmp_path / "in" / "locked", 0)
    try:
        if os.access(tmp_path / "in" / "locked", os.R_OK):
            pytest.skip("running as a user who can read any directory")
        items = _all(tmp_path, "in")
    finally:
        os.chmod(tmp_path / "in" / "locked", 0o755)
    assert [i.reason.split(":")[0] for i in items if isinstance(i, InputRejected)] == ["directory skipped"]
    assert [a.id for a in items if not isinstance(a, InputRejected)] == ["ok"]
