"""The outside probe's batch-killers and silent losses (issue 25), each in a batch beside a good article.

Every case must end as exactly one count (new, unchanged, replaced, duplicate or failed) with its reason,
and the good article of the batch must be written.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from neo4j import Driver

from ingest.models import RawArticle, ReadError
from ingest.pipeline import IngestSummary, Pipeline, ingest_items
from ingest.read import read_inputs
from polgraph.settings import Settings

pytestmark = pytest.mark.neo4j

GOOD = (
    "Ostrian Minister Resigns\n\n"
    "The Ostrian foreign minister Pavel Dorn resigned on Friday after protesters gathered outside parliament "
    "in Lirne. The opposition leader Anna Vesk praised his decision and called for early elections.\n"
)
MIT = (
    "The MIT License (MIT)\n\nCopyright (c) 2015 Open Event Data Alliance\n\n"
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
    'associated documentation files (the "Software"), to deal in the Software without restriction.\n\n'
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, INCLUDING BUT NOT LIMITED TO THE '
    "WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.\n"
)


def run(
    items: list[RawArticle | ReadError], driver: Driver, settings: Settings, pipeline: Pipeline
) -> IngestSummary:
    summary, _ = ingest_items(items, driver, settings, pipeline=pipeline)
    counted = summary.new + summary.unchanged + summary.replaced + summary.duplicates + summary.failed
    assert counted == len(items), (summary, items)
    return summary


def titles(driver: Driver, db: str) -> set[str]:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.title AS t", database_=db)
    return {r["t"] for r in records}


def raw(name: str, text: str, **fields: object) -> RawArticle:
    return RawArticle(source_path=name, text=text, title=name, **fields)  # type: ignore[arg-type]


def test_an_article_past_spacys_limit_is_refused_up_front_and_the_batch_is_written(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    # Under POLGRAPH_MAX_ARTICLE_CHARS but over spaCy's max_length: the probe's poison pill (error E088).
    settings = neo4j_settings.model_copy(update={"max_article_chars": 2_000_000})
    long_text = (GOOD * (nlp_pipeline.nlp.max_length // len(GOOD) + 2))[: nlp_pipeline.nlp.max_length + 10]
    pipeline = Pipeline.__new__(Pipeline)
    pipeline.__dict__.update(nlp_pipeline.__dict__, settings=settings)
    summary = run([raw("long.txt", long_text), raw("good.txt", GOOD)], empty_graph, settings, pipeline)
    assert summary.new == 1 and summary.failed == 1
    [failure] = summary.failures
    assert failure.source == "long.txt" and "too long" in failure.problem
    assert str(nlp_pipeline.nlp.max_length) in failure.problem
    assert titles(empty_graph, settings.neo4j_database) == {"good.txt"}


def test_the_default_limit_refuses_texts_whose_parse_would_take_gigabytes(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    limit = Settings.model_fields["max_article_chars"].default
    assert limit <= 200_000
    text = (GOOD * (limit // len(GOOD) + 2))[: limit + 1]
    summary = run([raw("long.txt", text)], empty_graph, neo4j_settings, nlp_pipeline)
    assert summary.failed == 1 and "POLGRAPH_MAX_ARTICLE_CHARS" in summary.failures[0].problem


def test_non_news_and_nul_text_are_refused_whatever_the_reader(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    code = "import os\n\ndef main():\n    x = {}\n    return x;\n}\nclass A {\n    int b;\n}\n"
    table = "\n".join(f"{i}\tKell\tValdoria\t2020-01-0{i % 9 + 1}" for i in range(20))
    items: list[RawArticle | ReadError] = [
        raw("terms.txt", MIT),
        raw("script.txt", code),
        raw("table.txt", table),
        raw("nul.json", GOOD.replace("Friday", "Fri\x00day"), source_format="json"),
        raw("good.txt", GOOD),
    ]
    summary = run(items, empty_graph, neo4j_settings, nlp_pipeline)
    problems = {f.source: f.problem for f in summary.failures}
    assert "licence" in problems["terms.txt"]
    assert "source code" in problems["script.txt"]
    assert "table" in problems["table.txt"]
    assert "NUL" in problems["nul.json"]
    assert summary.new == 1
    records, _, _ = empty_graph.execute_query(
        "MATCH (a:Actor) WHERE a.name IN ['Software', 'NONINFRINGEMENT', 'LIABILITY'] RETURN count(a) AS n",
        database_=neo4j_settings.neo4j_database,
    )
    assert records[0]["n"] == 0


def test_the_projects_data_folder_gives_no_article(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    from polgraph.settings import PROJECT_ROOT

    items = list(read_inputs([str(PROJECT_ROOT / "data" / "actors")]))
    summary = run(items, empty_graph, neo4j_settings, nlp_pipeline)
    assert summary.articles == 0 and summary.failed == len(items)


@pytest.mark.parametrize(
    "published", [date(1, 1, 1), date(1799, 12, 31), date.today() + timedelta(days=3), date(9999, 12, 31)]
)
def test_a_publication_date_that_cannot_be_one_is_set_aside_with_a_warning(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline, published: date
) -> None:
    summary = run([raw("odd.txt", GOOD, published=published)], empty_graph, neo4j_settings, nlp_pipeline)
    assert summary.new == 1, summary.failures
    [warning] = summary.warnings
    assert warning.source == "odd.txt" and published.isoformat() in warning.problem
    records, _, _ = empty_graph.execute_query(
        "MATCH (a:Article) RETURN a.published AS p", database_=neo4j_settings.neo4j_database
    )
    assert [r["p"] for r in records] == [None]


def test_a_plausible_date_is_kept_without_a_word(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline
) -> None:
    summary = run(
        [raw("ok.txt", GOOD, published=date(2020, 5, 1))], empty_graph, neo4j_settings, nlp_pipeline
    )
    assert summary.new == 1 and summary.warnings == []


def test_every_input_of_a_run_lands_in_one_count_and_a_same_url_conflict_is_reported(
    empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    url = "https://news.example/dorn"
    (tmp_path / "a_first.json").write_text(json.dumps({"text": GOOD, "url": url}), encoding="utf-8")
    edited = GOOD.replace("Anna Vesk", "Ilse Marr")
    (tmp_path / "b_conflict.json").write_text(json.dumps({"text": edited, "url": url}), encoding="utf-8")
    (tmp_path / "c_copy.json").write_text(json.dumps({"text": GOOD, "url": url}), encoding="utf-8")
    (tmp_path / "d_plain.txt").write_text(GOOD.replace("Lirne", "Kosk"), encoding="utf-8")
    (tmp_path / "e_same_plain.txt").write_text(GOOD.replace("Lirne", "Kosk"), encoding="utf-8")
    (tmp_path / "f_empty.txt").write_text("", encoding="utf-8")
    settings = neo4j_settings.model_copy(update={"ingest_batch_size": 2})
    items = list(read_inputs([str(tmp_path)]))
    assert len(items) == 6
    summary = run(items, empty_graph, settings, nlp_pipeline)
    assert (summary.new, summary.duplicates, summary.failed) == (2, 2, 2), summary
    assert {w.source.rsplit("/", 1)[-1] for w in summary.warnings} == {"c_copy.json", "e_same_plain.txt"}
    conflict = next(f for f in summary.failures if f.source.endswith("b_conflict.json"))
    assert "a_first.json" in conflict.problem and "different text" in conflict.problem
    records, _, _ = empty_graph.execute_query(
        "MATCH (e:Evidence)-[:EVIDENCE_OF]->(a:Article {url: $url}) RETURN collect(e.sentence) AS s",
        url=url,
        database_=neo4j_settings.neo4j_database,
    )
    assert records[0]["s"] and not any("Marr" in s for s in records[0]["s"]), "the first reading was kept"
