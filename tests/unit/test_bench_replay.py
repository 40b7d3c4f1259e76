"""The bench's played-back copies (bench/replay.py): each copy has articles, events and elections of its own,
and the same actors, whose facts it adds to."""

from __future__ import annotations

import pickle
from pathlib import Path

from bench.replay import ReplayEngine, copy_of, shifted
from ingest.bulk import BulkGraph
from ingest.engines import ArticleKey
from ingest.models import (
    ArticleExtraction,
    ArticleInfo,
    ArticleResolution,
    Election,
    ElectionResult,
    Entity,
    EntityType,
    Event,
    EventParticipant,
    Evidence,
    FuzzyDate,
    MergeRecord,
    ReadError,
    Relation,
)

VOSS = "person:ilse-voss"
MARR = "person:teodor-marr"
LAND = "country:nld"


def outcome(article_id: str) -> tuple[ArticleExtraction, ArticleResolution]:
    sentence = "Voss backed Marr before the vote."
    ev = Evidence(article_id=article_id, sentence=sentence, start_char=0, end_char=len(sentence), rule="t")
    voss = Entity(
        id=VOSS, type=EntityType.PERSON, name="Ilse Voss",
        merges=[MergeRecord(mention="Voss", rule="surname", article_id=article_id)],
    )  # fmt: skip
    marr = Entity(id=MARR, type=EntityType.PERSON, name="Teodor Marr")
    land = Entity(id=LAND, type=EntityType.COUNTRY, name="Landia")
    election = "election:nld:presidential:2012-02-29"
    extraction = ArticleExtraction(
        article=ArticleInfo(
            id=article_id, source_path=f"feed/{article_id}.txt", published=FuzzyDate(
                value="2012-03-04", precision="day").start(), content_hash=f"hash-{article_id}",
        ),
        entities=[voss, marr, land],
        relations=[
            Relation(type="SUPPORT", source=VOSS, target=MARR, evidence=ev,
                     date=FuzzyDate(value="2012-02", precision="month")),
            Relation(type="REJECT", source=MARR, target=election, evidence=ev),
        ],
        elections=[
            Election(id=election, country=LAND, kind="presidential",
                     date=FuzzyDate(value="2012-02-29", precision="day"),
                     results=[ElectionResult(participant=MARR, vote_share=51.0, evidence=ev)], evidence=[ev]),
        ],
        events=[
            Event(id="event:0011", type="Protest", date=FuzzyDate(value="2012", precision="year"),
                  country=LAND, participants=[EventParticipant(entity=VOSS, role="organizer")], evidence=ev),
        ],
    )  # fmt: skip
    resolution = ArticleResolution(
        entities={VOSS: voss, MARR: marr, LAND: land}, spans=[], article_id=article_id
    )
    return extraction, resolution


def test_a_date_moves_on_by_whole_years_and_a_leap_day_survives_only_in_a_leap_year() -> None:
    assert shifted("2012", "-02-29", 20) == "2032-02-29"
    assert shifted("2080", "-02-29", 20) == "2100-02-28"  # 2100 is no leap year
    assert shifted("2012", "-07", 40) == "2052-07"
    assert shifted("1999", "", 20) == "2019"


def test_the_first_copy_is_the_outcome_itself() -> None:
    original = outcome("article:a1")
    assert copy_of(original, 0) is original


def test_a_copy_has_ids_and_dates_of_its_own_and_the_same_actors() -> None:
    original, resolution = outcome("article:a1")
    moved, moved_resolution = copy_of((original, resolution), 2)
    new = moved.article.id
    assert new != original.article.id and new.startswith("article:")
    assert moved.article.content_hash != original.article.content_hash
    assert moved.article.source_path != original.article.source_path
    assert moved.article.published is not None and moved.article.published.isoformat() == "2052-03-04"
    support, reject = moved.relations
    assert support.date is not None and support.date.value == "2052-02"
    assert {support.evidence.article_id, reject.evidence.article_id} == {new}
    (election,) = moved.elections
    assert election.id == "election:nld:presidential:2052-02-29" == reject.target
    assert election.date is not None and election.date.value == "2052-02-29"
    assert election.results[0].evidence is not None and election.results[0].evidence.article_id == new
    (event,) = moved.events
    assert event.id != original.events[0].id and event.date is not None and event.date.value == "2052"
    # The actors are the same, and the record of why a mention joined one points at the copy's article.
    assert [e.id for e in moved.entities] == [e.id for e in original.entities]
    assert moved.entities[0].merges[0].article_id == new
    assert moved_resolution.article_id == new and moved_resolution.entities[VOSS].merges[0].article_id == new
    # The evidence's own words are left as they are.
    assert support.evidence.sentence == original.relations[0].evidence.sentence
    # The original is untouched.
    assert original.relations[0].date is not None and original.relations[0].date.value == "2012-02"


def test_copies_fold_into_articles_events_and_elections_of_their_own_and_the_same_facts(
    tmp_path: Path,
) -> None:
    first = outcome("article:a1")
    graph = BulkGraph(tmp_path)
    graph.write([copy_of(first, 0)[0]])
    graph.write([copy_of(first, 1)[0]])
    try:
        (support,) = [r for r in graph.store.rels() if r.type == "SUPPORT"]
        assert support.props["sources"] == 2 and len(graph.nodes["Actor"]) == 3
        assert len(graph.nodes["Election"]) == 2 and len(graph.nodes["Event"]) == 2
    finally:
        graph.close()


def test_the_engine_plays_back_each_copy_admitting_as_the_ingest_decides(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.pickle"
    with path.open("wb") as f:
        pickle.dump([outcome("article:a1"), outcome("article:a2")], f)
        pickle.dump([outcome("article:a3")], f)
    asked: list[list[ArticleKey]] = []

    def admit(keys: list[ArticleKey], failures: list[ReadError], warnings: list[ReadError]) -> list[int]:
        asked.append(keys)
        return [i for i, key in enumerate(keys) if key.id != "article:a2"]  # as if read earlier

    engine = ReplayEngine(path, copies=3)
    played = [o for o in engine.outcomes(None, admit)]  # type: ignore[arg-type]  # a copy needs no pipeline
    ids = [o[0].article.id for o in played if not isinstance(o, ReadError)]
    assert [len(keys) for keys in asked] == [2, 1] * 3
    # The ingest refused one article of the first copy; the copies of it are other articles.
    assert len(ids) == 3 * 3 - 1 and len(set(ids)) == 8 and "article:a2" not in ids
    assert ids[:2] == ["article:a1", "article:a3"]


def test_resolution_alone_reports_a_digest_that_follows_the_graph(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bench.after_extraction import app

    def kept(name: str, kind: str) -> Path:
        path = tmp_path / name
        told = [outcome("article:a1"), outcome("article:a2")]
        told[1][0].relations[0].type = kind
        with path.open("wb") as f:
            pickle.dump(told[:1], f)
            pickle.dump(told[1:], f)
        return path

    def digest(path: Path, *options: str) -> str:
        result = CliRunner().invoke(app, [str(path), "--articles", "10", *options])
        assert result.exit_code == 0, result.output
        assert "first pass: 2 articles" in result.output and "a copy: 2 articles;" in result.output
        return result.output.rsplit("digest of the extractions and known actors: ", 1)[1].strip()

    same = kept("same.pickle", "SUPPORT")
    assert digest(same) == digest(same)
    assert digest(kept("other.pickle", "ACCUSE")) != digest(same)
    assert digest(same, "--fold") == digest(same, "--fold") != digest(same)
