"""Rules both the per-article and the corpus step apply: which types are organisations, when two surnames are
one slip apart, and how one entity takes in another's aliases and merges."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ingest.models import Entity, EntityType
from ingest.resolve.names import is_feminine_pair, looks_like_acronym, parse_person

ORG_TYPES = (EntityType.ORGANIZATION, EntityType.PARTY)
# A one-letter slip ("Japrov" for "Japarov") is only trusted on names long enough to stay distinctive.
FUZZY_MIN_LEN = 6
FUZZY_MAX_EDITS = 1


def is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def near_surname(a: str, b: str) -> bool:
    """One slip of the keyboard on a long surname, never the -a of a woman's surname."""
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < FUZZY_MIN_LEN:
        return False
    if is_feminine_pair(a, b):
        return False
    return Levenshtein.distance(a, b) <= FUZZY_MAX_EDITS


def own_copy(e: Entity) -> Entity:
    """A copy that absorb may change without touching the original: only the lists are mutated, and a
    deep copy was the resolver's largest cost in the profile."""
    return e.model_copy(update={"aliases": list(e.aliases), "merges": list(e.merges)})


def absorb(into: Entity, other: Entity) -> None:
    for a in other.aliases:
        if a not in into.aliases:
            into.aliases.append(a)
    into.merges.extend(other.merges)
    into.country = into.country or other.country
    into.kb_id = into.kb_id or other.kb_id


def is_bare_person(e: Entity) -> bool:
    return e.type == EntityType.PERSON and not parse_person(e.name).is_full


def is_acronym_org(e: Entity) -> bool:
    return e.type in ORG_TYPES and looks_like_acronym(e.name)
