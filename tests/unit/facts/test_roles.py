"""Offices, memberships and leadership from titles, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from ingest.facts.context import FactContext
from ingest.facts.roles import extract_roles
from ingest.ids import entity_id
from ingest.models import EntityType, Relation
from tests.unit.factctx import Names, make_context

P, C, PA, L = EntityType.PERSON, EntityType.COUNTRY, EntityType.PARTY, EntityType.LOCATION


def make_ctx(nlp: Language, text: str, actors: dict[str, tuple[EntityType, str]]) -> FactContext:
    """`actors`: mention text -> (type, canonical name); every occurrence becomes a resolved span."""
    names: Names = {mention: (etype, name, None) for mention, (etype, name) in actors.items()}
    return make_context(nlp, text, names, date(2020, 5, 1), "a2")


def roles(ctx: FactContext) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in extract_roles(ctx)}


def first(ctx: FactContext, rtype: str) -> Relation:
    return next(r for r in extract_roles(ctx) if r.type == rtype)


def test_demonym_president(nlp: Language) -> None:
    ctx = make_ctx(
        nlp,
        "Mongolian President Bat Erdene visited Seoul.",
        {"Mongolian": (C, "Mongolia"), "Bat Erdene": (P, "Bat Erdene")},
    )
    office = entity_id(EntityType.OFFICE, "President of Mongolia")
    assert ("HOLDS_ROLE", "person:bat-erdene", office) in roles(ctx)
    assert ctx.new_entities[office].country == "country:mongolia"
    assert ctx.new_entities[office].type == EntityType.OFFICE


def test_appositive_country_prime_minister(nlp: Language) -> None:
    text = "Sven Aalto, Finland's prime minister, resigned."
    ctx = make_ctx(nlp, text, {"Sven Aalto": (P, "Sven Aalto"), "Finland": (C, "Finland")})
    office = entity_id(EntityType.OFFICE, "Prime Minister of Finland")
    assert ("HOLDS_ROLE", "person:sven-aalto", office) in roles(ctx)


def test_bare_title_uses_article_country(nlp: Language) -> None:
    text = "Protests spread across Chile. Prime Minister Rosa Vidal promised reforms."
    ctx = make_ctx(nlp, text, {"Chile": (C, "Chile"), "Rosa Vidal": (P, "Rosa Vidal")})
    rel = first(ctx, "HOLDS_ROLE")
    assert rel.target == entity_id(EntityType.OFFICE, "Prime Minister of Chile")
    assert rel.confidence < 0.7


def test_former_title(nlp: Language) -> None:
    text = "Former Peruvian President Luis Garza was questioned."
    ctx = make_ctx(nlp, text, {"Peruvian": (C, "Peru"), "Luis Garza": (P, "Luis Garza")})
    rel = first(ctx, "HOLDS_ROLE")
    assert rel.attributes.get("former") is True
    assert rel.target == entity_id(EntityType.OFFICE, "President of Peru")


def test_party_candidate_member(nlp: Language) -> None:
    text = "Liberal Front candidate Ana Moss won the district."
    ctx = make_ctx(nlp, text, {"Liberal Front": (PA, "Liberal Front"), "Ana Moss": (P, "Ana Moss")})
    out = roles(ctx)
    assert ("MEMBER_OF", "person:ana-moss", "party:liberal-front") in out
    assert not any(t == "LEADS" for t, _, _ in out)


def test_party_leader_leads(nlp: Language) -> None:
    text = "Civic Alliance leader Pavel Hruby spoke."
    ctx = make_ctx(nlp, text, {"Civic Alliance": (PA, "Civic Alliance"), "Pavel Hruby": (P, "Pavel Hruby")})
    out = roles(ctx)
    assert ("LEADS", "person:pavel-hruby", "party:civic-alliance") in out
    assert ("MEMBER_OF", "person:pavel-hruby", "party:civic-alliance") in out


def test_party_anaphor_general_secretary(nlp: Language) -> None:
    text = (
        "The Workers Union held a congress. "
        "Its delegates cheered when Dara Kim, the party's general secretary, spoke."
    )
    ctx = make_ctx(nlp, text, {"Workers Union": (PA, "Workers Union"), "Dara Kim": (P, "Dara Kim")})
    out = roles(ctx)
    assert ("MEMBER_OF", "person:dara-kim", "party:workers-union") in out
    assert ("LEADS", "person:dara-kim", "party:workers-union") in out


def test_co_chairman_of_party(nlp: Language) -> None:
    text = "Olga Petrova, the Green Path's co-chairman, denied the claim."
    ctx = make_ctx(nlp, text, {"Olga Petrova": (P, "Olga Petrova"), "Green Path": (PA, "Green Path")})
    out = roles(ctx)
    assert ("MEMBER_OF", "person:olga-petrova", "party:green-path") in out
    assert ("LEADS", "person:olga-petrova", "party:green-path") in out


def test_who_leads(nlp: Language) -> None:
    text = "The rally was called by Emil Sorin, who leads the Unity Bloc."
    ctx = make_ctx(nlp, text, {"Emil Sorin": (P, "Emil Sorin"), "Unity Bloc": (PA, "Unity Bloc")})
    assert ("LEADS", "person:emil-sorin", "party:unity-bloc") in roles(ctx)


def test_possessive_party_leads(nlp: Language) -> None:
    text = "Marek Zielny's Freedom Party gained seats."
    ctx = make_ctx(nlp, text, {"Marek Zielny": (P, "Marek Zielny"), "Freedom Party": (PA, "Freedom Party")})
    assert ("LEADS", "person:marek-zielny", "party:freedom-party") in roles(ctx)


def test_mayor_of_city(nlp: Language) -> None:
    text = "Mayor Ilse Brandt of Graz opened the session."
    ctx = make_ctx(nlp, text, {"Ilse Brandt": (P, "Ilse Brandt"), "Graz": (L, "Graz")})
    assert ("HOLDS_ROLE", "person:ilse-brandt", entity_id(EntityType.OFFICE, "Mayor of Graz")) in roles(ctx)


def test_no_title_no_role(nlp: Language) -> None:
    ctx = make_ctx(nlp, "Nina Holm visited Oslo.", {"Nina Holm": (P, "Nina Holm"), "Oslo": (L, "Oslo")})
    assert extract_roles(ctx) == []


def test_coordinated_title_shares_the_country(nlp: Language) -> None:
    ctx = make_ctx(
        nlp,
        "He praised Peruvian President Ana Soto and Prime Minister Luis Vega.",
        {"Peruvian": (C, "Peru"), "Ana Soto": (P, "Ana Soto"), "Luis Vega": (P, "Luis Vega")},
    )
    found = roles(ctx)
    assert ("HOLDS_ROLE", "person:luis-vega", "office:prime-minister-of-peru") in found
    assert ("HOLDS_ROLE", "person:ana-soto", "office:president-of-peru") in found


def test_possessor_of_named_party_leads_it(nlp: Language) -> None:
    ctx = make_ctx(
        nlp,
        "Soto's Renewal Front party won most seats in Sunday's vote.",
        {"Soto": (P, "Ana Soto"), "Renewal Front": (PA, "Renewal Front")},
    )
    assert ("LEADS", "person:ana-soto", "party:renewal-front") in roles(ctx)


def test_a_state_title_held_in_a_named_body(nlp: Language) -> None:
    ctx = make_ctx(
        nlp,
        "Union Commission President Ana Lusk met farmers in Brava.",
        {"Union Commission": (EntityType.ORGANIZATION, "Union Commission"), "Ana Lusk": (P, "Ana Lusk")},
    )
    office = entity_id(EntityType.OFFICE, "President of Union Commission")
    assert ("HOLDS_ROLE", "person:ana-lusk", office) in roles(ctx)
    assert ("MEMBER_OF", "person:ana-lusk", "organization:union-commission") in roles(ctx)
