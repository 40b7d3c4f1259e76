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


def test_a_former_post_is_not_a_current_role(nlp: Language) -> None:
    for text in (
        "Former Peruvian President Luis Garza was questioned.",
        "Peruvian ex-President Luis Garza was questioned.",
        "Luis Garza, a former Peruvian president, was questioned.",
    ):
        ctx = make_ctx(nlp, text, {"Peruvian": (C, "Peru"), "Luis Garza": (P, "Luis Garza")})
        assert extract_roles(ctx) == [], text


def test_the_outgoing_president_still_holds_office(nlp: Language) -> None:
    text = "Outgoing Peruvian President Luis Garza conceded."
    ctx = make_ctx(nlp, text, {"Peruvian": (C, "Peru"), "Luis Garza": (P, "Luis Garza")})
    assert ("HOLDS_ROLE", "person:luis-garza", "office:president-of-peru") in roles(ctx)


def test_a_title_in_a_phrase_about_someone_else(nlp: Language) -> None:
    text = "Tomas Ruiz, son of a former Peruvian president, won the seat."
    ctx = make_ctx(nlp, text, {"Peruvian": (C, "Peru"), "Tomas Ruiz": (P, "Tomas Ruiz")})
    assert extract_roles(ctx) == []


def test_each_coordinated_title_with_its_own_qualifier(nlp: Language) -> None:
    text = "Unity Bloc leader and Ruritanian Foreign Minister Ivo Brandt met the press."
    ctx = make_ctx(
        nlp,
        text,
        {"Unity Bloc": (PA, "Unity Bloc"), "Ruritanian": (C, "Ruritania"), "Ivo Brandt": (P, "Ivo Brandt")},
    )
    found = roles(ctx)
    assert ("LEADS", "person:ivo-brandt", "party:unity-bloc") in found
    assert ("HOLDS_ROLE", "person:ivo-brandt", "office:foreign-minister-of-ruritania") in found
    assert not any(t == "HOLDS_ROLE" and "leader" in o for t, _, o in found)


def test_a_title_before_another_persons_name_is_theirs(nlp: Language) -> None:
    text = "Premier Ana Soto and Ruritanian President, Ivo Brandt, met in Brava."
    ctx = make_ctx(
        nlp,
        text,
        {"Ana Soto": (P, "Ana Soto"), "Ruritanian": (C, "Ruritania"), "Ivo Brandt": (P, "Ivo Brandt")},
    )
    found = roles(ctx)
    assert ("HOLDS_ROLE", "person:ivo-brandt", "office:president-of-ruritania") in found
    assert ("HOLDS_ROLE", "person:ivo-brandt", "office:prime-minister-of-ruritania") not in found


def test_a_counterpart_holds_the_same_office_in_the_country_named(nlp: Language) -> None:
    text = "Ruritanian Foreign Minister Ivo Brandt met his Osterlich counterpart Ana Soto in Brava."
    ctx = make_ctx(
        nlp,
        text,
        {
            "Ruritanian": (C, "Ruritania"),
            "Osterlich": (C, "Osterlich"),
            "Ivo Brandt": (P, "Ivo Brandt"),
            "Ana Soto": (P, "Ana Soto"),
        },
    )
    found = roles(ctx)
    assert ("HOLDS_ROLE", "person:ana-soto", "office:foreign-minister-of-osterlich") in found
    assert ("HOLDS_ROLE", "person:ivo-brandt", "office:foreign-minister-of-ruritania") in found


def test_the_head_of_a_named_body_leads_it(nlp: Language) -> None:
    org = EntityType.ORGANIZATION
    for text, body in (
        ("Poll Authority President Ana Lusk announced the count.", "Poll Authority"),
        ("Green Guard chief Ana Lusk announced the count.", "Green Guard"),
        ("Ana Lusk, the head of the Poll Authority, announced the count.", "Poll Authority"),
    ):
        ctx = make_ctx(nlp, text, {body: (org, body), "Ana Lusk": (P, "Ana Lusk")})
        found = roles(ctx)
        assert ("LEADS", "person:ana-lusk", entity_id(org, body)) in found, text
        assert not any(t == "HOLDS_ROLE" for t, _, _ in found), text


def test_a_narrower_post_of_a_body_does_not_lead_it(nlp: Language) -> None:
    org = EntityType.ORGANIZATION
    text = "The Union Council's trade policy chief, Ana Lusk, announced the tariffs."
    ctx = make_ctx(nlp, text, {"Union Council": (org, "Union Council"), "Ana Lusk": (P, "Ana Lusk")})
    found = roles(ctx)
    assert not any(t == "LEADS" for t, _, _ in found)
    office = entity_id(EntityType.OFFICE, "Trade Policy Chief of Union Council")
    assert ("HOLDS_ROLE", "person:ana-lusk", office) in found


def test_a_government_spokesman_is_a_national_post(nlp: Language) -> None:
    text = "Ruritania closed its border, government spokesman Ivo Brandt said."
    ctx = make_ctx(nlp, text, {"Ruritania": (C, "Ruritania"), "Ivo Brandt": (P, "Ivo Brandt")})
    office = entity_id(EntityType.OFFICE, "Government Spokesman of Ruritania")
    assert ("HOLDS_ROLE", "person:ivo-brandt", office) in roles(ctx)


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
    # Leading the party says he belongs to it: no second fact.
    assert ("MEMBER_OF", "person:pavel-hruby", "party:civic-alliance") not in out


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
        "Union Commission Vice President Ana Lusk met farmers in Brava.",
        {"Union Commission": (EntityType.ORGANIZATION, "Union Commission"), "Ana Lusk": (P, "Ana Lusk")},
    )
    office = entity_id(EntityType.OFFICE, "Vice President of Union Commission")
    assert ("HOLDS_ROLE", "person:ana-lusk", office) in roles(ctx)
    assert ("MEMBER_OF", "person:ana-lusk", "organization:union-commission") in roles(ctx)


def test_a_deputy_holds_a_lower_post(nlp: Language) -> None:
    text = "Gunmen attacked the deputy governor of the Brava region, Ivo Brandt, on Monday."
    ctx = make_ctx(nlp, text, {"Brava": (L, "Brava"), "Ivo Brandt": (P, "Ivo Brandt")})
    found = roles(ctx)
    assert (
        "HOLDS_ROLE",
        "person:ivo-brandt",
        entity_id(EntityType.OFFICE, "Deputy Governor of Brava"),
    ) in found
    assert not any("member-of-parliament" in o or o == "office:governor-of-brava" for _, _, o in found)


def test_the_head_of_a_branch_does_not_lead_the_body(nlp: Language) -> None:
    text = "Unity Bloc Brava President Ivo Brandt said the party had won."
    ctx = make_ctx(
        nlp, text, {"Unity Bloc": (PA, "Unity Bloc"), "Brava": (L, "Brava"), "Ivo Brandt": (P, "Ivo Brandt")}
    )
    found = roles(ctx)
    assert ("MEMBER_OF", "person:ivo-brandt", "party:unity-bloc") in found
    assert not any(t == "LEADS" for t, _, _ in found)
    assert not any(t == "HOLDS_ROLE" for t, _, _ in found)


def test_its_president_is_the_head_of_the_body_named_before(nlp: Language) -> None:
    org = EntityType.ORGANIZATION
    text = "The count was slowed by outages at the Poll Council, according to its president, Ana Lusk."
    ctx = make_ctx(nlp, text, {"Poll Council": (org, "Poll Council"), "Ana Lusk": (P, "Ana Lusk")})
    found = roles(ctx)
    assert ("LEADS", "person:ana-lusk", "organization:poll-council") in found
    assert not any(t == "HOLDS_ROLE" for t, _, _ in found)


def test_an_apposition_after_the_age(nlp: Language) -> None:
    text = "Police detained Dara Kim, 71, the Workers Union's secretary-general, on Monday."
    ctx = make_ctx(nlp, text, {"Workers Union": (PA, "Workers Union"), "Dara Kim": (P, "Dara Kim")})
    found = roles(ctx)
    assert ("MEMBER_OF", "person:dara-kim", "party:workers-union") in found
    assert ("LEADS", "person:dara-kim", "party:workers-union") in found


def test_a_known_actor_holds_the_office_of_their_own_country(nlp: Language) -> None:
    # The dictionary of political actors (data/actors/phoenix_people.tsv) lists Paul Kagame for Rwanda.
    text = (
        "Fighting spread in Kenya, near Rwanda. Kenya closed schools. President Paul Kagame called for talks."
    )
    ctx = make_ctx(
        nlp, text, {"Kenya": (C, "Kenya"), "Rwanda": (C, "Rwanda"), "Paul Kagame": (P, "Paul Kagame")}
    )
    assert ("HOLDS_ROLE", "person:paul-kagame", "office:president-of-rwanda") in roles(ctx)


def test_a_known_actors_country_only_when_the_article_names_it(nlp: Language) -> None:
    text = "Fighting spread in Kenya. President Paul Kagame called for talks."
    ctx = make_ctx(nlp, text, {"Kenya": (C, "Kenya"), "Paul Kagame": (P, "Paul Kagame")})
    assert ("HOLDS_ROLE", "person:paul-kagame", "office:president-of-kenya") in roles(ctx)


def test_a_person_of_a_party_is_its_member(nlp: Language) -> None:
    for text in (
        "Ana Soto of the Renewal Party came second.",
        "Ana Soto, of the Renewal Party, came second.",
        "Ivo Brandt won, while Ana Soto is of the Renewal Party.",
        "Ana Soto is the candidate of the ruling Renewal Party.",
    ):
        ctx = make_ctx(nlp, text, {"Renewal Party": (PA, "Renewal Party"), "Ana Soto": (P, "Ana Soto")})
        assert ("MEMBER_OF", "person:ana-soto", "party:renewal-party") in roles(ctx), text


def test_a_person_of_a_place_is_no_member(nlp: Language) -> None:
    ctx = make_ctx(
        nlp, "Ana Soto of Brava came second.", {"Brava": (L, "Brava"), "Ana Soto": (P, "Ana Soto")}
    )
    assert roles(ctx) == set()


def test_a_monarchs_title_inside_the_name(nlp: Language) -> None:
    text = "Ruritania's King Hamad II condemned the attack."
    ctx = make_ctx(nlp, text, {"Ruritania": (C, "Ruritania"), "King Hamad II": (P, "King Hamad II")})
    office = entity_id(EntityType.OFFICE, "King of Ruritania")
    assert ("HOLDS_ROLE", "person:king-hamad-ii", office) in roles(ctx)


def test_a_title_with_elect_or_designate_after_it_is_not_yet_held(nlp: Language) -> None:
    text = "Peru's President-elect Ana Lusk met Peru's President Boris Vale."
    ctx = make_ctx(
        nlp, text, {"Peru": (C, "Peru"), "Ana Lusk": (P, "Ana Lusk"), "Boris Vale": (P, "Boris Vale")}
    )
    held = {r.source: r.attributes.get("future") for r in extract_roles(ctx) if r.type == "HOLDS_ROLE"}
    assert held.get(entity_id(P, "Ana Lusk")) is True
    assert not held.get(entity_id(P, "Boris Vale"))
