"""Policy positions a principal states ("Four Nos" defence policy, UNCLOS 1982, a Code of Conduct in
the East Sea, the one-China policy…), with the speaker and the sentence as evidence.

The speaker is the person named in the sentence nearest before the speech verb, else the subject
(first person named) of the sentence before (the "he" of "He also emphasised…").
"""
from __future__ import annotations

from functools import cache

import regex

from communique import lexicons
from communique.extract.context import ArticleContext
from communique.model import spans_json


@cache
def _patterns():
    """Case-insensitive; the lexicon marks cased phrases with (?-i:…) ("COC", "DOC")."""
    lex = lexicons.statements()
    return ([(label, regex.compile(p, regex.IGNORECASE)) for label, p in lex["positions"]],
            regex.compile(lex["speech"], regex.IGNORECASE))


def extract_statements(ctx: ArticleContext) -> list[dict]:
    positions, speech = _patterns()
    out: list[dict] = []
    last_speaker: int | None = None
    for s in ctx.sentences:
        verb = speech.search(s.text)
        speaker = None
        if verb:
            before = [k for k, st, _ in s.people if st - s.span.start < verb.start()]
            after = [k for k, st, _ in s.people if st - s.span.start >= verb.end()]
            speaker = before[-1] if before else (after[0] if after else None)
            if speaker is None and regex.match(r"\s*(?:He|She|The\s+(?:minister|general|leader|president|premier))\b", s.text[:verb.start()] or ""):
                speaker = last_speaker
        for label, p in positions:
            m = p.search(s.text)
            if not m:
                continue
            who = speaker if speaker is not None else (last_speaker if verb else None)
            out.append({
                "position": label, "text": m.group().strip(" “”\"‘’"),
                "speaker": ctx.people[who].name if who is not None else None,
                "speaker_country": ctx.people[who].country if who is not None else None,
                "evidence": spans_json([s.span]),
            })
        if s.people:
            last_speaker = s.people[0][0] if speaker is None else speaker   # the subject, usually named first
    return _dedupe(out)


def _dedupe(items: list[dict]) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for it in items:
        key = (it["position"], it["speaker"])
        if key in seen:
            seen[key]["evidence"] += it["evidence"]
        else:
            seen[key] = it
    return list(seen.values())
