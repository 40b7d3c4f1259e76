"""The ingest pipeline: read -> clean -> spaCy -> mentions -> resolve -> facts -> (corpus merge) -> write.

spaCy parses in worker processes (ingest/parse.py) while this process extracts each article as it arrives;
actors are resolved within each article and then across the batch and everything already known, and the
batch is written in one transaction while the next one is extracted. One bad article is reported as a
ReadError and skipped; it never stops the batch.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain
from pathlib import Path
from typing import TypeVar

from neo4j import Driver
from spacy.language import Language
from spacy.tokens import Doc

from ingest.clean import clean_article
from ingest.curation.store import load_curation
from ingest.engines import ArticleKey, Engine, LocalEngine, Outcome, batched
from ingest.errors import InputError
from ingest.facts.context import FactContext
from ingest.facts.dates import warm_up as warm_up_dates
from ingest.facts.elections import extract_elections
from ingest.facts.events import extract_events
from ingest.facts.interactions import extract_interactions
from ingest.facts.own_state import without_acts_on_own_state
from ingest.facts.roles import extract_roles
from ingest.interrupts import interrupts_deferred
from ingest.mentions import find_mentions
from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    ArticleResolution,
    CleanArticle,
    Entity,
    EntityType,
    RawArticle,
    ReadError,
)
from ingest.nlp import load_nlp
from ingest.parse import parse_in_workers
from ingest.read import read_inputs
from ingest.resolve import resolve_article
from ingest.resolve.blocking import KnownActors
from ingest.resolve.corpus import dedupe_relations, resolve_batch
from ingest.screen import not_news
from ingest.write import BatchWriter, GraphWriter, WriteResult
from polgraph.cypher import load_cypher
from polgraph.heap import freeze_long_lived
from polgraph.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
CYPHER = Path(__file__).resolve().parent / "cypher"


# Publication dates before this are placeholders ("0001-01-01" is many systems' empty date) or mistakes;
# relative dates in the text are read from the publication date, and near year 1 that arithmetic fails.
EARLIEST_PUBLISHED = date(1800, 1, 1)
# spaCy's own limit on a text's length in characters (Language.max_length), before any model is loaded.
SPACY_MAX_LENGTH = 1_000_000


@dataclass
class IngestSummary:
    """What became of every input: each lands in exactly one of new, unchanged, replaced, duplicates and
    failed. `warnings` are about articles that were stored nonetheless (a publication date set aside)."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicates: int = 0  # the same article (same id, same text) read again in the same run
    failed: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    failures: list[ReadError] = field(default_factory=list)
    warnings: list[ReadError] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.new + self.unchanged + self.replaced


class Pipeline:
    """Holds the spaCy pipeline and what is known of actors so far in this run.

    spaCy is loaded when the first article needs parsing, not before: reading, cleaning and the check for
    articles already stored word for word come first, so that a re-ingest of an unchanged corpus, or a
    feed round with nothing new, never pays the seconds and hundreds of megabytes the model takes.
    `on_load` is called just before it loads (the command line says so)."""

    def __init__(
        self, settings: Settings, known: Iterable[Entity] = (), on_load: Callable[[], None] | None = None
    ) -> None:
        self.settings = settings
        self.known = KnownActors(known)
        self.on_load = on_load
        self._nlp: Language | None = None
        self._loading = threading.Lock()

    @property
    def nlp(self) -> Language:
        nlp = self._nlp if self._nlp is not None else self.load()._nlp
        assert nlp is not None
        return nlp

    def load(self) -> Pipeline:
        """Load spaCy now (once, however many threads ask at the same time: the API's requests)."""
        with self._loading:
            if self._nlp is None:
                if self.on_load is not None:
                    self.on_load()
                nlp = load_nlp(self.settings.spacy_model)
                warm_up_dates()
                freeze_long_lived()
                self._nlp = nlp
        return self

    @property
    def loaded(self) -> bool:
        """Whether spaCy has been loaded for this pipeline."""
        return self._nlp is not None

    # ------------------------------------------------------------------------------------ stages

    @property
    def max_chars(self) -> int:
        """The longest text parsed. Past spaCy's own limit its parser refuses the text (error E088); below
        it, time and memory grow with the text, so the setting keeps both bounded. Before spaCy is loaded
        its limit is the one every pipeline starts with."""
        limit = self._nlp.max_length if self._nlp is not None else SPACY_MAX_LENGTH
        return min(self.settings.max_article_chars, limit)

    def clean(
        self, raws: Iterable[RawArticle], warnings: list[ReadError] | None = None
    ) -> tuple[list[CleanArticle], list[ReadError]]:
        articles, errors = [], []
        for raw in raws:
            try:
                if len(raw.text) > self.max_chars:
                    raise InputError(
                        raw.source_path,
                        f"article too long ({len(raw.text)} characters; the limit is {self.max_chars}, "
                        f"POLGRAPH_MAX_ARTICLE_CHARS): split it into articles",
                    )
                problem = not_news(raw.text)
                if problem:
                    raise InputError(raw.source_path, problem)
                articles.append(clean_article(self._dated(raw, warnings)))
            except InputError as exc:
                errors.append(ReadError(source=exc.source, problem=exc.problem))
        return articles, errors

    @staticmethod
    def _dated(raw: RawArticle, warnings: list[ReadError] | None) -> RawArticle:
        """`raw`, undated when its publication date cannot be one: before EARLIEST_PUBLISHED, or after
        tomorrow (a day's grace for time zones). The article is kept and the date reported."""
        published = raw.published
        if published is None:
            return raw
        if published < EARLIEST_PUBLISHED:
            why = f"before {EARLIEST_PUBLISHED.year}: taken for a placeholder"
        elif published > date.today() + timedelta(days=1):
            why = "in the future"
        else:
            return raw
        if warnings is not None:
            warnings.append(
                ReadError(
                    source=raw.source_path,
                    problem=f"published date {published.isoformat()} is {why}; the article is stored undated",
                )
            )
        return raw.model_copy(update={"published": None})

    def extract_batch(self, raws: list[RawArticle]) -> tuple[list[ArticleExtraction], list[ReadError]]:
        """Everything learnt from a batch, with actors resolved across the batch and against `known`."""
        articles, errors = self.clean(raws)
        extractions, failures = self.extract_parsed(list(self.parse(articles)))
        return extractions, errors + failures

    def parse(self, articles: Iterable[CleanArticle]) -> Iterator[tuple[CleanArticle, Doc]]:
        """spaCy over a stream of articles, in order, for a whole ingest: workers started for each batch
        would cost more than a batch takes.

        With `nlp_processes` >= 1 spaCy runs in that many worker processes while this one extracts and
        writes what they parsed before (ingest/parse.py); with 0 it runs here, one article after another."""
        # spaCy is loaded only once an article is there to parse.
        stream = iter(articles)
        first = next(stream, None)
        if first is None:
            return
        articles = chain([first], stream)
        processes = self.settings.nlp_processes
        if processes >= 1:
            yield from parse_in_workers(self.nlp, articles, _text_of, processes, self.settings.nlp_batch_size)
            return
        waiting: dict[int, CleanArticle] = {}

        def texts() -> Iterator[tuple[str, int]]:
            # The article stays here and only its number travels with the text.
            for i, article in enumerate(articles):
                waiting[i] = article
                yield article.text, i

        docs = self.nlp.pipe(texts(), as_tuples=True, batch_size=self.settings.nlp_batch_size)
        for doc, i in docs:
            yield waiting.pop(i), doc

    def extract_parsed(
        self, parsed: Iterable[tuple[CleanArticle, Doc]]
    ) -> tuple[list[ArticleExtraction], list[ReadError]]:
        """Facts of a batch of parsed articles, actors resolved across the batch and against `known`."""
        outcomes = [self.extract_article(article, doc) for article, doc in parsed]
        per_article = [o for o in outcomes if not isinstance(o, ReadError)]
        return resolve_batch(per_article, self.known), [o for o in outcomes if isinstance(o, ReadError)]

    def extract_stream(
        self, parsed: Iterable[tuple[CleanArticle, Doc]], size: int
    ) -> Iterator[tuple[list[ArticleExtraction], list[ReadError], int]]:
        """`extract_parsed` over consecutive batches of `size` parsed articles: (extractions, errors, articles
        in the batch) for each. Each article is extracted as soon as it is parsed, so that with spaCy in a
        worker the last batch costs only its resolution after the worker is done, not its whole extraction.
        """
        return self.resolve_stream((self.extract_article(article, doc) for article, doc in parsed), size)

    def resolve_stream(
        self, outcomes: Iterable[Outcome], size: int
    ) -> Iterator[tuple[list[ArticleExtraction], list[ReadError], int]]:
        """Articles extracted one by one, in consecutive batches of `size` resolved across the batch and
        against `known`: (extractions, errors, articles in the batch) for each."""
        per_article: list[tuple[ArticleExtraction, ArticleResolution]] = []
        errors: list[ReadError] = []
        count = 0
        for outcome in outcomes:
            if isinstance(outcome, ReadError):
                errors.append(outcome)
            else:
                per_article.append(outcome)
            count += 1
            if count == size:
                yield resolve_batch(per_article, self.known), errors, count
                per_article, errors, count = [], [], 0
        if count:
            yield resolve_batch(per_article, self.known), errors, count

    def extract_article(self, article: CleanArticle, doc: Doc) -> Outcome:
        """One article's facts and resolution, or the reason extraction failed on it."""
        try:
            return self._extract_article(article, doc)
        except Exception as exc:  # one article's failure must not stop the batch
            log.exception("extraction failed for %s", article.source_path)
            return ReadError(source=article.source_path, problem=f"extraction failed: {exc}")

    def _extract_article(
        self, article: CleanArticle, doc: Doc
    ) -> tuple[ArticleExtraction, ArticleResolution]:
        mentions = find_mentions(doc)
        resolution = resolve_article(article.id, mentions, text=article.text)
        ctx = FactContext(
            doc=doc, article=article, entities=dict(resolution.entities), spans=resolution.spans
        )
        relations = without_acts_on_own_state(
            extract_interactions(ctx) + extract_roles(ctx), {**ctx.entities, **ctx.new_entities}
        )
        elections, election_relations = extract_elections(ctx)
        events = extract_events(ctx)
        entities = {**ctx.entities, **ctx.new_entities}
        extraction = ArticleExtraction(
            article=ArticleInfo(
                id=article.id,
                source_path=article.source_path,
                title=article.title,
                published=article.published,
                outlet=article.outlet,
                url=article.url,
                content_hash=article.content_hash,
            ),
            entities=sorted(entities.values(), key=lambda e: e.id),
            relations=dedupe_relations(relations + election_relations),
            elections=elections,
            events=events,
        )
        return extraction, resolution


def _text_of(article: CleanArticle) -> str:
    return article.text


def known_actors(driver: Driver, database: str) -> list[Entity]:
    """Actors already in the graph, so that a new article's "Mr X" joins the stored X."""
    with interrupts_deferred():
        records, _, _ = driver.execute_query(load_cypher(CYPHER, "known_actors"), database_=database)
    out = []
    for r in records:
        try:
            etype = EntityType(r["type"])
        except ValueError:
            continue
        out.append(
            Entity(
                id=r["id"],
                type=etype,
                name=r["name"],
                aliases=r["aliases"] or [],
                country=r["country"],
                kb_id=r["kb_id"],
            )
        )
    return out


ProgressCallback = Callable[[int, int], None]  # (articles done in this batch, failures in this batch)


def extract_paths(
    paths: list[str], settings: Settings, stdin: object = None
) -> Iterator[ArticleExtraction | ReadError]:
    """`polgraph extract`: no database; ids are shared by all the articles of the run."""
    pipeline = Pipeline(settings)
    for chunk in batched(read_inputs(paths, stdin=stdin), settings.ingest_batch_size):  # type: ignore[arg-type]
        raws = [r for r in chunk if isinstance(r, RawArticle)]
        yield from (r for r in chunk if isinstance(r, ReadError))
        extractions, errors = pipeline.extract_batch(raws)
        yield from errors
        yield from extractions


def ingest_items(
    items: Iterable[RawArticle | ReadError],
    driver: Driver,
    settings: Settings,
    on_batch: ProgressCallback | None = None,
    pipeline: Pipeline | None = None,
    skip_unchanged: bool = True,
    keep_extractions: bool = False,
    summary: IngestSummary | None = None,
) -> tuple[IngestSummary, list[ArticleExtraction]]:
    """Extract and write; returns the summary and, with `keep_extractions`, what was extracted (for the API's
    POST /articles). An operator's ingest of a large corpus keeps nothing but the summary: holding every
    article's facts until the end made memory grow with the corpus.

    With `skip_unchanged` (the default) articles already stored with the same text are not extracted
    again and are missing from the returned extractions; the API turns it off to answer with the facts.

    `summary`, when given, is filled as batches commit: a caller stopped by Ctrl-C can still tell what was
    written. An interrupt waits for the write in flight, so that the summary counts its batch if it commits.
    """
    engine = LocalEngine(items, settings.ingest_batch_size)
    return ingest_with(
        engine, driver, settings, on_batch, pipeline, skip_unchanged, keep_extractions, summary
    )


def ingest_with(
    engine: Engine,
    driver: Driver,
    settings: Settings,
    on_batch: ProgressCallback | None = None,
    pipeline: Pipeline | None = None,
    skip_unchanged: bool = True,
    keep_extractions: bool = False,
    summary: IngestSummary | None = None,
    writer: BatchWriter | None = None,
) -> tuple[IngestSummary, list[ArticleExtraction]]:
    """`ingest_items` with the articles read, cleaned, parsed and extracted by `engine`, and the batches
    written by `writer` (by default to the graph through `driver`)."""
    pipeline = pipeline or Pipeline(settings, known=known_actors(driver, settings.neo4j_database))
    # Curation overrides live in the graph written to; a writer of its own (the bulk fold) builds a new
    # graph, which has none, and the server may be stopped meanwhile.
    curated = writer is None
    writer = writer or GraphWriter(driver, settings.neo4j_database)
    summary = summary if summary is not None else IngestSummary()
    extracted: list[ArticleExtraction] = []
    size = settings.ingest_batch_size

    # Every article read in this run: its id -> (content hash, where it was read). A second input with the
    # same id is the same article (counted once, as a duplicate) or, with another text, a conflict that
    # is reported: the first one read is kept, rather than whichever the batches happened to write last.
    seen: dict[str, tuple[str, str]] = {}

    def first_reading(articles: list[ArticleKey], failures: list[ReadError]) -> list[int]:
        kept = []
        for i, article in enumerate(articles):
            first = seen.get(article.id)
            if first is None:
                seen[article.id] = (article.content_hash, article.source_path)
                kept.append(i)
            elif first[0] == article.content_hash:
                summary.duplicates += 1
                summary.warnings.append(
                    ReadError(
                        source=article.source_path, problem=f"the same article as {first[1]}; read once"
                    )
                )
            else:
                failures.append(
                    ReadError(
                        source=article.source_path,
                        problem=f"same article (same URL) as {first[1]}, read earlier in this run, but a "
                        f"different text; the first was kept",
                    )
                )
        return kept

    def report(done: int, failures: list[ReadError]) -> None:
        summary.failed += len(failures)
        summary.failures.extend(failures)
        if on_batch and (done or failures):
            on_batch(done, len(failures))

    def admit(articles: list[ArticleKey], failures: list[ReadError], warnings: list[ReadError]) -> list[int]:
        summary.warnings.extend(warnings)
        before = summary.duplicates
        kept = first_reading(articles, failures)
        if on_batch and summary.duplicates > before:
            on_batch(summary.duplicates - before, 0)
        unchanged: set[str] = set()
        if skip_unchanged and kept:
            # Cleaning is cheap and fixes the content hash, so an article the graph already holds
            # word for word never reaches spaCy: re-ingesting a corpus costs one lookup per batch.
            with interrupts_deferred():
                stored = writer.stored_hashes(sorted({articles[i].id for i in kept}))
            unchanged = {
                articles[i].id for i in kept if stored.get(articles[i].id) == articles[i].content_hash
            }
        summary.unchanged += len(unchanged)
        report(sum(articles[i].id in unchanged for i in kept), failures)
        return [i for i in kept if articles[i].id not in unchanged]

    def settle(write: Future[WriteResult], done: int, failures: list[ReadError]) -> None:
        result = write.result()  # a lost server raises here, after the batches before it committed
        for state in result.states.values():
            setattr(summary, state, getattr(summary, state) + 1)
        summary.nodes_created += result.nodes_created
        summary.relationships_created += result.relationships_created
        report(done, failures)

    # One write in flight while the next batch is extracted: the server does its part on another core.
    # Batches still commit one after another, in order, each in its own transaction.
    in_flight: tuple[Future[WriteResult], int, list[ReadError]] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="polgraph-write") as writes:
        submit = writes.submit if writer.overlaps else _written_now
        try:
            for extractions, errors, parsed in pipeline.resolve_stream(
                engine.outcomes(pipeline, admit), size
            ):
                if in_flight:
                    settle(*in_flight)
                    in_flight = None
                if not extractions:
                    report(0, errors)
                    continue
                # Read again each batch: an override made while a long ingest runs holds from its next batch.
                if curated:
                    with interrupts_deferred():
                        curation = load_curation(driver, settings.neo4j_database)
                    extractions = curation.apply(extractions)
                if keep_extractions:
                    extracted.extend(extractions)
                in_flight = (submit(writer.write, extractions), parsed - len(errors), errors)
        except KeyboardInterrupt:
            if in_flight:
                settle(*in_flight)
            raise
        if in_flight:
            settle(*in_flight)
    return summary, extracted


def _written_now(
    write: Callable[[list[ArticleExtraction]], WriteResult], batch: list[ArticleExtraction]
) -> Future[WriteResult]:
    """`write(batch)` done here and now, as a settled future: what it raised is raised when it is settled, as
    from the writing thread."""
    done: Future[WriteResult] = Future()
    try:
        done.set_result(write(batch))
    except Exception as error:
        done.set_exception(error)
    return done


def ingest_raw_articles(
    raws: list[RawArticle], driver: Driver, settings: Settings, pipeline: Pipeline | None = None
) -> tuple[IngestSummary, list[ArticleExtraction]]:
    return ingest_items(
        list(raws), driver, settings, pipeline=pipeline, skip_unchanged=False, keep_extractions=True
    )
