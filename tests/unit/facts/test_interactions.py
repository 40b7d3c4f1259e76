"""Interactions from dependency patterns, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from ingest.facts.context import FactContext
from ingest.facts.interactions import extract_interactions
from ingest.facts.plover_lexicon import load_plover_lexicon
from ingest.ids import entity_id
from ingest.models import PLOVER_TYPES, EntityType, Relation
from tests.unit.factctx import Names, make_context

P, C, PA = EntityType.PERSON, EntityType.COUNTRY, EntityType.PARTY


def make_ctx(nlp: Language, text: str, actors: dict[str, EntityType]) -> FactContext:
    """Every occurrence of each actor text becomes a resolved span of that actor."""
    names: Names = {name: (etype, name, None) for name, etype in actors.items()}
    return make_context(nlp, text, names, date(2021, 3, 10), "art1")


def rels(nlp: Language, text: str, actors: dict[str, EntityType]) -> list[Relation]:
    return extract_interactions(make_ctx(nlp, text, actors))


def triples(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.type, r.source.split(":", 1)[1], r.target.split(":", 1)[1]) for r in relations}


def test_lexicon_is_built_from_cameo_and_supplement() -> None:
    lex = load_plover_lexicon()
    assert lex.verb_sense("endorse", [], []) is not None
    assert lex.verb_sense("endorse", [], []).type == "SUPPORT"  # type: ignore[union-attr]
    assert lex.verb_sense("arrest", [], []).type == "COERCE"  # type: ignore[union-attr]
    assert lex.verb_sense("impose", [], ["sanctions"]).type == "SANCTION"  # type: ignore[union-attr]
    assert any(s.src == "cameo" for s in lex.verbs.values())
    assert lex.nouns["criticism"].type == "ACCUSE"


def test_active_subject_object(nlp: Language) -> None:
    out = rels(
        nlp, "Senator Lina Moretti endorsed Paolo Verdi on Monday.", {"Lina Moretti": P, "Paolo Verdi": P}
    )
    assert ("SUPPORT", "lina-moretti", "paolo-verdi") in triples(out)
    rel = next(r for r in out if r.type == "SUPPORT")
    assert rel.evidence.rule == "verb:active"
    assert rel.evidence.article_id == "art1"


def test_active_preposition(nlp: Language) -> None:
    out = rels(nlp, "Chile's foreign minister met with Peru on Friday.", {"Chile": C, "Peru": C})
    assert ("CONSULT", "chile", "peru") in triples(out)


def test_accuse_of(nlp: Language) -> None:
    text = "Jonas Berg accused Anna Lind of openly supporting Norway."
    out = rels(nlp, text, {"Jonas Berg": P, "Anna Lind": P, "Norway": C})
    t = triples(out)
    assert ("ACCUSE", "jonas-berg", "anna-lind") in t
    assert ("SUPPORT", "anna-lind", "norway") in t
    support = next(r for r in out if r.type == "SUPPORT")
    accuse = next(r for r in out if r.type == "ACCUSE")
    assert support.claimed_by == entity_id(P, "Jonas Berg")
    assert support.confidence < accuse.confidence


def test_reported_speech_claimed_by(nlp: Language) -> None:
    text = "Bolivia said Paraguay had attacked Uruguay."
    out = rels(nlp, text, {"Bolivia": C, "Paraguay": C, "Uruguay": C})
    assault = [r for r in out if r.type == "ASSAULT"]
    assert assault and assault[0].source == "country:paraguay" and assault[0].target == "country:uruguay"
    assert assault[0].claimed_by == "country:bolivia"


def test_xcomp_chain_and_compound_subject(nlp: Language) -> None:
    text = "Latvia and Estonia agreed to back Lithuania."
    t = triples(rels(nlp, text, {"Latvia": C, "Estonia": C, "Lithuania": C}))
    # Agreeing to back is the promise of it (AGREE), not yet the backing.
    assert ("AGREE", "latvia", "lithuania") in t
    assert ("AGREE", "estonia", "lithuania") in t
    assert not any(rtype == "SUPPORT" for rtype, _, _ in t)


def test_reciprocal_compound_subject(nlp: Language) -> None:
    t = triples(rels(nlp, "Ghana and Togo agreed on Tuesday.", {"Ghana": C, "Togo": C}))
    assert ("AGREE", "ghana", "togo") in t and ("AGREE", "togo", "ghana") in t


def test_conj_objects_and_conj_verbs(nlp: Language) -> None:
    text = "Kenya condemned Somalia and Ethiopia and threatened Eritrea."
    t = triples(rels(nlp, text, {"Kenya": C, "Somalia": C, "Ethiopia": C, "Eritrea": C}))
    assert ("ACCUSE", "kenya", "somalia") in t
    assert ("ACCUSE", "kenya", "ethiopia") in t
    assert ("THREATEN", "kenya", "eritrea") in t


def test_passive_with_agent(nlp: Language) -> None:
    t = triples(rels(nlp, "Marta Ruiz was backed by the Green Union.", {"Marta Ruiz": P, "Green Union": PA}))
    assert ("SUPPORT", "green-union", "marta-ruiz") in t


def test_passive_agent_police_becomes_country(nlp: Language) -> None:
    text = "In Georgia, Levan Beridze was arrested by police on Sunday."
    out = rels(nlp, text, {"Georgia": C, "Levan Beridze": P})
    assert ("COERCE", "georgia", "levan-beridze") in triples(out)


def test_passive_without_agent_uses_state(nlp: Language) -> None:
    text = "The opposition leader Tomas Novak was jailed in Slovakia on Monday."
    out = rels(nlp, text, {"Tomas Novak": P, "Slovakia": C})
    coerce = [r for r in out if r.type == "COERCE"]
    assert coerce and coerce[0].source == "country:slovakia" and coerce[0].target == "person:tomas-novak"
    assert coerce[0].confidence < 0.5


def test_negation_blocks_relation(nlp: Language) -> None:
    out = rels(nlp, "Poland did not support Germany.", {"Poland": C, "Germany": C})
    assert not [r for r in out if r.type == "SUPPORT"]


def test_refusal_is_reject(nlp: Language) -> None:
    out = rels(nlp, "Hungary refused to recognize Kosovo.", {"Hungary": C, "Kosovo": C})
    assert triples(out) == {("REJECT", "hungary", "kosovo")}
    assert out[0].attributes.get("refused") == "recognize"


def test_appositive_chosen_successor(nlp: Language) -> None:
    text = "Ivo Marek, the chosen successor of Karel Dvorak, won the vote."
    t = triples(rels(nlp, text, {"Ivo Marek": P, "Karel Dvorak": P}))
    assert ("SUPPORT", "karel-dvorak", "ivo-marek") in t


def test_relative_clause(nlp: Language) -> None:
    text = "Analysts praised Omar Haddad, who criticized Jordan last week."
    t = triples(rels(nlp, text, {"Omar Haddad": P, "Jordan": C}))
    assert ("ACCUSE", "omar-haddad", "jordan") in t


def test_nominal_possessive_for(nlp: Language) -> None:
    text = "Austria's support for Slovenia surprised observers."
    assert ("SUPPORT", "austria", "slovenia") in triples(rels(nlp, text, {"Austria": C, "Slovenia": C}))


def test_nominal_criticism_light_verb(nlp: Language) -> None:
    text = "Belgium voiced sharp criticism of Luxembourg."
    assert ("ACCUSE", "belgium", "luxembourg") in triples(rels(nlp, text, {"Belgium": C, "Luxembourg": C}))


def test_nominal_thanks(nlp: Language) -> None:
    text = "Mirza Aliyev thanked Turkey for its support."
    assert ("SUPPORT", "turkey", "mirza-aliyev") in triples(rels(nlp, text, {"Mirza Aliyev": P, "Turkey": C}))


def test_nominal_talks_between(nlp: Language) -> None:
    text = "Telephone talks between Armenia and Iran lasted an hour."
    out = rels(nlp, text, {"Armenia": C, "Iran": C})
    t = triples(out)
    assert ("CONSULT", "armenia", "iran") in t and ("CONSULT", "iran", "armenia") in t
    assert all(r.attributes.get("mode") == "phone" for r in out if r.type == "CONSULT")


def test_nominal_meeting_with_takes_main_subject(nlp: Language) -> None:
    text = "After a meeting with Tunisia, Morocco announced new rules."
    assert ("CONSULT", "morocco", "tunisia") in triples(rels(nlp, text, {"Tunisia": C, "Morocco": C}))


def test_no_relation_without_actors(nlp: Language) -> None:
    assert rels(nlp, "The committee praised the new budget.", {}) == []


def test_conjunct_takes_passive_subject_as_active(nlp: Language) -> None:
    text = "Ilse Brandt is legally barred from standing again and has openly endorsed Marek Nowak."
    out = rels(nlp, text, {"Ilse Brandt": P, "Marek Nowak": P})
    assert ("SUPPORT", "ilse-brandt", "marek-nowak") in triples(out)


def test_agentless_passive_ban_is_not_state_coercion(nlp: Language) -> None:
    text = "In Chile, Ilse Brandt was barred from the race."
    out = rels(nlp, text, {"Ilse Brandt": P, "Chile": C})
    assert not any(r.type == "COERCE" for r in out)


def test_agentless_passive_arrest_is_the_state(nlp: Language) -> None:
    text = "In Chile, Ilse Brandt was arrested on Monday."
    out = rels(nlp, text, {"Ilse Brandt": P, "Chile": C})
    assert ("COERCE", "chile", "ilse-brandt") in triples(out)


def test_headline_passive_without_auxiliary(nlp: Language) -> None:
    text = "Chile: opposition leader Ilse Brandt jailed for six years for fraud."
    out = rels(nlp, text, {"Ilse Brandt": P, "Chile": C})
    assert ("COERCE", "chile", "ilse-brandt") in triples(out)
    assert not any(r.source == "person:ilse-brandt" for r in out)


def test_accused_of_second_conjoined_complement(nlp: Language) -> None:
    text = (
        'Jonas Berg accused Danish officials of "interfering in the vote" and of quietly backing Anna Lind.'
    )
    out = rels(nlp, text, {"Jonas Berg": P, "Danish officials": C, "Anna Lind": P})
    t = triples(out)
    assert ("ACCUSE", "jonas-berg", "danish-officials") in t
    support = [r for r in out if r.type == "SUPPORT" and r.target == "person:anna-lind"]
    assert support and support[0].source == "country:danish-officials"
    assert support[0].claimed_by == "person:jonas-berg"


def test_pronoun_subject_from_previous_sentence(nlp: Language) -> None:
    text = "Ilse Brandt arrived in Oslo on Monday. She thanked Norway for its generous support."
    out = rels(nlp, text, {"Ilse Brandt": P, "Norway": C})
    assert ("SUPPORT", "norway", "ilse-brandt") in triples(out)


def test_object_pronoun_is_not_the_subject(nlp: Language) -> None:
    text = "Ilse Brandt said Marek Nowak was hiding in the capital and urged him to step down."
    out = rels(nlp, text, {"Ilse Brandt": P, "Marek Nowak": P})
    assert ("REQUEST", "ilse-brandt", "marek-nowak") in triples(out)
    assert not any(r.source == "person:marek-nowak" and r.type == "REQUEST" for r in out)


def test_named_member_of_a_group_acts(nlp: Language) -> None:
    text = "Marek Nowak said that several Danish lawmakers, including Jens Holm, had invited him to visit."
    out = rels(nlp, text, {"Marek Nowak": P, "Jens Holm": P, "Danish": C})
    assert ("CONSULT", "jens-holm", "marek-nowak") in triples(out)


def test_place_is_an_actor_and_the_target_of_an_act_done_there(nlp: Language) -> None:
    text = "Peru lifted the night curfew in Arequipa on Sunday."
    out = rels(nlp, text, {"Peru": C, "Arequipa": EntityType.LOCATION})
    assert ("CONCEDE", "peru", "arequipa") in triples(out)


def test_promise_of_cooperation_is_agree(nlp: Language) -> None:
    out = rels(nlp, "Norway will send medical supplies to Chad.", {"Norway": C, "Chad": C})
    t = triples(out)
    assert ("AGREE", "norway", "chad") in t
    assert ("AID", "norway", "chad") not in t  # not sent yet
    out = rels(nlp, "Norway continued to send medical supplies to Chad.", {"Norway": C, "Chad": C})
    assert ("AGREE", "norway", "chad") not in triples(out)


def test_ready_to_takes_the_subject_of_its_clause(nlp: Language) -> None:
    out = rels(nlp, "Norway is ready to send medical supplies to Chad.", {"Norway": C, "Chad": C})
    assert ("AGREE", "norway", "chad") in triples(out)


def test_threat_of_coercion_is_threaten(nlp: Language) -> None:
    out = rels(nlp, "Norway threatened to impose sanctions on Chad.", {"Norway": C, "Chad": C})
    assert ("THREATEN", "norway", "chad") in triples(out)


def test_demand_that(nlp: Language) -> None:
    out = rels(nlp, "Norway demanded that Chad release the prisoners.", {"Norway": C, "Chad": C})
    assert ("REQUEST", "norway", "chad") in triples(out)
    out = rels(nlp, "Norway said that Chad must release the prisoners.", {"Norway": C, "Chad": C})
    assert ("REQUEST", "norway", "chad") in triples(out)
    out = rels(nlp, "Norway said that Chad had released the prisoners.", {"Norway": C, "Chad": C})
    assert ("REQUEST", "norway", "chad") not in triples(out)
    # Any verb of saying does: "stressed", "reiterated".
    text = "A Norwegian envoy stressed that Chad must free the prisoners."
    out = rels(nlp, text, {"Norwegian": C, "Chad": C})
    assert ("REQUEST", "norwegian", "chad") in triples(out)


def test_a_that_clause_of_what_is_so_is_no_demand(nlp: Language) -> None:
    actors = {"Norway": C, "Chad": C, "Mali": C}
    for text in (
        "Norway insisted that Chad was the rightful winner of the vote.",  # a claim, not a demand
        "Norway said Mali would act should Chad refuse the offer.",  # a condition
        "Norway said the people of Chad should be proud of the vote.",  # a state
        "Norway insists that Chad has the votes.",
    ):
        assert ("REQUEST", "norway", "chad") not in triples(rels(nlp, text, actors)), text
    for text in ("Norway urged that Chad stop the raids.", "Norway said Chad must be ready to talk to Mali."):
        assert ("REQUEST", "norway", "chad") in triples(rels(nlp, text, actors)), text


def test_an_act_that_goes_on_is_no_promise(nlp: Language) -> None:
    out = triples(rels(nlp, "Norway will continue to support Chad in the talks.", {"Norway": C, "Chad": C}))
    assert ("SUPPORT", "norway", "chad") in out and ("AGREE", "norway", "chad") not in out
    out = triples(rels(nlp, "Norway will support Chad in the talks.", {"Norway": C, "Chad": C}))
    assert ("AGREE", "norway", "chad") in out


def test_a_subject_acting_on_itself_acts_on_no_one(nlp: Language) -> None:
    text = "Mali hopes to free itself from the sanctions imposed by Chad."
    out = triples(rels(nlp, text, {"Mali": C, "Chad": C}))
    assert not {t for t in out if t[1] == "mali"}, out


def test_a_name_after_a_coordinated_title_is_that_titles_holder(nlp: Language) -> None:
    text = "John Carter and Peruvian President, Boris Vale have exchanged views on trade."
    out = triples(rels(nlp, text, {"John Carter": P, "Peruvian": C, "Boris Vale": P}))
    assert ("CONSULT", "john-carter", "boris-vale") in out or ("CONSULT", "boris-vale", "john-carter") in out
    assert not {t for t in out if "peruvian" in t}, out


def test_a_share_of_support_is_a_tally_not_backing(nlp: Language) -> None:
    actors = {"Chad": C, "Mali": C, "Ana Lusk": P, "Boris Vale": P}
    text = "With most votes counted, Ana Lusk had 48% support and Boris Vale 43%."
    assert not [r for r in rels(nlp, text, actors) if r.type == "SUPPORT"]
    text = "Ana Lusk had 52 percent support in the poll, ahead of Boris Vale."
    assert not [r for r in rels(nlp, text, actors) if r.type == "SUPPORT"]


def test_talks_on_a_subject_are_not_talks_with_it(nlp: Language) -> None:
    actors = {"Chad": C, "Mali": C, "Niger": C}
    out = triples(rels(nlp, "Chad consulted with Mali on the future of Niger.", actors))
    assert ("CONSULT", "chad", "mali") in out and ("CONSULT", "chad", "niger") not in out
    out = triples(rels(nlp, "Chad cooperated on border security with Mali.", actors))
    assert ("COOPERATE", "chad", "mali") in out
    assert ("SANCTION", "chad", "niger") in triples(rels(nlp, "Chad imposed sanctions on Niger.", actors))


def test_calling_someone_something_is_no_phone_call(nlp: Language) -> None:
    actors = {"Chad": C, "Mali": C}
    naming = ("Chad called Mali a threat to the region.", "Chad condemned what it called Mali's repression.")
    for text in naming:
        assert ("CONSULT", "chad", "mali") not in triples(rels(nlp, text, actors)), text
    assert ("CONSULT", "chad", "mali") in triples(rels(nlp, "Chad called Mali on Monday.", actors))


def test_a_call_for_protests_against_someone_is_a_threat_of_protest(nlp: Language) -> None:
    actors = {"Boris Vale": P, "John Carter": P}
    for text in (
        "Boris Vale called for protests on Tuesday against President John Carter.",
        "Boris Vale called for protests against President John Carter.",
    ):
        out = triples(rels(nlp, text, actors))
        assert ("THREATEN", "boris-vale", "john-carter") in out, text
        assert ("REQUEST", "boris-vale", "john-carter") not in out, text


def test_one_listed_among_the_detained_was_detained(nlp: Language) -> None:
    actors = {"Chad": C, "Boris Vale": P, "John Carter": P}
    for text, person in (
        ("Among those detained in Chad was Vale's close aide, John Carter.", "john-carter"),
        ("Boris Vale was the latest opposition leader to be arrested in Chad.", "boris-vale"),
        ("John Carter was among those detained in Chad on Sunday.", "john-carter"),
    ):
        assert ("COERCE", "chad", person) in triples(rels(nlp, text, actors)), text
    text = "Boris Vale was among those not detained in Chad."
    assert ("COERCE", "chad", "boris-vale") not in triples(rels(nlp, text, actors))


def test_support_had_or_received_is_given_by_the_one_it_is_of(nlp: Language) -> None:
    actors = {"Chad": C, "Mali": C}
    for text in (
        "Chad enjoyed the support of Mali in the talks.",
        "Chad received the backing of Mali.",
        "Chad has the support of Mali.",
        "Chad received support from Mali.",
    ):
        out = triples(rels(nlp, text, actors))
        assert ("SUPPORT", "mali", "chad") in out and ("SUPPORT", "chad", "mali") not in out, text
    # A welcome of someone's act is the welcomer's own backing.
    assert ("SUPPORT", "chad", "mali") in triples(rels(nlp, "Chad welcomed Mali's decision.", actors))


def test_a_charge_with_no_accuser_is_the_states(nlp: Language) -> None:
    actors = {"Chad": C, "Boris Vale": P, "John Carter": P}
    out = triples(rels(nlp, "In Chad, Boris Vale is accused of holding illegal gatherings.", actors))
    assert ("ACCUSE", "chad", "boris-vale") in out
    out = triples(rels(nlp, "Boris Vale was accused by John Carter of lying.", actors))
    assert ("ACCUSE", "john-carter", "boris-vale") in out and ("ACCUSE", "chad", "boris-vale") not in out
    for text in (
        "In Chad, Boris Vale is widely accused of corruption.",
        "In Chad, his government is accused of delays.",
    ):
        assert not [r for r in rels(nlp, text, actors) if r.type == "ACCUSE"], text


def test_a_capitalised_title_stands_for_the_one_named_with_it(nlp: Language) -> None:
    actors = {"John Carter": P, "Boris Vale": P, "Chad": C}
    for title in ("The Secretary", "The secretary"):
        text = f"Secretary of State John Carter met Boris Vale in Chad. {title} urged Boris Vale to act."
        assert ("REQUEST", "john-carter", "boris-vale") in triples(rels(nlp, text, actors)), title


def test_not_accepting_is_rejecting(nlp: Language) -> None:
    actors = {"Chad": C, "Mali": C, "Boris Vale": P, "John Carter": P}
    for text in (
        "Boris Vale said he would not accept John Carter's resignation.",
        "Boris Vale did not want to accept the offer by John Carter.",
    ):
        assert ("REJECT", "boris-vale", "john-carter") in triples(rels(nlp, text, actors)), text
    for text in ("Chad did not meet Mali.", "Chad did not want to meet Mali."):
        assert not triples(rels(nlp, text, actors)), text


def test_relations_cut_or_restored_by_any_verb_of_the_class(nlp: Language) -> None:
    actors = {"Chad": C, "Mali": C}
    out = triples(rels(nlp, "Chad and Mali severed diplomatic relations in May.", actors))
    assert {("SANCTION", "chad", "mali"), ("SANCTION", "mali", "chad")} <= out
    assert ("SANCTION", "chad", "mali") in triples(rels(nlp, "Chad downgraded ties with Mali.", actors))
    assert ("SUPPORT", "chad", "mali") in triples(rels(nlp, "Chad normalised relations with Mali.", actors))


def test_one_arrested_at_a_rally_is_the_one_acted_on_not_the_rallys_party(nlp: Language) -> None:
    actors = {"Chad": C, "Boris Vale": P, "Renewal Party": PA}
    text = "In Chad, Boris Vale was arrested at the end of a Renewal Party rally on Sunday."
    out = triples(rels(nlp, text, actors))
    assert ("COERCE", "chad", "boris-vale") in out and ("COERCE", "chad", "renewal-party") not in out


def test_what_a_talk_is_about_is_not_whom_it_is_with(nlp: Language) -> None:
    actors = {"John Carter": P, "Boris Vale": P, "Mary Jones": P}
    text = "John Carter met Boris Vale to discuss the fallout from Mary Jones's resignation."
    out = triples(rels(nlp, text, actors))
    assert ("CONSULT", "john-carter", "boris-vale") in out
    assert ("CONSULT", "john-carter", "mary-jones") not in out
    text = "John Carter discussed the border with Boris Vale."
    assert ("CONSULT", "john-carter", "boris-vale") in triples(rels(nlp, text, actors))


def test_what_is_on_a_timetable_is_neither_done_nor_promised(nlp: Language) -> None:
    actors = {"John Carter": P, "Boris Vale": P}
    for text in (
        "John Carter is due to meet Boris Vale on Wednesday.",
        "John Carter is set to meet Boris Vale next week.",
        "John Carter is scheduled to meet Boris Vale next week.",
    ):
        assert not triples(rels(nlp, text, actors)), text
    out = triples(rels(nlp, "John Carter is ready to meet Boris Vale.", actors))
    assert ("AGREE", "john-carter", "boris-vale") in out


def test_a_target_the_parse_hangs_elsewhere_is_taken_from_the_verb_phrase(nlp: Language) -> None:
    text = "Ruritania on Friday condemned as a grave crime Borduria's treatment of its minorities."
    out = rels(nlp, text, {"Ruritania": C, "Borduria": C})
    assert ("ACCUSE", "ruritania", "borduria") in triples(out)
    assert next(r for r in out if r.type == "ACCUSE").evidence.rule in ("verb:object-phrase", "verb:active")


def test_the_verb_phrase_rule_does_not_read_into_reported_speech_or_a_place_in_passing(nlp: Language) -> None:
    L = EntityType.LOCATION
    said = rels(
        nlp, "Ruritania condemned the vote, and Borduria said it was fair.", {"Ruritania": C, "Borduria": C}
    )
    assert not any(
        r.source == entity_id(C, "Ruritania") and r.target == entity_id(C, "Borduria") for r in said
    )
    square = rels(
        nlp,
        "Anna Lind condemned the violence at a rally near Freedom Square.",
        {"Anna Lind": P, "Freedom Square": L},
    )
    assert not any(r.target == entity_id(L, "Freedom Square") for r in square)


def test_an_unnamed_crowd_acts_for_the_country_it_acts_in(nlp: Language) -> None:
    text = "Thousands of students blocked roads in Strelsau in protest against Borduria."
    names: Names = {
        "Strelsau": (EntityType.LOCATION, "Strelsau", "Ruritania"),
        "Ruritania": (C, "Ruritania", None),
        "Borduria": (C, "Borduria", None),
    }
    out = extract_interactions(make_context(nlp, text, names, date(2021, 3, 10)))
    found = {(r.type, r.source, r.target) for r in out}
    assert ("PROTEST", entity_id(C, "Ruritania"), entity_id(C, "Borduria")) in found
    assert not any(entity_id(EntityType.LOCATION, "Strelsau") in (s, t) for _, s, t in found)
    assert next(r for r in out if r.type == "PROTEST").attributes["source_role"] == "thousand"


def test_who_beat_whom_in_a_vote_is_no_assault(nlp: Language) -> None:
    out = rels(nlp, "Ana Lusk defeated Boris Vale in the runoff on Sunday.", {"Ana Lusk": P, "Boris Vale": P})
    assert not [r for r in out if r.type == "ASSAULT"]


def test_armed_defeat_is_an_assault(nlp: Language) -> None:
    text = "Norland's troops defeated the Ostian rebels near the border."
    out = rels(nlp, text, {"Norland": C, "Ostian rebels": EntityType.ORGANIZATION})
    assert ("ASSAULT", "norland", "ostian-rebels") in triples(out)


def test_failed_to_is_neither_the_act_nor_a_refusal(nlp: Language) -> None:
    text = "The Green Union failed to endorse Ana Lusk before the vote."
    out = rels(nlp, text, {"Green Union": PA, "Ana Lusk": P})
    assert not [r for r in out if r.type in ("SUPPORT", "REJECT")]


def test_winning_an_election_is_no_interaction(nlp: Language) -> None:
    out = rels(nlp, "Ana Lusk won the election, beating Boris Vale.", {"Ana Lusk": P, "Boris Vale": P})
    assert [r for r in out if r.type in PLOVER_TYPES] == []


def test_a_journey_is_no_interaction(nlp: Language) -> None:
    text = "Ana Lusk flew to Ostia on Tuesday and left for Norland a day later."
    assert rels(nlp, text, {"Ana Lusk": P, "Ostia": C, "Norland": C}) == []


def test_a_journey_for_talks_is_a_consultation(nlp: Language) -> None:
    text = "Ana Lusk flew to Ostia on Tuesday for talks with Boris Vale."
    out = rels(nlp, text, {"Ana Lusk": P, "Ostia": C, "Boris Vale": P})
    assert ("CONSULT", "ana-lusk", "boris-vale") in triples(out)


def test_no_target_from_a_clause_that_did_not_happen(nlp: Language) -> None:
    text = "Ana Lusk agreed to step down without returning to Norland."
    assert not [r for r in rels(nlp, text, {"Ana Lusk": P, "Norland": C}) if r.target == "country:norland"]


def test_an_apposed_name_wins_over_the_possessor(nlp: Language) -> None:
    text = "Boris Vale met Norland's president, Ana Lusk, on Monday."
    out = rels(nlp, text, {"Boris Vale": P, "Norland": C, "Ana Lusk": P})
    assert ("CONSULT", "boris-vale", "ana-lusk") in triples(out)
    assert not [r for r in out if r.target == "country:norland"]


def test_relational_nouns_name_someone_other_than_their_possessor(nlp: Language) -> None:
    text = "Boris Vale's rivals Ana Lusk and Ivo Marek criticised the Green Union."
    out = rels(nlp, text, {"Boris Vale": P, "Ana Lusk": P, "Ivo Marek": P, "Green Union": PA})
    sources = {r.source for r in out if r.type == "ACCUSE"}
    assert sources == {"person:ana-lusk", "person:ivo-marek"}
    ally = rels(
        nlp, "Boris Vale's ally accused the Green Union of fraud.", {"Boris Vale": P, "Green Union": PA}
    )
    assert not [r for r in ally if r.source == "person:boris-vale"]


def test_a_protest_called_for_is_a_threat_of_one(nlp: Language) -> None:
    text = "Ana Lusk called for protests against Boris Vale next week."
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert ("THREATEN", "ana-lusk", "boris-vale") in triples(out)
    assert not [r for r in out if r.type == "PROTEST"]


def test_a_protest_held_is_a_protest(nlp: Language) -> None:
    text = "Ana Lusk staged a rally against Boris Vale on Sunday."
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert ("PROTEST", "ana-lusk", "boris-vale") in triples(out)


def test_agent_nouns_stand_for_the_state_as_targets_too(nlp: Language) -> None:
    text = "The Green Union accused the authorities of Norland of fraud."
    out = rels(nlp, text, {"Green Union": PA, "Norland": C})
    assert ("ACCUSE", "green-union", "norland") in triples(out)


def test_the_articles_country_stands_behind_an_agent_noun_its_sentence_does_not_place(nlp: Language) -> None:
    text = "Thousands marched in Norland on Sunday. The Green Union later accused the police of brutality."
    out = rels(nlp, text, {"Green Union": PA, "Norland": C})
    assert ("ACCUSE", "green-union", "norland") in triples(out)


def test_forces_and_security_are_not_the_state_acted_on(nlp: Language) -> None:
    text = "Ana Lusk met Boris Vale in Norland on Monday to discuss border security."
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P, "Norland": C})
    assert not [r for r in out if r.target == "country:norland"]


def test_a_claim_of_wrongdoing_is_an_accusation_claimed_by_the_speaker(nlp: Language) -> None:
    text = "Ana Lusk said Boris Vale broke the law."
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    accuse = [r for r in out if r.type == "ACCUSE"]
    assert [(r.source, r.target, r.claimed_by) for r in accuse] == [
        ("person:ana-lusk", "person:boris-vale", "person:ana-lusk")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Union Party complained that Boris Vale had failed to consult parliament.",
        "Boris Vale has not paid the miners for months, the Union Party complained on Monday.",
        "The Union Party charged that Boris Vale had packed the court with his friends.",
    ],
)
def test_a_grievance_accuses_whoever_its_complement_is_about(nlp: Language, text: str) -> None:
    out = rels(nlp, text, {"Union Party": PA, "Boris Vale": P})
    assert ("ACCUSE", "union-party", "boris-vale") in triples(out)


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Ana Lusk said Boris Vale had become a dictator.", True),
        ("Ana Lusk said Boris Vale had turned into a corrupt judge.", True),
        ("Ana Lusk said the head of the audit office Boris Vale was corrupt.", True),
        ("Ana Lusk said Boris Vale was tired.", False),
        ("Ana Lusk said Boris Vale was not corrupt.", False),
    ],
)
def test_a_wrong_said_of_someone_accuses_them(nlp: Language, text: str, accused: bool) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert (("ACCUSE", "ana-lusk", "boris-vale") in triples(out)) is accused


@pytest.mark.parametrize(
    "text",
    [
        "The Union Party denounced what it said was a smear operation by Norland.",
        "Norland jailed a poet. The Union Party denounced what it said was an operation by the authorities "
        "to silence critics.",
    ],
)
def test_what_a_condemnation_says_it_was_names_its_target(nlp: Language, text: str) -> None:
    out = rels(nlp, text, {"Union Party": PA, "Norland": C})
    assert ("ACCUSE", "union-party", "norland") in triples(out)


def test_taking_responsibility_seizes_nothing(nlp: Language) -> None:
    text = "Ana Lusk resigned to take responsibility for the Union Party's losses in the vote."
    out = rels(nlp, text, {"Ana Lusk": P, "Union Party": PA})
    assert not [r for r in out if r.type == "COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands marched in Vesterby against the dismissal of Ana Lusk.",
        "The Union Party held talks with Ostmark over the arrest of Ana Lusk.",
    ],
)
def test_an_act_a_protest_or_a_talk_is_about_is_not_done_by_its_subject(nlp: Language, text: str) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Union Party": PA, "Ostmark": C, "Vesterby": EntityType.LOCATION})
    assert not [r for r in out if r.target == "person:ana-lusk" and r.type in ("COERCE", "RETREAT")]


@pytest.mark.parametrize(
    ("text", "consults"),
    [
        ("Police visited Ana Lusk at her home in Norland on Monday.", False),
        ("Norland police visited Ana Lusk at her home on Monday.", False),
        ("Norland officials visited Ana Lusk at her home on Monday.", True),
    ],
)
def test_forces_that_come_to_someone_do_not_consult_them(nlp: Language, text: str, consults: bool) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Norland": C})
    assert bool([r for r in out if r.type == "CONSULT"]) is consults


@pytest.mark.parametrize(
    "text",
    [
        "Norland police raided offices. The jailed opposition leader Ana Lusk went on hunger strike.",
        "Norland police raided offices. The union demanded the release of the jailed union leaders, "
        "Ana Lusk and Boris Vale.",
    ],
)
def test_a_coercion_participle_on_named_people_is_the_state_s_act_on_them(nlp: Language, text: str) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P, "Norland": C})
    assert ("COERCE", "norland", "ana-lusk") in triples(out)


def test_an_apposition_whose_first_name_was_missed_names_the_second(nlp: Language) -> None:
    text = "Two lawmakers, Karl Ostrand and Boris Vale, were arrested in Norland on Monday."
    out = rels(nlp, text, {"Boris Vale": P, "Norland": C})
    assert ("COERCE", "norland", "boris-vale") in triples(out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boris Vale punched Ana Lusk during the debate.", ("ASSAULT", "boris-vale", "ana-lusk")),
        ("Norland police stopped Ana Lusk from leaving the country.", ("COERCE", "norland", "ana-lusk")),
        ("Norland's release of Ana Lusk was welcomed abroad.", ("RETREAT", "norland", "ana-lusk")),
        ("Norland's arrest of Ana Lusk drew protests.", ("COERCE", "norland", "ana-lusk")),
    ],
)
def test_blows_restraint_and_an_act_with_its_doer_in_the_possessive(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P, "Norland": C})
    assert expected in triples(out)


def test_the_two_countries_are_the_pair_named_before(nlp: Language) -> None:
    text = (
        "Norland and Ostmark met in May to discuss Ana Lusk's arrest. "
        "The two countries agreed to restore air links."
    )
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Ana Lusk": P})
    agree = {(r.source, r.target) for r in out if r.type == "AGREE"}
    assert agree == {("country:norland", "country:ostmark"), ("country:ostmark", "country:norland")}


def test_the_two_leaders_are_not_someone_only_talked_about(nlp: Language) -> None:
    text = "Ana Lusk met Boris Vale to discuss Carl Berg's trial. The two leaders agreed to meet again."
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P, "Carl Berg": P})
    assert not [r for r in out if "person:carl-berg" in (r.source, r.target)]


@pytest.mark.parametrize(
    ("text", "reciprocal"),
    [
        ("Ana Lusk and Boris Vale supported the protests against the vote.", False),
        ("Ana Lusk and Boris Vale signed a treaty of friendship.", True),
        ("Ana Lusk and Boris Vale supported each other.", True),
    ],
)
def test_a_pair_backing_something_else_does_not_back_each_other(
    nlp: Language, text: str, reciprocal: bool
) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert (("person:ana-lusk", "person:boris-vale") in {(r.source, r.target) for r in out}) is reciprocal


def test_the_agent_of_a_participle_in_the_object_is_not_the_target(nlp: Language) -> None:
    text = "Norland and Ostmark agreed to a ceasefire in a deal brokered by Vesterby."
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Vesterby": C})
    assert not [r for r in out if r.target == "country:vesterby"]


def test_cooperation_agreed_to_is_an_agreement_not_yet_cooperation(nlp: Language) -> None:
    text = "Ana Lusk and Boris Vale agreed to deepen cooperation on fisheries."
    out = rels(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert {r.type for r in out} == {"AGREE"}


def test_unnamed_countries_in_a_region_do_not_make_the_region_a_target(nlp: Language) -> None:
    text = "Norland has urged countries in Latin America to share intelligence."
    out = rels(nlp, text, {"Norland": C, "Latin America": EntityType.LOCATION})
    assert not [r for r in out if r.target == "location:latin-america"]


@pytest.mark.parametrize(
    "text",
    [
        "Carl Berg has run the party since Union Party chairwoman and former premier Ana Lusk was jailed "
        "in Norland.",
        'Officers said the head of the Union Party (UP) Ana Lusk had been "detained overnight" in Norland.',
    ],
)
def test_a_title_the_parser_split_from_its_name_is_not_a_second_actor(nlp: Language, text: str) -> None:
    out = rels(nlp, text, {"Ana Lusk": P, "Union Party": PA, "UP": PA, "Norland": C})
    assert [r.target for r in out if r.type == "COERCE"] == ["person:ana-lusk"]


def test_a_bare_participle_with_a_by_phrase_is_passive(nlp: Language) -> None:
    text = "Two Ostmark judges sanctioned for graft by Norland have stepped aside."
    out = rels(nlp, text, {"Norland": C, "Ostmark": C})
    assert [(r.type, r.source, r.target) for r in out] == [("SANCTION", "country:norland", "country:ostmark")]


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Norland warned it would respond if Ostmark moved troops to the frontier.", True),
        ("Norland threatened to recall its ambassador unless Ostmark freed Ana Lusk.", True),
        ("Ana Lusk warned she would resign if Norland lost the vote.", False),
    ],
)
def test_a_warning_of_what_comes_if_someone_acts_threatens_them(
    nlp: Language, text: str, threat: bool
) -> None:
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Ana Lusk": P})
    assert (
        bool([r for r in out if r.type == "THREATEN" and r.target in ("country:ostmark", "country:norland")])
        is threat
    )


def test_an_act_in_a_condition_did_not_happen(nlp: Language) -> None:
    text = "Norland threatened to recall its ambassador unless Ostmark freed Ana Lusk."
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Ana Lusk": P})
    assert not [r for r in out if r.target == "person:ana-lusk"]


def test_as_did_another_is_the_same_act_by_them(nlp: Language) -> None:
    out = rels(nlp, "Norland backed Ana Lusk, as did Ostmark.", {"Norland": C, "Ostmark": C, "Ana Lusk": P})
    assert {("SUPPORT", "norland", "ana-lusk"), ("SUPPORT", "ostmark", "ana-lusk")} <= triples(out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Union Party called for Ana Lusk to step down.", ("REQUEST", "union-party", "ana-lusk")),
        ("Norland pressed for Ostmark to reopen the border.", ("REQUEST", "norland", "ostmark")),
        ("Norland will not tolerate interference by Ostmark.", ("THREATEN", "norland", "ostmark")),
        ("Norland would not accept the Union Party's proposal.", ("REJECT", "norland", "union-party")),
    ],
)
def test_calls_for_someone_to_act_and_warnings_of_intolerance(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Ana Lusk": P, "Union Party": PA})
    assert expected in triples(out)


def test_waiting_for_someone_asks_nothing_of_them(nlp: Language) -> None:
    assert not rels(nlp, "Norland waited for Ostmark to respond.", {"Norland": C, "Ostmark": C})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norland began the withdrawal of its border units from Ostmark.",
            ("RETREAT", "norland", "ostmark"),
        ),
        ("Norland strengthened its naval forces off Ostmark.", ("MOBILIZE", "norland", "ostmark")),
        (
            "Norland reinforced its troops along the frontier with Ostmark.",
            ("MOBILIZE", "norland", "ostmark"),
        ),
    ],
)
def test_withdrawing_from_and_raising_forces_against(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(rels(nlp, text, {"Norland": C, "Ostmark": C}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norland refused to allow Ostmark ships to dock.", ("REJECT", "norland", "ostmark")),
        ("Ana Lusk extended a welcome to Boris Vale at the airport.", ("CONSULT", "ana-lusk", "boris-vale")),
        ("Norland held a reception for Boris Vale.", ("CONSULT", "norland", "boris-vale")),
    ],
)
def test_whom_one_lets_act_and_whom_one_welcomes(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Ana Lusk": P, "Boris Vale": P})
    assert expected in triples(out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norland cut fuel supplies to Ostmark in March.",
            ("SANCTION", "norland", "ostmark"),
        ),
        ("Norland withheld funding from Ostmark.", ("SANCTION", "norland", "ostmark")),
        (
            "Ana Lusk sent a reminder to Ostmark that it must repay the loans.",
            ("REQUEST", "ana-lusk", "ostmark"),
        ),
    ],
)
def test_cutting_help_and_reminding_someone_what_they_must_do(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(rels(nlp, text, {"Norland": C, "Ostmark": C, "Ana Lusk": P}))


def test_an_x_led_body_is_x_s_and_an_x_backed_one_is_not(nlp: Language) -> None:
    names = {"Norland": C, "Ostmark": C, "Ana Lusk": P}
    assert ("ASSAULT", "norland", "ostmark") in triples(
        rels(nlp, "The Norland-led coalition attacked Ostmark.", names)
    )
    backed = rels(nlp, "The Norland-backed government of Ostmark arrested Ana Lusk.", names)
    assert not [r for r in backed if r.source == "country:norland"]


def test_a_complaint_to_a_body_over_someone_s_act_accuses_them(nlp: Language) -> None:
    text = "Norland complained to the Union Party about Ostmark's shelling of border villages."
    out = rels(nlp, text, {"Norland": C, "Ostmark": C, "Union Party": PA})
    assert [(r.type, r.target) for r in out] == [("ACCUSE", "country:ostmark")]


def test_a_withdrawal_of_troops_from_a_country_is_from_that_country(nlp: Language) -> None:
    # The parse the model sometimes gives: "from Y" hung on the troops, not on the withdrawal.
    words = ["Norland", "announced", "the", "withdrawal", "of", "its", "troops", "from", "Ostmark", "."]
    heads = [1, 1, 3, 1, 3, 6, 4, 6, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "poss", "pobj", "prep", "pobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PRON", "NOUN", "ADP", "PROPN", "PUNCT"]
    lemmas = ["Norland", "announce", "the", "withdrawal", "of", "its", "troop", "from", "Ostmark", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    base = make_ctx(nlp, doc.text, {"Norland": C, "Ostmark": C})
    ctx = FactContext(doc=doc, article=base.article, entities=base.entities, spans=base.spans)
    assert ("RETREAT", "norland", "ostmark") in triples(extract_interactions(ctx))


@pytest.mark.parametrize(
    "text",
    [
        "Norland police prevented the Union Party's gathering.",
        "Norland police prevented a demonstration by the Union Party.",
    ],
)
def test_stopping_a_protest_coerces_its_organisers(nlp: Language, text: str) -> None:
    assert ("COERCE", "norland", "union-party") in triples(rels(nlp, text, {"Norland": C, "Union Party": PA}))


def test_calling_for_a_punishment_of_someone_condemns_them(nlp: Language) -> None:
    names = {"Ana Lusk": P, "Ostmark": C, "Norland": C}
    text = "Ana Lusk called for sanctions against Ostmark over its treatment of reporters."
    assert ("ACCUSE", "ana-lusk", "ostmark") in triples(rels(nlp, text, names))
    ordered = rels(nlp, "Norland ordered sanctions against Ostmark on Monday.", names)
    assert not [r for r in ordered if r.type == "ACCUSE"]


def test_a_plain_report_of_a_lapse_accuses_no_one(nlp: Language) -> None:
    out = rels(
        nlp, "The Union Party said Boris Vale had not visited the mine.", {"Union Party": PA, "Boris Vale": P}
    )
    assert not [r for r in out if r.type == "ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "The Union Party MP for Vesterby, Chong Wei, was arrested at his home on Tuesday.",
        "The chairman of the Vesterby Traders Union, Chong Wei, was arrested at his home on Tuesday.",
    ],
)
def test_a_title_whose_name_the_parser_hangs_on_its_place_or_body_is_that_person(
    nlp: Language, text: str
) -> None:
    names = {
        "Norland": C,
        "Union Party": PA,
        "Chong Wei": P,
        "Vesterby Traders Union": EntityType.ORGANIZATION,
    }
    out = rels(nlp, "Norland police raided homes in the capital. " + text, names)
    assert [r.target for r in out if r.type == "COERCE"] == ["person:chong-wei"]


def test_what_a_crowd_acted_on_demands_is_not_acted_on(nlp: Language) -> None:
    text = "Norland police clashed with students demanding the release of Ana Lusk."
    out = rels(nlp, text, {"Norland": C, "Ana Lusk": P})
    assert not [r for r in out if r.target == "person:ana-lusk"]


@pytest.mark.parametrize(
    "text",
    [
        "The Union Party condemned what it called Norland's persecution of journalists.",
        "The Union Party denounced what it described as Norland's campaign against journalists.",
    ],
)
def test_what_a_condemnation_calls_it_names_its_target(nlp: Language, text: str) -> None:
    out = rels(nlp, text, {"Union Party": PA, "Norland": C})
    assert ("ACCUSE", "union-party", "norland") in triples(out)


def test_an_aside_set_off_by_a_comma_is_not_what_the_verb_acts_on(nlp: Language) -> None:
    text = (
        "Ostmark on Friday denounced what it called Norland's abuse of detainees, in a blow "
        "to Ana Lusk's plans."
    )
    out = rels(nlp, text, {"Ostmark": C, "Ana Lusk": P, "Norland": C})
    assert not [r for r in out if r.target == "person:ana-lusk"]
    assert ("ACCUSE", "ostmark", "norland") in triples(out)


def test_a_government_s_supporters_are_not_the_government(nlp: Language) -> None:
    text = "Supporters of the Norland government attacked Ana Lusk."
    out = rels(nlp, text, {"Norland": C, "Ana Lusk": P})
    assert not [r for r in out if r.source == "country:norland"]


def test_a_claim_that_names_no_wrongdoer_accuses_no_one(nlp: Language) -> None:
    assert not [
        r for r in rels(nlp, "Ana Lusk said the vote was rigged.", {"Ana Lusk": P}) if r.type == "ACCUSE"
    ]


def test_an_agentless_release_is_the_states(nlp: Language) -> None:
    text = "In Norland, the activist Ana Lusk was released on Monday."
    out = rels(nlp, text, {"Norland": C, "Ana Lusk": P})
    assert ("RETREAT", "norland", "ana-lusk") in triples(out)


def test_an_act_still_to_come_is_no_fact_unless_it_is_a_promise_or_a_threat(nlp: Language) -> None:
    names = {"Ana Lusk": P, "Boris Vale": P, "Norland": C}
    found = triples(rels(nlp, "Ana Lusk and Boris Vale will face each other in the runoff.", names))
    assert not any(t == "CONSULT" for t, _, _ in found), found
    found = triples(rels(nlp, "Ana Lusk will accuse Boris Vale of fraud, her aides said.", names))
    assert not any(t == "ACCUSE" for t, _, _ in found), found
    found = triples(rels(nlp, "Norland said it would impose sanctions on Boris Vale.", names))
    assert ("THREATEN", "norland", "boris-vale") in found
    assert not any(t == "SANCTION" for t, _, _ in found), found


def test_a_decision_announced_with_would_is_the_act(nlp: Language) -> None:
    names = {"Norland": C, "Boris Vale": P}
    found = triples(
        rels(nlp, "Norland announced on Monday that it would impose sanctions on Boris Vale.", names)
    )
    assert ("SANCTION", "norland", "boris-vale") in found


def test_a_count_of_votes_or_a_contest_is_no_interaction(nlp: Language) -> None:
    names = {"Ana Lusk": P, "Boris Vale": P}
    for text in (
        "Ana Lusk polled 57 percent of the ballots and Boris Vale 36 percent.",
        "Ana Lusk amassed 900,000 votes against her nearest rival Boris Vale.",
        "Ana Lusk kept a narrow lead of 3,100 votes over Boris Vale.",
        "Ana Lusk ran against Boris Vale for the presidency in 2019.",
        "Ana Lusk elected Boris Vale president as rivals concede",
    ):
        found = triples(rels(nlp, text, names))
        assert not found, (text, found)
    # A verb of support keeps an election phrase: backing someone in a vote is backing them.
    found = triples(rels(nlp, "Ana Lusk endorsed Boris Vale in the presidential race.", names))
    assert ("SUPPORT", "ana-lusk", "boris-vale") in found


def test_a_light_verbs_object_noun_carries_the_act(nlp: Language) -> None:
    names = {"Norland": C, "Boris Vale": P}
    for text in (
        "Norland placed sanctions on Boris Vale on Monday.",
        "Norland ordered sanctions against Boris Vale.",
    ):
        found = triples(rels(nlp, text, names))
        assert ("SANCTION", "norland", "boris-vale") in found, (text, found)
        assert not any(t in ("MOBILIZE", "COOPERATE") for t, _, _ in found), (text, found)


def test_a_denial_of_charges_rejects_the_accuser_and_a_denial_of_aid_rejects_no_one(nlp: Language) -> None:
    names = {"Norland": C, "Ostmark": C, "Boris Vale": P}
    text = "Norland accused Ostmark of arming the rebels. Ostmark has denied the charges."
    found = triples(rels(nlp, text, names))
    assert ("REJECT", "ostmark", "norland") in found, found
    found = triples(rels(nlp, "Boris Vale denied any arms support from Ostmark or Norland.", names))
    assert not any(t == "REJECT" for t, _, _ in found), found
    found = triples(rels(nlp, "Ostmark dismissed the claims made by Boris Vale.", names))
    assert ("REJECT", "ostmark", "boris-vale") in found, found


def test_signing_a_named_agreement_is_an_agreement_between_the_signatories(nlp: Language) -> None:
    names = {"Norland": C, "Ostmark": C, "Border Transit Agreement": EntityType.ORGANIZATION}
    found = triples(rels(nlp, "Norland and Ostmark signed the Border Transit Agreement on Friday.", names))
    assert ("AGREE", "norland", "ostmark") in found, found
    assert not any(t == "border-transit-agreement" for _, _, t in found), found


def test_heading_a_body_is_no_interaction(nlp: Language) -> None:
    names = {"Ana Lusk": P, "Civic Union": PA}
    found = triples(rels(nlp, "Ana Lusk has led the Civic Union since 2019.", names))
    assert not found, found


def test_paying_a_visit_call_or_tribute_is_what_the_noun_says(nlp: Language) -> None:
    names = {"Ana Lusk": P, "Boris Vale": P}
    assert ("CONSULT", "ana-lusk", "boris-vale") in triples(
        rels(nlp, "Ana Lusk paid a visit to Boris Vale.", names)
    )
    assert ("SUPPORT", "ana-lusk", "boris-vale") in triples(
        rels(nlp, "Ana Lusk paid tribute to Boris Vale.", names)
    )


def test_an_appeal_for_an_act_against_someone_is_no_request_of_them(nlp: Language) -> None:
    names = {"Ana Lusk": P, "Boris Vale": P, "Norland": C}
    found = triples(rels(nlp, "Ana Lusk called for sanctions against Boris Vale.", names))
    assert ("REQUEST", "ana-lusk", "boris-vale") not in found, found
    found = triples(rels(nlp, "Ana Lusk called on Norland to impose sanctions.", names))
    assert ("REQUEST", "ana-lusk", "norland") in found, found


def test_taking_over_from_someone_is_a_succession_not_a_seizure(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Boris Vale": P, "Mali": C}
    out = rels(nlp, "Ion Ceban, 58, takes over from Boris Vale in May as Mali rebuilds its army.", actors)
    assert not {r for r in out if r.type == "COERCE"}
    seized = rels(nlp, "Boris Vale seized the radio station from Ion Ceban on Monday.", actors)
    assert ("COERCE", "boris-vale", "ion-ceban") in triples(seized)


def test_the_possessor_of_a_stance_holds_it_and_does_not_receive_it(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Mali": C, "Chad": C}
    out = triples(rels(nlp, "Ion Ceban reaffirmed Mali's steadfast solidarity with Chad.", actors))
    assert ("SUPPORT", "ion-ceban", "chad") in out
    assert ("SUPPORT", "ion-ceban", "mali") not in out
    out = triples(rels(nlp, "Ion Ceban reaffirmed Mali's solidarity to ensure peace in Chad.", actors))
    assert ("SUPPORT", "ion-ceban", "mali") not in out
    # Criticising someone's support is aimed at them.
    out = triples(rels(nlp, "Ion Ceban criticised Mali's support for Chad.", actors))
    assert ("ACCUSE", "ion-ceban", "mali") in out


def test_a_with_phrase_inside_the_topic_of_talks_names_the_partners(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Boris Vale": P, "Ana Lusk": P}
    text = "Ion Ceban discussed on bilateral issues with Chad's Prime Minister, Boris Vale, and Ana Lusk."
    out = triples(rels(nlp, text, actors))
    assert {("CONSULT", "ion-ceban", "boris-vale"), ("CONSULT", "ion-ceban", "ana-lusk")} <= out


def test_surrounding_someone_is_a_blockade_not_an_attack(nlp: Language) -> None:
    actors = {"Mali": C, "Ion Ceban": P}
    out = rels(nlp, "Mali troops surrounded the house of opposition leader Ion Ceban on Sunday.", actors)
    assert ("COERCE", "mali", "ion-ceban") in triples(out)
    assert "ASSAULT" not in {r.type for r in out}


def test_a_figure_of_speech_seizes_nothing(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Mali": C}
    out = rels(nlp, "Ion Ceban has captured the imagination of many people in Mali.", actors)
    assert not out
    out = rels(nlp, "Ion Ceban took office after a narrow victory over Mali's ruling party.", actors)
    assert not [r for r in out if r.type == "COERCE"]
    out = rels(nlp, "Mali troops captured Ion Ceban near the border on Monday.", actors)
    assert ("COERCE", "mali", "ion-ceban") in triples(out)


def test_a_protest_called_for_is_a_threat_against_the_government_named(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Boris Vale": P, "Mali": C}
    text = (
        "Mali's President Boris Vale faces unrest. Ion Ceban has called for a day of action against "
        "Boris Vale's government over prices."
    )
    out = triples(rels(nlp, text, actors))
    assert ("THREATEN", "ion-ceban", "mali") in out
    assert not {t for t in out if t[0] in ("CONSULT", "PROTEST", "REQUEST")}


def test_an_alliance_is_cooperation_held_by_its_subject(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Boris Vale": P, "Mali": C, "Chad": C}
    out = triples(rels(nlp, "Ion Ceban, who is a political ally of Boris Vale, spoke on Monday.", actors))
    assert ("COOPERATE", "ion-ceban", "boris-vale") in out
    out = triples(rels(nlp, "Boris Vale is closely allied with Mali.", actors))
    assert ("COOPERATE", "boris-vale", "mali") in out
    # A conjunct with its own agent stays passive: Chad backs Mali.
    out = triples(rels(nlp, "Mali is allied with Ion Ceban and backed by Chad.", actors))
    assert ("SUPPORT", "chad", "mali") in out
    assert ("SUPPORT", "mali", "chad") not in out
    # Someone's ally is another person: the relation is not read from the possessor alone.
    out = triples(rels(nlp, "An ally of Boris Vale said the vote was fair.", actors))
    assert not {t for t in out if t[0] == "COOPERATE"}


def test_what_someone_is_asked_to_do_is_no_fact_yet(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Boris Vale": P, "Mali": C}
    for text in (
        "Ion Ceban urged Mali to back Boris Vale.",
        "Ion Ceban called on Mali to back Boris Vale.",
        "Ion Ceban is calling on Mali's authorities to fully respect Boris Vale's rights.",
    ):
        out = triples(rels(nlp, text, actors))
        assert ("REQUEST", "ion-ceban", "mali") in out, text
        assert not {t for t in out if t[0] == "SUPPORT"}, text
    # A telephone call made to congratulate happened, and so did the congratulation, by the caller.
    callers = {"Ana Lusk": P, "Boris Vale": P}
    for text in (
        "Ana Lusk called Boris Vale to congratulate him.",
        "Ana Lusk said that she had called Boris Vale to congratulate him.",
    ):
        out = triples(rels(nlp, text, callers))
        assert ("SUPPORT", "ana-lusk", "boris-vale") in out, text
        assert ("SUPPORT", "boris-vale", "ana-lusk") not in out, text


def test_what_was_received_from_someone_is_their_act(nlp: Language) -> None:
    actors = {"Mali": C, "Chad": C, "Ion Ceban": P}
    out = triples(rels(nlp, "Mali received weapons from Chad last year.", actors))
    assert ("AID", "chad", "mali") in out
    assert not {t for t in out if t[1] == "mali"}
    # "his government" is the state its leader heads.
    text = "Mali's President Ion Ceban said his government had received funds from Chad."
    assert ("AID", "chad", "mali") in triples(rels(nlp, text, actors))


def test_a_warrant_issued_for_someone_is_legal_action_against_them(nlp: Language) -> None:
    actors = {"Mali": C, "Ion Ceban": P}
    text = "Mali prosecutors issued arrest warrants for the mayor, Ion Ceban, and 40 others."
    out = triples(rels(nlp, text, actors))
    assert ("COERCE", "mali", "ion-ceban") in out
    assert not {t for t in out if t[0] == "REQUEST"}


def test_what_someone_must_or_should_do_is_no_fact(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Mali": C, "Chad": C}
    out = triples(rels(nlp, "Ion Ceban insisted that Mali must recognise Chad.", actors))
    assert ("REQUEST", "ion-ceban", "mali") in out
    assert not {t for t in out if t[0] == "SUPPORT"}
    out = triples(rels(nlp, "Ion Ceban said Mali should back Chad.", actors))
    assert not {t for t in out if t[0] == "SUPPORT"}
    # A passive order stays: "X should be released", said by a court, is how a release is ordered.
    out = triples(rels(nlp, "A Mali court said Ion Ceban should be released at once.", actors))
    assert ("RETREAT", "mali", "ion-ceban") in out


def test_turning_to_someone_for_help_asks_it_of_them(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Chad": C}
    out = triples(rels(nlp, "Isolated abroad, Ion Ceban looked to Chad for support.", actors))
    assert ("REQUEST", "ion-ceban", "chad") in out
    assert not {t for t in out if t[0] == "ACCUSE"}


def test_an_appeal_noun_naming_who_should_act_is_a_request_of_them(nlp: Language) -> None:
    actors = {"Ion Ceban": P, "Ana Lusk": P, "Boris Vale": P, "France": C, "Green Union": PA}
    persistent = "Rallies in Lima grew after Ana Lusk's repeated calls for President Boris Vale to quit."
    assert ("REQUEST", "ana-lusk", "boris-vale") in triples(rels(nlp, persistent, actors))
    renewed = rels(nlp, "Boris Vale renewed his call for Ana Lusk to step down.", actors)
    assert triples(renewed) == {("REQUEST", "boris-vale", "ana-lusk")}  # no phone call
    reiterated = "In a letter on Friday, the Green Union repeated its call for Boris Vale to go."
    assert ("REQUEST", "green-union", "boris-vale") in triples(rels(nlp, reiterated, actors))
    insisted = "The summit stalled on Ana Lusk's insistence that France should pay the debt at once."
    assert ("REQUEST", "ana-lusk", "france") in triples(rels(nlp, insisted, actors))
    blamed = rels(
        nlp, "Ion Ceban blamed the delay on Ana Lusk's insistence that France should leave.", actors
    )
    assert [r.claimed_by for r in blamed if r.type == "REQUEST"] == [entity_id(P, "Ion Ceban")]
    calm = rels(nlp, "Ana Lusk made a call for calm in France.", actors)
    assert not [r for r in calm if r.type == "REQUEST"]  # what is asked for is no one's act


def test_an_attack_of_words_accuses(nlp: Language) -> None:
    actors = {"Ana Lusk": P, "France": C}
    found = triples(rels(nlp, "For weeks Ana Lusk has launched fierce verbal attacks on France.", actors))
    assert found == {("ACCUSE", "ana-lusk", "france")}
    assert triples(rels(nlp, "Ana Lusk ordered attacks on France.", actors)) == {
        ("ASSAULT", "ana-lusk", "france")
    }


def test_refusing_a_proposal_named_just_before_rejects_who_made_it(nlp: Language) -> None:
    actors = {"Ana Lusk": P, "Boris Vale": P, "Ion Ceban": P, "Chile": C}
    text = (
        "Boris Vale said little about the peace plan put forward by Ion Ceban. "
        '"Ana Lusk would not accept it, so we left," Boris Vale said.'
    )
    refused = [r for r in rels(nlp, text, actors) if r.type == "REJECT"]
    assert triples(refused) == {("REJECT", "ana-lusk", "ion-ceban")}
    possessed = "Chile has long backed Ion Ceban's peace plan. Ana Lusk rejected it on Monday."
    assert ("REJECT", "ana-lusk", "ion-ceban") in triples(rels(nlp, possessed, actors))
    unnamed = "Ana Lusk met Boris Vale. Ion Ceban made an offer. Chile rejected it."
    assert not [
        r for r in rels(nlp, unnamed, actors) if r.type == "REJECT"
    ]  # an offer no one is said to make


def test_accepting_what_someone_proposed_agrees_with_them(nlp: Language) -> None:
    actors = {"Boris Vale": P, "Ion Ceban": P}
    tabled = "After long talks Boris Vale accepted the offer made by Ion Ceban on trade."
    assert triples(rels(nlp, tabled, actors)) == {("AGREE", "boris-vale", "ion-ceban")}
    owned = rels(nlp, "Boris Vale accepted Ion Ceban's proposal.", actors)
    assert triples(owned) == {("AGREE", "boris-vale", "ion-ceban")}
    refused = rels(nlp, "Boris Vale refused to accept Ion Ceban's proposal.", actors)
    assert triples(refused) == {("REJECT", "boris-vale", "ion-ceban")}


def test_organizers_of_protests_against_someone_protest_against_them(nlp: Language) -> None:
    actors = {"Ana Lusk": P, "Boris Vale": P, "Ion Ceban": P}
    listed = "Crowds came after the arrest of Ana Lusk and other organizers of protests against Boris Vale."
    assert ("PROTEST", "ana-lusk", "boris-vale") in triples(rels(nlp, listed, actors))
    apposed = "Ana Lusk, one of the organizers of the rallies against Boris Vale, spoke on Monday."
    assert ("PROTEST", "ana-lusk", "boris-vale") in triples(rels(nlp, apposed, actors))
    elsewhere = "Ion Ceban, a leader of the party, met Boris Vale."
    assert not [r for r in rels(nlp, elsewhere, actors) if r.type == "PROTEST"]


def test_sanctions_laid_with_a_light_verb_are_sanctions(nlp: Language) -> None:
    actors = {"Mali": C, "Chad": C}
    for text in ("Mali put new sanctions on Chad.", "Mali slapped an embargo on Chad."):
        assert triples(rels(nlp, text, actors)) == {("SANCTION", "mali", "chad")}, text
    assert not rels(nlp, "Mali put its troops on alert.", actors)
