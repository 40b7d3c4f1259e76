"""`polgraph query` and `polgraph serve` as registered on a typer app."""

from __future__ import annotations

import csv
import io
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


def test_query_csv_has_every_column_and_the_evidence_as_json(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["query", "who_backed_whom", "-p", "actor=Holt", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["source_id"], r["target_id"], r["type"]) for r in rows] == [(HOLT, VARGA, "SUPPORT")]
    assert S_HOLT_BACKS in {e["sentence"] for e in json.loads(rows[0]["evidence"])}
    same = CliRunner().invoke(cli, ["query", "who_backed_whom", "-p", "actor=Holt", "-f", "json"])
    assert (
        json.loads(same.stdout)["rows"]
        == json.loads(
            CliRunner().invoke(cli, ["query", "who_backed_whom", "-p", "actor=Holt", "--json"]).stdout
        )["rows"]
    )


def test_query_table_fits_80_columns_with_names_and_sentences_whole(cli: typer.Typer) -> None:
    # who_backed_whom has 14 columns: at 80 characters each row is a block of fields and values.
    result = CliRunner().invoke(cli, ["query", "who_backed_whom"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "Dragan Holt" in result.stdout and "Anton Varga" in result.stdout and "claimed_by" in result.stdout
    words = " ".join(line.strip("│ ") for line in lines)
    assert " ".join(S_HOLT_BACKS.split()[:6]) in " ".join(words.split())
    # A query with few columns stays a table, and fits too.
    listed = CliRunner().invoke(cli, ["query", "--list"], env={"COLUMNS": "80"})
    assert listed.exit_code == 0 and max(len(line) for line in listed.stdout.splitlines()) <= 80
    assert "connection_path" in listed.stdout


def test_an_unknown_actor_is_named_with_the_nearest_names(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["query", "who_backed_whom", "-p", "actor=Dragan Hlot"])
    assert result.exit_code == 2
    assert "no actor matches 'Dragan Hlot'; did you mean Dragan Holt (person:dragan-holt)" in result.output
    # A known actor without such facts is an empty answer, not an error.
    known = CliRunner().invoke(cli, ["query", "who_backed_whom", "-p", "actor=Brandt", "-f", "json"])
    assert known.exit_code == 0 and json.loads(known.stdout)["rows"] == []


def test_the_help_names_the_list_option_that_exists(cli: typer.Typer) -> None:
    helped = CliRunner().invoke(cli, ["query", "--help"], env={"COLUMNS": "200"})
    assert "`polgraph query --list`" in helped.stdout
    listed = CliRunner().invoke(cli, ["query", "--list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "who_backed_whom" in listed.stdout
