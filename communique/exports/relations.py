"""Relationship frameworks for other tools: JSON lines (each relation with its reports and evidence)
or CSV (one row per relation, lists joined with '; '). The rows are store/relations.relations', the
same the CLI and the API show."""
from __future__ import annotations

COLUMNS = ["id", "a", "b", "level", "status", "date", "date_precision", "holds_from", "first_reported",
           "last_reported", "n_sources", "sources", "urls"]


def jsonl_row(r: dict) -> dict:
    out = {k: v for k, v in r.items() if k != "sources"}
    out["sources"] = [s["article_id"] for s in r["sources"]]
    out["reports"] = r["sources"]
    return out


def csv_row(r: dict) -> dict:
    row = {k: r.get(k) for k in COLUMNS}
    row["a"], row["b"] = r["countries"]
    row["sources"] = "; ".join(s["article_id"] for s in r["sources"])
    row["urls"] = "; ".join(s["url"] for s in r["sources"] if s.get("url"))
    return row
