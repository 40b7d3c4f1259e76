"""What a request costs the API process: nothing on its path hops to FastAPI's thread pool needlessly."""

from __future__ import annotations

import gc
import inspect
import threading

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes import articles, browser, entities, health, queries
from polgraph.settings import Settings
from tests.conftest import make_test_settings


def _sub_dependencies(dependant: Dependant) -> list[Dependant]:
    out = []
    for dep in dependant.dependencies:
        out.append(dep)
        out.extend(_sub_dependencies(dep))
    return out


def test_no_route_has_a_plain_def_dependency() -> None:
    """FastAPI runs a `def` dependency in its thread pool. Getting the driver and the settings that way
    cost more of the API's CPU than the rest of a fast saved query (bench/PROFILE.md)."""
    app = create_app(make_test_settings())
    routers = (queries.router, entities.router, articles.router, health.router, browser.router)
    routes = [r for r in (*app.routes, *(r for m in routers for r in m.routes)) if isinstance(r, APIRoute)]
    checked = 0
    for route in routes:
        for dep in _sub_dependencies(route.dependant):
            assert dep.call is not None
            assert inspect.iscoroutinefunction(dep.call), f"{route.path}: {dep.call.__name__} is a plain def"
            checked += 1
    assert checked >= 5  # the entity, article, health and query routes declare some


def test_saved_query_routes_are_coroutines_without_dependencies() -> None:
    app = create_app(make_test_settings())
    saved = [r for r in app.routes if isinstance(r, APIRoute) and r.name.startswith("query_")]
    assert len(saved) >= 10
    for route in saved:
        assert inspect.iscoroutinefunction(route.endpoint), route.path
        assert not route.dependant.dependencies, route.path


def test_startup_freezes_what_the_process_keeps(neo4j_settings: Settings) -> None:
    """Full collections would otherwise traverse the ~160k objects loaded at start-up, holding the event
    loop ~100 ms each time under load (bench/PROFILE.md)."""
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        with TestClient(create_app(neo4j_settings)) as client:
            assert client.get("/health").status_code == 200
            frozen = gc.get_freeze_count()
            assert frozen > 10_000
            # What requests make afterwards is still collected: cycles made now are found and freed. The
            # automatic collector is off meanwhile, so that no other thread's allocation frees them first.
            gc.disable()
            try:
                cycles: list[list[object]] = [[] for _ in range(100)]
                for c in cycles:
                    c.append(c)
                del cycles
                assert gc.collect() >= 100
            finally:
                gc.enable()
    finally:
        gc.unfreeze()


def test_shutdown_waits_for_the_plan_warm_up(neo4j_settings: Settings) -> None:
    """An app stopped while its warm-up still runs queries shuts down cleanly: the warm-up stops, and the
    driver closes after it (closing it under the warm-up's feet raised BufferError inside the driver)."""
    for _ in range(3):
        with TestClient(create_app(neo4j_settings)) as client:
            assert client.get("/health").status_code == 200
        assert not [t for t in threading.enumerate() if t.name == "warm-plans" and t.is_alive()]
