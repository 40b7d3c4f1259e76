"""The one antecedent resolver (ingest/facts/coref.py), on texts written for these tests."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Token

from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference
from ingest.models import EntityType
from tests.unit.factctx import Names, make_context

P, C, PA, ORG = EntityType.PERSON, EntityType.COUNTRY, EntityType.PARTY, EntityType.ORGANIZATION


def ctx_of(nlp: Language, text: str, actors: dict[str, EntityType]) -> FactContext:
    names: Names = {name: (etype, name, None) for name, etype in actors.items()}
    return make_context(nlp, text, names, date(2022, 5, 1))


def nth(ctx: FactContext, text: str, n: int = 0) -> Token:
    return [t for t in ctx.doc if t.text == text][n]


def name(eid: str | None) -> str | None:
    return eid.split(":", 1)[1] if eid else None


def test_subject_pronoun_continues_the_subject(nlp: Language) -> None:
    text = "Ana Lusk criticised Boris Vale on Monday. She said the vote was rigged."
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert name(Coreference(ctx).pronoun(nth(ctx, "She"))) == "ana-lusk"


def test_object_pronoun_is_not_its_own_clause_subject(nlp: Language) -> None:
    text = "Boris Vale spoke first. Ana Lusk thanked him warmly."
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert name(Coreference(ctx).pronoun(nth(ctx, "him"))) == "boris-vale"


def test_collective_pronoun_takes_a_state_or_organisation(nlp: Language) -> None:
    text = "Ana Lusk visited Norland. It has promised loans to the region."
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Norland": C})
    coref = Coreference(ctx)
    assert name(coref.pronoun(nth(ctx, "It"))) == "norland"
    # A caller may narrow the kinds: an event's organiser is never a country.
    assert coref.pronoun(nth(ctx, "It"), allowed={PA, ORG}) is None


def test_look_back_is_not_used_up_by_sentences_naming_nobody(nlp: Language) -> None:
    text = (
        "Ana Lusk addressed the crowd in the square. "
        '"We will not leave." "Never." "Not today." '
        "She then marched to the ministry."
    )
    ctx = ctx_of(nlp, text, {"Ana Lusk": P})
    assert name(Coreference(ctx).pronoun(nth(ctx, "She"))) == "ana-lusk"


def test_look_back_ends_after_three_sentences_that_name_actors(nlp: Language) -> None:
    text = (
        "Ana Lusk resigned. Norland protested. Sudmark agreed. Ostia objected. "
        "He was not available for comment."
    )
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Norland": C, "Sudmark": C, "Ostia": C})
    assert Coreference(ctx).pronoun(nth(ctx, "He")) is None


def test_definite_party_noun_takes_the_last_party(nlp: Language) -> None:
    text = "The Green Union won nine seats and the Labour Front won four. The party has rejected the result."
    ctx = ctx_of(nlp, text, {"Green Union": PA, "Labour Front": PA})
    coref = Coreference(ctx)
    assert name(coref.antecedent(nth(ctx, "party"))) == "labour-front"
    # A description of another kind, or one that names its actor, stands for nobody else.
    assert coref.definite(nth(ctx, "result")) is None


def test_words_that_are_not_pronouns_have_no_antecedent(nlp: Language) -> None:
    ctx = ctx_of(nlp, "Ana Lusk met voters. I was there.", {"Ana Lusk": P})
    assert Coreference(ctx).pronoun(nth(ctx, "I")) is None


def test_a_definite_title_stands_for_the_person_named_with_it(nlp: Language) -> None:
    text = "Prime Minister Ana Lusk met Boris Vale on Monday. The prime minister later criticised him."
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Boris Vale": P})
    assert name(Coreference(ctx).antecedent(nth(ctx, "minister"))) == "ana-lusk"


def test_a_title_with_a_country_needs_a_person_of_that_country(nlp: Language) -> None:
    text = "Norland's president, Ana Lusk, met Boris Vale. The Ostian president said little."
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Boris Vale": P, "Norland": C, "Ostian": C})
    assert Coreference(ctx).antecedent(nth(ctx, "president", -1)) is None


def test_a_title_of_someone_else_is_not_an_antecedent(nlp: Language) -> None:
    text = "President Ana Lusk spoke first. The president of the Green Union replied."
    ctx = ctx_of(nlp, text, {"Ana Lusk": P, "Green Union": PA})
    assert Coreference(ctx).antecedent(nth(ctx, "president", -1)) is None


def test_a_title_named_by_a_body_is_the_one_titled_by_that_body(nlp: Language) -> None:
    text = (
        "African Union Secretary-General Ana Lusk met Boris Vale, the Mali Democratic Party chairman. "
        "Later the AU secretary-general called for calm."
    )
    names: Names = {
        "African Union": (ORG, "African Union", None),
        "AU": (ORG, "African Union", None),
        "Ana Lusk": (P, "Ana Lusk", None),
        "Boris Vale": (P, "Boris Vale", None),
        "Mali Democratic Party": (PA, "Mali Democratic Party", None),
    }
    ctx = make_context(nlp, text, names, date(2022, 5, 1))
    head = nth(ctx, "general")
    assert name(Coreference(ctx).antecedent(head)) == "ana-lusk"
    # Titled by another body, the same word is someone else.
    other = (
        "Mali Democratic Party Secretary-General Ana Lusk spoke. "
        "Later the AU secretary-general called for calm."
    )
    ctx = make_context(nlp, other, names, date(2022, 5, 1))
    assert Coreference(ctx).antecedent(nth(ctx, "general")) is None


def test_a_title_named_by_a_body_reaches_back_past_other_people(nlp: Language) -> None:
    text = (
        "African Union Secretary-General Ana Lusk called for talks. Boris Vale welcomed the call. "
        "Carl Berg agreed. Dana Holt said nothing. Erik Sand left the room. "
        "Later the AU secretary-general called for calm."
    )
    names: Names = {
        "African Union": (ORG, "African Union", None),
        "AU": (ORG, "African Union", None),
        **{n: (P, n, None) for n in ("Ana Lusk", "Boris Vale", "Carl Berg", "Dana Holt", "Erik Sand")},
    }
    ctx = make_context(nlp, text, names, date(2022, 5, 1))
    assert name(Coreference(ctx).antecedent(nth(ctx, "general", -1))) == "ana-lusk"


def test_a_town_s_title_is_the_one_titled_by_that_town(nlp: Language) -> None:
    text = "Vesterby Mayor Ana Lusk opened the session. On Monday police arrested Vesterby's mayor."
    names: Names = {
        "Vesterby": (EntityType.LOCATION, "Vesterby", None),
        "Ana Lusk": (P, "Ana Lusk", None),
    }
    ctx = make_context(nlp, text, names, date(2022, 5, 1))
    assert name(Coreference(ctx).antecedent(nth(ctx, "mayor"))) == "ana-lusk"


def test_the_bloc_is_the_last_party_or_union_of_states_named(nlp: Language) -> None:
    text = "The Union Party backs Chad's bid to join the African Union. Chad refused grants from the bloc."
    ctx = ctx_of(nlp, text, {"Union Party": PA, "African Union": ORG, "Chad": C})
    assert name(Coreference(ctx).antecedent(nth(ctx, "bloc"))) == "african-union"
    text = "The African Union met. The Union Party said the bloc would run alone."
    ctx = ctx_of(nlp, text, {"Union Party": PA, "African Union": ORG})
    assert name(Coreference(ctx).antecedent(nth(ctx, "bloc"))) == "union-party"


def test_them_after_an_unnamed_crowd_is_the_crowd(nlp: Language) -> None:
    text = "The Union Party said police detained dozens of people and took them to unknown places."
    ctx = ctx_of(nlp, text, {"Union Party": PA})
    assert Coreference(ctx).antecedent(nth(ctx, "them")) is None
    # With no such crowd, "them" is the group the text named.
    text = "Police raided the offices of the Union Party and accused them of fraud."
    ctx = ctx_of(nlp, text, {"Union Party": PA})
    assert name(Coreference(ctx).antecedent(nth(ctx, "them"))) == "union-party"


def test_the_only_person_titled_so_is_the_title_however_far_back(nlp: Language) -> None:
    text = (
        "Ostmark's King Boris Vale opened the fair. Ana Lusk spoke. Carl Berg agreed. Dana Holt "
        "left. Erik Sand stayed. Later Ana Lusk dined with the king."
    )
    names: Names = {
        n: (P, n, None) for n in ("Boris Vale", "Ana Lusk", "Carl Berg", "Dana Holt", "Erik Sand")
    }
    names["Ostmark"] = (C, "Ostmark", None)
    ctx = make_context(nlp, text, names, date(2022, 5, 1))
    assert name(Coreference(ctx).antecedent(nth(ctx, "king", -1))) == "boris-vale"
    # Two kings named: too far back to tell which.
    two = text.replace("Ana Lusk spoke.", "Norland's King Ana Lusk spoke.")
    names["Norland"] = (C, "Norland", None)
    ctx = make_context(nlp, two, names, date(2022, 5, 1))
    assert Coreference(ctx).antecedent(nth(ctx, "king", -1)) is None
