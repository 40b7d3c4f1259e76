"""The development-corpus scorer counts what it says it counts (quality/score.py)."""

from __future__ import annotations

from typing import Any

from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    Election,
    ElectionResult,
    Entity,
    EntityType,
    Evidence,
    FuzzyDate,
    Relation,
)
from quality.corpus import GoldArticle
from quality.score import score

EV = Evidence(article_id="a", sentence="s", start_char=0, end_char=1, rule="test")


def _gold(**parts: Any) -> GoldArticle:
    return GoldArticle.model_validate(
        {"url": "https://example.org/1", "outlet": "Example", "title": "t", "licence": "test", **parts}
    )


def _entity(eid: str, etype: EntityType, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, type=etype, name=name, aliases=list(aliases))


def _rel(rtype: str, source: str, target: str, **extra: Any) -> Relation:
    return Relation(type=rtype, source=source, target=target, evidence=EV, **extra)


ENTITIES = [
    {"name": "Anna Berg", "type": "Person", "aliases": ["Berg", "Ms Berg"]},
    {"name": "Tomas Kell", "type": "Person", "aliases": ["Kell"]},
    {"name": "Ruritania", "type": "Country", "aliases": ["Ruritanian"]},
    {"name": "Union Party", "type": "Party"},
]
EXTRACTED = [
    _entity("p1", EntityType.PERSON, "Anna Berg", "Berg", "Ms Berg"),
    _entity("p2", EntityType.PERSON, "Tomas Kell", "Kell"),
    _entity("c1", EntityType.COUNTRY, "Ruritania", "Ruritanian"),
    _entity("o1", EntityType.OFFICE, "President of Ruritania"),
    _entity("u1", EntityType.PARTY, "Union Party"),
]


# An October 2020 presidential election of c1 that gives Anna Berg (p1) 61.5%.
BERG_WON = Election(
    id="election:c1:presidential:2020-10",
    country="c1",
    kind="presidential",
    date=FuzzyDate(value="2020-10", precision="month"),
    results=[ElectionResult(participant="p1", vote_share=61.5)],
)


def _extraction(relations: list[Relation], elections: list[Election] | None = None) -> ArticleExtraction:
    return ArticleExtraction(
        article=ArticleInfo(id="a", source_path="x-01.txt"),
        entities=EXTRACTED,
        relations=relations,
        elections=elections or [],
    )


def test_right_wrong_missed_and_optional_facts_are_counted_per_type() -> None:
    gold = _gold(
        entities=ENTITIES,
        relations=[
            {"type": "ACCUSE", "source": "Anna Berg", "target": "Tomas Kell", "evidence": "e"},
            {"type": "SUPPORT", "source": "Union Party", "target": "Anna Berg", "evidence": "e"},
            {
                "type": "COERCE",
                "source": "Ruritania",
                "target": "Tomas Kell",
                "evidence": "e",
                "optional": True,
            },
        ],
    )
    ex = _extraction(
        [
            _rel("ACCUSE", "p1", "p2"),
            _rel("ACCUSE", "p1", "p2"),  # the same fact from a second sentence counts once
            _rel("ACCUSE", "p2", "p1"),  # wrong direction
            _rel("COERCE", "c1", "p2"),  # matches the optional fact: neither right nor wrong
        ]
    )
    report = score({"x-01.txt": gold}, {"x-01.txt": ex})
    accuse, support = report.relations["ACCUSE"], report.relations["SUPPORT"]
    assert (accuse.tp, accuse.fp, accuse.found, accuse.total) == (1, 1, 1, 1)
    assert (support.tp, support.fp, support.found, support.total) == (0, 0, 0, 1)
    coerce = report.relations.get("COERCE")
    assert coerce is None or (coerce.tp, coerce.fp, coerce.total) == (0, 0, 0)
    inter = report.tally(("ACCUSE", "SUPPORT", "COERCE"))
    assert inter.precision == 0.5 and inter.recall == 0.5
    assert any("SUPPORT Union Party -> Anna Berg" in m for m in report.misses)


def test_meetings_match_either_way_and_alt_types_are_accepted() -> None:
    gold = _gold(
        entities=ENTITIES,
        relations=[
            {"type": "CONSULT", "source": "Anna Berg", "target": "Tomas Kell", "evidence": "e"},
            {
                "type": "ACCUSE",
                "source": "Tomas Kell",
                "target": "Ruritania",
                "evidence": "e",
                "alt_types": ["REJECT"],
            },
            {
                "type": "HOLDS_ROLE",
                "source": "Anna Berg",
                "target": "President of Ruritania",
                "evidence": "e",
            },
        ],
    )
    ex = _extraction(
        [_rel("CONSULT", "p2", "p1"), _rel("REJECT", "p2", "c1"), _rel("HOLDS_ROLE", "p1", "o1")]
    )
    report = score({"x-01.txt": gold}, {"x-01.txt": ex})
    assert report.tally(("CONSULT", "ACCUSE", "REJECT")).recall == 1.0
    assert report.tally(("CONSULT", "ACCUSE", "REJECT")).precision == 1.0
    assert report.relations["HOLDS_ROLE"].tp == 1
    assert report.wrong == []


def test_elections_shares_and_alias_groups() -> None:
    gold = _gold(
        entities=ENTITIES,
        events=[
            {
                "type": "Election",
                "kind": "presidential",
                "country": "Ruritania",
                "date": "2020-10-28",
                "results": [
                    {"candidate": "Anna Berg", "vote_share": 61.5, "won": True},
                    {"candidate": "Tomas Kell", "vote_share": 30},
                ],
            }
        ],
    )
    election = BERG_WON
    ex = _extraction([], [election])
    report = score({"x-01.txt": gold}, {"x-01.txt": ex})
    assert (report.elections_found, report.elections_dated, report.elections_total) == (1, 1, 1)
    assert (report.shares_found, report.shares_total) == (1, 2)
    assert (report.alias_groups_merged, report.alias_groups_total) == (3, 3)
    assert report.false_merges == []


def test_a_gold_election_with_no_country_matches_on_kind_and_is_not_dated() -> None:
    results = [{"candidate": "Anna Berg", "vote_share": 61.5}]
    gold = _gold(entities=ENTITIES, events=[{"type": "Election", "kind": "presidential", "results": results}])
    election = BERG_WON
    report = score({"x-01.txt": gold}, {"x-01.txt": _extraction([], [election])})
    assert (report.elections_found, report.elections_dated) == (1, 0)
    assert (report.shares_found, report.shares_total) == (1, 1)
    # Another kind of election is still no match.
    other = election.model_copy(update={"kind": "parliamentary"})
    report = score({"x-01.txt": gold}, {"x-01.txt": _extraction([], [other])})
    assert (report.elections_found, report.shares_found) == (0, 0)


def test_a_node_holding_two_gold_actors_is_a_false_merge_and_a_split_is_a_miss() -> None:
    gold = _gold(entities=ENTITIES)
    ex = ArticleExtraction(
        article=ArticleInfo(id="a", source_path="x-01.txt"),
        entities=[
            _entity("p1", EntityType.PERSON, "Anna Berg", "Kell"),
            _entity("p3", EntityType.PERSON, "Ms Berg"),
        ],
    )
    report = score({"x-01.txt": gold}, {"x-01.txt": ex})
    assert len(report.false_merges) == 1
    assert report.alias_groups_merged == 0


def test_an_office_matches_on_any_spelling_of_its_country_and_a_meeting_told_both_ways_is_one() -> None:
    gold = _gold(
        entities=[*ENTITIES, {"name": "Turkey", "type": "Country"}],
        relations=[
            {"type": "HOLDS_ROLE", "source": "Anna Berg", "target": "President of Turkey", "evidence": "e"},
            {"type": "CONSULT", "source": "Anna Berg", "target": "Tomas Kell", "evidence": "e"},
        ],
    )
    turkey = _entity("c2", EntityType.COUNTRY, "Türkiye", "Turkey", "Turkish")
    office = Entity(id="o2", type=EntityType.OFFICE, name="President of Türkiye", country="c2")
    ex = ArticleExtraction(
        article=ArticleInfo(id="a", source_path="x-01.txt"),
        entities=[*EXTRACTED, turkey, office],
        relations=[_rel("HOLDS_ROLE", "p1", "o2"), _rel("CONSULT", "p1", "p2"), _rel("CONSULT", "p2", "p1")],
    )
    report = score({"x-01.txt": gold}, {"x-01.txt": ex})
    assert report.relations["HOLDS_ROLE"].tp == 1
    assert (report.relations["CONSULT"].tp, report.relations["CONSULT"].fp) == (1, 0)


def test_a_rejected_election_matches_a_gold_rejection_of_its_winner() -> None:
    gold = _gold(
        entities=ENTITIES,
        relations=[{"type": "REJECT", "source": "Tomas Kell", "target": "Anna Berg", "evidence": "e"}],
    )
    election = Election(
        id="election:c1:presidential:2020",
        country="c1",
        kind="presidential",
        results=[ElectionResult(participant="p1", won=True), ElectionResult(participant="p2", won=False)],
    )
    ex = _extraction([_rel("REJECT", "p2", "election:c1:presidential:2020")], [election])
    report = score({"x-01.txt": gold}, {"x-01.txt": ex})
    assert (report.relations["REJECT"].tp, report.relations["REJECT"].fp) == (1, 0)
