"""`--engine dask` builds the same graph as the local engine: same nodes, relationships, properties and
evidence, on data/ and 300 synthetic articles, with the corpus split over several partitions and two
workers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from neo4j import Driver

from bench.corpus import generate, write_jsonl
from ingest.dask_engine import DaskEngine, dask_client, partitions
from ingest.listing import InputFile, input_files
from ingest.pipeline import ingest_items, ingest_with
from ingest.read import read_inputs
from polgraph.settings import Settings
from tests.conftest import DATA_DIR, wipe_graph
from tests.integration.canonical import first_difference, graph_dump

pytestmark = pytest.mark.neo4j

SYNTHETIC = 300


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus") / "synthetic"
    write_jsonl(generate(SYNTHETIC, seed=27), folder, per_file=25)
    return [str(DATA_DIR), str(folder)]


@pytest.fixture(scope="module")
def cluster(neo4j_settings: Settings) -> Iterator[tuple[Client, Settings]]:
    """Two workers on this machine, and partitions small enough that each gets several."""
    settings = neo4j_settings.model_copy(update={"engine_workers": 2, "engine_partition_bytes": 40_000})
    with dask_client(settings) as client:
        yield client, settings


def test_partitions_keep_the_files_in_order_and_group_them_by_size(corpus: list[str]) -> None:
    listed = list(input_files(corpus))
    files = [f for f in listed if isinstance(f, InputFile)]
    groups = [p for p in partitions(listed, 40_000) if isinstance(p, list)]
    assert [f for group in groups for f in group] == files
    assert len(groups) > 4
    assert all(sum(f.size for f in group[:-1]) < 40_000 for group in groups)


def test_the_dask_engine_builds_the_graph_the_local_engine_builds(
    corpus: list[str], cluster: tuple[Client, Settings], empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    local, _ = ingest_items(read_inputs(corpus), empty_graph, neo4j_settings)
    assert local.new == SYNTHETIC + 5 and local.failed == 0
    expected = graph_dump(empty_graph, db)

    wipe_graph(empty_graph, db)
    client, settings = cluster
    assert len(client.nthreads()) == 2
    distributed, _ = ingest_with(DaskEngine(corpus, client, settings), empty_graph, settings)
    assert (distributed.new, distributed.failed) == (local.new, 0)
    assert distributed.nodes_created == local.nodes_created
    assert distributed.relationships_created == local.relationships_created
    nodes, relationships = graph_dump(empty_graph, db)

    # Run again: every article is found unchanged before it is parsed, and nothing moves.
    again, _ = ingest_with(DaskEngine(corpus, client, settings), empty_graph, settings)
    assert (again.unchanged, again.new, again.nodes_created) == (local.new, 0, 0)

    assert len(expected[0]) > 2000 and len(expected[1]) > 4000  # a graph of some size, not an empty one
    assert nodes == expected[0], first_difference(nodes, expected[0])
    assert relationships == expected[1], first_difference(relationships, expected[1])
    assert graph_dump(empty_graph, db) == expected


def test_the_dask_engine_reports_what_it_cannot_read_and_goes_on(
    tmp_path: Path, cluster: tuple[Client, Settings], empty_graph: Driver
) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    write_jsonl(generate(3, seed=5), tmp_path / "ok", per_file=3)
    paths = [str(tmp_path / "broken.json"), str(tmp_path / "empty"), str(tmp_path / "ok"), "missing.txt"]
    client, settings = cluster
    summary, _ = ingest_with(DaskEngine(paths, client, settings), empty_graph, settings)
    assert summary.new == 3
    assert sorted(Path(f.source).name for f in summary.failures) == ["broken.json", "empty", "missing.txt"]
