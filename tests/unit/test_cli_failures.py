"""What `polgraph ingest` says when a server that still answers refuses a batch."""

from __future__ import annotations

from cli.main import refused_batch
from polgraph.settings import Settings

# Said by a Neo4j 5.26 run with POLGRAPH_NEO4J_HEAP=64m, ingesting 300 articles a batch (issue 25).
HEAP_SPACE = (
    "{neo4j_code: Neo.DatabaseError.Statement.ExecutionFailed} {message: Java heap space} "
    "{gql_status: 50N00} {gql_status_description: error: general processing exception - internal error. "
    "Internal exception raised CypherExecution: Java heap space}"
)


def test_a_server_out_of_heap_is_told_apart_from_a_lost_one() -> None:
    settings = Settings(neo4j_heap="64m", ingest_batch_size=300)  # type: ignore[call-arg]
    said = refused_batch(settings, "Neo.DatabaseError.Statement.ExecutionFailed", HEAP_SPACE)
    assert "is up" in said and "lost" not in said
    assert "out of memory" in said and "POLGRAPH_NEO4J_HEAP, now 64m" in said
    assert "POLGRAPH_INGEST_BATCH_SIZE, now 300" in said


def test_another_refusal_gives_the_servers_own_words() -> None:
    said = refused_batch(Settings(), "Neo.ClientError.Schema.ConstraintValidationFailed", "already exists")  # type: ignore[call-arg]
    assert "is up" in said and said.endswith("already exists") and "memory" not in said
