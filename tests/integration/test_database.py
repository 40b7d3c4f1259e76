from __future__ import annotations

import pytest

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
