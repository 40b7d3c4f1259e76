"""Where an ingest's articles are read, parsed and extracted: the seam between the ingest process, which keeps
what needs every article at once (which to parse, resolution across the batch, the write), and an engine that
does the per-article work: this process and its spaCy workers (LocalEngine), or a Dask cluster
(dask_engine.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from ingest.models import ArticleExtraction, ArticleResolution, CleanArticle, RawArticle, ReadError

if TYPE_CHECKING:
    from ingest.pipeline import Pipeline

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class ArticleKey(NamedTuple):
    """What deciding whether to parse a cleaned article needs of it: not its text."""

    id: str
    content_hash: str
    source_path: str

    @classmethod
    def of(cls, article: CleanArticle) -> ArticleKey:
        return cls(article.id, article.content_hash, article.source_path)


# One article's facts with its own resolution (joined across the batch later), or why it has none.
Outcome = tuple[ArticleExtraction, ArticleResolution] | ReadError
# Given one partition's cleaned articles (in input order), the inputs that failed there and the notes on
# articles kept, the positions of the articles to parse: the ingest's decision (first reading, unchanged).
Admit = Callable[[list[ArticleKey], list[ReadError], list[ReadError]], list[int]]


class Engine(Protocol):
    """Where reading, cleaning, parsing and each article's extraction run. The ingest process keeps what
    needs every article at once: which articles to parse (`admit`), resolution across the batch, the write.
    `outcomes` yields one Outcome per admitted article, in input order, so that batches are the same
    whichever engine made them."""

    def outcomes(self, pipeline: Pipeline, admit: Admit) -> Iterator[Outcome]: ...


class LocalEngine:
    """Reading and cleaning in the ingest process, spaCy in its worker processes (`Pipeline.parse`), each
    article's extraction back in the ingest process as soon as it is parsed."""

    def __init__(self, items: Iterable[RawArticle | ReadError], partition_size: int) -> None:
        self.items = items
        self.partition_size = partition_size

    def outcomes(self, pipeline: Pipeline, admit: Admit) -> Iterator[Outcome]:
        def to_parse() -> Iterator[CleanArticle]:
            for chunk in batched(self.items, self.partition_size):
                failures = [r for r in chunk if isinstance(r, ReadError)]
                warnings: list[ReadError] = []
                articles, errors = pipeline.clean(
                    [r for r in chunk if isinstance(r, RawArticle)], warnings=warnings
                )
                kept = admit([ArticleKey.of(a) for a in articles], failures + errors, warnings)
                yield from (articles[i] for i in kept)

        for article, doc in pipeline.parse(to_parse()):
            yield pipeline.extract_article(article, doc)
