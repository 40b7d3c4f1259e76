"""A place named in several countries resolves to the one the article is about."""

from __future__ import annotations

from ingest.gazetteer import gazetteer
from ingest.models import EntityType
from ingest.resolve import resolve_article
from tests.unit.resolve.test_resolve import mentions_in

L = EntityType.LOCATION


def _place(name: str) -> dict[str, str | None]:
    hit = gazetteer().lookup(name)
    assert hit is not None and hit.kind == "place", name
    return {"kb_id": hit.kb_id, "kb_name": hit.kb_name, "country": hit.country, "label_source": "ruler:place"}


def test_a_namesake_region_takes_the_country_of_the_articles_other_places() -> None:
    text = "Rallies were held in Karachi and Lahore. Punjab police arrested dozens."
    specs = [
        ("Karachi", L, _place("Karachi")),
        ("Lahore", L, _place("Lahore")),
        ("Punjab", L, _place("Punjab")),
    ]
    resolution = resolve_article("a1", mentions_in(text, specs), text)
    punjab = next(e for e in resolution.entities.values() if e.name == "Punjab")
    assert punjab.country == "country:pakistan"


def test_without_other_clues_the_gazetteers_own_choice_stands() -> None:
    text = "Punjab police arrested dozens."
    resolution = resolve_article("a1", mentions_in(text, [("Punjab", L, _place("Punjab"))]), text)
    punjab = next(e for e in resolution.entities.values() if e.name == "Punjab")
    assert punjab.country == "country:" + gazetteer().place("Punjab").country.lower()  # type: ignore[union-attr]
