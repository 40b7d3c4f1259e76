"""The vocabulary of election reports and the phrases their rules read: the lexicon, election ids, the
country an entity belongs to, the actor a noun phrase names; a verb's subject and negation come from the
shared grammar layer (ingest/facts/syntax.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import cast

from spacy.tokens import Token

from ingest.facts import syntax
from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference, description_type
from ingest.facts.dates import doc_text
from ingest.facts.syntax import lemma
from ingest.lexicons import DerivedLexicon, load
from ingest.models import EntityType, FuzzyDate


@dataclass(frozen=True)
class ElectionLexicon(DerivedLexicon):
    allegations: dict[str, list[re.Pattern[str]]]


@cache
def lexicon() -> ElectionLexicon:
    source = load("elections")
    allegations = {
        label: [re.compile(p, re.I) for p in patterns] for label, patterns in source["allegations"].items()
    }
    return ElectionLexicon(source, allegations)


def _country_slug(country_id: str) -> str:
    return country_id.split(":", 1)[1] if ":" in country_id else country_id


def election_id(country: str, kind: str, when: FuzzyDate | None) -> str:
    return f"election:{_country_slug(country)}:{kind}:{when.value if when else 'undated'}"


def country_of_entity(ctx: FactContext, eid: str) -> str | None:
    ent = ctx.entities.get(eid)
    if ent is None:
        return None
    if ent.type == EntityType.COUNTRY:
        return ent.id
    return ent.country


def demonym_country(ctx: FactContext, tok: Token) -> str | None:
    """ "Kyrgyz", "Moldovan": a NORP word whose country the resolver did not attach; matched on the stem of a
    country entity the article mentions."""
    if tok.ent_type_ != "NORP" or len(tok.text) < 4:
        return None
    stem = tok.lower_[:4]
    for ent in ctx.entities.values():
        if ent.type == EntityType.COUNTRY and ent.name.lower().startswith(stem):
            return ent.id
    return None


def _entity_tokens(ctx: FactContext, tokens: list[Token]) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    seen: set[str] = set()
    for tok in tokens:
        eid = ctx.entity_for_token(tok)
        if eid and eid not in seen:
            seen.add(eid)
            out.append((tok, eid))
    return out


_ACTOR_TYPES = (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY)
_PARTY_HEADS = {"party", "bloc", "alliance", "coalition", "movement", "list", "front"}


def actor_in(ctx: FactContext, head: Token, types: tuple[EntityType, ...] = _ACTOR_TYPES) -> str | None:
    """The actor a noun phrase names: its own entity, else the best entity inside it (a party for "the X
    party", a person for "X's supporters")."""
    own = ctx.entity_for_token(head)
    if own and ctx.entity_type(own) in types:
        return _person_misread(ctx, head, own) if EntityType.PERSON in types else own
    if head.pos_ == "PRON":
        return _pronoun_actor(ctx, head, types)
    if head.dep_ == "appos" and head.pos_ == "NOUN":
        # "Y, the main opposition leader who received ...": the description is the name it stands beside.
        beside = ctx.entity_for_token(head.head)
        kind = description_type(head) or (EntityType.PARTY if lemma(head) in _PARTY_HEADS else None)
        if beside and ctx.entity_type(beside) in types and kind in (None, ctx.entity_type(beside)):
            return beside
    # A name the resolver left unlinked here ("Y, the former leader of Z, got ...") is still the person of
    # that name; what its apposition names is someone else.
    named = person_named(ctx, head) if head.pos_ == "PROPN" and EntityType.PERSON in types else None
    if named:
        return named
    # "X's main challenger, Y, ...": the apposition names the noun itself, the possessor is someone else.
    for appos in (c for c in head.children if c.dep_ == "appos" and head.pos_ != "PROPN"):
        # "the candidate, Party Chairman Y": the apposition's own name before the titles written into it.
        own = ctx.entity_for_token(appos)
        if own and ctx.entity_type(own) in types:
            return _person_misread(ctx, appos, own) if EntityType.PERSON in types else own
        for _, eid in _entity_tokens(ctx, list(appos.subtree)):
            if ctx.entity_type(eid) in types:
                return eid
    if (apposed := _standard_bearer(ctx, head)) and ctx.entity_type(apposed) in types:
        return apposed
    # "the X party" names its party; only a bare "the party" looks back.
    named_inside = any(
        c.dep_ in ("compound", "nmod")
        and c.pos_ == "PROPN"
        and ctx.entity_type(ctx.entity_for_token(c) or "") not in (EntityType.COUNTRY, EntityType.LOCATION)
        for c in head.children
    )
    if head.pos_ == "NOUN" and not named_inside and lemma(head) in lexicon().words("rival_nouns"):
        rival = _rival(ctx, head)
        if rival and ctx.entity_type(rival) in types:
            return rival
    if (
        head.pos_ in ("NOUN", "PRON")
        and not named_inside
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
    ):
        back = Coreference(ctx).definite(head, allowed=types) or _titled(ctx, head)
        if back and ctx.entity_type(back) in types:
            return back
    subtree = [t for t in head.subtree if _in_phrase(t, head)]
    found = _entity_tokens(ctx, subtree)
    if not found:
        return None
    order = [EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY]
    if lemma(head) not in _PARTY_HEADS:
        order = [EntityType.PERSON, EntityType.PARTY, EntityType.ORGANIZATION, EntityType.COUNTRY]
    for wanted in order:
        if wanted not in types:
            continue
        for _, eid in found:
            if ctx.entity_type(eid) == wanted:
                return eid
    return None


def _standard_bearer(ctx: FactContext, head: Token) -> str | None:
    """ "the nominee of the Unity Party, Y, ...": the parser hangs the name set off after the party on the
    party, but it is the nominee it names, not the party's other name."""
    if head.pos_ != "NOUN" or lemma(head) not in lexicon().words("candidate_nouns"):
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for appos in (c for c in pobj.children if c.dep_ == "appos"):
                eid = ctx.entity_for_token(appos)
                if eid and ctx.entity_type(eid) == EntityType.PERSON:
                    return eid
    return None


def _person_misread(ctx: FactContext, head: Token, eid: str) -> str:
    """ "the reformist Ana Y" taken as an organisation: a name whose last word is the name of one of the
    article's people is that person."""
    if ctx.entity_type(eid) != EntityType.ORGANIZATION or head.pos_ != "PROPN":
        return eid
    return person_named(ctx, head) or eid


def _pronoun_actor(ctx: FactContext, pron: Token, types: tuple[EntityType, ...]) -> str | None:
    """ "he had 48.6% of the vote": the candidate the pronoun stands for."""
    fronted = _fronted_name(ctx, pron)
    if fronted and ctx.entity_type(fronted) in types:
        return fronted
    back = Coreference(ctx).pronoun(pron, allowed=types)
    if back is None or ctx.entity_type(back) not in types:
        return None
    if ctx.entity_type(back) == EntityType.PERSON:
        # "A declared B the winner once the tally gave her 52%": with two people named before it in
        # its own sentence, which one the pronoun is, is not written; a figure given to the wrong one is
        # worse than none.
        sent = pron.sent
        before = _entity_tokens(ctx, list(sent.doc[sent.start : pron.i]))
        if len({eid for _, eid in before if ctx.entity_type(eid) == EntityType.PERSON}) > 1:
            return None
    return back


def _fronted_name(ctx: FactContext, pron: Token) -> str | None:
    """ "Of the challengers, Y, she took ...": a name set at the head of the pronoun's own clause, just before
    it, is the one it takes up; a clause before it ("after Y conceded, he ...") is no such name."""
    if pron.dep_ not in ("nsubj", "nsubjpass") or pron.i < 2 or pron.doc[pron.i - 1].text != ",":
        return None
    name = pron.doc[pron.i - 2]
    phrase = next((c for c in pron.head.children if c.i < pron.i and name in c.subtree), None)
    if phrase is None or phrase.dep_ in ("nsubj", "nsubjpass", "advcl", "ccomp"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in phrase.subtree):
        return None
    return ctx.entity_for_token(name)


def _rival(ctx: FactContext, head: Token) -> str | None:
    """ "his rival", "her challenger": the person the noun is set beside (", Y"), else the last one the
    article gave that title ("his rival Y", "Y, his main challenger")."""
    doc = head.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].text == ",":
        j = head.i + 2
        # past the titles before the name ("her challenger, retired General Y")
        while (
            j < min(len(doc) - 1, head.i + 6)
            and not ctx.entity_for_token(doc[j])
            and doc[j].dep_
            in (
                "amod",
                "compound",
            )
        ):
            j += 1
        beside = ctx.entity_for_token(doc[j])
        if beside and ctx.entity_type(beside) == EntityType.PERSON:
            return beside
    rivals = lexicon().words("rival_nouns")
    for t in reversed(doc[: head.i]):
        if lemma(t) not in rivals and t.lower_ not in rivals:
            continue
        near = [t.head] if t.dep_ in ("compound", "amod", "appos", "nmod") else []
        near += [c for c in t.children if c.dep_ == "appos"]
        near += [doc[t.i + 1]] if t.i + 1 < head.i else []
        for tok in near:
            eid = ctx.entity_for_token(tok)
            if eid and ctx.entity_type(eid) == EntityType.PERSON:
                return eid
    return None


def person_named(ctx: FactContext, tok: Token) -> str | None:
    """The one person of the article a bare name stands for, surname or (written first) family name."""
    found = {
        e.id
        for e in ctx.entities.values()
        if e.type == EntityType.PERSON
        and any(
            tok.text == n or n.endswith(" " + tok.text) or n.startswith(tok.text + " ")
            for n in (e.name, *e.aliases)
        )
    }
    return found.pop() if len(found) == 1 else None


def _titled(ctx: FactContext, head: Token) -> str | None:
    """ "the Turkish president": the one person the article titles "President X"."""
    title = head.lower_
    offices = cast(dict[str, list[str]], lexicon().raw.get("office_kinds", {}))
    if not any(title in titles for titles in offices.values()):
        return None
    text = doc_text(ctx.doc)
    found = set()
    for e in ctx.entities.values():
        if e.type != EntityType.PERSON:
            continue
        names = "|".join(re.escape(n) for n in {e.name, *e.aliases} if n)
        if names and re.search(rf"\b{re.escape(title)}\s+(?:{names})\b", text, re.I):
            found.add(e.id)
    return found.pop() if len(found) == 1 else None


def _in_phrase(tok: Token, head: Token) -> bool:
    """Whether a token is part of the noun phrase of `head` itself, not of a clause or apposition on it."""
    t = tok
    for _ in range(8):
        if t == head:
            return True
        if t.dep_ in ("relcl", "acl", "appos"):
            return False
        t = t.head
    return False


def subject_of(verb: Token) -> Token | None:
    """The first subject of a verb, its own or inherited ("X won and was re-elected"); for a relative pronoun,
    the noun it stands for ("Y, who obtained 29 percent")."""
    first = syntax.subjects(verb).first
    return syntax.relative_antecedent(first) if first is not None else None


def negated(tok: Token) -> bool:
    """A word denied itself or through the word it depends on ("did not win", "no victory")."""
    return syntax.negated(tok) or syntax.negated(tok.head)
