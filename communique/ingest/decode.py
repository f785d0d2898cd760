"""Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252 — and say which."""
from __future__ import annotations

import codecs

from communique.errors import InputRejected

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding). Rejects empty, binary and undecodable input with the reason."""
    if not data.strip():
        raise InputRejected(source, "empty file")
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), "utf-16"
            except UnicodeDecodeError:
                raise InputRejected(source, "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data:
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
