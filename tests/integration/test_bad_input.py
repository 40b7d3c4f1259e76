"""The bad-input matrix, through the whole ingest into the real Neo4j.

One batch holds every bad case next to good articles. Each bad case must be reported with its path and its
problem, the good articles must be written, and an article stored before the batch must keep its facts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from ingest.models import ReadError
from ingest.pipeline import IngestSummary, Pipeline, ingest_items
from ingest.read import read_inputs
from polgraph.settings import Settings

STORED = (
    "Valdoria Opposition Leader Meets President\n\n"
    "The Valdorian opposition leader Marta Kell met President Ivo Brand in Port Vell on Monday. "
    "Kell accused the government of jailing journalists, and the Valdorian Labour Party backed her demands.\n"
)
GOOD = (
    "Ostrian Minister Resigns\n\n"
    "The Ostrian foreign minister Pavel Dorn resigned on Friday after protesters gathered outside parliament "
    "in Lirne. The opposition leader Anna Vesk praised his decision and called for early elections.\n"
)
SPANISH = (
    "El presidente del país se reunió el lunes con los líderes de la oposición "
    "para hablar de las elecciones. "
    "Según los medios locales, la reunión duró varias horas y no se llegó a ningún acuerdo sobre la fecha. "
    "Los manifestantes se concentraron frente al palacio de gobierno para pedir la dimisión del ministro.\n"
)


@dataclass(frozen=True)
class Case:
    name: str  # file name inside the batch directory
    content: bytes | None  # None: the case builds itself (see _build)
    problem: str | None  # expected words of the error; None means the input is fine and must be ingested


CASES = [
    Case("empty.txt", b"", "file is empty"),
    Case("whitespace.txt", b" \n\t\n  \n", "only whitespace"),
    Case("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    Case("latin1.txt", "Le ministre a d\u00e9missionn\u00e9 hier.".encode("latin-1"), "not valid UTF-8"),
    Case("utf16.txt", GOOD.replace("Pavel Dorn", "Ilja Marek").encode("utf-16"), None),
    Case("huge.txt", None, "file is too big"),
    Case(
        "menu_only.html",
        b"<html><head><title>Home</title></head><body><nav>Home</nav></body></html>",
        "HTML page has no article text",
    ),
    Case("spanish.txt", SPANISH.encode("utf-8"), "not English"),
    Case("feed.jsonl", None, "not valid JSON"),
    Case("no_text.json", json.dumps({"title": "Headline only"}).encode(), "no 'text' field"),
    Case("bad_date.json", None, "is not a date"),
    Case("sidecar.meta.json", None, "not valid JSON"),
    Case("locked/secret.txt", None, "permission denied"),
    Case("loop", None, "symbolic link loop"),
    Case(
        "one_sentence.txt", b"Protesters in Lirne demanded the release of the journalist Mira Holt.\n", None
    ),
]


def _build(root: Path) -> None:
    for case in CASES:
        path = root / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        if case.content is not None:
            path.write_bytes(case.content)
    (root / "huge.txt").write_bytes((GOOD * 90_000)[: 20 * 1024 * 1024].encode("utf-8"))
    (root / "feed.jsonl").write_text(
        json.dumps({"text": GOOD.replace("Pavel Dorn", "Oskar Lind"), "url": "https://news.example/lind"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    (root / "bad_date.json").write_text(
        json.dumps({"text": GOOD.replace("Pavel Dorn", "Tomas Reed"), "published": "not a day at all"}),
        encoding="utf-8",
    )
    (root / "sidecar.txt").write_text(GOOD.replace("Pavel Dorn", "Erik Sova"), encoding="utf-8")
    (root / "sidecar.meta.json").write_text("{published: 2020", encoding="utf-8")
    (root / "locked" / "secret.txt").write_text(GOOD, encoding="utf-8")
    (root / "loop").mkdir()
    (root / "loop" / "again").symlink_to(root / "loop", target_is_directory=True)
    (root / "zz_good.txt").write_text(GOOD, encoding="utf-8")


def _stored_facts(driver: Driver, db: str, article_id: str) -> list[tuple[str, str]]:
    records, _, _ = driver.execute_query(
        "MATCH (e:Evidence)-[:EVIDENCE_OF]->(:Article {id: $id}) "
        "RETURN e.id AS id, e.sentence AS s ORDER BY id",
        id=article_id,
        database_=db,
    )
    return [(r["id"], r["s"]) for r in records]


@dataclass
class Outcome:
    root: Path
    summary: IngestSummary
    errors: dict[str, ReadError]
    before: list[tuple[str, str]]
    after: list[tuple[str, str]]
    titles: set[str]


@pytest.fixture(scope="module")
def outcome(
    driver: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> Outcome:
    from schema.migrate import apply_migrations
    from tests.conftest import wipe_graph

    db = neo4j_settings.neo4j_database
    apply_migrations(driver, db)
    wipe_graph(driver, db)
    stored_dir = tmp_path_factory.mktemp("stored")
    (stored_dir / "stored.txt").write_text(STORED, encoding="utf-8")
    first, extracted = ingest_items(
        read_inputs([str(stored_dir)]), driver, neo4j_settings, pipeline=nlp_pipeline, keep_extractions=True
    )
    assert first.new == 1, first.failures
    stored_id = extracted[0].article.id
    before = _stored_facts(driver, db, stored_id)

    root = tmp_path_factory.mktemp("batch")
    _build(root)
    locked = root / "locked" / "secret.txt"
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        # Permission bits do not stop root, which CI may be, so the refusal is made explicit.
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    missing = root / "does_not_exist.txt"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "open", guarded_open)
        items = list(read_inputs([str(root), str(missing)]))
    summary, _ = ingest_items(items, driver, neo4j_settings, pipeline=nlp_pipeline)
    errors = {e.source: e for e in summary.failures}
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.title AS t", database_=db)
    return Outcome(
        root=root,
        summary=summary,
        errors=errors,
        before=before,
        after=_stored_facts(driver, db, stored_id),
        titles={r["t"] for r in records},
    )


def _error_for(outcome: Outcome, name: str) -> ReadError:
    prefix = str(outcome.root / name)
    found = [e for source, e in outcome.errors.items() if source.startswith(prefix)]
    assert found, f"no error names {prefix}; errors: {sorted(outcome.errors)}"
    return found[0]


@pytest.mark.parametrize("case", [c for c in CASES if c.problem], ids=lambda c: c.name)
def test_each_bad_input_is_reported_with_its_path_and_problem(outcome: Outcome, case: Case) -> None:
    error = _error_for(outcome, case.name)
    assert case.problem is not None and case.problem in error.problem, error


def test_a_path_that_does_not_exist_is_reported(outcome: Outcome) -> None:
    assert "does not exist" in _error_for(outcome, "does_not_exist.txt").problem


def test_the_good_articles_of_the_batch_are_ingested(outcome: Outcome) -> None:
    # zz_good.txt, the UTF-16 file, the good JSONL line and the one-sentence article.
    assert outcome.summary.new == 4, (outcome.summary, sorted(outcome.errors))
    assert {
        "Ostrian Minister Resigns",
        "Protesters in Lirne demanded the release of the journalist Mira Holt.",
    } <= (outcome.titles)


def test_nothing_already_stored_changes(outcome: Outcome) -> None:
    assert outcome.before, "the stored article should have facts with evidence"
    assert outcome.after == outcome.before


def test_every_failure_is_counted_once(outcome: Outcome) -> None:
    expected = len([c for c in CASES if c.problem]) + 1  # + the missing path
    assert outcome.summary.failed == len(outcome.errors) == expected, sorted(outcome.errors)
