"""Who says "I" and "my": the person a quotation is attributed to ("…," Ramaphosa said), or, on a
transcript ("Remarks by High Representative X at …"), the person its title names first.

First-person engagements ("during my visit to Abidjan in December") have no name of their own; a
reader takes them as the speaker's.
"""
from __future__ import annotations

import regex

from communique.extract.context import ArticleContext
from communique.extract.people import TRANSCRIPT_TITLE

# How far a quotation may run past the word that needs its speaker, and how near after its closing
# mark the attribution must begin
QUOTE_REACH = 800
ATTRIBUTION_REACH = 40
_CLOSE = regex.compile(r"[”\"]")
_OPEN_BEFORE = regex.compile(r"[“\"][^”\"\n]*$")
_SAID = regex.compile(r"\b(?:said|says|added|adds|told|stressed|noted|stated|recalled|remarked)\b", regex.IGNORECASE)


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
            if q <= m.start <= q + ATTRIBUTION_REACH and _SAID.search(ctx.body, q, min(len(ctx.body), m.end + 25)):
                return [k]
    return []


def _transcript_speaker(ctx: ArticleContext) -> list[int]:
    first = ctx.body.split("\n", 1)[0]
    if not TRANSCRIPT_TITLE.match(first):
        return []
    named = sorted((p.mentions[0].start, k) for k, p in enumerate(ctx.people)
                   if p.mentions and p.mentions[0].start < len(first))
    return [named[0][1]] if named else []
