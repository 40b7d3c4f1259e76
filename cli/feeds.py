"""Web inputs of `polgraph ingest` (--url, --urls, --feed) and `polgraph watch`, which polls feeds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import typer
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console

from ingest.models import RawArticle, ReadError
from polgraph.database import DatabaseError, connect
from polgraph.settings import Settings, get_settings

console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def web_articles(
    settings: Settings, urls: list[str], urls_file: Path | None, feeds: list[str]
) -> Iterator[RawArticle | ReadError]:
    """Pages and feed items, fetched lazily as the ingest asks for them; nothing is fetched without a URL."""
    if not (urls or urls_file or feeds):
        return
    from ingest.fetch import Fetcher, read_url_list

    listed: list[str] = list(urls)
    if urls_file is not None:
        try:
            text = urls_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield ReadError(source=str(urls_file), problem=f"cannot read the list of URLs: {exc}")
            text = ""
        found, errors = read_url_list(text, str(urls_file))
        yield from errors
        listed.extend(found)
    fetcher = Fetcher(settings)
    yield from fetcher.articles(listed)
    for feed in feeds:
        yield from fetcher.feed_articles(feed)


def watch(
    feeds: list[str] = typer.Argument(
        ..., help="Feeds (RSS, Atom, JSON), sitemaps or pages announcing a feed."
    ),
    every: str = typer.Option("15m", "--every", help="Time between rounds: 90, 30s, 15m, 2h."),
    once: bool = typer.Option(
        False, "--once", help="One round, then exit (for cron); exit code 1 if any input failed."
    ),
) -> None:
    """Poll feeds and ingest only their new items. What was ingested is remembered on disk
    (POLGRAPH_STATE_DIR), so a watch stopped or killed resumes without fetching an item twice or losing one.
    """
    from cli.main import _write_failure, fail, print_summary
    from ingest.pipeline import IngestSummary, Pipeline, known_actors
    from ingest.watch import FeedState, parse_interval, watch_round

    try:
        interval = parse_interval(every)
    except ValueError as exc:
        raise fail(str(exc), code=2) from exc
    settings = get_settings()
    state = FeedState.for_graph(settings)
    if state.problem:
        console.print(f"[yellow]note[/] {state.problem}", highlight=False)
    console.print(f"watching {len(feeds)} feed(s); state in {state.path}", highlight=False)
    pipeline: Pipeline | None = None
    while True:
        summary = IngestSummary()
        try:
            with connect(settings) as driver:
                if pipeline is None:
                    from schema.migrate import apply_migrations

                    apply_migrations(driver, settings.neo4j_database)
                    pipeline = Pipeline(
                        settings,
                        known=known_actors(driver, settings.neo4j_database),
                        on_load=lambda: console.print("loading the NLP pipeline…"),
                    )
                done = watch_round(feeds, driver, settings, pipeline, state, summary=summary)
            stamp = time.strftime("%Y-%m-%d %H:%M:%S")
            out.print(
                f"{stamp} round: {done.listed} item(s) listed, {done.new_items} new",
                highlight=False,
            )
            print_summary(summary)
        except KeyboardInterrupt:
            raise fail("interrupted; the next watch fetches this round's items again", code=130) from None
        except DatabaseError as exc:
            if once:
                raise fail(str(exc)) from exc
            console.print(f"[bold red]error:[/] {exc}; trying again next round", highlight=False)
        except (Neo4jError, DriverError) as exc:
            if once:
                raise fail(_write_failure(settings, exc)) from exc
            problem = _write_failure(settings, exc)
            console.print(f"[bold red]error:[/] {problem}; trying again next round", highlight=False)
        if once:
            if summary.failed:
                raise typer.Exit(1)
            return
        try:
            time.sleep(interval)
        except KeyboardInterrupt:
            raise fail("stopped between rounds", code=130) from None


def register(app: typer.Typer) -> None:
    """Add `watch` to the main command line (ingest's web inputs are options of `ingest`)."""
    app.command("watch")(watch)
