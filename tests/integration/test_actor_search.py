"""What searches find an actor by lives on its (:ActorSearch) node, never on the Actor node that Neo4j Browser
shows analysts (schema/V0011__actor_search.cypher); search finds actors as before."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from api.routes.entities import name_grams
from ingest.models import ArticleExtraction, EntityType
from ingest.write import GraphWriter
from polgraph.cypher import split_statements
from polgraph.settings import Settings
from queries.catalog import default_catalog
from queries.runner import run_saved_query, to_graph
from schema.migrate import MIGRATIONS_DIR, apply_migrations
from tests.integration.test_write import ent, extraction

pytestmark = pytest.mark.neo4j

INDEX_ONLY = {"aliases_text", "name_grams"}


def actor_keys(driver: Driver) -> dict[str, set[str]]:
    """Each actor's property names: what Browser's node panel lists."""
    records = driver.execute_query("MATCH (a:Actor) RETURN a.id AS id, keys(a) AS keys").records
    return {r["id"]: set(r["keys"]) for r in records}


def search_nodes(driver: Driver) -> dict[str, dict[str, Any]]:
    records = driver.execute_query(
        "MATCH (s:ActorSearch) RETURN s.actor_id AS id, properties(s) AS props, "
        "EXISTS { MATCH (:Actor {id: s.actor_id}) } AS has_actor, COUNT { (s)--() } AS links"
    ).records
    found: dict[str, dict[str, Any]] = {}
    for r in records:
        assert r["id"] not in found, f"two search nodes for {r['id']}"
        assert r["has_actor"], f"the search node of {r['id']} has no actor"
        assert r["links"] == 0, f"the search node of {r['id']} is joined to the graph"
        found[r["id"]] = r["props"]
    return found


def fulltext_indexes(driver: Driver) -> dict[str, tuple[list[str], list[str], str]]:
    records = driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state RETURN *"
    ).records
    return {r["name"]: (r["labelsOrTypes"], r["properties"], r["state"]) for r in records}


def search(settings: Settings, q: str) -> list[str]:
    with TestClient(create_app(settings)) as client:
        response = client.get("/entities", params={"q": q})
    assert response.status_code == 200, response.text
    return [hit["id"] for hit in response.json()["results"]]


def backers(driver: Driver, settings: Settings, actor: str) -> set[tuple[str, str]]:
    query = default_catalog()["who_backed_whom"]
    rows = run_saved_query(driver, settings, query, query.bind({"actor": actor})).rows
    return {(r["source_id"], r["target_id"]) for r in rows}


def run_file(driver: Driver, settings: Settings, name: str) -> None:
    with driver.session(database=settings.neo4j_database) as session:
        for statement in split_statements((MIGRATIONS_DIR / name).read_text("utf-8")):
            session.run(statement).consume()


def ex_ids(ex: ArticleExtraction) -> set[str]:
    return {e.id for e in ex.entities}


def to_the_old_shape(driver: Driver, settings: Settings, texts: dict[str, tuple[str, str]]) -> None:
    """The graph and schema as V0010 left them: each actor carries its search text, the full-text indexes
    read it there, no search node exists and V0011 is not recorded."""
    db = settings.neo4j_database
    for statement in (
        "DROP INDEX actor_names IF EXISTS",
        "DROP INDEX actor_grams IF EXISTS",
        "DROP INDEX actor_name_text IF EXISTS",
        "DROP CONSTRAINT actor_search_actor_id IF EXISTS",
    ):
        driver.execute_query(statement, database_=db)
    driver.execute_query("MATCH (s:ActorSearch) DELETE s", database_=db)
    driver.execute_query(
        "UNWIND $rows AS row MATCH (a:Actor {id: row.id}) "
        "SET a.aliases_text = row.text, a.name_grams = row.grams",
        rows=[{"id": aid, "text": text, "grams": grams} for aid, (text, grams) in texts.items()],
        database_=db,
    )
    driver.execute_query("MATCH (m:Migration {version: 11}) DELETE m", database_=db)
    run_file(driver, settings, "V0003__fulltext.cypher")
    run_file(driver, settings, "V0009__actor_grams.cypher")
    driver.execute_query("CALL db.awaitIndexes(120)", database_=db)


def test_a_graph_in_the_old_shape_keeps_working_after_the_schema_is_applied(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    ex = extraction("a1", "h1", "Lopez backed Novak.")
    GraphWriter(empty_graph, db).write([ex])
    # What the writer before V0011 put on each actor: its names joined, and their three-letter pieces.
    texts = {
        e.id: (
            " | ".join([e.name, e.name, *e.aliases]),
            " ".join(name_grams(" ".join([e.name, e.name, *e.aliases]))),
        )
        for e in ex.entities
    }
    to_the_old_shape(empty_graph, neo4j_settings, texts)
    # Made by hand in Browser: one without search text, which the migration cuts as the writer does, and one
    # without an id, which it leaves alone.
    empty_graph.execute_query(
        "CREATE (:Actor:Person {id: 'person:hand-made', name: 'Hand Made', type: 'Person', "
        "aliases: ['Hand Made', 'H. Made']}) CREATE (:Actor:Person {name: 'No Id', type: 'Person'})"
    )
    by_hand = "Hand Made | Hand Made | H. Made"
    texts["person:hand-made"] = (by_hand, " ".join(name_grams("Hand Made Hand Made H. Made")))
    old = fulltext_indexes(empty_graph)
    assert old["actor_names"][0] == ["Actor"] and old["actor_grams"][0] == ["Actor"]
    assert all(keys >= INDEX_ONLY for aid, keys in actor_keys(empty_graph).items() if aid in ex_ids(ex))

    assert [m.version for m in apply_migrations(empty_graph, db)] == [11]

    for aid, keys in actor_keys(empty_graph).items():
        assert not keys & INDEX_ONLY, (aid, keys)
    moved = search_nodes(empty_graph)
    assert set(moved) == set(texts)
    for aid, (text, grams) in texts.items():
        assert moved[aid]["aliases_text"] == text and moved[aid]["name_grams"] == grams, aid
    indexes = fulltext_indexes(empty_graph)
    assert indexes["actor_names"] == (["ActorSearch"], ["name", "aliases_text"], "ONLINE")
    assert indexes["actor_grams"] == (["ActorSearch"], ["name_grams"], "ONLINE")
    assert indexes["actor_name_text"] == (["Actor"], ["name"], "ONLINE")
    # Found as before: by a misspelling, by three-letter pieces past two edits, by an alias in a saved query.
    assert search(neo4j_settings, "Marek Nowak")[0] == "person:marek-novak"
    assert search(neo4j_settings, "Maarrekk Noovaakk")[0] == "person:marek-novak"
    assert search(neo4j_settings, "h made")[0] == "person:hand-made"
    assert backers(empty_graph, neo4j_settings, "mr novak") == {("person:ana-lopez", "person:marek-novak")}
    # Applied once: nothing to do the second time.
    assert apply_migrations(empty_graph, db) == []


def test_the_writer_keeps_one_search_node_per_actor_and_an_edit_that_deletes_an_actor_deletes_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    first = extraction("a1", "h1", "Lopez backed Novak.")
    ghost = ent("person:ghost-writer", EntityType.PERSON, "Ghost Writer", "Mr Ghost")
    writer.write([first.model_copy(update={"entities": [*first.entities, ghost]})])
    writer.write([extraction("a2", "h2", "Lopez backed Novak.")])
    nodes = search_nodes(empty_graph)
    assert set(nodes) == set(actor_keys(empty_graph)) and "person:ghost-writer" in nodes
    assert search(neo4j_settings, "ghost")[0] == "person:ghost-writer"
    # Written again word for word: nothing new, not even a search node.
    assert writer.write([extraction("a2", "h2", "Lopez backed Novak.")]).nodes_created == 0

    writer.write([extraction("a1", "h1-edited", "Lopez endorsed Novak.", with_accuse=False)])
    nodes = search_nodes(empty_graph)
    assert "person:ghost-writer" not in nodes and set(nodes) == set(actor_keys(empty_graph))
    assert search(neo4j_settings, "ghost") == []
    for aid, keys in actor_keys(empty_graph).items():
        assert not keys & INDEX_ONLY, (aid, keys)


def test_a_search_node_left_without_its_actor_is_never_an_answer(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    # An actor deleted by hand in Browser leaves its search node behind; searches skip it.
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write(
        [extraction("a1", "h1", "Lopez backed Novak.")]
    )
    empty_graph.execute_query("MATCH (a:Actor {id: 'person:marek-novak'}) DETACH DELETE a")
    assert "person:marek-novak" not in search(neo4j_settings, "Marek Novak")
    assert backers(empty_graph, neo4j_settings, "Marek Novak") == set()
    assert search(neo4j_settings, "Ana Lopez")[0] == "person:ana-lopez"


def test_no_saved_query_answers_with_a_search_node(empty_graph: Driver, neo4j_settings: Settings) -> None:
    # Actors named by an alias or a name, so that every look-up goes through the search indexes: each node the
    # answers draw (their graph form, which the explorer draws) is an actor, an election or an event.
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write(
        [extraction("a1", "h1", "Lopez backed Novak.")]
    )
    graph_ids = {
        r["id"]
        for r in empty_graph.execute_query(
            "MATCH (n) WHERE n:Actor OR n:Election OR n:Event RETURN n.id AS id"
        ).records
    }
    key = empty_graph.execute_query("MATCH ()-[r:SUPPORT]->() RETURN r.key AS key").records[0]["key"]
    given = {
        "actor": "mr novak",
        "from_actor": "Mr Novak",
        "to_actor": "ana lopez",
        "other": "Ana Lopez",
        "key": key,
        "country": "Ruritania",
    }
    drawn: dict[str, set[str]] = {}
    for name, query in default_catalog().items():
        params = {p.name: given[p.name] for p in query.params if p.name in given}
        if "country" in params and not query.param("country").required:  # type: ignore[union-attr]
            del params["country"]
        result = run_saved_query(empty_graph, neo4j_settings, query, query.bind(params))
        drawn[name] = {node.id for node in to_graph(result).nodes}
        assert drawn[name] <= graph_ids, (name, drawn[name] - graph_ids)
    for name in ("actor_profile", "actor_timeline", "who_backed_whom", "interactions", "connection_path"):
        assert {"person:ana-lopez", "person:marek-novak"} <= drawn[name], (name, drawn[name])
