"""The one way polgraph talks to Neo4j: the official driver, with errors that name the server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from polgraph.settings import Settings


class DatabaseError(RuntimeError):
    """Neo4j cannot be used; the message says which server and why."""


class DatabaseUnavailable(DatabaseError):
    pass


class DatabaseAuthError(DatabaseError):
    pass


def _driver_options(settings: Settings) -> dict[str, Any]:
    return {
        "auth": (settings.neo4j_user, settings.neo4j_password),
        "connection_timeout": 5.0,
        # Fail fast when the server is down instead of retrying for the driver's default 30 s.
        "max_transaction_retry_time": 5.0,
        # Property-does-not-exist warnings on an empty graph are noise to users of the CLI and the API.
        "notifications_min_severity": "OFF",
    }


def create_driver(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.neo4j_uri, **_driver_options(settings))


def create_async_driver(settings: Settings) -> AsyncDriver:
    """The same driver for asyncio code: the API's saved queries, which then run on the event loop
    without a hop through the thread pool."""
    return AsyncGraphDatabase.driver(settings.neo4j_uri, **_driver_options(settings))


def verify(driver: Driver, settings: Settings) -> None:
    """Raise DatabaseError with the URI in the message when the server is unreachable or refuses the login."""
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        raise DatabaseAuthError(
            f"Neo4j at {settings.neo4j_uri} refused the login of user '{settings.neo4j_user}' "
            f"(wrong NEO4J_PASSWORD?): {exc.message}"
        ) from exc
    except (ServiceUnavailable, OSError) as exc:
        raise DatabaseUnavailable(f"cannot reach Neo4j at {settings.neo4j_uri}: {exc}") from exc


@contextmanager
def connect(settings: Settings) -> Iterator[Driver]:
    """A verified driver for a command's lifetime."""
    driver = create_driver(settings)
    try:
        verify(driver, settings)
        yield driver
    finally:
        driver.close()
