"""clean(raw) -> Cleaned: the article body without page furniture, captions marked, offsets mapped.

Lines are the unit: a kept line becomes one paragraph of the body (paragraphs joined by a blank
line); a partly stripped line keeps the map from its clean offsets to the raw ones.
"""
from __future__ import annotations

import regex

from communique.clean import rules
from communique.model import Cleaned, Span

MIN_BODY_BEFORE_CUT = 200     # a teaser marker only ends the body once some body was seen
REPEAT_MIN_CHARS = 20         # shorter repeated lines (e.g. 'Hanoi') are not treated as duplicates
CAPTION_MAX_WORDS = 30
MAX_TOKEN_CHARS = 100         # a longer run without a space is no word (a hostile run of quotes, a data URI)
_OVERLONG = regex.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def _lines(raw: str):
    pos = 0
    for line in raw.splitlines(keepends=True):
        text = line.rstrip("\r\n")
        yield pos, text
        pos += len(line)


def _strip(text: str, start: int, removed: list[str]) -> tuple[str, int]:
    for name, rx in rules.STRIP_PREFIX_RX.items():
        m = rx.search(text)
        if m and m.end() < len(text):
            text, start = text[m.end():], start + m.end()
            removed.append(name)
    for name, rx in rules.STRIP_SUFFIX_RX.items():
        m = rx.search(text)
        if m:
            text = text[:m.start()]
            removed.append(name)
    lead = len(text) - len(text.lstrip())
    return text.strip(), start + lead


def _looks_like_caption(text: str, index: int, next_text: str | None) -> bool:
    """Photo credits, or a short unpunctuated line before a longer paragraph (not the headline)."""
    if rules.is_caption(text):
        return True
    words = text.split()
    return (index > 0 and len(words) <= CAPTION_MAX_WORDS and text[-1:] not in ".!?:;\"”'’)"
            and next_text is not None and len(next_text) > len(text))


def _without_overlong(text: str, start: int, removed: list[str]):
    """The line's pieces around runs of over MAX_TOKEN_CHARS non-space characters (dropped: the
    tokenizer's time grows with the square of a token's length), each with its raw start."""
    if len(text) <= MAX_TOKEN_CHARS or not _OVERLONG.search(text):
        yield start, text
        return
    removed.append("overlong_token")
    pos = 0
    for m in _OVERLONG.finditer(text):
        piece = text[pos:m.start()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield start + pos + lead, piece.strip()
        pos = m.end()
    piece = text[pos:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield start + pos + lead, piece.strip()


def clean(raw: str) -> Cleaned:
    removed: list[str] = []
    kept: list[tuple[int, str]] = []          # (raw_start, text)
    seen: set[str] = set()
    body_chars = 0
    for start, line in _lines(raw):
        if not line.strip():
            continue
        cut = rules.cut_rule(line)
        if cut and body_chars >= MIN_BODY_BEFORE_CUT:
            removed.append(cut)
            break
        text, text_start = _strip(line, start, removed)
        if not text:
            continue
        drop = rules.drop_rule(text)
        if drop or cut:
            removed.append(drop or cut)
            continue
        if len(text) >= REPEAT_MIN_CHARS and text in seen:
            removed.append("repeated_line")
            continue
        seen.add(text)
        for piece_start, piece in _without_overlong(text, text_start, removed):
            kept.append((piece_start, piece))
            body_chars += len(piece)
    parts, segments, captions = [], [], []
    pos = 0
    for k, (raw_start, text) in enumerate(kept):
        if parts:
            pos += 2
        segments.append((pos, raw_start, len(text)))
        nxt = kept[k + 1][1] if k + 1 < len(kept) else None
        if _looks_like_caption(text, k, nxt):
            captions.append(Span(pos, pos + len(text), text))
        parts.append(text)
        pos += len(text)
    return Cleaned(body="\n\n".join(parts), captions=captions, segments=segments, removed=removed)


def headline(cleaned: Cleaned) -> str | None:
    """The first paragraph when it reads like a headline (short, no closing full stop)."""
    first = cleaned.body.split("\n\n", 1)[0]
    if first and len(first) <= 200 and not first.rstrip().endswith((".", "?", "!")) and not rules.is_caption(first):
        return first
    return None
