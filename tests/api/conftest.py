"""A small invented political world, written with the real graph writer, and an API client over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    Election,
    ElectionResult,
    Entity,
    EntityType,
    Event,
    EventParticipant,
    Evidence,
    FuzzyDate,
    MergeRecord,
    Relation,
)
from ingest.write import GraphWriter, fact_key
from polgraph.settings import Settings

RURITANIA = "country:ruritania"
BORDURIA = "country:borduria"
SYLDAVIA = "country:syldavia"
VARGA = "person:anton-varga"
PETRESCU = "person:mila-petrescu"
HOLT = "person:dragan-holt"
BRANDT = "person:ilse-brandt"
KELL = "person:jonas-kell"
UNITY = "party:unity-front"
CIVIC = "party:civic-alliance"
PRESIDENT_R = "office:president-of-ruritania"
PRESIDENT_B = "office:president-of-borduria"
STRELSAU = "location:strelsau"
ELECTION_2021 = "election:ruritania:presidential:2021-03-14"
ELECTION_2022 = "election:ruritania:parliamentary:2022-10-02"
ELECTION_B = "election:borduria:presidential:2019-06-09"
PROTEST_EVENT = "event:protest:ruritania:2021-03-17:strelsau"
ARREST_EVENT = "event:arrest:ruritania:2021-03-18"
RESIGNATION_EVENT = "event:resignation:ruritania:2022-10-10"

ENTITIES = {
    RURITANIA: Entity(id=RURITANIA, type=EntityType.COUNTRY, name="Ruritania", aliases=["Ruritanian"]),
    BORDURIA: Entity(id=BORDURIA, type=EntityType.COUNTRY, name="Borduria", aliases=["Bordurian"]),
    SYLDAVIA: Entity(id=SYLDAVIA, type=EntityType.COUNTRY, name="Syldavia", aliases=["Syldavian"]),
    VARGA: Entity(
        id=VARGA,
        type=EntityType.PERSON,
        name="Anton Varga",
        aliases=["Varga", "Antal Varga"],
        merges=[MergeRecord(mention="Antal Varga", rule="transliteration")],
    ),
    PETRESCU: Entity(
        id=PETRESCU, type=EntityType.PERSON, name="Mila Petrescu", aliases=["Petrescu", "Ms Petrescu"]
    ),
    HOLT: Entity(id=HOLT, type=EntityType.PERSON, name="Dragan Holt", aliases=["Holt"]),
    BRANDT: Entity(id=BRANDT, type=EntityType.PERSON, name="Ilse Brandt", aliases=["Brandt"]),
    KELL: Entity(id=KELL, type=EntityType.PERSON, name="Jonas Kell", aliases=["Kell"]),
    UNITY: Entity(id=UNITY, type=EntityType.PARTY, name="Unity Front", country=RURITANIA),
    CIVIC: Entity(id=CIVIC, type=EntityType.PARTY, name="Civic Alliance", aliases=["CA"], country=RURITANIA),
    PRESIDENT_R: Entity(
        id=PRESIDENT_R, type=EntityType.OFFICE, name="President of Ruritania", country=RURITANIA
    ),
    PRESIDENT_B: Entity(
        id=PRESIDENT_B, type=EntityType.OFFICE, name="President of Borduria", country=BORDURIA
    ),
    STRELSAU: Entity(id=STRELSAU, type=EntityType.LOCATION, name="Strelsau", country=RURITANIA),
}

# Sentences are stored exactly; tests look them up by these names.
S_HOLT_BACKS = "Bordurian President Dragan Holt endorsed Anton Varga on Monday, praising his record."
S_HOLT_BACKS_2 = "Holt has repeatedly backed Varga ahead of the vote, the Bordurian press reported."
S_CLAIM = "Petrescu said Borduria was openly supporting Varga's campaign."
S_ACCUSE = "Mila Petrescu accused Anton Varga of rigging the March 14 election."
S_REJECT = "Petrescu refused to recognise the results of the presidential election."
S_MEET = "Syldavian envoy Ilse Brandt met Ms Petrescu in Strelsau on March 20."
S_COERCE = "Ruritanian police detained the activist Jonas Kell on March 18."
S_PROTEST = "Thousands of Civic Alliance supporters protested against Varga in Strelsau."
S_SANCTION = "Syldavia imposed sanctions on Anton Varga after the disputed vote."
S_ROLE = "Ruritanian President Anton Varga, who leads the Unity Front, won a second term."
S_MEMBER = "Mila Petrescu, a member of the Civic Alliance, came second."
S_HOLT_ROLE = "Bordurian President Dragan Holt was re-elected in June 2019."
S_RESULT = "Varga won 61.2 percent of the vote and Petrescu 30.5 percent, the election commission said."
S_ANNUL = "The Supreme Court annulled the October 2 parliamentary election over vote buying."
S_RALLY = "Some 20,000 people rallied in Strelsau on March 17; police arrested 45 of them."
S_ARREST = "Jonas Kell was arrested on March 18 after the rally."
S_RESIGN = "The prime minister resigned on October 10."

ARTICLES = {
    "art-endorse": ("Bordurian leader endorses Varga", date(2021, 3, 2), "Daily Ruritanian"),
    "art-campaign": ("Campaign enters final week", date(2021, 3, 8), "Balkan Wire"),
    "art-result": ("Varga re-elected amid fraud claims", date(2021, 3, 21), "Balkan Wire"),
    "art-annul": ("Court annuls parliamentary vote", date(2022, 10, 12), "Daily Ruritanian"),
}


def ev(article_id: str, sentence: str, rule: str = "test") -> Evidence:
    return Evidence(article_id=article_id, sentence=sentence, start_char=0, end_char=len(sentence), rule=rule)


def rel(
    rtype: str,
    source: str,
    target: str,
    article_id: str,
    sentence: str,
    day: str | None = None,
    claimed_by: str | None = None,
    **attributes: str,
) -> Relation:
    return Relation(
        type=rtype,
        source=source,
        target=target,
        evidence=ev(article_id, sentence),
        date=FuzzyDate(value=day, precision="day" if len(day) == 10 else "month") if day else None,
        claimed_by=claimed_by,
        confidence=0.8,
        attributes=dict(attributes),
    )


def _extraction(article_id: str, entity_ids: list[str], **facts: Any) -> ArticleExtraction:
    title, published, outlet = ARTICLES[article_id]
    return ArticleExtraction(
        article=ArticleInfo(
            id=article_id,
            source_path=f"{article_id}.txt",
            title=title,
            published=published,
            outlet=outlet,
            url=f"https://news.example/{article_id}",
            content_hash=f"hash-{article_id}",
        ),
        entities=[ENTITIES[e] for e in entity_ids],
        **facts,
    )


def world() -> list[ArticleExtraction]:
    election_2021 = Election(
        id=ELECTION_2021,
        country=RURITANIA,
        kind="presidential",
        date=FuzzyDate(value="2021-03-14", precision="day"),
        results=[
            ElectionResult(participant=VARGA, vote_share=61.2, won=True),
            ElectionResult(participant=PETRESCU, vote_share=30.5, won=False),
        ],
        allegations=["fraud", "ballot stuffing"],
        evidence=[ev("art-result", S_RESULT)],
    )
    return [
        _extraction(
            "art-endorse",
            [BORDURIA, VARGA, HOLT, PRESIDENT_B],
            relations=[
                rel("SUPPORT", HOLT, VARGA, "art-endorse", S_HOLT_BACKS, "2021-03-01"),
                rel(
                    "HOLDS_ROLE", HOLT, PRESIDENT_B, "art-endorse", S_HOLT_ROLE, "2019-06", title="President"
                ),
            ],
            elections=[
                Election(
                    id=ELECTION_B,
                    country=BORDURIA,
                    kind="presidential",
                    date=FuzzyDate(value="2019-06-09", precision="day"),
                    results=[ElectionResult(participant=HOLT, won=True)],
                    evidence=[ev("art-endorse", S_HOLT_ROLE)],
                )
            ],
        ),
        _extraction(
            "art-campaign",
            [BORDURIA, VARGA, HOLT, PETRESCU],
            relations=[
                rel("SUPPORT", HOLT, VARGA, "art-campaign", S_HOLT_BACKS_2, "2021-03-05"),
                rel("SUPPORT", BORDURIA, VARGA, "art-campaign", S_CLAIM, None, claimed_by=PETRESCU),
            ],
        ),
        _extraction(
            "art-result",
            [RURITANIA, SYLDAVIA, VARGA, PETRESCU, BRANDT, KELL, UNITY, CIVIC, PRESIDENT_R, STRELSAU],
            relations=[
                rel("ACCUSE", PETRESCU, VARGA, "art-result", S_ACCUSE, "2021-03-16"),
                rel("REJECT", PETRESCU, ELECTION_2021, "art-result", S_REJECT, "2021-03-16"),
                rel("CONSULT", BRANDT, PETRESCU, "art-result", S_MEET, "2021-03-20"),
                rel("COERCE", RURITANIA, KELL, "art-result", S_COERCE, "2021-03-18"),
                rel("PROTEST", CIVIC, VARGA, "art-result", S_PROTEST, "2021-03-17"),
                rel("SANCTION", SYLDAVIA, VARGA, "art-result", S_SANCTION, "2021-03-19"),
                rel("HOLDS_ROLE", VARGA, PRESIDENT_R, "art-result", S_ROLE, "2016-03", title="President"),
                rel("LEADS", VARGA, UNITY, "art-result", S_ROLE, None),
                rel("MEMBER_OF", PETRESCU, CIVIC, "art-result", S_MEMBER, None),
            ],
            elections=[election_2021],
            events=[
                Event(
                    id=PROTEST_EVENT,
                    type="Protest",
                    date=FuzzyDate(value="2021-03-17", precision="day"),
                    location=STRELSAU,
                    country=RURITANIA,
                    participants=[
                        EventParticipant(entity=CIVIC, role="organizer"),
                        EventParticipant(entity=PETRESCU, role="participant"),
                    ],
                    counts={"size": 20000, "arrested": 45},
                    evidence=ev("art-result", S_RALLY),
                ),
                Event(
                    id=ARREST_EVENT,
                    type="Arrest",
                    date=FuzzyDate(value="2021-03-18", precision="day"),
                    country=RURITANIA,
                    participants=[EventParticipant(entity=KELL, role="target")],
                    evidence=ev("art-result", S_ARREST),
                ),
            ],
        ),
        _extraction(
            "art-annul",
            [RURITANIA],
            elections=[
                Election(
                    id=ELECTION_2022,
                    country=RURITANIA,
                    kind="parliamentary",
                    date=FuzzyDate(value="2022-10-02", precision="day"),
                    annulled=True,
                    allegations=["vote buying"],
                    evidence=[ev("art-annul", S_ANNUL)],
                )
            ],
            events=[
                Event(
                    id=RESIGNATION_EVENT,
                    type="Resignation",
                    date=FuzzyDate(value="2022-10-10", precision="day"),
                    country=RURITANIA,
                    evidence=ev("art-annul", S_RESIGN),
                )
            ],
        ),
    ]


def key_of(rtype: str, source: str, target: str, claimed_by: str | None = None) -> str:
    return fact_key(rel(rtype, source, target, "art-result", "x", claimed_by=claimed_by))


@pytest.fixture(scope="module")
def api_graph(driver: Driver, neo4j_settings: Settings) -> Driver:
    """The invented world, written once per test module on a wiped graph."""
    from schema.migrate import apply_migrations
    from tests.conftest import wipe_graph

    apply_migrations(driver, neo4j_settings.neo4j_database)
    wipe_graph(driver, neo4j_settings.neo4j_database)
    GraphWriter(driver, neo4j_settings.neo4j_database).write(world())
    return driver


@pytest.fixture(scope="module")
def client(api_graph: Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    from api.app import create_app

    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as test_client:
        yield test_client
