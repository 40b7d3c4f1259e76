"""The one rule for the country an article is about (ingest/country.py)."""

from __future__ import annotations

from ingest.country import main_country


def test_most_weight_wins() -> None:
    assert main_country([("a", 1), ("b", 2), ("a", 2)]) == "a"


def test_a_tie_goes_to_the_first_named() -> None:
    assert main_country([("b", 1), ("a", 2), ("b", 1)]) == "b"


def test_no_country() -> None:
    assert main_country([]) is None
