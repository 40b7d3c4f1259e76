"""Elections: who holds a vote share when the sentence names them by a pronoun, a description or a title,
and which election and figure a share belongs to."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from ingest.facts.elections import extract_elections
from ingest.models import Election, EntityType
from tests.unit.factctx import Names, make_context

T = EntityType

PERU: Names = {
    "Peru": (T.COUNTRY, "Peru", None),
    "Ana Lusk": (T.PERSON, "Ana Lusk", "Peru"),
    "Lusk": (T.PERSON, "Ana Lusk", "Peru"),
    "Boris Vale": (T.PERSON, "Boris Vale", "Peru"),
    "Vale": (T.PERSON, "Boris Vale", "Peru"),
    "Omar Diallo": (T.PERSON, "Omar Diallo", "Peru"),
    "Unity Party": (T.PARTY, "Unity Party", "Peru"),
}
OPENING = "Peru held its presidential election on Sunday. "


def elections_of(
    nlp: Language, text: str, names: Names = PERU, published: date = date(2024, 6, 4)
) -> list[Election]:
    return extract_elections(make_context(nlp, text, names, published, "art-1"))[0]


def shares(nlp: Language, text: str, names: Names = PERU) -> dict[str, float | None]:
    return {
        r.participant.split(":", 1)[1]: r.vote_share
        for e in elections_of(nlp, text, names)
        for r in e.results
        if r.vote_share is not None
    }


@pytest.mark.parametrize(
    "text",
    [
        # the apposition's own name, not the party written in its titles
        OPENING
        + "The third candidate, Unity Party Chairman Boris Vale, had received 30.1 percent of the vote.",
        # a title beside the name the parser hung elsewhere
        OPENING + "Ana Lusk won 58.2 per cent of the vote, against 30.1 per cent for her challenger, retired "
        "General Boris Vale.",
        # "his rival" named so before
        OPENING
        + "Ana Lusk and her rival Boris Vale voted early. Ana Lusk gained 58.2 percent of the votes while "
        "her rival won 30.1 percent.",
        # a description set beside the name takes its relative clause along
        OPENING + "Ana Lusk took 58.2 percent against Boris Vale, the main opposition leader who received "
        "30.1 percent.",
    ],
)
def test_a_share_held_through_a_description_of_the_candidate(nlp: Language, text: str) -> None:
    found = shares(nlp, text)
    assert found.get("boris-vale") == 30.1
    assert "unity-party" not in found


def test_a_name_set_before_the_pronoun_is_the_one_it_takes_up(nlp: Language) -> None:
    text = (
        OPENING + "Omar Diallo read the count to reporters. "
        '"As for the candidate, Boris Vale, he won 7.35 percent of the vote," Omar Diallo said.'
    )
    assert shares(nlp, text) == {"boris-vale": 7.35}


def test_a_pronoun_two_people_could_be_holds_no_share(nlp: Language) -> None:
    text = (
        OPENING
        + "Omar Diallo called the race for Ana Lusk after the commission reported she had 48.6% of the vote."
    )
    assert "omar-diallo" not in shares(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Preliminary results showed that Peruvian President Ana Lusk has been re-elected for a second term, "
        "after winning 90.7 percent of the vote in Sunday's presidential election.",
        "Peruvian President Ana Lusk has been re-elected for a second term with 90.7 percent of valid votes "
        "cast in an election last week, the election authority said Monday.",
    ],
)
def test_a_share_whose_verb_the_parse_left_without_its_subject(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 90.7}


def test_a_share_of_the_one_results_show_and_a_name_misread_as_an_organisation(nlp: Language) -> None:
    names: Names = {**PERU, "pro-European Ana Lusk": (T.ORGANIZATION, "pro-European Ana Lusk", None)}
    text = (
        "The first official results of Peru's presidential election have shown the outgoing president, the "
        "pro-European Ana Lusk, as the most voted candidate, with 35.3 percent of the votes."
    )
    assert shares(nlp, text, names) == {"ana-lusk": 35.3}


def test_a_rough_share_gives_way_to_the_exact_one(nlp: Language) -> None:
    text = (
        "Peru held its parliamentary election on Sunday. The Unity Party has won just over 50 per cent of "
        "the vote so far. The Unity Party has secured 51.63 per cent of the votes with more than 70 per "
        "cent counted."
    )
    assert shares(nlp, text) == {"unity-party": 51.63}


def test_a_pronoun_winners_office_tells_the_kind(nlp: Language) -> None:
    text = (
        "Prime Minister Ana Lusk of Peru dismissed calls to resign on Friday. "
        "She won election to the post last year."
    )
    found = {(e.country, e.kind) for e in elections_of(nlp, text)}
    assert found == {("country:peru", "parliamentary")}
