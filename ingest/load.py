"""`polgraph load --bulk`: a first load of an empty database through `neo4j-admin database import full`.

Articles are read, parsed and extracted by an engine (local or Dask) and resolved batch by batch in this
process as for an ingest; the batches are folded into the graph a transactional ingest would write
(ingest/bulk.py), written as CSV, and imported with the server stopped. The server stops while the articles
are extracted (the database is empty, and nothing reads it), so that it neither holds the CPU the extraction
uses nor makes the load wait for its shutdown; it starts once, after the import. The schema is then applied
without the migrations' backfills, whose data the fold wrote already, and the revision recorded, so that the
API's caches see a new graph.
"""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver

from ingest.bulk import BulkGraph
from ingest.bulk_csv import ARRAY_DELIMITER
from ingest.engines import Engine
from ingest.pipeline import IngestSummary, Pipeline, ProgressCallback, ingest_with
from polgraph.cypher import load_cypher, split_statements
from polgraph.database import connect
from polgraph.neo4j_local import LocalNeo4j
from polgraph.settings import Settings
from schema.migrate import apply_migrations

CYPHER = Path(__file__).resolve().parent / "cypher"


class BulkLoadError(RuntimeError):
    pass


@dataclass
class BulkLoad:
    summary: IngestSummary
    nodes: int = 0
    relationships: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # extract, csv, stop, import, start, schema


def has_data(driver: Driver, database: str) -> bool:
    records, _, _ = driver.execute_query(load_cypher(CYPHER, "has_data"), database_=database)
    return bool(records[0]["has_data"])


def bulk_load(
    engine: Engine,
    settings: Settings,
    pipeline: Pipeline | None = None,
    on_batch: ProgressCallback | None = None,
) -> BulkLoad:
    """Load what `engine` reads into the empty database of the server polgraph manages."""
    db = settings.neo4j_database
    if not settings.manages_neo4j:
        raise BulkLoadError(
            f"--bulk writes the database's files itself, so it needs the Neo4j that polgraph runs; "
            f"{settings.neo4j_uri} is not (NEO4J_MANAGED): use polgraph ingest"
        )
    local = LocalNeo4j(settings)
    local.start()
    started = time.monotonic()
    with connect(settings) as driver:
        if has_data(driver, db):
            raise BulkLoadError(
                f"database '{db}' at {settings.neo4j_uri} is not empty: --bulk replaces the whole database, "
                f"so it loads only an empty one; polgraph ingest adds to it"
            )
        graph = BulkGraph(import_folder(local))
        stopping = threading.Thread(target=local.stop, name="neo4j-stop", daemon=True)
        stopping.start()
        try:
            # The driver is not used: the pipeline is given (no known actors to read from an empty graph)
            # and the writer is the fold.
            summary, _ = ingest_with(
                engine,
                driver,
                settings,
                on_batch=on_batch,
                pipeline=pipeline or Pipeline(settings),
                skip_unchanged=False,
                writer=graph,
            )
        except BaseException:
            shutil.rmtree(graph.folder, ignore_errors=True)
            stopping.join()
            local.start()  # as it was found: nothing was imported
            raise
    result = BulkLoad(summary)
    result.seconds["extract"] = time.monotonic() - started
    waited = time.monotonic()
    stopping.join()
    result.seconds["stop"] = time.monotonic() - waited
    result.seconds.update(import_graph(graph, settings, local))
    # Counted once written: the pairs' summaries are made with the files.
    result.nodes, result.relationships = graph.node_count(), graph.rel_count()
    return result


def import_folder(local: LocalNeo4j) -> Path:
    """Where a bulk load writes its CSV files, emptied: the import folder of the server's instance."""
    folder = local.instance / "import"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def import_graph(graph: BulkGraph, settings: Settings, local: LocalNeo4j) -> dict[str, float]:
    """Write `graph` as CSV, import it with the server stopped (stopping it if it runs), start the server,
    apply the schema and record the revision; the seconds each step took."""
    db = settings.neo4j_database
    seconds: dict[str, float] = {}
    mark = time.monotonic()

    def step(name: str) -> None:
        nonlocal mark
        now = time.monotonic()
        seconds[name] = now - mark
        mark = now

    folder = graph.folder
    nodes, relationships = graph.write_csv()
    graph.close()
    step("csv")
    if local.pid() is not None:
        local.stop()
        step("stop")
    try:
        local.import_full(db, nodes, relationships, ARRAY_DELIMITER)
        step("import")
    finally:
        local.start()
        step("start")
        shutil.rmtree(folder, ignore_errors=True)
    with connect(settings) as driver:
        apply_migrations(driver, db, backfill=False)
        # Auto-commit: the statements batch themselves, which a managed transaction refuses.
        with driver.session(database=db) as session:
            for statement in split_statements(load_cypher(CYPHER, "bulk_empty_lists")):
                session.run(statement).consume()
        driver.execute_query(load_cypher(CYPHER, "revision"), database_=db)
    step("schema")
    return seconds
