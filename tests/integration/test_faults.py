"""Faults during ingest: a killed process, a server that goes away, ingests racing each other.

Each must leave the graph that one clean run leaves: no half-written article, nothing twice.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import Driver

from bench.corpus import generate
from polgraph.database import create_driver
from polgraph.neo4j_local import LocalNeo4j
from polgraph.settings import Settings
from schema.migrate import apply_migrations
from tests.conftest import spare_settings, subprocess_env, wipe_graph

pytestmark = pytest.mark.neo4j


def snapshot(driver: Driver, database: str) -> list[tuple[str, int, int]]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:Migration WITH labels(n) AS ls, COUNT { (n)-->() } AS out "
        "RETURN ls, count(*) AS nodes, sum(out) AS rels ORDER BY ls",
        database_=database,
    )
    return [(":".join(sorted(r["ls"])), r["nodes"], r["rels"]) for r in records]


def article_count(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=database)
    return int(records[0]["n"])


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for raw in generate(count, seed=11):
        path = folder / Path(raw.source_path).name
        path.write_text(raw.text, encoding="utf-8")
        meta = {"title": raw.title, "published": raw.published.isoformat() if raw.published else None}
        path.with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie nobody has reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def ingest_process(folder: Path, settings: Settings, batch: int) -> subprocess.Popen[str]:
    env = subprocess_env(settings)
    env["POLGRAPH_INGEST_BATCH_SIZE"] = str(batch)
    return subprocess.Popen(
        [sys.executable, "-m", "cli.main", "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def ingest_until_first_write(corpus: Path, settings: Settings, driver: Driver) -> subprocess.Popen[str]:
    """An ingest of `corpus` in 5-article batches, returned once a batch is in the graph (or it ended)."""
    proc = ingest_process(corpus, settings, batch=5)
    deadline = time.monotonic() + 300
    while (
        article_count(driver, settings.neo4j_database) == 0
        and time.monotonic() < deadline
        and proc.poll() is None
    ):
        time.sleep(0.05)
    return proc


def test_sigkill_mid_ingest_then_rerun_equals_one_clean_run(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    db = neo4j_settings.neo4j_database
    corpus = write_corpus(tmp_path / "corpus", 60)
    proc = ingest_until_first_write(corpus, neo4j_settings, empty_graph)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    # Its spaCy worker notices and leaves rather than waiting for texts forever.
    assert workers, "the ingest runs spaCy in a worker process"
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
    written = article_count(empty_graph, db)
    assert 0 < written < 60, "the kill must land mid-ingest for this test to mean anything"
    # Whole batches only: a transaction per batch commits all of its articles or none.
    assert written % 5 == 0

    rerun = ingest_process(corpus, neo4j_settings, batch=5)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{written} unchanged" in out
    after_kill = snapshot(empty_graph, db)

    wipe_graph(empty_graph, db)
    clean = ingest_process(corpus, neo4j_settings, batch=5)
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err
    assert snapshot(empty_graph, db) == after_kill


def test_server_stopped_mid_ingest_gives_a_clear_error_and_the_rerun_completes(
    neo4j_settings: Settings, tmp_path: Path
) -> None:
    settings = spare_settings()  # stopping the session's server would break the other tests
    local = LocalNeo4j(settings)
    local.start()
    try:
        driver = create_driver(settings)
        apply_migrations(driver, settings.neo4j_database)
        wipe_graph(driver, settings.neo4j_database)
        corpus = write_corpus(tmp_path / "corpus", 40)
        proc = ingest_process(corpus, settings, batch=4)
        deadline = time.monotonic() + 300
        while article_count(driver, settings.neo4j_database) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        driver.close()
        local.stop()
        _, err = proc.communicate(timeout=300)
        assert proc.returncode != 0
        assert settings.neo4j_uri in err

        local.start()
        driver = create_driver(settings)
        rerun = ingest_process(corpus, settings, batch=4)
        _, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err
        assert article_count(driver, settings.neo4j_database) == 40
        driver.close()
    finally:
        local.stop()


def test_ctrl_c_mid_ingest_says_what_was_committed_and_the_rerun_completes(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    db = neo4j_settings.neo4j_database
    corpus = write_corpus(tmp_path / "corpus", 60)
    proc = ingest_until_first_write(corpus, neo4j_settings, empty_graph)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    written = article_count(empty_graph, db)
    assert 0 < written < 60, "the interrupt must land mid-ingest for this test to mean anything"
    said = " ".join(err.split())
    assert "interrupted" in said and f"{written} new" in said, err
    assert "Traceback" not in err
    rerun = ingest_process(corpus, neo4j_settings, batch=5)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{60 - written} new, {written} unchanged" in out
