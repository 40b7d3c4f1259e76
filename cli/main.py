"""`polgraph` command line: manage the local Neo4j, the schema, ingest, queries and the API."""

from __future__ import annotations

import os
from collections.abc import Iterable
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console

from cli.curation import register as register_curation_commands
from cli.export import register as register_export_commands
from cli.feeds import register as register_feed_commands
from cli.query import register as register_query_commands
from cli.query import serve
from ingest.models import RawArticle, ReadError
from polgraph.database import DatabaseError, connect
from polgraph.neo4j_local import LocalNeo4j, LocalNeo4jError
from polgraph.settings import Settings, get_settings
from schema.migrate import MigrationError, apply_migrations, schema_version

if TYPE_CHECKING:
    from neo4j import Driver

    from ingest.engines import Engine
    from ingest.pipeline import IngestSummary, Pipeline

app = typer.Typer(no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
neo4j_app = typer.Typer(
    no_args_is_help=True, help="Run the local Neo4j server (or report on the configured one)."
)
schema_app = typer.Typer(no_args_is_help=True, help="Constraints, indexes and migrations.")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")
register_query_commands(app)
register_feed_commands(app)
register_export_commands(app)
register_curation_commands(app)

# Messages and summaries are never wrapped by rich: a log file or a pipe gets each one on one line.
console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


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


# The word every command uses for an input that could not become an article.
FAILED = "failed"


def missing_paths(paths: list[str]) -> list[str]:
    """Named paths that do not exist: told at once, before a server is asked or a model loaded."""
    return [p for p in paths if p != "-" and not os.path.lexists(p)]


def refuse_missing(paths: list[str]) -> None:
    missing = missing_paths(paths)
    if missing:
        named = ", ".join(missing)
        raise fail(f"no such file or directory: {named}; nothing was read", code=2)


def report_failure(failure: ReadError) -> None:
    console.print(f"[yellow]{FAILED}[/] {failure.source}: {failure.problem}", highlight=False)


@app.command("extract")
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for standard input."),
    as_json: bool = typer.Option(True, "--json/--no-json", help="One JSON object per article (JSON Lines)."),
) -> None:
    """Extract actors, relations, elections and events without a database. Exit code 1 when any input
    failed, 2 when a named path does not exist."""
    import sys

    from ingest.pipeline import extract_paths

    refuse_missing(paths)
    failures = 0
    for item in extract_paths(paths, get_settings(), stdin=sys.stdin):
        if isinstance(item, ReadError):
            failures += 1
            report_failure(item)
            continue
        if as_json:
            # Plain stdout: rich would read "[...]" in the JSON as markup.
            typer.echo(item.model_dump_json())
        else:
            counts = (
                f"{len(item.entities)} entities, {len(item.relations)} relations, "
                f"{len(item.elections)} elections, {len(item.events)} events"
            )
            typer.echo(f"{item.article.id} {item.article.title!r}: {counts}")
    if failures:
        console.print(f"{failures} input(s) {FAILED}", highlight=False)
        raise typer.Exit(1)


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


ENGINE_HELP = (
    "Where articles are read, parsed and extracted: this process and its spaCy workers (local), or a Dask "
    "cluster (dask: the scheduler at POLGRAPH_ENGINE_ADDRESS, else POLGRAPH_ENGINE_WORKERS processes started "
    "here). Resolution across articles and the writes stay in this process."
)


@app.command("ingest")
def ingest(
    paths: list[str] = typer.Argument(None, help="Files, directories, or - for standard input."),
    url: list[str] = typer.Option([], "--url", help="A web page to fetch and ingest; repeat for several."),
    urls: Path | None = typer.Option(
        None, "--urls", help="A file of web page URLs, one a line (blank lines and # comments skipped)."
    ),
    feed: list[str] = typer.Option(
        [], "--feed", help="A feed (RSS, Atom, JSON), a sitemap or a page announcing a feed: its items."
    ),
    engine: EngineName = typer.Option(EngineName.local, help=ENGINE_HELP),
) -> None:
    """Extract and write to Neo4j; re-running on the same articles changes nothing. Exit code 1 when any
    input failed, 2 when a named path does not exist."""
    from cli.feeds import web_articles

    paths = paths or []
    if not (paths or url or urls or feed):
        raise fail("name files, directories or - (standard input), or give --url, --urls or --feed", code=2)
    refuse_missing([*paths, *([str(urls)] if urls else [])])
    settings = get_settings()
    if engine is EngineName.dask:
        if "-" in paths or url or urls or feed:
            raise fail("--engine dask reads files, not standard input or the web: use --engine local")
        try:
            from ingest.dask_engine import DaskEngine, dask_client
        except ImportError as exc:
            raise fail(f"--engine dask needs Dask: pip install 'polgraph[engine]' ({exc})") from exc
        with dask_client(settings) as client:
            summary = run_ingest(paths, settings, engine=DaskEngine(paths, client, settings))
    else:
        summary = run_ingest(paths, settings, web_articles(settings, url, urls, feed))
    if summary.failed:
        raise typer.Exit(1)


def run_ingest(
    paths: list[str],
    settings: Settings,
    extra: Iterable[RawArticle | ReadError] = (),
    engine: Engine | None = None,
) -> IngestSummary:
    """Read `paths` (and `extra`, fetched pages), ingest them and print what became of every input; with an
    `engine`, it reads, parses and extracts instead."""
    import sys

    from ingest.pipeline import IngestSummary, Pipeline, known_actors
    from ingest.read import read_inputs

    summary = IngestSummary()
    try:
        with connect(settings) as driver:
            apply_migrations(driver, settings.neo4j_database)
            pipeline = Pipeline(
                settings,
                known=known_actors(driver, settings.neo4j_database),
                on_load=lambda: console.print("loading the NLP pipeline…"),
            )
            # Articles are read as the pipeline asks for them, a batch at a time, so that a corpus never has
            # to fit in memory; how many are to come is known only at the end, when the bar gets its total.
            items = chain(read_inputs(paths, stdin=sys.stdin), extra)
            summary = ingest_with_progress(items, driver, settings, pipeline, summary, engine)
    except (DatabaseError, MigrationError) as exc:
        raise fail(str(exc)) from exc
    except KeyboardInterrupt:
        raise fail(f"interrupted. {_kept(summary)}", code=130) from None
    except (Neo4jError, DriverError) as exc:
        raise fail(f"{_write_failure(settings, exc)}. {_kept(summary)}") from exc
    print_summary(summary)
    return summary


def ingest_with_progress(
    items: Iterable[RawArticle | ReadError],
    driver: Driver,
    settings: Settings,
    pipeline: Pipeline,
    summary: IngestSummary,
    engine: Engine | None = None,
) -> IngestSummary:
    """`ingest_items` (or, with an engine, `ingest_with`) with a progress bar on standard error; `summary` is
    filled as batches commit."""
    import time

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ingest.pipeline import ingest_items, ingest_with

    started = time.monotonic()
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.completed:.0f} articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0)
        done = 0

        def on_batch(ok: int, failed: int) -> None:
            nonlocal done
            done += ok + failed
            rate = done / max(time.monotonic() - started, 1e-6)
            progress.update(task, completed=done, rate=rate)

        if engine is None:
            summary, _ = ingest_items(
                items, driver, settings, on_batch=on_batch, pipeline=pipeline, summary=summary
            )
        else:
            summary, _ = ingest_with(
                engine, driver, settings, on_batch=on_batch, pipeline=pipeline, summary=summary
            )
        progress.update(task, total=done)
    return summary


def print_summary(summary: IngestSummary) -> None:
    for failure in summary.failures:
        report_failure(failure)
    for warning in summary.warnings:
        console.print(f"[yellow]note[/] {warning.source}: {warning.problem}", highlight=False)
    out.print(
        f"articles: {summary.new} new, {summary.unchanged} unchanged, {summary.replaced} replaced, "
        f"{summary.duplicates} duplicate, {summary.failed} {FAILED}; created {summary.nodes_created} nodes "
        f"and {summary.relationships_created} relationships",
        highlight=False,
    )


@app.command("load")
def load(
    paths: list[str] = typer.Argument(..., help="Files or directories."),
    bulk: bool = typer.Option(
        False,
        "--bulk",
        help="Write the graph as CSV and import it with neo4j-admin (server stopped meanwhile): for a first "
        "load of an empty database, many times faster than transactions. Without it: polgraph ingest.",
    ),
    engine: EngineName = typer.Option(EngineName.local, help=ENGINE_HELP),
) -> None:
    """A first load of a large corpus into an empty database."""
    if not bulk:
        ingest(paths, url=[], urls=None, feed=[], engine=engine)
        return
    refuse_missing(paths)
    settings = get_settings()
    if "-" in paths:
        raise fail("--bulk reads files, not standard input")
    if engine is EngineName.dask:
        try:
            from ingest.dask_engine import DaskEngine, dask_client
        except ImportError as exc:
            raise fail(f"--engine dask needs Dask: pip install 'polgraph[engine]' ({exc})") from exc
        with dask_client(settings) as client:
            _load_bulk(settings, DaskEngine(paths, client, settings))
        return
    from ingest.engines import LocalEngine
    from ingest.read import read_inputs

    _load_bulk(settings, LocalEngine(read_inputs(paths), settings.ingest_batch_size))


def _load_bulk(settings: Settings, engine: Engine) -> None:
    from ingest.load import BulkLoadError, bulk_load

    console.print(f"bulk load into database '{settings.neo4j_database}' at {settings.neo4j_uri}…")
    try:
        result = bulk_load(engine, settings)
    except (BulkLoadError, LocalNeo4jError, DatabaseError, MigrationError) as exc:
        raise fail(str(exc)) from exc
    for failure in result.summary.failures:
        console.print(f"[yellow]failed[/] {failure.source}: {failure.problem}", highlight=False)
    steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.seconds.items())
    out.print(
        f"articles: {result.summary.new} loaded, {result.summary.duplicates} duplicate, "
        f"{result.summary.failed} failed; {result.nodes} nodes and {result.relationships} relationships "
        f"({steps})",
        highlight=False,
    )


def _kept(summary: IngestSummary) -> str:
    """What an ingest stopped half-way leaves: the batches committed before stay, and a rerun skips them."""
    return (
        f"Batches committed before that stay: {summary.new} new, {summary.replaced} replaced and "
        f"{summary.unchanged} unchanged articles. Run the same command again to ingest the rest; the "
        f"articles stored are skipped as unchanged."
    )


def _write_failure(settings: Settings, exc: Exception) -> str:
    """Why a batch failed: a server that went away, or one that is up and refused the batch (too little
    memory for it, most often), which the operator fixes differently."""
    try:
        with connect(settings):
            answers = True
    except DatabaseError:
        answers = False
    if not answers:
        return f"lost the Neo4j server at {settings.neo4j_uri} during ingest: {exc}"
    return refused_batch(settings, getattr(exc, "code", None) or type(exc).__name__, str(exc))


# What a server short of memory says: "Java heap space" (the JVM's OutOfMemoryError, in a statement or a
# transaction) or a memory pool's limit.
_OUT_OF_MEMORY = ("heap space", "outofmemory", "memorypool", "memory limit")


def refused_batch(settings: Settings, code: str, message: str) -> str:
    """The message for a batch that a server which still answers refused."""
    detail = f"the Neo4j server at {settings.neo4j_uri} is up but refused a batch ({code})"
    if any(sign in f"{code} {message}".lower() for sign in _OUT_OF_MEMORY):
        return (
            f"{detail}: it ran out of memory. Give it more (POLGRAPH_NEO4J_HEAP, now {settings.neo4j_heap}) "
            f"or write smaller batches (POLGRAPH_INGEST_BATCH_SIZE, now {settings.ingest_batch_size})"
        )
    return f"{detail}: {message}"


@app.command("up")
def up(
    data: str = typer.Option("data/articles", help="Articles to ingest before serving."),
    serve_api: bool = typer.Option(True, "--serve/--no-serve", help="Serve the API in the foreground."),
) -> None:
    """Everything `make run` does: start Neo4j, apply the schema, ingest `data/`, print the URLs, serve."""
    settings = get_settings()
    try:
        start_neo4j(settings)
        schema_apply()
    except (LocalNeo4jError, DatabaseError) as exc:
        raise fail(str(exc)) from exc
    refuse_missing([data])
    run_ingest([data], settings)
    out.print(
        f"\n[bold]Explorer[/]       {settings.api_url}/explore  (search, networks, timelines, elections)\n"
        f"[bold]Neo4j Browser[/]  {settings.browser_url}  (user {settings.neo4j_user}, "
        f"password {settings.neo4j_password}, connect URL {settings.neo4j_uri})\n"
        f"[bold]API docs[/]       {settings.api_url}/docs\n"
        f"[bold]Browser guide[/]  :play {settings.api_url}/browser/guide.html\n",
        highlight=False,
    )
    if serve_api:
        serve()


if __name__ == "__main__":
    app()
