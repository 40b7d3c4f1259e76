"""`polgraph query` (run a saved query, print a table or JSON) and `polgraph serve` (the HTTP API)."""

from __future__ import annotations

import csv
import io
import json
import secrets
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from polgraph.database import DatabaseError, connect
from polgraph.settings import get_settings
from queries.runner import QueryResult

console = Console(stderr=True, soft_wrap=True)
out = Console()

# Long cells (evidence lists, sentences) are cut in the table; --json prints everything.
MAX_CELL = 160


def serve() -> None:
    """Run the API with uvicorn on settings.api_host:api_port, one process (the driver is per process)."""
    import uvicorn

    from api.app import create_app
    from api.server import server_config
    from polgraph.settings import DEFAULT_API_KEY

    settings = get_settings()
    problem = settings.api_key_problem
    if problem:
        # The documented key beyond this machine would let anyone who read the README write: this run
        # takes a key of its own instead (the Docker route listens on 0.0.0.0 with the default).
        settings = settings.model_copy(update={"api_key": secrets.token_urlsafe(24)})
        console.print(
            f"[yellow]note:[/] {problem}. Until then POST /articles takes this run's key instead of the "
            f"default: {settings.api_key}",
            highlight=False,
        )
    elif settings.api_key == DEFAULT_API_KEY:
        console.print(
            "[yellow]note:[/] POST /articles takes the documented default key (POLGRAPH_API_KEY); "
            "it is accepted only while the API listens on this machine",
            highlight=False,
        )
    console.print(f"API on {settings.api_url} (docs at {settings.api_url}/docs)", highlight=False)
    uvicorn.Server(server_config(create_app(settings), settings)).run()


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """`k=v` pairs; a key given twice becomes a list (for string[] parameters)."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, eq, value = pair.partition("=")
        key = key.strip()
        if not eq or not key:
            raise typer.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--param")
        if key in params:
            previous = params[key]
            params[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            params[key] = value
    return params


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


# A table needs this many characters a column to show words rather than their first letters; with more
# columns than the terminal has room for, each row is shown as a list of its fields instead.
MIN_COLUMN_WIDTH = 12


def _cell(value: Any, limit: int = MAX_CELL) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        if isinstance(value, list) and value and isinstance(value[0], dict) and "sentence" in value[0]:
            # Evidence: the sentences are what matter.
            text = " | ".join(" ".join(str(v.get("sentence")).split()) for v in value)
        else:
            text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_csv(result: QueryResult) -> str:
    """Every column and every value; lists and maps (evidence) as JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_csv_value(row.get(c)) for c in result.columns])
    return buffer.getvalue()


def render_table(result: QueryResult, title: str, width: int) -> list[Table]:
    """A table when its columns fit in `width`, else one small table of fields and values a row, so that
    names and sentences are wrapped in full rather than cut to a letter or two."""
    if len(result.columns) * MIN_COLUMN_WIDTH <= width:
        table = Table(*result.columns, title=title, show_lines=True)
        for spec in table.columns:
            spec.overflow = "fold"
        for row in result.rows:
            table.add_row(*(_cell(row.get(c)) for c in result.columns))
        return [table]
    tables = []
    field_width = min(max((len(c) for c in result.columns), default=0), width // 3)
    for number, row in enumerate(result.rows, start=1):
        table = Table(
            title=f"{title} · row {number}" if number == 1 else f"row {number}",
            show_header=False,
            show_lines=False,
            width=width,
            title_justify="left",
        )
        table.add_column("field", style="bold", no_wrap=True, width=field_width, overflow="ellipsis")
        table.add_column("value", overflow="fold", ratio=1)
        for field in result.columns:
            value = _cell(row.get(field), limit=4 * MAX_CELL)
            if value:
                table.add_row(field, value)
        tables.append(table)
    if not tables:
        tables.append(Table(*result.columns[: max(width // MIN_COLUMN_WIDTH, 1)], title=title))
    return tables


def list_saved_queries(target: Console) -> None:
    """Each saved query with its parameters (`*` marks the required ones) and what it answers."""
    from queries.catalog import default_catalog

    table = Table("query", "parameters", "description", title="saved queries")
    for spec in table.columns:
        spec.overflow = "fold"
    for q in default_catalog().values():
        params = ", ".join(f"{p.name}{'*' if p.required else ''}:{p.type}" for p in q.params)
        table.add_row(q.name, params, q.description)
    target.print(table)


def query(
    name: str | None = typer.Argument(None, help="Saved query name (`polgraph query --list` lists them)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE; repeat for several."),
    fmt: OutputFormat = typer.Option(
        OutputFormat.table,
        "--format",
        "-f",
        help="table (fits the terminal's width), csv (every column) or json.",
        case_sensitive=False,
    ),
    as_json: bool = typer.Option(False, "--json", help="The same as --format json."),
    as_graph: bool = typer.Option(False, "--graph", help="With json: nodes and edges instead of rows."),
    list_queries: bool = typer.Option(False, "--list", help="List the saved queries and their parameters."),
) -> None:
    """Run a saved query against the graph and print its rows. Exit code 2 for an unknown query, a bad
    parameter or an actor that no actor's name matches (the nearest names are suggested)."""
    from api.actor_lookup import UnknownActor, check_actors
    from queries.catalog import ParamError, default_catalog
    from queries.runner import run_saved_query, to_graph

    catalog = default_catalog()
    if list_queries or name == "list":
        list_saved_queries(out)
        return
    if name is None or name not in catalog:
        problem = "name a saved query" if name is None else f"no saved query named {name!r}"
        console.print(f"[bold red]error:[/] {problem}; `polgraph query --list` lists them", highlight=False)
        raise typer.Exit(2)
    saved = catalog[name]
    settings = get_settings()
    try:
        bound = saved.bind(parse_params(param))
    except ParamError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    try:
        with connect(settings) as driver:
            result = run_saved_query(driver, settings, saved, bound)
            if not result.rows:
                check_actors(driver, settings, saved, bound)
    except UnknownActor as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except DatabaseError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    if as_json or fmt is OutputFormat.json:
        payload = to_graph(result) if as_graph else result
        # Plain stdout: rich would read "[...]" in the JSON as markup.
        typer.echo(payload.model_dump_json(indent=2))
    elif fmt is OutputFormat.csv:
        typer.echo(render_csv(result), nl=False)
    else:
        for table in render_table(result, f"{name}: {len(result.rows)} row(s)", out.width):
            out.print(table)
    if result.truncated:
        console.print(f"[yellow]truncated at {settings.query_row_cap} rows[/]")


def serve_command() -> None:
    """Serve the HTTP API (saved queries, entity search, ingest, Browser style and guide)."""
    serve()


def register(app: typer.Typer) -> None:
    """Add `query` and `serve` to the main command line."""
    app.command("query")(query)
    app.command("serve")(serve_command)
