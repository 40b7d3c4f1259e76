"""The graph writer on a real Neo4j: idempotent, one relationship per fact, edits replace only their facts."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from neo4j import Driver

from api.routes.entities import name_grams
from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    Election,
    ElectionResult,
    Entity,
    EntityType,
    Event,
    EventParticipant,
    Evidence,
    FuzzyDate,
    MergeRecord,
    Relation,
)
from ingest.write import _STATEMENTS, CYPHER, GraphWriter, build_batch
from polgraph.cypher import load_cypher, split_statements
from polgraph.settings import Settings
from queries.catalog import load_catalog
from queries.runner import run_saved_query
from schema.migrate import MIGRATIONS_DIR

pytestmark = pytest.mark.neo4j


def ent(eid: str, etype: EntityType, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, type=etype, name=name, aliases=list(aliases))


def extraction(
    article_id: str, content_hash: str, sentence: str, *, with_accuse: bool = True
) -> ArticleExtraction:
    ev = Evidence(article_id=article_id, sentence=sentence, start_char=0, end_char=len(sentence), rule="test")
    relations = [
        Relation(
            type="SUPPORT",
            source="person:ana-lopez",
            target="person:marek-novak",
            evidence=ev,
            date=FuzzyDate(value="2020-05-02", precision="day"),
            confidence=0.8,
        ),
    ]
    if with_accuse:
        relations.append(
            Relation(type="ACCUSE", source="person:marek-novak", target="country:ruritania", evidence=ev)
        )
    return ArticleExtraction(
        article=ArticleInfo(
            id=article_id,
            source_path=f"{article_id}.txt",
            title="T",
            published=date(2020, 5, 3),
            content_hash=content_hash,
        ),
        entities=[
            ent("person:ana-lopez", EntityType.PERSON, "Ana Lopez", "Lopez"),
            ent("person:marek-novak", EntityType.PERSON, "Marek Novak", "Novak", "Mr Novak").model_copy(
                update={"merges": [MergeRecord(mention="Mr Novak", rule="surname")]}
            ),
            ent("country:ruritania", EntityType.COUNTRY, "Ruritania", "Ruritanian"),
            Entity(
                id="location:strelsau", type=EntityType.LOCATION, name="Strelsau", country="country:ruritania"
            ),
        ],
        relations=relations,
        elections=[
            Election(
                id="election:ruritania:presidential:2020-05-01",
                country="country:ruritania",
                kind="presidential",
                date=FuzzyDate(value="2020-05-01", precision="day"),
                results=[ElectionResult(participant="person:marek-novak", vote_share=51.5, won=True)],
                evidence=[ev],
            )
        ],
        events=[
            Event(
                id="event:protest:ruritania:2020-05-02:strelsau",
                type="Protest",
                country="country:ruritania",
                location="location:strelsau",
                date=FuzzyDate(value="2020-05-02", precision="day"),
                participants=[EventParticipant(entity="person:ana-lopez", role="organizer")],
                counts={"size": 3000},
                evidence=ev,
            )
        ],
    )


def counts(driver: Driver) -> tuple[int, int]:
    n = driver.execute_query("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS c").records[0]["c"]
    r = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return n, r


def test_writing_the_same_batch_twice_changes_nothing(empty_graph: Driver, neo4j_settings: Settings) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    first = writer.write([extraction("a1", "h1", "Lopez backed Novak.")])
    assert first.states == {"a1": "new"} and first.nodes_created > 0
    before = counts(empty_graph)
    again = writer.write([extraction("a1", "h1", "Lopez backed Novak.")])
    assert again.states == {"a1": "unchanged"} and again.nodes_created == 0
    assert counts(empty_graph) == before


def test_a_fact_told_by_two_articles_is_one_relationship_with_both_evidences(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write(
        [extraction("a1", "h1", "Lopez backed Novak."), extraction("a2", "h2", "Novak had Lopez's support.")]
    )
    rec = empty_graph.execute_query(
        "MATCH (:Person {id: 'person:ana-lopez'})-[r:SUPPORT]->(:Person {id: 'person:marek-novak'}) "
        "MATCH (e:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(a:Article) "
        "RETURN count(DISTINCT r) AS rels, r.sources AS sources, collect(e.sentence) AS sentences, "
        "r.first_date AS first_date, r.date_start AS start"
    ).records
    assert len(rec) == 1
    assert rec[0]["rels"] == 1 and rec[0]["sources"] == 2
    assert sorted(rec[0]["sentences"]) == ["Lopez backed Novak.", "Novak had Lopez's support."]
    assert rec[0]["first_date"] == "2020-05-02"
    assert rec[0]["start"].iso_format() == "2020-05-02"
    elections = empty_graph.execute_query("MATCH (e:Election)-[:REPORTED_IN]->(a) RETURN e.id, count(a) AS n")
    assert [r["n"] for r in elections.records] == [2]


def test_an_edited_article_replaces_only_its_own_facts(empty_graph: Driver, neo4j_settings: Settings) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write(
        [extraction("a1", "h1", "Lopez backed Novak."), extraction("a2", "h2", "Novak thanked Lopez.")]
    )
    # a1 is edited and no longer tells of the accusation; a2 still does, so ACCUSE keeps one source.
    result = writer.write([extraction("a1", "h1-edited", "Lopez endorsed Novak.", with_accuse=False)])
    assert result.states == {"a1": "replaced"}
    accuse = empty_graph.execute_query("MATCH ()-[r:ACCUSE]->() RETURN r.article_ids AS ids").records
    assert [r["ids"] for r in accuse] == [["a2"]]
    support = empty_graph.execute_query("MATCH ()-[r:SUPPORT]->() RETURN r.sources AS s").records
    assert [r["s"] for r in support] == [2]
    sentences = empty_graph.execute_query(
        "MATCH (e:Evidence {article_id: 'a1'}) RETURN collect(DISTINCT e.sentence) AS s"
    ).records[0]["s"]
    assert sentences == ["Lopez endorsed Novak."]


def test_an_edit_that_drops_a_fact_no_other_article_tells_deletes_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write([extraction("a1", "h1", "Novak accused Ruritania.")])
    writer.write([extraction("a1", "h1b", "Lopez backed Novak.", with_accuse=False)])
    assert empty_graph.execute_query("MATCH ()-[r:ACCUSE]->() RETURN count(r) AS c").records[0]["c"] == 0


def test_actors_get_their_type_label_aliases_and_structural_links(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write([extraction("a1", "h1", "x")])
    rec = empty_graph.execute_query(
        "MATCH (p:Actor:Person {id: 'person:marek-novak'}) "
        "MATCH (l:Location)-[:LOCATED_IN]->(c:Country) "
        "MATCH (p)-[cand:CANDIDATE_IN]->(e:Election)-[:HELD_IN]->(c) "
        "MATCH (:Person {id: 'person:ana-lopez'})-[:PARTICIPATED_IN {role: 'organizer'}]->(ev:Event) "
        "MATCH (ev)-[:AT]->(l) "
        "MATCH (search:ActorSearch {actor_id: p.id}) "
        "RETURN p.aliases AS aliases, search.aliases_text AS text, cand.vote_share AS share, ev.size AS size"
    ).records[0]
    assert set(rec["aliases"]) == {"Marek Novak", "Novak", "Mr Novak"}
    assert "Mr Novak" in rec["text"]
    assert rec["share"] == 51.5 and rec["size"] == 3000


def test_each_merge_is_recorded_with_its_mention_rule_and_article(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    writer.write([extraction("a1", "h1", "x"), extraction("a2", "h2", "x")])
    records = empty_graph.execute_query(
        "MATCH (:Person {id: 'person:marek-novak'})-[m:MENTIONED_IN]->(art:Article) "
        "RETURN art.id AS article, m.merges AS merges ORDER BY article"
    ).records
    assert [(r["article"], r["merges"]) for r in records] == [
        ("a1", ["Mr Novak|surname"]),
        ("a2", ["Mr Novak|surname"]),
    ]


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(c) for c in plan.get("children", []))


def profiled_write(driver: Driver, database: str, ex: ArticleExtraction) -> dict[str, int]:
    """Database hits of each statement that replaces a stored article, in a transaction rolled back."""
    groups: dict[str, Any] = {**build_batch([ex]).model_dump(), "article_ids": [ex.article.id]}
    hits: dict[str, int] = {}
    steps = [("article_ids", "retract_relations"), ("article_ids", "retract_nodes"), *_STATEMENTS]
    with driver.session(database=database) as session:
        tx = session.begin_transaction()
        try:
            for field_name, statement in steps:
                if groups[field_name]:
                    profile = tx.run("PROFILE " + load_cypher(CYPHER, statement), **groups).consume().profile
                    hits[statement] = _db_hits(profile or {})
        finally:
            tx.rollback()
    return hits


def test_the_cost_of_a_write_does_not_grow_with_the_graph(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    """Database hits, not seconds: a statement that scans every relationship (as a MERGE of a dynamic type
    can be planned) costs in proportion to the graph, however small the batch."""
    db = neo4j_settings.neo4j_database
    empty_graph.execute_query("CALL db.clearQueryCaches()", database_=db)
    writer = GraphWriter(empty_graph, db)
    writer.write([extraction("a1", "h1", "Lopez backed Novak.")])
    edited = extraction("a1", "h1-edited", "Novak thanked Lopez.")
    small = profiled_write(empty_graph, db, edited)
    empty_graph.execute_query(
        "UNWIND range(1, 20000) AS i CREATE (:Padding {i: i})-[:PADDING]->(:Padding {i: -i})", database_=db
    )
    # The plans made on the small graph are cached and reused here, as in a long ingest that started on an
    # empty database.
    grown = profiled_write(empty_graph, db, edited)
    assert set(grown) == set(small)
    grew = {name: (small[name], hits) for name, hits in grown.items() if hits > 2 * small[name] + 50}
    assert grew == {}


def test_a_fact_is_dated_by_its_first_report_until_that_report_is_withdrawn(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    early = extraction("a1", "h1", "Novak accused Ruritania.")
    late = extraction("a2", "h2", "Novak accused Ruritania again.")
    late = late.model_copy(
        update={"article": late.article.model_copy(update={"published": date(2020, 6, 1)})}
    )
    writer.write([early, late])

    def first_reported() -> str:
        rec = empty_graph.execute_query("MATCH ()-[r:ACCUSE]->() RETURN r.first_reported AS d").records
        return str(rec[0]["d"])

    assert first_reported() == "2020-05-03"
    writer.write([extraction("a1", "h1-edited", "Lopez backed Novak.", with_accuse=False)])
    assert first_reported() == "2020-06-01"


def migrated_after_writing(driver: Driver, settings: Settings, remove: str, *migrations: str) -> None:
    """One article written, then `remove` run to take off what `migrations` add, then the migrations run
    again as the runner runs them: each statement in an auto-commit transaction, which a backfill batched with
    CALL { } IN TRANSACTIONS needs."""
    GraphWriter(driver, settings.neo4j_database).write([extraction("a1", "h1", "Lopez backed Novak.")])
    driver.execute_query(remove)
    with driver.session(database=settings.neo4j_database) as session:
        for migration in migrations:
            for statement in split_statements((MIGRATIONS_DIR / migration).read_text("utf-8")):
                session.run(statement).consume()


def test_the_first_reported_migration_dates_facts_written_before_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    migrated_after_writing(
        empty_graph,
        neo4j_settings,
        "MATCH ()-[r:SUPPORT|ACCUSE]->() REMOVE r.first_reported",
        "V0005__first_reported.cypher",
    )
    days = empty_graph.execute_query("MATCH ()-[r:SUPPORT|ACCUSE]->() RETURN r.first_reported AS d").records
    assert [str(r["d"]) for r in days] == ["2020-05-03", "2020-05-03"]


def revision_token(driver: Driver) -> str | None:
    records = driver.execute_query("OPTIONAL MATCH (g:GraphRevision) RETURN collect(g.token) AS t").records
    tokens = records[0]["t"]
    assert len(tokens) <= 1  # one revision node, whatever was written
    return tokens[0] if tokens else None


def test_every_write_sets_a_new_revision_and_an_unchanged_batch_none(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    assert revision_token(empty_graph) is None
    writer.write([extraction("a1", "h1", "Lopez backed Novak.")])
    first = revision_token(empty_graph)
    assert first is not None
    writer.write([extraction("a1", "h1", "Lopez backed Novak.")])  # unchanged: nothing written
    assert revision_token(empty_graph) == first
    writer.write([extraction("a1", "h2", "Lopez backed Novak again.")])  # edited: replaced
    second = revision_token(empty_graph)
    assert second is not None and second != first
    writer.write([extraction("a2", "h3", "Novak backed Lopez.")])
    assert revision_token(empty_graph) not in (None, first, second)


def listed(driver: Driver) -> dict[str, str]:
    records = driver.execute_query(
        "MATCH ()-[r:SUPPORT|ACCUSE]->() RETURN type(r) AS t, r.listed_on AS d"
    ).records
    return {r["t"]: str(r["d"]) for r in records}


def test_a_fact_is_listed_on_its_date_else_its_first_report_else_last(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    undated = extraction("a1", "h1", "Lopez backed Novak.")
    undated.article.published = None
    writer.write([undated])
    # SUPPORT has its own date; ACCUSE has none, and its only article no publication day.
    assert listed(empty_graph) == {"SUPPORT": "2020-05-02", "ACCUSE": "0001-01-01"}
    writer.write([extraction("a2", "h2", "Lopez backed Novak.")])
    assert listed(empty_graph) == {"SUPPORT": "2020-05-02", "ACCUSE": "2020-05-03"}
    # The dated article withdraws its testimony: the fact is undated again.
    writer.write([extraction("a2", "h2-edited", "Lopez backed Novak.", with_accuse=False)])
    assert listed(empty_graph) == {"SUPPORT": "2020-05-02", "ACCUSE": "0001-01-01"}


def test_the_listed_on_migration_lists_facts_written_before_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    migrated_after_writing(
        empty_graph,
        neo4j_settings,
        "MATCH ()-[r:SUPPORT|ACCUSE]->() REMOVE r.listed_on",
        "V0008__fact_listed_on.cypher",
    )
    assert listed(empty_graph) == {"SUPPORT": "2020-05-02", "ACCUSE": "2020-05-03"}


def test_interactions_list_newest_first_and_undated_facts_last_and_never_within_dates(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:

    undated = extraction("a1", "h1", "Lopez backed Novak.")
    undated.article.published = None
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write([undated])
    query = load_catalog()["interactions"]

    def run(**params: Any) -> list[tuple[str, str | None]]:
        rows = run_saved_query(empty_graph, neo4j_settings, query, query.bind(params)).rows
        return [(r["type"], r["date"]) for r in rows]

    assert run() == [("SUPPORT", "2020-05-02"), ("ACCUSE", None)]
    assert run(type="ACCUSE") == [("ACCUSE", None)]
    assert run(to_date="2020-12-31") == [("SUPPORT", "2020-05-02")]
    assert run(from_date="2020-01-01") == [("SUPPORT", "2020-05-02")]
    assert run(to_date="2020-05-01") == []
    assert run(limit=1) == [("SUPPORT", "2020-05-02")]


def stored_grams(driver: Driver) -> dict[str, set[str]]:
    records = driver.execute_query("MATCH (s:ActorSearch) RETURN s.actor_id AS id, s.name_grams AS g").records
    return {r["id"]: set(r["g"].split()) for r in records}


def test_the_writer_cuts_names_into_the_pieces_the_api_searches_for(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:

    ex = extraction("a1", "h1", "Lopez backed Novak.")
    ex.entities.append(ent("person:jose-nunez", EntityType.PERSON, "José Núñez-Xu", "Mr Núñez", "O'Neil"))
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write([ex])
    grams = stored_grams(empty_graph)
    for entity in ex.entities:
        names = " ".join([entity.name, *entity.aliases])
        assert grams[entity.id] == set(name_grams(names)), entity.id
    assert {"jos", "osé", "núñ", "xu", "mr", "o", "nei"} <= grams["person:jose-nunez"]
    # A later article's new alias adds its pieces.
    later = extraction("a2", "h2", "Lopez backed Novak.")
    later.entities[1] = ent("person:marek-novak", EntityType.PERSON, "Marek Novak", "Novack")
    GraphWriter(empty_graph, neo4j_settings.neo4j_database).write([later])
    assert {"nov", "ova", "vak", "vac", "ack"} <= stored_grams(empty_graph)["person:marek-novak"]


def test_the_grams_migration_cuts_the_names_of_actors_written_before_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    # Before V0009 an actor had no pieces; V0009 cut them on the actor, V0011 moved them to its search node.
    migrated_after_writing(
        empty_graph,
        neo4j_settings,
        "MATCH (s:ActorSearch) DELETE s",
        "V0009__actor_grams.cypher",
        "V0011__actor_search.cypher",
    )
    ex = extraction("a1", "h1", "Lopez backed Novak.")
    assert stored_grams(empty_graph) == {
        e.id: set(name_grams(" ".join([e.name, *e.aliases]))) for e in ex.entities
    }


def test_actors_only_a_replaced_text_named_leave_with_it(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    first = extraction("a1", "h1", "Lopez backed Novak.")
    ghost = ent("person:ghost-writer", EntityType.PERSON, "Ghost Writer")
    writer.write([first.model_copy(update={"entities": [*first.entities, ghost]})])
    writer.write([extraction("a2", "h2", "Lopez backed Novak.")])
    edited = extraction("a1", "h1-edited", "Lopez endorsed Novak.", with_accuse=False)
    assert writer.write([edited]).states["a1"] == "replaced"
    records, _, _ = empty_graph.execute_query(
        "MATCH (a:Actor) RETURN a.id AS id, COUNT { (a)--() } AS links ORDER BY id",
        database_=neo4j_settings.neo4j_database,
    )
    ids = {r["id"]: r["links"] for r in records}
    assert "person:ghost-writer" not in ids
    # Those another article or a structural link still holds stay.
    assert {"person:ana-lopez", "person:marek-novak", "country:ruritania", "location:strelsau"} <= set(ids)


def test_articles_that_share_actors_and_elections_are_replaced_together(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    # Both articles name an actor no one else names, and report the same election and protest: replacing
    # both in one batch must retract each shared node once.
    writer = GraphWriter(empty_graph, neo4j_settings.neo4j_database)
    ghost = ent("person:ghost-writer", EntityType.PERSON, "Ghost Writer")
    first = [extraction(a, f"h-{a}", "Lopez backed Novak.") for a in ("a1", "a2")]
    writer.write([x.model_copy(update={"entities": [*x.entities, ghost]}) for x in first])
    edited = [
        extraction(a, f"h-{a}-edited", "Lopez endorsed Novak.", with_accuse=False).model_copy(
            update={"elections": [], "events": []}
        )
        for a in ("a1", "a2")
    ]
    assert writer.write(edited).states == {"a1": "replaced", "a2": "replaced"}
    records, _, _ = empty_graph.execute_query(
        "MATCH (n) WHERE n:Actor OR n:Election OR n:Event RETURN n.id AS id",
        database_=neo4j_settings.neo4j_database,
    )
    ids = {r["id"] for r in records}
    assert "person:ghost-writer" not in ids
    assert not {i for i in ids if i.startswith(("election:", "event:"))}
    assert {"person:ana-lopez", "person:marek-novak"} <= ids
    accuse = empty_graph.execute_query("MATCH ()-[r:ACCUSE]->() RETURN count(r) AS c").records[0]["c"]
    assert accuse == 0
