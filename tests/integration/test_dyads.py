"""Each pair's summary (:Dyad), kept by the writer on a real Neo4j: made, changed and deleted with the
interactions it sums, and built by the migration for a graph written before it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from neo4j import Driver

from ingest.models import ArticleExtraction, ArticleInfo, Entity, EntityType, Evidence, FuzzyDate, Relation
from ingest.write import GraphWriter
from polgraph.cypher import split_statements
from polgraph.settings import Settings
from schema.migrate import MIGRATIONS_DIR
from tests.integration.canonical import dyad_mismatches, first_difference, graph_dump

pytestmark = pytest.mark.neo4j

ODA = "person:ilse-oda"
BRANN = "person:tomas-brann"
VELD = "country:veldmark"
BLOC = "party:river-bloc"


Fact = tuple[str, str, str, str | None]


def article(article_id: str, content_hash: str, *facts: Fact) -> ArticleExtraction:
    """An article telling `facts`, each (type, source, target, date or None)."""
    sentence = f"Sentence of {article_id}."
    ev = Evidence(article_id=article_id, sentence=sentence, start_char=0, end_char=len(sentence), rule="test")
    return ArticleExtraction(
        article=ArticleInfo(
            id=article_id,
            source_path=f"{article_id}.txt",
            title=article_id,
            published=date(2022, 6, 10),
            content_hash=content_hash,
        ),
        entities=[
            Entity(id=ODA, type=EntityType.PERSON, name="Ilse Oda"),
            Entity(id=BRANN, type=EntityType.PERSON, name="Tomas Brann"),
            Entity(id=VELD, type=EntityType.COUNTRY, name="Veldmark"),
            Entity(id=BLOC, type=EntityType.PARTY, name="River Bloc"),
        ],
        relations=[
            Relation(
                type=kind,
                source=source,
                target=target,
                evidence=ev,
                date=FuzzyDate(value=day, precision="day") if day else None,
            )
            for kind, source, target, day in facts
        ],
    )


def dyads(driver: Driver) -> dict[tuple[str, str], dict[str, Any]]:
    rows = driver.execute_query("MATCH (d:Dyad) RETURN properties(d) AS d").records
    return {(r["d"]["a"], r["d"]["b"]): r["d"] for r in rows}


def test_a_pair_sums_its_interactions_both_ways_and_structural_facts_are_not_among_them(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write(
        [
            article("d1", "h1", ("ACCUSE", ODA, BRANN, "2022-06-01"), ("MEMBER_OF", ODA, BLOC, None)),
            article("d2", "h2", ("SUPPORT", BRANN, ODA, None), ("ACCUSE", ODA, BRANN, "2022-05-20")),
            article("d3", "h3", ("REJECT", VELD, BRANN, "2022-06-03")),
        ]
    )
    found = dyads(empty_graph)
    # The ids sort "person:ilse-oda" before "person:tomas-brann": the pair is stored that way round.
    assert set(found) == {(ODA, BRANN), (VELD, BRANN)}
    pair = found[(ODA, BRANN)]
    # One ACCUSE told by two articles is one interaction with two sources.
    assert (pair["interactions"], pair["cooperative"], pair["conflictual"], pair["sources"]) == (2, 1, 1, 3)
    assert pair["types"] == ["SUPPORT", "ACCUSE"]
    # The undated SUPPORT counts on the day it was first reported.
    assert (str(pair["first_day"]), str(pair["last_day"])) == ("2022-05-20", "2022-06-10")
    assert dyad_mismatches(empty_graph, neo4j_settings.neo4j_database) == []


def test_an_edited_article_changes_its_pairs_and_a_pair_left_without_interactions_loses_its_summary(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write(
        [
            article("d1", "h1", ("ACCUSE", ODA, BRANN, "2022-06-01")),
            article("d2", "h2", ("SUPPORT", BRANN, ODA, None), ("REJECT", VELD, BRANN, "2022-06-03")),
        ]
    )
    assert dyads(empty_graph)[(ODA, BRANN)]["interactions"] == 2
    # d2 edited: it no longer tells of the SUPPORT nor of Veldmark's rejection.
    writer.write([article("d2", "h2-edited", ("ACCUSE", ODA, BRANN, "2022-06-01"))])
    found = dyads(empty_graph)
    assert set(found) == {(ODA, BRANN)}
    assert (found[(ODA, BRANN)]["interactions"], found[(ODA, BRANN)]["sources"]) == (1, 2)
    assert found[(ODA, BRANN)]["net"] < 0
    writer.write([article("d1", "h1-edited")])
    writer.write([article("d2", "h2-edited-again")])
    assert dyads(empty_graph) == {}
    assert dyad_mismatches(empty_graph, neo4j_settings.neo4j_database) == []


def test_the_migration_builds_the_summaries_the_writer_keeps(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    GraphWriter(empty_graph, db).write(
        [
            article("d1", "h1", ("ACCUSE", ODA, BRANN, "2022-06-01"), ("CONSULT", VELD, ODA, None)),
            article("d2", "h2", ("SUPPORT", BRANN, ODA, None), ("REJECT", VELD, BRANN, "2022-06-03")),
        ]
    )
    kept = graph_dump(empty_graph, db)
    assert len(dyads(empty_graph)) == 3
    empty_graph.execute_query("MATCH (d:Dyad) DELETE d", database_=db)
    # As the migration runner runs it: each statement in an auto-commit transaction.
    with empty_graph.session(database=db) as session:
        for statement in split_statements((MIGRATIONS_DIR / "V0014__dyads.cypher").read_text("utf-8")):
            session.run(statement).consume()
    built = graph_dump(empty_graph, db)
    assert built == kept, first_difference(built[0], kept[0])
