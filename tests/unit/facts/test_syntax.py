"""The shared clause rules (ingest/facts/syntax.py), on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.facts import syntax


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def subject_texts(doc: Doc, verb: str) -> tuple[list[str], bool]:
    found = syntax.subjects(word(doc, verb))
    return [t.text for t in found.tokens], found.passive


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The mayor did not endorse the plan.", "endorse"),
        ("The governor never met the strikers.", "met"),
        ("Ministers didn't attend the summit.", "attend"),
    ],
)
def test_negated_verbs(nlp: Language, text: str, verb: str) -> None:
    assert syntax.negated(word(nlp(text), verb))


def test_negated_noun_and_plain_verb(nlp: Language) -> None:
    doc = nlp("The union gave no support to the strike, and the mayor endorsed the plan.")
    assert syntax.negated(word(doc, "support"))
    assert not syntax.negated(word(doc, "endorsed"))


def test_own_subject_and_voice(nlp: Language) -> None:
    assert subject_texts(nlp("Farmers blocked the highway."), "blocked") == (["Farmers"], False)
    assert subject_texts(nlp("The editor was arrested by police."), "arrested") == (["editor"], True)


def test_stance_participle_is_not_passive(nlp: Language) -> None:
    doc = nlp("The farmers have been opposed to the reform for years.")
    assert subject_texts(doc, "opposed") == (["farmers"], False)


def test_subject_inherited_through_complement_and_control(nlp: Language) -> None:
    assert subject_texts(nlp("The council refused to approve the budget."), "approve")[0] == ["council"]
    # Under a verb of object control the object does what the complement says.
    assert subject_texts(nlp("The bishop urged the rebels to surrender."), "surrender")[0] == ["rebels"]


def test_the_accused_does_what_they_are_accused_of(nlp: Language) -> None:
    doc = nlp("The union accused the police of beating the strikers.")
    assert subject_texts(doc, "beating") == (["police"], False)
    doc = nlp("The mayor blamed the contractors for delaying the works.")
    assert subject_texts(doc, "delaying")[0] == ["contractors"]
    # With the accusation passive, its subject is the accused.
    doc = nlp("The governor was accused of taking bribes.")
    assert subject_texts(doc, "taking")[0] == ["governor"]


def test_a_participle_set_off_after_a_controlled_complement_is_the_controller_s(nlp: Language) -> None:
    doc = nlp("The bishop urged the rebels to lay down their arms, accusing them of terror.")
    assert subject_texts(doc, "accusing")[0] == ["bishop"]
    assert subject_texts(doc, "lay")[0] == ["rebels"]


def test_subject_inherited_by_coordinated_active_verb(nlp: Language) -> None:
    doc = nlp("The poet was expelled from the union and has criticised its leaders.")
    assert subject_texts(doc, "criticised") == (["poet"], False)


def test_subject_of_purpose_clause_and_participle(nlp: Language) -> None:
    assert subject_texts(nlp("Nurses walked out to protest the cuts."), "protest")[0] == ["Nurses"]
    doc = nlp("The journalist stayed in custody after being questioned.")
    assert subject_texts(doc, "questioned")[0] == ["journalist"]


def test_relative_pronoun_subject_and_its_noun(nlp: Language) -> None:
    doc = nlp("The writer, who criticised the decree, left the country.")
    assert subject_texts(doc, "criticised")[0] == ["who"]
    assert syntax.relative_antecedent(word(doc, "who")).text == "writer"
    assert syntax.relative_antecedent(word(doc, "decree")).text == "decree"


def test_without_denies_its_clause(nlp: Language) -> None:
    doc = nlp("The envoy left the talks without signing the accord.")
    assert syntax.negated(word(doc, "signing"))
    assert not syntax.negated(word(doc, "left"))


def test_clause_verb(nlp: Language) -> None:
    doc = nlp("Thousands joined the march in the capital.")
    assert syntax.clause_verb(word(doc, "capital")).text == "joined"  # type: ignore[union-attr]
    adjectival = nlp("The jailed activist spoke.")
    assert syntax.clause_verb(word(adjectival, "jailed")).text == "spoke"  # type: ignore[union-attr]


def test_objects_conjuncts_and_prepositional_objects(nlp: Language) -> None:
    doc = nlp("The envoy met the king and the queen in the palace.")
    met = word(doc, "met")
    (obj,) = syntax.objects(met)
    assert [t.text for t in syntax.conjuncts(obj)] == ["king", "queen"]
    assert [(t.text, p) for t, p in syntax.prepositional_objects(met)] == [("palace", "in")]
    assert syntax.prepositional_objects(met, {"with"}) == []


def test_lemma_falls_back_to_the_word(nlp: Language) -> None:
    doc = nlp("Protesters marched.")
    assert syntax.lemma(word(doc, "marched")) == "march"


def test_participle_adjunct_shares_the_subject_and_is_passive(nlp: Language) -> None:
    doc = nlp("The delegates left the hall, surrounded by police.")
    assert subject_texts(doc, "surrounded") == (["delegates"], True)


def test_headline_passive(nlp: Language) -> None:
    assert subject_texts(nlp("Opposition leader jailed for eight years."), "jailed") == (["leader"], True)
    assert subject_texts(nlp("Police jailed the editor."), "jailed") == (["Police"], False)


def test_coordinated_headline_verb_stays_passive(nlp: Language) -> None:
    doc = nlp("The editor was arrested on Monday and later jailed for five years.")
    assert subject_texts(doc, "jailed") == (["editor"], True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12.0),
        ("1,200", 1200.0),
        ("1.5 million", 1_500_000.0),
        ("twelve", 12.0),
        ("two thousand", 2000.0),
    ],
)
def test_number_value(text: str, value: float) -> None:
    assert syntax.number_value(text) == value


def test_numbers_that_are_not_numbers() -> None:
    assert syntax.number_value("dozens") is None
    assert syntax.number_value("") is None
    assert syntax.without_approximators("At least 12") == "12"


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("The union announced a strike.", "strike", True),
        ("The planned rally was cancelled.", "rally", True),
        ("Farmers called for protests.", "protests", True),
        ("Farmers held protests on Sunday.", "protests", False),
    ],
)
def test_planned(nlp: Language, text: str, noun: str, expected: bool) -> None:
    doc = nlp(text)
    tok = word(doc, noun)
    assert syntax.planned(tok.sent, tok) is expected


def test_no_longer_denies(nlp: Language) -> None:
    doc = nlp("The police will no longer tolerate the rallies.")
    assert syntax.negated(word(doc, "tolerate"))


def test_verb_lemma_of_a_participle_read_as_an_adjective(nlp: Language) -> None:
    doc = nlp("The jailed opposition leader went on hunger strike.")
    jailed = word(doc, "jailed")
    assert syntax.verb_lemma(jailed) == "jail"
    # Other words keep their own lemma.
    assert syntax.verb_lemma(word(doc, "leader")) == "leader"
