"""Requests generated from the OpenAPI document: no GET endpoint answers 500, whatever the parameters."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from polgraph.settings import Settings

pytestmark = pytest.mark.neo4j

# Bounded so the whole walk over every GET operation stays well under a minute on a shared machine.
EXAMPLES_PER_OPERATION = 12


@pytest.fixture(scope="module")
def live_app(api_graph: Any, neo4j_settings: Settings) -> Iterator[FastAPI]:
    app = create_app(neo4j_settings)
    with TestClient(app):  # runs the lifespan: the driver exists while the generated requests run
        yield app


def test_generated_get_requests_never_fail_with_500(live_app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", live_app)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    gets = [op for op in operations if op.method.upper() == "GET"]
    assert len(gets) >= 15
    failures: list[str] = []
    ok: list[str] = []
    for operation in gets:
        with contextlib.suppress(AssertionError):  # recorded with the request that failed
            _checker(operation, failures, ok)()
    assert not failures, "\n".join(failures[:10])
    # The walk reached the database rather than stopping at validation everywhere.
    assert len(set(ok)) >= 10


def _checker(operation: Any, failures: list[str], ok: list[str]) -> Any:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        case = data.draw(operation.as_strategy())
        response = case.call()
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.formatted_path} {case.query}: {response.status_code}")
        if response.status_code == 200:
            ok.append(operation.path)
        assert response.status_code < 500

    return check
