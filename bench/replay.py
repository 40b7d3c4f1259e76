"""Growth past what this machine can extract in a bench run: the outcomes of a real extraction, kept on disk,
played back many times as copies of their own.

Extraction is the same work for each article whatever came before it, so its cost per article is measured
where it is run (bench/scale.py: the first `distinct` articles, spaCy and all). What grows with the corpus is
what comes after it: resolution against the actors already known, the bulk fold, the CSV files, the import,
the server's start and the schema. A copy is played back through exactly that code (`ingest_with` with the
bulk fold as writer), so the growth measured is theirs.

Each copy has its own articles: new article, content, event and election ids, and every date moved on by
`YEARS_A_COPY` years times the copy's number (more than the span of the synthetic corpus's dates), so that
its events and elections are its own. Its actors are the same people, and a fact is who did what to whom
(`ingest.write.fact_key`), so the copies add evidence, dates and sources to the facts of the first copy
rather than facts of their own: articles, evidence, events and elections grow with the copies, actors and
facts stay at the count of the articles extracted. A real corpus of that size would keep adding actors and
facts, ever more slowly; the growth of those is measured on a corpus extracted whole (the same section,
without copies).
"""

from __future__ import annotations

import calendar
import pickle
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ingest.engines import Admit, ArticleKey, Engine, Outcome, batched
from ingest.ids import short_hash
from ingest.models import ArticleExtraction, ArticleResolution, ReadError
from ingest.pipeline import Pipeline

# The synthetic corpus's articles are dated 2005-2023, and its facts up to some weeks before that.
YEARS_A_COPY = 20
_DATE = re.compile(r'"(value|published)":"(\d{4})((?:-\d\d){0,2})"')
_ELECTION = re.compile(r'"election:([^"]*):(\d{4})((?:-\d\d){0,2})"')


def shifted(year: str, rest: str, years: int) -> str:
    """An ISO date (`year` and `rest`, "-MM-DD", "-MM" or "") `years` on; 29 February becomes the 28th in a
    year that has none (a shift of 20 years keeps leap years but for centuries such as 2100)."""
    moved = int(year) + years
    if rest == "-02-29" and not calendar.isleap(moved):
        rest = "-02-28"
    return f"{moved:04d}{rest}"


Kept = tuple[ArticleExtraction, ArticleResolution]


def copy_of(outcome: Kept, copy: int) -> Kept:
    """`outcome` as the `copy`-th copy of itself: the first (0) is the outcome as it is."""
    if copy == 0:
        return outcome
    extraction, resolution = outcome
    years = YEARS_A_COPY * copy
    old = extraction.article.id
    new = "article:" + short_hash(old, str(copy))
    renamed = {old: new}
    renamed.update({e.id: "event:" + short_hash(e.id, str(copy)) for e in extraction.events})
    if extraction.article.content_hash:
        renamed[extraction.article.content_hash] = short_hash(extraction.article.content_hash, str(copy))
    renamed[extraction.article.source_path] = f"{extraction.article.source_path}#copy{copy}"
    text = extraction.model_dump_json()
    # Ids are whole JSON strings, so a quoted replacement changes no other text that contains them.
    for before, after in renamed.items():
        text = text.replace(f'"{before}"', f'"{after}"')
    text = _DATE.sub(lambda m: f'"{m[1]}":"{shifted(m[2], m[3], years)}"', text)
    text = _ELECTION.sub(lambda m: f'"election:{m[1]}:{shifted(m[2], m[3], years)}"', text)
    entities = {
        key: entity.model_copy(
            update={
                "merges": [
                    m.model_copy(update={"article_id": new}) if m.article_id == old else m
                    for m in entity.merges
                ]
            }
        )
        for key, entity in resolution.entities.items()
    }
    return ArticleExtraction.model_validate_json(text), replace(resolution, entities=entities, article_id=new)


def keep(engine: Engine, pipeline: Pipeline, path: Path, batch: int) -> int:
    """Run `engine` over its articles, every one admitted, and pickle each `batch` of outcomes to `path` as
    they come; how many articles were kept (failures are left out: a copy of a failure would say nothing),
    also written beside it (`kept_count`), so that a later run can play them back without reading them."""
    kept = 0

    def admit_all(keys: list[ArticleKey], failures: list[ReadError], warnings: list[ReadError]) -> list[int]:
        return list(range(len(keys)))

    with path.open("wb") as out:
        for chunk in batched(engine.outcomes(pipeline, admit_all), batch):
            good = [o for o in chunk if not isinstance(o, ReadError)]
            pickle.dump(good, out, protocol=pickle.HIGHEST_PROTOCOL)
            kept += len(good)
    path.with_suffix(".count").write_text(f"{kept}\n", encoding="utf-8")
    return kept


def kept_count(path: Path) -> int:
    return int(path.with_suffix(".count").read_text(encoding="utf-8"))


def kept_batches(path: Path) -> Iterator[list[Kept]]:
    with path.open("rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return


class ReplayEngine:
    """An engine whose articles are `copies` copies of the outcomes `keep` wrote to `path`, read back a batch
    at a time (none held past its batch), each partition admitted by the ingest as a real engine's is."""

    def __init__(self, path: Path, copies: int) -> None:
        self.path = path
        self.copies = copies
        # Spent reading the outcomes back and making the copies, which a real load would not: reported beside
        # the rest.
        self.seconds = 0.0

    def outcomes(self, pipeline: Pipeline, admit: Admit) -> Iterator[Outcome]:
        for copy in range(self.copies):
            batches = kept_batches(self.path)
            while True:
                started = time.perf_counter()
                batch = next(batches, None)
                if batch is None:
                    break
                outcomes = [copy_of(o, copy) for o in batch]
                self.seconds += time.perf_counter() - started
                keys = [
                    ArticleKey(e.article.id, e.article.content_hash or "", e.article.source_path)
                    for e, _ in outcomes
                ]
                yield from (outcomes[i] for i in admit(keys, [], []))
