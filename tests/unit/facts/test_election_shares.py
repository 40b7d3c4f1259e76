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
        OPENING + "Trailing in third, Unity Party Chairman Boris Vale, finished with 21.4 percent.",
        # a title beside the name the parser hung elsewhere
        OPENING + "Ana Lusk secured 61.3 per cent, against 21.4 per cent for her challenger, former Senator "
        "Boris Vale.",
        # "his rival" named so before
        OPENING
        + "Ana Lusk and her rival Boris Vale both campaigned in Lima. Ana Lusk took 61.3 percent while "
        "her rival took 21.4 percent.",
        # a description set beside the name takes its relative clause along
        OPENING + "Ana Lusk beat Boris Vale, the veteran senator who got 21.4 percent.",
    ],
)
def test_a_share_held_through_a_description_of_the_candidate(nlp: Language, text: str) -> None:
    found = shares(nlp, text)
    assert found.get("boris-vale") == 21.4
    assert "unity-party" not in found


def test_a_name_set_before_the_pronoun_is_the_one_it_takes_up(nlp: Language) -> None:
    text = (
        OPENING + "Omar Diallo briefed reporters on the count. "
        '"Regarding the challenger, Boris Vale, he won 12.6 percent of the vote," Omar Diallo said.'
    )
    assert shares(nlp, text) == {"boris-vale": 12.6}


def test_a_pronoun_two_people_could_be_holds_no_share(nlp: Language) -> None:
    text = OPENING + "Omar Diallo congratulated Ana Lusk when officials announced she had 52.4% of the vote."
    assert "omar-diallo" not in shares(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that Ana Lusk, Peru's president, has been re-elected to a third term, "
        "after taking 76.2 percent of the ballots in Sunday's presidential vote.",
        "Peru's President Ana Lusk has been re-elected to a third term with 76.2 percent of the ballots "
        "in Sunday's presidential vote, officials said on Tuesday.",
    ],
)
def test_a_share_whose_verb_the_parse_left_without_its_subject(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 76.2}


def test_a_share_of_the_one_results_show_and_a_name_misread_as_an_organisation(nlp: Language) -> None:
    names: Names = {**PERU, "reformist Ana Lusk": (T.ORGANIZATION, "reformist Ana Lusk", None)}
    text = (
        "Early returns from Peru's presidential election have shown the incumbent, the reformist Ana Lusk, "
        "as the leading candidate, on 41.7 percent."
    )
    assert shares(nlp, text, names) == {"ana-lusk": 41.7}


def test_a_rough_share_gives_way_to_the_exact_one(nlp: Language) -> None:
    text = (
        "Peru held its parliamentary election on Sunday. The Unity Party has taken roughly 40 per cent in "
        "early returns. The Unity Party has won 43.18 per cent of the votes, the commission said."
    )
    assert shares(nlp, text) == {"unity-party": 43.18}


def test_a_pronoun_winners_office_tells_the_kind(nlp: Language) -> None:
    text = "Prime Minister Ana Lusk of Peru rejected calls to step down on Monday. She won election in 2022."
    found = {(e.country, e.kind) for e in elections_of(nlp, text)}
    assert found == {("country:peru", "parliamentary")}


def test_a_loser_who_recognises_the_result_concedes_and_an_outsider_backs_it(nlp: Language) -> None:
    names: Names = {**PERU, "Chad": (T.COUNTRY, "Chad", None)}
    text = (
        OPENING + "Ana Lusk won the runoff with 55.2 percent, defeating Boris Vale, who got 44.8 percent. "
        "Boris Vale acknowledged the results on Monday. Chad recognised the results of the election."
    )
    _, relations = extract_elections(make_context(nlp, text, names, date(2024, 6, 4), "art-1"))
    found = {(r.type, r.source.split(":", 1)[1]) for r in relations}
    assert ("CONCEDE", "boris-vale") in found
    assert ("SUPPORT", "chad") in found


def test_an_accusation_of_fraud_is_the_accusers_own_act_not_a_claim_of_it(nlp: Language) -> None:
    text = OPENING + "Ana Lusk won with 55.2 percent. Boris Vale accused the commission of fraud in the vote."
    _, relations = extract_elections(make_context(nlp, text, PERU, date(2024, 6, 4), "art-1"))
    accusations = [r for r in relations if r.type == "ACCUSE"]
    assert accusations and all(r.source == "person:boris-vale" for r in accusations)
    assert all(r.claimed_by is None for r in accusations)
