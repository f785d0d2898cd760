"""Which side a person is on, read from the engagement they take part in.

A person no cue places gets the article's home state (people.home_country), a guess. A two-person
meeting or call says more: "President X held talks with Russian President Y", "the minister was
received by President Z". The two are counterparts, so when the guess puts the first on the state
the second is stated to serve, the guess is wrong and the other side of the engagement is right."""
from __future__ import annotations

from communique.extract.context import ArticleContext
from communique.extract.event import Event
from communique.kinds import FACE_TO_FACE

GUESSED = frozenset({"home"})      # country sources that are a guess, not read from the text


def settle_opposites(ctx: ArticleContext, events: list[Event]) -> None:
    """Move a guessed person to the other side of a two-state meeting or call whose sentence names
    exactly two people, both taking part in it, the other stated to serve the guessed state."""
    for e in events:
        if e.kind not in FACE_TO_FACE or len(e.countries) != 2 or not e.sentences:
            continue
        named = list(dict.fromkeys(k for k, _, _ in ctx.sentences[e.sentences[0]].people))
        if len(named) != 2 or not set(named) <= set(e.people):
            continue        # "He also met Prime Minister A and Speaker B": two of one side, one meeting each
        for k, other in (named, named[::-1]):
            p, q = ctx.people[k], ctx.people[other]
            # the guess puts p on q's state, or on a state that is no side of the meeting at all
            # ("a working visit to Zambia, where President X and his counterpart Y held talks")
            if (p.country_source in GUESSED and q.country_source not in GUESSED and q.country in e.countries
                    and (p.country == q.country or p.country not in e.countries)):
                p.country = next(c for c in e.countries if c != q.country)
                p.country_source = "opposite"
                break
