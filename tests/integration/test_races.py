"""Two writers of the same article at once: the decision (new, unchanged, replaced) and the write are one.

The probe's case: two ingests of one URL with different texts, both deciding "new" from a read made outside
their transactions, left an article holding the second text's hash and the evidence of both texts.
"""

from __future__ import annotations

import threading
import time

import pytest
from neo4j import Driver

from ingest.models import ArticleExtraction, ArticleInfo, Entity, EntityType, Evidence, Relation
from ingest.write import GraphWriter, write_extractions
from polgraph.settings import Settings

pytestmark = pytest.mark.neo4j

ARTICLE = "races-article"
TEXT_A = "Ana Lopez accused Marek Novak of fraud."
TEXT_B = "Ana Lopez consulted Marek Novak on the budget."


def version(content_hash: str, rtype: str, sentence: str) -> ArticleExtraction:
    ev = Evidence(article_id=ARTICLE, sentence=sentence, start_char=0, end_char=len(sentence), rule="test")
    return ArticleExtraction(
        article=ArticleInfo(id=ARTICLE, source_path=f"{content_hash}.txt", content_hash=content_hash),
        entities=[
            Entity(id="person:ana-lopez", type=EntityType.PERSON, name="Ana Lopez"),
            Entity(id="person:marek-novak", type=EntityType.PERSON, name="Marek Novak"),
        ],
        relations=[Relation(type=rtype, source="person:ana-lopez", target="person:marek-novak", evidence=ev)],
    )


def stored(driver: Driver, db: str) -> tuple[str, set[str], set[str]]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article {id: $id}) "
        "RETURN a.content_hash AS hash, "
        "COLLECT { MATCH (e:Evidence)-[:EVIDENCE_OF]->(a) RETURN e.sentence } AS sentences, "
        "COLLECT { MATCH (:Actor)-[r]->(:Actor) WHERE $id IN r.article_ids RETURN type(r) } AS facts",
        id=ARTICLE,
        database_=db,
    )
    return records[0]["hash"], set(records[0]["sentences"]), set(records[0]["facts"])


def test_a_writer_that_waits_for_another_writer_of_the_same_article_replaces_its_facts(
    empty_graph: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    a, b = version("hash-a", "ACCUSE", TEXT_A), version("hash-b", "CONSULT", TEXT_B)
    results = []
    with empty_graph.session(database=db) as session:
        tx = session.begin_transaction()
        # A's write is made but not committed: B starts meanwhile, as the second of two racing ingests does.
        write_extractions(tx, [a])
        writer = GraphWriter(empty_graph, db)
        second = threading.Thread(target=lambda: results.append(writer.write([b])))
        second.start()
        time.sleep(1.5)
        tx.commit()
        second.join(timeout=60)
    assert not second.is_alive()
    content_hash, sentences, facts = stored(empty_graph, db)
    assert content_hash == "hash-b"
    assert sentences == {TEXT_B}, "the evidence must all come from the text stored"
    assert facts == {"CONSULT"}
    assert results[0].states[ARTICLE] == "replaced"
    # And B again is unchanged, with the same facts.
    assert GraphWriter(empty_graph, db).write([b]).states[ARTICLE] == "unchanged"
    assert stored(empty_graph, db) == ("hash-b", {TEXT_B}, {"CONSULT"})
