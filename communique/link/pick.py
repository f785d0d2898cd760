"""Choosing a canonical value from several reports: shared by canonical events and agreements."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")

PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
SOURCE_RANK = {"text": 3, "relative": 2, "context": 1, "event": 1}


def most_common(values: Iterable[T | None]) -> T | None:
    """The value most reports give (first seen on a tie); empty ones do not vote."""
    voting = [v for v in values if v is not None and v != ""]
    return Counter(voting).most_common(1)[0][0] if voting else None


def best_date(dates: Iterable[tuple[str | None, str | None, str | None]]) -> tuple[str | None, str | None, str | None] | None:
    """Of (date, precision, source) reports: a known year first, then the finest precision, then
    a date written out over one resolved or borrowed."""
    dated = [d for d in dates if d[0] and d[1]]
    return max(dated, key=lambda d: (not (d[0] or "").startswith("X"), PRECISION_RANK.get(d[1] or "", 0),
                                     SOURCE_RANK.get(d[2] or "", 0)), default=None)
