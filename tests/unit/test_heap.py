"""What a long-running process loads once is kept out of the cyclic collector's full collections."""

from __future__ import annotations

import gc

from ingest.pipeline import Pipeline
from tests.conftest import make_test_settings


def test_a_pipeline_freezes_the_model_and_lexicons_it_loads() -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    Pipeline(make_test_settings()).load()
    # The English model, the gazetteers and the lexicons are hundreds of thousands of objects; without the
    # freeze every full collection of an ingest walked them (bench/PROFILE.md).
    assert gc.get_freeze_count() > 100_000
