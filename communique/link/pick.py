"""Choosing a canonical value from several reports: shared by canonical events and agreements."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
SOURCE_RANK = {"text": 3, "relative": 2, "context": 1, "event": 1}


def most_common(values: Iterable) -> object | None:
    """The value most reports give (first seen on a tie); empty ones do not vote."""
    values = [v for v in values if v not in (None, "")]
    return Counter(values).most_common(1)[0][0] if values else None


def best_date(dates: Iterable[tuple[str | None, str | None, str | None]]) -> tuple[str | None, str | None, str | None] | None:
    """Of (date, precision, source) reports: a known year first, then the finest precision, then
    a date written out over one resolved or borrowed."""
    dated = [d for d in dates if d[0] and d[1]]
    return max(dated, key=lambda d: (not d[0].startswith("X"), PRECISION_RANK.get(d[1], 0),
                                     SOURCE_RANK.get(d[2], 0)), default=None)
