"""Each saved query against the invented world of conftest.py: the facts come back with their evidence."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from neo4j.exceptions import ClientError

import queries.runner as runner
from api.routes.queries import example_params
from polgraph.database import create_async_driver
from polgraph.settings import Settings
from queries.catalog import SavedQuery, default_catalog, parse_query_file
from queries.runner import (
    QueryResult,
    filter_params,
    run_saved_query,
    run_saved_query_async,
    to_graph,
    warm_params,
    warm_plans,
)
from tests.api.conftest import (
    ARREST_EVENT,
    BORDURIA,
    BRANDT,
    CIVIC,
    ELECTION_2021,
    ELECTION_2022,
    ELECTION_B,
    HOLT,
    KELL,
    PETRESCU,
    PROTEST_EVENT,
    RESIGNATION_EVENT,
    RURITANIA,
    S_ACCUSE,
    S_CLAIM,
    S_COERCE,
    S_HOLT_BACKS,
    S_HOLT_BACKS_2,
    S_MEET,
    S_PROTEST,
    S_RALLY,
    S_REJECT,
    S_RESULT,
    S_ROLE,
    S_SANCTION,
    SYLDAVIA,
    UNITY,
    VARGA,
    key_of,
)

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def run(api_graph: Driver, neo4j_settings: Settings) -> Any:
    catalog = default_catalog()

    def call(name: str, **params: Any) -> list[dict[str, Any]]:
        query = catalog[name]
        return run_saved_query(api_graph, neo4j_settings, query, query.bind(params)).rows

    return call


def pairs(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(r["source_id"], r["target_id"]) for r in rows}


def sentences(row: dict[str, Any]) -> set[str]:
    return {e["sentence"] for e in row["evidence"]}


def test_who_backed_whom_counts_articles_and_keeps_evidence(run: Any) -> None:
    rows = run("who_backed_whom")
    assert pairs(rows) == {(HOLT, VARGA), (BORDURIA, VARGA)}
    holt = next(r for r in rows if r["source_id"] == HOLT)
    assert holt["sources"] == 2
    assert sentences(holt) == {S_HOLT_BACKS, S_HOLT_BACKS_2}
    assert {e["article_id"] for e in holt["evidence"]} == {"art-endorse", "art-campaign"}
    assert holt["key"] == key_of("SUPPORT", HOLT, VARGA)
    claimed = next(r for r in rows if r["source_id"] == BORDURIA)
    assert claimed["claimed_by_id"] == PETRESCU and claimed["claimed_by"] == "Mila Petrescu"
    assert sentences(claimed) == {S_CLAIM}


def test_who_backed_whom_filters(run: Any) -> None:
    # Actor by alias, any case; min_sources; dates (an undated fact counts from its first article).
    assert pairs(run("who_backed_whom", actor="antal varga")) == {(HOLT, VARGA), (BORDURIA, VARGA)}
    assert pairs(run("who_backed_whom", actor="HOLT")) == {(HOLT, VARGA)}
    assert pairs(run("who_backed_whom", actor=BORDURIA)) == {(BORDURIA, VARGA)}
    assert pairs(run("who_backed_whom", min_sources=2)) == {(HOLT, VARGA)}
    assert pairs(run("who_backed_whom", from_date="2021-03-03")) == {(BORDURIA, VARGA)}
    assert pairs(run("who_backed_whom", to_date="2021-03-02")) == {(HOLT, VARGA)}
    assert pairs(run("who_backed_whom", country="Bordurian")) == {(HOLT, VARGA), (BORDURIA, VARGA)}
    assert run("who_backed_whom", country="Syldavia") == []
    assert run("who_backed_whom", actor="Nobody At All") == []
    assert len(run("who_backed_whom", limit=1)) == 1


def test_an_id_names_one_actor(run: Any, api_graph: Driver, neo4j_settings: Settings) -> None:
    """A caller who passes an actor's id gets that actor, not also those whose name or alias reads the
    same; a name is still looked up by name."""
    db = neo4j_settings.neo4j_database
    api_graph.execute_query(
        "MATCH (v:Actor {id: $varga}) "
        "CREATE (d:Actor:Person {id: 'person:decoy', name: 'Decoy Person', type: 'Person', aliases: [$holt], "
        "aliases_text: 'Decoy Person | ' + $holt}) "
        "CREATE (d)-[:SUPPORT {key: 'decoy-supports-varga', sources: 1, confidence: 1.0, "
        "first_reported: date('2021-03-02')}]->(v)",
        varga=VARGA,
        holt=HOLT,
        database_=db,
    )
    try:
        assert pairs(run("who_backed_whom", actor=HOLT)) == {(HOLT, VARGA)}
        assert [r["id"] for r in run("actor_profile", actor=HOLT)] == [HOLT]
        assert pairs(run("who_backed_whom", actor="decoy person")) == {("person:decoy", VARGA)}
        assert [r["id"] for r in run("actor_profile", actor="Decoy Person")] == ["person:decoy"]
    finally:
        api_graph.execute_query("MATCH (d:Actor {id: 'person:decoy'}) DETACH DELETE d", database_=db)


def test_who_accused_whom(run: Any) -> None:
    rows = run("who_accused_whom", actor="Ms Petrescu")
    assert pairs(rows) == {(PETRESCU, VARGA)}
    assert sentences(rows[0]) == {S_ACCUSE} and rows[0]["date"] == "2021-03-16"
    assert rows[0]["evidence"][0]["title"] == "Varga re-elected amid fraud claims"


def test_meetings(run: Any) -> None:
    rows = run("meetings", country="Ruritania")
    assert pairs(rows) == {(BRANDT, PETRESCU)}
    assert sentences(rows[0]) == {S_MEET}
    assert run("meetings", to_date="2021-03-19") == []


def test_interactions_by_type_and_between_two_actors(run: Any) -> None:
    assert pairs(run("interactions", type="COERCE")) == {(RURITANIA, KELL)}
    assert sentences(run("interactions", type="COERCE")[0]) == {S_COERCE}
    assert pairs(run("interactions", type="SANCTION", actor="Syldavia")) == {(SYLDAVIA, VARGA)}
    between = run("interactions", actor="Petrescu", other="Varga")
    assert {r["type"] for r in between} == {"ACCUSE"}
    every = {r["type"] for r in run("interactions")}
    assert every == {"SUPPORT", "ACCUSE", "REJECT", "CONSULT", "COERCE", "PROTEST", "SANCTION"}


def test_elections_with_results(run: Any) -> None:
    rows = run("elections", country="Ruritania", year=2021)
    assert [r["election_id"] for r in rows] == [ELECTION_2021]
    row = rows[0]
    assert [(x["source_id"], x["vote_share"], x["won"]) for x in row["results"]] == [
        (VARGA, 61.2, True),
        (PETRESCU, 30.5, False),
    ]
    assert set(row["allegations"]) == {"fraud", "ballot stuffing"}
    assert row["evidence"][0]["sentence"] == S_RESULT
    assert {r["election_id"] for r in run("elections", country="ruritania")} == {ELECTION_2021, ELECTION_2022}
    assert [r["election_id"] for r in run("elections", kind="presidential", country="Borduria")] == [
        ELECTION_B
    ]


def test_contested_elections(run: Any) -> None:
    rows = {r["election_id"]: r for r in run("contested_elections")}
    assert set(rows) == {ELECTION_2021, ELECTION_2022}  # the Bordurian one is not contested
    assert rows[ELECTION_2022]["annulled"] is True
    challenge = rows[ELECTION_2021]["challenges"][0]
    assert (challenge["source_id"], challenge["type"]) == (PETRESCU, "REJECT")
    assert challenge["evidence"][0]["sentence"] == S_REJECT
    assert challenge["key"] == key_of("REJECT", PETRESCU, ELECTION_2021)
    assert [r["election_id"] for r in run("contested_elections", year=2022)] == [ELECTION_2022]


def test_protests_and_crackdowns(run: Any) -> None:
    rows = run("protests_and_crackdowns", country="Ruritania")
    relations = {(r["type"], r["source_id"], r["target_id"]) for r in rows if r["kind"] == "relation"}
    assert relations == {("COERCE", RURITANIA, KELL), ("PROTEST", CIVIC, VARGA)}
    events = {r["event_id"]: r for r in rows if r["kind"] == "event"}
    assert set(events) == {PROTEST_EVENT, ARREST_EVENT}  # a resignation is neither
    assert RESIGNATION_EVENT not in events
    rally = events[PROTEST_EVENT]
    assert rally["counts"]["size"] == 20000 and rally["counts"]["arrested"] == 45
    assert rally["location"] == "Strelsau" and rally["evidence"][0]["sentence"] == S_RALLY
    assert {(p["source_id"], p["role"]) for p in rally["participants"]} == {
        (CIVIC, "organizer"),
        (PETRESCU, "participant"),
    }
    protest = next(r for r in rows if r["type"] == "PROTEST")
    assert protest["evidence"][0]["sentence"] == S_PROTEST
    later = run("protests_and_crackdowns", from_date="2021-03-18")
    assert {r["type"] for r in later} == {"COERCE", "Arrest"}
    assert run("protests_and_crackdowns", country="Borduria") == []


def test_actor_profile(run: Any) -> None:
    rows = run("actor_profile", actor="varga")
    assert len(rows) == 1
    profile = rows[0]
    assert profile["id"] == VARGA and "Antal Varga" in profile["aliases"]
    assert profile["parties"] == ["Unity Front"]
    roles = {(r["type"], r["target_id"]): r for r in profile["roles"]}
    assert set(roles) == {("HOLDS_ROLE", "office:president-of-ruritania"), ("LEADS", UNITY)}
    president = roles[("HOLDS_ROLE", "office:president-of-ruritania")]
    assert president["title"] == "President" and president["first_date"] == "2016-03"
    assert president["evidence"][0]["sentence"] == S_ROLE
    strongest = profile["relations"][0]
    assert (strongest["source_id"], strongest["type"], strongest["sources"]) == (HOLT, "SUPPORT", 2)
    assert strongest["direction"] == "in" and strongest["evidence"]
    assert {e["target_id"] for e in profile["elections"]} == {ELECTION_2021}
    assert len(run("actor_profile", actor="varga", top=1)[0]["relations"]) == 1


def test_actor_timeline_is_ordered_and_dated(run: Any) -> None:
    rows = run("actor_timeline", actor="Mila Petrescu")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    kinds = {(r["kind"], r["type"]) for r in rows}
    assert {
        ("election", "CANDIDATE_IN"),
        ("relation", "ACCUSE"),
        ("relation", "CONSULT"),
        ("event", "Protest"),
    } <= kinds
    accuse = next(r for r in rows if r["type"] == "ACCUSE")
    assert accuse["sentence"] == S_ACCUSE and accuse["article_id"] == "art-result"
    meet = next(r for r in rows if r["type"] == "CONSULT")
    assert meet["direction"] == "in"
    # The membership has no date of its own: it is placed when its article was published.
    later = run("actor_timeline", actor="Mila Petrescu", from_date="2021-03-19")
    assert {(r["type"], r["date"]) for r in later} == {("CONSULT", "2021-03-20"), ("MEMBER_OF", "2021-03-21")}


def test_connection_path(run: Any) -> None:
    rows = run("connection_path", from_actor="Brandt", to_actor="Holt")
    assert rows and rows[0]["hops"] == 3
    names = [n["id"] for n in rows[0]["nodes"]]
    assert names[0] == BRANDT and names[-1] == HOLT
    assert all(e["evidence"] for e in rows[0]["edges"])
    assert run("connection_path", from_actor="Brandt", to_actor="Holt", max_hops=2) == []


def test_foreign_involvement(run: Any) -> None:
    rows = run("foreign_involvement", country="Borduria")
    assert pairs(rows) == {(HOLT, VARGA), (BORDURIA, VARGA)}  # Holt acts for Borduria as its president
    assert all(r["target_country_id"] == RURITANIA for r in rows)
    assert pairs(run("foreign_involvement", country="Syldavia", type="SANCTION")) == {(SYLDAVIA, VARGA)}
    assert sentences(run("foreign_involvement", country="Syldavia")[0]) == {S_SANCTION}
    # Ruritania's own police acting on a Ruritanian is not foreign involvement.
    assert run("foreign_involvement", country="Ruritania") == []
    assert run("foreign_involvement", country="Borduria", target_country="Syldavia") == []


def test_evidence_by_key(run: Any) -> None:
    rows = run("evidence", key=key_of("SUPPORT", HOLT, VARGA))
    assert {r["sentence"] for r in rows} == {S_HOLT_BACKS, S_HOLT_BACKS_2}
    assert {r["article_id"] for r in rows} == {"art-endorse", "art-campaign"}
    assert all(r["source_id"] == HOLT and r["target_id"] == VARGA for r in rows)
    assert [r["sentence"] for r in run("evidence", key=ELECTION_2021)] == [S_RESULT]
    assert run("evidence", key="no-such-key") == []


def test_recent_articles(run: Any) -> None:
    rows = run("recent_articles")
    assert [r["article_id"] for r in rows] == ["art-annul", "art-result", "art-campaign", "art-endorse"]
    assert [r["article_id"] for r in run("recent_articles", actor="Holt")] == ["art-campaign", "art-endorse"]
    assert [r["article_id"] for r in run("recent_articles", outlet="wire", limit=1)] == ["art-result"]
    assert rows[1]["evidence_count"] > 5


def test_row_cap_truncates(api_graph: Driver, neo4j_settings: Settings) -> None:
    query = default_catalog()["interactions"]
    capped = neo4j_settings.model_copy(update={"query_row_cap": 2})
    result = run_saved_query(api_graph, capped, query, query.bind({}))
    assert len(result.rows) == 2 and result.truncated
    assert not run_saved_query(api_graph, neo4j_settings, query, query.bind({})).truncated


def test_graph_conversion(api_graph: Driver, neo4j_settings: Settings) -> None:
    query = default_catalog()["who_backed_whom"]
    graph = to_graph(run_saved_query(api_graph, neo4j_settings, query, query.bind({})))
    assert {n.id for n in graph.nodes} == {HOLT, VARGA, BORDURIA}
    assert {(e.source, e.target, e.type) for e in graph.edges} == {
        (HOLT, VARGA, "SUPPORT"),
        (BORDURIA, VARGA, "SUPPORT"),
    }
    assert all(e.key and e.properties["evidence"]["sentence"] for e in graph.edges)


def _run_async(settings: Settings, query: SavedQuery, params: dict[str, Any]) -> QueryResult:
    async def go() -> QueryResult:
        driver = create_async_driver(settings)
        try:
            return await run_saved_query_async(driver, settings, query, params)
        finally:
            await driver.close()

    return asyncio.run(go())


@pytest.mark.parametrize("runner", ["sync", "async"])
def test_saved_queries_run_read_only(
    api_graph: Driver, neo4j_settings: Settings, tmp_path: Path, runner: str
) -> None:
    # Auto-commit in a read session, on either driver API: the server itself refuses a write.
    path = tmp_path / "sneaky_write.cypher"
    path.write_text(
        "// name: sneaky_write\n// description: writes\n// example: none\nCREATE (n:Probe) RETURN n.x AS x\n",
        "utf-8",
    )
    query = parse_query_file(path)
    with pytest.raises(ClientError, match="read access mode"):
        if runner == "sync":
            run_saved_query(api_graph, neo4j_settings, query, query.bind({}))
        else:
            _run_async(neo4j_settings, query, query.bind({}))
    records, _, _ = api_graph.execute_query(
        "MATCH (n:Probe) RETURN count(n) AS c", database_=neo4j_settings.neo4j_database
    )
    assert records[0]["c"] == 0


def test_the_apis_async_runner_gives_the_rows_of_the_sync_one(
    api_graph: Driver, neo4j_settings: Settings
) -> None:
    capped = neo4j_settings.model_copy(update={"query_row_cap": 2})
    for query in default_catalog().values():
        params = query.bind(example_params(query))
        for settings in (neo4j_settings, capped):
            sync = run_saved_query(api_graph, settings, query, params)
            via_async = _run_async(settings, query, params)
            assert (via_async.columns, via_async.rows, via_async.truncated) == (
                sync.columns,
                sync.rows,
                sync.truncated,
            ), query.name
    assert any(
        run_saved_query(api_graph, capped, q, q.bind(example_params(q))).truncated
        for q in default_catalog().values()
    )


@pytest.mark.parametrize(
    ("name", "rel_type"), [("who_backed_whom", "SUPPORT"), ("who_accused_whom", "ACCUSE")]
)
def test_whole_graph_fact_lists_read_the_rank_index(
    api_graph: Driver, neo4j_settings: Settings, name: str, rel_type: str
) -> None:
    # Without an actor the facts come from the `sources` index in rank order (V0006), so that reading stops
    # after the rows shown instead of sorting every fact of the type.
    query = default_catalog()[name]
    with api_graph.session(database=neo4j_settings.neo4j_database) as session:
        summary = session.run("EXPLAIN " + query.cypher, query.bind({})).consume()

    def operators(plan: Any) -> list[str]:
        details = plan.get("args", {}).get("Details", "") if isinstance(plan, dict) else ""
        own = [f"{plan['operatorType']} {details}"] if isinstance(plan, dict) else []
        return own + [op for child in plan.get("children", []) for op in operators(child)]

    ops = operators(summary.plan)
    assert any(
        op.startswith("DirectedRelationshipIndexSeekByRange") and f"{rel_type}(sources)" in op for op in ops
    )


def test_ranked_lists_keep_their_order_under_a_limit(run: Any) -> None:
    everything = run("who_backed_whom")
    assert [r["sources"] for r in everything] == sorted((r["sources"] for r in everything), reverse=True)
    assert [r["key"] for r in run("who_backed_whom", limit=1)] == [everything[0]["key"]]
    assert [r["key"] for r in run("who_backed_whom", actor="antal varga", limit=1)] == [everything[0]["key"]]


def test_country_filter_reaches_every_kind_of_member(run: Any) -> None:
    # Petrescu belongs to Ruritania through her party and Varga through his office; Holt to Borduria through
    # his office; Borduria is its own member. With an actor too, the actor's facts that touch the country.
    assert pairs(run("who_accused_whom", country="Ruritania")) == {(PETRESCU, VARGA)}
    assert run("who_accused_whom", country="Borduria") == []
    assert pairs(run("who_backed_whom", country="ruritania")) == {(HOLT, VARGA), (BORDURIA, VARGA)}
    assert pairs(run("who_backed_whom", actor="Varga", country="Borduria")) == {
        (HOLT, VARGA),
        (BORDURIA, VARGA),
    }
    assert pairs(run("who_backed_whom", actor="Holt", country="Ruritania")) == {(HOLT, VARGA)}
    assert run("who_backed_whom", actor="Holt", country="Syldavia") == []
    assert run("who_backed_whom", country="Atlantis") == []
    assert pairs(run("meetings", country="Ruritania", to_date="2021-03-19")) == set()
    # The generic list too.
    assert pairs(run("interactions", type="REJECT", country="Ruritania")) == {(PETRESCU, ELECTION_2021)}
    assert pairs(run("interactions", country="Syldavia")) == {(SYLDAVIA, VARGA)}
    assert pairs(run("interactions", actor="Kell", country="Ruritania")) == {(RURITANIA, KELL)}
    assert run("interactions", actor="Kell", country="Borduria") == []


def test_ranked_lists_break_ties_on_the_fact_key(
    run: Any, api_graph: Driver, neo4j_settings: Settings
) -> None:
    # Three facts alike in sources, confidence and date, stored out of key order: they come back by key.
    keys = ["tie-3", "tie-1", "tie-2"]
    db = neo4j_settings.neo4j_database
    api_graph.execute_query(
        "UNWIND $keys AS k "
        "CREATE (:Actor:Person {id: 'person:' + k + '-s', name: k, type: 'Person'})"
        "-[:SUPPORT {key: k, sources: 1, confidence: 0.01, first_reported: date('1990-01-01')}]->"
        "(:Actor:Person {id: 'person:' + k + '-t', name: k + ' t', type: 'Person'})",
        keys=keys,
        database_=db,
    )
    try:
        for _ in range(3):
            found = [r["key"] for r in run("who_backed_whom") if r["key"].startswith("tie-")]
            assert found == sorted(keys)
    finally:
        api_graph.execute_query(
            "MATCH (a:Actor) WHERE a.id STARTS WITH 'person:tie-' DETACH DELETE a", database_=db
        )


def test_warm_up_runs_every_query_and_stops_when_told(api_graph: Driver, neo4j_settings: Settings) -> None:
    catalog = default_catalog()
    assert warm_plans(api_graph, neo4j_settings, catalog) == len(catalog)
    stop = threading.Event()
    stop.set()
    assert warm_plans(api_graph, neo4j_settings, catalog, stop) == 0


def test_calls_with_one_filter_are_planned_too(
    api_graph: Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A plan is cached by the parameters' types too, and a filter left out is null: a call that gives one
    # filter only is a plan of its own.
    query = default_catalog()["interactions"]
    optional = [p.name for p in query.params if not p.required and p.default is None]
    sets = filter_params(query)
    given = [sorted(n for n in optional if s[n] is not None) for s in sets]
    assert given == [[n] for n in optional] + [["from_date", "to_date"]]
    assert not any(s in warm_params(query) for s in sets)

    ran: list[dict[str, Any]] = []
    real = runner.read_query

    def recording(driver: Driver, settings: Settings, cypher: str, params: dict[str, Any]) -> Any:
        ran.append(dict(params))
        return real(driver, settings, cypher, params)

    monkeypatch.setattr(runner, "read_query", recording)
    assert warm_plans(api_graph, neo4j_settings, {"interactions": query}) == 1
    assert ran == warm_params(query) + sets
