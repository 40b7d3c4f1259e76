"""What Neo4j Browser shows on one click: a fact's sentence and article, an election's name, a share."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from neo4j import Driver

from ingest.models import ArticleExtraction
from ingest.write import GraphWriter
from polgraph.settings import Settings
from queries.catalog import load_catalog
from queries.runner import run_saved_query
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


def _told(article_id: str, sentence: str, confidence: float, published: date | None) -> ArticleExtraction:
    """An article that tells Lopez's backing of Novak, as sure of it and dated as asked."""
    x = extraction(article_id, f"h-{article_id}", sentence, with_accuse=False)
    return x.model_copy(
        update={
            "article": x.article.model_copy(update={"published": published}),
            "relations": [x.relations[0].model_copy(update={"confidence": confidence})],
        }
    )


def test_a_facts_sentences_are_listed_surest_then_newest_then_by_id_and_it_shows_the_first(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    told = [
        _told("a-old", "An old report.", 0.8, date(2020, 5, 3)),
        _told("a-sure", "The surest report.", 0.9, date(2020, 5, 1)),
        _told("a-new-1", "A new report.", 0.8, date(2020, 6, 1)),
        _told("a-new-2", "Another new report.", 0.8, date(2020, 6, 1)),
        _told("a-undated", "An undated report.", 0.8, None),
    ]
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write(told)
    everything = empty_graph.execute_query(
        "MATCH (ev:Evidence)-[:EVIDENCE_OF]->(art:Article) WHERE ev.rel_type = 'SUPPORT' "
        "RETURN ev.sentence AS sentence, art.published AS published, ev.id AS id, "
        "ev.published_on AS published_on"
    ).records
    assert len(everything) == 5
    # What the index holds: the article's day, an undated one's the first day of all.
    assert all(r["published_on"] == (r["published"] or date(1, 1, 1)) for r in everything)
    new_ids = sorted((r["id"], r["sentence"]) for r in everything if r["published"] == date(2020, 6, 1))
    expected = ["The surest report.", new_ids[1][1], new_ids[0][1], "An old report.", "An undated report."]
    query = load_catalog()["who_backed_whom"]
    rows = run_saved_query(empty_graph, neo4j_settings, query, query.bind({})).rows
    assert [e["sentence"] for e in rows[0]["evidence"]] == expected[:3]
    profile = load_catalog()["actor_profile"]
    relations = run_saved_query(empty_graph, neo4j_settings, profile, profile.bind({"actor": "Ana Lopez"}))
    assert [e["sentence"] for e in relations.rows[0]["relations"][0]["evidence"]] == expected[:2]
    assert shown(empty_graph)["sentence"] == "The surest report."
    # The surest article is edited and no longer tells it: the next one is shown, the rest still in order.
    edited = extraction("a-sure", "edited", "Nothing of the kind.", with_accuse=False)
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write([edited.model_copy(update={"relations": []})])
    assert shown(empty_graph)["sentence"] == expected[1]
    rows = run_saved_query(empty_graph, neo4j_settings, query, query.bind({})).rows
    assert [e["sentence"] for e in rows[0]["evidence"]] == expected[1:4]


def test_the_evidence_rank_migration_dates_evidence_written_before_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    migrated_after_writing(
        empty_graph,
        neo4j_settings,
        "MATCH (ev:Evidence) REMOVE ev.published_on",
        "V0015__evidence_rank.cypher",
    )
    days = empty_graph.execute_query(
        "MATCH (ev:Evidence) RETURN DISTINCT toString(ev.published_on) AS d"
    ).records
    assert [r["d"] for r in days] == ["2020-05-03"]
