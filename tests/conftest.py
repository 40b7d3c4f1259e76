"""Shared fixtures: one real Neo4j server per test session, on ports of its own.

The suite never reads NEO4J_URI: a developer's environment may point at the demo or a production server,
and the tests wipe the graph. Test ports come from POLGRAPH_TEST_* variables with fixed defaults.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from neo4j import Driver

from polgraph.database import create_driver, verify

if TYPE_CHECKING:
    from ingest.pipeline import Pipeline
from polgraph.neo4j_local import LocalNeo4j
from polgraph.settings import PROJECT_ROOT, Settings

TEST_URI = os.environ.get("POLGRAPH_TEST_NEO4J_URI", "bolt://127.0.0.1:17687")
TEST_HTTP_PORT = int(os.environ.get("POLGRAPH_TEST_NEO4J_HTTP_PORT", "17474"))
TEST_PASSWORD = os.environ.get("POLGRAPH_TEST_NEO4J_PASSWORD", "polgraph-test")
TEST_API_PORT = int(os.environ.get("POLGRAPH_TEST_API_PORT", "18000"))
SHARED = PROJECT_ROOT.parent / "shared"
DATA_DIR = PROJECT_ROOT / "data" / "articles"


def spare_settings() -> Settings:
    """A second test server, for the tests that stop or restart theirs (a bulk load, a server stopped mid
    ingest): the session's server is shared by every other test. Its ports move with POLGRAPH_TEST_SPARE_*
    when another suite on the machine uses these."""
    return make_test_settings(
        neo4j_uri=os.environ.get("POLGRAPH_TEST_SPARE_NEO4J_URI", "bolt://127.0.0.1:27787"),
        neo4j_http_port=int(os.environ.get("POLGRAPH_TEST_SPARE_NEO4J_HTTP_PORT", "27574")),
    )


def make_test_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "neo4j_uri": TEST_URI,
        "neo4j_http_port": TEST_HTTP_PORT,
        "neo4j_password": TEST_PASSWORD,
        "neo4j_user": "neo4j",
        "neo4j_database": "neo4j",
        "api_port": TEST_API_PORT,
        "api_key": "test-api-key",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def subprocess_env(settings: Settings) -> dict[str, str]:
    """Environment for a `polgraph` subprocess that must use the test server."""
    env = dict(os.environ)
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_HTTP_PORT=str(settings.neo4j_http_port),
        NEO4J_PASSWORD=settings.neo4j_password,
        NEO4J_USER=settings.neo4j_user,
        POLGRAPH_API_KEY=settings.api_key,
        POLGRAPH_API_PORT=str(settings.api_port),
    )
    return env


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """Start the test server, or reuse one already answering on the test ports; stop only what we started."""
    settings = make_test_settings()
    local = LocalNeo4j(settings) if settings.manages_neo4j else None
    started = False
    if local is not None and not local.bolt_answers():
        local.start()
        started = True
    yield settings
    if local is not None and started:
        local.stop()


@pytest.fixture(scope="session")
def driver(neo4j_settings: Settings) -> Iterator[Driver]:
    drv = create_driver(neo4j_settings)
    verify(drv, neo4j_settings)
    yield drv
    drv.close()


def wipe_graph(driver: Driver, database: str) -> None:
    """Delete the data but keep the schema and its migration record."""
    driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=database)


@pytest.fixture
def empty_graph(driver: Driver, neo4j_settings: Settings) -> Driver:
    from schema.migrate import apply_migrations

    apply_migrations(driver, neo4j_settings.neo4j_database)
    wipe_graph(driver, neo4j_settings.neo4j_database)
    return driver


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp_pipeline() -> Pipeline:
    """spaCy loads once per session; each test still starts from what it passes as known actors."""
    from ingest.pipeline import Pipeline

    return Pipeline(make_test_settings())


GOLD_REPORTS = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session")
def gold_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Adds a measurement to the summary printed at the end of the run, whether the tests pass or fail
    (pytest hides a passing test's own output)."""
    reports = request.config.stash.setdefault(GOLD_REPORTS, [])
    return reports.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    reports = config.stash.get(GOLD_REPORTS, [])
    if reports:
        terminalreporter.section("gold measures")
        for report in reports:
            terminalreporter.write_line(report)
