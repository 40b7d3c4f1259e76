"""Office entities (ingest/resolve/offices.py)."""

from __future__ import annotations

from ingest.models import EntityType
from ingest.resolve.offices import office_entity, office_name


def test_office_name_from_a_title_and_a_place() -> None:
    assert office_name("prime minister", "Norland") == "Prime Minister of Norland"
    assert office_name("Mayor", "Brava") == "Mayor of Brava"


def test_a_title_with_of_still_names_its_country() -> None:
    assert office_name("minister of justice", "Norland") == "Minister of Justice of Norland"
    assert office_name("Secretary of State", "Norland") == "Secretary of State of Norland"


def test_a_title_that_names_its_place_keeps_it() -> None:
    assert office_name("President of Norland", "Norland") == "President of Norland"


def test_office_without_a_place() -> None:
    assert office_name("speaker", None) == "Speaker"


def test_the_same_office_has_one_id() -> None:
    a = office_entity("prime minister", "Norland", "country:norland")
    b = office_entity("Prime Minister", "Norland", "country:norland")
    assert a.id == b.id and a.type == EntityType.OFFICE and a.country == "country:norland"
