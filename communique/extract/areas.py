"""Fields of cooperation (the guidelines' closed list) named in the article, each with its evidence.

An area is read where a sentence names it (lexicons/areas.json) and the sentence is about relations
or cooperation (a cue such as "cooperation", "agreed", "proposed", "fields"); a phrase for a narrower
field hides the wider one it contains ("military medicine" is not "health").
"""
from __future__ import annotations

from functools import cache

import regex

from communique import lexicons
from communique.extract.context import ArticleContext, Sentence
from communique.model import Evidence, Span


@cache
def _patterns() -> tuple[dict[str, list[regex.Pattern]], regex.Pattern, dict[str, list[regex.Pattern]]]:
    lex = lexicons.areas()
    table = {}
    for area, pats in lex["areas"].items():
        table[area] = [regex.compile(p, regex.IGNORECASE) for p in pats]   # "(?-i:…)" marks cased phrases
    evident = {area: [regex.compile(p, regex.IGNORECASE) for p in pats] for area, pats in lex.get("self_evident", {}).items()}
    return table, regex.compile(lex["cooperation_cue"], regex.IGNORECASE), evident


def extract_areas(ctx: ArticleContext) -> dict[str, list[Span]]:
    """area -> evidence sentences, in the closed list's order."""
    table, cue, evident = _patterns()
    found: dict[str, list[Span]] = {}
    for s in ctx.sentences:
        if not cue.search(s.text):
            for area, pats in evident.items():          # "bilateral trade reached $355 million"
                if any(p.search(s.text) for p in pats):
                    found.setdefault(area, []).append(Evidence(s.span.start, s.span.end, s.text,
                                                           rule=f"areas:self_evident/{area}"))
            continue
        claimed: list[tuple[int, int]] = _office_spans(ctx, s)     # "Minister of Agriculture X" names no field
        hits: list[tuple[str, int, int]] = []
        for area, pats in table.items():
            for p in pats:
                for m in p.finditer(s.text):
                    hits.append((area, m.start(), m.end()))
        # longer phrases first: "military medicine" claims its words before "medicine" can
        hits.sort(key=lambda h: -(h[2] - h[1]))
        offices = len(claimed)
        for area, a, b in hits:
            if any(x <= a and b <= y and ((x, y) != (a, b) or k < offices) for k, (x, y) in enumerate(claimed)):
                continue
            claimed.append((a, b))
            spans = found.setdefault(area, [])
            if all(sp.start != s.span.start for sp in spans):
                spans.append(Evidence(s.span.start, s.span.end, s.text, rule=f"areas:{area}"))
    order = list(table)
    return {a: found[a] for a in sorted(found, key=order.index)}


OFFICE_REACH = 12    # characters between an office written before a name and the name (a rank, a comma)


def _office_spans(ctx: ArticleContext, s: Sentence) -> list[tuple[int, int]]:
    """Sentence-local spans of the offices written beside a person's name in this sentence: the
    fields in an office ("Minister of Agriculture and Environment Do Duc Duy") are a portfolio, not
    cooperation the article names."""
    out = []
    for k, start, end in s.people:
        p = ctx.people[k]
        for title in p.titles or ([p.title] if p.title else []):
            for m in regex.finditer(regex.escape(title), s.text, regex.IGNORECASE):
                before = 0 <= s.local(start) - m.end() <= OFFICE_REACH
                after = 0 <= m.start() - s.local(end) <= OFFICE_REACH
                if before or after:
                    out.append((m.start(), m.end()))
    return out

