"""The kinds of engagement, defined once. Extraction, the store's filters, the CLI's `--kind`, the
API's `kind` parameter, the analytics and the charts all read this table; the trigger rules in
lexicons/events.json are checked against it when they load.

Adding a kind: one entry here, and the trigger phrases that produce it in events.json.
"""
from __future__ import annotations

from dataclasses import dataclass

from communique.errors import UsageError


@dataclass(frozen=True)
class Kind:
    name: str
    colour: str             # its colour on every chart
    face_to_face: bool      # the two sides talk to each other directly (a counterpart is on the other side)
    description: str


KINDS = (
    Kind("meeting", "#2f6db5", True, "talks, receptions and courtesy calls in person"),
    Kind("call", "#7a9a2e", True, "phone and video calls"),
    Kind("visit", "#d9822b", False, "a trip of an official or a delegation to another state"),
    Kind("multilateral", "#8e5ea2", False, "a summit, conference or forum of several states or an organisation"),
)
NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)
FACE_TO_FACE = frozenset(k.name for k in KINDS if k.face_to_face)
COLOURS = {k.name: k.colour for k in KINDS}


def checked(name: str | None) -> str | None:
    """A kind given by a user, or a UsageError listing the kinds there are."""
    if name is None or name in NAMES:
        return name
    raise UsageError(f"unknown kind '{name}' (one of {', '.join(NAMES)})")
