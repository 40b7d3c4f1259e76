"""Offices as actors' targets: "President of Kyrgyzstan" is the Office a HOLDS_ROLE points to. A fact rule
finds the title; the office's name, id and country are made here, as every other entity is made by
resolution, so that the same office told by two rules or two articles is one node."""

from __future__ import annotations

from ingest.ids import entity_id
from ingest.models import Entity, EntityType

# Words left lower-case inside an office's name ("Minister of Foreign Affairs").
_MINOR_WORDS = frozenset({"of", "the", "for", "and"})


def office_name(title: str, where: str | None) -> str:
    """ "prime minister", "Kyrgyzstan" -> "Prime Minister of Kyrgyzstan". The place is always named unless
    the title names it already: "Minister of Justice" or "Secretary of State" without a country would be one
    node for every country's holder."""
    name = " ".join(w.capitalize() if w.islower() and w not in _MINOR_WORDS else w for w in title.split())
    if where and where.lower() not in name.lower():
        name = f"{name} of {where}"
    return name


def office_entity(title: str, where: str | None, country: str | None) -> Entity:
    """The Office entity for a title held in a place (`where`: a country's or a town's name) of `country`."""
    name = office_name(title, where)
    return Entity(
        id=entity_id(EntityType.OFFICE, name),
        type=EntityType.OFFICE,
        name=name,
        aliases=[name],
        country=country,
    )
