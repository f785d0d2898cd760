import codecs

import pytest

from communique.errors import InputRejected
from communique.ingest.decode import decode


def test_utf8_plain_and_with_bom():
    assert decode("Hà Nội talks".encode(), "a.txt") == ("Hà Nội talks", "utf-8")
    assert decode(codecs.BOM_UTF8 + "Hà Nội".encode(), "a.txt") == ("Hà Nội", "utf-8")


def test_cp1252_fallback_is_reported():
    text, enc = decode("Minister’s visit – café".encode("cp1252"), "a.txt")
    assert (text, enc) == ("Minister’s visit – café", "cp1252")


def test_utf16_with_bom():
    assert decode(codecs.BOM_UTF16_LE + "Seoul".encode("utf-16-le"), "a.txt") == ("Seoul", "utf-16")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t ", "empty file"),
    (b"PK\x03\x04\x00\x00binary", "binary file"),
    (bytes(range(1, 9)) * 20, "binary file"),
    (b"caf\x81 and \x8d", "neither UTF-8 nor cp1252"),
])
def test_rejections_name_the_reason(data, reason):
    with pytest.raises(InputRejected) as exc:
        decode(data, "bad.txt")
    assert exc.value.source == "bad.txt"
    assert reason in exc.value.reason


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"])
def test_wide_encodings_with_or_without_a_byte_order_mark(encoding):
    from communique.ingest.decode import decode
    text = "Minister Nam met his Lao counterpart in Hà Nội on June 3."
    decoded, name = decode(text.encode(encoding), "x")
    assert decoded == text and name == encoding[:6]
