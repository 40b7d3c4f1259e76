"""The gazetteer: countries, demonyms, places and curated organisations built from data packages."""

from __future__ import annotations

import pytest

from ingest.gazetteer import gazetteer
from ingest.models import EntityType


def test_country_names_resolve_to_common_english_name() -> None:
    g = gazetteer()
    for surface, name, iso3 in [
        ("Kyrgyz Republic", "Kyrgyzstan", "KGZ"),
        ("Russian Federation", "Russia", "RUS"),
        ("United States", "United States", "USA"),
        ("US", "United States", "USA"),
        ("U.S.", "United States", "USA"),
        ("America", "United States", "USA"),
        ("UK", "United Kingdom", "GBR"),
        ("Moldova", "Moldova", "MDA"),
        ("MONGOLIA", "Mongolia", "MNG"),
        # The data packages follow the states' own renaming; English news mostly keeps the old names.
        ("Turkey", "Türkiye", "TUR"),
        ("East Timor", "Timor-Leste", "TLS"),
        ("Bosnia", "Bosnia and Herzegovina", "BIH"),
    ]:
        entry = g.country_by_name(surface)
        assert entry is not None, surface
        assert (entry.name, entry.iso3) == (name, iso3)


def test_abbreviations_only_in_their_usual_casing() -> None:
    g = gazetteer()
    assert g.lookup("us") is None
    assert g.lookup("Us") is None
    hit = g.lookup("EU")
    assert hit is not None and hit.type == EntityType.ORGANIZATION


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Uzbek", "Uzbekistan"),
        ("Tajik", "Tajikistan"),
        ("Ukrainian", "Ukraine"),
        ("Georgian", "Georgia"),
        ("Kenyan", "Kenya"),
        ("Iraqi", "Iraq"),
        ("American", "United States"),
        ("Chinese", "China"),
        ("MOLDOVAN", "Moldova"),
        # From countryinfo, where the suffix rules give another form or none.
        ("Ghanaian", "Ghana"),
        ("Ivorian", "Côte d'Ivoire"),
        ("Burundian", "Burundi"),
        # Names ending in -ti, -li, -wi take -an.
        ("Djiboutian", "Djibouti"),
        ("Malawian", "Malawi"),
    ],
)
def test_demonyms(word: str, country: str) -> None:
    entry = gazetteer().demonym(word)
    assert entry is not None and entry.name == country


def test_place_with_its_country_and_namesake_region_centre() -> None:
    g = gazetteer()
    jalal = g.place("Jalal-Abad")
    assert jalal is not None and jalal.country == "Kyrgyzstan"
    # geonames files that city as "Manas"; the filed name must not become a place of its own.
    assert g.place("Manas") is None
    dushanbe = g.place("DUSHANBE")
    assert dushanbe is not None and dushanbe.name == "Dushanbe" and dushanbe.country == "Tajikistan"
    assert g.capital_of("Tbilisi") is not None


def test_place_names_match_whole_names_only() -> None:
    g = gazetteer()
    assert g.place("Tbilis") is None
    assert g.place("Bishk") is None
    assert g.place("Jalal") is None


def test_stop_listed_place_names_are_not_places() -> None:
    g = gazetteer()
    for word in ("Reading", "Mobile", "Victoria", "Of", "March"):
        assert g.place(word) is None, word


def test_curated_organisations_and_parties() -> None:
    g = gazetteer()
    assert len(g.orgs) >= 150
    for surface, name, etype in [
        ("CSTO", "Collective Security Treaty Organization", EntityType.ORGANIZATION),
        ("Turkic Council", "Organization of Turkic States", EntityType.ORGANIZATION),
        ("Georgian Dream", "Georgian Dream", EntityType.PARTY),
        ("Jogorku Kenesh", "Jogorku Kenesh", EntityType.ORGANIZATION),
        ("United Russia", "United Russia", EntityType.PARTY),
    ]:
        hit = g.lookup(surface)
        assert hit is not None and hit.kb_name == name and hit.type == etype, surface
    for entry in g.orgs.values():
        assert entry.source.startswith("https://"), entry.name


def test_every_curated_organisation_keeps_its_whole_name() -> None:
    # A name with a comma, unquoted in the list's flow mappings, would be cut at the comma.
    hit = gazetteer().lookup("Foreign Office")
    assert hit is not None and hit.kb_name == "Foreign, Commonwealth and Development Office"
    assert gazetteer().lookup("Foreign") is None


def test_an_organisation_points_at_its_country_by_the_countrys_one_name() -> None:
    g = gazetteer()
    country_names = {c.name for c in g.countries.values()}
    assert all(o.country is None or o.country in country_names for o in g.orgs.values())
    hit = g.lookup("AKP")  # listed with "country: Turkey"
    assert hit is not None and hit.country == "Türkiye"


def test_ruler_patterns_cover_every_kind() -> None:
    ids = {p["id"].split(":")[0] for p in gazetteer().patterns()}
    assert ids == {"country", "demonym", "place", "org"}


def test_plural_demonyms_name_a_countrys_people() -> None:
    g = gazetteer()
    pairs = [("Albanians", "Albania"), ("Iraqis", "Iraq"), ("Serbs", "Serbia"), ("Turks", "Türkiye")]
    for plural, country in pairs:
        entry = g.demonym(plural)
        assert g.is_people(plural) and entry is not None and entry.name == country, plural
    # Unchanged plurals read as adjectives; a plural that is a country's name stays the country.
    assert not g.is_people("Chinese") and not g.is_people("Swiss")
    assert not g.is_people("Philippines") and g.country_by_name("Philippines") is not None
    assert not g.is_people("Albanian")


def test_states_outside_iso_3166_are_countries_too() -> None:
    gz = gazetteer()
    hit = gz.lookup("Kosovo")
    assert hit is not None and hit.kind == "country"
    capital = gz.capital_of("Pristina")
    assert capital is not None and capital.name == "Kosovo"
    assert gz.demonym("Kosovar") is not None
