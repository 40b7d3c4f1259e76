"""The bulk load's fold without a database: what it writes out with each batch, what it keeps, and the CSV
files it hands to the import."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from ingest.bulk import BulkGraph
from ingest.bulk_csv import Spill, node_header
from ingest.models import ArticleExtraction, ArticleInfo, Entity, EntityType, Evidence, Relation

ORSO = "person:lena-orso"
KAHL = "person:dmitri-kahl"


def article(article_id: str, sentence: str, confidence: float, published: date | None) -> ArticleExtraction:
    ev = Evidence(article_id=article_id, sentence=sentence, start_char=0, end_char=len(sentence), rule="test")
    return ArticleExtraction(
        article=ArticleInfo(
            id=article_id, source_path=f"{article_id}.txt", title=article_id, published=published,
            content_hash=f"hash-{article_id}",
        ),
        entities=[
            Entity(id=ORSO, type=EntityType.PERSON, name="Lena Orso"),
            Entity(id=KAHL, type=EntityType.PERSON, name="Dmitri Kahl"),
        ],
        relations=[Relation(type="SUPPORT", source=ORSO, target=KAHL, evidence=ev, confidence=confidence)],
    )  # fmt: skip


def rows(path_arg: str) -> list[list[str]]:
    """The rows of an import argument "header.csv,rows.csv", header first."""
    out: list[list[str]] = []
    for name in path_arg.split(","):
        with open(name, encoding="utf-8", newline="") as f:
            out += list(csv.reader(f))
    return out


def test_articles_and_their_evidence_leave_memory_with_their_batch(tmp_path: Path) -> None:
    graph = BulkGraph(tmp_path)
    graph.write([article("b1", "Orso backed Kahl.", 0.5, date(2023, 1, 5))])
    graph.write([article("b2", "Orso endorsed Kahl warmly.", 0.9, date(2023, 2, 1))])
    assert "Article" not in graph.nodes and "Evidence" not in graph.nodes
    assert not graph.to_articles and not graph.store.hot
    # Kept: the two actors, their search nodes, and on disk the one fact both articles tell.
    kept = list(graph.store.rels())
    assert len(graph.nodes["Actor"]) == 2 and [r.type for r in kept] == ["SUPPORT"]
    assert graph.node_count() == 2 + 2 + 2 + 2  # actors, search nodes, articles, evidence
    nodes, rels = graph.write_csv()
    articles = rows(next(n for n in nodes if "nodes-Article" in n))
    assert articles[0][:2] == ["id:ID(Article)", ":LABEL"] and [r[0] for r in articles[1:]] == ["b1", "b2"]
    mentions = rows(next(r for r in rels if "rels-Actor-Article" in r))
    assert sorted((r[0], r[1], r[2]) for r in mentions[1:]) == [
        (KAHL, "b1", "MENTIONED_IN"),
        (KAHL, "b2", "MENTIONED_IN"),
        (ORSO, "b1", "MENTIONED_IN"),
        (ORSO, "b2", "MENTIONED_IN"),
    ]
    # The pair's summary, made from the facts kept on disk and written out as it is made.
    dyads = rows(next(n for n in nodes if "nodes-Dyad" in n))
    column = {name.split(":")[0]: i for i, name in enumerate(dyads[0])}
    assert [
        (r[column["a"]], r[column["b"]], r[column["interactions"]], r[column["sources"]]) for r in dyads[1:]
    ] == [(KAHL, ORSO, "1", "2")]
    # The fact shows its best sentence of both batches (higher confidence first), as the writer sets it.
    fact = next(graph.store.rels())
    assert fact.props["article_sentence"] == "Orso endorsed Kahl warmly." and fact.props["sources"] == 2


def test_an_article_read_twice_is_refused(tmp_path: Path) -> None:
    graph = BulkGraph(tmp_path)
    graph.write([article("b1", "Orso backed Kahl.", 0.5, date(2023, 1, 5))])
    with pytest.raises(ValueError, match=r"reads each article once.*b1"):
        graph.write([article("b1", "Orso backed Kahl.", 0.5, date(2023, 1, 5))])


def test_a_row_with_a_property_its_file_has_no_column_for_names_the_file(tmp_path: Path) -> None:
    spill = Spill(tmp_path, "nodes-Article", node_header("Article", ("title",)), ("title",))
    with pytest.raises(ValueError, match=r"nodes-Article\.csv has no column for \['url'\]"):
        spill.add_many([(["a1", ["Article"]], {"title": "T", "url": "http://x"})])


def test_a_facts_sentence_is_chosen_as_the_writer_lists_them_and_evidence_carries_its_day(
    tmp_path: Path,
) -> None:
    # As sure of it, all four: the newest first, an undated article's last, the greatest id between two of
    # one day (schema/V0015's index order, which ingest/cypher/fact_evidence.cypher reads).
    graph = BulkGraph(tmp_path)
    graph.write([article("u1", "Undated.", 0.7, None)])
    graph.write(
        [
            article("d1", "June, first.", 0.7, date(2023, 6, 1)),
            article("d2", "June, second.", 0.7, date(2023, 6, 1)),
        ]
    )
    graph.write([article("m1", "May.", 0.7, date(2023, 5, 1))])
    fact = next(graph.store.rels())
    nodes, _ = graph.write_csv()
    evidence = rows(next(n for n in nodes if "nodes-Evidence" in n))
    column = {name.split(":")[0]: i for i, name in enumerate(evidence[0])}
    day = {r[column["article_id"]]: r[column["published_on"]] for r in evidence[1:]}
    assert day == {"u1": "0001-01-01", "d1": "2023-06-01", "d2": "2023-06-01", "m1": "2023-05-01"}
    june = sorted(
        (r[column["id"]], r[column["sentence"]]) for r in evidence[1:] if r[column["article_id"]][0] == "d"
    )
    assert fact.props["article_sentence"] == june[-1][1]


def test_a_fact_first_written_after_its_best_sentence_came_shows_that_sentence(tmp_path: Path) -> None:
    # The first article names no actor Kahl, so its fact cannot be written then, though its sentence is
    # stored; the writer later lists the fact with the best of all its sentences (fact_evidence.cypher).
    graph = BulkGraph(tmp_path)
    first = article("e1", "Orso strongly backed Kahl.", 0.9, date(2023, 3, 1))
    first.entities = [e for e in first.entities if e.id != KAHL]
    graph.write([first])
    assert list(graph.store.rels()) == []
    graph.write([article("e2", "Orso backed Kahl.", 0.5, date(2023, 4, 1))])
    fact = next(graph.store.rels())
    assert fact.props["article_sentence"] == "Orso strongly backed Kahl." and fact.props["sources"] == 1
