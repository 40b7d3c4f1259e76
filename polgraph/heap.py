"""A long-running process's heap: what the cyclic garbage collector need not look at."""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Take every object alive now out of the cyclic collector's reach.

    A full collection traverses every tracked object, and the process's long-lived ones (FastAPI, pydantic,
    the drivers, the catalog: ~160k) made each one hold the event loop, and every request in flight, for
    ~100 ms; under load that came every few seconds (bench/PROFILE.md). In an ingest, the spaCy model,
    gazetteers and lexicons are ~515k objects, and a full collection walking them took ~300 ms, one every
    ~600 articles. Frozen objects are never traversed, and so full collections cost what the objects made
    since cost. Called once the process has loaded what it keeps; processes forked after it (the spaCy
    workers) inherit the frozen heap, and their collections do not write to the pages they share.
    """
    gc.collect()
    gc.freeze()
