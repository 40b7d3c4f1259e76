"""Saved queries over HTTP as CSV (by `format=csv` or `Accept: text/csv`), cursor pages past the row cap,
and the cooperation-conflict queries, over the invented world."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from ingest.scale import load_scale
from polgraph.settings import Settings
from tests.api.conftest import CIVIC, HOLT, PETRESCU, RURITANIA, VARGA, key_of

pytestmark = pytest.mark.neo4j

# The world's interactions: two SUPPORT, ACCUSE, REJECT, CONSULT, COERCE, PROTEST, SANCTION.
WORLD_INTERACTIONS = 8


def mean(ptype: str) -> float:
    score = load_scale().for_type(ptype)
    assert score is not None
    return score.intensity


def follow(client: TestClient, path: str, params: dict[str, Any], csv: bool = False) -> list[list[str]]:
    """Every page's keys, following the cursors from the first call to the last page."""
    headers = {"Accept": "text/csv"} if csv else {}
    pages: list[list[str]] = []
    response = client.get(path, params=params, headers=headers)
    for _ in range(50):
        assert response.status_code == 200, response.text
        if csv:
            pages.append(list(pd.read_csv(io.StringIO(response.text))["key"]))
            cursor = response.headers.get("x-next-cursor")
        else:
            body = response.json()
            pages.append([row["key"] for row in body["rows"]])
            cursor = body["next_cursor"]
        if cursor is None:
            return pages
        response = client.get(path, params={"cursor": cursor}, headers=headers)
    raise AssertionError("the cursors never ended")


def test_csv_by_format_has_the_json_answers_columns_and_rows(client: TestClient) -> None:
    as_json = client.get("/queries/interactions").json()
    response = client.get("/queries/interactions", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.StringIO(response.text))
    assert list(frame.columns) == as_json["columns"]
    assert list(frame["key"]) == [row["key"] for row in as_json["rows"]]
    assert len(frame) == WORLD_INTERACTIONS
    assert frame["sources"].dtype == "int64"
    # Lists (the evidence) travel as JSON text.
    assert frame["evidence"].str.startswith("[").all()


@pytest.mark.parametrize(
    ("accept", "csv"),
    [
        ("text/csv", True),
        ("text/csv, application/json;q=0.5", True),
        ("application/json, text/csv;q=0.5", False),
        ("application/json", False),
        ("*/*", False),
    ],
)
def test_accept_header_chooses_csv_when_it_ranks_first(client: TestClient, accept: str, csv: bool) -> None:
    response = client.get("/queries/who_backed_whom", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv" if csv else "application/json")


def test_cursor_pages_give_every_row_once_in_the_order_of_one_call(client: TestClient) -> None:
    whole = [row["key"] for row in client.get("/queries/interactions", params={"limit": 1000}).json()["rows"]]
    pages = follow(client, "/queries/interactions", {"limit": 3})
    assert [len(p) for p in pages] == [3, 3, 2]
    assert [key for page in pages for key in page] == whole


def test_csv_pages_carry_their_cursor_in_headers(client: TestClient) -> None:
    pages = follow(client, "/queries/interactions", {"limit": 5}, csv=True)
    assert [len(p) for p in pages] == [5, 3]
    first = client.get("/queries/interactions", params={"limit": 5}, headers={"Accept": "text/csv"})
    assert 'rel="next"' in first.headers["link"] and first.headers["x-next-cursor"] in first.headers["link"]


def test_a_cursor_pages_past_the_row_cap(api_graph: Driver, neo4j_settings: Settings) -> None:
    capped = neo4j_settings.model_copy(update={"query_row_cap": 2})
    with TestClient(create_app(capped), raise_server_exceptions=False) as client:
        first = client.get("/queries/interactions", params={"limit": 100}).json()
        assert first["truncated"] is True and len(first["rows"]) == 2
        pages = follow(client, "/queries/interactions", {"limit": 100})
    keys = [key for page in pages for key in page]
    assert len(keys) == len(set(keys)) == WORLD_INTERACTIONS


def test_the_last_page_has_no_cursor(client: TestClient) -> None:
    body = client.get("/queries/who_backed_whom", params={"limit": 100}).json()
    assert body["next_cursor"] is None and len(body["rows"]) == 2


@pytest.mark.parametrize(
    ("path", "params", "problem"),
    [
        ("/queries/interactions", {"cursor": "not-a-cursor"}, "not a cursor"),
        ("/queries/actor_profile", {"actor": "Varga", "cursor": "eyJ9"}, "does not page"),
    ],
)
def test_a_bad_cursor_is_422_naming_it(
    client: TestClient, path: str, params: dict[str, str], problem: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["parameter"] == "cursor" and problem in body["detail"]


def test_a_cursor_sent_with_other_filters_or_to_another_query_is_refused(client: TestClient) -> None:
    cursor = client.get("/queries/interactions", params={"limit": 3}).json()["next_cursor"]
    assert cursor
    same = client.get("/queries/interactions", params={"limit": 3, "cursor": cursor})
    assert same.status_code == 200
    other = client.get("/queries/interactions", params={"limit": 3, "type": "SUPPORT", "cursor": cursor})
    assert other.status_code == 422 and other.json()["parameter"] == "cursor"
    elsewhere = client.get("/queries/who_backed_whom", params={"cursor": cursor})
    assert elsewhere.status_code == 422


def test_dyad_balance_by_month(client: TestClient) -> None:
    rows = client.get("/queries/dyad_balance", params={"actor": "Dragan Holt", "other": "Varga"}).json()[
        "rows"
    ]
    assert [(r["month"], r["interactions"], r["cooperative"], r["conflictual"]) for r in rows] == [
        ("2021-03", 1, 1, 0)
    ]
    assert rows[0]["net_intensity"] == pytest.approx(mean("SUPPORT"))
    assert rows[0]["facts"][0]["key"] == key_of("SUPPORT", HOLT, VARGA)
    accused = client.get("/queries/dyad_balance", params={"actor": VARGA, "other": PETRESCU}).json()["rows"]
    assert [(r["month"], r["conflictual"], r["net_intensity"]) for r in accused] == [
        ("2021-03", 1, mean("ACCUSE"))
    ]
    assert accused[0]["verbal_conflict"] == 1


def test_conflict_pairs_most_conflictual_and_most_cooperative(client: TestClient) -> None:
    worst = client.get("/queries/conflict_pairs").json()["rows"]
    assert worst and all(r["net_intensity"] < 0 for r in worst)
    assert [r["net_intensity"] for r in worst] == sorted(r["net_intensity"] for r in worst)
    assert {worst[0]["source_id"], worst[0]["target_id"]} == {CIVIC, VARGA}
    assert worst[0]["net_intensity"] == pytest.approx(mean("PROTEST"))
    best = client.get("/queries/conflict_pairs", params={"order": "cooperative"}).json()["rows"]
    assert best and all(r["net_intensity"] > 0 for r in best)
    assert [r["net_intensity"] for r in best] == sorted((r["net_intensity"] for r in best), reverse=True)
    in_period = client.get(
        "/queries/conflict_pairs", params={"from_date": "2021-03-18", "to_date": "2021-03-31"}
    ).json()["rows"]
    assert {r["types"][0] for r in in_period} == {"COERCE", "SANCTION"}
    graph = client.get("/queries/conflict_pairs", params={"format": "graph"}).json()
    assert len(graph["edges"]) == len(worst)


@pytest.mark.parametrize(
    ("order", "country"), [("conflictual", None), ("cooperative", None), ("conflictual", RURITANIA)]
)
def test_conflict_pairs_from_the_pair_summaries_equal_those_summed_from_the_facts(
    client: TestClient, order: str, country: str | None
) -> None:
    # Without a period the pairs' summaries are read; a period that holds every fact of the world sums the
    # facts themselves (every fact is dated, or first reported, within it).
    params = {"order": order, "limit": 1000, **({"country": country} if country else {})}
    kept = client.get("/queries/conflict_pairs", params=params).json()["rows"]
    summed = client.get(
        "/queries/conflict_pairs", params={**params, "from_date": "1900-01-01", "to_date": "2100-12-31"}
    ).json()["rows"]
    assert kept and kept == summed


@pytest.fixture
def plain_client(api_graph: Driver, neo4j_settings: Settings) -> Iterator[TestClient]:
    uncached = neo4j_settings.model_copy(update={"api_cache_seconds": 0.0})
    with TestClient(create_app(uncached), raise_server_exceptions=False) as client:
        yield client


def test_csv_and_cursors_without_the_cache(plain_client: TestClient) -> None:
    pages = follow(plain_client, "/queries/interactions", {"limit": 4}, csv=True)
    # A full page cannot tell that nothing follows it: the page after the last full one is empty, and ends.
    assert [len(p) for p in pages] == [4, 4, 0]
