"""Bilateral documents the article says were signed, or are planned or proposed to be signed.

A document is a document-type phrase (lexicons/documents.json) that is either named as a title
("the Treaty of Amity and Cooperation", "Joint Vision Statement on …": it exists, so it was signed) or
governed by a signing verb ("signed a Letter of Intent on …") or a planning one ("agreed to sign",
"proposed … an agreement"). Conventions and norms (UNCLOS, a Code of Conduct) and general phrases
("sign cooperation documents", "reached agreement") are not documents.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from communique.extract.context import ArticleContext, Sentence
from communique.extract.dates import DateMention
from communique.extract.events import Event
from communique.model import Span
from communique.nlp import lexicons

_PRE_MODIFIER = regex.compile(
    r"(?:(?:[\p{L}\d’'–-]+)\s+){0,6}$")
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "two",
                "new", "several", "three", "four", "five", "of", "on", "and", "signed", "sign", "signing", "to",
                "bilateral", "first", "landmark", "historic", "important", "relevant", "specific", "various"}
_TITLE_WORD = regex.compile(r"^\p{Lu}")


@dataclass
class Agreement:
    type: str
    subject: str | None
    countries: list[str]
    status: str
    date: DateMention | None = None
    date_from: str | None = None
    signatories: list[int] = field(default_factory=list)
    event: int | None = None              # index into the article's events
    evidence: list[Span] = field(default_factory=list)
    titled: bool = False


@lru_cache(maxsize=None)
def _patterns():
    lex = lexicons.documents()
    types = [(name, regex.compile(p, regex.IGNORECASE)) for name, p in lex["types"]]
    i = regex.IGNORECASE
    return (types, regex.compile(lex["signed"], i), regex.compile(lex["planned"], i),
            regex.compile(lex["not_bilateral"]), regex.compile(lex["generic"], i), regex.compile(lex["subject_stop"], i))


def _subject(text: str, a: int, b: int, stop: regex.Pattern) -> str | None:
    """Words before the document word (not determiners) and the 'on/of/for …' phrase after it."""
    pre_words = _PRE_MODIFIER.search(text[:a]).group().split()
    kept: list[str] = []
    for w in reversed(pre_words):
        lw = w.lower().strip(",;:()“”\"")
        if lw in _DETERMINERS or not lw or regex.search(r"[,;:()]", w):
            break
        kept.insert(0, lw)
    post = ""
    m = regex.match(r"\s+(?:on|of|for|regarding|concerning|about|in\s+the\s+field\s+of)\s+", text[b:], regex.IGNORECASE)
    if m:
        rest = text[b + m.end():]
        cut = stop.search(rest)
        post = rest[: cut.start()] if cut else rest
        post = regex.sub(r"\s+(?:and|between|with)\s*$", "", post.strip())
        if regex.match(r"(?i)in\s+the\s+field\s+of", m.group().strip()) or m.group().strip().lower() in ("of",):
            post = "cooperation in the field of " + post if "field" in m.group() else post
    subject = " ".join(kept + ([post] if post else [])).strip().lower()
    subject = regex.sub(r"\s+", " ", subject)
    return subject or None


def _status(text: str, a: int, b: int, signed: regex.Pattern, planned: regex.Pattern) -> str | None:
    window = text[max(0, a - 90):min(len(text), b + 90)]
    near_planned = planned.search(text[max(0, a - 90):b])
    near_signed = signed.search(window)
    if near_planned and not (near_signed and regex.search(r"\bsigned\b", window) and not regex.search(
            r"\b(?:to\s+be|will\s+be)\s+signed\b", window)):
        return "planned"
    if near_signed:
        return "signed"
    return None


def _titled(text: str, a: int, b: int) -> bool:
    """A document named as a title: capitalised document word ("Treaty", "Joint Vision Statement")
    with a capitalised complement or modifier."""
    doc_word = text[a:b]
    if not _TITLE_WORD.match(doc_word) or a == 0:
        return False
    after = regex.match(r"\s+(?:on|of|for)\s+(?:the\s+)?(\p{Lu})", text[b:])
    before = regex.search(r"(\p{Lu}[\p{L}-]*)\s+$", text[:a])
    return bool(after or (before and before.group(1) not in ("The", "A", "An")))


def _sentence_agreements(ctx: ArticleContext, s: Sentence, events: list[Event]) -> list[Agreement]:
    types, signed, planned, not_bilateral, generic, stop = _patterns()
    text = s.text
    out: list[Agreement] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in types:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(x <= a < y or x < b <= y for x, y in taken):
                continue
            if m.group().lower() in ("mou", "mous", "loi", "lois") and m.group().islower():   # not abbreviations
                continue
            context = text[max(0, a - 50):min(len(text), b + 60)]
            if not_bilateral.search(text[a:min(len(text), b + 40)]) or generic.search(context):
                continue
            if name == "agreement" and regex.match(r"\s+(?:that|to|on\s+the\s+need|with\s+(?:the|his|her))\b", text[b:]):
                continue
            status = _status(text, a, b, signed, planned)
            titled = _titled(text, a, b)
            if status is None and titled:
                status = "signed"
            if status is None:
                continue
            taken.append((a, b))
            subject = _subject(text, a, b, stop)
            date = _pick_date(s, a)
            out.append(Agreement(name, subject, [], status, date, evidence=[Span(s.span.start, s.span.end, text)],
                                 titled=titled))
    return out


def _pick_date(s: Sentence, a: int) -> DateMention | None:
    usable = [d for d in s.dates if d.value and d.source != "name" and not (d.is_range and d.precision == "year")]
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.start - s.span.start - a))


def extract_agreements(ctx: ArticleContext, events: list[Event]) -> list[Agreement]:
    found: list[Agreement] = []
    news = [k for k, e in enumerate(events) if not e.historical and e.kind in ("meeting", "call", "visit")]
    for s in ctx.sentences:
        for ag in _sentence_agreements(ctx, s, events):
            sides = [c for c in ctx.pair]
            named = [c for c, _ in s.countries]
            if len(set(named)) >= 2:
                sides = sorted(set(named), key=lambda c: ctx.ranked.index(c) if c in ctx.ranked else 99)[:2]
            ag.countries = sorted(set(sides))
            ag.signatories = [k for k, _, _ in s.people]
            same = [k for k in range(len(events)) if s.index in events[k].sentences]
            if same:
                ag.event = same[0]
            elif news and ag.status == "signed" and ag.date is None:
                ag.event = news[0]
            if ag.date is None and ag.event is not None and ag.status == "signed":
                ev = events[ag.event]
                if ev.date and ev.date.value and (ev.historical or not ag.titled or s.index in ev.sentences):
                    ag.date, ag.date_from = ev.date, "event"
            found.append(ag)
    return _dedupe(found)


def _dedupe(found: list[Agreement]) -> list[Agreement]:
    out: list[Agreement] = []
    for ag in found:
        twin = next((o for o in out if o.type == ag.type and o.countries == ag.countries and
                     (o.subject is None or ag.subject is None or _overlap(o.subject, ag.subject))), None)
        if twin is None:
            out.append(ag)
            continue
        if twin.status == "planned" and ag.status == "signed":
            twin.status = "signed"
        if ag.subject and (twin.subject is None or len(ag.subject) > len(twin.subject)):
            twin.subject = ag.subject
        twin.date = twin.date or ag.date
        twin.evidence += [e for e in ag.evidence if all(e.start != x.start for x in twin.evidence)]
    return out


def _overlap(a: str, b: str) -> bool:
    ta, tb = set(regex.findall(r"\w+", a)), set(regex.findall(r"\w+", b))
    ta -= {"cooperation", "defence", "defense", "the", "of", "in", "and", "field"}
    tb -= {"cooperation", "defence", "defense", "the", "of", "in", "and", "field"}
    return not ta or not tb or bool(ta & tb) and (ta <= tb or tb <= ta)


def as_record(ctx: ArticleContext, ag: Agreement) -> dict:
    if ag.date is None:
        source = None
    elif ag.date_from:
        source = "event"
    else:
        source = ag.date.source
    return {
        "type": ag.type, "subject": ag.subject, "countries": ag.countries, "status": ag.status,
        "date": ag.date.value if ag.date else None, "date_precision": ag.date.precision if ag.date else None,
        "date_source": source,
        "signatories": [ctx.people[k].name for k in ag.signatories if ag.status == "signed"],
        "event": ag.event,
        "evidence": [{"start": sp.start, "end": sp.end, "text": sp.text} for sp in ag.evidence],
    }
