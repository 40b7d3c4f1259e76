"""How GET /entities cuts a query into the pieces it looks up in `actor_grams`."""

from __future__ import annotations

import random
import string

from api.routes.entities import MAX_GRAMS, name_grams


def test_each_distinct_word_gives_its_three_letter_pieces_once() -> None:
    assert name_grams("Bakiyev Bakiyev") == ["bak", "aki", "kiy", "iye", "yev"]


def test_a_short_word_is_its_own_piece_and_case_and_punctuation_do_not_count() -> None:
    assert name_grams("Mr O'Neil-Xu") == ["mr", "o", "nei", "eil", "xu"]
    assert name_grams("MR o neil XU") == ["mr", "o", "nei", "eil", "xu"]


def test_accented_letters_are_kept_for_the_index_to_fold() -> None:
    assert name_grams("Łukaszenka") == ["łuk", "uka", "kas", "asz", "sze", "zen", "enk", "nka"]


def test_a_query_without_letters_has_no_pieces_and_a_long_one_is_capped() -> None:
    assert name_grams("-- ... --") == []
    # 100 random 10-letter words: ~800 distinct pieces, more than a Lucene query takes.
    rng = random.Random(1)
    words = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(10)) for _ in range(100))
    assert len(set(name_grams(words))) == MAX_GRAMS
