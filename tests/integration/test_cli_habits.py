"""What `polgraph ingest` and `extract` tell a person or a cron job: exit codes, one word for a failed input,
a missing path before anything loads, no spaCy for an unchanged corpus, lines that are never wrapped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from neo4j import Driver

from ingest.pipeline import Pipeline, ingest_items
from ingest.read import read_inputs
from polgraph.settings import Settings
from tests.conftest import DATA_DIR, make_test_settings
from tests.integration.test_ingest import graph_counts, polgraph

SUMMARY_START = "articles: "


def test_a_missing_path_is_told_before_a_server_is_asked_or_a_model_loaded(tmp_path: Path) -> None:
    # No server answers here: a message about the path, not the server, shows nothing else was tried.
    dead = make_test_settings(neo4j_uri="bolt://127.0.0.1:1")
    for command in ("ingest", "extract"):
        started = time.monotonic()
        run = polgraph(command, str(DATA_DIR), str(tmp_path / "typo.txt"), settings=dead)
        elapsed = time.monotonic() - started
        assert run.returncode == 2, run.stderr
        assert f"no such file or directory: {tmp_path / 'typo.txt'}; nothing was read" in run.stderr
        assert "bolt://127.0.0.1:1" not in run.stderr and "loading the NLP pipeline" not in run.stderr
        assert elapsed < 30, f"{command} took {elapsed:.1f} s to refuse a missing path"


def test_extract_and_ingest_name_a_failed_input_alike_on_one_line(
    neo4j_settings: Settings, tmp_path: Path
) -> None:
    deep = tmp_path.joinpath(*(["a-rather-long-folder-name-for-the-archive"] * 4))
    deep.mkdir(parents=True)
    empty = deep / "an-article-whose-file-is-empty.txt"
    empty.write_text("", encoding="utf-8")
    failed_line = f"failed {empty}: file is empty"
    assert len(failed_line) > 200  # rich would wrap it at 80 columns in a pipe

    extracted = polgraph("extract", str(empty), settings=neo4j_settings)
    assert extracted.returncode == 1, extracted.stderr
    assert failed_line in extracted.stderr.splitlines()
    assert "1 input(s) failed" in extracted.stderr

    ingested = polgraph("ingest", str(empty), settings=neo4j_settings)
    assert ingested.returncode == 1, ingested.stderr
    assert failed_line in ingested.stderr.splitlines()
    summary = [line for line in ingested.stdout.splitlines() if line.startswith(SUMMARY_START)]
    assert summary == [
        "articles: 0 new, 0 unchanged, 0 replaced, 0 duplicate, 1 failed; created 0 nodes and 0 relationships"
    ]
    assert "loading the NLP pipeline" not in ingested.stderr


@pytest.mark.neo4j
def test_an_unchanged_reingest_never_loads_spacy(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    first, _ = ingest_items(read_inputs([str(DATA_DIR)]), empty_graph, neo4j_settings, pipeline=nlp_pipeline)
    assert first.new == 5
    counts = graph_counts(empty_graph, neo4j_settings.neo4j_database)

    fresh = Pipeline(neo4j_settings)
    again, _ = ingest_items(read_inputs([str(DATA_DIR)]), empty_graph, neo4j_settings, pipeline=fresh)
    assert again.unchanged == 5 and not fresh.loaded

    run = polgraph("ingest", str(DATA_DIR), settings=neo4j_settings)
    assert run.returncode == 0, run.stderr
    assert "5 unchanged" in run.stdout and "loading the NLP pipeline" not in run.stderr
    assert graph_counts(empty_graph, neo4j_settings.neo4j_database) == counts
