"""A bulk-built graph is migrated with its schema statements only: which statements those are."""

from __future__ import annotations

from polgraph.cypher import split_statements
from schema.migrate import discover, is_schema_statement


def test_schema_statements_are_told_from_backfills() -> None:
    assert is_schema_statement("CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE")
    assert is_schema_statement("// why\nCREATE FULLTEXT INDEX b IF NOT EXISTS FOR (n:B) ON EACH [n.name]")
    assert is_schema_statement("create index c if not exists for ()-[r:R]-() on (r.x)")
    assert is_schema_statement("DROP INDEX d IF EXISTS")
    assert is_schema_statement("CALL db.awaitIndexes(600)")
    assert not is_schema_statement("MATCH (n:A) WHERE n.x IS NULL SET n.x = 1")
    assert not is_schema_statement("WITH {A: 1} AS scale MATCH ()-[r]->() SET r.y = scale[type(r)]")
    assert not is_schema_statement("CALL (n) { SET n.x = 1 } IN TRANSACTIONS")


def test_every_backfill_reads_the_graph_and_every_schema_statement_writes_none() -> None:
    for migration in discover():
        for statement in split_statements(migration.text):
            words = statement.split()
            if is_schema_statement(statement):
                assert " SET " not in f" {statement} ", (migration.path.name, statement[:60])
            else:
                assert words[0] in {"MATCH", "WITH"}, (migration.path.name, statement[:60])


def test_a_candidacy_is_captioned_as_cypher_captions_it() -> None:
    from ingest.bulk import _result_caption

    assert _result_caption(61.2, None) == "61.2 %"
    assert _result_caption(50.0, True) == "50.0 %"
    assert _result_caption(0.0001, None) == "1.0E-4 %"
    assert _result_caption(None, True) == "won"
    assert _result_caption(None, False) == "lost"
    assert _result_caption(None, None) == "candidate"
