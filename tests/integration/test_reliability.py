"""The class of failures, not the cases: random inputs through the whole ingest, and writers racing.

- Random folders (the readers' property test's inputs) through `ingest_items`: nothing raises out of a
  batch and every input ends in exactly one count.
- A torture run: several `polgraph ingest` processes over random, overlapping sets of articles, some
  sharing a URL with different texts, and an API client posting meanwhile. Afterwards every stored fact's
  sentence is in its article's current text, every fact's articles hold its evidence, no actor is there
  twice, and each run's counts add up to its inputs.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from neo4j import Driver

from bench.corpus import generate
from ingest.clean import clean_article
from ingest.errors import InputError
from ingest.models import RawArticle
from ingest.pipeline import Pipeline, ingest_items
from ingest.read import read_inputs
from polgraph.settings import Settings
from tests.conftest import subprocess_env
from tests.unit.test_read_properties import folder_entries, write_folder

pytestmark = pytest.mark.neo4j

SUMMARY = re.compile(r"articles: (\d+) new, (\d+) unchanged, (\d+) replaced, (\d+) duplicate, (\d+) failed")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(folder_entries())
def test_random_folders_through_the_ingest_end_each_input_in_one_count(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline, entries: list[tuple[str, bytes]]
) -> None:
    with tempfile.TemporaryDirectory(prefix="polgraph-ingest-") as folder:
        write_folder(Path(folder), entries)
        items = list(read_inputs([folder]))
        summary, _ = ingest_items(items, empty_graph, neo4j_settings, pipeline=nlp_pipeline)
    counted = summary.new + summary.unchanged + summary.replaced + summary.duplicates + summary.failed
    assert counted == len(items), (summary, items)


# ------------------------------------------------------------------------------------------ torture run

PROCESSES = 3
BASE = 24  # articles, each under its own URL
CONFLICTS = 8  # of those URLs, how many have another text in each process
PER_PROCESS = 10  # base articles each process draws besides


def url_of(i: int) -> str:
    return f"https://torture.example/story-{i}"


def texts_for(count: int, seed: int) -> list[dict[str, Any]]:
    return [
        {"text": raw.text, "url": url_of(i), "title": raw.title}
        for i, raw in enumerate(generate(count, seed=seed))
    ]


def clean_texts(objects: list[dict[str, Any]]) -> dict[str, str]:
    """Content hash -> the clean text stored facts must quote."""
    texts = {}
    for obj in objects:
        try:
            article = clean_article(RawArticle(source_path="x", text=obj["text"], url=obj["url"]))
        except InputError:
            continue
        texts[article.content_hash] = article.text
    return texts


def write_inputs(folder: Path, objects: list[dict[str, Any]]) -> int:
    folder.mkdir(parents=True)
    for n, obj in enumerate(objects):
        (folder / f"{n:03d}.json").write_text(json.dumps(obj), encoding="utf-8")
    return len(objects)


def test_racing_ingests_and_an_api_writer_leave_no_stale_fact_and_no_twin(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    from api.app import create_app

    db = neo4j_settings.neo4j_database
    base = texts_for(BASE, seed=23)
    # Each process its own text of the first CONFLICTS URLs, first and in the same order: the processes
    # write them at about the same time, batch by batch.
    own = [texts_for(CONFLICTS, seed=100 + k) for k in range(PROCESSES + 1)]
    others = own[PROCESSES]  # the API's
    rng = random.Random(25)
    env = subprocess_env(neo4j_settings)
    env.update(POLGRAPH_INGEST_BATCH_SIZE="2", POLGRAPH_NLP_PROCESSES="0")
    runs = []
    given_urls: set[str] = set()
    for k in range(PROCESSES):
        rest = rng.sample(base[CONFLICTS:], PER_PROCESS) + [o for o in base[:CONFLICTS] if rng.random() < 0.3]
        rng.shuffle(rest)
        chosen = own[k] + rest
        given_urls.update(o["url"] for o in chosen)
        count = write_inputs(tmp_path / f"run{k}", chosen)
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "ingest", str(tmp_path / f"run{k}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        runs.append((proc, count))

    posted: list[int] = []
    to_post = [*rng.sample(others, 3), *rng.sample(base[:CONFLICTS], 3)]
    given_urls.update(o["url"] for o in to_post)

    def api_writer() -> None:
        with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as client:
            for obj in to_post:
                response = client.post("/articles", json=obj, headers={"X-API-Key": neo4j_settings.api_key})
                posted.append(response.status_code)

    writer = threading.Thread(target=api_writer)
    started = time.monotonic()
    writer.start()
    for proc, count in runs:
        out, err = proc.communicate(timeout=900)
        found = SUMMARY.search(" ".join(out.split()))
        assert found, out
        # Exit code 1 tells that some input failed, 0 that none did.
        assert proc.returncode == (1 if int(found.group(5)) else 0), err
        assert sum(int(n) for n in found.groups()) == count, (out, err)
    writer.join(timeout=600)
    elapsed = time.monotonic() - started
    assert posted and set(posted) == {200}, posted

    texts = clean_texts(base + [o for texts in own for o in texts])
    records, _, _ = empty_graph.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.url AS url, a.content_hash AS hash, "
        "COLLECT { MATCH (e:Evidence)-[:EVIDENCE_OF]->(a) RETURN e.sentence } AS sentences",
        database_=db,
    )
    assert {r["url"] for r in records} == given_urls
    stale = [(r["url"], s) for r in records for s in r["sentences"] if s not in texts.get(r["hash"], "")]
    assert stale == [], "a stored fact quotes a text its article no longer has"
    assert all(r["hash"] in texts for r in records)

    orphaned, _, _ = empty_graph.execute_query(
        "MATCH (:Actor)-[r]->() WHERE r.key IS NOT NULL UNWIND r.article_ids AS aid "
        "WITH r, aid WHERE NOT EXISTS { MATCH (e:Evidence {article_id: aid, fact_key: r.key}) } "
        "RETURN type(r) AS type, aid",
        database_=db,
    )
    assert orphaned == [], "a fact names an article that no longer tells it"
    unlisted, _, _ = empty_graph.execute_query(
        "MATCH (e:Evidence) WHERE e.rel_type IS NOT NULL "
        "AND NOT EXISTS { MATCH (:Actor {id: e.source_id})-[r {key: e.fact_key}]->() "
        "WHERE e.article_id IN r.article_ids } RETURN e.id AS id",
        database_=db,
    )
    assert unlisted == [], "evidence of a fact that does not list its article"
    twins, _, _ = empty_graph.execute_query(
        "MATCH (a:Actor) WITH a.type AS type, a.name AS name, count(*) AS n WHERE n > 1 RETURN type, name",
        database_=db,
    )
    assert twins == []
    # Bounded so that `make test` stays well within its time.
    assert elapsed < 600
