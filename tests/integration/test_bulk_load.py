"""`polgraph load --bulk`: a first load through neo4j-admin makes the graph transactions make, and refuses a
database that already holds data."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from bench.corpus import generate, write_jsonl
from ingest.engines import LocalEngine
from ingest.load import bulk_load
from ingest.pipeline import ingest_items
from ingest.read import read_inputs
from polgraph.database import connect
from polgraph.neo4j_local import LocalNeo4j
from polgraph.settings import Settings
from schema.migrate import apply_migrations, discover, schema_version
from tests.conftest import spare_settings, subprocess_env, wipe_graph
from tests.integration.canonical import first_difference, graph_dump, revision_token

pytestmark = pytest.mark.neo4j

ARTICLES = 1000


@pytest.fixture(scope="module")
def spare(neo4j_settings: Settings) -> Iterator[Settings]:
    """A server of its own: a bulk load stops and restarts its server, which the session's tests share."""
    settings = spare_settings()  # stopping the session's server would break the other tests
    local = LocalNeo4j(settings)
    local.start()
    try:
        yield settings
    finally:
        local.stop()


def emptied(settings: Settings) -> None:
    with connect(settings) as driver:
        apply_migrations(driver, settings.neo4j_database)
        wipe_graph(driver, settings.neo4j_database)


def test_the_bulk_graph_is_the_transactional_graph(
    tmp_path: Path, empty_graph: Driver, neo4j_settings: Settings, spare: Settings
) -> None:
    write_jsonl(generate(ARTICLES, seed=11), tmp_path / "corpus", per_file=100)
    paths = [str(tmp_path / "corpus")]
    db = neo4j_settings.neo4j_database
    transactional, _ = ingest_items(read_inputs(paths), empty_graph, neo4j_settings)
    assert transactional.new == ARTICLES
    expected = graph_dump(empty_graph, db)

    emptied(spare)
    loaded = bulk_load(LocalEngine(read_inputs(paths), spare.ingest_batch_size), spare)
    assert (loaded.summary.new, loaded.summary.failed) == (ARTICLES, 0)
    with connect(spare) as driver:
        nodes, relationships = graph_dump(driver, db)
        assert revision_token(driver, db) is not None  # the API's caches see a new graph
        assert schema_version(driver, db) == max(m.version for m in discover())
    assert (loaded.nodes, loaded.relationships) == (len(nodes), len(relationships))
    assert len(expected[0]) > 5000 and len(expected[1]) > 10000
    assert nodes == expected[0], first_difference(nodes, expected[0])
    assert relationships == expected[1], first_difference(relationships, expected[1])


def test_a_bulk_load_refuses_a_database_that_is_not_empty(tmp_path: Path, spare: Settings) -> None:
    write_jsonl(generate(2, seed=3), tmp_path / "corpus", per_file=2)
    emptied(spare)
    with connect(spare) as driver:
        ingest_items(read_inputs([str(tmp_path / "corpus")]), driver, spare)
        before = graph_dump(driver, spare.neo4j_database)
    proc = subprocess.run(
        [sys.executable, "-m", "cli.main", "load", "--bulk", str(tmp_path / "corpus")],
        env=subprocess_env(spare),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode != 0
    assert "database 'neo4j'" in proc.stderr and "not empty" in proc.stderr
    with connect(spare) as driver:
        assert graph_dump(driver, spare.neo4j_database) == before


class FailingEngine:
    """An engine whose reading fails part-way, as a corpus on a vanished disk would."""

    def outcomes(self, pipeline: object, admit: object) -> Iterator[object]:
        raise OSError("the corpus went away")
        yield


def test_a_bulk_load_that_fails_before_the_import_leaves_the_server_running(spare: Settings) -> None:
    """The server stops while the articles are extracted; a load that fails then starts it again."""
    emptied(spare)
    with pytest.raises(OSError, match="went away"):
        bulk_load(FailingEngine(), spare)  # type: ignore[arg-type]
    local = LocalNeo4j(spare)
    assert local.pid() is not None and local.bolt_answers()
    with connect(spare) as driver:
        assert schema_version(driver, spare.neo4j_database) == max(m.version for m in discover())
