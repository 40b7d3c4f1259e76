"""PLOVER interaction accuracy on the coded development sentences, through the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.gold.plover_scoring import DEV_FILE, load_items, pipeline_predict, score

# Floors sit just under the measured accuracy so that a regression fails while noise does not.
TYPE_FLOOR = 0.70
FULL_FLOOR = 0.59


def test_plover_dev_accuracy(gold_report: Callable[[str], None]) -> None:
    if not DEV_FILE.is_file():
        pytest.skip(f"{DEV_FILE} is not present")
    pytest.importorskip("ingest.nlp")
    scores = score(load_items(DEV_FILE), pipeline_predict)
    gold_report("plover_dev.jsonl, each sentence as an article:\n" + scores.report())
    assert scores.total > 0
    assert scores.type_accuracy >= TYPE_FLOOR
    assert scores.full_accuracy >= FULL_FLOOR
