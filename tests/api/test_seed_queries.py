"""The saved queries over the sample articles ingested by the real pipeline: the headline facts come back
with the sentence that states them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from polgraph.settings import Settings
from queries.catalog import default_catalog
from queries.runner import run_saved_query
from tests.conftest import DATA_DIR

pytestmark = pytest.mark.neo4j


def article_dir(shared_dir: Path) -> Path:
    """data/articles when it holds the sample articles, else the read-only copy they come from."""
    if DATA_DIR.is_dir() and any(DATA_DIR.glob("*.txt")):
        return DATA_DIR
    return shared_dir / "seeds"


@pytest.fixture(scope="module")
def seeded(driver: Driver, neo4j_settings: Settings, shared_dir: Path) -> Driver:
    from ingest.pipeline import ingest_items
    from ingest.read import read_inputs
    from schema.migrate import apply_migrations
    from tests.conftest import wipe_graph

    apply_migrations(driver, neo4j_settings.neo4j_database)
    wipe_graph(driver, neo4j_settings.neo4j_database)
    summary, _ = ingest_items(read_inputs([str(article_dir(shared_dir))]), driver, neo4j_settings)
    assert summary.new >= 5, summary.failures
    return driver


@pytest.fixture(scope="module")
def run(seeded: Driver, neo4j_settings: Settings) -> Any:
    catalog = default_catalog()

    def call(name: str, **params: Any) -> list[dict[str, Any]]:
        query = catalog[name]
        return run_saved_query(seeded, neo4j_settings, query, query.bind(params)).rows

    return call


def ids_of(run: Any, *spellings: str) -> set[str]:
    """Actor ids any of these spellings resolves to (the query matches names and aliases)."""
    return {row["id"] for s in spellings for row in run("actor_profile", actor=s)}


def rows_between(rows: list[dict[str, Any]], sources: set[str], targets: set[str]) -> list[dict[str, Any]]:
    return [r for r in rows if r["source_id"] in sources and r["target_id"] in targets]


def said(row: dict[str, Any], fragment: str) -> bool:
    return any(fragment.lower() in e["sentence"].lower() for e in row["evidence"])


def test_who_backed_whom(run: Any) -> None:
    atambayev = ids_of(run, "Atambayev", "Atambaev")
    jeenbekov = ids_of(run, "Jeenbekov")
    assert atambayev and jeenbekov
    rows = rows_between(run("who_backed_whom", actor="Jeenbekov"), atambayev, jeenbekov)
    assert rows, "Atambayev -> Jeenbekov SUPPORT is missing"
    assert said(rows[0], "publicly supported Jeenbekov")
    assert rows[0]["key"] and rows[0]["evidence"][0]["article_id"]


def test_who_accused_whom(run: Any) -> None:
    atambayev = ids_of(run, "Atambayev", "Atambaev")
    kazakhstan = ids_of(run, "Kazakhstan")
    rows = rows_between(run("who_accused_whom", country="Kazakhstan"), atambayev, kazakhstan)
    assert rows and said(rows[0], "meddling")


def test_meetings(run: Any) -> None:
    nazarbayev = ids_of(run, "Nazarbayev", "Nazarbaev")
    babanov = ids_of(run, "Babanov")
    rows = run("meetings", actor="Babanov")
    pair = rows_between(rows, nazarbayev, babanov) + rows_between(rows, babanov, nazarbayev)
    assert pair and said(pair[0], "with Babanov")


def test_elections(run: Any) -> None:
    rows = run("elections", country="Kyrgyzstan", year=2009)
    assert rows, "no 2009 Kyrgyz election"
    winners = {r["source_id"] for row in rows for r in row["results"] if r["won"]}
    assert winners & ids_of(run, "Bakiyev", "Bakiev")


def test_contested_elections(run: Any) -> None:
    rows = run("contested_elections", country="Kyrgyzstan")
    assert any(r["annulled"] or r["allegations"] or r["challenges"] for r in rows)
    assert all(r["evidence"] or r["challenges"] for r in rows)


def test_protests_and_crackdowns(run: Any) -> None:
    rows = run("protests_and_crackdowns", country="Kazakhstan")
    assert any(r["kind"] == "event" and r["type"] == "Protest" and r["evidence"] for r in rows)


def test_actor_profile(run: Any) -> None:
    profiles = run("actor_profile", actor="Nazarbayev") or run("actor_profile", actor="Nazarbaev")
    assert profiles
    roles = {(r["type"], r["target"]) for p in profiles for r in p["roles"]}
    assert any("Kazakhstan" in (target or "") or "Nur Otan" in (target or "") for _, target in roles)


def test_foreign_involvement(run: Any) -> None:
    rows = run("foreign_involvement", country="Kazakhstan", target_country="Kyrgyzstan")
    assert rows and all(r["evidence"] for r in rows)
