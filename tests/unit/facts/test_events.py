"""Events: type, date, place, participants, counts and announced status."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from ingest.facts.context import FactContext
from ingest.facts.events import extract_events
from ingest.models import EntityType, Event
from tests.unit.factctx import Names, make_context

T = EntityType
PUB = date(2021, 2, 10)  # a Wednesday


def make_ctx(nlp: Language, text: str, names: Names, published: date = PUB) -> FactContext:
    return make_context(nlp, text, names, published, "art-2")


NAMES: Names = {
    "Levan Abashidze": (T.PERSON, "Levan Abashidze", None),
    "Abashidze": (T.PERSON, "Levan Abashidze", None),
    "Giorgi Kvaratskhelia": (T.PERSON, "Giorgi Kvaratskhelia", None),
    "Nino Beridze": (T.PERSON, "Nino Beridze", None),
    "Freedom Party": (T.PARTY, "Freedom Party", "Georgia"),
    "Batumi": (T.LOCATION, "Batumi", "Georgia"),
    "Tbilisi": (T.LOCATION, "Tbilisi", "Georgia"),
    "Kutaisi": (T.LOCATION, "Kutaisi", "Georgia"),
    "Chiatura": (T.LOCATION, "Chiatura", "Georgia"),
    "Georgia": (T.COUNTRY, "Georgia", None),
}


def one(nlp: Language, text: str, etype: str) -> Event:
    events = [e for e in extract_events(make_ctx(nlp, text, NAMES)) if e.type == etype]
    assert len(events) == 1, events
    return events[0]


def roles(ev: Event) -> set[tuple[str, str]]:
    return {(p.entity, p.role) for p in ev.participants}


def test_protest_with_organizer_target_size_place_date(nlp: Language) -> None:
    ev = one(
        nlp,
        "Thousands of supporters of Levan Abashidze rallied in Batumi on Saturday against President "
        "Giorgi Kvaratskhelia.",
        "Protest",
    )
    assert ev.date is not None and ev.date.value == "2021-02-06"
    assert ev.location == "location:batumi" and ev.country == "country:georgia"
    assert ("person:levan-abashidze", "organizer") in roles(ev)
    assert ("person:giorgi-kvaratskhelia", "target") in roles(ev)
    assert ev.counts == {"size": 1000}
    assert ev.status == "occurred"
    assert ev.id.startswith("event:")


def test_announced_rally(nlp: Language) -> None:
    ev = one(nlp, "The opposition Freedom Party plans to hold a rally on March 12 in Tbilisi.", "Protest")
    assert ev.status == "announced"
    assert ev.date is not None and ev.date.value == "2021-03-12"
    assert ("party:freedom-party", "organizer") in roles(ev)
    assert ev.location == "location:tbilisi"


def test_arrest_count_and_state_perpetrator(nlp: Language) -> None:
    ev = one(nlp, "Police in Kutaisi detained 32 people on Monday.", "Arrest")
    assert ev.counts == {"arrested": 32}
    assert ("country:georgia", "perpetrator") in roles(ev)
    assert ev.date is not None and ev.date.value == "2021-02-08"


def test_sentenced_person(nlp: Language) -> None:
    ev = one(nlp, "A court in Tbilisi sentenced Abashidze to nine years in prison.", "Arrest")
    assert ("person:levan-abashidze", "person") in roles(ev)


def test_clash_with_casualties(nlp: Language) -> None:
    ev = one(
        nlp,
        "At least 40 people were killed and more than 1,300 injured in clashes between police and "
        "protesters in Kutaisi last month.",
        "Clash",
    )
    assert ev.counts == {"deaths": 40, "injured": 1300}
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2021-01", "month")
    assert ev.location == "location:kutaisi"


def test_unrest_without_casualties_is_no_event(nlp: Language) -> None:
    events = extract_events(make_ctx(nlp, "Analysts warned of unrest in Georgia.", NAMES))
    assert events == []


def test_resignation_with_office(nlp: Language) -> None:
    ctx = make_ctx(nlp, "Georgia's Prime Minister Nino Beridze resigned on Tuesday.", NAMES)
    events = extract_events(ctx)
    assert [e.type for e in events] == ["Resignation"]
    assert ("person:nino-beridze", "person") in roles(events[0])
    assert ("office:prime-minister-of-georgia", "office") in roles(events[0])
    assert "office:prime-minister-of-georgia" in ctx.new_entities


def test_demand_to_resign_is_not_a_resignation(nlp: Language) -> None:
    events = extract_events(make_ctx(nlp, "Protesters urged Nino Beridze to resign.", NAMES))
    assert "Resignation" not in {e.type for e in events}


def test_a_call_for_someone_to_step_down_is_not_a_resignation(nlp: Language) -> None:
    text = "Riot police in Batumi clashed with marchers calling for Nino Beridze to step down."
    events = extract_events(make_ctx(nlp, text, NAMES))
    assert "Resignation" not in {e.type for e in events}
    assert "Clash" in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Hundreds of farmers blocked roads in Kutaisi on Monday.", "Protest"),
        ("Miners barricaded the highway outside Chiatura on Friday.", "Protest"),
        ("Youths threw stones at police in Batumi on Sunday.", "Clash"),
    ],
)
def test_a_verb_with_its_object_reports_a_protest_or_a_clash(nlp: Language, text: str, etype: str) -> None:
    ev = one(nlp, text, etype)
    assert ev.location is not None


@pytest.mark.parametrize(
    "text",
    [
        "The Freedom Party blocked the bill in Tbilisi on Monday.",
        "The minister threw his support behind the plan in Batumi on Sunday.",
    ],
)
def test_the_same_verbs_with_other_objects_report_no_event(nlp: Language, text: str) -> None:
    assert not [e for e in extract_events(make_ctx(nlp, text, NAMES)) if e.type in ("Protest", "Clash")]


def test_a_relative_of_someone_arrested_is_not_them(nlp: Language) -> None:
    ev = one(nlp, "The wife of Levan Abashidze was arrested in Batumi on Monday.", "Arrest")
    assert ("person:levan-abashidze", "person") not in roles(ev)


def test_a_protest_against_a_deed_targets_its_doer(nlp: Language) -> None:
    text = "Students marched in Batumi against the abuses by the Freedom Party."
    ev = one(nlp, text, "Protest")
    assert ("party:freedom-party", "target") in roles(ev)


def test_named_revolution(nlp: Language) -> None:
    ev = one(nlp, "The Rose Revolution of 2003 ousted the president of Georgia.", "Revolution")
    assert ev.name == "Rose Revolution"
    assert ev.date is not None and ev.date.value == "2003"


def test_strike_place_and_month(nlp: Language) -> None:
    ev = one(nlp, "Workers at the Chiatura mine went on strike in May.", "Strike")
    assert ev.location == "location:chiatura"
    assert ev.date is not None and ev.date.value == "2020-05"


def test_uprising_and_coup(nlp: Language) -> None:
    up = one(nlp, "The April 2008 uprising in Batumi left 12 people dead.", "Uprising")
    assert up.counts.get("deaths") == 12
    assert up.date is not None and up.date.value == "2008-04"
    coup = one(nlp, "Army officers attempted a coup in Georgia in 1993.", "Coup")
    assert coup.country == "country:georgia"


def test_attack_and_killing(nlp: Language) -> None:
    attack = one(nlp, "A bomb attack on a police station in Kutaisi injured five officers.", "Attack")
    assert attack.counts == {"injured": 5}
    killing = one(nlp, "Gunmen killed Giorgi Kvaratskhelia in Tbilisi on Friday.", "Killing")
    assert ("person:giorgi-kvaratskhelia", "person") in roles(killing)


def test_future_stage_protests(nlp: Language) -> None:
    ev = one(nlp, "Students will stage protests in Tbilisi next week.", "Protest")
    assert ev.status == "announced"


def test_mentions_of_one_uprising_are_merged(nlp: Language) -> None:
    text = (
        "The uprising began in Kutaisi on Monday and spread to Batumi on Tuesday. "
        "The violent uprising has left 12 people dead. "
        "Giorgi Kvaratskhelia condemned the uprising."
    )
    events = extract_events(make_ctx(nlp, text, NAMES))
    assert [e.type for e in events] == ["Uprising"]
    ev = events[0]
    assert ev.date is not None and ev.date.value == "2021-02-08"
    assert ev.location == "location:kutaisi"
    assert ev.counts.get("deaths") == 12


def test_generic_and_hypothetical_mentions_are_not_events(nlp: Language) -> None:
    text = (
        "Georgia has a long history of street protests. "
        "The opposition did not call supporters out, fearing police violence. "
        "Abashidze said the crisis could spark protests. "
        "We will come even if they arrest us."
    )
    assert extract_events(make_ctx(nlp, text, NAMES)) == []


def test_country_is_the_event_place_not_a_foreign_actor(nlp: Language) -> None:
    names: Names = {
        **NAMES,
        "Turkey": (T.COUNTRY, "Turkey", None),
        "Ankara": (T.LOCATION, "Ankara", "Turkey"),
    }
    text = (
        "Protesters rallied in Tbilisi on Sunday. "
        "Abashidze went to Ankara to tell Turkey's leaders about the protests in Georgia."
    )
    events = extract_events(make_ctx(nlp, text, names))
    assert len(events) == 1
    assert events[0].country == "country:georgia"


def test_announced_date_resolves_to_the_future(nlp: Language) -> None:
    ctx = make_ctx(
        nlp, "Abashidze announced another rally for January 28 in Tbilisi.", NAMES, date(2021, 1, 17)
    )
    ev = next(e for e in extract_events(ctx) if e.type == "Protest")
    assert ev.status == "announced"
    assert ev.date is not None and ev.date.value == "2021-01-28"
    assert ev.location == "location:tbilisi"
    assert ("person:levan-abashidze", "organizer") in roles(ev)


def test_pronoun_organizer_and_undated_plan_is_no_event(nlp: Language) -> None:
    ev = one(nlp, "Nino Beridze said her supporters will hold a rally on Friday.", "Protest")
    assert ("person:nino-beridze", "organizer") in roles(ev)
    assert ev.status == "announced"
    assert extract_events(make_ctx(nlp, "The Freedom Party plans to protest.", NAMES)) == []


def test_resignation_in_relative_clause_names_the_person(nlp: Language) -> None:
    ev = one(
        nlp,
        "Voters in Georgia go to the polls in March. "
        "The party backs Nino Beridze, who stepped down as prime minister in January to run for president.",
        "Resignation",
    )
    assert ("person:nino-beridze", "person") in roles(ev)
    assert ("office:prime-minister-of-georgia", "office") in roles(ev)
    assert ev.date is not None and ev.date.value == "2021-01"


def test_arrest_count_on_the_arrested_noun_and_town(nlp: Language) -> None:
    ev = one(
        nlp,
        "At least 9 activists remain in custody after being arrested in the town of Chiatura.",
        "Arrest",
    )
    assert ev.counts.get("arrested") == 9
    assert ev.location == "location:chiatura"


def test_chronology_line_dates_its_event(nlp: Language) -> None:
    text = "May 2004: Abashidze elected mayor\n\nJune 2006: Giorgi Kvaratskhelia jailed for six years\n"
    ev = one(nlp, text, "Arrest")
    assert ev.date is not None and ev.date.value == "2006-06"
    assert ("person:giorgi-kvaratskhelia", "person") in roles(ev)
