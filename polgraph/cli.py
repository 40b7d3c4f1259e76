"""`polgraph` command line: manage the local Neo4j, the schema, ingest, queries and the API."""

from __future__ import annotations

import typer
from rich.console import Console

from polgraph.database import DatabaseError, connect
from polgraph.neo4j_local import LocalNeo4j, LocalNeo4jError
from polgraph.settings import Settings, get_settings
from schema.migrate import MigrationError, apply_migrations, schema_version

app = typer.Typer(no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
neo4j_app = typer.Typer(
    no_args_is_help=True, help="Run the local Neo4j server (or report on the configured one)."
)
schema_app = typer.Typer(no_args_is_help=True, help="Constraints, indexes and migrations.")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")

console = Console(stderr=True)
out = Console()


def fail(message: str, code: int = 1) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def start_neo4j(settings: Settings) -> None:
    """Start the managed server, or check that the external one answers."""
    if not settings.manages_neo4j:
        with connect(settings):
            console.print(f"using the Neo4j at {settings.neo4j_uri} (not managed by polgraph)")
        return
    local = LocalNeo4j(settings)
    if not local.jars_present():
        console.print(
            f"fetching Neo4j {local.server_version} and Browser {local.browser_version} through Maven…"
        )
    status = local.start()
    console.print(f"Neo4j: {status.detail}")


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (downloading it through Maven the first time) and wait until Bolt answers."""
    try:
        start_neo4j(get_settings())
    except (LocalNeo4jError, DatabaseError) as exc:
        raise fail(str(exc)) from exc


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j; no JVM is left behind."""
    settings = get_settings()
    if not settings.manages_neo4j:
        raise fail(f"{settings.neo4j_uri} is not managed by polgraph; stop it where it runs")
    stopped = LocalNeo4j(settings).stop()
    console.print("Neo4j stopped" if stopped else "Neo4j was not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Tell whether the server runs and answers; exit code 0 only when it answers."""
    settings = get_settings()
    if settings.manages_neo4j:
        status = LocalNeo4j(settings).status()
        out.print(status.detail, highlight=False)
        raise typer.Exit(0 if status.answering else 3)
    try:
        with connect(settings):
            out.print(f"external server answers at {settings.neo4j_uri}")
    except DatabaseError as exc:
        raise fail(str(exc), code=3) from exc


@schema_app.command("apply")
def schema_apply() -> None:
    """Apply the migrations not yet recorded in the graph (a second run is a no-op)."""
    settings = get_settings()
    try:
        with connect(settings) as driver:
            applied = apply_migrations(driver, settings.neo4j_database)
            version = schema_version(driver, settings.neo4j_database)
    except (DatabaseError, MigrationError) as exc:
        raise fail(str(exc)) from exc
    names = ", ".join(f"V{m.version:04d} {m.name}" for m in applied) or "nothing to apply"
    console.print(f"schema at version {version} ({names})")


if __name__ == "__main__":
    app()
