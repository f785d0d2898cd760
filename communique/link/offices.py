"""Offices as an analyst counts them: one key per office however it is written, and its sector.

"Defence Minister", "Defense Minister", "Minister of Defence" and "Minister of National Defence"
of one state are one office: the key is the title's words folded (accents, case, spelling variants
from lexicons/offices.json `office_spelling`), without filler words (`office_filler`: "of",
"national", "affairs"…), in sorted order. The sector (government, military, diplomatic, party,
legislature) comes from words in the title (`sectors`); an office with none of them is government.
A person's current office is their government office seen last (else any office seen last): the
party post a minister also holds does not hide the ministry.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from communique import lexicons
from communique.text import fold

SECTORS = ("party", "legislature", "diplomatic", "military")     # tried in this order; else government
_WORD = regex.compile(r"[\p{L}\p{N}'’-]+")


@cache
def _tables() -> tuple[dict[str, str], frozenset[str], dict[str, regex.Pattern]]:
    lex = lexicons.offices()
    sectors = {s: regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(fold(w)) for w in lex["sectors"][s])
                                + r")(?![\p{L}])") for s in SECTORS}
    return dict(lex["office_spelling"]), frozenset(lex["office_filler"]), sectors


def office_key(title: str | None) -> str | None:
    """'Minister of National Defence' -> 'defence minister'; None for no title."""
    if not title:
        return None
    spelling, filler, _ = _tables()
    words: list[str] = []
    for raw in _WORD.findall(fold(title).replace("’", "'")):
        word = raw.strip("'-")
        words += spelling.get(word, word).split()
    kept = sorted(w for w in words if w and w not in filler)
    return " ".join(kept) or None


def sector(title: str | None) -> str | None:
    if not title:
        return None
    folded = fold(title).replace("’", "'")
    _, _, sectors = _tables()
    return next((s for s in SECTORS if sectors[s].search(folded)), "government")


def group(rows: list[dict]) -> list[dict]:
    """person_offices rows (title, rank, country, first_seen, last_seen, n_articles) merged by office
    key: one entry per office with every written form, oldest first."""
    merged: dict[str, dict] = {}
    forms: dict[str, Counter] = {}
    for r in rows:
        key = office_key(r["title"]) or r["title"]
        m = merged.get(key)
        forms.setdefault(key, Counter())[r["title"]] += r["n_articles"]
        if m is None:
            merged[key] = {**r, "office": key, "sector": sector(r["title"])}
            continue
        m["first_seen"] = min(filter(None, (m["first_seen"], r["first_seen"])), default=None)
        m["last_seen"] = max(filter(None, (m["last_seen"], r["last_seen"])), default=None)
        m["n_articles"] += r["n_articles"]
        m["rank"] = m["rank"] or r["rank"]
    out = []
    for key, m in merged.items():
        m["title"] = forms[key].most_common(1)[0][0]       # the form most reports write
        m["titles"] = sorted(forms[key])
        out.append(m)
    return sorted(out, key=lambda m: (m["first_seen"] is None, m["first_seen"] or "", m["office"]))


def current(offices: list[dict]) -> dict | None:
    """The government office seen last, else the office seen last (grouped offices)."""
    if not offices:
        return None
    government = [o for o in offices if o["sector"] == "government"] or offices
    return max(government, key=lambda o: (o["last_seen"] or "", o["n_articles"]))
