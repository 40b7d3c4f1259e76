"""The whole pipeline on the development corpus of real articles (quality/devcorpus), measured against its
hand annotations: recall and precision per relation type, elections, vote shares, alias groups.

The floors sit just under the measured figures, so that a regression fails while noise does not; the targets
the project aims at are higher (README, Quality)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.models import PLOVER_TYPES, STRUCTURAL_TYPES, ArticleExtraction, ReadError
from ingest.pipeline import extract_paths
from quality import corpus
from quality.score import Report, score
from tests.conftest import make_test_settings

pytestmark = pytest.mark.gold

FLOORS = {
    "interaction_precision": 0.78,
    "interaction_recall": 0.57,
    "structural_precision": 0.80,
    "structural_recall": 0.60,
    "elections_dated": 0.88,
    "vote_shares": 0.85,
    "alias_groups": 0.93,
}


@pytest.fixture(scope="module")
def report(gold_report: Callable[[str], None]) -> Report:
    gold = corpus.load_all()
    extractions: dict[str, ArticleExtraction] = {}
    for item in extract_paths([str(corpus.ARTICLES)], make_test_settings()):
        assert not isinstance(item, ReadError), item
        extractions[Path(item.article.source_path).name] = item
    assert set(gold) <= set(extractions)
    result = score(gold, extractions)
    gold_report(f"development corpus, {len(gold)} real articles:\n" + result.table())
    return result


def test_the_corpus_is_valid() -> None:
    assert corpus.check() == []
    regions = {name.split("-", 1)[0] for name in corpus.load_all()}
    assert len(corpus.load_all()) >= 60 and len(regions) >= 5


def test_interactions_keep_their_precision_and_recall(report: Report) -> None:
    inter = report.tally(PLOVER_TYPES)
    assert (inter.precision or 0) >= FLOORS["interaction_precision"]
    assert (inter.recall or 0) >= FLOORS["interaction_recall"]


def test_structural_facts_keep_their_precision_and_recall(report: Report) -> None:
    struct = report.tally(STRUCTURAL_TYPES)
    assert (struct.precision or 0) >= FLOORS["structural_precision"]
    assert (struct.recall or 0) >= FLOORS["structural_recall"]


def test_elections_and_shares_keep_their_recall(report: Report) -> None:
    assert report.elections_dated / report.elections_total >= FLOORS["elections_dated"]
    assert report.shares_found / report.shares_total >= FLOORS["vote_shares"]


def test_spellings_of_one_actor_end_on_one_node_and_no_two_actors_share_one(report: Report) -> None:
    assert report.alias_groups_merged / report.alias_groups_total >= FLOORS["alias_groups"]
    assert report.false_merges == []
