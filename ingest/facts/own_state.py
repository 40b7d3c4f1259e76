"""Interactions an office holder or a state body is read to have with its own state, dropped; and the state's
acts its own officials tell of, stated rather than claimed.

A president "discussing projects with <his country>", a ministry "blocking <its country>", the police
"cooperating with <their country>": the parse took the country named in the phrase (a possessor, a place, a
modifier) for the other side. A state's own officials and organs act for it, so there is no event between
them and it. Force is kept: a president's police arresting "the country's opposition" is domestic
repression, which event data codes within one country. Opposition figures hold no office of the state and
keep all their acts against it.
"""

from __future__ import annotations

import re

from ingest.facts.plover_lexicon import load_plover_lexicon
from ingest.models import Entity, EntityType, Relation

KEPT = {
    "HOLDS_ROLE",
    "MEMBER_OF",
    "LEADS",
    "COERCE",
    "ASSAULT",
    "SANCTION",
    "THREATEN",
    "MOBILIZE",
    "PROTEST",
}


# Acts a person does with a foreign state, never with their own.
FOREIGN = {"CONSULT", "AGREE", "SUPPORT", "AID", "COOPERATE"}


def without_acts_on_own_state(relations: list[Relation], entities: dict[str, Entity]) -> list[Relation]:
    relations = _without_guessed_offices(relations, entities)
    own: dict[str, set[str]] = {}
    for r in relations:
        office = entities.get(r.target)
        if r.type == "HOLDS_ROLE" and office is not None and office.country:
            own.setdefault(r.source, set()).add(office.country)
    agents = load_plover_lexicon().words("state_agents")
    for e in entities.values():
        if e.type == EntityType.ORGANIZATION and e.country and _is_state_body(e.name, agents):
            own.setdefault(e.id, set()).add(e.country)
    kept = [r for r in relations if r.type in KEPT or r.target not in own.get(r.source, ())]

    # A state's own official or organ telling of the state's act ("the prime minister announced Norland
    # would suspend talks", "Norland's court said X was arrested") states it; it is no one's claim. Nor is an
    # actor's own word, or its state's, on what it did.
    def own_word(r: Relation) -> bool:
        claimant = r.claimed_by
        return claimant is not None and (
            claimant == r.source or r.source in own.get(claimant, ()) or claimant in own.get(r.source, ())
        )

    return [r.model_copy(update={"claimed_by": None}) if own_word(r) else r for r in kept]


def _is_state_body(name: str, agents: frozenset[str]) -> bool:
    """ "Police of X", "Ministry of Defence", "Treasury Department": a body named by a state agent noun."""
    return any(word in agents for word in re.findall(r"[a-z]+", name.lower()))


def _without_guessed_offices(relations: list[Relation], entities: dict[str, Entity]) -> list[Relation]:
    """A bare title ("President X") whose country was only guessed from what the article is about is dropped
    when X meets, backs or cooperates with that very country: X is a visitor there ("Prime Minister X
    assured he would support <the article's country>"), not its office holder."""
    partners = {(r.source, r.target) for r in relations if r.type in FOREIGN}
    partners |= {(t, s) for s, t in partners}

    def guessed_wrong(r: Relation) -> bool:
        office = entities.get(r.target)
        return (
            r.type == "HOLDS_ROLE"
            and r.attributes.get("country_of") == "article"
            and office is not None
            and (r.source, office.country) in partners
        )

    return [r for r in relations if not guessed_wrong(r)]
