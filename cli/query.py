"""`polgraph query` (run a saved query, print a table or JSON) and `polgraph serve` (the HTTP API)."""

from __future__ import annotations

import json
import secrets
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from polgraph.database import DatabaseError, connect
from polgraph.settings import get_settings

console = Console(stderr=True)
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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        if isinstance(value, list) and value and isinstance(value[0], dict) and "sentence" in value[0]:
            text = " | ".join(
                str(v.get("sentence")) for v in value
            )  # evidence: the sentences are what matter
        else:
            text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def query(
    name: str = typer.Argument(..., help="Saved query name (`polgraph query --list` lists them)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE; repeat for several."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    as_graph: bool = typer.Option(False, "--graph", help="With --json: nodes and edges instead of rows."),
) -> None:
    """Run a saved query against the graph and print its rows."""
    from queries.catalog import ParamError, default_catalog
    from queries.runner import run_saved_query, to_graph

    catalog = default_catalog()
    if name == "list" or name not in catalog:
        if name != "list":
            console.print(f"[bold red]error:[/] no saved query named {name!r}", highlight=False)
        table = Table("query", "parameters", "description", title="saved queries")
        for q in catalog.values():
            params = ", ".join(f"{p.name}{'*' if p.required else ''}:{p.type}" for p in q.params)
            table.add_row(q.name, params, q.description)
        (out if name == "list" else console).print(table)
        raise typer.Exit(0 if name == "list" else 2)
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
    except DatabaseError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    if as_json:
        payload = to_graph(result) if as_graph else result
        # Plain stdout: rich would read "[...]" in the JSON as markup.
        typer.echo(payload.model_dump_json(indent=2))
        return
    table = Table(*result.columns, title=f"{name}: {len(result.rows)} row(s)", show_lines=True)
    for row in result.rows:
        table.add_row(*(_cell(row.get(c)) for c in result.columns))
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
