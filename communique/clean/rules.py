"""Page-furniture rules as named data. Each rule names what it removes, so a record can say which fired.

CUT_AFTER: a line matching one of these starts the teaser lists / footer: it and everything after go.
DROP_LINE: a whole line that is furniture.
STRIP_PREFIX / STRIP_SUFFIX: part of a line that is furniture.
CAPTION: a line that is a photo caption (kept, marked).
"""
from __future__ import annotations

import regex

from communique.ingest.published import parse_dateline

CUT_AFTER = {
    "see_more": r"^(?:see more|read more|more|more news|latest news|related news|related articles?|related stories|related|"
                r"other news|most read|most popular|recommended|you may also like|you might also like|top stories|"
                r"tin liên quan|videos?|trending|editor'?s picks?)\s*:?\s*$",
    "tags": r"^tags?\s*:",
    "keywords": r"^keywords?\s*:",
}
DROP_LINE = {
    "javascript_off": r"^javascript is (?:off|disabled)|^please enable javascript",
    "social_prompt": r"^(?:like us on facebook|follow us on|share (?:this|on)|subscribe to|sign up for|"
                     r"click here|download our app)",
    "print_link": r"^(?:print article|print|share|email|back to top|breaking news|press releases?|home)\s*$",
    "byline": r"^(?:by|translated by|reported by|written by|edited by|posts)\s+\p{Lu}[\p{L} .'’-]{1,60}"
              r"(?:\s+from\s+[\p{L} ,]+)?$",
    "byline_pipe": r"^[\p{L} .'’-]{2,40}\s*\|\s*$",
    "byline_slash": r"^[\p{L} .'’-]{2,60}\s+/\s+[\p{L} .'’-]{2,40}$",
    "source_credit": r"^\(?(?:source|nguồn)\s*:\s*[^)]{1,60}\)?\.?$",
    "image_file": r"^\S+\.(?:jpe?g|png|gif|webp)$",
    "pdf_link": r"^/?\s*(?:english|japanese|\p{L}+)\s*\(pdf\)\s*$",
    "signoff": r"^(?:\p{Lu}{2,6}|[\p{Lu}][\p{L}]+(?:plus|news|times|post)?)\s*(?:/\.?)?$",
}
STRIP_PREFIX = {
    "date_line": r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+",
    "image_alt": r"^.{0,200}?\s[-–]?\s*[Ảả]nh\s+\d+\.?\s*",
}
STRIP_SUFFIX = {
    "agency_end_mark": r"\s*/\.\s*$",
}
CAPTION = {
    "photo_credit": r"\((?:photo|photos|source|picture source|image|file photo)\b[^)]*\)\s*$"
                    r"|\b(?:photo|photos|image)\s*:\s*[^.]{1,60}$|\bphoto by\b",
}

_flags = regex.IGNORECASE
CUT_AFTER_RX = {k: regex.compile(v, _flags) for k, v in CUT_AFTER.items()}
DROP_LINE_RX = {k: regex.compile(v, _flags) for k, v in DROP_LINE.items()}
STRIP_PREFIX_RX = {k: regex.compile(v, _flags) for k, v in STRIP_PREFIX.items()}
STRIP_SUFFIX_RX = {k: regex.compile(v, _flags) for k, v in STRIP_SUFFIX.items()}
CAPTION_RX = {k: regex.compile(v, _flags) for k, v in CAPTION.items()}
# signoff and byline rules are case-sensitive in spirit: keep them from eating short sentences
DROP_LINE_RX["signoff"] = regex.compile(DROP_LINE["signoff"])
DROP_LINE_RX["byline_pipe"] = regex.compile(DROP_LINE["byline_pipe"])


def drop_rule(line: str) -> str | None:
    """Name of the DROP_LINE rule a whole line matches (or 'dateline' for a bare date line)."""
    text = line.strip()
    for name, rx in DROP_LINE_RX.items():
        if rx.search(text):
            return name
    if parse_dateline(text):
        return "dateline"
    return None


def cut_rule(line: str) -> str | None:
    text = line.strip()
    return next((name for name, rx in CUT_AFTER_RX.items() if rx.search(text)), None)


def is_caption(line: str) -> bool:
    return any(rx.search(line) for rx in CAPTION_RX.values())
