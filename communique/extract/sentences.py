"""Split a cleaned body into sentences with character offsets.

Why not spaCy's parser or senter: the parser is the slowest part of the model and is excluded;
news sentences here end at '.', '!' or '?' followed by a capital, a quote or a digit, except after
the abbreviations officials' names carry ("Gen.", "Lt.", "Mr.", "U.S.", initials like "E."); a
page that lost the space ("said.In their meeting") still ends one after a lower-case word.
Lines never join: a headline, a caption and a paragraph are separate sentences.

Linear on any input: an abbreviation is checked on the few characters before a sentence end (not
the whole line so far), and a "sentence" longer than MAX_SENTENCE_CHARS (a page's run-on line, a
hostile input) is cut at spaces, so the per-sentence work downstream stays bounded.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from communique.extract.lexmatch import _abbreviations
from communique.model import Span

_END = regex.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[\p{Lu}\d])"
                    r"|\.(?<=\p{Ll}{3}\.)(?=\p{Lu}\p{Ll}+[\s,])")     # "…, the newspaper said.In their meeting": a space lost
_MONTH_ABBR = {"Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
               "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "Jr.", "Sr.", "Ltd.", "Co.", "Corp.",
               "Inc.", "Gov.", "Sen.", "Rep.", "vs.", "approx.", "Vol.", "Art.", "Para."}
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")
LOOK_BACK = 40               # the longest abbreviation, with room
MAX_SENTENCE_CHARS = 1500    # longer runs are cut at spaces (news sentences stay far below)


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the word ending at line[dot] (a '.', '!' or '?') is an abbreviation; reads at most
    LOOK_BACK characters back, so a line of a million dots stays linear."""
    lo = max(0, dot + 1 - LOOK_BACK)
    space = max(line.rfind(" ", lo, dot + 1), line.rfind("\t", lo, dot + 1))
    return _abbreviation_word(line[space + 1 if space >= 0 else lo: dot + 1].lstrip("(\"“‘"))


@lru_cache(maxsize=4096)
def _abbreviation_word(word: str) -> bool:
    """The decision for one word (memoised: a page repeats the same few, a hostile input one)."""
    if not word:
        return False
    if word in _MONTH_ABBR or word in _abbreviations():
        return True
    # initials ("E.", "J.R.") and dotted acronyms ("U.S.")
    return bool(_INITIALS.fullmatch(word))


def split_sentences(body: str) -> list[Span]:
    """Sentences in order; each a Span of the body, stripped of surrounding spaces."""
    out: list[Span] = []
    pos = 0
    for line in body.split("\n"):
        start = 0
        for m in _END.finditer(line):
            if _is_abbreviation(line, m.start()):
                continue
            _add(out, line, start, m.end(), pos)
            start = m.end()
        _add(out, line, start, len(line), pos)
        pos += len(line) + 1
    return out


def _add(out: list[Span], line: str, a: int, b: int, pos: int) -> None:
    while b - a > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > a else a + MAX_SENTENCE_CHARS
        _add_one(out, line, a, cut, pos)
        a = cut
    _add_one(out, line, a, b, pos)


def _add_one(out: list[Span], line: str, a: int, b: int, pos: int) -> None:
    text = line[a:b]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if text:
        out.append(Span(pos + a + lead, pos + a + lead + len(text), text))
