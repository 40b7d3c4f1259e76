"""Protests told through who organizes them: "X and other organizers of protests against Y", "X, a leader of
the rallies against Y": X PROTESTs against Y."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.found import Found


def organizer_relations(who: Actors, noun: Token) -> Iterator[Found]:
    lex = who.lex
    if noun.lemma_.lower() not in lex.words("organizer_nouns"):
        return
    protests = [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        and p.lemma_.lower() in lex.nouns
        and lex.nouns[p.lemma_.lower()].type == "PROTEST"
    ]
    targets = [
        e
        for p in protests
        for c in p.children
        if c.dep_ == "prep" and c.lower_ == "against"
        for t in c.children
        if t.dep_ == "pobj"
        for e in who.actors(t)
    ]
    if not targets:
        return
    organizers = [e for t in _named_as_organizers(noun) for e in who.actors(t)]
    for src in dict.fromkeys(organizers):
        for tgt in targets:
            if src != tgt:
                yield Found("PROTEST", src, tgt, "noun:organizer", None, {"mode": "demo"})


def _named_as_organizers(noun: Token) -> list[Token]:
    """The names the organizer noun is said of: "X and other organizers", "X, an organizer", "X, one of the
    organizers"."""
    if noun.dep_ in ("conj", "appos"):
        return [t for t in (noun.head, *noun.head.conjuncts) if t != noun and t.pos_ == "PROPN"]
    of = noun.head
    if (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.dep_ == "appos"
        and of.head.pos_ in ("NUM", "PRON")
    ):
        return [of.head.head]
    return []
