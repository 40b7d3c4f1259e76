"""The attribute ruler's compiled matcher (ingest/attribute_matcher.py) finds what spaCy's Matcher finds."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

import ingest.attribute_matcher as attribute_matcher
from bench.corpus import generate
from ingest.attribute_matcher import CompiledMatcher, compile_attribute_ruler
from ingest.nlp import load_base_model, load_nlp
from polgraph.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "data" / "articles"
# Contractions, colloquial spellings, spaces and punctuation: where the model's multi-token and regex
# patterns apply.
AWKWARD = [
    "I ain't gonna say it, and he ain't either; let's go, they gotta wait.",
    "We're gonna win. Isn't it? She'd've known. Y'all can't stop 'em -- won't, don't.",
    "Lemme see:  the U.S. and U.K. sent $20m (3.5%) on 12/05/2024 ...\n\n\tThen   'quoted'   words!",
    "GONNA LET'S AIN'T Gotta -- WANNA?  #tag @user http://example.org/x?y=1 :) 1st 2nd e.g. i.e.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    # A model of its own: compiling replaces the Matcher of the ruler it is given.
    return load_base_model(Settings().spacy_model)


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return ruler


def _blank_ruler() -> tuple[Language, AttributeRuler]:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    return nlp, _ruler(nlp)


@pytest.fixture(scope="module")
def compiled(model: Language) -> CompiledMatcher:
    ruler = _ruler(model)
    assert compile_attribute_ruler(ruler)
    assert isinstance(ruler.matcher, CompiledMatcher)
    return ruler.matcher


def _tagged(model: Language, texts: Iterable[str]) -> list[Doc]:
    """Docs as the attribute ruler receives them: tagged and parsed."""
    return list(model.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))


def _same_matches(compiled: CompiledMatcher, docs: list[Doc]) -> set[int]:
    """Assert that both matchers find the same matches in every Doc; the lengths of the matches."""
    lengths = set()
    for doc in docs:
        ours = compiled(doc, allow_missing=True, as_spans=False)
        theirs = compiled.matcher(doc, allow_missing=True, as_spans=False)
        assert sorted(ours) == sorted(theirs), doc.text[:80]
        lengths |= {end - start for _, start, end in theirs}
    return lengths


def test_same_matches_on_articles(model: Language, compiled: CompiledMatcher) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    texts += [r.text for r in generate(150, seed=11)] + AWKWARD
    assert len(texts) > 155
    lengths = _same_matches(compiled, _tagged(model, texts))
    # The multi-token patterns ("gonna", "ain't", "let's") were among those compared.
    assert lengths == {1, 2}


def test_same_matches_on_shared_texts(model: Language, compiled: CompiledMatcher, shared_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    lines = (shared_dir / "gold" / "plover_dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines if line.strip()]
    assert len(texts) > 100
    _same_matches(compiled, _tagged(model, texts))


def _pattern_words(ruler: AttributeRuler) -> list[str]:
    words: set[str] = set()
    for pattern in ruler.patterns:
        for tokens in cast(list[list[dict[str, Any]]], pattern["patterns"]):
            words.update(v for spec in tokens for k, v in spec.items() if k == "LOWER" and isinstance(v, str))
    return sorted(words)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_same_matches_on_generated_text(
    model: Language, compiled: CompiledMatcher, data: st.DataObject
) -> None:
    """Text made of the patterns' own words (in any case) among ordinary ones, so that patterns fire often
    and next to each other."""
    words = _pattern_words(_ruler(model))
    ordinary = ["the", "minister", "said", "on", "Monday", "that", "protests", ",", ".", "n't", "'s", "\n\n"]
    chosen = data.draw(st.lists(st.sampled_from(words + ordinary), min_size=1, max_size=40))
    cased = [w.upper() if data.draw(st.booleans()) else w for w in chosen]
    _same_matches(compiled, _tagged(model, [" ".join(cased)]))


def test_every_kind_of_plain_pattern() -> None:
    """Values, IN, NOT_IN, REGEX, flags, the TEXT alias and a pattern whose target is its last token."""
    nlp, ruler = _blank_ruler()
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    ruler.add([[{"TEXT": {"IN": ["Kyiv", "Kiev"]}}]], {"LEMMA": "kyiv"})
    ruler.add([[{"LOWER": {"REGEX": r"^\d+(st|nd|rd|th)$"}}]], {"LEMMA": "ordinal"})
    ruler.add([[{"IS_PUNCT": True, "ORTH": {"NOT_IN": [","]}}]], {"LEMMA": "mark"})
    ruler.add([[{"LOWER": "prime"}, {"NORM": "minister"}]], {"LEMMA": "premier"}, index=-1)
    ruler.add([[{"IS_DIGIT": True}], [{"IS_SPACE": True}]], {"LEMMA": "other"})
    assert compile_attribute_ruler(ruler)
    matcher = ruler.matcher
    assert isinstance(matcher, CompiledMatcher)
    doc = nlp("The prime minister's 3rd talks in Kyiv, Kiev and Lviv: 12 rounds!  Prime Minister talks.")
    ours = sorted(matcher(doc, allow_missing=True))
    assert ours == sorted(matcher.matcher(doc, allow_missing=True))
    assert len(ours) == 12
    assert [t.lemma_ for t in nlp(doc.text)][1:5] == ["", "premier", "", "ordinal"]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "talks", "OP": "+"}],
        [{"LOWER": {"FUZZY": "talks"}}],
        [{"_": {"polgraph_test_flag": True}}],
        [{"ENT_TYPE": "GPE"}],
        [{"LENGTH": {">=": 4}}],
        [{}],
    ],
    ids=["operator", "fuzzy", "extension", "unread attribute", "comparison", "any token"],
)
def test_other_patterns_keep_spacy_matcher(pattern: list[dict[str, object]]) -> None:
    Token.set_extension("polgraph_test_flag", default=False, force=True)
    nlp, ruler = _blank_ruler()
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    ruler.add([pattern], {"LEMMA": "x"})
    assert not compile_attribute_ruler(ruler)
    assert isinstance(ruler.matcher, Matcher)
    assert nlp("the talks")[1].lemma_ in ("talk", "x")


def test_table_starts_over_when_full(
    model: Language, compiled: CompiledMatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attribute_matcher, "_MAX_ROWS", 20)
    docs = _tagged(model, [r.text for r in generate(5, seed=12)])
    _same_matches(compiled, docs)
    assert 0 < len(compiled._rows) <= 20


def test_pipeline_uses_it_and_annotates_as_spacy() -> None:
    """The ingest pipeline's Docs: tags, POS, morphology and lemmas as with spaCy's Matcher."""
    nlp = load_nlp(Settings().spacy_model)
    ruler = _ruler(nlp)
    assert isinstance(ruler.matcher, CompiledMatcher)
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))] + AWKWARD

    def view() -> list[list[tuple[str, ...]]]:
        return [[(t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in nlp.pipe(texts)]

    ours = view()
    compiled = ruler.matcher
    ruler.matcher = compiled.matcher  # type: ignore[assignment]
    try:
        theirs = view()
    finally:
        ruler.matcher = compiled
    assert ours == theirs
    assert sum(len(doc) for doc in ours) > 1000


def test_patterns_added_later() -> None:
    nlp, ruler = _blank_ruler()
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    assert compile_attribute_ruler(ruler)
    ruler.add([[{"LOWER": "summit"}]], {"LEMMA": "meeting"})
    assert [t.lemma_ for t in nlp("talks at the summit")] == ["talk", "", "", "meeting"]
    # One it cannot reproduce: from then on spaCy's Matcher answers.
    ruler.add([[{"LOWER": "the", "OP": "+"}]], {"LEMMA": "article"})
    doc = nlp("talks at the summit")
    assert [t.lemma_ for t in doc] == ["talk", "", "article", "meeting"]
    assert isinstance(ruler.matcher, CompiledMatcher)
    assert sorted(ruler.matcher(doc, allow_missing=True)) == sorted(ruler.matcher.matcher(doc))


def test_survives_pickling(model: Language, compiled: CompiledMatcher) -> None:
    """What a spawned worker process receives."""
    copy = pickle.loads(pickle.dumps(compiled))
    assert isinstance(copy, CompiledMatcher)
    docs = _tagged(model, AWKWARD)
    assert [sorted(copy(d, allow_missing=True)) for d in docs] == [
        sorted(compiled(d, allow_missing=True)) for d in docs
    ]
