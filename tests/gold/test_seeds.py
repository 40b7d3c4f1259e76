"""The whole pipeline on the five sample articles, measured against ../shared/gold/seeds.yaml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.models import ArticleExtraction, ReadError
from ingest.pipeline import extract_paths
from tests.conftest import DATA_DIR, make_test_settings
from tests.gold.seeds_scoring import Scores, load_gold, score

pytestmark = pytest.mark.gold


@pytest.fixture(scope="module")
def seed_scores(shared_dir: Path, gold_report: Callable[[str], None]) -> Scores:
    gold = load_gold(shared_dir / "gold" / "seeds.yaml")
    extractions: dict[str, ArticleExtraction] = {}
    for item in extract_paths([str(DATA_DIR)], make_test_settings()):
        assert not isinstance(item, ReadError), item
        extractions[Path(item.article.source_path).name] = item
    assert set(gold["articles"]) <= set(extractions)
    scores = score(gold, extractions)
    gold_report("seeds.yaml on the five sample articles:\n" + scores.report())
    for miss in scores.misses:
        gold_report(f"  miss: {miss}")
    return scores


def test_at_least_90_percent_of_gold_entities_are_found_with_the_right_type(seed_scores: Scores) -> None:
    assert seed_scores.entities_found / seed_scores.entities_total >= 0.90


def test_each_gold_alias_list_ends_on_one_node(seed_scores: Scores) -> None:
    assert seed_scores.alias_lists_whole == seed_scores.alias_lists_total


def test_no_site_furniture_or_tagger_error_becomes_an_entity(seed_scores: Scores) -> None:
    assert seed_scores.not_entities_seen == []


def test_at_least_75_percent_of_gold_relations_have_the_right_type_and_direction(seed_scores: Scores) -> None:
    assert seed_scores.relations_found / seed_scores.relations_total >= 0.75


def test_all_five_elections_are_found_with_their_dates_and_every_stated_vote_share(
    seed_scores: Scores,
) -> None:
    assert seed_scores.elections_found == seed_scores.elections_total == 5
    assert seed_scores.vote_shares_found == seed_scores.vote_shares_total
