"""Read commands over the store: events, agreements, relations, people, timeline, search, show, stats, rejects.

All of them print a table by default and take --json or --csv; all read store/queries.py, the
same queries the HTTP API uses.
"""
from __future__ import annotations

import functools
from pathlib import Path

import click

from communique import kinds
from communique.cli.app import db_option, main, open_store, settings
from communique.cli.output import emit, format_options
from communique.errors import UsageError
from communique.link.intervals import describe
from communique.store import queries
from communique.store.queries import MAX_ID

EVENT_COLUMNS = ["id", "date", "kind", "countries", "place", "people", "n_sources", "subtype"]
KINDS = click.Choice(kinds.NAMES)


def event_filters(f):
    f = click.option("--limit", type=click.IntRange(1, MAX_ID), help="At most this many rows.")(f)
    f = click.option("--text", help="Events with an evidence sentence matching this search text.")(f)
    f = click.option("--background-only", is_flag=True, help="Only background engagements (recalled, anniversaries).")(f)
    f = click.option("--news-only", is_flag=True, help="Leave out background (historical) engagements.")(f)
    f = click.option("--person", help="Person id (p-…), or text of one of their names.")(f)
    f = click.option("--until", help="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")(f)
    f = click.option("--since", help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")(f)
    f = click.option("--kind", type=KINDS, help="Kind of engagement.")(f)
    f = click.option("--with", "with_", help="...with this other country.")(f)
    f = click.option("--country", help="Events involving this country (name or alpha-3 code).")(f)
    return f


def _people_cell(rows: list[dict]) -> list[dict]:
    for r in rows:
        r["people"] = [p["name"] for p in r.get("people") or []]
    return rows


@main.command()
@event_filters
@db_option
@format_options
def events(country, with_, kind, since, until, person, news_only, background_only, text, limit, db: Path | None,
           fmt: str) -> None:
    """Canonical events (one per real engagement, however many articles report it), newest first.

    
    Examples:
      communique events --country Vietnam --with Russia --since 2024
      communique events --kind visit --news-only --csv > visits.csv
    """
    conn = open_store(db)
    rows = queries.events(conn, country=country, with_=with_, kind=kind, since=since, until=until, person=person,
                          include_historical=not news_only, background_only=background_only, text=text, limit=limit)
    emit(rows if fmt == "json" else _people_cell(rows), EVENT_COLUMNS, fmt)


@main.command()
@click.argument("country")
@click.argument("other", required=False)
@click.option("--kind", type=KINDS, help="Kind of engagement.")
@click.option("--since", help="On or after this date.")
@click.option("--until", help="On or before this date.")
@db_option
@format_options
def timeline(country: str, other: str | None, kind, since, until, db: Path | None, fmt: str) -> None:
    """COUNTRY's engagements (with OTHER, if given), oldest first.

    
    Examples:
      communique timeline Vietnam Russia
      communique timeline VNM --since 2020 --json
    """
    conn = open_store(db)
    rows = queries.timeline(conn, country, other, kind=kind, since=since, until=until)
    emit(rows if fmt == "json" else _people_cell(rows), EVENT_COLUMNS, fmt)


@main.command()
@click.option("--country", help="Agreements this country is party to.")
@click.option("--with", "with_", help="...with this other country.")
@click.option("--since", help="On or after this date.")
@click.option("--until", help="On or before this date.")
@click.option("--type", "type_", help="Document type (memorandum_of_understanding, agreement, ...).")
@click.option("--status", type=click.Choice(["signed", "planned"]))
@click.option("--limit", type=click.IntRange(1, MAX_ID))
@db_option
@format_options
def agreements(country, with_, since, until, type_, status, limit, db: Path | None, fmt: str) -> None:
    """Documents signed or planned, one row per document however many articles report it.

    
    Examples:
      communique agreements --country VNM --with Japan
      communique agreements --status planned --since 2024
    """
    conn = open_store(db)
    rows = queries.agreements(conn, country=country, with_=with_, since=since, until=until, type_=type_,
                              status=status, limit=limit)
    emit(rows, ["id", "date", "type", "subject", "status", "countries", "event_id", "n_sources"], fmt)


RELATION_COLUMNS = ["id", "countries", "level", "status", "date", "holds_from", "n_sources"]


@main.command()
@click.option("--country", help="Relations this country is party to.")
@click.option("--with", "with_", help="...with this other country.")
@click.option("--at", help="One row per pair: the level it held on this date (YYYY, YYYY-MM or YYYY-MM-DD; "
                           "a year or month means its last day).")
@click.option("--status", type=click.Choice(["established", "current", "planned"]))
@click.option("--level", help="Exactly this level (e.g. 'comprehensive strategic partnership').")
@click.option("--limit", type=click.IntRange(1, MAX_ID))
@db_option
@format_options
def relations(country, with_, at, status, level, limit, db: Path | None, fmt: str) -> None:
    """Relationship frameworks: one row per pair, level, status and year set up (every report of it
    counted once). With --at, each pair's level on that date: the highest established or current level
    known to hold by then; planned upgrades never count.

    
    Examples:
      communique relations --country Vietnam --at 2024
      communique relations --with China --status planned
    """
    from communique.store import relations as relation_queries
    conn = open_store(db)
    rows = relation_queries.relations(conn, country=country, with_=with_, status=status, level=level, at=at,
                                      limit=limit)
    emit(rows, RELATION_COLUMNS, fmt)


@main.command()
@click.option("--country", help="People serving this country.")
@click.option("--name", help="Text of one of their names, or a person id (p-…).")
@click.option("--limit", type=click.IntRange(1, MAX_ID))
@db_option
@format_options
def people(country, name, limit, db: Path | None, fmt: str) -> None:
    """People, one row per real person, with the other forms of their name.

    
    Examples:
      communique people --country Vietnam
      communique people --name Giang --json
    """
    conn = open_store(db)
    emit(queries.people(conn, country=country, name=name, limit=limit),
         ["id", "name", "country", "title", "n_articles", "aliases"], fmt)


@main.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, MAX_ID), default=20, show_default=True)
@db_option
@format_options
def search(text: str, limit: int, db: Path | None, fmt: str) -> None:
    """Full-text search over evidence sentences and article bodies: words, "phrases", prefix*, OR, NOT
    (stopped after search_budget_s).

    
    Examples:
      communique search '"defence industry"'
      communique search 'submarine* OR frigate*' --limit 20
    """
    conn = open_store(db)
    emit(queries.search(conn, text, limit, budget_s=settings().search_budget_s),
         ["kind", "article_id", "event_id", "owner", "snippet"], fmt)


def _in_context(e: dict) -> str:
    """The evidence sentence highlighted where it stands in the article."""
    before = " ".join(e["before"].split())
    after = " ".join(e["after"].split())
    return (f"…{before} " if before else "") + click.style(e["text"], bold=True, fg="yellow") + \
        (f" {after}…" if after else "")


@main.command()
@click.argument("event_id")
@click.option("--color/--no-color", default=None, help="Highlight evidence even when not printing to a terminal.")
@db_option
@format_options
def show(event_id: str, color: bool | None, db: Path | None, fmt: str) -> None:
    """One event (EVENT_ID as `events` lists it, e.g. ev-3f2a9c01d4): what is known, every source
    that reports it, and each source's evidence.

    
    Examples:
      communique show ev-3f2a9c01d4
      communique show ev-3f2a9c01d4 --json
    """
    echo = functools.partial(click.echo, color=color)
    conn = open_store(db)
    ev = queries.event(conn, event_id[:64])
    if ev is None:
        raise UsageError(f"no event {event_id[:64]!r} (list them with: communique events)")
    if ev["id"] != event_id:
        click.echo(f"{event_id} is now {ev['id']} (merged, or an earlier report joined it)", err=True)
    if fmt != "table":
        emit(ev, ["id", "date", "date_start", "date_end", "date_precision", "kind", "subtype", "countries", "place",
                  "n_sources"], fmt)
        return
    people = ", ".join(f"{p['name']} ({p['country']})" if p["country"] else p["name"] for p in ev["people"])
    when = describe(ev)
    echo(click.style(f"event {ev['id']}: {ev['kind']}" + (f" ({ev['subtype']})" if ev["subtype"] else ""),
                           bold=True))
    for label, value in (("countries", " – ".join(ev["countries"])), ("date", when), ("place", ev["place"]),
                         ("host", ev["host"]), ("guest", ev["guest"]), ("people", people),
                         ("mechanism", f"{ev['mechanism']} #{ev['ordinal']}" if ev["ordinal"] else ev["mechanism"]),
                         ("PLOVER", f"{ev['plover_type']} / {ev['plover_mode']}" if ev["plover_type"] else None),
                         ("background", "yes (reported as past context)" if ev["historical"] else None),
                         ("confidence", ev["confidence"])):
        if value not in (None, ""):
            echo(f"  {label:<11}{value}")
    for a in ev["agreements"]:
        echo(f"  {'document':<11}{a['type']}: {a['subject'] or ''} ({a['status']})")
    counts = f" ({ev['num_articles']} independent article(s), {ev['num_sources']} outlet(s))" \
        if ev.get("num_articles") is not None else ""
    echo(f"\n{ev['n_sources']} report(s){counts}:")
    for s in ev["sources"]:
        echo(click.style(f"\n  [{s['article_id']}] {s['outlet'] or ''} {s['published'] or ''}  "
                               f"{s['title'] or ''}".rstrip(), bold=True))
        if s["url"]:
            echo(f"  {s['url']}")
        if s["duplicate_of"]:
            echo(f"  (republication of {s['duplicate_of']})")
        echo(f"  reported date: {s['date'] or 'none'}; linked: {s['link_reason']}")
        for e in s["evidence"]:
            echo(f"    [{e['start']}:{e['end']}] {_in_context(e)}")


@main.command()
@db_option
@format_options
def stats(db: Path | None, fmt: str) -> None:
    """What the store holds.

    
    Examples:
      communique stats --db corpus.db
    """
    conn = open_store(db)
    data = queries.stats(conn)
    if fmt == "json":
        emit(data, [], fmt)
        return
    rows = [{"what": k, "count": ", ".join(f"{a} {b}" for a, b in v.items()) if isinstance(v, dict) else v}
            for k, v in data.items()]
    emit(rows, ["what", "count"], fmt)


@main.command()
@db_option
@format_options
def rejects(db: Path | None, fmt: str) -> None:
    """Inputs that could not be stored, with the reason.

    
    Examples:
      communique rejects --csv > rejects.csv
    """
    conn = open_store(db)
    emit(queries.rejects(conn), ["seen_at", "source", "reason"], fmt)
