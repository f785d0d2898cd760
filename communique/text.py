"""Text helpers every stage shares: folding for comparison, month and weekday names, headline case.

One module with no communique imports, so extraction, linking and the store read the same
definitions without importing each other (they were written three times before).
"""
from __future__ import annotations

import unicodedata

import regex

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
# Number words as news writes counts ("signed four agreements", "ten years ago").
CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

HEADLINE_MIN_WORDS = 5
_WORD = regex.compile(r"\p{L}+")
_SENTENCE_BREAK = regex.compile(r"[.!?]\s|[.!?][\"”’')]*\s*$")


def fold(text: str) -> str:
    """Lower case without diacritics ('Hoàng Xuân Chiến' -> 'hoang xuan chien'; 'đ' -> 'd'): how
    readers compare names and places."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def month_number(name: str) -> int:
    """'September', 'Sept.', 'sep' -> 9 (KeyError for a word that is no month)."""
    key = name.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTHS[key[:3]]


def is_headline_case(line: str) -> bool:
    """A short line with no sentence break and most longer words capitalised: a headline, where
    capitals say nothing about names."""
    if len(line) > 200 or _SENTENCE_BREAK.search(line):
        return False
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= HEADLINE_MIN_WORDS and sum(w[0].isupper() for w in words) / len(words) > 0.75
