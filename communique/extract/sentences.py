"""Split a cleaned body into sentences with character offsets.

Why not spaCy's parser or senter: the parser is the slowest part of the model and is excluded;
news sentences here end at '.', '!' or '?' followed by a capital, a quote or a digit, except after
the abbreviations officials' names carry ("Gen.", "Lt.", "Mr.", "U.S.", initials like "E.").
Lines never join: a headline, a caption and a paragraph are separate sentences.
"""
from __future__ import annotations

import regex

from communique.extract.lexmatch import _abbreviations
from communique.model import Span

_END = regex.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[\p{Lu}\d])")
_MONTH_ABBR = {"Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
               "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "Jr.", "Sr.", "Ltd.", "Co.", "Corp.",
               "Inc.", "Gov.", "Sen.", "Rep.", "vs.", "approx.", "Vol.", "Art.", "Para."}
_LAST_WORD = regex.compile(r"(\S+)$")


def _is_abbreviation(before: str) -> bool:
    m = _LAST_WORD.search(before)
    if not m:
        return False
    word = m.group(1).lstrip("(\"“‘")
    if word in _MONTH_ABBR or word in _abbreviations():
        return True
    # initials ("E.", "J.R.") and dotted acronyms ("U.S.")
    return bool(regex.fullmatch(r"(?:\p{Lu}\.)+", word))


def split_sentences(body: str) -> list[Span]:
    """Sentences in order; each a Span of the body, stripped of surrounding spaces."""
    out: list[Span] = []
    pos = 0
    for line in body.split("\n"):
        start = 0
        for m in _END.finditer(line):
            if _is_abbreviation(line[: m.start() + 1]):
                continue
            _add(out, line, start, m.end(), pos)
            start = m.end()
        _add(out, line, start, len(line), pos)
        pos += len(line) + 1
    return out


def _add(out: list[Span], line: str, a: int, b: int, pos: int) -> None:
    text = line[a:b]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if text:
        out.append(Span(pos + a + lead, pos + a + lead + len(text), text))
