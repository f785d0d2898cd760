"""The named framework of a pair's relationship ("comprehensive strategic partnership", "alliance",
"diplomatic relations"), its status and the date it was set up (guidelines: relations).

A level is found by its head word and the modifiers written before it (lexicons/relations.json); the
pair comes from the phrase itself ("the Vietnam–Singapore strategic partnership", "… between India
and Australia", "… with Chile"), else from "the two countries"/"their", else from the article's pair
when the sentence names no other state. The status reads the words around the phrase: the target of
an upgrade or an establishment is `established` when done and `planned` when intended; a level named
without either is `current`. Diplomatic relations count only when their establishment (or its
anniversary, or their restoration) is written: "diplomatic relations between them are good" names
no framework. An anniversary gives the founding year by counting back from the year the text places
the anniversary in (or the publication year, when the anniversary is now), never from a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from communique import lexicons
from communique.extract import anniversary
from communique.extract.context import ArticleContext, Sentence, unique
from communique.extract.dates import DateMention, date_fields
from communique.model import Evidence, Span, spans_json


@dataclass
class Relation:
    countries: list[str]
    level: str
    status: str                       # established | current | planned
    date: DateMention | None = None
    derived: str | None = None        # "anniversary" when the date was counted back
    evidence: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class _Patterns:
    core: frozenset
    extra: frozenset
    extensions: regex.Pattern
    title_before: regex.Pattern
    upgrade_to: regex.Pattern
    towards: regex.Pattern
    intent: regex.Pattern
    planned_direct: regex.Pattern
    planned_verb: regex.Pattern
    planned_modal: regex.Pattern
    established_pre: regex.Pattern
    established_post: regex.Pattern
    established_direct: regex.Pattern
    document_after: regex.Pattern
    negated: regex.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = lexicons.relations()
    i = regex.IGNORECASE

    def c(key: str, flags: int = i, backwards: bool = True) -> regex.Pattern:
        # patterns anchored at the end of the text before a level search backwards: the nearest cue,
        # found in time proportional to its length rather than to the text's
        pattern = lex[key]
        return regex.compile(pattern, flags | (regex.REVERSE if backwards and pattern.endswith("$") else 0))

    return _Patterns(
        frozenset(lex["core_modifiers"]), frozenset(lex["extra_modifiers"]), c("extensions"),
        c("title_before", 0), c("upgrade_to", backwards=False), c("towards"), c("intent"), c("planned_direct"), c("planned_verb"),
        c("planned_modal"), c("established_pre"), c("established_post"), c("established_direct"), c("document_after", 0),
        c("negated"))


_HEAD = regex.compile(r"\b(?:partnerships?|partners?|relationships?|alliances?|relations|ties)\b", regex.IGNORECASE)
_WORD_BACK = regex.compile(r"(?r)(?:[\p{L}\p{N}][\p{L}\p{N}’'-]*|[,“”\"‘’])\s*$")
# a capitalised run with hyphens/dashes/slashes and possessives just before the level: "the U.S.-UK",
# "Việt Nam–Russia", "India's", "EU-Vietnam"
_NAME_RUN = regex.compile(r"(?r)(?:(?:\p{Lu}[\p{L}\p{M}.’']*|and|the)[\s\-–—/]*){1,8}(?:[’']s\s*)?$")
_POST_PAIR = regex.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:between|with|of)\s+[^;:.]{2,90}?(?=$|[;:.]|,\s|\s+(?:which|that|as|in\s+the|and\s+(?:the|its|their)\s+\w+\s+(?:of|in)))",
                        regex.IGNORECASE)
_RANGE_PAREN = regex.compile(r"\s*\(\s*(?:[^()]*?\b)?(?P<a>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<b>(?:1[89]|20)\d\d)\s*\)")
_PAREN = regex.compile(r"\s*\([^()]{4,40}\)")
_CLAUSE_CUT = regex.compile(r"[;]|\.\s")
_FIRST_TO = regex.compile(r"(?r)\b(?:first|only|last)\b[^,;]{0,60}\bto\s+$", regex.IGNORECASE)
_IS_PARTNER = regex.compile(r"(?r)\b(?:are|is|as|became|become|becomes|remain|remains|been)\b[^,;.]{0,60}$", regex.IGNORECASE)
_DIPLOMATIC = regex.compile(r"(?r)\bdiplomatic\s+$", regex.IGNORECASE)
_SPECIAL = regex.compile(r"(?r)\bspecial\s+$", regex.IGNORECASE)
_ALLIANCE_BAD = regex.compile(r"(?r)(?:\b(?:military|defen[cs]e|security|regional|global|new|broader|grand|political)|"
                              r"\b\p{Lu}[\p{L}-]+)\s+$")


HEADS_PER_SENTENCE = 12
WINDOW = 240     # characters read before and after a level phrase: a clause, not the whole sentence


def extract_relations(ctx: ArticleContext) -> list[Relation]:
    """Relations in first-mention order, one per (pair, level, status)."""
    found: list[Relation] = []
    ref = _ref(ctx) or max((_year(d.value) or 0 for t in ctx.sentences for d in t.dates), default=0) or None
    for s in ctx.sentences:
        if s.caption:
            continue
        for n, m in enumerate(_HEAD.finditer(s.text)):
            if n == HEADS_PER_SENTENCE:
                break                     # a real sentence names a few; a pasted list or junk, thousands
            view = _view(s, m.start() - WINDOW, m.end() + WINDOW)
            r = _read(ctx, view, m.start() - (view.span.start - s.span.start), m.group(), ref)
            if r is not None:
                found.append(r)
    return _merge(found)


def _view(s: Sentence, lo: int, hi: int) -> Sentence:
    """The sentence seen through a window [lo, hi) of its text, so that each head costs the same on any
    input (a real clause fits; a megabyte without a full stop is not read whole for every head)."""
    lo, hi = max(0, lo), min(len(s.text), hi)
    a, b = s.span.start + lo, s.span.start + hi
    return Sentence(s.index, Span(a, b, s.text[lo:hi]),
                    countries=[(c, sp) for c, sp in s.countries if a <= sp.start and sp.end <= b],
                    dates=[d for d in s.dates if a <= d.start and d.end <= b], caption=s.caption)


def _read(ctx: ArticleContext, s: Sentence, at: int, word: str, ref: int | None) -> Relation | None:
    """The relation whose head word `word` stands at offset `at` of the sentence view `s`."""
    p = _patterns()
    head = word.lower()
    text = s.text
    a, b = at, at + len(word)
    if head.endswith("s") and head not in ("relations", "ties", "partners"):
        return None                       # plural frameworks are general ("military alliances")
    diplomatic = _DIPLOMATIC.search(text[:a]) if head in ("relations", "ties", "relationship") else None
    if diplomatic:
        start, level, kind = diplomatic.start(), "diplomatic relations", "diplomatic"
    elif head in ("relations", "ties"):
        return None
    elif head == "relationship":
        sp = _SPECIAL.search(text[:a])
        if not sp:
            return None
        start, level, kind = sp.start(), "special relationship", "framework"
    elif head == "alliance":
        start, level, kind = a, "alliance", "alliance"
    else:
        chain = _modifiers(text, a, p)
        if chain is None:
            return None
        start, words = chain
        if head.startswith("partner") and not head.startswith("partnership") and not _IS_PARTNER.search(text[:start]):
            return None                   # "one of its strategic partners": a list, not a pair's framework
        ext = p.extensions.match(text[b:])
        level = " ".join(words + ["partnership"]) + (ext.group().lower() if ext else "")
        level = regex.sub(r"\s+", " ", level).strip()
        b += ext.end() if ext else 0
        kind = "framework"
    pre, post = _clause_before(text, start), _clause_after(text, b)
    if p.title_before.search(pre):
        return None                       # inside a document's title ("Joint Vision Statement on … Partnership")
    if p.negated.search(pre):
        return None                       # "have no strategic partnership yet"
    status = _status(pre, post, kind, p)
    if status is None:
        return None
    named = _np_countries(s, start)
    if kind == "alliance" and not _alliance_anchored(named, pre, post, p):
        return None
    pair = _pair(ctx, s, named, start, b, pre, post)
    if pair is None:
        return None
    date, derived = (None, None)
    if status == "established":
        date, derived = _date(ctx, s, start, b, pre, post, p)
    if status == "planned" and _past_dated(ref, s, b):
        status = "established"            # "the first to establish diplomatic ties with X in 1971"
        date, derived = _date(ctx, s, start, b, pre, post, p)
    # the sentence (as far as the window reads it) is the evidence, as for events and documents
    return Relation(pair, level, status, date, derived,
                    [Evidence(s.span.start, s.span.end, s.text, rule=f"relations:{kind}/{status}")])


def _modifiers(text: str, a: int, p: _Patterns) -> tuple[int, list[str]] | None:
    """(start, modifier words) of the framework chain written before 'partnership' at `a`, or None when
    the chain has no core modifier ("fruitful partnership", "Trans-Pacific Partnership")."""
    words: list[str] = []
    start, pos = a, a
    pending_and = False
    while True:
        m = _WORD_BACK.search(text[:pos])
        if not m:
            break
        w = m.group().strip()
        lw = w.lower().strip("“”\"‘’")
        if w in (",", "“", "”", '"', "‘", "’"):
            pos = m.start()
            continue
        if lw == "and" and words and not pending_and:
            pending_and = True
            pos = m.start()
            continue
        if lw == "limits" and regex.search(r"\bno[\s-]+$", text[:m.start()], regex.IGNORECASE):
            lw = "no limits"
            m = regex.search(r"\bno[\s-]+limits\s*[”\"’]?\s*$", text[:pos], regex.IGNORECASE) or m
        if lw in p.core or lw in p.extra:
            if pending_and:
                words.insert(0, "and")
                pending_and = False
            words.insert(0, lw)
            start = pos = m.start()
            continue
        break
    if not any(w in p.core for w in words):
        return None
    return start, words


def _clause_before(text: str, start: int) -> str:
    cut = list(_CLAUSE_CUT.finditer(text[:start]))
    return text[cut[-1].end() if cut else 0:start][-160:]


def _clause_after(text: str, end: int) -> str:
    m = _CLAUSE_CUT.search(text, end)
    return text[end:m.start() if m else len(text)][:120]


def _status(pre: str, post: str, kind: str, p: _Patterns) -> str | None:
    """established, planned or current, read in the clause around the level; None for diplomatic
    relations named without being set up, marked or planned."""
    up = _upgrade(pre, p)
    if up:
        return _upgrade_status(pre[max(0, up.start() - 70):up.start()], up.group().split()[0].lower(), p)
    if p.towards.search(pre) or p.planned_direct.search(pre):
        return "planned"
    verb = p.planned_verb.search(pre)
    if verb and p.planned_modal.search(pre[:verb.start()]):
        if _FIRST_TO.search(pre[:verb.start()]):
            return "established"    # "the first country to establish diplomatic ties with …"
        return "planned"
    near = pre[-70:]
    if p.established_direct.search(pre) and (kind != "framework" or not p.document_after.search(post)
                                             or regex.search(r"(?i)\b(?:signed|inked|concluded)\s", pre[-40:])):
        return "established"          # "signed a Comprehensive Strategic Partnership (Treaty) in 2018"
    if (anniversary.counted_before(pre) or anniversary.counted_after(post)
            or p.established_post.search(post) or p.established_pre.search(near)):
        return "established"
    if kind == "diplomatic":
        return None                   # named, neither set up nor planned: not a framework statement
    return "current"


_UPGRADE_VERB = regex.compile(r"\b(?:elevat|upgrad|rais|lift|tak|bring|brought|transform|promot|turn|develop|advanc)\w*\b",
                           regex.IGNORECASE)


def _upgrade(pre: str, p: _Patterns) -> regex.Match | None:
    """The upgrade verb nearest the level whose complement the level is ("… which were elevated to the
    level of alliance": 'elevated', not an earlier 'develop')."""
    for v in reversed(list(_UPGRADE_VERB.finditer(pre))):
        m = p.upgrade_to.match(pre, v.start())
        if m and m.end() == len(pre):
            return m
    return None


_DONE_VERB = regex.compile(r"(?:ed|took|brought)$")
_MODAL_BEFORE = regex.compile(r"(?r)\b(?:will|would|shall|to|must|should|could|can)\s+(?:be\s+|have\s+been\s+)?(?:\w+ly\s+)?$",
                              regex.IGNORECASE)
_UPGRADE_NOUN = regex.compile(r"^(?:upgrade|upgrading|elevation|elevating|raising|transformation)$")


def _upgrade_status(before: str, verb: str, p: _Patterns) -> str:
    """An upgrade to a level: done ("were elevated to", "following the upgrade … to") or intended
    ("will elevate … to", "are pushing to upgrade … to", "momentum to elevate … towards")."""
    if _DONE_VERB.search(verb):
        return "planned" if _MODAL_BEFORE.search(before) else "established"
    if _UPGRADE_NOUN.match(verb) and regex.search(r"\b(?:the|an?|its|their|this)\s+$", before, regex.IGNORECASE):
        recent = before[-40:]
        return "planned" if p.intent.search(recent) and not regex.search(
            r"\b(?:after|following|since|with|marked|marks)\b", recent, regex.IGNORECASE) else "established"
    return "planned"


def _alliance_anchored(named: list[str] | None, pre: str, post: str, p: _Patterns) -> bool:
    """'alliance' is a pair's framework only when the phrase ties it to a pair: "the US–ROK alliance"
    (`named`: the states written just before it), "the alliance between …", "their alliance",
    "raised to the level of alliance"."""
    if _upgrade(pre, p) or named:
        return True
    if _ALLIANCE_BAD.search(pre):
        return False                      # "military alliance", "the Transatlantic alliance"
    return bool(_POST_PAIR.match(post) and regex.match(r"\s*between", post)) \
        or bool(regex.search(r"\b(?:their|our|bilateral)\s+$", pre))


def _np_countries(s: Sentence, start: int) -> list[str] | None:
    """States named in the capitalised run just before the level ("Vietnam–Singapore", "India's");
    None when that run pairs a state with something that is not one ("ASEAN–US", "EU–Mekong")."""
    run = _NAME_RUN.search(s.text[:start])
    if not run or not run.group().strip():
        return []
    a = s.span.start + run.start()
    b = s.span.start + start
    inside = [(code, sp) for code, sp in s.countries if a <= sp.start and sp.end <= b]
    last = regex.search(r"([\p{L}\p{M}.’']+)(?:[’']s)?[\s\-–—/]*$", run.group())
    if not inside or not any(sp.start <= a + last.start(1) < sp.end for _, sp in inside):
        return []                         # "the Vietnam–Laos Fighting Alliance": a name, not the pair's level
    for part in regex.finditer(r"[\p{L}\p{M}.’']+(?:\s+[\p{L}\p{M}.’']+)*(?=\s*[-–—/]\s*\p{Lu})|(?<=\p{L}\s*[-–—/]\s*)[\p{L}\p{M}.’']+(?:\s+\p{Lu}[\p{L}\p{M}.’']*)*",
                               run.group()):
        pa, pb = a + part.start(), a + part.end()
        if not any(sp.start < pb and pa < sp.end for _, sp in inside):
            return None
    return unique(code for code, _ in inside)


def _states_in(s: Sentence, lo: int, hi: int) -> list[str]:
    """Alpha-3 codes named in the sentence between local offsets lo and hi, first-seen order."""
    return unique(code for code, sp in s.countries if s.span.start + lo <= sp.start and sp.end <= s.span.start + hi)


def _pair(ctx: ArticleContext, s: Sentence, np_named: list[str] | None, start: int, end: int, pre: str,
          post: str) -> list[str] | None:
    """The two states whose framework this is: named at the phrase (`np_named`, _np_countries), else
    the sentence's subjects when it names exactly two, else the article's pair when the sentence names
    no other state."""
    if np_named is None:
        return None
    named = list(np_named)
    tail = _POST_PAIR.match(post)
    if tail:
        named += _states_in(s, end + tail.start(), end + tail.end())
    named = unique(named)
    pair = [c for c in unique(ctx.pair) if c]
    in_sentence = _states_in(s, 0, len(s.text))
    if len(named) >= 2:
        return sorted(named[:2])
    if len(named) == 1:
        if len(pair) == 2 and named[0] in pair:
            return sorted(pair)
        others = [c for c in in_sentence if c != named[0]]
        return sorted([named[0], others[0]]) if len(others) == 1 else None
    if len(pair) == 2 and set(in_sentence) <= set(pair):
        return sorted(pair)
    before = _states_in(s, start - len(pre), start)
    if len(before) == 2:
        return sorted(before)             # "Saudi Arabia and Iran agreed to restore diplomatic ties … in Beijing"
    if len(in_sentence) == 2:
        return sorted(in_sentence)
    return None


_year = anniversary.year_of


def _ref(ctx: ArticleContext) -> int | None:
    return anniversary.publication_year(ctx.published)


def _mention(value: str, precision: str, text: str, start: int, end: int, source: str) -> DateMention:
    return DateMention(start, end, text, value, precision, source)


def _date(ctx: ArticleContext, s: Sentence, start: int, end: int, pre: str, post: str,
          p: _Patterns) -> tuple[DateMention | None, str | None]:
    """When the level was set up: a written date at the phrase, or an anniversary counted back."""
    text = s.text
    rng = _RANGE_PAREN.match(text, end)           # "(1955-2025)": the founding year and the anniversary's
    if rng:
        a = s.span.start + rng.start("a")
        written = [d for d in s.dates if d.start <= a < d.end and _year(d.value) == int(rng.group("a"))]
        if written:
            return written[0], None           # "(January 18, 1950 – 2022)": the founding day
        return _mention(rng.group("a"), "year", rng.group("a"), a, a + 4, "text"), None
    paren = _PAREN.match(text, end)
    in_paren = [d for d in s.dates if paren and s.span.start + end <= d.start < s.span.start + end + paren.end()
                and _year(d.value)]
    counted = anniversary.counted_before(pre)
    n, ann = counted if counted else (anniversary.counted_after(post), None)
    if n is not None and not p.established_post.search(post):     # "… of ties established in 1971": its own date
        if len(in_paren) >= 2 or (in_paren and _year(in_paren[0].value) < (_ref(ctx) or 0) - 1):
            d = min(in_paren, key=lambda d: d.value)    # "(January 18, 1950 – 2022)": the founding date itself
            return d, None
        if in_paren:                                 # "(January 18, 2022)": the anniversary's day
            d = in_paren[0]
            y = _year(d.value) - n
            return _mention(f"{y:04d}{d.value[4:]}", d.precision, d.text, d.start, d.end, "anniversary"), "anniversary"
        lo = s.span.start + (start - len(pre) + ann.start() if ann else start)
        year = anniversary.reference_year(s.dates, lo, s.span.start + start, s.span.start + end,
                                          s.span.start + end + len(_clause_after(s.text, end)), pre,
                                          s.text[end:], ctx.published)
        if year is not None:
            return _mention(f"{year - n:04d}", "year", ctx.body[lo:s.span.start + end], lo, s.span.start + end,
                            "anniversary"), "anniversary"
        return None, None
    near = [d for d in s.dates if d.can_date() and (
        0 <= d.start - (s.span.start + end) <= 45 and regex.match(r"^\s*(?:\([^)]*\)\s*)?(?:\w+\s+){0,4}?(?:(?:in|on|since|from)\s*)?$",
                                                                   ctx.body[s.span.start + end:d.start], regex.IGNORECASE)
        or 0 <= (s.span.start + start) - d.end <= 150)]
    if not near:
        return None, None
    d = min(near, key=lambda d: abs(d.start - (s.span.start + end)) if d.start >= s.span.start + end
            else abs(s.span.start + start - d.end))
    return d, None


def _past_dated(ref: int | None, s: Sentence, end: int) -> bool:
    """A written year right after the phrase, earlier than the article's own time (`ref`: the publication
    year, else the latest year the article writes): done, not planned."""
    for d in s.dates:
        year = _year(d.value)
        if year and d.source == "text" and 0 <= d.start - (s.span.start + end) <= 40 and ref and year < ref - 1:
            return True
    return False


def _merge(found: list[Relation]) -> list[Relation]:
    """One relation per (pair, level, status): the first written date wins over a counted-back one;
    a level named as current is dropped where the article says when it was set up or that it is planned."""
    out: dict[tuple, Relation] = {}
    for r in found:
        key = (tuple(r.countries), r.level, r.status)
        have = out.get(key)
        if have is None:
            out[key] = r
            continue
        have.evidence += [sp for sp in r.evidence if sp not in have.evidence]   # one sentence, two heads: once
        if r.date and (have.date is None or (have.derived and not r.derived)):
            have.date, have.derived = r.date, r.derived
    kept = []
    for key, r in out.items():
        if r.status == "current" and any(k[0] == key[0] and k[1] == key[1] and k[2] != "current" for k in out):
            continue
        if any(k[0] == key[0] and k[2] == key[2] and k[1] != key[1] and k[1].startswith(key[1] + " ") for k in out):
            continue                      # "comprehensive partnership" beside "… partnership and cooperation"
        kept.append(r)
    return kept


def as_record(r: Relation) -> dict:
    fields = date_fields(None, None) if r.status == "current" else date_fields(r.date, r.derived)
    return {"countries": r.countries, "level": r.level, "status": r.status, **fields,
            "evidence": spans_json(r.evidence)}
