"""The state as an actor: agent nouns that stand for it ("police", "the authorities"), and the country a
place, a sentence or the article names."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.facts.syntax import relative_antecedent
from ingest.models import EntityType

PLACE_TYPES = {EntityType.COUNTRY, EntityType.LOCATION}


class StateActors:
    """The part of reading actors that finds the state; Actors (actors.py) is the whole of it."""

    ctx: FactContext
    lex: PloverLexicon
    state_agents: frozenset[str]

    def valid(self, eid: str | None) -> str | None:
        raise NotImplementedError

    def is_town(self, eid: str) -> bool:
        """A place below the country (city, region): where acts happen, an actor only when named as one."""
        return self.ctx.entity_type(eid) == EntityType.LOCATION

    def country_of_place(self, eid: str) -> str | None:
        """A country itself, or the country a town is in (when resolution knows it)."""
        if not self.is_town(eid):
            return eid
        ent = self.ctx.entities.get(eid)
        return ent.country if ent is not None and ent.country in self.ctx.entities else None

    def is_state_agent(self, tok: Token) -> bool:
        tok = relative_antecedent(tok)
        return tok.lemma_.lower() in self.state_agents or tok.lower_ in self.state_agents

    def state_of(self, tok: Token, exclude: Iterable[str] = (), acted_on: bool = False) -> str | None:
        """The state an agent noun stands for ("police", "the authorities", "prosecutors"): the country its
        sentence names, else the article's. As the one acted on, only the nouns that name the state there."""
        if not self.is_state_agent(tok):
            return None
        if acted_on and relative_antecedent(tok).lemma_.lower() not in self.lex.words("state_target_agents"):
            return None
        excluded = set(exclude)
        for c in relative_antecedent(tok).children:
            # "EU officials", "Ruritanian police", "the bloc's officials": the body or state they serve.
            eid = self.valid(self.ctx.entity_for_token(c)) if c.dep_ in ("compound", "amod", "poss") else None
            if (
                eid
                and eid not in excluded
                and self.ctx.entity_type(eid) not in (EntityType.PERSON, EntityType.LOCATION)
            ):
                return eid
        country = self.sentence_country(tok.sent, excluded) or self.ctx.main_country
        return country if country not in excluded else None

    def place_country(self, verb: Token, exclude: Iterable[str]) -> str | None:
        """The country an act is told to happen in ("was arrested in X", "detained at X airport"): the
        state that acts when a passive names no agent. A country named elsewhere in the sentence ("her son
        lives in London") is not it."""
        excluded = set(exclude)
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                for tok in pobj.subtree:
                    eid = self.ctx.entity_for_token(tok)
                    country = (
                        self.country_of_place(eid)
                        if eid and self.ctx.entity_type(eid) in PLACE_TYPES
                        else None
                    )
                    if country and country not in excluded:
                        return country
        return None

    def sentence_country(self, sent: Span, exclude: Iterable[str]) -> str | None:
        excluded = set(exclude)
        for span in self.ctx.entities_in(sent.start_char, sent.end_char):
            eid = span.entity_id
            if eid not in excluded and self.ctx.entity_type(eid) == EntityType.COUNTRY:
                return eid
        return None
