"""Shared wording between article bodies, by MinHash over word 3-shingles (datasketch).

Republished copies of one text share most shingles (estimated Jaccard >= 0.5); reports
rewritten from one press release share a tenth or more; unrelated reports of the same two
countries share a few percent. The signature is stored with the article (NUM_PERM 32-bit values)
and cut into LSH bands so that near-duplicates are found with an index lookup, not a scan.
"""
from __future__ import annotations

import hashlib

import numpy as np
import regex

NUM_PERM = 128
BANDS = 32                      # 32 bands of 4 rows: pairs above ~0.4 Jaccard meet in a band
ROWS = NUM_PERM // BANDS
DUPLICATE = 0.8                 # at or above: the article is a republication of an earlier one

_WORD = regex.compile(r"\w+")


def shingles(text: str, k: int = 3) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> bytes:
    """The body's MinHash as bytes (NUM_PERM little-endian uint32)."""
    from datasketch import MinHash  # imported here: the package pulls in scipy, which read commands never need
    m = MinHash(num_perm=NUM_PERM)
    items = list(shingles(text))
    if items:
        m.update_batch(items)
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def jaccard(a: bytes | None, b: bytes | None) -> float:
    """Estimated Jaccard similarity of two stored signatures (0 when either is missing)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    va, vb = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(va == vb)) / len(va)


def bands(sig: bytes) -> list[tuple[int, int]]:
    """(band number, band hash) pairs for the LSH index; the hash fits SQLite's signed 64 bits."""
    values = np.frombuffer(sig, dtype="<u4")
    out = []
    for b in range(BANDS):
        chunk = values[b * ROWS:(b + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((b, int.from_bytes(digest, "little", signed=True)))
    return out
