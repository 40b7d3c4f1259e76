"""Ingest end to end on a real Neo4j: the sample articles, re-runs, concurrent runs, the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import Driver

from ingest.models import RawArticle
from ingest.pipeline import Pipeline, ingest_items
from ingest.read import read_inputs
from polgraph.settings import Settings
from tests.conftest import DATA_DIR, make_test_settings, subprocess_env, wipe_graph

pytestmark = pytest.mark.neo4j

CONTRACT = {
    "article": {"id", "source_path", "title", "published", "outlet"},
    "entity": {"id", "type", "name", "aliases"},
    "relation": {"type", "source", "target", "date", "evidence", "claimed_by", "confidence"},
    "election": {"id", "country", "kind", "date", "annulled", "turnout", "results"},
    "result": {"participant", "vote_share", "votes", "won"},
    "event": {"id", "type", "date", "location", "country", "participants", "counts", "evidence"},
}


def graph_counts(driver: Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n", database_=database
    )
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS r", database_=database)
    return records[0]["n"], rels[0]["r"]


def polgraph(*args: str, settings: Settings, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(settings),
        input=stdin,
        timeout=600,
    )


def test_reingesting_the_sample_articles_changes_nothing(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    first, extracted = ingest_items(
        read_inputs([str(DATA_DIR)]), empty_graph, neo4j_settings, pipeline=nlp_pipeline
    )
    assert first.new == 5 and first.failed == 0, first.failures
    assert extracted == []  # an operator's ingest holds no article's facts in memory once written
    assert first.relationships_created > 0
    counts = graph_counts(empty_graph, neo4j_settings.neo4j_database)

    again = read_inputs([str(DATA_DIR)])
    second, re_extracted = ingest_items(
        again, empty_graph, neo4j_settings, pipeline=nlp_pipeline, keep_extractions=True
    )
    assert second.unchanged == 5 and second.new == 0
    assert re_extracted == []  # stored word for word: not sent through spaCy again
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert graph_counts(empty_graph, neo4j_settings.neo4j_database) == counts

    # Every typed fact points back to an article through its evidence.
    orphans, _, _ = empty_graph.execute_query(
        "MATCH ()-[r]->() WHERE r.key IS NOT NULL AND NOT EXISTS { "
        "MATCH (:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(:Article) } RETURN count(r) AS n",
        database_=neo4j_settings.neo4j_database,
    )
    assert orphans[0]["n"] == 0
    facts, _, _ = empty_graph.execute_query(
        "MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN count(r) AS n",
        database_=neo4j_settings.neo4j_database,
    )
    assert facts[0]["n"] > 0


def test_extract_prints_the_json_contract_with_ids_stable_across_runs() -> None:
    settings = make_test_settings()
    runs = [polgraph("extract", str(DATA_DIR), "--json", settings=settings) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    objects = [json.loads(line) for line in runs[0].stdout.splitlines() if line.strip()]
    assert len(objects) == 5
    for obj in objects:
        assert CONTRACT["article"] <= obj["article"].keys()
        for ent in obj["entities"]:
            assert CONTRACT["entity"] <= ent.keys()
        for rel in obj["relations"]:
            assert CONTRACT["relation"] <= rel.keys()
        for el in obj["elections"]:
            assert CONTRACT["election"] <= el.keys()
            for res in el["results"]:
                assert CONTRACT["result"] <= res.keys()
        for ev in obj["events"]:
            assert CONTRACT["event"] <= ev.keys()
    ids = [sorted(e["id"] for o in objects for e in o["entities"]) for o in objects]
    again = [json.loads(line) for line in runs[1].stdout.splitlines() if line.strip()]
    assert ids == [sorted(e["id"] for o in again for e in o["entities"]) for o in again]
    # Every relation endpoint is an entity or an election of its own article.
    for obj in objects:
        known = {e["id"] for e in obj["entities"]} | {el["id"] for el in obj["elections"]}
        for rel in obj["relations"]:
            assert rel["source"] in known and rel["target"] in known


def test_ingest_reports_bad_inputs_and_keeps_going(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Opposition Rally In Valdoria\n\nThe Valdorian opposition leader Marta Kell met President Ivo Brand "
        "in the capital on Monday, and Kell accused the government of jailing journalists.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    run = polgraph("ingest", str(tmp_path), settings=neo4j_settings)
    # The good article is stored, and the exit code still tells a cron job that an input failed.
    assert run.returncode == 1, run.stderr
    assert f"failed {tmp_path / 'empty.txt'}: file is empty" in run.stderr
    assert "1 new" in run.stdout and "1 failed" in run.stdout

    clean = polgraph("ingest", str(good), settings=neo4j_settings)
    assert clean.returncode == 0, clean.stderr
    assert "1 unchanged" in clean.stdout and "0 failed" in clean.stdout


def test_ingest_with_the_database_down_fails_clearly(tmp_path: Path) -> None:
    settings = make_test_settings(neo4j_uri="bolt://127.0.0.1:1")
    run = polgraph("ingest", str(DATA_DIR), settings=settings)
    assert run.returncode != 0
    assert "bolt://127.0.0.1:1" in run.stderr


def test_two_ingests_at_once_give_the_graph_of_one(empty_graph: Driver, neo4j_settings: Settings) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "cli.main", "ingest", str(DATA_DIR)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(neo4j_settings),
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    together = graph_counts(empty_graph, neo4j_settings.neo4j_database)

    empty_graph.execute_query(
        "MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=neo4j_settings.neo4j_database
    )
    alone = polgraph("ingest", str(DATA_DIR), settings=neo4j_settings)
    assert alone.returncode == 0, alone.stderr
    assert graph_counts(empty_graph, neo4j_settings.neo4j_database) == together


def graph_fingerprint(driver: Driver, database: str) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:Migration "
        "RETURN coalesce(n.id, n.key, 'search:' + n.actor_id, 'pair:' + n.a + '|' + n.b, elementId(n)) AS id "
        "ORDER BY id",
        database_=database,
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE NOT a:Migration "
        "RETURN a.id AS a, type(r) AS t, b.id AS b, count(*) AS n ORDER BY a, t, b",
        database_=database,
    )
    return [r["id"] for r in nodes], [(r["a"], r["t"], r["b"], r["n"]) for r in rels]


def test_spacy_in_workers_and_overlapped_writes_give_the_graph_of_spacy_in_process(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    from bench.corpus import generate
    from ingest.models import ReadError

    db = neo4j_settings.neo4j_database
    items: list[RawArticle | ReadError] = list(generate(30, seed=5))
    items.insert(7, ReadError(source="broken.txt", problem="not UTF-8"))
    fingerprints, progress = [], []
    # 0: spaCy in this process; 1 and 2: in that many workers (ingest/parse.py).
    for processes, batch in ((0, 20), (1, 20), (2, 3)):
        wipe_graph(empty_graph, db)
        settings = neo4j_settings.model_copy(
            update={"nlp_processes": processes, "ingest_batch_size": batch, "nlp_batch_size": 4}
        )
        ticks: list[tuple[int, int]] = []
        summary, _ = ingest_items(
            items,
            empty_graph,
            settings,
            pipeline=Pipeline(settings),
            on_batch=lambda d, f, ticks=ticks: ticks.append((d, f)),  # type: ignore[misc]
        )
        assert summary.new == 30 and summary.failed == 1, summary.failures
        fingerprints.append(graph_fingerprint(empty_graph, db))
        progress.append((sum(d for d, _ in ticks), sum(f for _, f in ticks), len(ticks)))
    assert fingerprints[0] == fingerprints[1] == fingerprints[2]
    assert len(fingerprints[0][1]) > 100  # a graph with facts in it, not three empty ones
    # Progress counts every item once, whatever the batching; batches of 3 report more often.
    assert progress[0][:2] == progress[1][:2] == progress[2][:2] == (30, 1)
    assert progress[2][2] > progress[1][2] == progress[0][2]
