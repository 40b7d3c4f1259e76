from __future__ import annotations

import pytest

from polgraph.settings import Settings


def test_neo4j_settings_come_from_the_standard_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7999")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret-x")
    monkeypatch.setenv("POLGRAPH_SPACY_MODEL", "en_core_web_md")
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert s.neo4j_bolt_port == 7999
    assert s.neo4j_password == "secret-x"
    assert s.spacy_model == "en_core_web_md"
    assert s.manages_neo4j


def test_a_dotenv_file_is_read(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NEO4J_URI", raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text("NEO4J_URI=bolt://localhost:7111\nPOLGRAPH_API_PORT=9123\n")
    s = Settings(_env_file=env_file)  # type: ignore[call-arg]
    assert s.neo4j_bolt_port == 7111 and s.api_port == 9123


@pytest.mark.parametrize(
    ("uri", "managed"),
    [
        ("bolt://localhost:7687", True),
        ("neo4j://127.0.0.1:7687", True),
        ("neo4j+s://abcd1234.databases.neo4j.io", False),
        ("bolt://neo4j:7687", False),
    ],
)
def test_only_a_server_on_this_machine_is_managed(uri: str, managed: bool) -> None:
    assert Settings(neo4j_uri=uri, _env_file=None).manages_neo4j is managed  # type: ignore[call-arg]


def test_managed_can_be_switched_off_for_a_docker_container_on_localhost() -> None:
    s = Settings(neo4j_uri="bolt://localhost:7687", neo4j_managed=False, _env_file=None)  # type: ignore[call-arg]
    assert not s.manages_neo4j
