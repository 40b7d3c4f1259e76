"""Who takes part in an interaction, on sentences written for these tests: places, descriptions, crowds."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ingest.facts.context import FactContext
from ingest.facts.interactions import extract_interactions
from ingest.facts.interactions.actors import Actors
from ingest.facts.plover_lexicon import load_plover_lexicon
from ingest.models import EntityType, Relation
from tests.unit.factctx import Names, make_context

P, C, L = EntityType.PERSON, EntityType.COUNTRY, EntityType.LOCATION


def rels(nlp: Language, text: str, names: Names) -> set[tuple[str, str, str]]:
    out: list[Relation] = extract_interactions(make_context(nlp, text, names, date(2022, 5, 4)))
    return {(r.type, r.source.split(":", 1)[1], r.target.split(":", 1)[1]) for r in out}


NORLAND = {"Norland": (C, "Norland", None), "Vesterby": (L, "Vesterby", "Norland")}


def test_people_arrested_in_a_town_are_not_an_arrest_of_the_town(nlp: Language) -> None:
    found = rels(nlp, "Norland police arrested 25 people in central Vesterby on Friday.", NORLAND)
    assert not any(target == "vesterby" for _, _, target in found), found
    found = rels(nlp, "Soldiers killed four in Vesterby on Sunday, Norland said.", NORLAND)
    assert not any("vesterby" in (source, target) for _, source, target in found), found


def test_a_crowd_in_a_town_is_not_the_town(nlp: Language) -> None:
    names: Names = {**NORLAND, "Ana Sorel": (P, "Ana Sorel", None)}
    found = rels(nlp, "Several hundred students marched in Vesterby against the arrest of Ana Sorel.", names)
    assert not any(source == "vesterby" for _, source, _ in found), found


def test_a_towns_mayor_is_not_the_town(nlp: Language) -> None:
    names: Names = {**NORLAND, "Ivo Brandt": (P, "Ivo Brandt", None)}
    found = rels(nlp, "Norland police on Monday detained Vesterby's mayor, Ivo Brandt.", names)
    assert ("COERCE", "norland", "ivo-brandt") in found
    assert not any(target == "vesterby" for _, _, target in found), found


def test_a_town_named_as_the_target_of_an_attack_still_is_one(nlp: Language) -> None:
    names: Names = {**NORLAND, "Ostmark": (C, "Ostmark", None), "Kalden": (L, "Kalden", "Norland")}
    found = rels(nlp, "Ostmark troops shelled Kalden on Tuesday.", names)
    assert ("ASSAULT", "ostmark", "kalden") in found


def test_a_title_split_from_its_name_is_the_person_not_the_country(nlp: Language) -> None:
    names: Names = {
        "Norland": (C, "Norland", None),
        "Ana Lusk": (P, "Ana Lusk", None),
        "Boris Vale": (P, "Boris Vale", None),
    }
    found = rels(nlp, "Norland\u2019s Vice-President, Ana Lusk, yielded to Boris Vale at last.", names)
    assert ("CONCEDE", "ana-lusk", "boris-vale") in found
    assert not any(source == "norland" for _, source, _ in found), found


def test_an_agentless_arrest_is_by_the_state_where_it_happened(nlp: Language) -> None:
    names: Names = {
        "Norland": (C, "Norland", None),
        "Ostmark": (C, "Ostmark", None),
        "Ana Lusk": (P, "Ana Lusk", None),
    }
    text = "Ana Lusk, whose son lives in Ostmark, was arrested in Norland on Friday."
    found = rels(nlp, text, names)
    assert ("COERCE", "norland", "ana-lusk") in found
    assert not any(source == "ostmark" for _, source, _ in found), found


def test_when_and_where_phrases_name_no_target(nlp: Language) -> None:
    names: Names = {
        "Ana Lusk": (P, "Ana Lusk", None),
        "Pan-Arctic Union": (EntityType.ORGANIZATION, "Pan-Arctic Union", None),
    }
    text = "Ana Lusk conferred with leaders of many states at the sidelines of the Pan-Arctic Union summit."
    found = rels(nlp, text, names)
    assert not any(target == "pan-arctic-union" for _, _, target in found), found


def test_a_jailed_or_detained_person_is_coerced_by_the_state(nlp: Language) -> None:
    names: Names = {
        "Norland": (C, "Norland", None),
        "Ana Lusk": (P, "Ana Lusk", None),
        "Ivo Brandt": (P, "Ivo Brandt", None),
    }
    text = "In Norland, Ana Lusk, a jailed opposition leader, wrote to kin of detained activist Ivo Brandt."
    found = rels(nlp, text, names)
    assert ("COERCE", "norland", "ana-lusk") in found, found
    assert ("COERCE", "norland", "ivo-brandt") in found, found


def test_a_town_never_acts(nlp: Language) -> None:
    names: Names = {**NORLAND, "Ana Lusk": (P, "Ana Lusk", None)}
    found = rels(nlp, "Vesterby accused Ana Lusk of fraud on Monday.", names)
    assert not any(source == "vesterby" for _, source, _ in found), found


def test_a_leaders_government_is_the_state(nlp: Language) -> None:
    names: Names = {
        "Norland": (C, "Norland", None),
        "Ostmark": (C, "Ostmark", None),
        "Ana Lusk": (P, "Ana Lusk", None),
        "Ivo Brandt": (P, "Ivo Brandt", None),
    }
    found = rels(nlp, "In Norland, Ana Lusk accused Ivo Brandt's government of fraud.", names)
    assert ("ACCUSE", "ana-lusk", "norland") in found, found
    found = rels(nlp, "Ana Lusk criticised the government of Ostmark President Ivo Brandt.", names)
    assert ("ACCUSE", "ana-lusk", "ostmark") in found, found


def test_asking_for_a_release_asks_the_state_and_releases_no_one(nlp: Language) -> None:
    names: Names = {
        "Norland": (C, "Norland", None),
        "Ana Lusk": (P, "Ana Lusk", None),
        "Ivo Brandt": (P, "Ivo Brandt", None),
    }
    found = rels(nlp, "In Norland, Ana Lusk urged the release of Ivo Brandt.", names)
    assert ("REQUEST", "ana-lusk", "norland") in found, found
    assert ("REQUEST", "ana-lusk", "ivo-brandt") not in found, found
    found = rels(nlp, "In Norland, Ana Lusk called for the release of Ivo Brandt.", names)
    assert not any(t in ("RETREAT", "CONCEDE") for t, _, _ in found), found


def test_criticising_a_states_act_is_aimed_at_the_state(nlp: Language) -> None:
    names: Names = {
        "Norland": (C, "Norland", None),
        "Ostmark": (C, "Ostmark", None),
        "Civic Watch": (EntityType.ORGANIZATION, "Civic Watch", None),
        "Ivo Brandt": (P, "Ivo Brandt", None),
    }
    found = rels(nlp, "In Norland, Civic Watch condemned the arrest of Ivo Brandt.", names)
    assert ("ACCUSE", "civic-watch", "norland") in found, found
    assert ("ACCUSE", "civic-watch", "ivo-brandt") not in found, found
    found = rels(nlp, "In Norland, Civic Watch condemned Ostmark's crackdown on Ivo Brandt.", names)
    assert ("ACCUSE", "civic-watch", "ostmark") in found, found
    found = rels(nlp, "In Norland, Civic Watch denounced the police operation on Monday.", names)
    assert ("ACCUSE", "civic-watch", "norland") in found, found


def test_a_persons_supporters_are_not_that_person(nlp: Language) -> None:
    names: Names = {
        "Boris Vale": (P, "Boris Vale", None),
        "Mali": (C, "Mali", None),
        "Union Party": (EntityType.PARTY, "Union Party", "Mali"),
    }
    text = "Boris Vale's supporters blocked roads, and police fired tear gas at them."
    assert not [r for r in rels(nlp, text, names) if r[1] == "boris-vale"]
    text = "Supporters of Boris Vale attacked the Mali embassy."
    assert not [r for r in rels(nlp, text, names) if r[1] == "boris-vale"]
    # A party's supporters rally for the party.
    text = "Supporters of the Union Party rallied to demand that Boris Vale resign."
    assert ("REQUEST", "union-party", "boris-vale") in rels(nlp, text, names)


def test_a_platform_is_where_something_was_said_not_who(nlp: Language) -> None:
    names: Names = {
        "Boris Vale": (P, "Boris Vale", None),
        "Mali": (C, "Mali", None),
        "Twitter": (EntityType.ORGANIZATION, "Twitter", None),
        "Facebook": (P, "Facebook", None),  # as the model sometimes types it
    }
    found = rels(nlp, "Boris Vale, in a post on Twitter, accused Mali of fraud.", names)
    assert ("ACCUSE", "boris-vale", "mali") in found
    assert not any("twitter" in (s, t) for _, s, t in found)
    found = rels(nlp, "Mali jailed a student for a Facebook post criticising Boris Vale.", names)
    assert not any("facebook" in (s, t) for _, s, t in found)


def test_a_towns_police_are_the_state_and_lawmakers_of_several_parties_each_party(nlp: Language) -> None:
    names: Names = {
        **NORLAND,
        "Union Party": (EntityType.PARTY, "Union Party", "Norland"),
        "FDP": (EntityType.PARTY, "FDP", "Norland"),
        "LPN": (EntityType.PARTY, "LPN", "Norland"),
    }
    found = rels(nlp, "The Union Party accused Vesterby police of beating its supporters.", names)
    assert ("ACCUSE", "union-party", "norland") in found
    assert not any("vesterby" in (s, t) for _, s, t in found)
    found = rels(nlp, "The Union Party accused lawmakers of the FDP and LPN of rigging the vote.", names)
    assert {("ACCUSE", "union-party", "fdp"), ("ACCUSE", "union-party", "lpn")} <= found


def test_a_town_is_never_one_of_two_subjects_acting_together(nlp: Language) -> None:
    from ingest.facts.interactions import _town_fits
    from ingest.facts.interactions.actors import Actors
    from ingest.facts.interactions.found import Found
    from ingest.facts.plover_lexicon import load_plover_lexicon

    names: Names = {**NORLAND, "Ana Lusk": (P, "Ana Lusk", None)}
    ctx = make_context(nlp, "Ana Lusk and Vesterby met in Norland.", names, date(2022, 5, 4))
    who = Actors(ctx, load_plover_lexicon())
    together = Found("CONSULT", "person:ana-lusk", "location:vesterby", "verb:reciprocal")
    assert not _town_fits(who, together)
    # A town can still be where a visit goes, as event coders code it; it never acts.
    assert _town_fits(who, Found("CONSULT", "person:ana-lusk", "location:vesterby", "verb:active"))
    assert not _town_fits(who, Found("CONSULT", "location:vesterby", "person:ana-lusk", "verb:active"))


def test_each_named_member_of_an_unnamed_plural_is_an_actor(nlp: Language) -> None:
    kinds = {"Chile": C, "France": C, "Peru": C, "Ana Lusk": P, "Boris Vale": P}
    actors: Names = {name: (kind, name, None) for name, kind in kinds.items()}
    condemned = "Chile's border wall was condemned by neighbours including France and Peru."
    found = rels(nlp, condemned, actors)
    assert {("ACCUSE", "france", "chile"), ("ACCUSE", "peru", "chile")} <= found
    listed = rels(nlp, "France imposed sanctions on officials including Ana Lusk and Boris Vale.", actors)
    assert listed == {("SANCTION", "france", "ana-lusk"), ("SANCTION", "france", "boris-vale")}


def test_a_member_named_after_a_title_acts_for_the_plural_that_includes_them(nlp: Language) -> None:
    kinds = {"Chile": C, "France": C, "Boris Vale": P}
    actors: Names = {name: (kind, name, None) for name, kind in kinds.items()}
    text = "France imposed sanctions on officials including the acting Prime Minister, Boris Vale."
    assert rels(nlp, text, actors) == {("SANCTION", "france", "boris-vale")}


def test_a_name_after_a_title_and_a_comma_is_the_title_s_whatever_the_parse(nlp: Language) -> None:
    # The parse the model sometimes gives: the name a conjunct of the verb, not an apposition of the title.
    words = [
        "Ana",
        "Lusk",
        "held",
        "lunch",
        "with",
        "Ostian",
        "President",
        ",",
        "Boris",
        "Vale",
        "today",
        ".",
    ]
    heads = [1, 2, 2, 2, 3, 6, 4, 6, 9, 2, 2, 2]
    deps = ["compound", "nsubj", "ROOT", "dobj", "prep", "amod", "pobj", "punct", "compound", "conj"]
    deps += ["npadvmod", "punct"]
    pos = [
        "PROPN",
        "PROPN",
        "VERB",
        "NOUN",
        "ADP",
        "ADJ",
        "PROPN",
        "PUNCT",
        "PROPN",
        "PROPN",
        "NOUN",
        "PUNCT",
    ]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    text = doc.text
    names: Names = {"Ana Lusk": (P, "Ana Lusk", None), "Boris Vale": (P, "Boris Vale", None)}
    ctx = make_context(nlp, text, names, date(2022, 5, 4))
    ctx = FactContext(doc=doc, article=ctx.article, entities=ctx.entities, spans=ctx.spans)
    who = Actors(ctx, load_plover_lexicon())
    title = doc[6]
    named = who.apposed(title)
    assert named is not None and who.actor(named) == "person:boris-vale"
