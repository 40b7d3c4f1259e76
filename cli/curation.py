"""`polgraph entity merge|rename|split`, `fact reject`, `block add` and `override list|revert`: an analyst's
corrections, kept in the graph as overrides that every later ingest applies (ingest/curation/).

Exit codes as everywhere else: 2 for an actor, fact or override that does not exist and for arguments the
graph contradicts, 1 for a change that cannot be made (done already) or a database that fails.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from ingest.models import EntityType
from polgraph.database import DatabaseError, connect
from polgraph.settings import Settings, get_settings
from schema.migrate import MigrationError, apply_migrations

if TYPE_CHECKING:
    from neo4j import Driver

    from ingest.curation.overrides import Override

console = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

entity_app = typer.Typer(
    no_args_is_help=True, help="Correct actors: merge, rename, split (kept as overrides)."
)
fact_app = typer.Typer(no_args_is_help=True, help="Reject a fact (kept as an override).")
block_app = typer.Typer(no_args_is_help=True, help="Names that must never become actors (kept as overrides).")
override_app = typer.Typer(no_args_is_help=True, help="List and revert the overrides every ingest applies.")

BY_HELP = "Who makes the change, recorded with it (default: the login name, $USER)."
REASON_HELP = "Why, recorded with it."


def register(app: typer.Typer) -> None:
    app.add_typer(entity_app, name="entity")
    app.add_typer(fact_app, name="fact")
    app.add_typer(block_app, name="block")
    app.add_typer(override_app, name="override")


def fail(message: str, code: int) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def who(by: str | None) -> str:
    return by or os.environ.get("USER") or getpass.getuser()


@contextmanager
def curating(settings: Settings) -> Iterator[Driver]:
    """A driver on a graph with the schema applied, every curation error turned into its exit code."""
    from api.actor_lookup import AmbiguousActor, UnknownActor
    from ingest.curation.store import CurationError

    try:
        with connect(settings) as driver:
            apply_migrations(driver, settings.neo4j_database)
            yield driver
    except (UnknownActor, AmbiguousActor) as exc:
        raise fail(str(exc), 2) from exc
    except CurationError as exc:
        raise fail(str(exc), 1 if exc.kind == "conflict" else 2) from exc
    except (DatabaseError, MigrationError) as exc:
        raise fail(str(exc), 1) from exc


def actor_id(driver: Driver, settings: Settings, value: str) -> str:
    from api.actor_lookup import find_actor

    return find_actor(driver, settings, value)


def report(o: Override, did: str) -> None:
    changed = f"; {len(o.articles)} article(s) changed" if o.articles else ""
    out.print(f"override {o.id}: {did}{changed}", highlight=False)


def _run(make: Callable[[Driver, str], Override], did: Callable[[Override], str]) -> None:
    settings = get_settings()
    with curating(settings) as driver:
        o = make(driver, settings.neo4j_database)
    report(o, did(o))


@entity_app.command("merge")
def merge(
    keep: str = typer.Argument(..., help="The actor that stays (id, name or alias)."),
    other: str = typer.Argument(..., help="The actor merged into it, which goes."),
    reason: str | None = typer.Option(None, "--reason", help=REASON_HELP),
    by: str | None = typer.Option(None, "--by", help=BY_HELP),
) -> None:
    """Merge OTHER into KEEP: its facts, mentions and spellings move; later ingests never split them again."""
    from ingest.curation import store

    settings = get_settings()
    with curating(settings) as driver:
        a, b = actor_id(driver, settings, keep), actor_id(driver, settings, other)
        o = store.merge(driver, settings.neo4j_database, a, b, who(by), reason)
    report(o, f"merged {o.other} into {o.actor} ({o.actor_name})")


@entity_app.command("rename")
def rename(
    actor: str = typer.Argument(..., help="The actor (id, name or alias)."),
    name: str = typer.Argument(..., help="Its new name; the old one stays an alias."),
    reason: str | None = typer.Option(None, "--reason", help=REASON_HELP),
    by: str | None = typer.Option(None, "--by", help=BY_HELP),
) -> None:
    """Give an actor another display name; its id stays."""
    from ingest.curation import store

    settings = get_settings()
    with curating(settings) as driver:
        o = store.rename(
            driver, settings.neo4j_database, actor_id(driver, settings, actor), name, who(by), reason
        )
    report(o, f"renamed {o.actor} from {o.previous_name!r} to {o.name!r}")


@entity_app.command("split")
def split(
    actor: str = typer.Argument(..., help="The actor (id, name or alias)."),
    alias: list[str] = typer.Option(..., "--alias", help="A spelling to move to the new actor; repeatable."),
    name: str | None = typer.Option(
        None, "--name", help="The new actor's name (default: the first --alias)."
    ),
    reason: str | None = typer.Option(None, "--reason", help=REASON_HELP),
    by: str | None = typer.Option(None, "--by", help=BY_HELP),
) -> None:
    """Move spellings of an actor, and what the articles naming it only by them say, to a new actor."""
    from ingest.curation import store

    settings = get_settings()
    with curating(settings) as driver:
        a = actor_id(driver, settings, actor)
        o = store.split(driver, settings.neo4j_database, a, alias, who(by), name=name, reason=reason)
    spellings = ", ".join(repr(x) for x in o.aliases)
    report(o, f"split {spellings} from {o.actor} into {o.new_actor} ({o.name})")


@fact_app.command("reject")
def reject(
    key: str = typer.Argument(..., help="The fact's key (the `key` column of the saved queries)."),
    reason: str = typer.Option(..., "--reason", help=REASON_HELP),
    by: str | None = typer.Option(None, "--by", help=BY_HELP),
) -> None:
    """Take a wrong fact out of the graph, its queries and exports; later ingests do not write it again."""
    from ingest.curation import store

    _run(lambda d, db: store.reject(d, db, key, who(by), reason), lambda o: f"rejected fact {o.fact_key}")


@block_app.command("add")
def block_add(
    name: str = typer.Argument(..., help="The name, as articles write it (case aside)."),
    as_type: EntityType | None = typer.Option(
        None, "--as", case_sensitive=False, help="Block it only as this type of actor (default: any)."
    ),
    reason: str = typer.Option(..., "--reason", help=REASON_HELP),
    by: str | None = typer.Option(None, "--by", help=BY_HELP),
) -> None:
    """Never make an actor of NAME (a surname that is also a town, a word taken for a place); the actors so
    named now are removed with their facts."""
    from ingest.curation import store

    _run(
        lambda d, db: store.block(d, db, name, who(by), entity_type=as_type, reason=reason),
        lambda o: f"blocked {o.describe()}",
    )


@override_app.command("list")
def override_list(
    every: bool = typer.Option(True, "--all/--active", help="Every override, or only those in force."),
) -> None:
    """The overrides with what they do, who made them, when and why, and whether they are in force."""
    from ingest.curation import store

    settings = get_settings()
    with curating(settings) as driver:
        overrides = store.list_overrides(driver, settings.neo4j_database, active_only=not every)
    table = Table("id", "kind", "what", "by", "at", "why", "active", title="overrides", show_lines=True)
    for spec in table.columns:
        spec.overflow = "fold"
    for o in overrides:
        state = "yes" if o.active else f"reverted {o.revoked_at:%Y-%m-%d %H:%M} by {o.revoked_by}"
        table.add_row(o.id, o.kind.value, o.describe(), o.by, f"{o.at:%Y-%m-%d %H:%M}", o.reason or "", state)
    out.print(table)


@override_app.command("revert")
def override_revert(
    override_id: str = typer.Argument(
        ..., metavar="ID", help="The override's id (`polgraph override list`)."
    ),
    reingest: bool = typer.Option(
        True, "--reingest/--no-reingest", help="Ingest again at once the articles the override had changed."
    ),
    by: str | None = typer.Option(None, "--by", help=BY_HELP),
) -> None:
    """Take an override back. A rename or a rejection is undone at once; the articles a merge, split or block
    changed are derived again (now, from their files, with --reingest; else by their next ingest)."""
    from ingest.curation import store

    settings = get_settings()
    with curating(settings) as driver:
        o, stale = store.revert_override(driver, settings.neo4j_database, override_id, who(by))
        sources = store.article_sources(driver, settings.neo4j_database, stale)
    out.print(f"override {o.id} reverted ({o.kind.value} {o.describe()})", highlight=False)
    if not stale:
        return
    present = [p for p in sources if os.path.isfile(p)]
    absent = [p for p in sources if not os.path.isfile(p)]
    if reingest and present:
        from cli.main import run_ingest

        summary = run_ingest(present, settings)
        if summary.failed:
            raise typer.Exit(1)
    todo = absent if reingest else present + absent
    if todo:
        out.print(
            f"{len(todo)} article(s) will be derived again by their next ingest: {', '.join(todo)}",
            highlight=False,
        )
