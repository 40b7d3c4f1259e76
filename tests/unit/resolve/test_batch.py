"""The batch step: articles of one batch that name the same actor or the same election end up with one id."""

from __future__ import annotations

from collections.abc import Sequence

from ingest.facts.elections import election_id
from ingest.ids import entity_id
from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    Election,
    ElectionResult,
    Entity,
    EntityType,
    Evidence,
    FuzzyDate,
    MergeRecord,
    Relation,
)
from ingest.resolve import ArticleResolution
from ingest.resolve.blocking import KnownActors
from ingest.resolve.corpus import dedupe_relations, resolve_batch
from ingest.resolve.names import name_key

P, C, ORG, PARTY = EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.PARTY

FULL = entity_id(P, name_key("Kurmanbek Bakiyev"))
BARE = entity_id(P, name_key("Bakiyev"))
ROZA = entity_id(P, name_key("Roza Otunbayeva"))
PARTY_ID = entity_id(PARTY, "Social Democratic Party of Kyrgyzstan")
SDPK = entity_id(ORG, "SDPK")
KGZ = entity_id(C, "Kyrgyzstan")
DAY = election_id(KGZ, "presidential", FuzzyDate(value="2009-07-23", precision="day"))
MONTH = election_id(KGZ, "presidential", FuzzyDate(value="2009-07", precision="month"))


def actor(eid: str, etype: EntityType, name: str, article_id: str, *aliases: str) -> Entity:
    return Entity(
        id=eid,
        type=etype,
        name=name,
        aliases=[name, *aliases],
        country=KGZ if etype != C else None,
        merges=[MergeRecord(mention=name, rule="exact", article_id=article_id)],
    )


def evidence(article_id: str, start: int, rule: str = "verb:nsubj-dobj") -> Evidence:
    return Evidence(article_id=article_id, sentence="s", start_char=start, end_char=start + 1, rule=rule)


def rel(kind: str, source: str, target: str, article_id: str, start: int, **kw: object) -> Relation:
    return Relation(type=kind, source=source, target=target, evidence=evidence(article_id, start), **kw)


def election(eid: str, date: FuzzyDate, article_id: str, participant: str, share: float) -> Election:
    return Election(
        id=eid,
        country=KGZ,
        kind="presidential",
        date=date,
        results=[ElectionResult(participant=participant, vote_share=share, won=True)],
        evidence=[evidence(article_id, 0, "election:mention")],
    )


def article(
    article_id: str, entities: list[Entity], relations: list[Relation], elections: Sequence[Election] = ()
) -> tuple[ArticleExtraction, ArticleResolution]:
    extraction = ArticleExtraction(
        article=ArticleInfo(id=article_id, source_path=f"{article_id}.txt", content_hash=article_id),
        entities=sorted(entities, key=lambda e: e.id),
        relations=dedupe_relations(relations),
        elections=list(elections),
    )
    return extraction, ArticleResolution(
        entities={e.id: e for e in entities}, spans=[], article_id=article_id
    )


def batch() -> list[tuple[ArticleExtraction, ArticleResolution]]:
    """Four articles: the full name and the party in one, the bare surname and the acronym in another, both
    forms of each in a third (as if the article had not joined them), and one that names neither."""
    day = FuzzyDate(value="2009-07-23", precision="day")
    month = FuzzyDate(value="2009-07", precision="month")
    a1 = article(
        "a1",
        [
            actor(FULL, P, "Kurmanbek Bakiyev", "a1"),
            actor(PARTY_ID, PARTY, "Social Democratic Party of Kyrgyzstan", "a1", "SDPK"),
            actor(KGZ, C, "Kyrgyzstan", "a1"),
        ],
        [rel("SUPPORT", PARTY_ID, FULL, "a1", 40, confidence=0.6)],
        [election(DAY, day, "a1", FULL, 76.1)],
    )
    a2 = article(
        "a2",
        [
            actor(BARE, P, "Bakiyev", "a2"),
            actor(SDPK, ORG, "SDPK", "a2"),
            actor(ROZA, P, "Roza Otunbayeva", "a2"),
            actor(KGZ, C, "Kyrgyzstan", "a2"),
        ],
        [
            rel("ACCUSE", SDPK, BARE, "a2", 10, claimed_by=SDPK),
            rel("SUPPORT", ROZA, BARE, "a2", 50),
            rel("ACCUSE", ROZA, MONTH, "a2", 80, claimed_by=ROZA, attributes={"allegation": "fraud"}),
        ],
        [election(MONTH, month, "a2", BARE, 76.0)],
    )
    a3 = article(
        "a3",
        [
            actor(BARE, P, "Bakiyev", "a3"),
            actor(FULL, P, "Kurmanbek Bakiyev", "a3"),
            actor(SDPK, ORG, "SDPK", "a3"),
            actor(PARTY_ID, PARTY, "Social Democratic Party of Kyrgyzstan", "a3"),
        ],
        [
            rel("SUPPORT", SDPK, BARE, "a3", 0, confidence=0.5),
            rel("SUPPORT", PARTY_ID, FULL, "a3", 0, confidence=0.7),
            rel("SUPPORT", SDPK, FULL, "a3", 0, confidence=0.7, attributes={"second": True}),
            rel("MEMBER_OF", BARE, FULL, "a3", 20),
        ],
    )
    a4 = article(
        "a4",
        [actor(ROZA, P, "Roza Otunbayeva", "a4"), actor(KGZ, C, "Kyrgyzstan", "a4")],
        [],
    )
    return [a1, a2, a3, a4]


def ids_in(ex: ArticleExtraction) -> set[str]:
    out = {e.id for e in ex.entities} | {el.id for el in ex.elections}
    for r in ex.relations:
        out |= {r.source, r.target} | ({r.claimed_by} if r.claimed_by else set())
    for el in ex.elections:
        out |= {res.participant for res in el.results}
    return out


def test_a_bare_surname_and_an_acronym_take_the_ids_of_the_full_names_across_the_batch() -> None:
    out = resolve_batch(batch(), KnownActors())
    assert [ex.article.id for ex in out] == ["a1", "a2", "a3", "a4"]
    for ex in out:
        assert not ids_in(ex) & {BARE, SDPK, MONTH}
    a2 = out[1]
    assert [e.id for e in a2.entities] == sorted([FULL, PARTY_ID, ROZA, KGZ])
    assert [(r.type, r.source, r.target, r.claimed_by) for r in a2.relations] == [
        ("ACCUSE", PARTY_ID, FULL, PARTY_ID),
        ("SUPPORT", ROZA, FULL, None),
        ("ACCUSE", ROZA, DAY, ROZA),
    ]
    # Each article keeps its own aliases and merge records; the node gathers them when written.
    bakiyev = next(e for e in a2.entities if e.id == FULL)
    assert bakiyev.name == "Kurmanbek Bakiyev"
    assert bakiyev.aliases == ["Bakiyev"]
    assert [m.article_id for m in bakiyev.merges] == ["a2"]


def test_facts_that_become_one_after_the_join_are_kept_once_the_most_confident_first() -> None:
    a3 = resolve_batch(batch(), KnownActors())[2]
    # Three SUPPORTs of one sentence are one; the relation of Bakiyev to himself is gone.
    assert [(r.type, r.source, r.target, r.confidence, r.attributes) for r in a3.relations] == [
        ("SUPPORT", PARTY_ID, FULL, 0.7, {}),
    ]
    assert [e.id for e in a3.entities] == sorted([FULL, PARTY_ID])


def test_the_same_election_told_by_two_articles_is_one_node_with_each_articles_own_results() -> None:
    a1, a2, a3, a4 = resolve_batch(batch(), KnownActors())
    assert [el.id for el in a1.elections] == [DAY]
    assert [el.id for el in a2.elections] == [DAY]
    assert a2.elections[0].date == FuzzyDate(value="2009-07-23", precision="day")
    assert [(r.participant, r.vote_share) for r in a1.elections[0].results] == [(FULL, 76.1)]
    assert [(r.participant, r.vote_share) for r in a2.elections[0].results] == [(FULL, 76.0)]
    assert [ev.article_id for ev in a2.elections[0].evidence] == ["a2"]
    assert a3.elections == [] and a4.elections == []


def test_an_article_the_join_does_not_touch_is_unchanged() -> None:
    per_article = batch()
    out = resolve_batch(per_article, KnownActors())
    assert out[3].model_dump() == per_article[3][0].model_dump()


def test_the_known_actors_learn_the_joined_actors_of_the_batch() -> None:
    known = KnownActors([actor(KGZ, C, "Kyrgyzstan", "old")])
    resolve_batch(batch(), known)
    assert sorted(known.by_id) == sorted([FULL, PARTY_ID, ROZA, KGZ])
    bakiyev = known.by_id[FULL]
    assert set(bakiyev.aliases) == {"Kurmanbek Bakiyev", "Bakiyev"}
    assert bakiyev.merges == []  # merge records stay with the articles that made them


def test_a_batch_that_joins_nothing_is_returned_as_extracted() -> None:
    per_article = [batch()[0], batch()[3]]
    out = resolve_batch(per_article, KnownActors())
    assert [ex.model_dump() for ex in out] == [ex.model_dump() for ex, _ in per_article]


def test_a_later_batch_joins_a_bare_surname_to_an_actor_known_from_an_earlier_one() -> None:
    known = KnownActors()
    everything = batch()
    resolve_batch([everything[0]], known)
    (a2,) = resolve_batch([everything[1]], known)
    assert not ids_in(a2) & {BARE, SDPK}
    # The election is joined only within a batch: the graph has no election to join it to here.
    assert [el.id for el in a2.elections] == [MONTH]


def test_dedupe_keeps_the_first_of_the_most_confident_and_the_order_of_first_sight() -> None:
    rels = [
        rel("SUPPORT", ROZA, FULL, "a", 0, confidence=0.5),
        rel("ACCUSE", ROZA, FULL, "a", 0, confidence=0.5),
        rel("SUPPORT", ROZA, FULL, "a", 0, confidence=0.7, attributes={"n": 1}),
        rel("SUPPORT", ROZA, FULL, "a", 0, confidence=0.7, attributes={"n": 2}),
        rel("SUPPORT", ROZA, FULL, "a", 5, confidence=0.1),
    ]
    out = dedupe_relations(rels)
    assert [(r.type, r.evidence.start_char, r.confidence, r.attributes) for r in out] == [
        ("SUPPORT", 0, 0.7, {"n": 1}),
        ("ACCUSE", 0, 0.5, {}),
        ("SUPPORT", 5, 0.1, {}),
    ]


def test_a_tie_is_settled_within_the_article_before_the_join_so_both_dedupes_are_needed() -> None:
    """The pipeline dedupes an article's relations before the batch step, which dedupes again after the join:
    the first pass settles which of two equally confident forms of one fact stays, and the join can make
    two facts one, so dropping either pass would change the output."""
    entities = [
        actor(FULL, P, "Kurmanbek Bakiyev", "a"),
        actor(SDPK, ORG, "SDPK", "a"),
        actor(PARTY_ID, PARTY, "Social Democratic Party of Kyrgyzstan", "a", "SDPK"),
    ]
    found = [
        rel("SUPPORT", SDPK, FULL, "a", 0, confidence=0.5),
        rel("SUPPORT", PARTY_ID, FULL, "a", 0, confidence=0.7),
        rel("SUPPORT", SDPK, FULL, "a", 0, confidence=0.7, attributes={"acronym": True}),
    ]

    def joined(relations: list[Relation]) -> list[tuple[str, dict[str, object]]]:
        ex = ArticleExtraction(
            article=ArticleInfo(id="a", source_path="a"), entities=entities, relations=relations
        )
        resolution = ArticleResolution(entities={e.id: e for e in entities}, spans=[], article_id="a")
        (out,) = resolve_batch([(ex, resolution)], KnownActors())
        return [(r.source, r.attributes) for r in out.relations]

    assert joined(dedupe_relations(found)) == [(PARTY_ID, {"acronym": True})]
    assert joined(found) == [(PARTY_ID, {})]
