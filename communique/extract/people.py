"""From the mentions of one article to its people: link short forms to full names, pick each
person's office, and decide the state they serve.

Why a separate step: a name's country and office are often stated once ("his Russian counterpart
Alexander Fomin") and the person is then called "Fomin" or "the Russian deputy minister"; only the
whole article tells who is who.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein
from spacy.lang.en.stop_words import STOP_WORDS

from communique import lexicons
from communique.extract.countries import outlet_country, paired_states, rank_countries, url_country
from communique.extract.lexmatch import Line, tag_lines
from communique.extract.mentions import RawMention, is_name_token, line_mentions, name_with_appositive
from communique.extract.places import dateline_place, is_city, large_city
from communique.extract.triggers import any_trigger
from communique.model import Person, Span
from communique.text import MONTHS, WEEKDAYS, is_headline_case
from communique.text import fold as text_fold

# "(Photo: Huy Huy / Tuoi Tre)", "Translated by Mai Huong", "Photo by ...": names there are credits.
_CREDIT = regex.compile(
    r"\b(?:Photos?|Image|Picture(?: source)?|Source|Credit|Video|Graphic|Illustration)\s*(?::|by)\s*"
    r"(?:\p{Lu}{2,}(?:/\p{Lu}{2,})?(?=\s+\p{Lu}\p{Ll})|[^)\n]*)"     # "Source : REUTERS Russian President X …": the agency only
    r"|\b(?:Translated|Reported|Written|Edited|Compiled|Posted)\s+by\s+[^\n.]*"
    r"|^By\s+\p{Lu}[^\n]*$",
    regex.MULTILINE,
)
_ALNUM = regex.compile(r"[a-z0-9]+")
_LOW_TITLE_HEADS = ("member",)


def fold(text: str) -> list[str]:
    """Name tokens compared without case, diacritics or punctuation (as readers do)."""
    return list(_fold(text))


@lru_cache(maxsize=8192)
def _fold(text: str) -> tuple[str, ...]:
    """fold, memoised: an article repeats its few names many times."""
    return tuple(_ALNUM.findall(text_fold(text)))


NEAR_MIN_LETTERS = 7


def _near(a: str, b: str) -> bool:
    """One letter dropped, added or changed in a long name token: a spelling slip of the same name
    ("Khurelsuk" / "Khurelsukh"). Short tokens (most Vietnamese and Chinese syllables) never qualify:
    "Hung" and "Hun" are different people."""
    if min(len(a), len(b)) < NEAR_MIN_LETTERS or a[0] != b[0]:
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) == 1


def _covers(small: list[str], big: list[str]) -> bool:
    pool = list(big)
    for t in small:
        hit = next((b for b in pool if b == t or (len(t) == 1 and b.startswith(t)) or _near(t, b)), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


@dataclass
class _Entity:
    name: str
    tokens: list[str]
    mentions: list[RawMention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)       # of the mentions, sorted


def credit_ranges(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CREDIT.finditer(body)]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


# "Remarks by High Representative X at the press conference with Y": a transcript's title names its
# speaker (and whom they spoke with) as a byline does, however it is capitalised
TRANSCRIPT_TITLE = regex.compile(r"\s*(?:(?:Opening|Closing|Press|Keynote|Introductory|Joint)\s+)?(?:Remarks|Statement"
                                 r"|Speech|Address|Intervention|Op-ed)\s+(?:by|of)\s", regex.IGNORECASE)


def title_mentions(body: str, credits: list[tuple[int, int]],
                   lines: list[Line] | None = None) -> tuple[list[RawMention], set[int]]:
    """Title-anchored mentions on every line, and the numbers of headline-case lines (`lines`:
    tag_lines(body), when already computed)."""
    found: list[RawMention] = []
    weak_lines: set[int] = set()
    for no, start, line, toks, tags in lines if lines is not None else tag_lines(body):
        if not line.strip():
            continue
        if is_headline_case(line) and not TRANSCRIPT_TITLE.match(line):
            weak_lines.add(no)
        for m in line_mentions(line, start, no, (toks, tags)):
            if not _inside(m.start, credits):
                found.append(m)
    return found, weak_lines


# A lone surname must be written this often to be read as a person ("Xi said …" … "Xi's visit").
SPEAKER_MIN_MENTIONS = 2
# A news article quotes a few people by surname alone; a page with thousands of "X said" lines (a
# transcript dump, a hostile input) is read for its first ones only, so linking stays bounded.
MAX_SPEAKERS = 24


@lru_cache(maxsize=1)
def _quoting() -> frozenset[str]:
    return frozenset(lexicons.statements()["quoting"])


def speaker_mentions(body: str, lines: list[Line], credits: list[tuple[int, int]]) -> list[RawMention]:
    """"Xi said on Tuesday that …": a lone capitalised word no lexicon knows, directly followed by a
    quoting verb, written at least SPEAKER_MIN_MENTIONS times and on a line that reports an
    engagement, is a person's surname (wire copy names leaders by surname alone). It joins a full
    name written elsewhere ("Xi Jinping") when there is one; alone it is a person with no office,
    whose state is the article's home guess unless an engagement settles it (sides.py)."""
    quoting = _quoting()
    out: list[RawMention] = []
    written: Counter = Counter()      # capitalised word -> times written, counted once over the tokens

    def often(word: str) -> bool:
        if not written:
            written.update(t.text for ln in lines for t in ln.toks if t.cap)
        return written[word] >= SPEAKER_MIN_MENTIONS

    def lone(toks: list, tags: list, k: int) -> bool:
        """A capitalised word no lexicon knows, alone (no capitalised word before or after it)."""
        t = toks[k]
        return not (tags[k] is not None or not t.cap or t.text.isupper() or t.low in STOP_WORDS
                    or not is_name_token(t, None) or (k and toks[k - 1].cap and toks[k - 1].text[0].isalpha())
                    or (k + 1 < len(toks) and toks[k + 1].cap) or _inside(t.start, credits)
                    or is_city(t.text) or is_place_name(t.text) or not often(t.text))

    speakers: set[str] = set()
    for no, _start, _line, toks, tags in lines:
        for k in range(len(toks) - 1):
            if toks[k + 1].low in quoting and (toks[k].text in speakers or len(speakers) < MAX_SPEAKERS) \
                    and lone(toks, tags, k):
                out.append(RawMention(start=toks[k].start, end=toks[k].end, name=toks[k].text, anchor="speaker",
                                      line=no))
                speakers.add(toks[k].text)
    for no, _start, _line, toks, tags in lines:          # "Xi and Putin held talks": coordinated with a speaker
        for k in range(1, len(toks) - 1):
            if toks[k].low != "and":
                continue
            for a, b in ((k - 1, k + 1), (k + 1, k - 1)):
                if toks[b].text in speakers and toks[a].text not in speakers and len(speakers) < MAX_SPEAKERS \
                        and lone(toks, tags, a):
                    out.append(RawMention(start=toks[a].start, end=toks[a].end, name=toks[a].text,
                                          anchor="speaker", line=no))
                    speakers.add(toks[a].text)
    # a political actor: some line that names the surname reports an engagement (a coach quoted
    # in a sports story is no one's envoy)
    if not out:
        return out
    reporting = [ln.text for ln in lines if any_trigger().search(ln.text)]     # once per line, not per name
    engaged = {name for name in {m.name for m in out} if any(name in text for text in reporting)}
    return [m for m in out if m.name in engaged]


def collect_mentions(body: str, ner_spans: list[tuple[int, int]], credits: list[tuple[int, int]],
                     lines: list[Line] | None = None) -> list[RawMention]:
    """Title-anchored mentions on every line, surnames that speak, then NER names that no title anchored."""
    lines = lines if lines is not None else tag_lines(body)
    found, weak_lines = title_mentions(body, credits, lines)
    named = {w for x in found if x.name for w in x.name.split()}
    # a surname of a name already found is that person's short form (_more_mentions), or ambiguous
    found += [m for m in speaker_mentions(body, lines, credits) if m.name not in named]
    covered = [(m.start, m.end) for m in found]
    for a, b in ner_spans:
        if _inside(a, credits) or any(x < b and a < y for x, y in covered):
            continue
        no, start, line = next((ln.no, ln.start, ln.text) for ln in reversed(lines) if ln.start <= a)
        if b > start + len(line):
            continue
        m = name_with_appositive(line, a - start, b - start, start, no)
        if m is not None:
            found.append(m)
    for m in found:
        if m.line in weak_lines:
            m.anchor = "weak"
    return sorted(found, key=lambda m: m.start)


def _link(mentions: list[RawMention]) -> list[_Entity]:
    """Longest names first; a shorter name joins the entity whose tokens cover it (nearest before)."""
    entities: list[_Entity] = []
    order = sorted(mentions, key=lambda m: (-len(fold(m.name)), m.start))
    for m in order:
        toks = fold(m.name)
        if not toks:
            continue
        # one full name written twice is one person, whatever a weaker cue says of the second mention
        # ("In a working session with the Vietnamese top diplomat, X reaffirmed …"): the votes decide
        candidates = [e for e in entities if _covers(toks, e.tokens)
                      and (_country_ok(m, e) or (len(toks) >= 2 and list(toks) == list(e.tokens)))]
        if candidates:
            def distance(e: _Entity, m: RawMention = m) -> tuple[int, int]:
                k = bisect_right(e.starts, m.start)       # sorted starts: no scan of every mention
                return (0, m.start - e.starts[k - 1]) if k else (1, e.starts[0])
            best = min(candidates, key=distance)
            if not _country_ok(m, best):
                m.country, m.title, m.extra_titles = None, None, []     # the earlier mentions' cue stands
            best.mentions.append(m)
            insort(best.starts, m.start)
            continue
        if m.anchor == "weak" or (m.anchor == "ner" and len(toks) < 2 and not m.title):
            continue   # headline capitals and lone NER surnames never create a person
        entities.append(_Entity(m.name, toks, [m], [m.start]))
    for e in entities:
        e.mentions.sort(key=lambda x: x.start)
    return sorted(entities, key=lambda e: e.mentions[0].start)


def _country_ok(m: RawMention, e: _Entity) -> bool:
    if m.country is None:
        return True
    known = {x.country for x in e.mentions if x.country}
    return not known or m.country in known


@lru_cache(maxsize=1)
def _party_words() -> regex.Pattern:
    words = lexicons.offices()["sectors"]["party"]
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b", regex.IGNORECASE)


_STATE_OFFICE = regex.compile(r"\b(?:minister|president|premier|chairman|chairwoman|chair|speaker|ambassador"
                              r"|secretary\s+of\s+state|governor|chancellor|king|queen|emperor)\b", regex.IGNORECASE)


def _party_post_only(title: str) -> bool:
    """"Deputy Secretary of the Central Military Commission": a party post, and no office of state in
    the same words (the guidelines name a minister by the ministry the article also gives)."""
    return bool(_party_words().search(title)) and not _STATE_OFFICE.search(_party_words().sub(" ", title))


def _choose_title(e: _Entity) -> tuple[str | None, list[str]]:
    """Prefer a title written before the name, then an apposition; 'member' titles and party posts
    (when an office of state is also given) last; longest wins."""
    cands: list[tuple[bool, bool, int, int, str]] = []
    for _k, m in enumerate(e.mentions):
        for rank, t in [(0 if m.anchor in ("title", "rank", "honorific") else 1, m.title)] + [(1, x) for x in m.extra_titles]:
            if t:
                low = t.lower()
                weak = any(low.endswith(h) for h in _LOW_TITLE_HEADS)
                cands.append((weak, _party_post_only(t), rank, -len(t.split()), t))
    every = list(dict.fromkeys(_as_office(t) for *_, t in sorted(cands, key=lambda c: c[:4])))
    return (every[0] if every else None), every


@lru_cache(maxsize=1)
def _state_possessive() -> regex.Pattern:
    # states only: "the EU's Foreign and Security Policy" names an organisation's office, not a state
    names = sorted({n for code, e in lexicons.countries().items() if code not in ("EUU", "IGO")
                    for n in e.get("names", [])}, key=len, reverse=True)
    return regex.compile(r"\b(?:the\s+)?(?:" + "|".join(regex.escape(n) for n in names) + r")['’]s\s+(?=\w)")


_ABBREVIATED = {"PM": "Prime Minister", "FM": "Foreign Minister", "DPM": "Deputy Prime Minister"}
_ABBREVIATION = regex.compile(r"\b(?-i:PM|FM|DPM)\b")


def _as_office(title: str) -> str:
    """An office as the guidelines want it: without the state, which `country` holds ("Secretary of
    Iran's Supreme National Security Council" -> "… of the Supreme National Security Council"), and
    written out ("PM" -> "Prime Minister")."""
    title = _ABBREVIATION.sub(lambda m: _ABBREVIATED[m.group()], title)
    if "'" not in title and "’" not in title:
        return title
    out = _state_possessive().sub("the ", title)
    return regex.sub(r"\b(of|in|for)\s+the\s+the\b", r"\1 the", out)


def _resolve_counterparts(entities: list[_Entity], people: list[Person], body: str,
                          countries: list[tuple[str, Span]]) -> None:
    """'X and his Russian counterpart Y': Y holds X's office; X is not Russian. 'a visit to Zambia,
    where X and his counterpart Y held talks': with no state of its own, the counterpart serves the one
    other state its sentence names."""
    by_mention = {id(m): k for k, e in enumerate(entities) for m in e.mentions}
    flat = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    for idx, m in enumerate(flat):
        if not m.counterpart:
            continue
        me = by_mention[id(m)]
        before = [x for x in reversed(flat[:idx]) if by_mention[id(x)] != me]
        same_line = [x for x in before if x.line == m.line]
        ante = next(iter(same_line or before), None)
        if ante is None:
            continue
        other = by_mention[id(ante)]
        if people[me].title is None and people[other].title:
            people[me].title = people[other].title
            people[me].titles.append(people[other].title)
        if m.country and not any(x.country for x in entities[other].mentions):
            for x in entities[other].mentions:
                x.not_country = x.not_country or m.country
        own = next((x.country for x in entities[other].mentions if x.country), None)
        if m.country is None and own:
            lo = body.rfind(".", 0, m.start) + 1
            hi = body.find(".", m.end)
            hi = len(body) if hi < 0 else hi
            near = {code for code, span in countries if lo <= span.start < hi} - {own}
            if len(near) == 1:
                m.country, m.country_source = near.pop(), "counterpart"


# "Putin's state visit to Vietnam", "Suga, who visited Vietnam", "the visit of Minister X to India",
# "Prime Minister X arrived in Moscow": a visitor does not serve the country (or city) visited.
_VISIT_AFTER = regex.compile(
    r"^(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,3}?(?:visit|visits|trip|tour)\s+to\s+(?:the\s+)?"
    r"|^,?\s+(?:who\s+)?(?:has\s+|had\s+|is\s+|was\s+|will\s+)?(?:also\s+)?(?:on\s+\w+day\s+)?"
    r"(?:visited|visits|visit|visiting|arrived\s+in|arrives\s+in|arriving\s+in|landed\s+in|lands\s+in"
    r"|travell?ed\s+to|travels\s+to|(?:is|was)\s+on\s+(?:an?\s+)?(?:\w+\s+){0,2}visit\s+to)\s+(?:the\s+)?"
)
_VISIT_BEFORE = regex.compile(r"\b(?:visit|trip|tour)\s+(?:by|of)\s+(?:the\s+)?[^,.;]{0,80}$")
_CITY_AT = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2}")


def _destination_at(body: str, pos: int, starts: dict[int, str]) -> str | None:
    """The state named at `pos`: a country mention, or a large city's country."""
    if pos in starts:
        return starts[pos]
    m = _CITY_AT.match(body, pos)
    if m is None:
        return None
    words = m.group().split()
    hit = next((h for n in range(len(words), 0, -1) if (h := large_city(" ".join(words[:n])))), None)
    return hit[1] if hit else None


def _visit_cues(body: str, mentions: list[RawMention], countries: list[tuple[str, Span]]) -> None:
    starts = {s.start: code for code, s in countries}
    for m in mentions:
        after = body[m.end:m.end + 120]
        hit = _VISIT_AFTER.match(after)
        if hit is None and _VISIT_BEFORE.search(body[max(0, m.start - 120):m.title_start or m.start]):
            hit = regex.match(r"^\s+to\s+(?:the\s+)?", after)
        if hit is not None and m.not_country is None:
            m.not_country = _destination_at(body, m.end + hit.end(), starts)


def site_country(ranked: list[str], url: str | None, outlet: str | None) -> str | None:
    """The site's own country (its domain, else the state its name places it in), when the article
    names it."""
    return next((c for c in (url_country(url), outlet_country(outlet)) if c in ranked), None)


def _dateline_country(body: str, ranked: list[str]) -> str | None:
    """The state of a dateline city ("SINGAPORE —", "NEW DELHI:") in the article's first lines."""
    for line in body.split("\n", 6)[:6]:
        place = dateline_place(line)
        if place:
            return place.country if place.country in ranked else None
    return None


HOME_AMONG = 2      # the unmarked side is one of the article's two leading states, never a third


def home_country(entities: list[_Entity], ranked: list[str], site: str | None) -> str | None:
    """The side an unmarked official most likely serves: the site's own country; else the article's
    leading country that is never used to mark a foreign official."""
    if site:
        return site
    marked = {m.country for e in entities for m in e.mentions if m.country}
    return next((c for c in ranked[:HOME_AMONG] if c not in marked), ranked[0] if ranked else None)


_LIST_GLUE = regex.compile(r"^(?:\s*[,;]\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?)$")
LIST_MIN = 3
# "X was accompanied by A, B and C", "Accompanying President X are: A; B; C": the delegation of X.
_ACCOMPANIED = regex.compile(r"\baccompanied\s+(?:by\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_ACCOMPANYING = regex.compile(r"\bAccompanying\s+(?P<head>[^.;:]{3,120}?)\s+(?:are|were|is|was)\b[^.;]{0,40}$")


def _runs(body: str, entities: list[_Entity]) -> list[list[RawMention]]:
    """Mentions in text order, grouped into runs joined only by list glue (', ', '; ', ' and ')."""
    flat = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    runs, run = [], flat[:1]
    for prev, cur in zip(flat, flat[1:], strict=False):
        if _LIST_GLUE.match(body[prev.end:cur.title_start or cur.start]):
            run.append(cur)
        else:
            runs.append(run)
            run = [cur]
    runs.append(run)
    return [r for r in runs if r]


def _marked(entities: list[_Entity], owner: dict[int, int], m: RawMention) -> bool:
    return any(x.country for x in entities[owner[id(m)]].mentions)


def _list_cues(body: str, entities: list[_Entity]) -> None:
    """A delegation list ('including A, U.S. Ambassador B, C and D'): when its only explicit
    country is one state, the unmarked members serve it too; so do the members of a list that
    accompanies a person whose state is stated ('X was accompanied by A and B')."""
    owner = {id(m): k for k, e in enumerate(entities) for m in e.mentions}
    flat = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
    for run in _runs(body, entities):
        marked = {m.country for m in run if m.country}
        code, source = (marked.pop(), "list") if len(run) >= LIST_MIN and len(marked) == 1 else (None, None)
        if code is None:
            code, source = _accompanied_country(body, run[0], flat, entities, owner), "delegation"
        if code is None:
            continue
        for m in run:
            if not _marked(entities, owner, m):
                m.country, m.country_source = code, source


def _accompanied_country(body: str, first: RawMention, flat: list[RawMention], entities: list[_Entity],
                         owner: dict[int, int]) -> str | None:
    """The stated state of the person a list accompanies, when the text right before the list says so."""
    start = first.title_start or first.start
    line_start = body.rfind("\n", 0, start) + 1
    before = body[max(line_start, start - 200):start]
    head = _ACCOMPANYING.search(before)
    if head:
        lo, hi = start - len(before) + head.start("head"), start - len(before) + head.end("head")
        leader = next((m for m in flat if lo <= m.start < hi), None)
    elif _ACCOMPANIED.search(before):
        cue = start - len(before) + _ACCOMPANIED.search(before).start()
        leader = next((m for m in reversed(flat) if line_start <= m.start < cue), None)
    else:
        return None
    if leader is None:
        return None
    votes = Counter(x.country for x in entities[owner[id(leader)]].mentions if x.country)
    return votes.most_common(1)[0][0] if votes else None


def _other_side(excluded: set[str], ranked: list[str], site: str | None, pairs: Counter) -> str | None:
    """The state of someone who serves none of `excluded` (a visitor to it, its ambassador's host):
    the state the article pairs with the excluded one most often, else the site's, else the leading one."""
    paired = Counter()
    for pair, n in pairs.items():
        if len(pair & excluded) == 1 and not pair <= excluded:
            paired[next(iter(pair - excluded))] += n
    if paired:
        best = max(paired.values())
        return next(c for c in ranked + sorted(paired) if paired.get(c) == best)
    return site if site and site not in excluded else next((c for c in ranked if c not in excluded), None)


def office_impossible(title: str | None, code: str | None) -> bool:
    """'President' of a state that has none (Japan), 'Prime Minister' of one that has none (the
    Philippines): lexicons/heads_by_state.json."""
    if not title or not code:
        return False
    lex = lexicons.heads_by_state()
    t = regex.sub(r"^(?:former|then|first|late)\s+", "", title.strip().lower())
    return (t in lex["president_titles"] and code in lex["no_president"]) or (
        t in lex["prime_minister_titles"] and code in lex["no_prime_minister"])


def _assign_countries(entities: list[_Entity], people: list[Person], ranked: list[str], home: str | None,
                      site: str | None = None, pairs: Counter | None = None) -> None:
    for e, p in zip(entities, people, strict=False):
        votes = Counter(m.country for m in e.mentions if m.country)
        if votes:
            p.country = votes.most_common(1)[0][0]
            p.country_source = next(m.country_source for m in e.mentions if m.country == p.country)
            continue
        excluded = {m.not_country for m in e.mentions if m.not_country}
        if not excluded and not office_impossible(p.title, home):
            p.country, p.country_source = home, "home"
            continue
        if not excluded:
            excluded = {home}             # "Prime Minister X" in a Philippine report: not a Filipino
        choice = _other_side(excluded, ranked, site, pairs or Counter())
        if choice and not office_impossible(p.title, choice):
            p.country, p.country_source = choice, "other_side"


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def _whole_word(body: str, form: str):
    """(start, end) of each occurrence of `form` not inside a longer word (str.find: no regex per name)."""
    i = body.find(form)
    while i != -1:
        j = i + len(form)
        if not (i and _is_letter(body[i - 1])) and not (j < len(body) and _is_letter(body[j])):
            yield i, j
        i = body.find(form, i + 1)


def _more_mentions(body: str, people: list[Person], credits: list[tuple[int, int]]) -> None:
    """Bare surname / given-name mentions ('Giang said') for evidence offsets."""
    taken = {i for p in people for s in p.mentions for i in range(s.start, s.end)}   # characters already a mention
    family_first = set(lexicons.ranks()["family_name_first"])
    words_used = Counter(w for p in people for w in set(p.name.split()))
    for p in people:
        words = p.name.split()
        forms = {p.name, words[-1]} | ({" ".join(words[:2])} if len(words) > 2 else set())
        if p.country in family_first and len(words) > 1 and words_used[words[0]] == 1:
            forms.add(words[0])          # "Jeong Kyeong-doo" … "Jeong said"
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 2:
                continue
            for a, b in _whole_word(body, form):
                if _inside(a, credits) or any(i in taken for i in range(a, b)):
                    continue
                p.mentions.append(Span(a, b, form))
                taken.update(range(a, b))
        p.mentions.sort(key=lambda s: s.start)


@lru_cache(maxsize=1)
def _speech() -> regex.Pattern:
    verbs = "|".join(regex.escape(v) for v in lexicons.statements()["quoting"])
    return regex.compile(rf"\s+(?:{verbs})\b\s*(?:that\s+)?(?:the\s+)?")


def speaking_at(body: str, person: Person) -> list[int]:
    """Where a mention of the person is followed by a speech verb: the offset after the verb."""
    out = []
    for m in person.mentions:
        gap = _speech().match(body, m.end)
        if gap:
            out.append(gap.end())
    return out


# "The Saudi delegation was led by Dr. X", "X, who headed the Iranian delegation": who led a side
_LED_BY = regex.compile(r"\bdelegations?\b[^.;]{0,40}?\b(?:led|headed|represented)\s+by\s+(?:\S+\s+){0,3}$",
                        regex.IGNORECASE)
_LEADS = regex.compile(r"(?:,\s+who)?\s+(?:led|leads|headed|heads|leading|heading)\s+(?:the|a|his|her)\s+"
                       r"(?:[\w-]+\s+){0,2}delegation\b", regex.IGNORECASE)


def leads_delegation(body: str, person: Person) -> bool:
    """Whether the article says the person led a delegation: a side's principal even if named once."""
    return any(_LED_BY.search(body, max(0, m.start - 80), m.start) or _LEADS.match(body, m.end, m.end + 60)
               for m in person.mentions)


def _speaks_for(body: str, people: list[Person], countries: list[tuple[str, Span]]) -> None:
    """An official given the home country by default who 'said Russia is ready…' speaks for the
    country named as the subject of what they said."""
    starts = {span.start: (code, span.end) for code, span in countries}
    for p in people:
        if p.country_source != "home":
            continue
        # the country is the subject of what was said ("said Russia is ready"), not its object
        # ("affirmed New Zealand as a reliable partner"), and one whose office the state has (no "President" of New Zealand)
        code = next((starts[pos][0] for pos in speaking_at(body, p)
                     if pos in starts and _FINITE.match(body, starts[pos][1])), None)
        if code and code != p.country and not office_impossible(p.title, code):
            p.country, p.country_source = code, "speaks_for"


_FINITE = regex.compile(r"\s+(?:(?:always|also|still|now|never|fully|highly|strongly)\s+)?(?:is|are|was|were|will|would|has"
                        r"|have|had|remains|stands|can|could|should|must|does|did|wants|hopes|supports|attaches"
                        r"|considers|regards|values|welcomes|respects|seeks|needs)\b", regex.IGNORECASE)


def extract_people(body: str, ner_spans: list[tuple[int, int]], countries: list[tuple[str, Span]],
                   url: str | None = None, lines: list[Line] | None = None, outlet: str | None = None) -> list[Person]:
    """All people of one article. `ner_spans` are the statistical PERSON entities (char offsets);
    `countries` the country mentions; `url` the page address and `outlet` the site's name (either may
    name a home country);
    `lines` tag_lines(body) when already computed."""
    credits = credit_ranges(body)
    mentions = collect_mentions(body, ner_spans, credits, lines)
    _visit_cues(body, mentions, countries)
    entities = _link([m for m in mentions if m.name])
    people: list[Person] = []
    for e in entities:
        best = max(e.mentions, key=lambda m: (len(fold(m.name)), -m.start))
        title, titles = _choose_title(e)
        people.append(Person(
            name=best.name, title=title, titles=titles,
            rank=next((m.rank for m in e.mentions if m.rank), None),
            honorific=next((m.honorific for m in e.mentions if m.honorific), None),
            mentions=[Span(m.start, m.end, body[m.start:m.end]) for m in e.mentions],
        ))
    _resolve_counterparts(entities, people, body, countries)
    _list_cues(body, entities)
    ranked = rank_countries(countries)
    site = site_country(ranked, url, outlet) or _dateline_country(body, ranked)
    _assign_countries(entities, people, ranked, home_country(entities, ranked, site), site,
                      paired_states(body, countries))
    _more_mentions(body, people, credits)
    _speaks_for(body, people, countries)
    return [p for p in people if (p.title or p.rank or not is_place_name(p.name)) and plausible_name(p.name, body)]


_OTHER_SCRIPT = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]")


def plausible_name(name: str, body: str) -> bool:
    """Not a person's name: one letter ("I" after a title), words of two scripts run together by a page
    ("Istहिंदी"), or one word the article also writes in lower case ("General Nuclear Corporation"
    beside "a nuclear deal")."""
    if len(name.replace(".", "")) < 2:
        return False
    if regex.search(r"\p{Latin}", name) and _OTHER_SCRIPT.search(name.replace(" ", "")):
        return False
    if " " not in name and name.isalpha():
        return next(_whole_word(body, name.lower()), None) is None
    return True


def is_place_name(name: str) -> bool:
    """A city or a month the statistical model took for a person ("Da Nang", "September")."""
    return name.lower() in MONTHS or name.lower() in WEEKDAYS or is_city(name)
