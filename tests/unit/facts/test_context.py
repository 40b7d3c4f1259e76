"""What every extractor reads from FactContext: the country the article is about."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from ingest.models import EntityType
from tests.unit.factctx import make_context

C, L = EntityType.COUNTRY, EntityType.LOCATION


def test_the_country_where_the_story_happens_outweighs_one_named_more_often(nlp: Language) -> None:
    text = (
        "Protesters gathered in Norland on Sunday. Ostia condemned the rally. Ostia said the rally was "
        "illegal and Ostia would respond."
    )
    ctx = make_context(
        nlp, text, {"Norland": (C, "Norland", None), "Ostia": (C, "Ostia", None)}, date(2020, 1, 1)
    )
    assert ctx.main_country == "country:norland"


def test_a_town_counts_for_its_country(nlp: Language) -> None:
    text = "Ostia issued a statement about the students. Police in Brava arrested two of them."
    names = {"Ostia": (C, "Ostia", None), "Brava": (L, "Brava", "Norland")}
    ctx = make_context(nlp, text, names, date(2020, 1, 1))
    assert ctx.main_country == "country:norland"


def test_no_country_named(nlp: Language) -> None:
    assert make_context(nlp, "Nothing happened.", {}, date(2020, 1, 1)).main_country is None
