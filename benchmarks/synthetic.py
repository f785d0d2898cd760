"""Synthetic articles and records for the scale benchmark, from templates written here.

Countries come from the shipped lexicon; people are made from syllables (no real names); dates,
kinds, places and documents vary with a seeded random generator, so runs are repeatable.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from communique import lexicons

SYLLABLES = ["an", "bo", "ca", "da", "el", "fa", "gi", "ha", "ko", "la", "mi", "no", "pa", "ri", "sa", "ta", "vu",
             "xe", "yo", "zu", "ren", "mar", "tin", "dor", "kas", "lem", "vor", "nik", "sul", "ber"]
OFFICES = ["Minister of Defence", "Foreign Minister", "Deputy Minister of Defence", "Chief of the General Staff",
           "Prime Minister", "Ambassador"]
TEMPLATES = {
    "meeting": "{t1} {n1} of {c1} held talks with {t2} {n2} of {c2} in {place} on {day}. The two sides agreed to "
               "expand cooperation in military training and defence industry.",
    "call": "{t1} {n1} of {c1} held phone talks with {t2} {n2} of {c2} on {day}. They discussed maritime security "
            "and search and rescue.",
    "visit": "{t2} {n2} of {c2} paid an official visit to {c1} from {day}, meeting {t1} {n1} in {place}. The visit "
             "aimed to deepen defence ties.",
    "signing": "{t1} {n1} of {c1} and {t2} {n2} of {c2} signed a memorandum of understanding on peacekeeping "
               "cooperation in {place} on {day}.",
}


def _countries(rng: random.Random) -> list[tuple[str, str, str]]:
    out = []
    for code, c in sorted(lexicons.countries().items()):
        if c.get("names") and c.get("capital"):
            out.append((code, c["names"][0], c["capital"]))
    return out


def person_name(rng: random.Random) -> str:
    def word():
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def articles(n: int, seed: int = 7, people_per_country: int = 6) -> Iterator[dict]:
    """n JSONL-shaped articles (id, url, outlet, published, title, text)."""
    rng = random.Random(seed)
    countries = _countries(rng)[:60]
    cast = {code: [(person_name(rng), rng.choice(OFFICES)) for _ in range(people_per_country)]
            for code, _, _ in countries}
    start = dt.date(2015, 1, 1)
    for i in range(n):
        (a, an, acap), (b, bn, _) = rng.sample(countries, 2)
        kind = rng.choice(list(TEMPLATES))
        day = start + dt.timedelta(days=rng.randint(0, 3650))
        (n1, t1), (n2, t2) = rng.choice(cast[a]), rng.choice(cast[b])
        text = TEMPLATES[kind].format(t1=t1, n1=n1, c1=an, t2=t2, n2=n2, c2=bn, place=acap,
                                      day=f"{day:%B} {day.day}, {day.year}")
        yield {"id": f"syn-{i:07d}", "url": f"https://synthetic.example/{i}", "outlet": f"Outlet {i % 40}",
               "published": str(day + dt.timedelta(days=1)), "title": f"{an} and {bn} officials meet", "text": text}


def event_rows(n_events: int, seed: int = 11) -> Iterator[dict]:
    """Canonical events for the query benchmark: country pairs, kinds, dates, places, people."""
    rng = random.Random(seed)
    countries = [c for c, _, _ in _countries(rng)]
    kinds = ["meeting", "call", "visit", "multilateral"]
    start = dt.date(2000, 1, 1)
    for i in range(n_events):
        a, b = sorted(rng.sample(countries[:80], 2))
        day = start + dt.timedelta(days=rng.randint(0, 9000))
        yield {"id": i + 1, "kind": rng.choice(kinds), "countries": (a, b), "date": str(day),
               "people": (person_name(rng), person_name(rng))}
