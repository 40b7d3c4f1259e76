"""Curation end to end on the sample articles and a real Neo4j: each override changes the graph at once,
holds through a later ingest of the same articles (edited, so that they are really extracted again), and
its revert gives back the graph there was before it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from ingest.curation import store
from ingest.models import EntityType
from ingest.pipeline import IngestSummary, Pipeline, ingest_items, known_actors
from ingest.read import read_inputs
from polgraph.settings import Settings
from tests.conftest import DATA_DIR, subprocess_env
from tests.integration.canonical import Row, dyad_mismatches, first_difference, graph_dump

pytestmark = pytest.mark.neo4j

ATAMBAEV = "person:almazbek-atambaev"
BABANOV = "person:omurbek-babanov"
BAKIEV = "person:kurmanbek-bakiev"
KANT = "person:kant"
JAPAROV = "person:sadir-japarov"


def ingest(driver: Driver, settings: Settings, path: Path, batch: int = 100) -> IngestSummary:
    """As `polgraph ingest` does it: the known actors read from the graph, spaCy in this process."""
    inline = settings.model_copy(update={"nlp_processes": 0, "ingest_batch_size": batch})
    pipeline = Pipeline(inline, known=known_actors(driver, inline.neo4j_database))
    summary, _ = ingest_items(read_inputs([str(path)]), driver, inline, pipeline=pipeline)
    assert summary.failed == 0, summary.failures
    return summary


@pytest.fixture
def sample(empty_graph: Driver, neo4j_settings: Settings) -> Driver:
    assert ingest(empty_graph, neo4j_settings, DATA_DIR).new == 5
    return empty_graph


def reingest(driver: Driver, settings: Settings) -> IngestSummary:
    """The sample articles ingested again and really extracted again, as after an edit of each: their stored
    texts are made to differ, so the writer replaces every one. One article a batch: the writer fails a batch
    that replaces two articles naming an actor only they name (ingest/cypher/retract_nodes.cypher deletes it
    for the first and meets it deleted for the second), with or without curation."""
    driver.execute_query("MATCH (a:Article) SET a.content_hash = 'edited'", database_="neo4j")
    summary = ingest(driver, settings, DATA_DIR, batch=1)
    assert summary.replaced == 5
    return summary


def query(driver: Driver, cypher: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, params, database_="neo4j")
    return [dict(r) for r in records]


def actor(driver: Driver, actor_id: str) -> dict[str, Any] | None:
    rows = query(driver, "MATCH (a:Actor {id: $id}) RETURN properties(a) AS a", id=actor_id)
    return rows[0]["a"] if rows else None


def facts_of(driver: Driver, actor_id: str) -> set[tuple[str, str, str]]:
    rows = query(
        driver,
        "MATCH (a:Actor {id: $id})-[r]-(x) WHERE r.key IS NOT NULL "
        "RETURN type(r) AS t, startNode(r).id AS s, endNode(r).id AS e",
        id=actor_id,
    )
    return {(r["t"], r["s"], r["e"]) for r in rows}


def consistent(driver: Driver) -> None:
    """Every fact has evidence, every piece of evidence its fact, no actor its search node twice, and every
    pair's summary sums its interactions."""
    orphans = query(
        driver,
        "MATCH ()-[r]->() WHERE r.key IS NOT NULL AND NOT EXISTS { MATCH (:Evidence {fact_key: r.key}) } "
        "RETURN count(r) AS n",
    )
    assert orphans[0]["n"] == 0
    lost = query(
        driver,
        "MATCH (ev:Evidence) WHERE ev.rel_type IS NOT NULL AND NOT EXISTS { "
        "MATCH (:Actor {id: ev.source_id})-[r {key: ev.fact_key}]->(t) WHERE t.id = ev.target_id } "
        "RETURN count(ev) AS n",
    )
    assert lost[0]["n"] == 0
    searchless = query(
        driver,
        "MATCH (a:Actor) WHERE NOT EXISTS { MATCH (:ActorSearch {actor_id: a.id}) } RETURN count(a) AS n",
    )
    assert searchless[0]["n"] == 0
    assert dyad_mismatches(driver, "neo4j") == []


def dump(driver: Driver) -> tuple[list[Row], list[Row]]:
    """The graph less the overrides' own records. A fact's `article_ids` are compared as a set: an article
    derived again is appended to the list, as an edited article is."""
    nodes, rels = graph_dump(driver, "neo4j")

    def unordered(row: Row) -> Row:
        props = tuple((k, tuple(sorted(v)) if k == "article_ids" else v) for k, v in row[-1])
        return (*row[:-1], props)

    return [n for n in nodes if "Override" not in n[0]], sorted(unordered(r) for r in rels)


def same_graph(driver: Driver, before: tuple[list[Row], list[Row]]) -> None:
    after = dump(driver)
    assert after[0] == before[0], first_difference(before[0], after[0])
    assert after[1] == before[1], first_difference(before[1], after[1])


def test_a_merge_moves_everything_and_holds_through_a_reingest(
    sample: Driver, neo4j_settings: Settings
) -> None:
    told = facts_of(sample, BABANOV)
    assert ("SUPPORT", "country:kazakhstan", BABANOV) in told
    o = store.merge(sample, "neo4j", ATAMBAEV, BABANOV, by="analyst", reason="one man in these tests")
    assert o.articles == ["article:fcc278c48faacdca"] and "Omurbek Babanov" in o.added_aliases

    assert actor(sample, BABANOV) is None
    merged = actor(sample, ATAMBAEV)
    assert merged is not None and merged["name"] == "Almazbek Atambaev"
    assert {"Omurbek Babanov", "Babanov", "Almazbek Atambaev"} <= set(merged["aliases"])
    assert ("SUPPORT", "country:kazakhstan", ATAMBAEV) in facts_of(sample, ATAMBAEV)
    # "Babanov consulted Atambaev" now joins one actor to itself: dropped, as the resolver drops it.
    assert not any(s == e for _, s, e in facts_of(sample, ATAMBAEV))
    search = query(sample, "MATCH (s:ActorSearch {actor_id: $id}) RETURN s.aliases_text AS t", id=ATAMBAEV)
    assert "Babanov" in search[0]["t"]
    assert (
        query(sample, "MATCH (s:ActorSearch {actor_id: $id}) RETURN count(s) AS n", id=BABANOV)[0]["n"] == 0
    )
    consistent(sample)

    reingest(sample, neo4j_settings)
    assert actor(sample, BABANOV) is None, "the re-ingest split the merged actor again"
    assert ("SUPPORT", "country:kazakhstan", ATAMBAEV) in facts_of(sample, ATAMBAEV)
    named = query(sample, "MATCH (a:Actor) WHERE 'Omurbek Babanov' IN a.aliases RETURN collect(a.id) AS ids")
    assert named[0]["ids"] == [ATAMBAEV]
    consistent(sample)


def test_reverting_a_merge_and_ingesting_again_gives_back_the_graph(
    sample: Driver, neo4j_settings: Settings
) -> None:
    before = dump(sample)
    o = store.merge(sample, "neo4j", ATAMBAEV, BABANOV, by="analyst")
    reverted, stale = store.revert_override(sample, "neo4j", o.id, by="reviewer")
    assert not reverted.active and reverted.revoked_by == "reviewer"
    assert stale == ["article:fcc278c48faacdca"]
    again = ingest(sample, neo4j_settings, DATA_DIR)
    assert (again.replaced, again.unchanged) == (1, 4)
    same_graph(sample, before)
    listed = store.list_overrides(sample, "neo4j")
    assert [(x.id, x.active) for x in listed] == [(o.id, False)]
    assert store.list_overrides(sample, "neo4j", active_only=True) == []


def test_a_rejected_fact_stays_out_and_its_revert_restores_it(
    sample: Driver, neo4j_settings: Settings
) -> None:
    before = dump(sample)
    key = query(
        sample,
        "MATCH (:Actor {id: 'country:kyrgyzstan'})-[r:COERCE]->(:Actor {id: $id}) RETURN r.key AS key",
        id=JAPAROV,
    )[0]["key"]
    o = store.reject(sample, "neo4j", key, by="analyst", reason="an arrest, not by the state")
    assert query(sample, "MATCH ()-[r {key: $key}]->() RETURN count(r) AS n", key=key)[0]["n"] == 0
    assert query(sample, "MATCH (ev:Evidence {fact_key: $key}) RETURN count(ev) AS n", key=key)[0]["n"] == 0
    consistent(sample)
    store.revert_override(sample, "neo4j", o.id, by="analyst")
    same_graph(sample, before)  # at once, with no ingest: the fact and its evidence were kept on the override

    store.reject(sample, "neo4j", key, by="analyst", reason="again")
    reingest(sample, neo4j_settings)
    assert query(sample, "MATCH ()-[r {key: $key}]->() RETURN count(r) AS n", key=key)[0]["n"] == 0
    assert query(sample, "MATCH (ev:Evidence {fact_key: $key}) RETURN count(ev) AS n", key=key)[0]["n"] == 0
    consistent(sample)
    with pytest.raises(store.CurationError, match="no fact has the key 'nosuchkey'"):
        store.reject(sample, "neo4j", "nosuchkey", by="analyst")


def test_a_blocked_name_never_becomes_an_actor_again(sample: Driver, neo4j_settings: Settings) -> None:
    # The graph to come back to is the one where the article is derived again alone, without the block: an
    # article written in a batch of its own does not have its elections joined to the batch's others
    # (ingest/resolve/corpus.py), block or no block.
    sample.execute_query(
        "MATCH (a:Article {id: 'article:d66c89e5a5fa508b'}) SET a.content_hash = 'edited'", database_="neo4j"
    )
    assert ingest(sample, neo4j_settings, DATA_DIR).replaced == 1
    before = dump(sample)
    assert actor(sample, KANT) is not None  # a town near Bishkek, taken for a surname
    o = store.block(sample, "neo4j", "kant", by="analyst", entity_type=EntityType.PERSON, reason="a town")
    assert o.articles == ["article:d66c89e5a5fa508b"]
    assert actor(sample, KANT) is None
    consistent(sample)
    _, stale = store.revert_override(sample, "neo4j", o.id, by="analyst")
    assert stale == ["article:d66c89e5a5fa508b"]
    assert ingest(sample, neo4j_settings, DATA_DIR).replaced == 1
    same_graph(sample, before)

    store.block(sample, "neo4j", "Kant", by="analyst", reason="a town, as any actor")
    reingest(sample, neo4j_settings)
    assert query(sample, "MATCH (a:Actor) WHERE toLower(a.name) = 'kant' RETURN count(a) AS n")[0]["n"] == 0
    consistent(sample)


def test_a_rename_keeps_the_id_and_the_old_name(sample: Driver, neo4j_settings: Settings) -> None:
    before = dump(sample)
    o = store.rename(sample, "neo4j", ATAMBAEV, "Almazbek Sharshenovich Atambayev", by="analyst")
    renamed = actor(sample, ATAMBAEV)
    assert renamed is not None and renamed["name"] == "Almazbek Sharshenovich Atambayev"
    assert {"Almazbek Atambaev", "Almazbek Sharshenovich Atambayev"} <= set(renamed["aliases"])
    search = query(sample, "MATCH (s:ActorSearch {actor_id: $id}) RETURN s.name AS name", id=ATAMBAEV)
    assert search[0]["name"] == "Almazbek Sharshenovich Atambayev"
    store.revert_override(sample, "neo4j", o.id, by="analyst")
    same_graph(sample, before)

    store.rename(sample, "neo4j", ATAMBAEV, "Almazbek Sharshenovich Atambayev", by="analyst")
    # Deleted with the articles that named it and written again by them, the actor is still renamed.
    sample.execute_query("MATCH (a:Actor {id: $id}) DETACH DELETE a", id=ATAMBAEV, database_="neo4j")
    reingest(sample, neo4j_settings)
    assert (actor(sample, ATAMBAEV) or {})["name"] == "Almazbek Sharshenovich Atambayev"


def test_a_split_moves_the_articles_that_use_only_those_spellings(
    sample: Driver, neo4j_settings: Settings
) -> None:
    spellings = ["Kurmanbek Bakiyev", "Bakiyev", "Mr Bakiyev", "President Bakiyev"]
    o = store.split(sample, "neo4j", BAKIEV, spellings, by="analyst", reason="two spellings, two men here")
    assert o.new_actor == "person:kurmanbek-bakiyev"
    assert o.articles == ["article:d66c89e5a5fa508b"]

    def check() -> None:
        old, new = actor(sample, BAKIEV), actor(sample, "person:kurmanbek-bakiyev")
        assert old is not None and new is not None
        assert not set(spellings) & set(old["aliases"])
        assert set(spellings) <= set(new["aliases"]) and new["name"] == "Kurmanbek Bakiyev"
        mentioned = query(
            sample,
            "MATCH (a:Actor)-[:MENTIONED_IN]->(art:Article) WHERE a.id IN [$old, $new] "
            "RETURN a.id AS actor, collect(art.id) AS articles",
            old=BAKIEV,
            new=o.new_actor,
        )
        assert {r["actor"]: r["articles"] for r in mentioned} == {
            BAKIEV: ["article:2a6f32d87efc43df"],
            o.new_actor: ["article:d66c89e5a5fa508b"],
        }
        assert ("REQUEST", "person:roza-otunbaeva", o.new_actor) in facts_of(sample, o.new_actor or "")
        assert ("COERCE", BAKIEV, "person:askar-akaev") in facts_of(sample, BAKIEV)
        consistent(sample)

    check()
    reingest(sample, neo4j_settings)
    check()
    with pytest.raises(store.CurationError, match="'Bakiev' is not a spelling of"):
        store.split(sample, "neo4j", "person:kurmanbek-bakiyev", ["Bakiev"], by="analyst", name="K B")


def polgraph(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(settings),
        timeout=600,
    )


def test_the_command_line_names_actors_lists_and_reverts(sample: Driver, neo4j_settings: Settings) -> None:
    done = polgraph(
        neo4j_settings, "entity", "merge", "Atambaev", "Omurbek Babanov", "--reason", "one man", "--by", "ana"
    )
    assert done.returncode == 0, done.stderr
    assert f"merged {BABANOV} into {ATAMBAEV}" in done.stdout
    override_id = done.stdout.split()[1].rstrip(":")

    listed = polgraph(neo4j_settings, "override", "list")
    assert listed.returncode == 0, listed.stderr
    for shown in (override_id, "merge", "ana", "one man", "yes"):
        assert shown in listed.stdout

    unknown = polgraph(neo4j_settings, "entity", "rename", "Atambaevv", "X")
    assert unknown.returncode == 2
    assert (
        "no actor matches 'Atambaevv'; did you mean Almazbek Atambaev (person:almazbek-atambaev)"
        in unknown.stderr
    )
    no_fact = polgraph(neo4j_settings, "fact", "reject", "nosuchkey", "--reason", "wrong")
    assert no_fact.returncode == 2 and "no fact has the key 'nosuchkey'" in no_fact.stderr

    reverted = polgraph(neo4j_settings, "override", "revert", override_id, "--no-reingest", "--by", "ana")
    assert reverted.returncode == 0, reverted.stderr
    assert "1 article(s) will be derived again by their next ingest" in reverted.stdout
    twice = polgraph(neo4j_settings, "override", "revert", override_id)
    assert twice.returncode == 1 and "reverted already" in twice.stderr
    assert "reverted" in polgraph(neo4j_settings, "override", "list").stdout
