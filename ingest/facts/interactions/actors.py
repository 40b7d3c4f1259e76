"""Who a phrase names: the resolved actor of a noun phrase, of a pronoun or relative pronoun, of the phrases
conjoined with it, and the country a sentence or the whole article is about."""

from __future__ import annotations

from spacy.tokens import Token

from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference
from ingest.facts.interactions.states import StateActors
from ingest.facts.interactions.titles import TitledActors
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.facts.syntax import conjuncts, relative_antecedent, words
from ingest.models import EntityType

# A country is an actor (its state); a town can be acted upon ("troops shelled the town") but never acts
# (interactions/__init__.py). An office is never an actor; its holder is.
NON_ACTOR_TYPES = {EntityType.OFFICE}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos")


class Actors(StateActors, TitledActors):
    """The actors the phrases of one article name."""

    def __init__(self, ctx: FactContext, lex: PloverLexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self.state_agents = lex.words("state_agents")

    def valid(self, eid: str | None) -> str | None:
        if eid is None or eid.startswith("election:"):
            return None
        etype = self.ctx.entity_type(eid)
        if etype is None:
            new = self.ctx.new_entities.get(eid)
            etype = new.type if new else None
        if etype in NON_ACTOR_TYPES:
            return None
        if self.is_document(eid):
            return None
        return eid

    def is_document(self, eid: str) -> bool:
        """A document ("the Paris Accord") or a platform ("Twitter", whatever type the model gave it): a
        thing, not an actor."""
        ent = self.ctx.entities.get(eid) or self.ctx.new_entities.get(eid)
        words = ent.name.lower().split() if ent is not None else []
        if words and " ".join(words) in self.lex.words("platform_names"):
            return True
        return bool(words) and words[-1] in self.lex.words("document_heads")

    def actor(self, tok: Token, depth: int = 0) -> str | None:
        """The actor a noun phrase headed by `tok` names, looking at its head and then its modifiers."""
        tok = relative_antecedent(tok)
        eid = self.valid(self.ctx.entity_for_token(tok))
        if eid:
            return eid
        if tok.pos_ == "PRON":
            return self.pronoun_entity(tok)
        if tok.pos_ in ("NOUN", "PROPN") or (
            tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
        ):
            # "the party", "the president", "the Georgian premier", "The Secretary": an actor named before;
            # "the UN secretary-general", whose last word is tagged an adjective, too.
            eid = self.valid(Coreference(self.ctx, self.actor).antecedent(tok))
            if eid:
                return eid
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
        led = self.government_of(tok)
        if led is not None:
            return led
        appos = self.apposed(tok)
        if appos is not None:
            # "Norland's president, Ana Lusk": the name the phrase is apposed to wins over its possessor.
            return self.valid(self.ctx.entity_for_token(appos))
        if tok.lemma_.lower() in words("relational_nouns"):
            return None  # "X's rivals", "an ally of X", "his brother": someone other than X
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                eid = self.valid(self.ctx.entity_for_token(child)) or (
                    self.actor(child, depth + 1) if child.dep_ in ("poss", "compound") else None
                )
                if eid is None and child.dep_ == "amod" and child.lower_ == "led":
                    # "the X-led coalition": X leads it ("X-backed" would be someone else's)
                    eid = next(
                        (
                            e
                            for c in child.children
                            if c.dep_ in ("npadvmod", "compound")
                            for e in [self.valid(self.ctx.entity_for_token(c))]
                            if e
                        ),
                        None,
                    )
                if eid and self.follows_a_person(tok, eid):
                    return None
                if eid and self.is_town(eid) and self.is_state_agent(tok):
                    return (
                        self.country_of_place(eid) or self.ctx.main_country
                    )  # "Vesterby police": the state's
                if eid and not (self.is_town(eid) and (child.dep_ == "poss" or self.is_crowd(tok))):
                    # "X's mayor", "Y residents": the town says where its people are from, it does not act;
                    # a country there is its state ("Norland's police"), and "<region> rebels" are the
                    # region's as PLOVER codes them.
                    return eid
        groups = self.state_agents | self.lex.words("group_nouns")
        if tok.lemma_.lower() in groups or tok.lower_ in groups:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            eid = self.actor(pobj, depth + 1)
                            if eid and not self.is_town(eid) and not self.follows_a_person(tok, eid):
                                return eid  # "police in <town>" are the state's, see state_of
        return None

    def follows_a_person(self, tok: Token, eid: str) -> bool:
        """ "Vale's supporters", "supporters of the Norland government": a person's or a government's
        following is a crowd of others (a party's supporters are the party's, see follower_nouns)."""
        following = tok.lemma_.lower() in self.lex.words("follower_nouns")
        return following and self.ctx.entity_type(eid) in (EntityType.PERSON, EntityType.COUNTRY)

    def government_of(self, tok: Token) -> str | None:
        """ "Vale's government", "the administration of President X": the state the person leads, which is
        the country named with them ("Norland's President X's government") or else the article's."""
        if tok.lemma_.lower() not in self.lex.words("government_nouns"):
            return None
        leaders = [c for c in tok.children if c.dep_ == "poss"]
        leaders += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for leader in leaders:
            eid = self.valid(self.ctx.entity_for_token(leader))
            if eid is None and leader.pos_ == "PRON":
                eid = self.pronoun_entity(leader)  # "his government"
            if eid is None or self.ctx.entity_type(eid) != EntityType.PERSON:
                continue
            for mod in leader.subtree:
                country = self.ctx.entity_for_token(mod)
                if country and self.ctx.entity_type(country) == EntityType.COUNTRY:
                    return country
            return self.ctx.main_country
        return None

    def pronoun_entity(self, tok: Token) -> str | None:
        """The entity a third-person pronoun refers to (coref.py), reading a subject phrase as this
        extractor reads actors."""
        return Coreference(self.ctx, self.actor).pronoun(tok)

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
        """Actors of a phrase and of the phrases conjoined with it ("X and Y"), or of the names apposed to
        it ("his rivals A and B")."""
        out: list[str] = []
        pair = Coreference(self.ctx, self.actor).pair(tok)
        if pair:
            return [e for e in pair if self.valid(e)]
        phrases = [tok, *tok.conjuncts]
        named = [t for t in phrases if self.ctx.entity_for_token(t) is not None]
        for t in phrases:
            if len(phrases) == 2 and named and t not in named and self.same_person(t, named[0]):
                continue  # "its chairwoman and former premier X": two titles of one person, X
            appos = self.apposed(t) or self.misplaced_apposition(tok, t)
            for one in conjuncts(appos) if appos is not None else [t]:
                found: list[str | None] = [*self.members_of(one)] or [self.actor(one), *self.included(one)]
                out += [eid for eid in found if eid and eid not in out]
        return out

    def members_of(self, tok: Token) -> list[str]:
        """ "lawmakers of the A and B": a group drawn from several bodies stands for each of them."""
        if tok.lemma_.lower() not in self.lex.words("group_nouns") and tok.lower_ not in self.lex.words(
            "group_nouns"
        ):
            return []
        pobjs = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        found = [self.valid(self.ctx.entity_for_token(t)) for p in pobjs for t in (p, *p.conjuncts)]
        bodies = [
            e for e in found if e and self.ctx.entity_type(e) in (EntityType.PARTY, EntityType.ORGANIZATION)
        ]
        return bodies if len(bodies) > 1 else []

    def included(self, tok: Token) -> list[str]:
        """ "governments including A and B", "officials, including A and B": an unnamed plural whose
        named members act, or are acted on, each for it."""
        if tok.tag_ not in ("NNS", "NNPS") or self.ctx.entity_for_token(tok) is not None:
            return []
        named = [
            self.valid(self.ctx.entity_for_token(self.apposed(t) or t))  # "the Prime Minister, X"
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "including"
            for p in c.children
            if p.dep_ == "pobj"
            for t in conjuncts(p)
        ]
        return [e for e in dict.fromkeys(named) if e]

    def is_crowd(self, tok: Token) -> bool:
        tok = relative_antecedent(tok)
        crowd = self.lex.words("crowd_nouns")
        return tok.lemma_.lower() in crowd or tok.lower_ in crowd

    def speaker(self, tok: Token) -> str | None:
        """The actor a reporting verb's subject names; a place (a dateline, "PARIS --") never speaks."""
        eid = self.actor(tok)
        if eid and self.ctx.entity_type(eid) == EntityType.LOCATION:
            return None
        return eid
