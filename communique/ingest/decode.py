"""Bytes to text: UTF-8 (BOM or not), UTF-16 or UTF-32 (by byte-order mark, or by where NUL bytes
fall), else cp1252 — and say which."""
from __future__ import annotations

import codecs

from communique.errors import InputRejected

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a byte-order mark, told by where its NUL bytes fall (ASCII-range
    text has a NUL in every other byte, or three in every four)."""
    head = data[:4096]
    n = len(head) - len(head) % 4
    if n < 8:
        return None
    quads = [head[i:i + 4] for i in range(0, n, 4)]
    share = lambda test: sum(1 for q in quads if test(q)) / len(quads)  # noqa: E731
    if share(lambda q: q[1:] == b"\0\0\0" and q[0]) > 0.9:
        return "utf-32-le"
    if share(lambda q: q[:3] == b"\0\0\0" and q[3]) > 0.9:
        return "utf-32-be"
    pairs = [head[i:i + 2] for i in range(0, n, 2)]
    if sum(1 for p in pairs if p[1] == 0 and p[0]) / len(pairs) > 0.9:
        return "utf-16-le"
    if sum(1 for p in pairs if p[0] == 0 and p[1]) / len(pairs) > 0.9:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding). Rejects empty, binary and undecodable input with the reason."""
    if not data.strip():
        raise InputRejected(source, "empty file")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc[:6]
            except UnicodeDecodeError:
                raise InputRejected(source, f"starts with a {enc[:6].upper()} byte-order mark but is not valid "
                                            f"{enc[:6].upper()}") from None
    if b"\x00" in data:
        enc = _wide_encoding(data)
        if enc:
            try:
                return data.decode(enc), enc[:6]
            except UnicodeDecodeError:
                raise InputRejected(source, f"looks like {enc.upper()} without a byte-order mark but does not "
                                            "decode as it") from None
        raise InputRejected(source, "binary file (contains NUL bytes), not text")
    controls = sum(1 for b in data[:4096] if b in _CONTROL)
    if controls > max(8, len(data[:4096]) // 50):
        raise InputRejected(source, "binary file (control bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise InputRejected(source, f"bytes are neither UTF-8 nor cp1252 text (byte 0x{data[exc.start]:02x} at {exc.start})") from None
