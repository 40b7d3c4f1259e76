"""The API under a bounded concurrent load while an ingest runs: no errors, memory steady.

POLGRAPH_SOAK_SECONDS sets the load's length (default 60 s, to keep `make test` short); `make bench` runs the
same soak for longer and records its figures in bench/RESULTS.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from neo4j import Driver

from bench.soak import soak
from polgraph.settings import Settings

SECONDS = float(os.environ.get("POLGRAPH_SOAK_SECONDS", "60"))


def test_api_under_load_while_ingesting_answers_every_request_and_holds_its_memory(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    result = soak(neo4j_settings, tmp_path, seconds=SECONDS, concurrency=6, articles=120)
    print("\n".join(result.report()))
    assert result.ingest_exit == 0, result.ingest_output
    assert "120 new" in result.ingest_output, result.ingest_output
    assert result.requests > 100
    assert result.errors == [], result.errors[:5]
    # Steady: after warm-up the API's resident memory may wobble with the allocator, not climb.
    assert result.rss_end <= result.rss_after_warmup * 1.25 + 20, result.rss
