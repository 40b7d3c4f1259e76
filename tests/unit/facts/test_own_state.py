"""An office holder or a state body has no interaction with its own state; force and opposition stay."""

from __future__ import annotations

from ingest.facts.own_state import without_acts_on_own_state
from ingest.models import Entity, EntityType, Evidence, Relation

E = EntityType
ENTITIES = {
    e.id: e
    for e in (
        Entity(id="country:norland", type=E.COUNTRY, name="Norland"),
        Entity(id="country:ostmark", type=E.COUNTRY, name="Ostmark"),
        Entity(id="person:ana-lusk", type=E.PERSON, name="Ana Lusk"),
        Entity(id="person:boris-vale", type=E.PERSON, name="Boris Vale"),
        Entity(
            id="office:president-of-norland",
            type=E.OFFICE,
            name="President of Norland",
            country="country:norland",
        ),
        Entity(
            id="organization:police-of-norland",
            type=E.ORGANIZATION,
            name="Police of Norland",
            country="country:norland",
        ),
        Entity(
            id="organization:norland-league", type=E.PARTY, name="Norland League", country="country:norland"
        ),
    )
}


def rel(rtype: str, source: str, target: str, **attributes: object) -> Relation:
    evidence = Evidence(article_id="a", sentence="s", start_char=0, end_char=1, rule="test")
    return Relation(type=rtype, source=source, target=target, evidence=evidence, attributes=attributes)


def kept(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in without_acts_on_own_state(relations, ENTITIES)}


def test_an_office_holder_does_not_consult_or_back_their_own_state() -> None:
    role = rel("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland")
    out = kept(
        [
            role,
            rel("CONSULT", "person:ana-lusk", "country:norland"),
            rel("SUPPORT", "person:ana-lusk", "country:ostmark"),
        ]
    )
    assert out == {
        ("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland"),
        ("SUPPORT", "person:ana-lusk", "country:ostmark"),
    }


def test_force_against_the_own_country_and_the_opposition_stay() -> None:
    role = rel("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland")
    out = kept(
        [
            role,
            rel("COERCE", "person:ana-lusk", "country:norland"),
            rel("ACCUSE", "person:boris-vale", "country:norland"),
        ]
    )
    assert ("COERCE", "person:ana-lusk", "country:norland") in out
    assert ("ACCUSE", "person:boris-vale", "country:norland") in out


def test_a_state_body_but_not_a_party_acts_for_its_state() -> None:
    out = kept(
        [
            rel("COOPERATE", "organization:police-of-norland", "country:norland"),
            rel("ACCUSE", "organization:norland-league", "country:norland"),
        ]
    )
    assert out == {("ACCUSE", "organization:norland-league", "country:norland")}


def test_an_office_guessed_from_the_article_yields_to_the_persons_dealings_with_that_country() -> None:
    guessed = rel("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland", country_of="article")
    support = rel("SUPPORT", "person:ana-lusk", "country:norland")
    out = kept([guessed, support])
    # She backs Norland: a visitor, not its president; the backing stays.
    assert out == {("SUPPORT", "person:ana-lusk", "country:norland")}
    # An office the text gives its country for holds, and its holder still has no talks with her own state.
    stated = rel("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland")
    assert kept([stated, support]) == {("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland")}
    # A guessed office with no dealings with that country stays.
    assert kept([guessed]) == {("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland")}


def test_a_states_own_word_on_its_act_is_no_claim_and_an_outsiders_is() -> None:
    office = rel("HOLDS_ROLE", "person:ana-lusk", "office:president-of-norland")
    told = [
        # Norland's president tells of Norland's act.
        rel("SANCTION", "country:norland", "country:ostmark").model_copy(
            update={"claimed_by": "person:ana-lusk"}
        ),
        # Norland's police tell of it.
        rel("COERCE", "country:norland", "person:boris-vale").model_copy(
            update={"claimed_by": "organization:police-of-norland"}
        ),
        # An actor's own word on its own act.
        rel("ACCUSE", "person:boris-vale", "country:ostmark").model_copy(
            update={"claimed_by": "person:boris-vale"}
        ),
        # Someone else's claim stays one.
        rel("ASSAULT", "country:ostmark", "person:boris-vale").model_copy(
            update={"claimed_by": "person:ana-lusk"}
        ),
    ]
    out = {(r.type, r.claimed_by) for r in without_acts_on_own_state([office, *told], ENTITIES)}
    assert ("SANCTION", None) in out and ("COERCE", None) in out and ("ACCUSE", None) in out
    assert ("ASSAULT", "person:ana-lusk") in out
