"""What Neo4j Browser shows on one click: a fact's sentence and article, an election's name, a share."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from ingest.write import GraphWriter
from polgraph.settings import Settings
from tests.integration.test_write import extraction, migrated_after_writing

pytestmark = pytest.mark.neo4j

SUPPORT = "MATCH (:Person {id: 'person:ana-lopez'})-[r:SUPPORT]->(:Person {id: 'person:marek-novak'}) "


def shown(driver: Driver, match: str = SUPPORT) -> dict[str, Any]:
    records = driver.execute_query(
        match + "RETURN r.article_sentence AS sentence, r.article_title AS title, r.article_url AS url, "
        "toString(r.article_published) AS published"
    ).records
    assert len(records) == 1
    return dict(records[0])


def test_a_fact_carries_its_sentence_and_article(empty_graph: Driver, neo4j_settings: Settings) -> None:
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write(
        [extraction("a1", "h1", "Lopez backed Novak.")]
    )
    assert shown(empty_graph) == {
        "sentence": "Lopez backed Novak.",
        "title": "T",
        "url": None,  # these test articles have none
        "published": "2020-05-03",
    }


def test_an_edit_that_withdraws_the_shown_sentence_shows_another_articles(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write(
        [extraction("a1", "h1", "Novak accused Ruritania."), extraction("a2", "h2", "Novak blamed them.")]
    )
    accuse = "MATCH (:Person {id: 'person:marek-novak'})-[r:ACCUSE]->() "
    told_by = {"Novak accused Ruritania.": "a1", "Novak blamed them.": "a2"}
    before = shown(empty_graph, accuse)["sentence"]
    # The article that gave the shown sentence is edited and no longer tells of the accusation.
    writer.write([extraction(told_by[before], "edited", "Lopez backed Novak.", with_accuse=False)])
    after = shown(empty_graph, accuse)["sentence"]
    assert after in told_by and after != before


def test_elections_are_named_by_country_kind_and_year_and_results_by_share(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write([extraction("a1", "h1", "x")])
    record = empty_graph.execute_query(
        "MATCH (a)-[c:CANDIDATE_IN]->(e:Election) RETURN e.name AS name, c.result AS result"
    ).records[0]
    assert (record["name"], record["result"]) == ("Ruritania presidential 2020", "51.5 %")


def test_the_fact_sentence_migration_fills_facts_and_elections_written_before_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    migrated_after_writing(
        empty_graph,
        neo4j_settings,
        "MATCH ()-[r]->() REMOVE r.article_sentence, r.article_title, r.article_url, r.article_published, "
        "r.result WITH DISTINCT 1 AS one MATCH (e:Election) SET e.name = 'old'",
        "V0010__fact_sentence.cypher",
    )
    assert shown(empty_graph)["sentence"] == "Lopez backed Novak."
    record = empty_graph.execute_query(
        "MATCH (a)-[c:CANDIDATE_IN]->(e:Election) RETURN e.name AS name, c.result AS result"
    ).records[0]
    assert (record["name"], record["result"]) == ("Ruritania presidential 2020", "51.5 %")
