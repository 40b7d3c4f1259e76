from __future__ import annotations

import pytest
from neo4j import Driver

from polgraph.database import DatabaseAuthError, DatabaseUnavailable, connect
from polgraph.settings import Settings
from tests.conftest import make_test_settings

pytestmark = pytest.mark.neo4j


def test_a_wrong_password_gives_an_error_naming_the_uri(neo4j_settings: Settings) -> None:
    wrong = make_test_settings(neo4j_password="not-the-password")
    with pytest.raises(DatabaseAuthError) as caught, connect(wrong):
        pass
    assert neo4j_settings.neo4j_uri in str(caught.value)
    assert "NEO4J_PASSWORD" in str(caught.value)


def test_a_closed_port_gives_an_error_naming_the_uri() -> None:
    closed = make_test_settings(neo4j_uri="bolt://127.0.0.1:1")
    with pytest.raises(DatabaseUnavailable, match=r"bolt://127\.0\.0\.1:1"), connect(closed):
        pass


def test_the_managed_server_sends_drivers_no_read_timeout(driver: Driver, neo4j_settings: Settings) -> None:
    # With keep-alives for requests the server hints a read timeout, and the asyncio driver (the API's) then
    # wraps every socket read in a task and a timer: twice the API's CPU for a 100-row saved query.
    records, _, _ = driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value",
        name="server.bolt.connection_keep_alive_for_requests",
        database_=neo4j_settings.neo4j_database,
    )
    assert [r["value"] for r in records] == ["OFF"]
