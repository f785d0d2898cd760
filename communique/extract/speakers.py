"""Who says "I" and "my": the person a quotation is attributed to ("…," Ramaphosa said), or, on a
transcript ("Remarks by High Representative X at …"), the person its title names first.

First-person engagements ("during my visit to Abidjan in December") have no name of their own; a
reader takes them as the speaker's.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from communique import lexicons
from communique.extract.context import ArticleContext
from communique.extract.people import TRANSCRIPT_TITLE

# How far a quotation may run past the word that needs its speaker, and how near after its closing
# mark the attribution must begin
QUOTE_REACH = 800
ATTRIBUTION_REACH = 40
_CLOSE = regex.compile(r"[”\"]")
_OPEN_BEFORE = regex.compile(r"[“\"][^”\"\n]*$")


@lru_cache(maxsize=1)
def _said() -> regex.Pattern:
    """The quoting verbs of lexicons/statements.json, the ones the people extractor reads speakers by."""
    return regex.compile(r"\b(?:" + "|".join(regex.escape(v) for v in lexicons.statements()["quoting"]) + r")\b",
                         regex.IGNORECASE)


def speaker(ctx: ArticleContext, pos: int) -> list[int]:
    """[person index] of whoever speaks the words at `pos`, or [] when the text does not say."""
    line_start = ctx.body.rfind("\n", 0, pos) + 1
    if _OPEN_BEFORE.search(ctx.body, line_start, pos):
        return _attributed(ctx, pos)
    return _transcript_speaker(ctx)


def _attributed(ctx: ArticleContext, pos: int) -> list[int]:
    line_end = ctx.body.find("\n", pos)
    end = min(pos + QUOTE_REACH, line_end if line_end >= 0 else len(ctx.body))
    close = _CLOSE.search(ctx.body, pos, end)
    if close is None:
        return []
    q = close.end()
    for k, p in enumerate(ctx.people):
        for m in p.mentions:
            if q <= m.start <= q + ATTRIBUTION_REACH and _said().search(ctx.body, q, min(len(ctx.body), m.end + 25)):
                return [k]
    return []


def _transcript_speaker(ctx: ArticleContext) -> list[int]:
    first = ctx.body.split("\n", 1)[0]
    if not TRANSCRIPT_TITLE.match(first):
        return []
    named = sorted((p.mentions[0].start, k) for k, p in enumerate(ctx.people)
                   if p.mentions and p.mentions[0].start < len(first))
    return [named[0][1]] if named else []
