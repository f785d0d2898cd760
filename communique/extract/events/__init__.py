"""Engagements (meetings, calls, visits, multilateral gatherings) from an article's sentences.

Four steps, one module each:
1. candidates.py: `candidates`: every sentence with a trigger phrase (lexicons/events.json) gives one candidate per
   kind, with the people, countries, date and place written in that sentence (when.py: which of the sentence's
   dates is the trigger's, and the clauses that speak of another time).
2. background.py: `mark_historical`: the article's news date is the first dated report of the engagement; what is
   dated well before it, or recalled ("previous", "recalled", "had visited"), is background.
3. merging.py: `merge`: candidates that can be the same engagement (same kind, sides and news/background; dates
   and principals compatible) become one event with all their evidence. A welcome ceremony and the
   talks that follow it are one meeting; a visit is one trip.
4. article.py: what the whole article adds (a date from the lead or the publication, principals).
../event.py holds the Event, ../triggers.py the rules (people.py reads them too), record.py the JSON shape.
Sentences that only refer back ("the talks", "the visit") enrich an event; they never create one.
"""
from __future__ import annotations

from communique.extract.context import ArticleContext
from communique.extract.event import NEWS_WINDOW_DAYS, Event, Rule
from communique.extract.events.article import after_publication, date_recalled_visits, fill_from_context, fill_principals
from communique.extract.events.background import mark_historical
from communique.extract.events.candidates import candidates
from communique.extract.events.merging import merge
from communique.extract.events.record import as_record, confidence
from communique.extract.sides import settle_opposites
from communique.extract.triggers import any_trigger, rules

__all__ = ["NEWS_WINDOW_DAYS", "Event", "Rule", "any_trigger", "as_record", "candidates", "confidence", "extract_events",
           "merge", "rules"]


def extract_events(ctx: ArticleContext) -> tuple[list[Event], list[Event]]:
    cands, not_held = candidates(ctx)
    planned = {(c.kind, c.sentences[0]) for c in cands if after_publication(c, ctx.published)}
    not_held |= {kind for kind, _ in planned}
    cands = [c for c in cands if (c.kind, c.sentences[0]) not in planned]   # the sentence's other triggers too
    mark_historical(ctx, cands)
    # each two-person meeting's sides settled before merging reads them: a host guessed on the guest's
    # side would make two meetings with different hosts look like one
    settle_opposites(ctx, cands)
    events, unresolved = merge(ctx, cands, not_held)
    fill_from_context(ctx, events)
    date_recalled_visits(ctx, events)
    fill_principals(ctx, events)
    return events, unresolved
