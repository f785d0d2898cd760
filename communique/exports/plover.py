"""PLOVER records (openeventdata/PLOVER, "Data Fields"): `id`, `date`, `actor`, `event` required;
`recipient`, `enddate`, `mode`, `context`, `event_loc`, `event_text`, `quad_code`, `text_info`,
`cite_info` where known. Field names, categories, modes, contexts and sectors are the
specification's (lexicons/plover.json); fields of our own keep their own names beside them
(`date_precision`, `date_text`, `historical`, `num_sources`, `num_articles`, `cameo`,
`confidence`, `urls`).

Actors follow the CONSULT rules: when one side visits and one hosts, the visitor is the actor and
the host the recipient (mode `visit`); otherwise every side is an actor and there is no recipient.
`date` is the interval's first day, or for an event the text does not date (`reported`) the first
report's publication day, as GDELT and POLECAT date by publication; `date_precision` says which.
"""
from __future__ import annotations

from communique import __version__, lexicons

CODEBOOK = "PLOVER"


def _sector(title: str | None, rank: str | None) -> str:
    spec = lexicons.plover()
    words = f" {(title or '').lower()} "
    if rank:
        return "MIL"
    for sector, cues in spec["sector_cues"].items():
        if any(c in words for c in cues):
            return sector
    return "GOV"


def _entities(codes: list[str], roles: list[tuple]) -> list[dict]:
    out = []
    for code in codes:
        found = {_sector(t, r) for c, t, r in roles if c == code} or {"GOV"}
        # "3- or 6-char sector": two codes are written together ("GOVMIL"), government first
        sector = "".join([s for s in ("GOV", "MIL", "LEG", "PTY") if s in found][:2])
        offices = sorted({t for c, t, _ in roles if c == code and t})
        out.append({"code": code, "sector": sector,
                    **({"office": offices} if offices else {})})
    return out


def _mode(ev: dict) -> str | None:
    mode = ev.get("plover_mode")
    return "visit" if mode == "host" else mode


def plover_row(ev: dict, roles: list[tuple], areas: list[str]) -> dict | None:
    """A PLOVER record for a canonical event (queries.event), or None when it has no date at all
    (`date` is required and nothing is guessed)."""
    spec = lexicons.plover()
    day = ev["sort_date"]           # date_start, or the publication day for `reported` (link/canonical.py)
    if not day:
        return None
    countries = ev["countries"]
    mode = _mode(ev)
    if mode == "visit" and ev.get("guest") and ev.get("host") and ev["guest"] != ev["host"]:
        actor, recipient = [ev["guest"]], [ev["host"]]
    else:
        actor, recipient = list(countries), []
        if mode == "visit":
            mode = None                     # who visited whom is not known: no host/visit distinction
    event = ev.get("plover_type") or "CONSULT"
    contexts = ["diplomatic"] + [c for a in areas for c in spec["area_contexts"].get(a, [])]
    first = ev["sources"][0] if ev["sources"] else {}
    evidence = first.get("evidence") or []
    row: dict = {
        "id": ev["id"],                 # the citable id (ev-…), as in every other output
        "date": day,
        "actor": _entities(actor, roles),
        "recipient": _entities(recipient, roles),
        "event": [event],
        "mode": [mode] if mode else [],
        "context": list(dict.fromkeys(contexts)),
        "quad_code": spec["categories"].get(event),
        "event_text": [e["text"] for e in evidence],
        "coder": f"communique {__version__}",
        "cite_info": {"citation": first.get("article_id"), "url": first.get("url"), "title": first.get("title"),
                      "publication": first.get("outlet"), "language": "en", "coder": f"communique {__version__}",
                      "codebook": CODEBOOK},
        # communique's own fields
        "date_precision": ev["date_precision"], "date_text": ev.get("date_text"),
        "historical": ev["historical"], "num_sources": ev["num_sources"], "num_articles": ev["num_articles"], "cameo": ev.get("cameo"),
        "confidence": ev.get("confidence"),
        "urls": [s["url"] for s in ev["sources"] if s.get("url")],
    }
    if ev["date_precision"] not in ("reported", "day") and ev["date_end"] and ev["date_end"] != day:
        row["enddate"] = ev["date_end"]
    if evidence:
        row["text_info"] = {"start": evidence[0]["start"], "end": evidence[0]["end"]}
    if ev.get("place"):
        row["event_loc"] = {"extracted_place": ev["place"], "geonameid": ev.get("place_geonameid"),
                            "lat": ev.get("place_lat"), "lon": ev.get("place_lon"),
                            "country_code": ev.get("place_country"),
                            "resolution": (4 if ev.get("place_lat") is not None else 1)
                            if ev.get("place_geonameid") else None}
    return row


def problems(row: dict) -> list[str]:
    """What in a record breaks the specification: required fields, field names, vocabularies, types."""
    spec = lexicons.plover()
    out = [f"missing required field {f}" for f in spec["required"] if not row.get(f)]
    ours = {"date_precision", "date_text", "historical", "num_sources", "num_articles", "cameo", "confidence", "urls"}
    out += [f"unknown field {f}" for f in row if f not in spec["fields"] and f not in ours]
    date = row.get("date") or ""
    if not (len(date) == 10 and date[4] == "-" and date[7] == "-" and date.replace("-", "").isdigit()):
        out.append(f"date {date!r} is not YYYY-MM-DD")
    for side in ("actor", "recipient"):
        for ent in row.get(side) or []:
            out += [f"{side} field {k} not in the entity object" for k in ent if k not in spec["entity_fields"]]
            if not (isinstance(ent.get("code"), str) and len(ent["code"]) == 3):
                out.append(f"{side} code {ent.get('code')!r} is not a 3-character code")
            sector = ent.get("sector") or ""
            parts = [sector[i:i + 3] for i in range(0, len(sector), 3)] if len(sector) in (3, 6) else [sector]
            out += [f"{side} sector {sector!r} not a PLOVER sector" for p in parts if p not in spec["sectors"]]
    out += [f"event {e!r} not a PLOVER category" for e in row.get("event") or [] if e not in spec["categories"]]
    for e in row.get("event") or []:
        allowed = spec["modes"].get(e, [])
        out += [f"mode {m!r} not a mode of {e}" for m in row.get("mode") or [] if m not in allowed]
    out += [f"context {c!r} not a PLOVER context" for c in row.get("context") or [] if c not in spec["contexts"]]
    if row.get("quad_code") not in (1, 2, 3, 4):
        out.append("quad_code not 1-4")
    for k in row.get("event_loc") or {}:
        if k not in spec["location_fields"]:
            out.append(f"event_loc field {k} not in the location object")
    for k in row.get("cite_info") or {}:
        if k not in spec["cite_fields"]:
            out.append(f"cite_info field {k} not in the citation object")
    return out
