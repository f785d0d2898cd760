"""Several engagements in one sentence: the groups of people (or states) that each met the same
subject. Reports list them in one breath ("met his counterparts from Canada, Germany and Qatar",
"met the General Secretary, the President and the Speaker"); the guidelines count one engagement
each. These functions only pick the groups; events.py builds the events.
"""
from __future__ import annotations

import regex

from communique.extract.context import ArticleContext, Sentence, unique
from communique.model import Person

_COUNTERPARTS_FROM = regex.compile(
    r"\b(?:leaders?|counterparts?|heads?\s+of\s+(?:state|government)|presidents?|prime\s+ministers?|"
    r"ministers?|officials?|delegations?|envoys?|ambassadors?)\s+(?:from|of)\s+(?:the\s+)?$", regex.IGNORECASE)
_STATE_LIST_GLUE = regex.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")
LISTED_MIN = 3


def listed_counterparts(ctx: ArticleContext, s: Sentence) -> tuple[list[str], int]:
    """"leaders from Japan, China, Indonesia and Mexico called …", "met his counterparts from Canada,
    Germany and Qatar": the states of a list introduced as counterparts, none of them with a person
    named in the sentence (then each is one engagement with the other side), and where the list ends."""
    named = s.countries
    with_people = {ctx.people[k].country for k, _, _ in s.people}
    for i, (code, span) in enumerate(named):
        if not _COUNTERPARTS_FROM.search(ctx.body[max(s.span.start, span.start - 60):span.start]):
            continue
        run, end = [code], span.end
        for (_, prev), (nxt, cur) in zip(named[i:], named[i + 1:], strict=False):
            if not _STATE_LIST_GLUE.match(ctx.body[prev.end:cur.start]):
                break
            run.append(nxt)
            end = cur.end
        run = unique(run)
        if len(run) >= LISTED_MIN and not set(run) & with_people:
            return run, end
    return [], 0


# between two officials of one list: "A, Minister B", "A of Malaysia, B of Brunei, and C", "…, as well as D"
_OBJECT_GLUE = regex.compile(r"(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s*){1,4})?"
                             r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
                             r"(?:[\p{L}’'.-]+\s+){0,8}$")


def object_rounds(ctx: ArticleContext, local: list[tuple[int, int, int]], a: int,
                  subject: list[int] = ()) -> list[list[int]]:
    """"X also met her Malaysian counterpart A, Australian Defence Minister B and Vietnam's C": the
    subject's side (everyone named before the trigger serves one state) meets officials of two or more
    other states named after it, one meeting each."""
    before = unique(k for k, st, _ in local if st < a) or list(subject)   # "He also had meetings with …"
    after: list[int] = []
    last_end = None
    for k, st, end in local:        # one coordinated run after the trigger ("A, Minister B and C")
        if st < a or k in before:
            continue
        if last_end is not None and not _OBJECT_GLUE.match(ctx.body[last_end:st]):
            break
        after.append(k)
        last_end = end
    home = {ctx.people[k].country for k in before}
    if len(home) != 1 or None in home:
        return []
    others = [k for k in after if ctx.people[k].country and ctx.people[k].country not in home]
    if len({ctx.people[k].country for k in others}) < 2:
        return []
    return [before + [k] for k in others]


def listed_partner(ctx: ArticleContext, s: Sentence, listed: list[str], a: int,
                   list_end: int, subject: list[int] = ()) -> tuple[str | None, list[int]]:
    """The side every listed state met, and its people: the subject before the trigger ("X met his
    counterparts from …"), or, when the list is the subject ("leaders from … called"), the person after
    the trigger; else the article's leading state not named beside them ("In addition to X, leaders
    from … called the new president": X is another caller)."""
    # the list is the subject (people after the trigger), or "He met his counterparts from …"
    sides = ([k for k, st, _ in s.people if st >= a] if list_end <= a
             else [k for k, st, _ in s.people if st < a] or list(subject))
    people = unique(k for k in sides if ctx.people[k].country and ctx.people[k].country not in listed)
    beside = {ctx.people[k].country for k, _, _ in s.people}
    other = (ctx.people[people[0]].country if people
             else next((c for c in ctx.ranked if c not in listed and c not in beside), None))
    return other, [k for k in people if ctx.people[k].country == other]


_PRINCIPAL_HEADS = regex.compile(
    r"\b(?:President|Prime\s+Minister|Premier|Chancellor|General\s+Secretary|Secretary[- ]General|Chairman|"
    r"Chairwoman|Chairperson|Speaker|King|Queen|Emir|Sultan|Crown\s+Prince|Minister|Secretary)\b")
_NOT_PRINCIPAL = regex.compile(r"^(?:Deputy|Vice|Assistant|Under|Acting|Former|former|Permanent|Parliamentary)\b|Ambassador")


def is_principal(person: Person) -> bool:
    t = person.title or ""
    return bool(_PRINCIPAL_HEADS.search(t)) and not _NOT_PRINCIPAL.search(t)


def principal_rounds(ctx: ArticleContext, s: Sentence, a: int, members: list[int],
                      sides: list[str], subject: list[int] = ()) -> list[list[int]]:
    """"The visiting President met the General Secretary, the Prime Minister and the Speaker": one
    side's one person, the subject before the trigger, meets several principals of the other named
    after it, each a meeting of its own (the guidelines' one object per engagement). Empty when the
    sentence reads as one meeting (co-hosts named before the trigger, deputies, one principal)."""
    if len(sides) != 2:
        return []
    before = {k for k, st, _ in s.people if st < a} or set(subject)
    after = {k for k, st, _ in s.people if st >= a}
    by_side = {c: [k for k in members if ctx.people[k].country == c] for c in sides}
    for one, many in (sides, sides[::-1]):
        heads = [k for k in by_side[many] if is_principal(ctx.people[k]) and k in after and k not in before]
        titles = {ctx.people[k].title for k in heads}
        if (len(by_side[one]) == 1 and by_side[one][0] in before and len(heads) >= 2
                and len(titles) == len(heads)):
            # "held a strategic dialogue with Deputy Prime Minister A, paid courtesy calls to the Speaker
            # and the Prime Minister": whoever the trigger names first is met too, principal or not
            first = min(((st, k) for k, st, _ in s.people if st >= a and k in by_side[many]), default=None)
            lead = [first[1]] if first and first[1] not in heads and ctx.people[first[1]].title else []
            return [by_side[one] + [k] for k in lead + heads]
    return []
