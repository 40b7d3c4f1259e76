"""One node per actor in an article: the spellings a person's node gathers, and the mentions it takes in."""

from __future__ import annotations

from ingest.ids import entity_id
from ingest.models import ArticleResolution, EntityType
from tests.unit.resolve.test_resolve import pid, resolve, span_ids

P, ORG, PARTY, L, C = (
    EntityType.PERSON,
    EntityType.ORGANIZATION,
    EntityType.PARTY,
    EntityType.LOCATION,
    EntityType.COUNTRY,
)


def test_a_titled_surname_gives_the_bare_surname_too() -> None:
    text = "Boris Vale won the vote. Mr Vale thanked his voters."
    res = resolve(text, [("Boris Vale", P), ("Mr Vale", P)])
    aliases = res.entities[pid("Boris Vale")].aliases
    assert "Mr Vale" in aliases and "Vale" in aliases


def test_a_title_on_a_full_name_adds_no_bare_surname() -> None:
    text = "President Boris Vale won the vote."
    res = resolve(text, [("President Boris Vale", P)])
    assert "Vale" not in res.entities[pid("Boris Vale")].aliases


def test_the_words_before_a_cut_surname_complete_the_double_surname() -> None:
    text = "Ana Maria Soto Lusk was detained. Later Soto Lusk was released."
    res = resolve(text, [("Ana Maria Soto Lusk", P), ("Lusk", P)])
    ent = res.entities[pid("Ana Maria Soto Lusk")]
    assert "Soto Lusk" in ent.aliases
    assert len(set(span_ids(res))) == 1


def test_a_surname_after_an_unrelated_word_gets_no_double_surname() -> None:
    text = "Ana Maria Soto Lusk was detained. Later Lusk was released."
    res = resolve(text, [("Ana Maria Soto Lusk", P), ("Lusk", P)])
    assert res.entities[pid("Ana Maria Soto Lusk")].aliases == ["Ana Maria Soto Lusk", "Lusk"]


def test_a_double_surname_never_crosses_a_line() -> None:
    text = "Ana Maria Soto Lusk was detained by police in Soto\nLusk was released."
    res = resolve(text, [("Ana Maria Soto Lusk", P), ("Lusk", P)])
    assert "Soto Lusk" not in res.entities[pid("Ana Maria Soto Lusk")].aliases


def test_a_first_name_the_tagger_took_for_a_place_is_the_person() -> None:
    text = "Premier Somchai Varin opened the bridge. Somchai thanked the builders."
    res = resolve(text, [("Somchai Varin", P), ("Somchai", L)])
    assert set(span_ids(res)) == {pid("Somchai Varin")}
    assert "Somchai" in res.entities[pid("Somchai Varin")].aliases


def test_a_surname_the_tagger_took_for_a_place_is_the_person() -> None:
    text = "Boris Vale was arrested. Supporters of Vale gathered."
    res = resolve(text, [("Boris Vale", P), ("Vale", L)])
    assert set(span_ids(res)) == {pid("Boris Vale")}


def test_a_known_place_named_like_a_person_stays_a_place() -> None:
    text = "Boris Vale was arrested. Protesters gathered in Vale."
    res = resolve(
        text, [("Boris Vale", P), ("Vale", L, {"kb_id": "geonames:1", "label_source": "ruler:place"})]
    )
    assert len(set(span_ids(res))) == 2


def test_a_first_name_shared_by_two_people_is_the_only_one_named_before_it() -> None:
    text = (
        "Karim Odell, an MP, toured Tunisia. Crowds cheered when Karim spoke. "
        "Karim Abu Sayed, his host, hosted a dinner."
    )
    res = resolve(text, [("Karim Odell", P), ("Karim", P), ("Karim Abu Sayed", P)])
    assert span_ids(res) == [pid("Karim Odell"), pid("Karim Odell"), pid("Karim Abu Sayed")]


def test_a_first_name_before_any_of_two_people_stays_apart() -> None:
    text = "Karim spoke first. Karim Odell and Karim Abu Sayed followed."
    res = resolve(text, [("Karim", P), ("Karim Odell", P), ("Karim Abu Sayed", P)])
    first = span_ids(res)[0]
    assert first not in (pid("Karim Odell"), pid("Karim Abu Sayed"))


# ------------------------------------------------------------------------------- what a body is


def _type_of(res: ArticleResolution, name: str) -> EntityType:
    return next(e.type for e in res.entities.values() if e.name == name)


def test_a_body_that_fields_candidates_is_a_party() -> None:
    text = "The Civic Union (CU) won. CU candidate Ana Lusk thanked Estonia."
    res = resolve(text, [("Civic Union", ORG), ("CU", ORG), ("CU", ORG), ("Ana Lusk", P)])
    assert _type_of(res, "Civic Union") == PARTY


def test_a_body_given_a_political_leaning_is_a_party() -> None:
    text = "Ana Lusk debated the leftist Green Dawn Movement in Chile."
    res = resolve(text, [("Ana Lusk", P), ("Green Dawn Movement", ORG)])
    assert _type_of(res, "Green Dawn Movement") == PARTY


def test_a_body_that_won_the_election_is_a_party() -> None:
    text = "Voters in Ghana turned out. The Civic Congress won 40 seats."
    res = resolve(text, [("Civic Congress", ORG)])
    assert _type_of(res, "Civic Congress") == PARTY


def test_a_state_body_next_to_a_party_cue_stays_a_body() -> None:
    text = "The Senate Commission candidate list was published. The leftist Vesterby Foundation objected."
    res = resolve(text, [("Senate Commission", ORG), ("Vesterby Foundation", ORG)])
    assert _type_of(res, "Senate Commission") == ORG
    assert _type_of(res, "Vesterby Foundation") == ORG


def test_a_body_with_no_party_cue_stays_a_body() -> None:
    text = "The Civic Union (CU) won praise. CU officials thanked Estonia."
    res = resolve(text, [("Civic Union", ORG), ("CU", ORG), ("CU", ORG)])
    assert _type_of(res, "Civic Union") == ORG


# ------------------------------------------------------------------------------------ short names


def test_a_name_ending_in_a_partys_head_read_as_a_person_is_a_body() -> None:
    text = "Thousands joined the Unity Movement in Peru."
    res = resolve(text, [("Unity Movement", P)])
    assert _type_of(res, "Unity Movement") == ORG


def test_a_body_in_apposition_with_party_is_a_party() -> None:
    text = "Ana Lusk leads a party, the Unity Movement, in Peru."
    res = resolve(text, [("Unity Movement", P)])
    assert _type_of(res, "Unity Movement") == PARTY


def test_the_x_party_is_the_party_named_x_movement() -> None:
    text = "Fans of the Unity party met. Ana Lusk founded the Unity Movement in Peru."
    res = resolve(text, [("Unity party", PARTY), ("Ana Lusk", P), ("Unity Movement", ORG)])
    ids = span_ids(res)
    assert ids[0] == ids[2]
    assert _type_of(res, "Unity Movement") == PARTY


def test_the_x_party_beside_two_bodies_named_x_joins_neither() -> None:
    text = "The Unity party spoke. The Unity Movement and the Unity Front replied."
    res = resolve(text, [("Unity party", PARTY), ("Unity Movement", ORG), ("Unity Front", ORG)])
    assert len(set(span_ids(res))) == 3


def test_a_word_in_brackets_after_a_name_is_its_short_name() -> None:
    text = "The Civic Dawn Party (Aurora, centre) lost. Boris Vale still campaigns for Aurora."
    res = resolve(text, [("Civic Dawn Party", PARTY), ("Boris Vale", P), ("Aurora", ORG)])
    ids = span_ids(res)
    assert ids[0] == ids[2]
    assert "Aurora" in res.entities[ids[0]].aliases


def test_a_known_body_is_no_short_name_of_another() -> None:
    text = "The Civic Dawn Party (Aurora) lost. Aurora said so."
    res = resolve(
        text,
        [("Civic Dawn Party", PARTY), ("Aurora", ORG, {"kb_id": "aurora", "kb_name": "Aurora"})],
    )
    assert len(set(span_ids(res))) == 2


# ------------------------------------------------------------------------------------ state bodies


GHA = {"kb_id": "GHA", "kb_name": "Ghana", "label_source": "ruler:country"}


def test_a_ministry_of_a_named_country_is_that_state() -> None:
    text = "Ghana's Foreign Ministry protested, and Ghana recalled its envoy."
    res = resolve(
        text,
        [("Ghana", EntityType.COUNTRY, GHA), ("Foreign Ministry", ORG), ("Ghana", EntityType.COUNTRY, GHA)],
    )
    assert len(set(span_ids(res))) == 1
    assert "Foreign Ministry" in res.entities[span_ids(res)[0]].aliases


def test_a_known_department_of_a_named_country_is_that_state() -> None:
    text = "Ghana said so. The Department of Roads of Ghana said so too."
    dept = {"kb_id": "gha-roads", "kb_name": "Ghana Department of Roads", "country": "Ghana"}
    res = resolve(text, [("Ghana", EntityType.COUNTRY, GHA), ("Department of Roads of Ghana", ORG, dept)])
    assert len(set(span_ids(res))) == 1


def test_a_ministry_of_a_country_the_article_does_not_name_stays_a_body() -> None:
    text = "The Foreign Ministry of Ghana protested."
    res = resolve(text, [("Foreign Ministry of Ghana", ORG)])
    assert span_ids(res) == [entity_id(ORG, "Foreign Ministry of Ghana")]


def test_a_known_body_that_is_no_ministry_stays_a_body() -> None:
    text = "Ghana said so. The Ghana Electoral Board said so too."
    board = {"kb_id": "gha-board", "kb_name": "Ghana Electoral Board", "country": "Ghana"}
    res = resolve(text, [("Ghana", EntityType.COUNTRY, GHA), ("Ghana Electoral Board", ORG, board)])
    assert len(set(span_ids(res))) == 2


# ------------------------------------------------------------------------------ countries by capital


COG = {"kb_id": "COG", "kb_name": "Congo Republic", "label_source": "ruler:country"}
COD = {"kb_id": "COD", "kb_name": "DR Congo", "label_source": "ruler:country"}
PRK = {"kb_id": "PRK", "kb_name": "North Korea", "label_source": "ruler:country"}


def _place(name: str) -> dict[str, str]:
    return {"kb_id": f"geonames:{name}", "kb_name": name, "label_source": "ruler:place"}


def test_a_country_joined_to_a_capital_is_the_country_of_that_capital() -> None:
    text = "Congo-Brazzaville: Voters queue. Congo Republic counts the ballots."
    res = resolve(
        text, [("Congo", C, COD), ("Brazzaville", L, _place("Brazzaville")), ("Congo Republic", C, COG)]
    )
    ids = span_ids(res)
    assert len(ids) == 2 and ids[0] == ids[1]
    assert "Congo-Brazzaville" in res.entities[ids[0]].aliases
    assert not any(e.name == "DR Congo" for e in res.entities.values())


def test_a_shared_word_joined_to_a_capital_is_the_country_of_that_capital() -> None:
    text = "Korea-Seoul: talks resume."
    res = resolve(text, [("Korea", C, PRK), ("Seoul", L, _place("Seoul"))])
    assert [e.name for e in res.entities.values() if e.type == C] == ["South Korea"]


def test_a_capital_of_another_country_after_a_hyphen_stays_a_place() -> None:
    text = "The Moldova-Kyiv talks went on in Moldova."
    mda = {"kb_id": "MDA", "kb_name": "Moldova", "label_source": "ruler:country"}
    res = resolve(text, [("Moldova", C, mda), ("Kyiv", L, _place("Kyiv")), ("Moldova", C, mda)])
    assert len(set(span_ids(res))) == 2
