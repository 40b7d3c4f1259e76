"""Who a phrase names: the resolved actor of a noun phrase, of a pronoun or relative pronoun, of the phrases
conjoined with it, and the country a sentence or the whole article is about."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.interactions.clauses import (
    COLLECTIVE_PRONOUNS,
    COLLECTIVE_TYPES,
    OBJECT_PRONOUNS,
    PERSON_PRONOUNS,
    subjects,
)
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.models import EntityType

# Places are actors: PLOVER codes a city or region as the authority acting there or acted upon ("troops
# shelled Kabul", "Baghdad protested"). An office is never an actor; its holder is.
NON_ACTOR_TYPES = {EntityType.OFFICE}
PLACE_TYPES = {EntityType.COUNTRY, EntityType.LOCATION}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos")
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("X, who backed Y": who -> X)."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WDT", "WP$"):
        verb = tok.head
        while verb.dep_ not in ("relcl", "ROOT") and verb.head is not verb:
            verb = verb.head
        if verb.dep_ == "relcl":
            return verb.head
    return tok


class Actors:
    """The actors the phrases of one article name, with the article's country worked out once."""

    def __init__(self, ctx: FactContext, lex: PloverLexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self.state_agents = lex.words("state_agents")
        self._article_country: str | bool | None = False

    def valid(self, eid: str | None) -> str | None:
        if eid is None or eid.startswith("election:"):
            return None
        etype = self.ctx.entity_type(eid)
        if etype is None:
            new = self.ctx.new_entities.get(eid)
            etype = new.type if new else None
        if etype in NON_ACTOR_TYPES:
            return None
        return eid

    def actor(self, tok: Token, depth: int = 0) -> str | None:
        """The actor a noun phrase headed by `tok` names, looking at its head and then its modifiers."""
        tok = antecedent(tok)
        eid = self.valid(self.ctx.entity_for_token(tok))
        if eid:
            return eid
        if tok.pos_ == "PRON":
            return self.pronoun_entity(tok)
        if depth > 2:
            return None
        # "legislators, including X": the named member acts for the group.
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("including", "led"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        eid = self.valid(self.ctx.entity_for_token(pobj))
                        if eid and self.ctx.entity_type(eid) == EntityType.PERSON:
                            return eid
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                eid = self.valid(self.ctx.entity_for_token(child)) or (
                    self.actor(child, depth + 1) if child.dep_ in ("poss", "compound") else None
                )
                if eid:
                    return eid
        groups = self.state_agents | self.lex.words("group_nouns")
        if tok.lemma_.lower() in groups or tok.lower_ in groups:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            eid = self.actor(pobj, depth + 1)
                            if eid:
                                return eid
        return None

    def pronoun_entity(self, tok: Token) -> str | None:
        """The entity a third-person pronoun refers to: the last compatible mention before it in its sentence
        or the previous one. An object pronoun never refers to its own clause's subject ("X urged him": him
        is not X), which is what English binding requires of a non-reflexive pronoun.

        A coreference library (coreferee, fastcoref) would do better but needs models this project cannot
        download; the recency rule is right for the common news pattern "X said ... He added ...".
        """
        word = tok.lower_
        if word in PERSON_PRONOUNS:
            types = {EntityType.PERSON}
        elif word in COLLECTIVE_PRONOUNS:
            types = COLLECTIVE_TYPES
        else:
            return None
        excluded: set[str] = set()
        if word in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative", "iobj", "pobj"):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            for subj in verb.children:
                if subj.dep_ in ("nsubj", "nsubjpass") and subj.pos_ != "PRON":
                    eid = self.ctx.entity_for_token(subj)
                    if eid is None:
                        eid = self.actor(subj)
                    if eid:
                        excluded.add(eid)
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                subj_toks, _ = subjects(verb, self.lex, self.ctx)
                for subj in subj_toks:
                    if subj.pos_ != "PRON":
                        eid = self.actor(subj)
                        if eid:
                            excluded.add(eid)
        sent = tok.sent
        start = sent.start_char
        prev_start = sent.start
        if sent.start > 0:
            prev_start = self.ctx.doc[sent.start - 1].sent.start
            start = self.ctx.doc[prev_start].idx
        if word not in OBJECT_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            # A subject pronoun continues the topic: the nearest earlier subject of a compatible kind
            # ("The commission says it will ...": it is the commission, not a country named in between).
            for cand in reversed(self.ctx.doc[prev_start : tok.i]):
                if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ != "PRON":
                    # A person must be the subject itself, not its possessor ("X's defiance").
                    eid = self.ctx.entity_for_token(cand) if word in PERSON_PRONOUNS else self.actor(cand)
                    if eid and self.ctx.entity_type(eid) in types:
                        return eid
        for span in reversed(self.ctx.entities_in(start, tok.idx)):
            if span.entity_id in excluded:
                continue
            etype = self.ctx.entity_type(span.entity_id)
            if etype in types:
                return span.entity_id
        return None

    def phrase_actors(self, tok: Token) -> list[str]:
        """Actors of a phrase, or, for a phrase naming a deed ("abuses by X", "X's decision"), its doer."""
        found = self.actors(tok)
        if found:
            return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "of"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found += self.actors(p)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "the demonstration staged by X"
                for a in c.children:
                    if a.dep_ == "agent":
                        found += [e for p in a.children if p.dep_ == "pobj" for e in self.actors(p)]
        return found

    def actors(self, tok: Token) -> list[str]:
        """Actors of a phrase and of the phrases conjoined with it ("X and Y")."""
        out = []
        for t in [tok, *tok.conjuncts]:
            eid = self.actor(t)
            if eid and eid not in out:
                out.append(eid)
        return out

    def is_state_agent(self, tok: Token) -> bool:
        tok = antecedent(tok)
        return tok.lemma_.lower() in self.state_agents or tok.lower_ in self.state_agents

    def is_crowd(self, tok: Token) -> bool:
        tok = antecedent(tok)
        crowd = self.lex.words("crowd_nouns")
        return tok.lemma_.lower() in crowd or tok.lower_ in crowd

    def sentence_country(self, sent: Span, exclude: Iterable[str]) -> str | None:
        excluded = set(exclude)
        for span in self.ctx.entities_in(sent.start_char, sent.end_char):
            eid = span.entity_id
            if eid not in excluded and self.ctx.entity_type(eid) == EntityType.COUNTRY:
                return eid
        return None

    def article_country(self) -> str | None:
        if self._article_country is False:
            # Places count for their country: a story set in a country's towns is about that country even when
            # another country is named more often.
            counts: Counter[str] = Counter()
            for span in self.ctx.spans:
                ent = self.ctx.entities.get(span.entity_id)
                if ent is None:
                    continue
                if ent.type == EntityType.COUNTRY:
                    counts[ent.id] += 1
                elif ent.type == EntityType.LOCATION and ent.country:
                    counts[ent.country] += 1
            self._article_country = counts.most_common(1)[0][0] if counts else None
        value = self._article_country
        return value if isinstance(value, str) else None

    def speaker(self, tok: Token) -> str | None:
        """The actor a reporting verb's subject names; a place (a dateline, "PARIS --") never speaks."""
        eid = self.actor(tok)
        if eid and self.ctx.entity_type(eid) == EntityType.LOCATION:
            return None
        return eid
