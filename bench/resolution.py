"""A batch's resolution against the known actors of a whole corpus, alone:
`python -m bench.resolution KEPT`.

KEPT is a file of extracted outcomes that `bench.run --bulk-growth-kept` wrote. They are resolved once, so
that the known actors are those of the whole corpus; then `--articles` of a copy of them (bench/replay.py) are
timed. `--profile` prints where that time went; the digest covers every extraction resolved and every known
actor at the end, so that a change meant to be faster only can be shown to give the same graph.
"""

from __future__ import annotations

import cProfile
import hashlib
import pstats
import time
from pathlib import Path
from typing import Annotated

import typer

from bench.replay import copy_of, kept_batches
from ingest.resolve.blocking import KnownActors
from ingest.resolve.corpus import resolve_batch

app = typer.Typer(add_completion=False)


@app.command()
def main(
    kept: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="outcomes a bench run kept")],
    articles: Annotated[int, typer.Option(min=1, help="articles of the copy to time")] = 10_000,
    profile: Annotated[bool, typer.Option(help="print where the time went (cProfile)")] = False,
) -> None:
    known = KnownActors()
    digest = hashlib.sha256()
    started, filled = time.perf_counter(), 0
    for batch in kept_batches(kept):
        for ex in resolve_batch(batch, known):
            digest.update(ex.model_dump_json().encode())
        filled += len(batch)
    took = time.perf_counter() - started
    print(f"first pass: {filled:,} articles in {took:.1f} s, {len(known):,} known actors")

    profiler = cProfile.Profile()
    spent, timed = 0.0, 0
    for batch in kept_batches(kept):
        copied = [copy_of(o, 1) for o in batch]
        started = time.perf_counter()
        if profile:
            profiler.enable()
        resolved = resolve_batch(copied, known)
        if profile:
            profiler.disable()
        spent += time.perf_counter() - started
        timed += len(batch)
        for ex in resolved:
            digest.update(ex.model_dump_json().encode())
        if timed >= articles:
            break
    for actor_id in sorted(known.by_id):
        digest.update(known.by_id[actor_id].model_dump_json().encode())
    under = " under cProfile" if profile else ""
    print(f"a copy: {timed:,} articles, {1000 * spent / max(timed, 1):.2f} ms an article{under}")
    print(f"digest of the extractions and known actors: {digest.hexdigest()}")
    if profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    app()
