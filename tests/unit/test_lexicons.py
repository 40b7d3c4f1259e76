"""The one lexicon loader (ingest/lexicons/__init__.py)."""

from __future__ import annotations

import pytest

from ingest.lexicons import DIRECTORY, load, rows


def test_words_are_lower_case_sets() -> None:
    negators = load("grammar").words("negators")
    assert "not" in negators and "never" in negators
    assert all(w == w.lower() for w in load("actor_nouns").words("title_words"))


def test_unknown_key_names_the_file_and_the_key() -> None:
    with pytest.raises(KeyError, match=r"grammar\.yaml has no key 'negatorz'"):
        load("grammar").words("negatorz")


def test_a_mapping_is_not_a_word_list() -> None:
    with pytest.raises(KeyError, match="not a word list"):
        load("grammar").words("number_words")


def test_loaded_once() -> None:
    assert load("grammar") is load("grammar")


def test_every_yaml_lexicon_loads() -> None:
    names = [p.stem for p in DIRECTORY.glob("*.yaml")]
    assert "grammar" in names and len(names) >= 10
    for name in names:
        assert load(name).data, name


def test_jsonl_rows() -> None:
    verbs = rows("plover_verbs")
    assert verbs and all("lemma" in r and "type" in r for r in verbs)


def test_no_word_in_any_lexicon_is_read_as_a_boolean() -> None:
    """YAML 1.1 reads bare no, on, yes, off as booleans; a word list holding one would match nothing. (A flag
    such as `leads: true` in a mapping is meant.)"""

    def booleans(value: object, where: str) -> list[str]:
        if isinstance(value, dict):
            return [b for k, v in value.items() for b in booleans(v, f"{where}.{k}")]
        if isinstance(value, list):
            return [where for v in value if isinstance(v, bool)] + [
                b for v in value for b in booleans(v, where)
            ]
        return []

    found = [b for p in DIRECTORY.glob("*.yaml") for b in booleans(load(p.stem).data, p.name)]
    assert found == []
