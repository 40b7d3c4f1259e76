"""The managed server's life cycle, on an instance of its own so the session's server keeps running."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from polgraph.neo4j_local import ENTRY_POINT, LocalNeo4j, LocalNeo4jError
from tests.conftest import make_test_settings, subprocess_env

pytestmark = pytest.mark.neo4j


def jvms_for(instance: Path) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (proc / "stat").read_text()
        except OSError:
            continue
        if ENTRY_POINT in cmd and f"--home-dir={instance}" in cmd and ") Z" not in state:
            pids.append(int(proc.name))
    return pids


def polgraph(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, env=env, timeout=180
    )


def test_start_status_stop_through_the_cli_leaves_no_jvm_behind(neo4j_settings: object) -> None:
    # neo4j_settings: the session server is up, so the jars are already fetched.
    settings = make_test_settings(neo4j_uri="bolt://127.0.0.1:27687", neo4j_http_port=27474)
    env = subprocess_env(settings)
    local = LocalNeo4j(settings)

    started = polgraph("neo4j", "start", env=env)
    assert started.returncode == 0, started.stderr
    status = polgraph("neo4j", "status", env=env)
    assert status.returncode == 0 and "running" in status.stdout
    assert len(jvms_for(local.instance)) == 1

    stopped = polgraph("neo4j", "stop", env=env)
    assert stopped.returncode == 0, stopped.stderr
    assert jvms_for(local.instance) == []
    after = polgraph("neo4j", "status", env=env)
    assert after.returncode == 3 and "stopped" in after.stdout


def test_a_remote_uri_is_used_as_is_and_nothing_local_starts(tmp_path: Path) -> None:
    settings = make_test_settings(neo4j_uri="neo4j+s://db.invalid:7687")
    assert not settings.manages_neo4j
    env = subprocess_env(settings) | {"POLGRAPH_NEO4J_HOME": str(tmp_path)}
    result = polgraph("neo4j", "start", env=env)
    assert result.returncode != 0
    assert "neo4j+s://db.invalid:7687" in result.stderr
    assert not (tmp_path / "instances").exists()


def test_a_server_that_refuses_our_password_is_not_left_running(neo4j_settings: object) -> None:
    # An instance whose data was created with another password, as a server from an earlier run leaves it.
    made = make_test_settings(
        neo4j_uri="bolt://127.0.0.1:27887", neo4j_http_port=27674, neo4j_password="first-one"
    )
    first = LocalNeo4j(made)
    shutil.rmtree(first.instance, ignore_errors=True)
    try:
        first._write_conf()
        first._set_initial_password(first._java())
        other = LocalNeo4j(made.model_copy(update={"neo4j_password": "another-one"}))
        with pytest.raises(LocalNeo4jError, match="refuses the login"):
            other.start()
        assert jvms_for(first.instance) == []
    finally:
        first.stop()
        shutil.rmtree(first.instance, ignore_errors=True)


def test_a_server_stopped_by_the_process_that_started_it_leaves_no_zombie() -> None:
    # A bulk load stops the server it started and goes on for hours: an unreaped JVM would sit in the
    # process table all that time.
    settings = make_test_settings(neo4j_uri="bolt://127.0.0.1:27987", neo4j_http_port=27774)
    local = LocalNeo4j(settings)
    try:
        pid = local.start().pid
        assert pid is not None
        assert local.stop()
        assert not Path(f"/proc/{pid}").exists()
    finally:
        local.stop()
        shutil.rmtree(local.instance, ignore_errors=True)
