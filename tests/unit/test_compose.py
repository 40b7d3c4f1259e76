"""No Docker engine runs on the test machines, so the compose file is checked as data."""

from __future__ import annotations

from pathlib import Path

import yaml

from polgraph.settings import PROJECT_ROOT

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())


def test_neo4j_service_uses_the_lts_community_image_with_a_health_check_and_a_named_volume() -> None:
    neo4j = COMPOSE["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert {"7474:7474", "7687:7687"} <= set(neo4j["ports"])
    assert neo4j["healthcheck"]["test"]
    volume = neo4j["volumes"][0].split(":")[0]
    assert volume in COMPOSE["volumes"]
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/")
    # As the managed server: no read-timeout hint for the API's asyncio driver (polgraph/neo4j_local.py).
    assert neo4j["environment"]["NEO4J_server_bolt_connection__keep__alive__for__requests"] == "OFF"


def test_api_waits_for_a_healthy_neo4j_and_points_at_it() -> None:
    api = COMPOSE["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert "8000:8000" in api["ports"]
    assert (PROJECT_ROOT / api["build"] / "Dockerfile").is_file()


def test_the_dockerfile_copies_every_package_the_distribution_declares() -> None:
    dockerfile = (Path(PROJECT_ROOT) / "Dockerfile").read_text()
    for package in ("polgraph", "cli", "ingest", "api", "schema", "queries"):
        assert f"COPY {package} ./{package}" in dockerfile
