"""Curation's rewrite of a batch's extractions, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ingest.curation.overrides import Curation, Override, OverrideKind
from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    Entity,
    EntityType,
    Event,
    Evidence,
    MergeRecord,
    Relation,
)
from ingest.write import fact_key

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def override(kind: OverrideKind, minutes: int = 0, **args: object) -> Override:
    return Override(id=f"o{minutes}", kind=kind, by="t", at=T0 + timedelta(minutes=minutes), **args)


def person(eid: str, name: str, *spellings: str) -> Entity:
    return Entity(
        id=eid,
        type=EntityType.PERSON,
        name=name,
        aliases=list(spellings or (name,)),
        merges=[MergeRecord(mention=s, rule="exact") for s in spellings or (name,)],
    )


def article(entities: list[Entity], relations: list[Relation], events: list[Event] = ()) -> ArticleExtraction:  # type: ignore[assignment]
    return ArticleExtraction(
        article=ArticleInfo(id="a1", source_path="a1.txt"),
        entities=entities,
        relations=relations,
        events=list(events),
    )


def rel(source: str, target: str, rtype: str = "SUPPORT") -> Relation:
    return Relation(
        type=rtype,
        source=source,
        target=target,
        evidence=Evidence(article_id="a1", sentence="s", start_char=0, end_char=1, rule="r"),
    )


def test_a_merge_rewrites_ids_joins_spellings_and_drops_facts_on_one_actor() -> None:
    c = Curation([override(OverrideKind.MERGE, actor="person:a", other="person:b", actor_name="Ann A")])
    ex = article(
        [person("person:a", "Ann A"), person("person:b", "Ann B", "Ann B", "B"), person("person:c", "Cy")],
        [rel("person:b", "person:c"), rel("person:a", "person:b"), rel("person:c", "person:a")],
    )
    out = c.apply([ex])[0]
    assert [e.id for e in out.entities] == ["person:a", "person:c"]
    merged = out.entities[0]
    assert merged.name == "Ann A" and merged.aliases == ["Ann A", "Ann B", "B"]
    assert [m.mention for m in merged.merges] == ["Ann A", "Ann B", "B"]
    # a->b became a->a and is gone; b->c and c->a are a's.
    assert sorted((r.source, r.target) for r in out.relations) == [
        ("person:a", "person:c"),
        ("person:c", "person:a"),
    ]


def test_chained_merges_lead_to_the_last_survivor_and_a_cycle_stops() -> None:
    c = Curation(
        [
            override(OverrideKind.MERGE, 0, actor="person:a", other="person:b"),
            override(OverrideKind.MERGE, 1, actor="person:c", other="person:a"),
        ]
    )
    assert c.survivor("person:b") == "person:c"
    loop = Curation(
        [
            override(OverrideKind.MERGE, 0, actor="person:a", other="person:b"),
            override(OverrideKind.MERGE, 1, actor="person:b", other="person:a"),
        ]
    )
    assert loop.survivor("person:a") in {"person:a", "person:b"}


def test_a_split_takes_an_article_only_when_all_its_spellings_are_split_off() -> None:
    c = Curation(
        [
            override(
                OverrideKind.SPLIT,
                actor="person:k",
                new_actor="person:k2",
                name="K Two",
                aliases=["K Two", "Two"],
                actor_type=EntityType.PERSON,
            )
        ]
    )
    only = c.apply([article([person("person:k", "K One", "k two", "Two")], [rel("person:k", "country:x")])])[
        0
    ]
    assert [e.id for e in only.entities] == ["person:k2"] and only.entities[0].name == "K Two"
    assert only.relations[0].source == "person:k2"
    mixed = c.apply([article([person("person:k", "K One", "K One", "Two")], [rel("person:k", "country:x")])])[
        0
    ]
    assert [e.id for e in mixed.entities] == ["person:k"]
    assert mixed.entities[0].aliases == ["K One"]  # split-off spellings never come back to it


def test_rejected_facts_and_blocked_names_are_not_written() -> None:
    bad = rel("person:a", "person:c", "ACCUSE")
    c = Curation(
        [
            override(OverrideKind.REJECT, fact_key=fact_key(bad)),
            override(OverrideKind.BLOCK, 1, name="kant", entity_type=EntityType.PERSON),
            override(OverrideKind.RENAME, 2, actor="person:c", name="Cy C"),
        ]
    )
    kant = person("person:kant", "Kant")
    place = Entity(id="location:kant", type=EntityType.LOCATION, name="Kant")
    event = Event(
        id="event:1",
        type="Protest",
        location="person:kant",
        evidence=Evidence(article_id="a1", sentence="s", start_char=0, end_char=1, rule="r"),
    )
    ex = article(
        [person("person:a", "Ann"), person("person:c", "Cy"), kant, place],
        [bad, rel("person:a", "person:c"), rel("person:kant", "person:a")],
        [event],
    )
    out = Curation([]).apply([ex])[0]
    assert out is ex  # no override, nothing rewritten
    out = c.apply([ex])[0]
    assert [e.id for e in out.entities] == [
        "location:kant",
        "person:a",
        "person:c",
    ]  # blocked as a person only
    assert [(r.type, r.source, r.target) for r in out.relations] == [("SUPPORT", "person:a", "person:c")]
    assert out.events[0].location is None
    assert next(e for e in out.entities if e.id == "person:c").name == "Cy C"


def test_a_reverted_override_is_not_applied() -> None:
    o = override(OverrideKind.MERGE, actor="person:a", other="person:b").model_copy(update={"active": False})
    assert not Curation([o])
