"""Find person mentions on one line of text: a title grammar over lexicon-tagged tokens.

A mention reads, left to right:

    [country marker] [title (of complement)...] [rank] [honorific] NAME [, appositive title]

e.g. "Vietnamese Deputy Minister of National Defense Hoang Xuan Chien",
"Minister of Defence of the Republic of Azerbaijan Colonel General Hasanov Zakir",
"her Azerbaijani counterpart E. Mammadov", "Zakir Hasanov - Minister of Defence of Azerbaijan -".
Titles carry most of the signal for officials; statistical NER alone misses or splits them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from communique import lexicons
from communique.extract.lexmatch import (
    COUNTERPART,
    COUNTRY,
    CREDIT,
    DEMONYM,
    DESCRIPTOR,
    DOMAIN,
    HEAD,
    HON,
    JOINER,
    MOD,
    PARTICLE,
    PARTY,
    PLACE,
    RANK,
    TITLE_PARTS,
    Tag,
    Tok,
    tag,
    tokenize,
)
from communique.extract.places import is_city
from communique.text import MONTH_NAMES, WEEKDAYS

MAX_NAME_TOKENS = 6
_POSS = {"’s", "'s", "’", "'"}     # a lone apostrophe only ever follows a plural-s word (lexmatch)
_DASHES = {"-", "–", "—", ","}
# A line of news names at most a few dozen officials (a delegation list); a line with more titled
# names is a list dump or a hostile input: its first ones are read, the rest of it is not (issue 13).
MAX_MENTIONS_PER_LINE = 200
_COMPLEMENT_JOINERS = {"of", "for", "to", "at", "on", "in"}
_DROP_FROM_TITLE = {"visiting", "then", "the", "his", "her"}


class TitlePhrase(NamedTuple):
    """A title phrase as parse_title read it ("Vietnamese Deputy Minister of National Defence")."""

    end: int                      # the token after the phrase
    tokens: list[Tok]             # the office's tokens (countries before the head left out)
    countries: list[str]          # states the phrase names as the holder's
    not_country: str | None       # a state named as the other side ("Ambassador to Japan")
    seen_head: bool               # an office head word was read ("Minister", "President")
    counterpart: bool             # "counterpart" was read
    trailing: int                 # capitalised unknown tokens closing a complement: maybe the name
    country_tail: int | None      # where a closing "of [the] COUNTRY" starts in tokens (not part of the office)
    described: bool = False       # a descriptor was read ("dictator", "official"): a person, no office


@dataclass
class RawMention:
    """One place where the text names (or titles) a person; `name` is None for a bare title."""

    start: int
    end: int
    name: str | None
    title: str | None = None
    rank: str | None = None
    honorific: str | None = None
    country: str | None = None
    country_source: str | None = None
    not_country: str | None = None
    counterpart: bool = False
    anchor: str = "title"          # title | rank | honorific | appositive | coordinated | ner
    title_start: int | None = None
    line: int = 0
    extra_titles: list[str] = field(default_factory=list)


_NEVER_NAMES = set(MONTH_NAMES) | set(WEEKDAYS)
MAX_CHAINED_TITLES = 4      # offices one person is given in a row, read before deciding whose they are


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.ranks()["not_name_words"]) | _NEVER_NAMES


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(lexicons.ranks()["org_heads"])


@lru_cache(maxsize=1)
def _not_person_after() -> frozenset[str]:
    return frozenset(lexicons.ranks()["not_person_after"])


def _names_no_person(toks: list[Tok], k: int) -> bool:
    """The token after a name run says it is no person: an organisation's head noun ("General Border
    Committee") or a word that makes a leader's name an adjective ("under the Trump administration")."""
    return k < len(toks) and (toks[k].text in _org_heads() or toks[k].low in _not_person_after())


def is_name_token(t: Tok, g: Tag | None) -> bool:
    text = t.text
    if g is not None:
        return g.cat == PARTICLE and text.lower() not in _not_name_words()
    if not text[0].isupper() or not text[0].isalpha():
        return False
    low = text.lower()
    return low not in _not_name_words() and not (len(text) >= 3 and low in STOP_WORDS)


def _join(toks: list[Tok]) -> str:
    out = ""
    for k, t in enumerate(toks):
        if k and not (t.text in _POSS or t.text in ("-", ",", "/") or toks[k - 1].text in ("-", "/")):
            out += " "
        out += t.text
    return out


def _name_text(toks: list[Tok]) -> str:
    """The name as written, but SHOUTED family names ('YAMADA') in title case."""
    words = [t if not (t.text.isupper() and len(t.text) > 2 and "." not in t.text)
             else Tok(t.text.title(), t.start, t.end) for t in toks]
    return _join(words)


class LineParser:
    """Parse the mentions on one line; a fresh parser per line keeps the state obvious."""

    def __init__(self, text: str, offset: int, line_no: int, tagged: tuple[list[Tok], list[Tag | None]] | None = None):
        """`tagged`: the line's tokens and tags when already computed (lexmatch.tag_lines)."""
        if tagged is None:
            toks = tokenize(text, offset)
            tagged = toks, tag(toks)
        self.toks, self.tags = tagged
        self.cats = [g.cat if g else None for g in self.tags]
        self.n = len(self.toks)
        self.line_no = line_no

    # -- helpers -------------------------------------------------------------
    def cat(self, k: int) -> str | None:
        return self.cats[k] if 0 <= k < self.n else None

    def _starts_title(self, k: int) -> bool:
        """A title phrase may start here (skipping 'the' and a country marker)."""
        while k < self.n and self.toks[k].low == "the":
            k += 1
        if k < self.n and self.cat(k) in (DEMONYM, PARTY):
            k = self.tags[k].j
        elif k < self.n and self.cat(k) == COUNTRY and k + 1 < self.n and self.toks[self.tags[k].j].text in _POSS:
            k = self.tags[k].j + 1
        return k < self.n and self.cat(k) in TITLE_PARTS

    def _starts_run(self, k: int) -> bool:
        c = self.cats[k]
        if c in (HEAD, MOD, DOMAIN, RANK, HON, DEMONYM, PARTY, COUNTERPART, DESCRIPTOR):
            return True
        if c != COUNTRY or self.tags[k].j >= self.n:
            return False
        after = self.tags[k].j             # "Azerbaijan’s Foreign Minister", "U.S. acting Defense Secretary"
        return self.toks[after].text in _POSS or self.cat(after) in TITLE_PARTS

    # -- the title part ------------------------------------------------------
    def parse_title(self, i: int) -> TitlePhrase:
        """Consume a title phrase from token i (see TitlePhrase for what it gives)."""
        j, title, countries, not_country = i, [], [], None
        seen_head = counterpart = described = in_complement = False
        joiner: str | None = None
        country_tail: int | None = None     # index in `title` where a trailing 'of COUNTRY' starts
        trailing = 0
        while j < self.n:
            t, g = self.toks[j], self.tags[j]
            c = g.cat if g else None
            if c is None or c in (PARTICLE, CREDIT):
                if t.text == "/" and seen_head and not in_complement and self._starts_title(j + 1):
                    title.append(t)          # "High Representative/Vice-President"
                    j += 1
                    continue
                if t.text == "," and in_complement and not trailing and self.cat(j + 1) == DOMAIN:
                    title.append(t)          # "Minister of Science, Technology and Innovation"
                    j += 1
                    continue
                if t.text in _POSS and j > i and (self.cat(j - 1) in (COUNTRY, None) or in_complement):
                    if not in_complement:          # "Azerbaijan’s Foreign Minister"
                        j += 1
                        continue
                    title.append(t)
                    trailing = 0
                    j += 1
                    continue
                if in_complement and t.cap and t.text[0].isalpha():
                    title.append(t)          # "… Forces Informal Meeting": an organisation word ends no name
                    trailing = 0 if t.low in _not_name_words() else trailing + 1
                    j += 1
                    continue
                break
            if c in (RANK, HON):
                break
            if c == PLACE:
                if not in_complement:
                    break
                title.extend(self.toks[g.i:g.j])
                trailing = 0
                j = g.j
                continue
            if c in (COUNTRY, DEMONYM, PARTY):
                if in_complement:
                    if joiner == "to":
                        not_country = g.value
                    else:
                        countries.append(g.value)
                    if country_tail is None:
                        country_tail = max(0, len(title) - (2 if title and title[-1].low == "the" else 1))
                    title.extend(self.toks[g.i:g.j])
                    trailing = 0
                    j = g.j
                    continue
                if seen_head and not self._title_follows(g.j):
                    break
                countries.append(g.value)
                j = g.j
                continue
            if c == JOINER:
                low = t.low
                nxt = j + 1
                while nxt < self.n and self.toks[nxt].low == "the":
                    nxt += 1
                if low in _COMPLEMENT_JOINERS and (seen_head or counterpart) and nxt < self.n and (
                        self.toks[nxt].cap or self.tags[nxt] is not None):
                    if trailing and in_complement:
                        break
                    in_complement, joiner = True, low
                    title.extend(self.toks[j:nxt])
                    j = nxt
                    continue
                if low in ("and", "&") and (seen_head or in_complement) and not trailing and (
                        self._starts_title(j + 1) or (in_complement and self.cat(j + 1) in (DOMAIN, COUNTRY))):
                    title.append(t)
                    j += 1
                    continue
                if low == "the" and in_complement:
                    title.append(t)
                    j += 1
                    continue
                break
            if c == DESCRIPTOR:
                if seen_head or counterpart or in_complement:
                    break
                described = True
                j = g.j
                continue
            # MOD, DOMAIN, HEAD, COUNTERPART
            if trailing and in_complement:
                trailing = 0          # unknown words inside an organisation name: keep going
            if in_complement and country_tail is not None and c in (DOMAIN, HEAD):
                country_tail = None   # the country was inside the complement ("Party of Vietnam Central Committee")
            seen_head |= c == HEAD
            counterpart |= c == COUNTERPART
            title.extend(self.toks[g.i:g.j])
            j = g.j
        return TitlePhrase(j, title, countries, not_country, seen_head, counterpart, trailing, country_tail, described)

    def _name_then_boundary(self, k: int) -> bool:
        """Name tokens from k, closed by punctuation, a lowercase word or the end of the line."""
        start = k
        while k < self.n and is_name_token(self.toks[k], self.tags[k]):
            k += 1
        if k == start or k - start > MAX_NAME_TOKENS:
            return False
        return k >= self.n or not self.toks[k].cap

    def _title_follows(self, k: int) -> bool:
        return k < self.n and self.cat(k) in TITLE_PARTS

    # -- a whole mention -----------------------------------------------------
    def parse_run(self, i: int) -> tuple[RawMention | None, int]:
        j, title, countries, not_country, seen_head, counterpart, trailing, tail, described = self.parse_title(i)
        if counterpart and not seen_head and j + 1 < self.n and self.toks[j].text == "," and self._starts_title(j + 1):
            # "his counterpart, President Edgar Lungu": the office after the comma is the counterpart's
            m, end = self.parse_run(j + 1)
            if m is not None:
                m.counterpart = True
                if countries and m.country is None:
                    m.country, m.country_source = countries[0], "counterpart"
            return m, end
        named_after_state = tail is not None and trailing >= 2    # "President of Azerbaijan Ilham Aliyev, Trend reports"
        if (seen_head or counterpart) and j + 1 < self.n and self.toks[j].text in (",", "–", "—") and not named_after_state and (
                self.cat(j + 1) in (RANK, HON) or self._name_then_boundary(j + 1)):
            j += 1          # "Deputy Minister of Defence, Sen. Lt. Gen. NAME", "his Vietnamese counterpart, NAME"
        rank = honorific = None
        while j < self.n and self.cat(j) in (RANK, HON):
            g = self.tags[j]
            words = _join(self.toks[g.i:g.j])
            if g.cat == RANK:
                rank = f"{rank} {words}" if rank else words
            else:
                honorific = honorific or words
            j = g.j
        name_toks: list[Tok] = []
        k = j
        while k < self.n and len(name_toks) <= MAX_NAME_TOKENS:
            t, g = self.toks[k], self.tags[k]
            if is_name_token(t, g):
                if g is not None and g.cat == PARTICLE and not (k + 1 < self.n and self.toks[k + 1].cap):
                    break
                name_toks.append(t)
                k += 1
                continue
            break
        if not name_toks and trailing and rank is None and honorific is None:
            name_toks = title[-trailing:]      # "Chairman of the ... Council of Hanoi Nguyen Ngoc Tuan"
            title = title[:-trailing]
            while title and (title[-1].low in _COMPLEMENT_JOINERS or title[-1].low == "the"):
                title = title[:-1]
            k = j
        title = _cut_country(title, tail)
        if not (seen_head or counterpart or described or rank or honorific):
            return None, max(j, i + 1)
        if not name_toks or len(name_toks) > MAX_NAME_TOKENS or _names_no_person(self.toks, k):
            return None, max(k, j, i + 1)
        while title and title[0].low in _DROP_FROM_TITLE:
            title = title[1:]
        title_text = _join(title) if title and seen_head else None
        if counterpart:
            title_text = None
        m = RawMention(
            start=name_toks[0].start, end=name_toks[-1].end, name=_name_text(name_toks), title=title_text,
            rank=rank, honorific=honorific, country=countries[0] if countries else None,
            country_source="title" if countries else None, not_country=not_country, counterpart=counterpart,
            anchor="title" if seen_head or counterpart or described else ("rank" if rank else "honorific"),
            title_start=self.toks[i].start, line=self.line_no,
        )
        if counterpart and countries:
            m.country_source = "counterpart"
        k = self.country_after(m, k)
        end = self.appositive(m, k)
        return m, max(end, i + 1)

    def country_after(self, m: RawMention, k: int) -> int:
        """'President Jane Roe of Ruritania': the state named right after the name."""
        c = self._of_state(k)
        if c is None:
            return k
        if m.country is None:
            m.country, m.country_source = self.tags[c].value, "of"
        return self.tags[c].j

    def _of_state(self, k: int) -> int | None:
        """The index of STATE when "of (the) STATE" starts at k (and no office follows it), else None."""
        if k >= self.n or self.toks[k].low != "of":
            return None
        c = k + 1
        if c < self.n and self.toks[c].low == "the":
            c += 1
        if c >= self.n or self.cat(c) != COUNTRY or (self.tags[c].j < self.n and self.cat(self.tags[c].j) in TITLE_PARTS):
            return None
        return c

    def appositive(self, m: RawMention, k: int) -> int:
        """'NAME, Ambassador to Vietnam' / 'NAME - Minister of Defence of Azerbaijan -': a title after the name."""
        while k < self.n and self.toks[k].text in _DASHES:
            start = k + 2 if k + 1 < self.n and self.toks[k + 1].low == "and" else k + 1
            if not self._starts_title(start):
                break
            while self.toks[start].low == "the":      # "NAME, the Prime Minister of Mozambique"
                start += 1
            j, title, countries, not_country, seen_head, counterpart, trailing, tail, _ = self.parse_title(start)
            if not seen_head or counterpart or trailing:
                return k
            if self._titles_then_name(j):
                return k             # the next person's title, not an apposition
            title = _cut_country(title, tail)
            while title and title[0].low in _DROP_FROM_TITLE:
                title = title[1:]
            text = _join(title) if title else None
            if text:
                if m.title is None:
                    m.title = text
                else:
                    m.extra_titles.append(text)
            if countries and m.country is None:
                m.country, m.country_source = countries[0], "appositive"
            if not_country and m.not_country is None:
                m.not_country = not_country
            k = j
        return k

    def _titles_then_name(self, j: int) -> bool:
        """From token j, a name (or its rank) follows, perhaps after more offices held together ("…
        of the European Commission (EC), High Representative of the EU for … Jane Roe"): the titles
        were the next person's."""
        for _ in range(MAX_CHAINED_TITLES):
            while j < self.n and self.toks[j].text == "(":          # "(EC)"
                close = next((x for x in range(j, min(self.n, j + 8)) if self.toks[x].text == ")"), None)
                if close is None:
                    return False
                j = close + 1
                if j < self.n and self.cat(j) == JOINER and self.toks[j].low != "and":
                    return self._complement_then_name(j)    # "(EU) for Foreign Affairs … Jane Roe"
            if j < self.n and (self.cat(j) in (RANK, HON) or is_name_token(self.toks[j], self.tags[j])):
                return True
            if j >= self.n or self.toks[j].text not in (",", "and") or not self._starts_title(j + 1):
                return False
            phrase = self.parse_title(j + 1)
            if phrase.trailing:
                return True          # "… for Foreign Affairs and Security Policy Jane Roe": her name closes it
            j = phrase.end
        return False

    def _complement_then_name(self, j: int) -> bool:
        """An office's complement resumed after a parenthesis ("for Foreign Affairs and Security Policy
        Jane Roe pays …"): the capitalised run that follows ends in two or more words no lexicon
        knows — a name."""
        unknown = 0
        while j < self.n and (self.toks[j].cap or self.cat(j) == JOINER):
            unknown = unknown + 1 if self.tags[j] is None and self.toks[j].cap else 0
            j += 1
        return unknown >= 2

    def parse_named(self, i: int) -> tuple[RawMention | None, int]:
        """'Jane Roe, Director General for Strategy at the French Ministry…': a bare name of two or
        more words whose office follows it after a comma or a dash (no title before the name)."""
        k = i
        while k < self.n and is_name_token(self.toks[k], self.tags[k]) and k - i <= MAX_NAME_TOKENS:
            k += 1
        toks = self.toks[i:k]
        while toks and toks[0].low in STOP_WORDS:          # "Meanwhile Jane Roe, …"
            toks = toks[1:]
        if (len(toks) < 2 or len(toks) > MAX_NAME_TOKENS or self.tags[i] is not None or k >= self.n
                or self.toks[k].text not in _DASHES or not self._starts_title(k + 1)):
            return None, max(k, i + 1)
        if all(t.text.isupper() for t in toks) or is_city(" ".join(t.text for t in toks)):
            return None, max(k, i + 1)                      # a dateline: "HANOI — Minister of …"
        m = RawMention(start=toks[0].start, end=toks[-1].end, name=_name_text(toks), anchor="appositive",
                       line=self.line_no)
        end = self.appositive(m, k)
        if m.title is None:
            return None, max(k, i + 1)
        return m, end

    def mentions(self) -> list[RawMention]:
        out, i = [], 0
        while i < self.n and len(out) < MAX_MENTIONS_PER_LINE:
            if self._starts_run(i):
                m, i = self.parse_run(i)
            elif (self.toks[i].cap and (i == 0 or not is_name_token(self.toks[i - 1], self.tags[i - 1]))
                  and is_name_token(self.toks[i], self.tags[i])):
                m, i = self.parse_named(i)
            else:
                m, i = None, i + 1
            if m is not None:
                out.append(m)
        return out + self.coordinated(out) + self.listed_with_states(out)

    def listed_with_states(self, found: list[RawMention]) -> list[RawMention]:
        """"counterparts A of Malaysia, B of Brunei, and C of the Philippines": names listed after a
        person placed by "of STATE", each placed the same way, are people of those states."""
        starts = {t.start: k for k, t in enumerate(self.toks)}
        taken = {(m.start, m.end) for m in found}
        out: list[RawMention] = []
        for m in found:
            if m.country_source != "of":
                continue
            k = next((j + 1 for j in range(starts.get(m.start, self.n), self.n) if self.toks[j].end == m.end), None)
            while k is not None and len(out) < MAX_MENTIONS_PER_LINE:
                state = self._of_state(k)
                if state is None:
                    break
                k = self.tags[state].j                         # past "of (the) STATE"
                if k < self.n and self.toks[k].text == ",":
                    k += 1
                if k < self.n and self.toks[k].low == "and":
                    k += 1
                j = k
                while j < self.n and j - k < MAX_NAME_TOKENS and self.toks[j].cap \
                        and is_name_token(self.toks[j], self.tags[j]):
                    j += 1
                words = self.toks[k:j]
                theirs = self._of_state(j)
                if len(words) < 2 or theirs is None or any(t.low in STOP_WORDS for t in words):
                    break
                name = _name_text(words)
                if (words[0].start, words[-1].end) not in taken and not is_city(name):
                    out.append(RawMention(start=words[0].start, end=words[-1].end, name=name, anchor="coordinated",
                                          country=self.tags[theirs].value, country_source="of", line=self.line_no,
                                          counterpart=m.counterpart))
                k = j
        return out

    def coordinated(self, found: list[RawMention]) -> list[RawMention]:
        """"Yoon Suk Yeol and Japanese Prime Minister Shigeru Ishiba held talks": a name of two to
        four words never given a title, coordinated with a titled official, is a person too (the
        statistical NER is off by default; this is the shape it still found)."""
        starts = {t.start: k for k, t in enumerate(self.toks)}
        taken = {(m.start, m.end) for m in found}
        out = []
        for m in found:
            k = starts.get(m.title_start if m.title_start is not None else m.start)
            if k is None or k < 3 or self.toks[k - 1].low != "and" or m.anchor not in ("title", "rank"):
                continue
            j = k - 1
            while j > 0 and k - 1 - j < MAX_NAME_TOKENS and is_name_token(self.toks[j - 1], self.tags[j - 1]) \
                    and self.toks[j - 1].cap:
                j -= 1
            words = self.toks[j:k - 1]
            if not 2 <= len(words) <= 4 or (j > 0 and self.toks[j - 1].cap) or any(t.low in STOP_WORDS for t in words):
                continue
            name = _name_text(words)
            if is_city(name) or (words[0].start, words[-1].end) in taken:
                continue
            out.append(RawMention(start=words[0].start, end=words[-1].end, name=name, anchor="coordinated",
                                  line=self.line_no))
        return out


def _cut_country(title: list[Tok], tail: int | None) -> list[Tok]:
    if tail is None or tail >= len(title):
        return title
    title = title[:tail]
    while title and (title[-1].low in _COMPLEMENT_JOINERS or title[-1].low == "the"):
        title = title[:-1]
    return title


def line_mentions(text: str, offset: int = 0, line_no: int = 0,
                  tagged: tuple[list[Tok], list[Tag | None]] | None = None) -> list[RawMention]:
    """All title-, rank- or honorific-anchored mentions on one line (offsets relative to the body)."""
    return LineParser(text, offset, line_no, tagged).mentions()


def name_with_appositive(text: str, start: int, end: int, offset: int, line_no: int) -> RawMention | None:
    """Build a mention for a bare name found elsewhere (NER) at [start, end) of the line, reading an
    appositive title after it. Returns None when the span does not look like a personal name."""
    p = LineParser(text, offset, line_no)
    idx = [k for k, t in enumerate(p.toks) if t.start >= start + offset and t.end <= end + offset]
    if not idx or len(idx) > MAX_NAME_TOKENS:
        return None
    toks = [p.toks[k] for k in idx]
    if not all(is_name_token(p.toks[k], p.tags[k]) or p.toks[k].text == "-" for k in idx):
        return None
    if not toks[0].cap:
        return None
    m = RawMention(start=toks[0].start, end=toks[-1].end, name=_name_text(toks), anchor="ner", line=line_no)
    p.appositive(m, idx[-1] + 1)
    return m
