"""An actor a saved query was asked about that no actor answers to: said so, with the nearest names.

A saved query reads an actor parameter as an id, a name or an alias (case aside); one that matches nothing
gives no rows, which reads as "no such facts". When a query's answer is empty, each actor it was given is
looked up, and one that matches no actor is reported with the closest names the fuzzy search of
GET /entities finds ("no actor matches 'Atambaev'; did you mean Almazbek Atambayev?").
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver, Driver

from api.models import EntityHit
from api.routes.entities import lucene_query, name_grams, rank
from polgraph.cypher import load_cypher
from polgraph.settings import Settings
from queries.catalog import SavedQuery
from queries.runner import json_row, read_query, read_query_async

CYPHER = Path(__file__).resolve().parent / "cypher"
# The saved queries' parameters that name an actor.
ACTOR_PARAMS = frozenset({"actor", "from_actor", "to_actor", "other"})
SUGGESTIONS = 3


class UnknownActor(Exception):
    """`value`, given as `param`, matches no actor; `suggestions` are the nearest names, best first."""

    def __init__(self, param: str, value: str, suggestions: list[EntityHit]) -> None:
        self.param = param
        self.value = value
        self.suggestions = suggestions
        if suggestions:
            names = ", ".join(f"{hit.name} ({hit.id})" for hit in suggestions)
            message = f"no actor matches {value!r}; did you mean {names}?"
        else:
            message = f"no actor matches {value!r}, and no name is close to it"
        super().__init__(message)


def actors_asked(query: SavedQuery, bound: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(parameter, value) of each actor the call names."""
    return [
        (p.name, bound[p.name])
        for p in query.params
        if p.name in ACTOR_PARAMS and isinstance(bound.get(p.name), str) and bound[p.name].strip()
    ]


def candidate_params(value: str) -> dict[str, Any]:
    grams = name_grams(value)
    return {"lucene": lucene_query(value), "grams": " ".join(grams) if grams else None, "limit": 50}


def _answers_to(value: str, candidates: list[dict[str, Any]]) -> bool:
    wanted = value.casefold()
    return any(
        name and name.casefold() == wanted for c in candidates for name in [c["name"], *c.get("aliases", [])]
    )


def _verdict(param: str, value: str, found: bool, candidates: list[dict[str, Any]]) -> None:
    if not found and not _answers_to(value, candidates):
        raise UnknownActor(param, value, rank(value, candidates, SUGGESTIONS))


def check_actors(driver: Driver, settings: Settings, query: SavedQuery, bound: Mapping[str, Any]) -> None:
    """Raise UnknownActor for the first actor of the call that no actor answers to."""
    for param, value in actors_asked(query, bound):
        with read_query(driver, settings, load_cypher(CYPHER, "actor_by_id"), {"id": value}) as result:
            found = bool(result.single(strict=True)["found"])
        candidates: list[dict[str, Any]] = []
        if not found:
            cypher = load_cypher(CYPHER, "entity_candidates")
            with read_query(driver, settings, cypher, candidate_params(value)) as result:
                columns = list(result.keys())
                candidates = [json_row(columns, record) for record in result]
        _verdict(param, value, found, candidates)


async def check_actors_async(
    driver: AsyncDriver, settings: Settings, query: SavedQuery, bound: Mapping[str, Any]
) -> None:
    """`check_actors` on the driver's asyncio API, for the API's event loop."""
    for param, value in actors_asked(query, bound):
        cypher = load_cypher(CYPHER, "actor_by_id")
        async with read_query_async(driver, settings, cypher, {"id": value}) as result:
            found = bool((await result.single(strict=True))["found"])
        candidates: list[dict[str, Any]] = []
        if not found:
            cypher = load_cypher(CYPHER, "entity_candidates")
            async with read_query_async(driver, settings, cypher, candidate_params(value)) as result:
                columns = list(result.keys())
                candidates = [json_row(columns, record) async for record in result]
        _verdict(param, value, found, candidates)


class AmbiguousActor(Exception):
    """`value` is the name or an alias of several actors: an id says which."""

    def __init__(self, value: str, hits: list[EntityHit]) -> None:
        self.value = value
        self.hits = hits
        names = ", ".join(f"{hit.name} ({hit.id})" for hit in hits)
        super().__init__(f"{value!r} names several actors: {names}; give the id of one")


def find_actor(driver: Driver, settings: Settings, value: str, param: str = "actor") -> str:
    """The id of the actor `value` names (an id, or a name or alias, case aside); UnknownActor, with the
    nearest names, when none does, and AmbiguousActor when several do."""
    value = value.strip()
    with read_query(driver, settings, load_cypher(CYPHER, "actor_by_id"), {"id": value}) as result:
        if result.single(strict=True)["found"]:
            return value
    with read_query(
        driver, settings, load_cypher(CYPHER, "entity_candidates"), candidate_params(value)
    ) as result:
        columns = list(result.keys())
        candidates = [json_row(columns, record) for record in result]
    wanted = value.casefold()
    named = {
        c["id"]: c
        for c in candidates
        if any(n and n.casefold() == wanted for n in [c["name"], *c.get("aliases", [])])
    }
    if len(named) == 1:
        return next(iter(named))
    if named:
        raise AmbiguousActor(value, rank(value, list(named.values()), len(named)))
    raise UnknownActor(param, value, rank(value, candidates, SUGGESTIONS))
