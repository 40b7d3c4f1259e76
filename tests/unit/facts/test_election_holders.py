"""Elections: whose share a figure is when the sentence names a party, a description, a pair of figures
or a pronoun, and which told figure of a share is kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ingest.models import EntityType
from tests.unit.factctx import Names
from tests.unit.facts.test_election_shares import OPENING, PERU, elections_of, shares

T = EntityType

NAMES: Names = {
    **PERU,
    "Civic Front": (T.PARTY, "Civic Front", "Peru"),
    "Rosa Quell": (T.PERSON, "Rosa Quell", "Peru"),
    "Radio Sur": (T.PERSON, "Radio Sur", None),
}


@pytest.mark.parametrize(
    "text",
    [
        # the name set off after the party is the nominee's, though the parser hangs it on the party
        OPENING
        + "The nominee of the Civic Front, Rosa Quell, came in third, with 14.2 percent of the ballots.",
        # the ones who voted are the figure, the one they voted for holds it
        OPENING + "22.7% voted for the chairman of the Civic Front, Rosa Quell.",
    ],
)
def test_the_person_a_party_description_names_holds_the_share(nlp: Language, text: str) -> None:
    found = shares(nlp, text, NAMES)
    assert found.get("rosa-quell") in (14.2, 22.7)
    assert "civic-front" not in found


def test_a_party_running_a_candidate_for_president_gives_the_candidate_its_share(nlp: Language) -> None:
    text = (
        OPENING
        + "The Civic Front took 4.6 percent of the vote with Rosa Quell, behind Ana Lusk's 51.3 percent."
    )
    assert shares(nlp, text, NAMES) == {"rosa-quell": 4.6, "ana-lusk": 51.3}
    # in a parliamentary vote the party's list is what was voted for
    text = "Peru held its parliamentary election on Sunday. The Civic Front took 4.6 percent with Rosa Quell."
    assert shares(nlp, text, NAMES) == {"civic-front": 4.6}


@pytest.mark.parametrize(
    "text",
    [
        OPENING
        + "Ana Lusk was elected after beating the businessman Boris Vale, with 62% against 38% of ballots.",
        OPENING + "Ana Lusk defeated Boris Vale by 62 percent to 38 percent.",
    ],
)
def test_a_pair_of_figures_beside_a_defeat_is_the_winners_then_the_beatens(nlp: Language, text: str) -> None:
    assert shares(nlp, text, NAMES) == {"ana-lusk": 62.0, "boris-vale": 38.0}


def test_a_pronoun_among_two_people_is_the_one_already_a_candidate(nlp: Language) -> None:
    text = (
        OPENING
        + "Boris Vale was declared the winner of the vote on Monday. Radio Sur projected the race for "
        "Vale after the commission announced he had 53.9% of the vote over Lusk's 44.1%."
    )
    assert shares(nlp, text, NAMES) == {"boris-vale": 53.9, "ana-lusk": 44.1}


def test_the_one_declared_the_winner_won_not_who_declared_it(nlp: Language) -> None:
    text = OPENING + "Ana Lusk was declared the winner of the vote by the commission on Monday."
    won = {r.participant.split(":", 1)[1]: r.won for e in elections_of(nlp, text) for r in e.results}
    assert won == {"ana-lusk": True}


def test_a_share_told_with_its_votes_replaces_the_bare_one_told_before(nlp: Language) -> None:
    text = (
        "With most ballots counted, Ana Lusk leads with 47.91%. "
        "Peru held its presidential election on Sunday. "
        "Ana Lusk had won 2,310,455 votes (47.42%), the commission said."
    )
    assert shares(nlp, text, NAMES) == {"ana-lusk": 47.42}
