"""What comes after extraction, alone: resolution against the known actors of a whole corpus, and with
`--fold` the bulk load's fold. `python -m bench.after_extraction KEPT [--fold] [--profile]`.

KEPT is a file of extracted outcomes that `bench.run --bulk-growth-kept` wrote. They are resolved (and
folded) once, so that the known actors (and the fold's store) are those of the whole corpus; then
`--articles` of a copy of them (bench/replay.py) are timed. `--profile` prints where that time went. The
digest covers every extraction resolved and every known actor at the end (and the fold's counts), so that
a change meant to be faster only can be shown to give the same graph.
"""

from __future__ import annotations

import cProfile
import hashlib
import pstats
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer

from bench.replay import copy_of, kept_batches
from ingest.bulk import BulkGraph
from ingest.resolve.blocking import KnownActors
from ingest.resolve.corpus import resolve_batch

app = typer.Typer(add_completion=False)


class _Run:
    def __init__(self, kept: Path, graph: BulkGraph | None) -> None:
        self.kept = kept
        self.graph = graph
        self.known = KnownActors()
        self.digest = hashlib.sha256()

    def play(
        self, copy: int, limit: int | None, profiler: cProfile.Profile | None
    ) -> tuple[int, float, float]:
        """Copy `copy` of the kept outcomes, resolved and folded: (articles, resolution s, fold s)."""
        count, resolving, folding = 0, 0.0, 0.0
        for batch in kept_batches(self.kept):
            outcomes = [copy_of(o, copy) for o in batch]  # copy 0 is the outcome itself
            if profiler:
                profiler.enable()
            started = time.perf_counter()
            resolved = resolve_batch(outcomes, self.known)
            resolving += time.perf_counter() - started
            if self.graph:
                started = time.perf_counter()
                self.graph.write(resolved)
                folding += time.perf_counter() - started
            if profiler:
                profiler.disable()
            for ex in resolved:
                self.digest.update(ex.model_dump_json().encode())
            count += len(batch)
            if limit and count >= limit:
                break
        return count, resolving, folding


@app.command()
def main(
    kept: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="outcomes a bench run kept")],
    articles: Annotated[int, typer.Option(min=1, help="articles of the copy to time")] = 10_000,
    fold: Annotated[bool, typer.Option(help="fold the resolved batches as a bulk load does")] = False,
    profile: Annotated[bool, typer.Option(help="print where the time went (cProfile)")] = False,
) -> None:
    profiler = cProfile.Profile() if profile else None
    with tempfile.TemporaryDirectory(prefix="polgraph-fold-") as work:
        run = _Run(kept, BulkGraph(Path(work)) if fold else None)
        count, resolving, folding = run.play(0, None, None)
        print(
            f"first pass: {count:,} articles, resolution {resolving:.1f} s, fold {folding:.1f} s;"
            f" {len(run.known):,} known actors"
        )
        count, resolving, folding = run.play(1, articles, profiler)
        for actor_id in sorted(run.known.by_id):
            run.digest.update(run.known.by_id[actor_id].model_dump_json().encode())
        if run.graph:
            run.digest.update(f"{run.graph.node_count()} {run.graph.rel_count()}".encode())
            run.graph.store.close()
    under = " under cProfile" if profiler else ""
    each = 1000 / max(count, 1)
    print(
        f"a copy: {count:,} articles; ms an article{under}: resolution {each * resolving:.2f},"
        f" fold {each * folding:.2f}"
    )
    print(f"digest of the extractions and known actors: {run.digest.hexdigest()}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    app()
