"""Elections: mentions, kind, country, date, results, annulment, allegations, stances and merging."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from ingest.facts.context import FactContext
from ingest.facts.elections import extract_elections, merge_elections
from ingest.models import Election, ElectionResult, EntityType, FuzzyDate
from tests.unit.factctx import Names, make_context

T = EntityType


def make_ctx(nlp: Language, text: str, published: date, names: Names) -> FactContext:
    return make_context(nlp, text, names, published, "art-1")


MOLDOVA_TEXT = (
    "Moldovan President Ion Ceban was re-elected in the November 3 presidential election with more than "
    "61 percent of the vote. His rival Mihai Rusu was second with about 22.5 percent. Turnout was 48%. "
    "Observers from the OSCE said the vote was marred by vote buying and ballot stuffing. "
    "The opposition Liberal Alliance refused to recognize the results."
)
MOLDOVA_NAMES: Names = {
    "Moldovan": (T.COUNTRY, "Moldova", None),
    "Ion Ceban": (T.PERSON, "Ion Ceban", None),
    "Mihai Rusu": (T.PERSON, "Mihai Rusu", None),
    "OSCE": (T.ORGANIZATION, "OSCE", None),
    "Liberal Alliance": (T.PARTY, "Liberal Alliance", "Moldova"),
}


@pytest.fixture(scope="module")
def moldova(nlp: Language) -> tuple[list[Election], list]:
    return extract_elections(make_ctx(nlp, MOLDOVA_TEXT, date(2019, 11, 5), MOLDOVA_NAMES))


def test_one_election_with_kind_country_date(moldova: tuple[list[Election], list]) -> None:
    elections, _ = moldova
    assert [e.id for e in elections] == ["election:moldova:presidential:2019-11-03"]
    el = elections[0]
    assert el.country == "country:moldova" and el.kind == "presidential"
    assert el.date == FuzzyDate(value="2019-11-03", precision="day")


def test_results_winner_and_runner_up(moldova: tuple[list[Election], list]) -> None:
    results = {r.participant: r for r in moldova[0][0].results}
    assert results["person:ion-ceban"].vote_share == 61.0 and results["person:ion-ceban"].won is True
    assert results["person:mihai-rusu"].vote_share == 22.5 and results["person:mihai-rusu"].won is False
    assert results["person:ion-ceban"].evidence is not None


def test_turnout_and_allegations(moldova: tuple[list[Election], list]) -> None:
    el = moldova[0][0]
    assert el.turnout == 48.0
    assert set(el.allegations) == {"vote buying", "ballot stuffing"}


def test_reject_and_accuse_relations(moldova: tuple[list[Election], list]) -> None:
    rels = {(r.type, r.source, r.target) for r in moldova[1]}
    eid = "election:moldova:presidential:2019-11-03"
    assert ("REJECT", "party:liberal-alliance", eid) in rels
    assert ("ACCUSE", "organization:osce", eid) in rels
    reject = next(r for r in moldova[1] if r.type == "REJECT")
    assert "refused to recognize" in reject.evidence.sentence and reject.confidence > 0.5


def test_a_loser_concedes_the_election_unless_to_someone_or_not_yet(nlp: Language) -> None:
    eid = "election:moldova:presidential:2019-11-03"
    cases = {
        "Mihai Rusu conceded defeat on Monday.": True,
        "Mihai Rusu called Ion Ceban on Monday to concede.": True,
        "Mihai Rusu has yet to concede defeat.": False,
        "Mihai Rusu conceded defeat to Ion Ceban on Monday.": False,  # the interaction itself
        "Mihai Rusu conceded that turnout was low.": False,
        "Mihai Rusu refused to concede.": False,
        "Observers urged Mihai Rusu to concede.": False,
    }
    for sentence, expected in cases.items():
        text = "Moldovan President Ion Ceban was re-elected in the November 3 presidential election. "
        text += sentence
        _, rels = extract_elections(make_ctx(nlp, text, date(2019, 11, 5), MOLDOVA_NAMES))
        found = ("CONCEDE", "person:mihai-rusu", eid) in {(r.type, r.source, r.target) for r in rels}
        assert found is expected, sentence


def test_a_share_held_by_a_pronoun_is_its_candidates(nlp: Language) -> None:
    text = (
        "Moldovan President Ion Ceban was re-elected in the November 3 presidential election. "
        "Mihai Rusu conceded after the commission reported he had 22.5 percent of the vote."
    )
    elections, _ = extract_elections(make_ctx(nlp, text, date(2019, 11, 5), MOLDOVA_NAMES))
    shares = {r.participant: r.vote_share for e in elections for r in e.results}
    assert shares.get("person:mihai-rusu") == 22.5


def test_party_shares_and_month_date(nlp: Language) -> None:
    text = (
        "In the October 2019 parliamentary elections in Georgia, the ruling Unity Party took more than "
        "54 percent, and the Freedom Party won just 3.2 percent."
    )
    names: Names = {
        "Georgia": (T.COUNTRY, "Georgia", None),
        "Unity Party": (T.PARTY, "Unity Party", "Georgia"),
        "Freedom Party": (T.PARTY, "Freedom Party", "Georgia"),
    }
    elections, _ = extract_elections(make_ctx(nlp, text, date(2019, 11, 1), names))
    assert [e.id for e in elections] == ["election:georgia:parliamentary:2019-10"]
    results = {r.participant: (r.vote_share, r.won) for r in elections[0].results}
    assert results == {"party:unity-party": (54.0, True), "party:freedom-party": (3.2, False)}


def test_annulled_and_possessive_date(nlp: Language) -> None:
    text = (
        "Protesters stormed government buildings after Sunday's parliamentary polls in Armenia. "
        "The election commission annulled the results of the vote on Tuesday."
    )
    names: Names = {"Armenia": (T.COUNTRY, "Armenia", None)}
    elections, _ = extract_elections(make_ctx(nlp, text, date(2020, 10, 8), names))
    assert len(elections) == 1
    assert elections[0].id == "election:armenia:parliamentary:2020-10-04"
    assert elections[0].annulled is True


def test_won_presidential_election_without_numbers(nlp: Language) -> None:
    text = "Tomas Varga won the presidential election in Slovakia on January 10."
    names: Names = {"Tomas Varga": (T.PERSON, "Tomas Varga", None), "Slovakia": (T.COUNTRY, "Slovakia", None)}
    elections, _ = extract_elections(make_ctx(nlp, text, date(2021, 1, 12), names))
    assert elections[0].id == "election:slovakia:presidential:2021-01-10"
    assert [(r.participant, r.won) for r in elections[0].results] == [("person:tomas-varga", True)]


def test_opinion_poll_is_not_an_election(nlp: Language) -> None:
    text = "A recent opinion poll in Croatia shows support for the government falling."
    names: Names = {"Croatia": (T.COUNTRY, "Croatia", None)}
    assert extract_elections(make_ctx(nlp, text, date(2021, 1, 12), names)) == ([], [])


def _el(eid_date: FuzzyDate | None, participant: str, share: float | None = None) -> Election:
    from ingest.facts.elections import election_id

    return Election(
        id=election_id("country:moldova", "presidential", eid_date),
        country="country:moldova",
        kind="presidential",
        date=eid_date,
        results=[ElectionResult(participant=participant, vote_share=share)],
        allegations=["fraud"] if share else ["intimidation"],
    )


def test_merge_month_into_day() -> None:
    day = _el(FuzzyDate(value="2019-11-03", precision="day"), "person:ion-ceban", 61.0)
    month = _el(FuzzyDate(value="2019-11", precision="month"), "person:mihai-rusu")
    other = _el(FuzzyDate(value="2015-03", precision="month"), "person:ion-ceban")
    merged, mapping = merge_elections([month, day, other])
    ids = sorted(e.id for e in merged)
    assert ids == ["election:moldova:presidential:2015-03", "election:moldova:presidential:2019-11-03"]
    assert mapping == {"election:moldova:presidential:2019-11": "election:moldova:presidential:2019-11-03"}
    joined = next(e for e in merged if e.id.endswith("2019-11-03"))
    assert {r.participant for r in joined.results} == {"person:ion-ceban", "person:mihai-rusu"}
    assert set(joined.allegations) == {"fraud", "intimidation"}


def test_merge_keeps_different_days_apart() -> None:
    a = _el(FuzzyDate(value="2019-11-03", precision="day"), "person:ion-ceban")
    b = _el(FuzzyDate(value="2019-11-17", precision="day"), "person:ion-ceban")
    merged, mapping = merge_elections([a, b])
    assert len(merged) == 2 and mapping == {}


ARMENIA_NAMES: Names = {
    "Armenia": (T.COUNTRY, "Armenia", None),
    "Armenian": (T.COUNTRY, "Armenia", None),
    "Civic Pact": (T.PARTY, "Civic Pact", "Armenia"),
    "Hayk Sargsyan": (T.PERSON, "Hayk Sargsyan", None),
    "Aram Petrosyan": (T.PERSON, "Aram Petrosyan", None),
    "Gyumri": (T.LOCATION, "Gyumri", "Armenia"),
}


def test_generic_election_talk_is_no_election(nlp: Language) -> None:
    text = "In Armenia, elections are rarely free. The presidential election campaign has been dull."
    elections, _ = extract_elections(make_ctx(nlp, text, date(2022, 5, 1), ARMENIA_NAMES))
    assert elections == []


def test_upcoming_elections_set_for_a_season_are_one_parliamentary_election(nlp: Language) -> None:
    text = (
        "Armenia: upcoming parliamentary elections set for fall 2023\n\n"
        "Armenia's upcoming elections follow the switch from a parliamentary to a presidential system."
    )
    elections, _ = extract_elections(make_ctx(nlp, text, date(2023, 3, 1), ARMENIA_NAMES))
    assert [(e.kind, e.date.value if e.date else None) for e in elections] == [("parliamentary", "2023")]


def test_month_date_and_bare_month_takes_the_year_named_before(nlp: Language) -> None:
    text = (
        "Hayk Sargsyan won the January 2021 presidential election in Armenia. "
        "Two days after the October 2020 parliamentary elections, officials annulled the vote. "
        "Several parties failed to win seats in the October election; the then-president was weakened."
    )
    elections, _ = extract_elections(make_ctx(nlp, text, date(2021, 10, 1), ARMENIA_NAMES))
    got = {(e.kind, e.date.value if e.date else None) for e in elections}
    assert got == {("presidential", "2021-01"), ("parliamentary", "2020-10")}


def test_appositive_names_the_runner_up(nlp: Language) -> None:
    text = (
        "Hayk Sargsyan won the May 5 presidential election in Armenia with 64 percent. "
        "Sargsyan's main challenger, Aram Petrosyan, was second with about 9.5 percent."
    )
    elections, _ = extract_elections(
        make_ctx(
            nlp, text, date(2022, 5, 8), {**ARMENIA_NAMES, "Sargsyan": (T.PERSON, "Hayk Sargsyan", None)}
        )
    )
    shares = {r.participant: r.vote_share for e in elections for r in e.results}
    assert shares.get("person:aram-petrosyan") == 9.5
    assert shares.get("person:hayk-sargsyan") == 64


def test_the_party_refers_back_to_the_party_named_before(nlp: Language) -> None:
    text = (
        "The Civic Pact won just 2 percent in Sunday's parliamentary elections in Armenia. "
        "The party has refused to recognize the election results."
    )
    _, relations = extract_elections(make_ctx(nlp, text, date(2022, 5, 10), ARMENIA_NAMES))
    assert any(r.type == "REJECT" and r.source == "party:civic-pact" for r in relations)


def test_chronology_lines_are_separate_elections(nlp: Language) -> None:
    text = (
        "December 2012: Civic Pact wins parliamentary poll\n\n"
        "July 2014: President Hayk Sargsyan re-elected in vote criticised by monitors\n"
    )
    elections, _ = extract_elections(make_ctx(nlp, text, date(2015, 1, 1), ARMENIA_NAMES))
    got = {(e.kind, e.date.value if e.date else None) for e in elections}
    assert got == {("parliamentary", "2012-12"), ("presidential", "2014-07")}


NORLAND: Names = {
    "Norland": (T.COUNTRY, "Norland", None),
    "Ana Lusk": (T.PERSON, "Ana Lusk", None),
    "Boris Vale": (T.PERSON, "Boris Vale", None),
    "Ivo Marek": (T.PERSON, "Ivo Marek", None),
}


def shares(nlp: Language, text: str) -> dict[str, float | None]:
    elections, _ = extract_elections(make_ctx(nlp, text, date(2024, 6, 3), NORLAND))
    assert len(elections) == 1
    return {r.participant.split(":", 1)[1]: r.vote_share for r in elections[0].results}


@pytest.mark.parametrize(
    "text",
    [
        "Norland held its presidential election on Sunday. Ana Lusk won with 58.2 percent, followed by "
        "Boris Vale at 30.1 percent.",
        "In the presidential election in Norland on Sunday, Ana Lusk and Boris Vale won 58.2 and 30.1 "
        "percent respectively.",
        "Norland held its presidential election on Sunday. The results: Ana Lusk with 58.2%, Boris Vale with "
        "30.1%.",
    ],
)
def test_shares_in_the_forms_newsrooms_write_them(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 58.2, "boris-vale": 30.1}


@pytest.mark.parametrize(
    "text",
    [
        "Norland held its presidential election on Sunday. Ana Lusk received 412,300 votes - or 58.2 "
        "percent - followed by Boris Vale with 215,000 votes, 30.1 percent.",
        "Norland held its presidential election on Sunday. With 97.5% of the votes tallied, Ana Lusk had "
        "58.2% support and Boris Vale 30.1%.",
        "Norland held its presidential election on Sunday. Results:\n\n\u2022 Ana Lusk \u2013 58.2% "
        "(412,300)\n\u2022 Boris Vale \u2013 215,000 (30.1%)\n",
        "Norland held its presidential election on Sunday. Ana Lusk got 412,300 votes, representing 58.2 "
        "percent, while Boris Vale, who placed second, took 30.1 percent.",
    ],
)
def test_shares_restating_counts_lists_and_gapped_clauses(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 58.2, "boris-vale": 30.1}


@pytest.mark.parametrize(
    "text",
    [
        "Norland held its presidential election on Sunday. With 99.5 percent of polling stations reporting, "
        "Ana Lusk led with 58.2 percent.",
        "Norland held its presidential election on Sunday. Ana Lusk led with 58.2 percent, with 90% of the "
        "ballots counted. Boris Vale needed to win more than 50 percent to avoid a runoff.",
        "Norland held its presidential election on Sunday. Ana Lusk won 58.2 percent. A survey published "
        "on Friday had given Boris Vale 44 percent.",
    ],
)
def test_counting_thresholds_and_surveys_are_no_ones_share(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 58.2}


RURITANIA: Names = {
    **NORLAND,
    "Ruritania": (T.COUNTRY, "Ruritania", None),
    "Norland's": (T.COUNTRY, "Norland", None),
    "Unity Party": (T.PARTY, "Unity Party", "Norland"),
}


def elections_of(nlp: Language, text: str, published: date = date(2024, 6, 4)) -> list[Election]:
    return extract_elections(make_ctx(nlp, text, published, RURITANIA))[0]


def ids(elections: list[Election]) -> set[str]:
    return {e.id for e in elections}


def test_a_clause_on_the_election_or_the_verb_of_voting_dates_it(nlp: Language) -> None:
    text = (
        "Ana Lusk conceded defeat in Norland's presidential election runoff on Friday. The election, which "
        "took place on Wednesday, was calm. Boris Vale won 51.2 percent."
    )
    assert ids(elections_of(nlp, text)) == {"election:norland:presidential:2024-05-29"}
    text = (
        "Ana Lusk conceded defeat in Norland's presidential election runoff on Friday. Boris Vale won 51.2 "
        "percent. Around 2 million people were eligible to vote on Tuesday."
    )
    assert ids(elections_of(nlp, text)) == {"election:norland:presidential:2024-06-04"}


def test_the_round_told_in_the_past_is_dated_in_the_past_and_keeps_its_figures(nlp: Language) -> None:
    text = (
        "Ana Lusk and Boris Vale received the most votes in the first round of Norland's presidential "
        "election on Sunday and will face off in a runoff on June 30. Lusk currently has 1,200,500 votes - "
        "or 41.5 percent - followed by Vale with 900,100 votes, 31.2 percent."
    )
    names = {**RURITANIA, "Lusk": (T.PERSON, "Ana Lusk", None), "Vale": (T.PERSON, "Boris Vale", None)}
    elections = extract_elections(make_ctx(nlp, text, date(2024, 6, 3), names))[0]
    first = next(e for e in elections if e.date and e.date.value == "2024-06-02")
    assert {r.participant: r.vote_share for r in first.results} == {
        "person:ana-lusk": 41.5,
        "person:boris-vale": 31.2,
    }


def test_a_foreign_country_in_the_sentence_does_not_move_the_election(nlp: Language) -> None:
    text = (
        "Ana Lusk won the presidential election in Norland on May 12. Boris Vale, who fled to Ruritania "
        "after the vote, won only 10 percent."
    )
    elections = elections_of(nlp, text)
    assert ids(elections) == {"election:norland:presidential:2024-05-12"}
    assert {r.participant: r.vote_share for r in elections[0].results}["person:boris-vale"] == 10


def test_the_winners_office_tells_the_kind_and_authorities_are_no_election(nlp: Language) -> None:
    text = (
        "President Ana Lusk won a landslide victory in the May 12 election in Norland, according to election "
        "authorities."
    )
    assert ids(elections_of(nlp, text)) == {"election:norland:presidential:2024-05-12"}


def test_undated_figures_are_this_years_election_not_an_earlier_one_recalled(nlp: Language) -> None:
    text = (
        "Early results show the Unity Party ahead with 48.5 percent in Norland's parliamentary election. "
        "The Unity Party won in a landslide in the 2019 election, with 60 percent of the votes."
    )
    elections = elections_of(nlp, text)
    shares_by = {e.id: {r.participant: r.vote_share for r in e.results} for e in elections}
    assert shares_by == {
        "election:norland:parliamentary:2024": {"party:unity-party": 48.5},
        "election:norland:parliamentary:2019": {"party:unity-party": 60},
    }


def test_a_headline_figure_is_refined_by_the_exact_one(nlp: Language) -> None:
    text = (
        "Ana Lusk wins Norland presidential election with 88 percent. Lusk won 88.31 percent of valid votes."
    )
    names = {**RURITANIA, "Lusk": (T.PERSON, "Ana Lusk", None)}
    elections = extract_elections(make_ctx(nlp, text, date(2024, 6, 3), names))[0]
    assert [r.vote_share for r in elections[0].results] == [88.31]


def test_who_won_and_who_got_a_share_when_the_parse_points_elsewhere(nlp: Language) -> None:
    names = {**RURITANIA, "Lusk": (T.PERSON, "Ana Lusk", None)}

    def results(text: str) -> dict[str, tuple[float | None, bool | None]]:
        elections = extract_elections(make_ctx(nlp, text, date(2024, 6, 4), names))[0]
        return {r.participant: (r.vote_share, r.won) for e in elections for r in e.results}

    congratulated = results(
        "Boris Vale congratulated Ana Lusk on winning the presidential election in Norland on Sunday."
    )
    assert congratulated == {"person:ana-lusk": (None, True)}
    apposed = results(
        "Norland held its presidential election on Sunday. Lusk, the former leader of the Unity Party, got "
        "61.5 percent."
    )
    assert apposed == {"person:ana-lusk": (61.5, True)}
    titled = results(
        "President Ana Lusk was re-elected in Norland on Sunday. The president won 61.5 percent of the vote."
    )
    assert titled == {"person:ana-lusk": (61.5, True)}


@pytest.mark.parametrize(
    "text",
    [
        "Norland held its presidential election on Sunday. Boris Vale won only about 30.1% to Ana Lusk's "
        "58.2%. Some 71.5% of eligible voters cast a ballot.",
        "Norland held its presidential election on Sunday. Ana Lusk won 58.2 percent, and challenger Boris "
        "Vale (Boris V.) 30.1 percent.",
    ],
)
def test_possessed_and_parenthesised_figures(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 58.2, "boris-vale": 30.1}


def test_a_name_taken_in_part_still_holds_its_figure(nlp: Language) -> None:
    text = (
        "Norland held its presidential election on Sunday. Boris Vale won 58.2 percent and Ivo Ilia Marek "
        "30.1 percent."
    )
    names: Names = {**NORLAND, "Ivo Ilia": (T.PERSON, "Ivo Ilia", None), "SBU": (T.ORGANIZATION, "SBU", None)}
    elections = extract_elections(make_ctx(nlp, text, date(2024, 6, 3), names))[0]
    assert {r.participant: r.vote_share for r in elections[0].results} == {
        "person:boris-vale": 58.2,
        "person:ivo-ilia": 30.1,
    }
    text = (
        "Norland held its presidential election on Sunday. Boris Vale won 58.2 percent, ex-head of the SBU "
        "Ivo Marek - 5.9%."
    )
    elections = extract_elections(make_ctx(nlp, text, date(2024, 6, 3), {**NORLAND, "SBU": names["SBU"]}))[0]
    assert "organization:sbu" not in {r.participant for r in elections[0].results}


def test_the_office_filled_tells_the_kind_and_a_weekend_vote_its_month(nlp: Language) -> None:
    text = (
        "Crowds in Norland awaited the results of the weekend election to select a new president. "
        "Ana Lusk had 41.2 percent of the votes."
    )
    assert ids(elections_of(nlp, text, date(2024, 6, 5))) == {"election:norland:presidential:2024-06"}


def test_a_party_named_in_its_own_phrase_is_not_the_party_before(nlp: Language) -> None:
    names: Names = {"Norland": (T.COUNTRY, "Norland", None), "Unity": (T.PARTY, "Unity Party", "Norland")}
    text = (
        "Norland held its parliamentary election on Sunday. The ruling Unity party is ahead. The Zelbo party "
        "has secured 31 per cent so far."
    )
    elections = extract_elections(make_ctx(nlp, text, date(2024, 6, 3), names))[0]
    assert [r for e in elections for r in e.results if r.vote_share == 31] == []


@pytest.mark.parametrize(
    "text",
    [
        "Norland held its presidential election on Sunday. Ana Lusk currently has 1,200,500 votes - or 58.2 "
        "percent - followed by Boris Vale, a former mayor and the surprise of the day, with 600,100 votes, "
        "30.1 percent.",
        "Norland held its presidential election on Sunday. Ana Lusk won 58.2 per cent of the vote, against "
        "30.1 per cent for her challenger, Boris Vale.",
    ],
)
def test_figures_hung_far_from_their_holder(nlp: Language, text: str) -> None:
    assert shares(nlp, text) == {"ana-lusk": 58.2, "boris-vale": 30.1}
