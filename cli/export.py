"""`polgraph export events` (coded events as rows) and `polgraph export graph` (nodes and relationships)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, cast

import typer
from rich.console import Console

from polgraph.database import DatabaseError, connect
from polgraph.settings import get_settings

console = Console(stderr=True)

export_app = typer.Typer(
    no_args_is_help=True, help="Write the graph out as files (TSV, CSV, JSON Lines, GraphML)."
)


@contextmanager
def _output(out: Path | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date YYYY-MM-DD, got {value!r}", param_hint=option) from None


@export_app.command("events")
def export_events(
    fmt: str = typer.Option("tsv", "--format", "-f", help="tsv, csv or jsonl."),
    from_date: str | None = typer.Option(None, "--from", help="On or after this day (YYYY-MM-DD)."),
    to_date: str | None = typer.Option(None, "--to", help="On or before this day (YYYY-MM-DD)."),
    country: str | None = typer.Option(
        None, "--country", help="Country id or name: either side is, or belongs to, it."
    ),
    types: list[str] = typer.Option(
        [], "--type", "-t", help="A PLOVER type (SUPPORT) or an event type (Arrest); repeat for several."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="File to write (default: standard output)."),
    page_size: int = typer.Option(
        500, "--page-size", min=1, max=10000, help="Actors or events read a query."
    ),
) -> None:
    """One row per interaction and per event, POLECAT-like columns (docs/export.md)."""
    from export.events import EVENT_FORMATS, EventFilter, EventFormat, UnknownCountry, export_rows, write_rows
    from ingest.models import PLOVER_TYPES

    fmt = fmt.lower()
    if fmt not in EVENT_FORMATS:
        raise typer.BadParameter(f"one of {', '.join(EVENT_FORMATS)}; got {fmt!r}", param_hint="--format")
    filters = EventFilter(
        from_date=_day(from_date, "--from"),
        to_date=_day(to_date, "--to"),
        country=country,
        types=tuple(types),
    )
    settings = get_settings()
    try:
        with connect(settings) as driver, _output(out) as handle:
            rows = export_rows(driver, settings.neo4j_database, filters, page_size=page_size)
            count = write_rows(rows, handle, cast(EventFormat, fmt))
    except UnknownCountry as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except DatabaseError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    unknown = [t for t in types if t.upper() not in PLOVER_TYPES]
    note = f" (types not PLOVER's, read as event types: {', '.join(unknown)})" if unknown else ""
    console.print(f"{count} rows{' to ' + str(out) if out else ''}{note}", highlight=False)


@export_app.command("graph")
def export_graph(
    fmt: str = typer.Option("graphml", "--format", "-f", help="graphml, jsonl or csv."),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="File to write (csv: a folder for nodes.csv and relationships.csv)."
    ),
    page_size: int = typer.Option(500, "--page-size", min=1, max=10000, help="Nodes read a query."),
) -> None:
    """Every node (Actor, Article, Election, Event, Evidence) and relationship, with their properties."""
    from export.graph import GRAPH_FORMATS, write_csv, write_graphml, write_jsonl

    fmt = fmt.lower()
    if fmt not in GRAPH_FORMATS:
        raise typer.BadParameter(f"one of {', '.join(GRAPH_FORMATS)}; got {fmt!r}", param_hint="--format")
    if fmt == "csv" and out is None:
        raise typer.BadParameter("csv writes two files: give a folder", param_hint="--out")
    settings = get_settings()
    database = settings.neo4j_database
    try:
        with connect(settings) as driver:
            if fmt == "csv":
                assert out is not None
                counts = write_csv(driver, database, out, page_size)
            else:
                with _output(out) as handle:
                    write = write_graphml if fmt == "graphml" else write_jsonl
                    counts = write(driver, database, handle, page_size)
    except DatabaseError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    where = f" to {out}" if out else ""
    console.print(f"{counts.nodes} nodes and {counts.relationships} relationships{where}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add `export` to the main command line."""
    app.add_typer(export_app, name="export")
