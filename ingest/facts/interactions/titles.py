"""Titles and the names they go with: the name apposed to a title ("the president, Ana Lusk"), one the parser
hung elsewhere ("the member for Vesterby, Ana Lusk"), and a title and a name that are one person ("its
chairwoman and former premier Ana Lusk")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ingest.facts.context import FactContext
from ingest.facts.syntax import after_comma, relative_antecedent, words
from ingest.models import EntityType


class TitledActors:
    """The part of reading actors that pairs titles with names; Actors (actors.py) is the whole of it."""

    ctx: FactContext

    def valid(self, eid: str | None) -> str | None:
        raise NotImplementedError

    def actor(self, tok: Token, depth: int = 0) -> str | None:
        raise NotImplementedError

    def is_title(self, tok: Token) -> bool:
        """A noun naming an office or rank ("president", "vice-president", "king")."""
        titles = words("person_titles") | words("title_prefixes")
        tok = relative_antecedent(tok)
        return any(part in titles for part in re.split(r"[-\s]", tok.lower_)) or tok.lemma_.lower() in titles

    def apposed(self, tok: Token) -> Token | None:
        """The name apposed to a noun that names no one itself ("the president, Ana Lusk")."""
        if self.ctx.entity_for_token(tok) is not None:
            return None
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            # The model may cut the name short of the apposition's head ("Jonas Gahr" of "Jonas Gahr Store"),
            # or miss the first of two names ("the lawmakers, A and B").
            for named in (appos, *appos.conjuncts):
                for t in (named, *named.lefts):
                    if self.valid(self.ctx.entity_for_token(t)):
                        return t
        if self.is_title(tok):
            # "talks with Ruritanian President, Ana Lusk, on ...": a name right after the title and a comma,
            # wherever the parser hung it.
            after = after_comma(tok) if tok.right_edge == tok or tok.right_edge.is_punct else None
            if after is not None:
                eid = self.valid(self.ctx.entity_for_token(tok.doc[after]))
                if eid and self.ctx.entity_type(eid) == EntityType.PERSON:
                    return tok.doc[after]
            # "the member for Vesterby, Ana Lusk": the parser hangs the name on the title's place or body.
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    eid = self.valid(self.ctx.entity_for_token(pobj))
                    if prep.lower_ == "of" and eid and self.ctx.entity_type(eid) == EntityType.PERSON:
                        return pobj  # "the head of the mission Ana Lusk": the body's name run into hers
                    for appos in (c for c in pobj.children if c.dep_ == "appos"):
                        for t in (appos, *appos.lefts):
                            eid = self.valid(self.ctx.entity_for_token(t))
                            if eid and self.ctx.entity_type(eid) == EntityType.PERSON:
                                return t
        return None

    def misplaced_apposition(self, first: Token, title: Token) -> Token | None:
        """ "A and Ruritanian President, B": the parser hangs the name B on the first conjunct A; it names the
        title it follows."""
        if title == first or not self.is_title(title):
            return None
        after = [c for c in first.children if c.dep_ == "appos" and c.i > title.i]
        if after and self.valid(self.ctx.entity_for_token(after[0])):
            return after[0]
        return None

    def without_split_titles(self, subjects: list[Token]) -> list[Token]:
        """ "the head of the X party (XP) Ana Lusk was held": the parser may make the title and the
        name two subjects; the title is the name's, not a second actor (its party)."""
        if len(subjects) < 2:
            return subjects
        out = list(subjects)
        for title in subjects:
            if not self.is_title(title) or self.ctx.entity_for_token(title) is not None:
                continue
            doc = title.doc
            after = [
                s
                for s in subjects
                if s.i > title.i and all(t.is_punct for t in doc[title.right_edge.i + 1 : s.left_edge.i])
            ]
            if any(self.ctx.entity_type(e) == EntityType.PERSON for s in after for e in [self.actor(s)] if e):
                out.remove(title)
        return out

    def same_person(self, title: Token, name: Token) -> bool:
        """ "its chair and former premier X": a title coordinated with a name that carries a
        title of its own describes that named person, when a pronoun possesses it or one singular verb
        has them both as its subject."""
        if not self.is_title(title) or self.apposed(title) is not None:
            return False
        if not any(self.is_title(t) for t in name.subtree if t.i < name.i and t.dep_ in ("compound", "amod")):
            return False
        verb = title.head
        # "its chairwoman and ...", or one verb in the singular for both ("X chairwoman and former premier
        # Y was arrested").
        singular = title.dep_ in ("nsubj", "nsubjpass") and (
            verb.tag_ == "VBZ"
            or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has") for c in verb.children)
        )
        return singular or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in title.children)
