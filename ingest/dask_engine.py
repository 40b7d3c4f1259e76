"""The Dask engine: reading, cleaning, parsing and each article's extraction as tasks of a Dask cluster.

Input files are grouped into partitions (`engine_partition_bytes`). For each partition one task reads and
cleans its articles and a second, given which of them the ingest process admits (the same decision the
local engine makes: first reading in the run, not stored word for word), parses and extracts them; the
cleaned articles stay on the worker between the two, and only their ids and hashes travel to the ingest
process. What needs every article at once stays in the ingest process, batch by batch and in input order:
resolution across articles (ingest/resolve/corpus.py) and the write, so the graph keeps the guarantees of
a local ingest (one node per actor, idempotent, per-article replacement, committed batches kept on a kill)
and is the same graph.

Each worker process loads spaCy once, on the first task it runs (or when `warm` is run on it), and keeps it.
A worker given several threads would run one pipeline in all of them: start workers with one thread each
(`dask worker --nthreads 1`), as the local cluster here is. Workers must see the input files at the paths
given: the same machine, or a shared file system.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from distributed import Client, Future, LocalCluster

from ingest.engines import Admit, ArticleKey, Outcome
from ingest.listing import InputFile, input_files, read_files
from ingest.models import CleanArticle, RawArticle, ReadError
from ingest.pipeline import Pipeline
from polgraph.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Cleaned:
    """One partition read and cleaned, kept on the worker that did it."""

    articles: list[CleanArticle]
    failures: list[ReadError]
    warnings: list[ReadError]


def partitions(
    files: Iterable[InputFile | ReadError], target_bytes: int
) -> Iterator[list[InputFile] | ReadError]:
    """Consecutive files grouped until they hold `target_bytes`, in order; a listing problem between them."""
    group: list[InputFile] = []
    size = 0
    for item in files:
        if isinstance(item, ReadError):
            if group:
                yield group
                group, size = [], 0
            yield item
            continue
        group.append(item)
        size += item.size
        if size >= target_bytes:
            yield group
            group, size = [], 0
    if group:
        yield group


# ------------------------------------------------------------------------------------ in the workers

_pipelines: dict[str, Pipeline] = {}
_loading = threading.Lock()


def worker_pipeline(settings: Settings) -> Pipeline:
    """This worker's pipeline, loaded by the first task that needs it. spaCy runs in the worker's own
    process: the cluster's processes are the parallelism."""
    key = settings.spacy_model
    with _loading:
        if key not in _pipelines:
            _pipelines[key] = Pipeline(settings.model_copy(update={"nlp_processes": 0}))
        return _pipelines[key]


def warm(settings: Settings) -> str:
    # The pipeline loads spaCy lazily (ingest/pipeline.py): loaded here, so that a worker's first partition
    # does not wait seconds for it, and workers that start together do not load it while others parse.
    worker_pipeline(settings).load()
    return settings.spacy_model


def read_and_clean(files: list[InputFile], settings: Settings) -> Cleaned:
    items = list(read_files(files))
    warnings: list[ReadError] = []
    articles, errors = worker_pipeline(settings).clean(
        [r for r in items if isinstance(r, RawArticle)], warnings=warnings
    )
    return Cleaned(articles, [r for r in items if isinstance(r, ReadError)] + errors, warnings)


def keys_of(cleaned: Cleaned) -> tuple[list[ArticleKey], list[ReadError], list[ReadError]]:
    return [ArticleKey.of(a) for a in cleaned.articles], cleaned.failures, cleaned.warnings


def parse_and_extract(cleaned: Cleaned, kept: list[int], settings: Settings) -> list[Outcome]:
    pipeline = worker_pipeline(settings)
    return [pipeline.extract_article(a, doc) for a, doc in pipeline.parse(cleaned.articles[i] for i in kept)]


# ----------------------------------------------------------------------------- in the ingest process


class DaskEngine:
    """`Engine` over the files of `paths`, on the cluster `client` is connected to."""

    def __init__(self, paths: list[str], client: Client, settings: Settings) -> None:
        self.paths = paths
        self.client = client
        self.settings = settings
        # Partitions in flight: enough that every worker has its next one while the ingest process admits,
        # resolves and writes; bounded so that a long corpus never piles up in the cluster's memory.
        self.window = 2 * max(1, len(client.nthreads())) + 1

    def outcomes(self, pipeline: Pipeline, admit: Admit) -> Iterator[Outcome]:
        source = partitions(input_files(self.paths), self.settings.engine_partition_bytes)
        cleaning: deque[tuple[Future, Future] | ReadError] = deque()
        extracting: deque[Future] = deque()
        exhausted = False
        try:
            while True:
                while not exhausted and len(cleaning) + len(extracting) < self.window:
                    part = next(source, None)
                    if part is None:
                        exhausted = True
                    elif isinstance(part, ReadError):
                        cleaning.append(part)
                    else:
                        cleaned = self.client.submit(read_and_clean, part, self.settings, pure=False)
                        cleaning.append((cleaned, self.client.submit(keys_of, cleaned, pure=False)))
                if cleaning:
                    head = cleaning.popleft()
                    if isinstance(head, ReadError):
                        admit([], [head], [])
                        continue
                    cleaned, keys = head
                    kept = admit(*keys.result())
                    extracting.append(
                        self.client.submit(parse_and_extract, cleaned, kept, self.settings, pure=False)
                    )
                    del cleaned, keys, head  # the extraction task holds the partition now
                # The oldest partition's facts, once the next partitions are on their way.
                if extracting and (not cleaning or len(extracting) >= self.window // 2):
                    yield from extracting.popleft().result()
                elif not cleaning and not extracting:
                    return
        finally:
            self.client.cancel([f for pair in cleaning if not isinstance(pair, ReadError) for f in pair])
            self.client.cancel(list(extracting))


@contextmanager
def dask_client(settings: Settings) -> Iterator[Client]:
    """A client of the scheduler at `engine_address`, or of a cluster of `engine_workers` processes started
    here for as long as the client is used, with spaCy loaded in each before the first partition."""
    if settings.engine_address:
        client: Any = Client(settings.engine_address)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=settings.engine_workers,
            threads_per_worker=1,
            processes=True,
            scheduler_port=0,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        )
        client = Client(cluster)
    try:
        client.run(warm, settings)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
