"""Articles stream through `polgraph extract` and `polgraph ingest`: inputs are read a batch at a time as the
pipeline asks for them, never all at once, so memory stays flat however large the corpus.

Each test hands over thousands of inputs and looks at how many had been read when the first batch came out.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import cli.main
import ingest.pipeline
import ingest.read
from ingest.curation.overrides import Curation
from ingest.models import ArticleExtraction, RawArticle, ReadError
from ingest.pipeline import IngestSummary, Pipeline, ingest_items
from ingest.write import WriteResult
from tests.conftest import make_test_settings

INPUTS = 3000
BATCH = 10
TEXT = (
    "Prime Minister Anna Holt met President Lena Varga in Berlin on Monday. "
    "Their talk number {i} was about trade and the border."
)


class Counted:
    """An iterable that counts the items drawn from it so far."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items
        self.drawn = 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.drawn += 1
            yield item


def raw_articles(n: int) -> Iterator[RawArticle]:
    for i in range(n):
        yield RawArticle(source_path=f"article-{i}.txt", text=TEXT.format(i=i))


def test_extract_paths_reads_a_batch_of_files_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(INPUTS):
        (tmp_path / f"article-{i:05d}.txt").write_text(TEXT.format(i=i), encoding="utf-8")
    reads: list[Counted] = []

    def counted_read_inputs(*args: Any, **kwargs: Any) -> Iterator[RawArticle | ReadError]:
        reads.append(Counted(ingest.read.read_inputs(*args, **kwargs)))
        return iter(reads[-1])

    monkeypatch.setattr(ingest.pipeline, "read_inputs", counted_read_inputs)
    settings = make_test_settings(nlp_processes=0, ingest_batch_size=BATCH, nlp_batch_size=4)
    stream = ingest.pipeline.extract_paths([str(tmp_path)], settings)
    try:
        first = next(stream)
        assert isinstance(first, ArticleExtraction)
        assert reads[0].drawn == BATCH
        rest_of_batch = [next(stream) for _ in range(BATCH - 1)]
        assert all(isinstance(item, ArticleExtraction) for item in rest_of_batch)
        assert reads[0].drawn == BATCH
        next(stream)
        assert reads[0].drawn == 2 * BATCH
    finally:
        stream.close()


class _Stop(Exception):
    pass


def test_ingest_items_writes_the_first_batch_before_reading_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    items = Counted(raw_articles(INPUTS))
    drawn_at_writes: list[int] = []

    class Writer:
        overlaps = True

        def __init__(self, driver: object, database: str) -> None:
            pass

        def stored_hashes(self, article_ids: list[str]) -> dict[str, str]:
            return {}

        def write(self, extractions: list[ArticleExtraction]) -> WriteResult:
            drawn_at_writes.append(items.drawn)
            if len(drawn_at_writes) == 2:
                raise _Stop  # two batches are proof enough; the rest would only take time
            return WriteResult(states=dict.fromkeys((ex.article.id for ex in extractions), "new"))

    monkeypatch.setattr(ingest.pipeline, "GraphWriter", Writer)
    # No graph here: no curation overrides to read either.
    monkeypatch.setattr(ingest.pipeline, "load_curation", lambda driver, database: Curation([]))
    settings = make_test_settings(nlp_processes=0, ingest_batch_size=BATCH, nlp_batch_size=4)
    batches: list[tuple[int, int]] = []
    with pytest.raises(_Stop):
        ingest_items(
            items,
            driver=None,  # only the writer would use it
            settings=settings,
            pipeline=Pipeline(settings),
            on_batch=lambda ok, failed: batches.append((ok, failed)),
        )
    # spaCy and the batch extracted while one is written hold a few batches' articles, never the corpus (the
    # writer runs in a thread of its own, hence the slack).
    assert 0 < drawn_at_writes[0] <= 4 * BATCH
    assert items.drawn <= 6 * BATCH < INPUTS
    assert batches == [(BATCH, 0)]


@pytest.mark.parametrize("overlaps", [True, False])
def test_a_writer_working_in_this_process_writes_between_batches_not_beside_them(
    monkeypatch: pytest.MonkeyPatch, overlaps: bool
) -> None:
    on_main_thread: list[bool] = []

    class Writer:
        def __init__(self, driver: object, database: str) -> None:
            pass

        def stored_hashes(self, article_ids: list[str]) -> dict[str, str]:
            return {}

        def write(self, extractions: list[ArticleExtraction]) -> WriteResult:
            on_main_thread.append(threading.current_thread() is threading.main_thread())
            if len(on_main_thread) == 3:
                raise _Stop  # raised where the batch is settled, whichever thread wrote it
            return WriteResult(states=dict.fromkeys((ex.article.id for ex in extractions), "new"))

    Writer.overlaps = overlaps  # type: ignore[attr-defined]
    monkeypatch.setattr(ingest.pipeline, "GraphWriter", Writer)
    monkeypatch.setattr(ingest.pipeline, "load_curation", lambda driver, database: Curation([]))
    settings = make_test_settings(nlp_processes=0, ingest_batch_size=BATCH, nlp_batch_size=4)
    with pytest.raises(_Stop):
        ingest_items(raw_articles(5 * BATCH), driver=None, settings=settings, pipeline=Pipeline(settings))
    assert on_main_thread == [not overlaps] * 3


def test_the_ingest_command_hands_the_pipeline_an_unread_stream(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reads: list[Counted] = []

    def read_inputs(paths: list[str], stdin: object = None) -> Iterator[RawArticle | ReadError]:
        reads.append(Counted([*raw_articles(INPUTS), ReadError(source="broken.txt", problem="unreadable")]))
        return iter(reads[-1])

    def fake_ingest_items(
        items: Iterable[RawArticle | ReadError], driver: object, settings: object, **kwargs: Any
    ) -> tuple[IngestSummary, list[ArticleExtraction]]:
        assert not isinstance(items, Sized)
        assert reads[0].drawn == 0
        summary = IngestSummary()
        for chunk in ingest.pipeline.batched(items, BATCH):
            assert reads[0].drawn <= summary.new + summary.failed + BATCH
            failures = [r for r in chunk if isinstance(r, ReadError)]
            summary.new += len(chunk) - len(failures)
            summary.failed += len(failures)
            summary.failures.extend(failures)
            kwargs["on_batch"](len(chunk) - len(failures), len(failures))
        return summary, []

    @contextmanager
    def connect(settings: object) -> Iterator[object]:
        yield object()

    monkeypatch.setattr(cli.main, "get_settings", make_test_settings)
    monkeypatch.setattr(cli.main, "connect", connect)
    monkeypatch.setattr(cli.main, "apply_migrations", lambda driver, database: [])
    monkeypatch.setattr(ingest.read, "read_inputs", read_inputs)
    monkeypatch.setattr(ingest.pipeline, "Pipeline", lambda settings, known, on_load: None)
    monkeypatch.setattr(ingest.pipeline, "known_actors", lambda driver, database: [])
    monkeypatch.setattr(ingest.pipeline, "ingest_items", fake_ingest_items)

    result = CliRunner().invoke(cli.main.app, ["ingest", str(tmp_path)])
    assert result.exit_code == 1, result.output  # an input failed
    assert reads[0].drawn == INPUTS + 1
    assert f"articles: {INPUTS} new, 0 unchanged, 0 replaced, 0 duplicate, 1 failed" in result.stdout
    assert "broken.txt: unreadable" in result.output
