"""spaCy in worker processes (ingest/parse.py): same Docs as in-process, in order, and failures reported."""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ingest.parse import ParseError, pack, parse_in_workers, tail_components, unpack
from ingest.pipeline import Pipeline


def _token_view(tok: Token) -> tuple[object, ...]:
    return (
        tok.text,
        tok.whitespace_,
        tok.idx,
        tok.lemma_,
        tok.norm_,
        tok.pos_,
        tok.tag_,
        str(tok.morph),
        tok.dep_,
        tok.head.i,
        tok.is_sent_start,
        tok.ent_iob_,
        tok.ent_type_,
        tok.ent_id_,
        tok.ent_kb_id_,
    )


def _view(doc: Doc) -> list[tuple[object, ...]]:
    return [_token_view(t) for t in doc]


TEXTS = [
    "Kazakh authorities arrested Mr Bakiyev's ally in Bishkek on Monday, officials said.",
    "Atambayev met Nazarbayev in Astana. They discussed the border.",
    "",
    "The opposition accused the government of rigging the vote.  Thousands protested.",
    "Russia backed the candidate, who won 63% of the vote on 10 July 2011.",
]


def test_pack_carries_every_annotation_into_a_vocab_that_has_never_seen_the_words(nlp: Language) -> None:
    text = "Zhantoro Satybaldiyev's Ata-Zhurt party rejected Kurmanbek Bakiyev's claims on Tuesday."
    doc = nlp(text)
    copy = unpack(pack(doc), Vocab())
    assert copy.text == text
    assert _view(copy) == _view(doc)
    assert [(e.start, e.end, e.label_) for e in copy.ents] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_workers_give_the_in_process_docs_in_input_order(nlp: Language) -> None:
    items = [(i, TEXTS[i % len(TEXTS)]) for i in range(23)]
    expected = [_view(nlp(text)) for _, text in items]
    for processes in (1, 2, 3):
        got = list(parse_in_workers(nlp, items, lambda item: item[1], processes, batch_size=2))
        assert [item for item, _ in got] == items
        assert [_view(doc) for _, doc in got] == expected
        assert [doc.text for _, doc in got] == [text for _, text in items]
    assert not mp.active_children()


def test_one_worker_leaves_the_rule_based_tail_to_this_process_and_the_docs_are_the_same(
    nlp_pipeline: Pipeline,
) -> None:
    # The ingest's own pipeline: the gazetteer ruler and NER come after the attribute ruler and lemmatizer.
    full = nlp_pipeline.nlp
    assert tail_components(full) == ["attribute_ruler", "lemmatizer"]
    texts = [*TEXTS, "The Kazakh authorities said that Bakiyev's supporters were detained in Osh."]
    expected = [_view(full(text)) for text in texts]
    got = [doc for _, doc in parse_in_workers(full, texts, str, 1, batch_size=3)]
    assert [_view(doc) for doc in got] == expected
    assert [[(e.start, e.end, e.label_) for e in doc.ents] for doc in got] == [
        [(e.start, e.end, e.label_) for e in full(text).ents] for text in texts
    ]


@Language.component("polgraph_test_reads_lemmas")
def _reads_lemmas(doc: Doc) -> Doc:
    return doc


def test_no_tail_is_moved_when_a_later_component_might_read_it(nlp: Language) -> None:
    assert tail_components(nlp) == ["attribute_ruler", "lemmatizer"]
    assert tail_components(spacy.blank("en")) == []
    later = spacy.blank("en")
    later.add_pipe("attribute_ruler")
    later.add_pipe("lemmatizer", config={"mode": "lookup"})
    later.add_pipe("polgraph_test_reads_lemmas")
    assert tail_components(later) == []


def test_no_items_no_docs(nlp: Language) -> None:
    assert list(parse_in_workers(nlp, [], str, 2, batch_size=4)) == []
    assert not mp.active_children()


def test_a_caller_that_stops_reading_leaves_no_worker_behind(nlp: Language) -> None:
    docs = parse_in_workers(nlp, TEXTS * 20, str, 2, batch_size=2)
    first = next(docs)
    assert first[0] == TEXTS[0]
    docs.close()
    assert not mp.active_children()


@Language.component("polgraph_test_fail_on_boom")
def _fail_on_boom(doc: Doc) -> Doc:
    if "boom" in doc.text:
        raise ValueError("cannot parse a boom")
    return doc


@Language.component("polgraph_test_die_on_exit")
def _die_on_exit(doc: Doc) -> Doc:
    if "exit" in doc.text:
        os._exit(3)
    return doc


def test_a_failing_worker_raises_with_its_problem() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("polgraph_test_fail_on_boom")
    with pytest.raises(ParseError, match="polgraph-parse-0 failed: ValueError: cannot parse a boom"):
        list(parse_in_workers(nlp, ["fine", "boom"], str, 1, batch_size=1))
    assert not mp.active_children()


def test_a_worker_that_dies_raises_instead_of_waiting_forever() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("polgraph_test_die_on_exit")
    with pytest.raises(ParseError, match=r"polgraph-parse-1 exited \(code 3\)"):
        list(parse_in_workers(nlp, ["one", "exit", "three", "four"], str, 2, batch_size=1))
    assert not mp.active_children()


def test_at_least_one_process() -> None:
    with pytest.raises(ValueError, match="at least one process"):
        list(parse_in_workers(spacy.blank("en"), ["a"], str, 0, batch_size=1))
