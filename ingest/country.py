"""The country an article is about, decided the same way at every stage: the country with the most weight
among the places the article names, the first named winning a tie. Each stage weighs what it can see
(resolution counts country mentions; fact extraction also weighs where a name stands in the parse)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def main_country(votes: Iterable[tuple[str, int]]) -> str | None:
    """The country with the greatest total weight; of equal totals, the one voted for first."""
    totals: Counter[str] = Counter()
    for country, weight in votes:
        totals[country] += weight
    # Counter keeps first-insertion order and most_common is stable, so a tie goes to the first named.
    return totals.most_common(1)[0][0] if totals else None
