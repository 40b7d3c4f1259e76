"""Where extraction spends its time: pyinstrument over Pipeline.extract_batch on the synthetic corpus.

    .venv/bin/python -m bench.profile --articles 200

No database is involved: the write path is measured by bench/run.py. The stage table sums the time spent
under each stage's entry point; the flat table lists the functions that hold the CPU themselves.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import typer
from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.corpus import generate
from ingest.models import RawArticle
from ingest.nlp import load_base_model
from ingest.pipeline import Pipeline
from polgraph.settings import Settings

# Entry points of polgraph's stages, as pyinstrument names them (function name, file suffix). spaCy is timed
# apart: nlp.pipe is a generator, and a sampling profiler files its time under whoever pulls the next doc.
STAGES = {
    "clean": ("clean_article", "ingest/clean.py"),
    "mentions": ("find_mentions", "ingest/mentions.py"),
    "resolve (article)": ("resolve_article", "ingest/resolve/article.py"),
    "resolve (batch, against known actors)": ("finalize", "ingest/resolve/corpus.py"),
    "interactions": ("extract_interactions", "ingest/facts/interactions/__init__.py"),
    "roles": ("extract_roles", "ingest/facts/roles.py"),
    "elections": ("extract_elections", "ingest/facts/elections/__init__.py"),
    "events": ("extract_events", "ingest/facts/events/__init__.py"),
}


@dataclass
class ProfileResult:
    articles: int
    bare_seconds: float
    ruler_seconds: float
    extract_seconds: float
    stages: dict[str, float]
    flat: str

    def report(self) -> list[str]:
        lines = [
            f"{self.articles} synthetic articles, extraction only (no database), after a warm-up batch.\n",
            f"bare spaCy `nlp.pipe` {self.bare_seconds:.2f} s; polgraph extraction "
            f"{self.extract_seconds:.2f} s (ratio {self.bare_seconds / self.extract_seconds:.2f}x)\n",
            "| stage | seconds | share |",
            "|---|---|---|",
            f"| spaCy with the gazetteer ruler (timed apart) | {self.ruler_seconds:.2f} "
            f"| {self.ruler_seconds / self.extract_seconds:.0%} |",
        ]
        for stage, seconds in sorted(self.stages.items(), key=lambda kv: -kv[1]):
            lines.append(f"| {stage} | {seconds:.2f} | {seconds / self.extract_seconds:.0%} |")
        lines += ["", "Functions holding the CPU themselves (pyinstrument, flat, top 15):", "", "```"]
        # pyinstrument's banner comes first; the rows are the lines that start with a time.
        rows = [line for line in self.flat.splitlines() if line[:1].isdigit()]
        lines += rows[:15]
        lines.append("```")
        return lines


def _stage_times(root: Frame | None) -> dict[str, float]:
    totals = dict.fromkeys(STAGES, 0.0)
    if root is None:
        return totals

    def walk(frame: Frame, inside: frozenset[str]) -> None:
        entered = inside
        for stage, (name, suffix) in STAGES.items():
            if frame.function == name and (frame.file_path or "").endswith(suffix) and stage not in inside:
                totals[stage] += frame.time
                entered = inside | {stage}
        for child in frame.children:
            walk(child, entered)

    walk(root, frozenset())
    return totals


def profile_extraction(settings: Settings, raws: list[RawArticle]) -> ProfileResult:
    # spaCy in this process: a profile of the ingest process alone would miss a worker's parse.
    settings = settings.model_copy(update={"nlp_processes": 0})
    pipeline = Pipeline(settings).load()
    size = settings.ingest_batch_size
    pipeline.extract_batch(raws[:5])  # loads lexicons, caches and dateparser's data outside the timing
    bare = load_base_model(settings.spacy_model)
    texts = [r.text for r in raws]
    list(bare.pipe(texts[:5]))
    started = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=settings.nlp_batch_size):
        pass
    bare_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=settings.nlp_batch_size):
        pass
    ruler_seconds = time.perf_counter() - started

    profiler = Profiler(interval=0.002)
    profiler.start()
    started = time.perf_counter()
    for i in range(0, len(raws), size):
        pipeline.extract_batch(raws[i : i + size])
    extract_seconds = time.perf_counter() - started
    profiler.stop()
    session = profiler.last_session
    root = session.root_frame() if session else None
    return ProfileResult(
        articles=len(raws),
        bare_seconds=bare_seconds,
        ruler_seconds=ruler_seconds,
        extract_seconds=extract_seconds,
        stages=_stage_times(root),
        flat=profiler.output_text(flat=True),
    )


def main(articles: int = typer.Option(200, help="Synthetic articles to extract.")) -> None:
    result = profile_extraction(Settings(), list(generate(articles, seed=3)))
    print("\n".join(result.report()))


if __name__ == "__main__":
    typer.run(main)
