"""Bilateral documents the article says were signed, or are planned or proposed to be signed.

A document is a document-type phrase (lexicons/documents.json) that is either named as a title
("the Treaty of Amity and Cooperation", "Joint Vision Statement on …": it exists, so it was signed) or
governed by a signing verb ("signed a Letter of Intent on …") or a planning one ("agreed to sign",
"proposed … an agreement"). Conventions and norms (UNCLOS, a Code of Conduct) and general phrases
("sign cooperation documents", "reached agreement") are not documents.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from communique import lexicons
from communique.extract import anniversary
from communique.extract.context import ArticleContext, Sentence, unique
from communique.extract.countries import listed_states, states_named
from communique.extract.dates import DateMention, date_fields, parse_ref
from communique.extract.events import Event, rules
from communique.kinds import FACE_TO_FACE
from communique.model import Evidence, Span, spans_json
from communique.text import CARDINALS, MONTH_NAMES, WEEKDAYS

_PRE_MODIFIER = regex.compile(
    r"(?:(?:[\p{L}\d’'–-]+)\s+){0,6}$")
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "two",
                "new", "several", "three", "four", "five", "of", "on", "such", "signed", "sign", "signing", "to",
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
    signing: bool = False                 # a signing verb governs it in its sentence
    plural: bool = False                  # one of several documents named together
    superseded: bool = False              # the earlier document one renews ("renews the one signed in 1997")


@cache
def _patterns():
    lex = lexicons.documents()
    types = [(name, regex.compile(p, regex.IGNORECASE)) for name, p in lex["types"]]
    i = regex.IGNORECASE
    # a document implemented, ratified or renewed exists (signed), though not signed in this report
    signed = regex.compile(lex["signed"] + "|" + lex["existing"], i)
    return (types, signed, regex.compile(lex["signed"], i), regex.compile(lex["planned"], i),
            regex.compile(lex["not_bilateral"]), regex.compile(lex["generic"], i), regex.compile(lex["subject_stop"], i))


_PLURAL = regex.compile(r"(?i)(?:memoranda|memorandums|letters|statements|declarations|communiqu[eé]s|agreements|"
                        r"protocols|treaties|plans|mous|lois|roadmaps|arrangements|contracts|accords|minutes)\b")
_DEFINITE = regex.compile(r"(?i)\b(?:the|this|that|its|their)\s+(?:[\w’'–-]+\s+){0,5}$|[’']s\s+(?:[\w’'–-]+\s+){0,3}$")
_BETWEEN = regex.compile(r"\s+between\s+[^,;.]{3,160}?(?=\s+(?:on|regarding|concerning)\s)", regex.IGNORECASE)
_ABBREVIATION = regex.compile(r"\s*\([\p{Lu}\p{Ll}]{2,8}\)")
_LINK = regex.compile(r"\s+(?:on|of|for|regarding|concerning|about|in\s+the\s+field\s+of)\s+", regex.IGNORECASE)
_SECTOR_LIST = regex.compile(r"\s+in\s+(?:the\s+)?(?P<list>[^.;:()]{3,160}?)\s+(?:sectors|fields|areas|domains)\b",
                             regex.IGNORECASE)       # "agreements in the defence, health and education sectors"
# what stands between a document and a second name for it: "The Treaty of X was a defence pact"
_COPULA = regex.compile(r"\s+(?:(?:of|on|for)\s+[^,;.]{1,60}?\s+)?(?:is|was|are|were)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}",
                        regex.IGNORECASE)
# "the trade and investment agreements": the fields as one-word modifiers coordinated before the noun
_PRE_LIST = regex.compile(r"\b(?:the|two|three|both|their|its)\s+(?P<list>(?:\p{Ll}[\p{Ll}-]+,\s+)*\p{Ll}[\p{Ll}-]+"
                          r"\s+and\s+\p{Ll}[\p{Ll}-]+)\s+$")
_DASH_LIST = regex.compile(r"\s*(?:\s[-–—]|[–—:])\s*")
_DASH_END = regex.compile(r"\s[-–—]\s|[–—]|[;.]|\s(?:were|was|are|have|has|had)\s", regex.IGNORECASE)
# "agreement on …", "an MoU for …", "on …" opening an item of such a list: the subject follows
_ITEM_HEAD = regex.compile(r"^\s*(?:(?:an?\s+|one\s+|the\s+other\s+)?(?:(?:agreements?|memorand(?:um|a)|mous?|protocols?)\s+)?)?"
                           r"(?:on|of|for|regarding)\s+", regex.IGNORECASE)


def _subject(text: str, a: int, b: int, stop: regex.Pattern) -> tuple[str | None, int]:
    """(subject, end offset in text): the words before the document word that are not determiners, and
    the 'on/of/for …' phrase after it ("Protocol between the two ministries on military training")."""
    pre_words = _PRE_MODIFIER.search(text[:a]).group().split()
    kept: list[str] = []
    for w in reversed(pre_words):
        lw = w.lower().strip(",;:()“”\"‘’")
        if lw in _DETERMINERS or regex.fullmatch(r"\d+(?:st|nd|rd|th)|first|second|third|(?:1[89]|20)\d\d", lw) or not lw \
                or regex.search(r"[,;:()“”\"‘’]", w) or w[-2:] in ("’s", "'s"):       # "the 2012 MoU": its date
            break
        kept.insert(0, lw)
    post, end = "", b
    rest_at = b
    abbreviation = _ABBREVIATION.match(text, b)        # "Memorandum of Understanding (MoU) on …"
    if abbreviation:
        rest_at = b = abbreviation.end()
    between = _BETWEEN.match(text, rest_at)
    if between:
        rest_at = between.end()
    m = _LINK.match(text, rest_at)
    if m:
        rest = text[m.end():]
        cut = stop.search(rest)
        post = rest[: cut.start()] if cut else rest
        post = regex.sub(r"\s+(?:and|between|with)\s*$", "", post.strip()).strip(" “”\"‘’")
        end = m.end() + len(post)
        if "field" in m.group():
            post = "cooperation in the field of " + post
        elif m.group().strip().lower() == "for" and kept:
            post = "for " + post              # "cooperation for 2017": the period is part of the subject
    subject = regex.sub(r"\s+", " ", " ".join(kept + ([post] if post else [])).strip().lower()).strip(" “”\"‘’")
    return (subject or None), end


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
    after = regex.match(r"\s+(?:on|of|for|between)\s+(?:the\s+)?(\p{Lu})", text[b:])
    before = regex.search(r"(\p{Lu}[\p{L}-]*)\s+$", text[:a])
    return bool(after or (before and before.group(1) not in ("The", "A", "An")))


def _anniversary_date(s: Sentence, a: int, b: int, published: str | None) -> DateMention | None:
    """"the 45th anniversary of the two countries' friendship treaty in 2022": the document was signed
    that many years before the anniversary's year (anniversary.py, as for engagements and relations)."""
    pre = s.text[max(0, a - 160):a]
    found = anniversary.governing(pre)
    if found is None:
        return None
    n, ann = found
    lo = s.span.start + a - len(pre) + ann.start()
    year = anniversary.reference_year(s.dates, lo, s.span.start + a, s.span.start + b, s.span.end, pre,
                                      s.text[b:], published)
    if year is None:
        return None
    return DateMention(lo, s.span.start + b, s.text[a - len(pre) + ann.start():b], f"{year - n:04d}", "year",
                       "anniversary")


def _sentence_agreements(s: Sentence, published: str | None = None) -> list[Agreement]:
    types, signed, signing, planned, not_bilateral, generic, stop = _patterns()
    text = s.text
    general = [g.span() for g in generic.finditer(text)]
    matches: list[tuple[str, regex.Match]] = []
    for name, pattern in types:
        for m in pattern.finditer(text):
            if not any(m.start() < y and x < m.end() for x, y in (mm.span() for _, mm in matches)):
                matches.append((name, m))
    matches.sort(key=lambda nm: nm[1].start())
    # "The Treaty of X was a defence pact that …": the same document again, named no further
    matches = [nm for k, nm in enumerate(matches)
               if not (k and _COPULA.fullmatch(text[matches[k - 1][1].end():nm[1].start()]))]
    out: list[Agreement] = []
    consumed: set[int] = set()
    for n, (name, m) in enumerate(matches):
        a, b = m.span()
        word = m.group()
        if word.lower() in ("mou", "mous", "loi", "lois") and word.islower():   # not the abbreviations
            continue
        titled = _titled(text, a, b)
        if any(x < b and a < y for x, y in general):
            continue
        if n in consumed:
            continue
        if _PLURAL.search(word) and not titled:
            found = _plural(s, name, a, b, signed, signing, planned, matches, n)
            if found and n + 1 < len(matches) and _AND_ANOTHER.fullmatch(text[b:matches[n + 1][1].start()]):
                consumed.add(n + 1)      # "memoranda of understanding and agreements on …": one list
            out += found
            continue
        if not_bilateral.search(text[a:min(len(text), b + 60)]):
            continue
        if name == "agreement" and regex.match(r"\s+(?:that|to|on\s+the\s+need|with\s+(?:the|his|her))\b", text[b:]):
            continue
        subject, subject_end = _subject(text, a, b, stop)
        status = _status(text, a, b, signed, planned)
        if status is None and name == "joint_statement" and _parties(text[a:]):
            status = "signed"          # "according to a joint statement by Beijing, Riyadh and Tehran": issued
        year_named = bool(_YEAR_NAMED.search(text[:a]))
        specific = titled or year_named or (subject is not None and bool(_DEFINITE.search(text[:a])))
        if status is None and specific:
            status = "signed"          # named as an existing document
        if status is None or (name in ("agreement", "protocol", "plan", "other") and not subject and not titled
                              and not year_named):      # "the 2017 protocol" is one
            continue
        lo = matches[n - 1][1].end() if n else 0
        hi = matches[n + 1][1].start() if n + 1 < len(matches) else len(text)
        date = _anniversary_date(s, a, b, published) or _pick_date(s, lo, hi, a, subject_end,
                                                                   bool(signing.search(text[lo:hi])))
        out.append(Agreement(name, subject, [], status, date,
                             evidence=[Evidence(s.span.start, s.span.end, text, rule=f"documents:{name}")],
                             titled=titled, signing=bool(signing.search(text))))
        earlier = _earlier_one(s, subject_end, hi)
        if earlier is not None:       # "… renews the one signed on April 1, 1997": that one, signed then
            out.append(Agreement(name, subject, [], "signed", earlier,
                                 evidence=[Evidence(s.span.start, s.span.end, text, rule=f"documents:{name}")],
                                 titled=titled, signing=True, superseded=True))
    return out


_LIST_AND = regex.compile(r"\s+and\s+(?!(?:the\s+)?(?:other|another)\b)")
_AND_ANOTHER = regex.compile(r"\s+(?:and|or|&)\s+")
_DATE_WORD = regex.compile(rf"(?i)^(?:\d|(?:{'|'.join(WEEKDAYS)})\b|(?:{'|'.join(MONTH_NAMES)})\b|(?:this|last|next)\s)")
_NO_SUBJECT_LIST = regex.compile(r"(?i)^(?:cooperation|co-operation|various\s+fields|the\s+sidelines|the\s+occasion)$")


@cache
def _list_stop() -> regex.Pattern:
    """Where a list of subjects ends: the subject stops without the comma (lists are comma-separated)."""
    stop = lexicons.documents()["subject_stop"]
    assert stop.startswith("(?:,|"), "subject_stop must open with the comma alternative"
    return regex.compile("(?:" + stop[len("(?:,|"):], regex.IGNORECASE)


def _list_items(body: str, heads: bool) -> list[str]:
    """The subjects of a list ("trade, health and fisheries"): comma-separated, the last 'and' splitting
    the last item; with `heads`, each item's opening "agreement on" / "one on" left out."""
    parts = [p.strip() for p in body.split(",") if p.strip()]
    if parts:
        last = _LIST_AND.split(parts[-1])
        parts = parts[:-1] + ([" and ".join(last[:-1]), last[-1]] if len(last) > 1 else last)
    if heads:
        parts = [_ITEM_HEAD.sub("", p) for p in parts]
    items = [regex.sub(r"^(?:and|the)\s+", "", p, flags=regex.I).strip(" “”\"‘’").lower() for p in parts]
    return [i for i in items if i and not _NO_SUBJECT_LIST.match(i) and len(i.split()) <= 8 and not _DATE_WORD.match(i)]


def _plural(s: Sentence, name: str, a: int, b: int, signed: regex.Pattern, signing: regex.Pattern,
            planned: regex.Pattern, matches: list, n: int) -> list[Agreement]:
    """"signed memoranda of understanding on trade, health and fisheries" (or "agreements in the trade and
    health sectors"): one document per field named
    (comma-separated items; the last 'and' splits the last one; a stated count must agree). Without a list, a count
    makes no document: "signed nine agreements" gives nine rows nobody could cite."""
    text = s.text
    count = next((CARDINALS[w.lower()] for w in text[:a].split()[-3:] if CARDINALS.get(w.lower(), 0) > 1), None)
    items: list[str] = []
    link = _LINK.match(text, b)
    if link is None and n + 1 < len(matches) and _AND_ANOTHER.fullmatch(text[b:matches[n + 1][1].start()]):
        link = _LINK.match(text, matches[n + 1][1].end())
    sectors = _SECTOR_LIST.match(text, b) if link is None else None
    before = _PRE_LIST.search(text[:a]) if link is None and sectors is None else None
    dashed = _DASH_LIST.match(text, b) if link is None and sectors is None and count else None
    verb_from = b                     # where the signing or planning verb is looked for around the document
    if dashed:
        # "two MoUs – on sharing white shipping information and on hydrography – were signed": the
        # list between dashes (or after a colon); only with a count, which it must then meet
        rest = text[dashed.end():]
        cut = _DASH_END.search(rest)
        body = rest[:cut.start()] if cut else rest
        verb_from = dashed.end() + len(body)      # "… – were signed": the verb after the list
        items = _list_items(body, heads=True)
    elif sectors:
        items = _list_items(sectors.group("list"), heads=False)
    elif before:
        items = _list_items(before.group("list"), heads=False)
    elif link:
        rest = text[link.end():]
        cut = _list_stop().search(rest)
        items = _list_items(rest[:cut.start()] if cut else rest, heads=False)
    if len(items) < 2 or (count and count != len(items)):
        return []          # a count without its list ("nine agreements") names no document to cite
    status = _status(text, a, verb_from, signed, planned)
    if status is None:
        return []
    lo = matches[n - 1][1].end() if n else 0
    hi = matches[n + 1][1].start() if n + 1 < len(matches) else len(text)
    date = _pick_date(s, lo, hi, a, b, bool(signing.search(text[lo:hi])))
    return [Agreement(name, item, [], status, date,
                      evidence=[Evidence(s.span.start, s.span.end, text, rule=f"documents:{name}/list")],
                      signing=bool(signing.search(text)), plural=True) for item in items]


# what may stand between a year and the document it dates: modifiers, no function word ("the 2012
# defence MoU"; not "signed in 2011 and the Joint Vision Statement")
_PREMODIFIES = regex.compile(r"\s+(?:(?!(?:and|or|the|a|an|of|in|on|at|by|for|with|to|from|signed|was|were|is|are)\b)"
                             r"[\p{L}-]+\s+){0,3}", regex.IGNORECASE)
_YEAR_NAMED = regex.compile(r"\b(?:1[89]|20)\d\d" + _PREMODIFIES.pattern + "$", regex.IGNORECASE)


# "… MoU renews the one signed on April 1, 1997": a date after this names an earlier document's
_ANOTHER_ONE = regex.compile(r"\bthe\s+(?:one|(?:previous|earlier|original|old|former|first|existing)\s+(?:one|version"
                             r"|agreement|memorandum|MoU|treaty|accord|pact|deal|protocol))\b", regex.IGNORECASE)


def _earlier_one(s: Sentence, subject_end: int, hi: int) -> DateMention | None:
    """The date of the earlier document a sentence names after this one ("renews the one signed on
    April 1, 1997")."""
    one = _ANOTHER_ONE.search(s.text, subject_end, hi)
    if one is None:
        return None
    return next((d for d in s.dates if d.can_date() and one.end() <= s.local(d.start) < hi), None)


def _pick_date(s: Sentence, lo: int, hi: int, a: int, subject_end: int, signing: bool) -> DateMention | None:
    """The document's own date: written after it in its stretch of the sentence ("signed in 2011"),
    or before it when a signing verb governs it ("On Sept 4, they signed …"); a year right before the
    document word ("the 2012 MoU") is its own and no other document's; never a date inside its
    subject ("cooperation plan for 2017")."""
    local = [(s.local(d.start), d) for d in s.dates if d.can_date()]
    own = [d for pos, d in local if pos < a and d.precision == "year" and _PREMODIFIES.fullmatch(s.text[s.local(d.end):a])]
    if own:
        return own[-1]                  # "the 2012 memorandum of understanding"
    after = [d for pos, d in local if subject_end <= pos < hi
             and not (hi < len(s.text) and _PREMODIFIES.fullmatch(s.text[s.local(d.end):hi]))   # the next one's
             and not _ANOTHER_ONE.search(s.text, subject_end, pos)]
    if after:
        return after[0]
    before = [d for pos, d in local if lo <= pos < a]
    if before and signing:
        return before[-1]
    return None


def extract_agreements(ctx: ArticleContext, events: list[Event]) -> list[Agreement]:
    found: list[Agreement] = []
    cues = rules()[2]
    published_year = parse_ref(ctx.published)[0]
    for s in ctx.sentences:
        for ag in _sentence_agreements(s, ctx.published):
            if ag.status == "planned" and _dated_before(ag.date, published_year):
                ag.status = "signed"        # "the first country to sign an FTA with Vietnam in 2014"
            named = unique(code for code, _ in s.countries)
            here = [k for k, e in enumerate(events) if s.index in e.sentences]
            # the engagement mentioned last before the document (several can start in one sentence)
            before = sorted((k for k, e in enumerate(events) if min(e.sentences) <= s.index and e.kind != "multilateral"),
                            key=lambda k: (max(i for i in events[k].sentences if i <= s.index), -k))
            listed = listed_states(ctx.body, s.countries)
            if listed:        # "signed on January 13 by the Azerbaijani, Pakistani and Turkish foreign ministers"
                sides = listed
            elif len(named) >= 2:
                sides = sorted(named, key=lambda c: ctx.ranked.index(c) if c in ctx.ranked else 99)[:2]
            elif here or before:
                sides = events[(here or before)[-1 if not here else 0]].countries
            else:
                sides = ctx.pair
            parties = _parties(s.text) if ag.type == "joint_statement" else []
            if parties:
                sides, ag.status = parties, "signed"       # issued: "according to a joint statement by …"
            ag.countries = sorted(set(sides))
            ag.signatories = [k for k, _, _ in s.people]
            if here:
                ag.event = here[0]
            if ag.date is None and ag.status == "signed" and ag.signing and not cues.search(s.text):
                news = [k for k in (here or range(len(events))) if not events[k].historical
                        and events[k].kind in FACE_TO_FACE and set(events[k].countries) == set(ag.countries)]
                if news:
                    ag.event = news[0]
                    ev = events[news[0]]
                    ag.signatories = ag.signatories or list(ev.people)
                    if ev.date and ev.date.value:
                        ag.date, ag.date_from = ev.date, "event"
            found.append(ag)
    return _dedupe(found)


# "a joint statement by Beijing, Riyadh and Tehran", "a trilateral statement by China, Saudi Arabia and Iran"
_ISSUED_BY = regex.compile(
    r"\b(?:joint|trilateral|tripartite|three-way|quadrilateral)\s+(?:statement|declaration|communiqu[eé])"
    r"(?:\s+(?:was\s+|were\s+)?(?:issued|released|signed|adopted)(?:\s+in\s+\p{Lu}\p{L}+)?)?"
    r"\s+(?:by|between|among|of)\s+(?P<list>[^.;:()]{3,90})", regex.IGNORECASE)


def _parties(text: str) -> list[str]:
    """Three or more states a joint statement names as its authors (a pair stays with the usual cues)."""
    m = _ISSUED_BY.search(text)
    if not m:
        return []
    states = states_named(m.group("list"))
    return states if len(states) >= 3 else []


def _dated_before(date: DateMention | None, year: int | None) -> bool:
    """A document dated in a year before the article's: whatever the wording, it is not still planned."""
    return bool(date and year and date.value and date.value[:4].isdigit() and int(date.value[:4]) < year)


def _dedupe(found: list[Agreement]) -> list[Agreement]:
    out: list[Agreement] = []
    for ag in found:
        twin = next((o for o in out if o.type == ag.type and o.countries == ag.countries and
                     not (o.plural and ag.plural and o.evidence[0].start == ag.evidence[0].start) and
                     (o.subject is None or ag.subject is None or _overlap(o.subject, ag.subject))
                     and o.superseded == ag.superseded), None)
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
    return {
        "type": ag.type, "subject": ag.subject, "countries": ag.countries, "status": ag.status,
        **date_fields(ag.date, "event" if ag.date_from else None),
        "signatories": [ctx.people[k].name for k in ag.signatories if ag.status == "signed"],
        "event": ag.event,
        "evidence": spans_json(ag.evidence),
    }
