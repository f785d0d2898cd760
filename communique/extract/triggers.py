"""Trigger rules (lexicons/events.json) and the clauses that say an engagement was not held."""
from __future__ import annotations

from functools import cache

import regex

from communique import lexicons
from communique.extract.event import Rule


@cache
def rules() -> tuple[list[Rule], list[regex.Pattern], regex.Pattern]:
    lex = lexicons.events()
    out = []
    for r in lex["rules"]:
        flags = 0 if r.get("cased") else regex.IGNORECASE
        for p in r["patterns"]:
            out.append(Rule(r["kind"], r["subtype"], regex.compile(p, flags), bool(r.get("anaphoric")),
                            bool(r.get("two_sides")), r["id"], bool(r.get("at_start"))))
    # one alternation: a single scan per trigger instead of one per pattern
    not_engagement = [regex.compile("|".join(f"(?:{p})" for p in lex["not_engagement"]), regex.IGNORECASE)]
    cues = regex.compile("|".join(lex["historical_cues"]), regex.IGNORECASE)
    return out, not_engagement, cues


# "the visit will take place from Friday", "a meeting set for Monday was postponed": the clause after a
# nominal trigger (up to a comma, or an 'and' that starts the next predicate) says it has not happened
# (guidelines v1.2: announced, planned, postponed or cancelled engagements are not events).
_NOT_HELD_AFTER = regex.compile(
    r"(?:(?!\band\s+(?:was|were|is|are|has|had|will|would|then|later)\b)[^.;:,]){0,100}?\b(?:"
    r"(?:will|would|shall)\s+(?:also\s+)?(?:take\s+place|be\s+held|begin|start|commence|last|"
    r"be\s+(?:made|paid|conducted|hosted))"
    r"|(?:is|are|was|were)\s+(?:expected|scheduled|set|due|planned|slated)\s+to\b"
    r"|(?:is|are)\s+(?:scheduled|set|due|planned|slated)\s+for\b"
    r"|over\s+the\s+(?:next|coming)\s+(?:\w+\s+)?(?:days?|weeks?|months?)\b|in\s+the\s+coming\s+(?:days|weeks|months)\b"
    r"|(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
    r"(?:postponed|cancell?ed|called\s+off|delayed|put\s+off)\b)",
    regex.IGNORECASE)
# The words every branch of _NOT_HELD_AFTER starts with: when none is within its reach (most
# triggers) the lazy scan above, one look-ahead per character, is skipped.
_NOT_HELD_WORD = regex.compile(r"\b(?:will|would|shall|is|are|was|were|has|have|had|over\s+the|in\s+the\s+coming)\b",
                               regex.IGNORECASE)


_TRIP_MADE_TO = regex.compile(r"\b(?:visited|arrived\s+in|travell?ed\s+to|flew\s+to|came\s+to)\s+[^,.;]{1,80}?\s+to\s+"
                              r"(?:\w+\s+)?(?:hold|meet|have)\w*\b[^.]{0,150}$", regex.IGNORECASE)
_FUTURE_WORD = regex.compile(r"\b(?:will|would|shall|set|due|scheduled|expected|slated|plans?|planning|going)\b",
                             regex.IGNORECASE)


def excluded(text: str, start: int, end: int, not_engagement: list[regex.Pattern]) -> bool:
    """'exchanges of visits', 'invited him to visit', 'will visit', 'the visit will take place':
    named, but not an engagement report."""
    before = text[max(0, start - 100):end]
    if any(p.search(before) for p in not_engagement):
        # "X has visited the DRC to hold talks with Y": the purpose of a trip made was carried out
        return not (_TRIP_MADE_TO.search(before) and not _FUTURE_WORD.search(before))
    return bool(_NOT_HELD_WORD.search(text, end, end + 112)) and bool(_NOT_HELD_AFTER.match(text, end))


@cache
def _domestic_after() -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in lexicons.events().get("domestic_after", [])) or r"(?!)")


def domestic(text: str, end: int) -> bool:
    """"during a meeting of the Russian Security Council": one state's own body meets — named, but
    no engagement between states (and no sign that an engagement was only planned)."""
    return bool(_domestic_after().match(text, end))


@cache
def any_trigger() -> regex.Pattern:
    """All trigger patterns as one alternation: it matches a sentence exactly when one of them does,
    so the sentences with no trigger (most of them) cost one scan instead of one per pattern."""
    return regex.compile("|".join(f"(?:{p})" if r.get("cased") else f"(?i:{p})"
                                  for r in lexicons.events()["rules"] for p in r["patterns"]))
