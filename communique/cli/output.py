"""Rendering rows for the terminal: an aligned table by default, --json or --csv on request."""
from __future__ import annotations

import csv
import io
import json
import shutil

import click


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def table(rows: list[dict], columns: list[str]) -> str:
    """Columns cut to the terminal width; the last column takes what is left."""
    if not rows:
        return "(nothing found)"
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    total = shutil.get_terminal_size((160, 24)).columns
    for i in range(len(widths) - 1):
        widths[i] = min(widths[i], 40)
    widths[-1] = max(10, min(widths[-1], total - sum(widths[:-1]) - 2 * (len(widths) - 1)))

    def fit(text: str, w: int) -> str:
        return text if len(text) <= w else text[:w - 1] + "…"
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip()]
    lines += ["  ".join(fit(v, w).ljust(w) for v, w in zip(row, widths, strict=False)).rstrip() for row in cells]
    return "\n".join(lines)


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def emit(rows, columns: list[str], fmt: str) -> None:
    """rows: a list of dicts (or one dict for --json of a single object)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo(to_csv(rows if isinstance(rows, list) else [rows], columns), nl=False)
    else:
        click.echo(table(rows if isinstance(rows, list) else [rows], columns))


def format_options(f):
    """--json / --csv on every read command."""
    f = click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="JSON.")(f)
    f = click.option("--table", "fmt", flag_value="table", default=True, hidden=True)(f)
    return f
