"""Errors that reach users. Each message says what went wrong and, where it helps, what to do."""
from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: the CLI prints str(error) on one line and exits non-zero."""

    exit_code = 1


class UsageError(CommuniqueError):
    """The command was called wrongly (bad option, missing argument)."""

    exit_code = 2


class InputRejected(CommuniqueError):
    """One input (file, or line of a JSONL file) cannot be read as an article.

    `source` names the file (and line); `reason` is a short phrase. The batch goes on.
    """

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        """Picklable as itself (worker processes send rejects back to the writer)."""
        return (type(self), (self.source, self.reason))


class QueryTimeout(CommuniqueError):
    """A query ran past its time budget and was cancelled (a 408 over HTTP)."""


class StoreError(CommuniqueError):
    """The database cannot be opened or written."""


class ModelMissing(CommuniqueError):
    """The pinned spaCy model package is not installed."""


class IdCollision(StoreError):
    """Two different inputs gave the same article id: the second is refused, never stored over the first."""


class LexiconError(CommuniqueError):
    """A lexicon file is missing, not JSON, or holds a pattern that does not compile (named with its entry)."""
