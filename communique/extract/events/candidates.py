"""Step 1: every sentence with a trigger phrase gives one candidate per kind, with the people,
countries, date and place written in that sentence."""
from __future__ import annotations

import regex

from communique.extract import anniversary, rounds
from communique.extract.context import ArticleContext, Sentence, unique
from communique.extract.countries import is_demonym, listed_states
from communique.extract.dates import DateMention, parse_ref
from communique.extract.event import Event, Rule
from communique.extract.events.merging import principals
from communique.extract.events.when import (
    AHEAD_OF,
    DEPARTURE,
    FIRST_SINCE,
    LEAD_UP_TO,
    OPENING_ADJUNCT,
    OTHER_ENGAGEMENT,
    PURPOSE,
    SINCE,
    THIS_WEEK,
    nearest_date,
    written_after,
)
from communique.extract.speakers import speaker
from communique.extract.triggers import any_trigger, domestic, excluded, rules
from communique.kinds import FACE_TO_FACE
from communique.model import Evidence

_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
_MECHANISM = regex.compile(
    r"\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r")\s+"
    r"(?P<name>(?:(?-i:\p{Lu})[\p{L}’'–-]*\s+){1,8}(?:Dialogue|Consultations?|Talks|Committee|Meeting|Session|Conference|Exchange))\b",
    regex.IGNORECASE)
_DESTINATION_BEFORE = regex.compile(r"\b(?:in|to)\s+$")
# "visit to Vietnam", "arrived on Monday in Hanoi", "tour of Japan"; not "visit of the Minister of India" (the visitor)
_DESTINATION_AFTER = regex.compile(r"^\s*(?:(?:(?:\w+\s+){0,4}?(?:to|in)|of)\s+(?:the\s+)?)?$", regex.IGNORECASE)
_HOST_SUBTYPES = {"reception"}          # "X received Y": X is the host
_ONE_DAY_KINDS = {"meeting", "call"}    # a visit or a gathering spans its range; talks fall on one day of it
_AGREED_RULES = {"agreed_together"}     # "A and B agreed to …": the meeting only when no other word names it
# "signed … as the two ministers met during the 2+2 meeting": a word that only implies a meeting
# yields to one that names it, wherever it stands in the sentence
_WEAK_RULES = {"signing", "discussion_verbs"}
_PRONOUN_SUBJECT = regex.compile(r"(?:^|[,;]\s*|\b(?:and|then|later|earlier)\s+)(?:he|she)\s+(?:\w+\s+){0,2}$", regex.IGNORECASE)


def _destination(ctx: ArticleContext, s: Sentence, a: int, b: int, lo: int, hi: int) -> str | None:
    """The country a visit goes to: 'visit to Vietnam', 'in Vietnam for a visit', a city there (in the
    trigger's stretch [lo, hi) of the sentence: another trip's city is not this one's)."""
    for code, span in s.countries:
        between = ctx.body[b:span.start]
        if (span.start >= b and _DESTINATION_AFTER.match(between) and span.start - b < 60
                and not ctx.body[span.end:span.end + 2].startswith(("’s", "'s"))
                # "the visit of the Vietnamese delegation": whose visit, not where to
                and not (is_demonym(span.text) and not regex.search(r"\b(?:to|in)\b", between))):
            return code
    for code, span in reversed(s.countries):
        if span.end <= a and a - span.end < 40 and _DESTINATION_BEFORE.search(ctx.body[span.start - 4:span.start]):
            return code
    places = sorted((p for p in s.places if lo <= p.start < hi), key=lambda p: abs(p.start - b))
    return places[0].country if places else None


_OF_THE = regex.compile(r"\s+(?:of|by)\s+(?:the|a)\s+$", regex.IGNORECASE)


def _visiting_state(ctx: ArticleContext, s: Sentence, b: int) -> str | None:
    """"the visit of the Vietnamese delegation", "a visit by a Chilean delegation": the state whose
    people travel, when the sentence names none of them."""
    for code, span in s.countries:
        if span.start >= b and span.start - b < 12 and is_demonym(span.text) and _OF_THE.fullmatch(ctx.body[b:span.start]):
            return code
    return None


def _visitors(ctx: ArticleContext, s: Sentence, local: list[tuple[int, int, int]], a: int,
              dest: str | None) -> list[int]:
    # no one visits their own state: "Giang said … the Russian President's visit to Vietnam"
    people = [(k, st) for k, st, _ in local if not dest or ctx.people[k].country != dest]
    if dest:
        guests = [k for k, _ in people if ctx.people[k].country and ctx.people[k].country != dest]
        if guests:
            return unique(guests)[:2]
    before = [k for k, st in people if st < a]
    if before:
        return [before[-1]]
    after = [k for k, st in people if st >= a]
    return after[:1]


def _sides(ctx: ArticleContext, s: Sentence, kind: str, people: list[tuple[int, int, int]]) -> tuple[list[str], bool]:
    """Countries of the sides: the people's (those of the sentence this engagement has), then the
    countries named, then the article's pair."""
    from_people = unique(ctx.people[k].country for k, _, _ in people)
    # "… on the sidelines of the ASEAN meeting in Singapore": the venue's state is no side
    sidelines = _SIDELINES.search(s.text) is not None
    venue = {code for code, span in s.countries
             if sidelines and _IN_BEFORE.search(ctx.body, max(0, span.start - 8), span.start)}
    named = unique(code for code, _ in s.countries if code not in venue)
    sides = list(from_people)
    if kind == "multilateral":
        return unique(sides + named), False
    for code in sorted(named, key=lambda c: ctx.ranked.index(c) if c in ctx.ranked else 99):
        if len(sides) >= 2:
            break
        if code not in sides:
            sides.append(code)
    from_context = False
    if len(sides) == 1 and sides[0] in ctx.pair and len(ctx.pair) == 2:
        other = next(c for c in ctx.pair if c != sides[0])
        if other not in venue:
            sides.append(other)
            from_context = True
    return sides, from_context


_SIDELINES = regex.compile(r"\bsidelines?\b", regex.IGNORECASE)
_IN_BEFORE = regex.compile(r"\bin\s+(?:the\s+)?$", regex.IGNORECASE)
_BETWEEN = regex.compile(r"\s*(?:\(\p{Lu}+\)\s*)?between\s+(?:the\s+)?$", regex.IGNORECASE)
_IN_PLACE = regex.compile(r"^(?:\s+\S+){0,3}?\s+(?:in|at)\s+(?:the\s+)?$", regex.IGNORECASE)
_BETWEEN_TWO = regex.compile(r"\bbetween\s+(?:the\s+)?(?:two|both)\s+(?:sides|countries|nations|states|governments"
                          r"|delegations|parties)\b|\bbetween\s+(?:the\s+)?(?:two\s+)?delegations\s+(?:of|from)\s+"
                          r"(?:the\s+)?(?:two|both)\b", regex.IGNORECASE)
_AND = regex.compile(r"\s*(?:and|&)\s+(?:the\s+)?$", regex.IGNORECASE)


def _between_pair(ctx: ArticleContext, s: Sentence, b: int) -> list[str] | None:
    """"the 10th Session of the Bi-National Commission (BNC) between Nigeria and South Africa": the two
    states named right after the trigger are its sides, whoever else the sentence names."""
    named = [(code, span) for code, span in s.countries if span.start >= b]
    if len(named) < 2:
        return None
    (a, sa), (c, sc) = named[0], named[1]
    if a == c or not _BETWEEN.fullmatch(ctx.body[b:sa.start]) or not _AND.fullmatch(ctx.body[sa.end:sc.start]):
        return None
    return [a, c]


def _year_before(date: DateMention, published: str | None) -> bool:
    """A date written with a year before the publication year (so written, not resolved)."""
    y = parse_ref(published)[0]
    return bool(y and date.source == "text" and date.value and date.value[:4].isdigit() and int(date.value[:4]) < y)


def _month_before(date: DateMention, published: str | None) -> bool:
    """A date whose month (or year) is over before the publication's month: told as past."""
    if not (published and date.value and date.value[:4].isdigit()):
        return False
    return date.value[:7] < published[:len(date.value[:7])]


def _mechanism(text: str) -> tuple[str | None, int | None]:
    m = _MECHANISM.search(text)
    if not m:
        return None, None
    o = m.group("ord").lower()
    n = int(regex.match(r"\d+", o).group()) if o[0].isdigit() else _ORDINALS[o]
    return m.group("name").strip(), n


# No sentence of news names more engagements than this; a "sentence" with more (a list dump, a
# hostile input) is read for its first ones only, so its cost stays bounded (issue 13).
MAX_TRIGGERS_PER_SENTENCE = 24
# Every trigger names its engagement with a word of three letters or more ("met", "visit", "talks"):
# a "sentence" with no such word (a run of initials, numbers or symbols) is not scanned at all,
# which the trigger alternation would do at a microsecond per character.
_HAS_WORD = regex.compile(r"\p{L}{3}")
# "A file photograph from Feb. 15 shows President X having a telephone conversation": a caption of
# an old picture reports nothing
_PHOTO = regex.compile(r"\bfile\s+(?:photo|photograph|picture|image)s?\b|\b(?:photo(?:graph)?|picture|image)\s+"
                       r"(?:from\s+[^.;]{1,30}?\s+|taken\s+[^.;]{1,40}?\s+)?shows\b", regex.IGNORECASE)


def candidates(ctx: ArticleContext) -> tuple[list[Event], set[str]]:
    """The candidates, and the kinds the article names only as planned, postponed or cancelled (their
    back-references, "the visit", then report nothing)."""
    all_rules, not_engagement, cues = rules()
    triggered = any_trigger()
    out: list[Event] = []
    not_held: set[str] = set()
    for s in ctx.sentences:
        if not _HAS_WORD.search(s.text) or not triggered.search(s.text) or _PHOTO.search(s.text):
            continue
        sides = {ctx.people[k].country for k, _, _ in s.people if ctx.people[k].country}
        named = {code for code, _ in s.countries}
        hits: list[tuple[Rule, regex.Match]] = []
        taken = bytearray(len(s.text))     # characters a kept trigger covers: one look-up per match
        for rule in all_rules:
            if rule.two_sides and len(sides) < 2 and len(named) < 2:
                continue
            if len(hits) >= MAX_TRIGGERS_PER_SENTENCE:
                break
            for m in rule.pattern.finditer(s.text):
                if len(hits) >= MAX_TRIGGERS_PER_SENTENCE:
                    break
                if taken.find(1, m.start(), m.end()) != -1 or (rule.kind == "meeting" and domestic(s.text, m.end())) \
                        or (rule.at_start and s.text[:m.start()].strip()):
                    continue
                if not excluded(s.text, m.start(), m.end(), not_engagement):
                    hits.append((rule, m))
                    taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                elif not rule.anaphoric:
                    not_held.add(rule.kind)
        hits.sort(key=lambda h: h[1].start())
        kinds = {r.kind for r, _ in hits}
        adjuncts = list(OTHER_ENGAGEMENT.finditer(s.text)) if hits else []     # once per sentence
        for kind in dict.fromkeys(r.kind for r, _ in hits):    # in text order: sets iterate by hash seed
            mine = [(r, m) for r, m in hits if r.kind == kind]
            if kind != "visit":
                # one meeting (call, gathering) per sentence, and one an anniversary recalls; visits can
                # be several trips; "agreed" names the meeting only when no other word does
                mine = sorted(mine, key=lambda rm: (rm[0].id in _AGREED_RULES, rm[0].id in _WEAK_RULES))
                mine = sorted(mine[:1] + [rm for rm in mine[1:2] if _anniversary_words(s, rm[1])
                                          or (not rm[0].anaphoric and _in_time_adjunct(s, rm[1], adjuncts))],
                              key=lambda rm: rm[1].start())
            built: list[Event] = []
            for n, (rule, m) in enumerate(mine):
                lo = s.span.start + (mine[n - 1][1].end() if n else 0)
                hi = s.span.start + (mine[n + 1][1].start() if n + 1 < len(mine) else len(s.text))
                built.extend(_build(ctx, s, rule, m, cues, kinds, lo if len(mine) > 1 else s.span.start,
                                    hi if len(mine) > 1 else s.span.end, adjuncts))
            if kind == "visit":
                _same_traveller(built)
            out.extend(built)
    return out, not_held


VISIT_DATE_REACH = 30    # a day written this close after a visit's trigger is the visit's own


def _anniversary_words(s: Sentence, m: regex.Match) -> tuple[int, regex.Match, str] | None:
    """(years, match, the text before the trigger) when "the Nth anniversary of (the historic) …"
    governs the trigger at m."""
    pre = s.text[max(0, m.start() - 160):m.start()]
    found = anniversary.governing(pre)    # not "… anniversary of diplomatic ties, the ministers held talks"
    return (found[0], found[1], pre) if found else None


def _anniversary_of(ctx: ArticleContext, s: Sentence, m: regex.Match) -> tuple[bool, DateMention | None]:
    """"the 55th anniversary of the historic meeting between …": the engagement the anniversary counts
    is recalled, and its year lies that many years before the anniversary's (anniversary.py), when
    the text or the publication day places the anniversary; (False, None) when no anniversary governs
    the trigger."""
    found = _anniversary_words(s, m)
    if found is None:
        return False, None
    n, ann, pre = found
    a, b = s.span.start + m.start(), s.span.start + m.end()
    lo = a - len(pre) + ann.start()
    year = anniversary.reference_year(s.dates, lo, a, b, s.span.end, pre, s.text[m.end():], ctx.published)
    if year is None:
        return True, None
    return True, DateMention(lo, b, ctx.body[lo:b], f"{year - n:04d}", "year", "anniversary")


def _build(ctx: ArticleContext, s: Sentence, rule: Rule, m: regex.Match, cues, kinds: set[str],
           lo: int, hi: int, adjuncts: list[regex.Match]) -> list[Event]:
    """The candidate(s) one trigger gives; [lo, hi) is the stretch of the sentence that belongs to it;
    `adjuncts`, the sentence's time adjuncts naming an engagement (OTHER_ENGAGEMENT)."""
    a, b = s.span.start + m.start(), s.span.start + m.end()
    kind, subtype = rule.kind, rule.subtype
    if rule.id == "spoke_with" and not s.places and not _SIDELINES.search(s.text):
        # "Also spoke to Prime Minister Abe of Japan": nowhere named, a call as news tells it
        kind, subtype = "call", "phone call"
    # "X's trip is the first since 2018, when Y met Z": what the since-clause says is of the earlier one
    # ("the first state visit between the two countries since …": the trigger inside it too)
    first_since = FIRST_SINCE.search(s.text, max(0, m.start() - 25))
    if first_since and first_since.start() < m.start() and first_since.end() < m.end():
        first_since = None
    cue_end = min(hi, s.span.start + max(first_since.start(), m.end())) if first_since else hi
    # "he had come to Moscow to make the previous agreements more concrete": a purpose clause after
    # the trigger speaks of other things
    purpose = PURPOSE.search(s.text, m.end(), s.local(cue_end))
    if purpose:
        cue_end = s.span.start + purpose.start()
    # "… since his delegation arrived in Abidjan on Wednesday": a since-clause of this week is the news
    since = bool(SINCE.search(s.text[:m.start()])) and not THIS_WEEK.match(s.text, m.end())
    # "X had earlier held discussions … ahead of the state visit": the cue is the discussions', the
    # visit comes after them
    ahead = bool(AHEAD_OF.search(s.text, max(0, m.start() - 40), m.start()))
    # the discussions themselves, "had earlier held … ahead of the state visit": the run-up to the
    # article's engagement, told as earlier than it, is the same news
    lead_up = LEAD_UP_TO.search(s.text, m.end(), s.local(hi)) is not None
    cue = (bool(cues.search(ctx.body[lo:cue_end])) and not ahead and not lead_up) or since
    evidence = [Evidence(s.span.start, s.span.end, s.text, rule=f"events:{rule.id}")]
    own_adjunct = next((x for x in adjuncts if x.start() <= m.start() < x.end()), None)
    opening = rule.anaphoric and _OPENING_BACK_REFERENCE.match(s.text) is not None and m.start() < 20
    if opening:
        # "At the meeting, X thanked Y for attending the National Day on September 2": the meeting the
        # article told of, the dates of what is said in it are not its own
        date = None
    elif own_adjunct is not None and own_adjunct.start() == 0:
        # "Following the recent visit of X to Beijing, Y held talks … between March 6-10": the main
        # clause's dates are not those of the adjunct that opens the sentence
        date = nearest_date(s, s.span.start + own_adjunct.start(), s.span.start + own_adjunct.end(), a, kind)
    else:
        # "A and B agreed to hold talks on Dec. 15": what follows "agreed to" is the agreement, its dates
        # planned; a later time adjunct's dates are its engagement's
        later = [(s.span.start + x.start(), s.span.start + x.end()) for x in adjuncts if x.start() >= m.end()]
        opening_adjunct = OPENING_ADJUNCT.match(s.text)
        if opening_adjunct and opening_adjunct.end() <= m.start():
            later.append((s.span.start, s.span.start + opening_adjunct.end()))
        date = nearest_date(s, lo, b if rule.id in _AGREED_RULES else hi, a, kind, later, b)
        if date is None and opening_adjunct and opening_adjunct.end() <= m.start():
            # "After his inauguration on May 9th, X received a call": after that day, so that month at least
            before = nearest_date(s, s.span.start, s.span.start + opening_adjunct.end(), a, kind)
            if before is not None and before.precision == "day" and before.value and not before.is_range:
                date = DateMention(before.start, before.end, before.text, before.value[:-3], "month", before.source)
    if date is not None and date.is_range and date.precision == "day" and kind in _ONE_DAY_KINDS:
        # "talks held on August 8-10": one of those days, the text does not say which; its month
        date = DateMention(date.start, date.end, date.text, date.value[:-3], "month", date.source)
    recalled, counted = _anniversary_of(ctx, s, m)
    if recalled:
        # "the 55th anniversary of the historic meeting … in Hanoi in 1969": a year written after the
        # trigger is the engagement's own; else the year counted back
        own = date is not None and date.start >= b and date.source == "text"
        cue, date = True, date if own else counted
    if rule.id in _AGREED_RULES:      # "agreed to hold a summit in Nagato": the planned one's place
        places = [p for p in s.places if lo <= p.start < b]
    else:
        # two trips in one sentence: each has the places of its own stretch only
        places = [p for p in s.places if lo <= p.start < hi] or (
            [] if kind == "visit" and (lo, hi) != (s.span.start, s.span.end) else s.places)
    # "representatives from Riyadh and Tehran held negotiations in Beijing": the place the trigger's own
    # "in"/"at" phrase names, before any city named for who took part
    own_place = [p for p in places if 0 <= p.start - b <= 40 and _IN_PLACE.search(ctx.body[b:p.start])]
    place = own_place[0] if own_place else min(places, key=lambda p: abs(p.start - a)) if places else None
    shared = (lo, hi) != (s.span.start, s.span.end) and kind != "visit"   # a meeting beside a recalled one
    other = [(s.span.start + x.start(), s.span.start + x.end()) for x in adjuncts if x.start() >= m.end()]
    # "The purpose of the call was … following the July 28 resumption of the dialogue": named after
    # something else the sentence reports, as what came before it
    adjunct = any(0 < x.start() <= m.start() < x.end() for x in adjuncts)
    # a visit's possessor is its visitor, no one else's ("the visit of the delegation this time was to
    # realise what was agreed during President X's state visit to Y": X made the second, not the first);
    # "Vinh conveyed the regards of Defence Minister X to the host": X sent greetings, X was not there
    sentence_people = [t for t in s.people
                       if (_possessed_here(ctx, t, a, b) if kind == "visit" else not _visit_possessor(ctx, t))
                       and not any(x <= t[1] < y for x, y in other)
                       and not _ABSENT.search(ctx.body, max(0, t[1] - 80), t[1])]
    # "… emphasising that President Ho Chi Minh and Heydar Aliev laid the foundation", "While meeting
    # X, Y said that the invitation was made in his meeting with Z": who is named in what is said after
    # the trigger did not take part in it
    said = _SAID_THAT.search(s.text, m.end())
    if said:
        sentence_people = [t for t in sentence_people if t[1] - s.span.start < said.start()]
    local_people = [t for t in sentence_people if lo <= t[1] < hi]
    if not local_people and not shared:
        local_people = sentence_people
    inside = [t for t in sentence_people if own_adjunct.start() <= t[1] - s.span.start < own_adjunct.end()] \
        if own_adjunct is not None else []
    if inside:
        # "Moon's call with Trump follows on the heels of his meeting with Kim", "X said after talks with
        # Y": the people the adjunct names, and the sentence's subject (of a meeting, not of a trip:
        # "Following the visit of X to Beijing, Y held talks"); not the main clause's others
        lead = [t for t in sentence_people[:1] if t not in inside] if kind != "visit" else []
        local_people = sentence_people = lead + inside
    # "X had held discussions with Y ahead of the state visit": the trip the article reports, told
    # by someone else's engagement — a reference to it, not the main clause's people's trip
    refers_back = own_adjunct is not None and kind == "visit" and not inside \
        and not own_adjunct.group().lower().startswith("anniversary") \
        and _THE_BEFORE.search(s.text, max(0, m.start() - 30), m.start()) is not None
    if refers_back:
        local_people = sentence_people = []
    two_sided = len({ctx.people[k].country for k, _, _ in local_people if ctx.people[k].country}) >= 2
    # "talks between the two delegations took place in Beijing": the article's pair, said in words
    pair_words = not rule.anaphoric and len(ctx.pair) == 2 and bool(_BETWEEN_TWO.search(ctx.body, a, min(hi, a + 60)))
    bare = (rule.anaphoric and not two_sided) or (not s.people and not s.countries and not pair_words) or refers_back
    if kind == "visit":
        dest = _destination(ctx, s, a, b, lo, hi)
        if dest is None and _THE_JUST_BEFORE.search(s.text, max(0, m.start() - 8), m.start()) \
                and not any(b <= sp.start < hi for _, sp in s.countries) and not any(b <= p.start < hi for p in s.places):
            bare = True     # "the spokesman confirmed the visit to AFP": a reference back, to no place
        # "Mogherini's current visit": the possessor the trigger opens with is the visitor
        owner = [t[0] for t in s.people if a < t[2] < b and _visit_possessor(ctx, t)]
        visitors = owner[:1] or _visitors(ctx, s, local_people, a, dest)
        if not visitors and _MY.search(s.text, max(0, m.start() - 25), m.start()):
            visitors = speaker(ctx, a)     # "During my visit to Abidjan in December, …," Ramaphosa said
            bare = bare and not (visitors and dest and ctx.people[visitors[0]].country not in (None, dest))
        guest = ctx.people[visitors[0]].country if visitors else _visiting_state(ctx, s, b)
        if dest is None and guest and len(ctx.pair) == 2 and guest in ctx.pair:
            dest = next(c for c in ctx.pair if c != guest)
        if guest is None and dest and len(ctx.pair) == 2 and dest in ctx.pair:
            guest = next(c for c in ctx.pair if c != dest)
        countries = sorted({c for c in (dest, guest) if c})
        if bare and rule.anaphoric and visitors and dest and guest != dest and own_adjunct is not None:
            bare = False     # "following the recent visit of the Iranian President X to Beijing": who and where
        if own_adjunct is not None and own_adjunct.start() == 0 and any_trigger().search(s.text, own_adjunct.end()):
            cue = True       # "Following X's visit to Beijing, Y held negotiations …": the trip came first
        # "arrived in Budapest on Monday for talks", "a State Visit to the Federal Republic of Nigeria on
        # 30 November": the day right after the trigger or its destination
        dest_end = max((sp.end for code, sp in s.countries if code == dest and b <= sp.start < b + 60), default=b)
        own_day = date is not None and (0 <= date.start - b <= VISIT_DATE_REACH
                                        or 0 <= date.start - dest_end <= VISIT_DATE_REACH // 2)
        if date and date.precision == "day" and not date.is_range and kinds & FACE_TO_FACE and not own_day:
            date = DateMention(date.start, date.end, date.text, date.value[:-3], "month", date.source)
            date_from = "month of the meeting in the same sentence"
        elif date and date.precision == "day" and not date.is_range and DEPARTURE.search(s.text):
            date = DateMention(date.start, date.end, date.text, date.value[:-3], "month", date.source)
            date_from = "month of the day it ended"
        else:
            date_from = None
        # "… especially following General Secretary X's trip": someone's trip named after the news, as
        # before it (not "after the visit to Vietnam, he will go to Laos")
        ev = Event(kind, subtype, countries, visitors, date, place, host=dest, guest=guest,
                   cue=cue or (adjunct and bool(owner)),
                   adjunct=adjunct, anaphoric=bare, evidence=evidence, sentences=[s.index], date_from=date_from)
        return [ev] + _the_one_before(ctx, s, ev, first_since)
    sides, from_context = _sides(ctx, s, kind, sentence_people)
    pair = _between_pair(ctx, s, b) if kind != "multilateral" else None
    if pair:
        sides, from_context = pair, False
    elif pair_words and len(sides) < 2:
        sides, from_context = list(ctx.pair), True
    # "The pair later met during the September 2022 SCO summit": the article's two principals, named
    # by the words alone, at the meeting and at the gathering it was held at
    the_pair = not s.people and not rule.anaphoric and len(ctx.pair) == 2 and kind in ("meeting", "call", "multilateral") \
        and _THE_PAIR.match(s.text[:m.start()]) is not None
    if the_pair:
        sides, from_context = list(ctx.pair), True
    members = _MEMBER_STATES.match(s.text, m.end()) if kind == "meeting" and not rule.anaphoric else None
    if members is not None:
        # "Tokayev met with the leaders of SCO member states": a gathering of many, not two states' talks
        own = unique(ctx.people[k].country for k, _, _ in local_people if ctx.people[k].country)
        return [Event("multilateral", "gathering", own[:1], [k for k, _, _ in local_people][:1], date, place,
                      mechanism=members.group("org"), cue=cue, evidence=evidence, sentences=[s.index])] if own else []
    subject: list[int] = []
    if kind in FACE_TO_FACE and not rule.anaphoric:
        subject = _pronoun_actor(ctx, s, m, a, local_people)
        listed, list_end = rounds.listed_counterparts(ctx, s)
        if listed:
            other, with_people = rounds.listed_partner(ctx, s, listed, a, list_end, subject)
            return [Event(kind, subtype, sorted([other, code]), list(with_people), date, place, cue=cue,
                          context_countries=not with_people, evidence=list(evidence), sentences=[s.index])
                    for code in listed] if other else []
        groups = rounds.object_rounds(ctx, local_people, a, subject)
        if groups:
            return [Event(kind, subtype, sorted({ctx.people[k].country for k in one}), one, date, place,
                          cue=cue, evidence=list(evidence), sentences=[s.index]) for one in groups]
    if bare and date is not None and kind != "multilateral" and (
            (not rule.anaphoric and (cue or _year_before(date, ctx.published)))
            or (rule.anaphoric and written_after(s, b, date) and _month_before(date, ctx.published))):
        # "since the previous dialogue in July 2023", "the pair met during the September 2022 summit",
        # "During the summit in March, we agreed …" (told in May): a dated, recalled engagement of the
        # article's pair
        bare = False
        if len(sides) < 2 and len(ctx.pair) == 2:
            sides, from_context = list(ctx.pair), True
    people = unique(k for k, _, _ in (local_people if shared else sentence_people))
    if the_pair:
        people = principals(ctx, list(ctx.pair))
    if kind != "multilateral" and not bare:
        found = _pronoun_subject(ctx, s, m, a, people, sides)
        people += found
        if not found and subject and kind in FACE_TO_FACE:
            # "He also had meetings with A of Malaysia, … as well as B": the pronoun's person is a side
            people = subject + [k for k in people if k not in subject]
            own = ctx.people[subject[0]].country
            sides = [own] + [c for c in sides if c != own]
    if kind == "multilateral":
        name = m.group().strip()
        if not people or regex.search(r"\b(?:Party|National\s+Assembly|Congress)\b", name):
            return []
        return [Event(kind, subtype, sorted(sides), people, date, place, mechanism=name, cue=cue,
                      evidence=evidence, sentences=[s.index])]
    mechanism, ordinal = _mechanism(s.text)
    host = None
    if rule.subtype in _HOST_SUBTYPES:
        before = [k for k, st, _ in s.people if st < a]
        host = ctx.people[before[-1]].country if before else None
    if place and place.country in sides:
        host = host or place.country
    # A meeting sentence naming officials of three or more states is read as the meeting of its
    # leading pair (the subject's side and the first other side): the further pairs it used to
    # add ("A met B … with C's minister also present") were false on dev + world every time.
    g = sides[:2] if kind in ("meeting", "call") else sides
    # "Japan and Vietnam signed … on Saturday": dates the talks reported elsewhere, is not itself a report
    enrich_only = rule.two_sides and not two_sided
    if enrich_only and len(listed_states(ctx.body, s.countries)) >= 3:
        # "The Islamabad Declaration signed on January 13 by the Azerbaijani, Pakistani and Turkish
        # foreign ministers": a signing of three states is no report of, nor a date for, two's talks
        return []
    members = [k for k in people if ctx.people[k].country in g or ctx.people[k].country is None]
    return [Event(kind, subtype, sorted(g), one, None if bare else date, place, host=host,
                  guest=next((c for c in g if host and c != host), None), mechanism=mechanism,
                  ordinal=ordinal, cue=cue, adjunct=adjunct, anaphoric=bare, context_countries=from_context,
                  evidence=list(evidence), sentences=[s.index], enrich_only=enrich_only)
            for one in ([] if bare else rounds.principal_rounds(ctx, s, a, members, g, subject)) or [members]]


_POSSESSED_VISIT = regex.compile(r"[’']s\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b", regex.IGNORECASE)


_MY = regex.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
_MEMBER_STATES = regex.compile(
    r"\s+(?:with\s+)?(?:the\s+)?(?:other\s+)?(?:leaders|heads\s+of\s+(?:state|government)|ministers|counterparts"
    r"|delegations)\s+of\s+(?:the\s+)?(?:other\s+)?(?P<org>(?-i:\p{Lu})[\p{L}-]*(?:\s+(?-i:\p{Lu})[\p{L}-]*){0,3})"
    r"\s+(?:member\s+)?(?:states|countries|nations|members)\b", regex.IGNORECASE)
_OPENING_BACK_REFERENCE = regex.compile(r"\s*(?:At|During|In)\s+(?:the|their|these)\s+(?:meeting|talks)\s*,", regex.IGNORECASE)
_SAID_THAT = regex.compile(r"\b(?:emphasi[sz]\w*|stress\w*|said|says|not(?:ed|ing)|affirm\w*|highlight\w*|recall\w*"
                        r"|underlin\w*|stat(?:ed|ing))\s+that\b", regex.IGNORECASE)
# "conveyed the regards of Minister X", "paid homage at the grave of former President Y", "the monument to Z":
# named, not there
_ABSENT = regex.compile(r"\b(?:(?:regards|greetings|wishes|message|letter|congratulations|invitation|grave|tomb"
                     r"|mausoleum|monument|memorial|statue|bust|portrait)\s+(?:of|from)"
                     r"|(?:mausoleum|monument|memorial|statue|bust)\s+to)\s+"
                     r"(?:[\w.-]+\s+){0,8}$", regex.IGNORECASE)
_THE_PAIR = regex.compile(r"^\s*(?:The\s+pair|The\s+two\s+(?:leaders|presidents|prime\s+ministers|ministers|men|women)"
                        r"|Both\s+leaders)\b", regex.IGNORECASE)
_THE_JUST_BEFORE = regex.compile(r"\b(?:the|this)\s+$", regex.IGNORECASE)
_THE_BEFORE = regex.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)


def _in_time_adjunct(s: Sentence, m: regex.Match, adjuncts: list[regex.Match]) -> bool:
    """"… four days after the Chinese leader's conversation with Trump": a second engagement of the
    kind, named (with someone of its own) as what came before the first."""
    return any(x.start() < m.start() < x.end() and any(m.end() <= st - s.span.start < x.end() for _, st, _ in s.people)
               for x in adjuncts)


def _same_traveller(visits: list[Event]) -> None:
    """"The visit to Côte d'Ivoire follows a State Visit to Nigeria": a trip to another state, whose
    traveller the sentence does not name, was made by the one the sentence's other trip is known by."""
    known = [v for v in visits if v.guest and v.host]
    for v in visits:
        if v.guest is None and v.host and known and all(k.host != v.host for k in known):
            v.guest, v.people = known[0].guest, list(known[0].people)
            v.countries = sorted({v.host, v.guest})


def _the_one_before(ctx: ArticleContext, s: Sentence, ev: Event, first_since: regex.Match | None) -> list[Event]:
    """"Kishida's trip is the first since 2018, when then-Prime Minister Abe met …": the trip before this
    one was in that year, the same way round, made by the guest's official the clause names."""
    if first_since is None or len(ev.countries) != 2 or not ev.guest:
        return []
    start = s.span.start + first_since.end()
    dated = [d for d in s.dates if d.start >= start and d.can_date(names=False) and d.value and d.value[:4].isdigit()]
    if not dated or dated[0].start - start > 20:
        return []
    people = [k for k, st, _ in s.people if st >= start and ctx.people[k].country == ev.guest]
    return [Event(ev.kind, ev.subtype, list(ev.countries), people[:1], dated[0], None, host=ev.host, guest=ev.guest,
                  cue=True, evidence=list(ev.evidence), sentences=[s.index])]


def _possessed_here(ctx: ArticleContext, mention: tuple[int, int, int], a: int, b: int) -> bool:
    """Whether the visit the person is named as the possessor of is the trigger at [a, b)."""
    m = _POSSESSED_VISIT.match(ctx.body, mention[2], mention[2] + 60)
    return m is None or a < m.end() <= b


def _visit_possessor(ctx: ArticleContext, mention: tuple[int, int, int]) -> bool:
    """"… the leaders reached during President X's state visit": X is named for that visit, not as a
    participant of the talks the sentence reports."""
    _, _, end = mention
    return bool(_POSSESSED_VISIT.match(ctx.body, end, end + 60))


def _pronoun_actor(ctx: ArticleContext, s: Sentence, m: regex.Match, a: int,
                   local: list[tuple[int, int, int]]) -> list[int]:
    """"He also had meetings with A and B": a pronoun subject is the first person named in the nearest
    sentence before that names someone other than A and B and of no state A and B are stated to serve
    (the previous sentence's subject, as a reader takes it)."""
    if any(st < a for _, st, _ in local) or not _PRONOUN_SUBJECT.search(s.text[:m.start()]):
        return []
    objects = {k for k, _, _ in local}
    states = {ctx.people[k].country for k in objects if ctx.people[k].country_source != "home"}
    for prev in reversed(ctx.sentences[:s.index]):
        eligible = [k for k, _, _ in prev.people
                    if k not in objects and ctx.people[k].country and ctx.people[k].country not in states]
        if eligible:
            return eligible[:1]
    return []


def _pronoun_subject(ctx: ArticleContext, s: Sentence, m: regex.Match, a: int, people: list[int],
                     sides: list[str]) -> list[int]:
    """"Earlier today, he met with Prime Minister X": the pronoun is the other side's person named
    last before this sentence (one side's people are named, the other side is known)."""
    if any(st < a for _, st, _ in s.people) or not _PRONOUN_SUBJECT.search(s.text[:m.start()]):
        return []
    named = {ctx.people[k].country for k in people}
    other = [c for c in sides if c not in named]
    if len(other) != 1:
        return []
    last = [(max(x.start for x in p.mentions if x.start < s.span.start), k) for k, p in enumerate(ctx.people)
            if p.country == other[0] and any(x.start < s.span.start for x in p.mentions)]
    return [max(last)[1]] if last else []
