"""`polgraph query` and `polgraph serve` as registered on a typer app."""

from __future__ import annotations

import json
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from cli import query as query_commands
from polgraph.settings import Settings
from tests.api.conftest import HOLT, S_HOLT_BACKS, VARGA

pytestmark = pytest.mark.neo4j


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, neo4j_settings: Settings, api_graph: Any) -> typer.Typer:
    monkeypatch.setattr(query_commands, "get_settings", lambda: neo4j_settings)
    app = typer.Typer()
    query_commands.register(app)
    return app


def test_register_adds_query_and_serve(cli: typer.Typer) -> None:
    names = {c.name for c in cli.registered_commands}
    assert names == {"query", "serve"}


def test_query_json(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["query", "who_backed_whom", "--param", "actor=Holt", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [(r["source_id"], r["target_id"]) for r in body["rows"]] == [(HOLT, VARGA)]
    assert S_HOLT_BACKS in {e["sentence"] for e in body["rows"][0]["evidence"]}


def test_query_table(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["query", "meetings", "-p", "actor=Brandt"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "Ilse Brandt" in result.stdout and "1 row(s)" in result.stdout


def test_query_bad_parameter_names_it(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["query", "who_backed_whom", "--param", "min_sources=0"])
    assert result.exit_code == 2 and "min_sources" in result.output


def test_query_list_and_unknown(cli: typer.Typer) -> None:
    listed = CliRunner().invoke(cli, ["query", "list"], env={"COLUMNS": "250"})
    assert listed.exit_code == 0 and "connection_path" in listed.stdout
    unknown = CliRunner().invoke(cli, ["query", "no_such_query"])
    assert unknown.exit_code == 2 and "no_such_query" in unknown.output


def test_parse_params_repeats_become_lists() -> None:
    assert query_commands.parse_params(["a=1", "b=x=y", "a=2"]) == {"a": ["1", "2"], "b": "x=y"}
    with pytest.raises(typer.BadParameter):
        query_commands.parse_params(["novalue"])
