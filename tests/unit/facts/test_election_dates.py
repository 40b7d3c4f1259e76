"""Elections found and dated though no date is written beside them: a win told in the present perfect, a
victory dated in its own phrase."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.unit.facts.test_election_shares import OPENING, elections_of


def ids(nlp: Language, text: str, published: date = date(2024, 6, 4)) -> set[str]:
    return {e.id for e in elections_of(nlp, text, published=published)}


def test_a_win_in_the_present_perfect_is_this_years(nlp: Language) -> None:
    text = OPENING + "The Unity Party has also won the parliamentary election, Ana Lusk said."
    assert "election:peru:parliamentary:2024" in ids(nlp, text)
    # told in the past perfect, or in the first days of January, it may be any year's
    text = OPENING + "The Unity Party had won the parliamentary election, Ana Lusk said."
    assert "election:peru:parliamentary:2024" not in ids(nlp, text)
    text = OPENING + "The Unity Party has also won the parliamentary election, Ana Lusk said."
    assert "election:peru:parliamentary:2025" not in ids(nlp, text, date(2025, 1, 3))


def test_a_victory_dated_in_its_own_phrase_is_an_election_of_its_own(nlp: Language) -> None:
    text = (
        OPENING + "Boris Vale won 52.3 percent. "
        '"This election proves that Boris Vale\'s victory in 2019 was no accident," Omar Diallo said.'
    )
    assert ids(nlp, text) == {"election:peru:presidential:2024-06-02", "election:peru:presidential:2019"}


def test_figures_told_in_the_present_are_the_count_not_the_election_recalled_before(nlp: Language) -> None:
    text = (
        "Peru held its parliamentary election on Sunday. The Unity Party has 44.2 percent so far. It swept "
        "the 2019 election, taking 58.6 percent. Ana Lusk has personally won 21.3 percent of all votes."
    )
    found = {
        (e.id, r.participant.split(":", 1)[1]): r.vote_share
        for e in elections_of(nlp, text)
        for r in e.results
        if r.vote_share is not None
    }
    assert found[("election:peru:parliamentary:2024-06-02", "ana-lusk")] == 21.3
    assert found[("election:peru:parliamentary:2019", "unity-party")] == 58.6
    # told in the past, the next sentence goes on with the election recalled
    text = (
        "Peru held its parliamentary election on Sunday. The Unity Party swept the 2019 election. "
        "It took 58.6 percent of the vote."
    )
    assert {e.id for e in elections_of(nlp, text) if e.results} == {"election:peru:parliamentary:2019"}
