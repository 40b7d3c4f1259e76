"""Where an event took place and who took part in it: organisers, targets, perpetrators, the people
arrested or resigning, and the office resigned from."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.facts import syntax
from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference
from ingest.facts.events.lexicon import lexicon
from ingest.facts.events.triggers import Trigger
from ingest.facts.syntax import clause_verb, is_verb, lemma, relative_antecedent
from ingest.models import EntityType, EventParticipant

EVENT_ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.PARTY, EntityType.ORGANIZATION})


def _country_of(ctx: FactContext, eid: str | None) -> str | None:
    if not eid:
        return None
    ent = ctx.entities.get(eid) or ctx.new_entities.get(eid)
    if ent is None:
        return None
    return ent.id if ent.type == EntityType.COUNTRY else ent.country


_LOCATIVE = {"in", "at", "near", "outside", "across", "on", "throughout", "around", "inside", "into"}
# Prepositions through which a named country is the event's place or its own modifier, not an actor it is
# directed at ("protests against Russia" are not in Russia).
_PLACE_PATH = _LOCATIVE | {"of"}


def _on_place_path(tok: Token, top: Token) -> bool:
    """True when every preposition between `tok` and `top` (an ancestor) is locative or "of"."""
    t = prev = tok
    for _ in range(10):
        if t == top:
            return True
        if t.dep_ == "prep" and t.lower_ not in _PLACE_PATH and prev.ent_type_ != "DATE":
            return False  # "for January 28 in Almaty" still places the event
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos") or t.head == t:
            return False
        prev, t = t, t.head
    return False


def _locative_place(tok: Token) -> bool:
    """ "in Batumi", "in the town of Batumi", "at the Chiatura mine": a place named after a locative
    preposition, possibly through a place noun or as the modifier of the noun that follows it."""
    places = lexicon().words("place_nouns")
    a = tok
    for _ in range(4):
        if a.dep_ == "pobj" and a.head.lower_ in _LOCATIVE:
            return True
        if a.dep_ == "pobj" and a.head.lower_ == "of" and lemma(a.head.head) in places:
            a = a.head.head
            continue
        if a.dep_ in ("poss", "compound", "appos", "nmod") and a.head.pos_ in ("NOUN", "PROPN"):
            a = a.head
            continue
        return False
    return False


def place(ctx: FactContext, sent: Span, trig: Token) -> tuple[str | None, str | None]:
    """(location id, country id). The location is a Location in the event's own phrase or a place named after
    a locative preposition in its clause; the country is the location's, else one in the event's own phrase
    ("Georgian protests", "in Georgia"), else the article's main country. A country named elsewhere in the
    sentence as an actor is not the event's place."""
    top = trig.head if trig.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and not is_verb(trig) else trig
    if top.dep_ == "prep":
        top = top.head
    scope = list(trig.subtree)
    if top != trig:
        scope += [t for c in top.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
    location = None
    country = None
    for t in scope:
        eid = ctx.entity_for_token(t)
        etype = ctx.entity_type(eid) if eid else None
        if etype is None or not _on_place_path(t, top if t not in trig.subtree else trig):
            continue
        if etype == EntityType.LOCATION and location is None:
            location = eid
        elif etype == EntityType.COUNTRY and country is None:
            country = eid
    if location is None:
        clause = clause_verb(trig)
        for t in sent:
            eid = ctx.entity_for_token(t)
            if not eid or ctx.entity_type(eid) != EntityType.LOCATION:
                continue
            if clause_verb(t) == clause and _locative_place(t):
                location = eid
                break
    country = _country_of(ctx, location) or country
    return location, country or ctx.main_country


def _actor(ctx: FactContext, head: Token) -> str | None:
    own = ctx.entity_for_token(head)
    if own:
        return own
    if head.pos_ == "PRON":
        # An event's actors are people and organised groups; "they" who marched is never a country.
        return Coreference(ctx).pronoun(head, allowed=EVENT_ACTOR_TYPES)
    if lemma(head) in syntax.words("relational_nouns"):
        return None  # "the wife of X was arrested": someone other than X
    for t in head.subtree:
        if not _in_own_phrase(t, head):
            continue
        eid = ctx.entity_for_token(t)
        if eid and ctx.entity_type(eid) in (
            EntityType.PERSON,
            EntityType.PARTY,
            EntityType.ORGANIZATION,
            EntityType.COUNTRY,
        ):
            return eid
    return None


def _doer(ctx: FactContext, deed: Token) -> str | None:
    """ "protests against abuses by the police": whoever the "by" phrase of a deed names."""
    for c in deed.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    eid = _actor(ctx, p)
                    if eid:
                        return eid
    return None


def _in_own_phrase(tok: Token, head: Token) -> bool:
    """Whether a token belongs to the noun phrase of `head` itself ("the X party", "supporters of X"), not
    to a clause or a place hanging off it ("police who clashed near the offices of X")."""
    t = tok
    for _ in range(8):
        if t == head:
            return True
        if t.dep_ in ("relcl", "acl", "advcl", "appos", "conj") or (t.dep_ == "prep" and t.lower_ != "of"):
            return False
        t = t.head
    return False


def subject(verb: Token) -> Token | None:
    """The verb's subject (syntax.subjects), a relative pronoun read as the noun it stands for ("X, who
    stepped down")."""
    return clause_subject(verb)[0]


def clause_subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether the verb is passive ("X was jailed", "after being arrested", the
    headline "X jailed for eight years")."""
    found = syntax.subjects(verb)
    first = found.first
    return (relative_antecedent(first) if first is not None else None), found.passive


def _supporter_of(ctx: FactContext, noun: Token) -> str | None:
    """ "supporters of X", "X's supporters", "X supporters" -> X."""
    if lemma(noun) not in lexicon().words("supporter_nouns"):
        # "thousands of supporters of X": the crowd noun is only a quantity
        inner = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for p in inner:
            if p.dep_ == "pobj" and lemma(p) in lexicon().words("supporter_nouns"):
                return _supporter_of(ctx, p)
        return None
    for c in noun.children:
        if c.dep_ in ("poss", "compound"):
            eid = _actor(ctx, c)
            if eid:
                return eid
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                eid = _actor(ctx, p) if p.dep_ == "pobj" else None
                if eid:
                    return eid
    return None


def _title_before_name(ctx: FactContext, head: Token) -> str | None:
    """ "Prime Minister Nino Beridze": the title words written before a person's name."""
    words = [
        t
        for t in head.subtree
        if t.i < head.i
        and ctx.entity_for_token(t) is None
        and t.pos_ in ("PROPN", "NOUN")
        and t.ent_type_ == ""
    ]
    if not words:
        return None
    return " ".join(t.text for t in words)


def add(parts: list[EventParticipant], entity: str | None, role: str) -> None:
    if entity and not any(p.entity == entity and p.role == role for p in parts):
        parts.append(EventParticipant(entity=entity, role=role))


def _is_state_force(tok: Token) -> bool:
    return lemma(tok) in lexicon().words("state_forces") or any(
        lemma(c) in lexicon().words("state_forces") for c in tok.children if c.dep_ in ("compound", "amod")
    )


def _organizer_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is organised by: "held a rally", "called for protests", "announced another
    protest"."""
    verbs = lexicon().words("organizer_verbs")
    t = tok
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    if t.dep_ in ("dobj", "nsubjpass") and lemma(t.head) in verbs:
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ == "for" and lemma(t.head.head) in verbs:
        return t.head.head
    return None


def participants(
    ctx: FactContext, trig: Trigger, country: str | None
) -> tuple[list[EventParticipant], dict[str, str]]:
    parts: list[EventParticipant] = []
    extra: dict[str, str] = {}
    tok = trig.token
    if trig.is_verb:
        subj, passive = clause_subject(tok)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        agent = next(
            (p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
        )
        if trig.type in ("Arrest", "Killing", "Attack"):
            victims = ([subj] if passive and subj is not None else []) + objs
            doer = agent if passive else subj
            for v in victims:
                add(parts, _actor(ctx, v), "person" if trig.type != "Attack" else "target")
            if doer is not None:
                eid = _actor(ctx, doer)
                if eid is None and _is_state_force(doer):
                    eid = country
                add(parts, eid, "perpetrator")
        elif trig.type == "Resignation":
            if subj is not None:
                add(parts, _actor(ctx, subj), "person")
                title = _title_before_name(ctx, subj)
                if title:
                    extra["office_title"] = title
        elif subj is not None:
            sup = _supporter_of(ctx, subj)
            if sup:
                add(parts, sup, "organizer")
            else:
                add(parts, _actor(ctx, subj), "participant")
    else:
        org_verb = _organizer_verb(tok)
        if org_verb is not None:
            subj = subject(org_verb)
            if subj is not None:
                add(parts, _supporter_of(ctx, subj) or _actor(ctx, subj), "organizer")
        for c in tok.children:
            if c.dep_ == "poss":
                role = "person" if trig.type in ("Arrest", "Resignation", "Killing") else "organizer"
                add(parts, _actor(ctx, c), role)
            if c.dep_ == "prep" and c.lower_ in ("by", "of") and trig.type in ("Protest", "Strike"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        add(parts, _supporter_of(ctx, p) or _actor(ctx, p), "organizer")
            if c.dep_ == "prep" and c.lower_ == "of" and trig.type in ("Arrest", "Resignation", "Killing"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        add(parts, _actor(ctx, p), "person")
    # Targets: "a protest against X", "rallied against X", "protests over X's decision".
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("against", "over"):
            for p in c.children:
                if p.dep_ == "pobj":
                    add(parts, _actor(ctx, p) or _doer(ctx, p), "target")
        if c.dep_ == "prep" and c.lower_ == "as" and trig.type == "Resignation":
            for p in c.children:
                if p.dep_ == "pobj":
                    extra["office_title"] = " ".join(
                        t.text for t in p.subtree if t.dep_ not in ("det", "poss", "case", "punct")
                    )
    return parts, extra
