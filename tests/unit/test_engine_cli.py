"""What `--engine dask` and `load --bulk` refuse before they touch a database or start a cluster."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import cli.main
from tests.conftest import make_test_settings


def test_the_dask_engine_refuses_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.main, "get_settings", make_test_settings)
    result = CliRunner().invoke(cli.main.app, ["ingest", "--engine", "dask", "-"])
    assert result.exit_code == 1
    assert "standard input" in result.output


def test_a_bulk_load_refuses_a_server_polgraph_does_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        cli.main, "get_settings", lambda: make_test_settings(neo4j_uri="neo4j+s://graph.example.org:7687")
    )
    result = CliRunner().invoke(cli.main.app, ["load", "--bulk", "data/articles"])
    assert result.exit_code == 1
    assert "neo4j+s://graph.example.org:7687" in result.output and "polgraph ingest" in result.output
