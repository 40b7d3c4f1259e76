"""A real Neo4j Community server run from Maven Central jars on the machine's JDK, without Docker.

Layout under `settings.neo4j_home` (git-ignored):
  lib/                      server + Browser jars, fetched by `mvn -f neo4j/pom.xml package`
  instances/<bolt port>/    conf/, data/, logs/, run/neo4j.pid of one server; the demo (7687) and the
                            tests (17687) get separate instances, so tests never touch the demo's data.

The server runs as `java ... org.neo4j.server.CommunityEntryPoint` directly rather than through Neo4j's
`bin/neo4j` bootloader: the bootloader would fork a second JVM, and one process that we start, track by pid
and stop ourselves is what makes `stop` leave nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from polgraph.settings import PROJECT_ROOT, Settings

POM = PROJECT_ROOT / "neo4j" / "pom.xml"
BROWSER_STYLE = PROJECT_ROOT / "browser" / "style.grass"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_ENTRY_POINT = "org.neo4j.server.startup.Neo4jAdminCommand"


class LocalNeo4jError(RuntimeError):
    pass


def grass_rules(grass: str) -> dict[str, dict[str, str]]:
    """A Browser style sheet as the object Browser keeps it in: selector -> property -> value, quotes gone.
    Braces inside quoted values (`caption: "{name}"`) are text, as Browser's own reader takes them."""
    rules: dict[str, dict[str, str]] = {}
    selector, body, quoted, inside = "", "", False, False
    for char in grass:
        if char == '"':
            quoted = not quoted
        elif quoted:
            body += char
        elif char == "{":
            inside = True
        elif char == "}":
            props = rules.setdefault(selector.strip(), {})
            for declaration in body.split(";"):
                name, colon, value = declaration.partition(":")
                if colon and name.strip():
                    props[name.strip()] = value.strip()
            selector, body, inside = "", "", False
        elif inside:
            body += char
        else:
            selector += char
    return rules


def browser_post_connect_commands(api_url: str) -> str:
    # Browser splits the setting on ";" outside quotes and reads a `:style` argument as JSON first; JSON has
    # no ";" of its own, so the whole style travels as one command and needs no fetch.
    style = json.dumps(grass_rules(BROWSER_STYLE.read_text(encoding="utf-8")), separators=(",", ":"))
    return f"style {style}; clear; play {api_url}/browser/guide.html"


@dataclass(frozen=True)
class Status:
    running: bool  # a process we started is alive
    answering: bool  # Bolt accepts our login at the configured URI
    pid: int | None
    detail: str


def _pom_version(prop: str) -> str:
    match = re.search(rf"<{prop}>([^<]+)</{prop}>", POM.read_text(encoding="utf-8"))
    if not match:
        raise LocalNeo4jError(f"{POM} declares no <{prop}>")
    return match.group(1)


class LocalNeo4j:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lib = settings.neo4j_home / "lib"
        self.instance = settings.neo4j_home / "instances" / str(settings.neo4j_bolt_port)
        self.conf_dir = self.instance / "conf"
        self.data_dir = self.instance / "data"
        self.logs_dir = self.instance / "logs"
        self.pid_file = self.instance / "run" / "neo4j.pid"
        self.console_log = self.logs_dir / "console.log"

    # ------------------------------------------------------------------------------------------ jars

    @property
    def server_version(self) -> str:
        return _pom_version("neo4j.version")

    @property
    def browser_version(self) -> str:
        return _pom_version("browser.version")

    def jars_present(self) -> bool:
        return (self.lib / f"neo4j-server-{self.server_version}.jar").is_file() and (
            self.lib / f"neo4j-browser-{self.browser_version}.jar"
        ).is_file()

    def ensure_jars(self) -> bool:
        """Fetch the jars through Maven when missing; True when a download ran."""
        if self.jars_present():
            return False
        mvn = shutil.which("mvn")
        if not mvn:
            raise LocalNeo4jError("Maven (mvn) is needed once to fetch Neo4j from Maven Central; install it")
        if self.lib.exists():
            # A different version's jars must not mix with the new ones on the class path.
            shutil.rmtree(self.lib)
        self.lib.mkdir(parents=True)
        cmd = [mvn, "-q", "-B", "-f", str(POM), "package", f"-Dneo4j.lib={self.lib}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0 or not self.jars_present():
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
            raise LocalNeo4jError("fetching Neo4j through Maven failed:\n" + "\n".join(tail))
        return True

    # ---------------------------------------------------------------------------------------- process

    def _java(self) -> str:
        java_home = os.environ.get("JAVA_HOME")
        candidate = Path(java_home) / "bin" / "java" if java_home else None
        if candidate and candidate.is_file():
            return str(candidate)
        found = shutil.which("java")
        if not found:
            raise LocalNeo4jError("no Java runtime found (Neo4j 5.26 needs JDK 17 or 21); set JAVA_HOME")
        return found

    def _write_conf(self) -> None:
        s = self.settings
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        for folder in (self.data_dir, self.logs_dir, self.pid_file.parent, self.instance / "plugins"):
            folder.mkdir(parents=True, exist_ok=True)
        conf = f"""# Written by `polgraph neo4j start` from settings; edits are overwritten.
server.default_listen_address=127.0.0.1
server.default_advertised_address=localhost
server.bolt.listen_address=127.0.0.1:{s.neo4j_bolt_port}
server.bolt.advertised_address=localhost:{s.neo4j_bolt_port}
server.http.listen_address=127.0.0.1:{s.neo4j_http_port}
server.http.advertised_address=localhost:{s.neo4j_http_port}
server.https.enabled=false
server.directories.data={self.data_dir}
server.directories.logs={self.logs_dir}
server.directories.plugins={self.instance / "plugins"}
server.directories.run={self.pid_file.parent}
server.memory.heap.initial_size={s.neo4j_heap}
server.memory.heap.max_size={s.neo4j_heap}
server.memory.pagecache.size={s.neo4j_pagecache}
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
# A saved query takes about a second to plan on a 2-core machine, and a running ingest changes the graph's
# statistics fast enough to make Neo4j drop and replan every plan each 10 s (the default); under API load
# that queued requests past their time limit (bench/soak.py).
dbms.cypher.min_replan_interval=5m
# Plans are cached per query and per parameter types; by default a string's or a list's size (in buckets)
# counts as part of its type, so that an actor's name one letter longer than the one the API planned at
# start planned the query again (seconds for the larger saved queries). Off, one plan serves every length.
internal.cypher.use_parameter_size=false
# No keep-alive NOOPs during requests, and so no `connection.recv_timeout_seconds` hint to the drivers:
# with the hint, the asyncio driver (the API's) wraps every socket read in a task and a timer, which doubled
# the API's CPU for a 100-row saved query (18.5 against 8 ms, bench/PROFILE.md). Queries carry their own time
# limit, and a server that stops closes its loopback sockets.
server.bolt.connection_keep_alive_for_requests=OFF
# The Browser style and guide (`:play`) are served by polgraph's API on this machine. Neo4j 5.26 still
# calls this setting "whitelist" (later calendar releases renamed it "allowlist").
browser.remote_content_hostname_whitelist=localhost,127.0.0.1
# On connect: the style, given inline so that it applies before anything is drawn; `clear`, which removes the
# style's frame and Browser's own welcome frames; then polgraph's guide, the one frame left.
browser.post_connect_cmd={browser_post_connect_commands(s.api_url)}
# No usage-data banner and no usage data sent: Browser reads this to decide both.
client.allow_telemetry=false
"""
        (self.conf_dir / "neo4j.conf").write_text(conf, encoding="utf-8")

    def _set_initial_password(self, java: str) -> None:
        if (self.data_dir / "dbms" / "auth.ini").exists() or (self.data_dir / "databases").exists():
            return
        cmd = [
            java, "-cp", f"{self.lib}/*", f"-Dbasedir={self.instance}",
            f"-Dneo4j.conf={self.conf_dir}", ADMIN_ENTRY_POINT,
            "dbms", "set-initial-password", self.settings.neo4j_password,
        ]  # fmt: skip
        env = dict(os.environ, NEO4J_CONF=str(self.conf_dir), NEO4J_HOME=str(self.instance))
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        if proc.returncode != 0:
            raise LocalNeo4jError(f"setting the initial Neo4j password failed: {proc.stderr.strip()[-500:]}")

    def import_full(
        self,
        database: str,
        nodes: Sequence[Path | str],
        relationships: Sequence[Path | str],
        array_delimiter: str,
    ) -> str:
        """`neo4j-admin database import full` of these CSV files into `database`, replacing it; the server
        must be stopped. An entry may name several files, comma-separated, read as one (a header file and
        its rows). Returns the tool's output."""
        if self.pid():
            raise LocalNeo4jError("the server must be stopped before neo4j-admin imports into its database")
        self._write_conf()
        cmd = [
            self._java(), "-cp", f"{self.lib}/*", f"-Dbasedir={self.instance}",
            f"-Dneo4j.conf={self.conf_dir}", ADMIN_ENTRY_POINT,
            # The database first: each --nodes and --relationships takes every word after it as a file.
            "database", "import", "full", database, "--overwrite-destination=true", "--multiline-fields=true",
            f"--array-delimiter=U+{ord(array_delimiter):04X}",
            f"--report-file={self.logs_dir / 'import.report'}",
            *(f"--nodes={p}" for p in nodes), *(f"--relationships={p}" for p in relationships),
        ]  # fmt: skip
        env = dict(os.environ, NEO4J_CONF=str(self.conf_dir), NEO4J_HOME=str(self.instance))
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-40:])
            raise LocalNeo4jError(f"neo4j-admin database import failed (exit {proc.returncode}):\n{tail}")
        return proc.stdout

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _is_our_server(pid, self.instance) else None

    def bolt_answers(self) -> bool:
        s = self.settings
        driver = GraphDatabase.driver(
            s.neo4j_uri, auth=(s.neo4j_user, s.neo4j_password), connection_timeout=2
        )
        try:
            driver.verify_connectivity()
            return True
        except AuthError as exc:
            raise LocalNeo4jError(
                f"Neo4j at {s.neo4j_uri} answers but refuses the login of '{s.neo4j_user}' "
                f"(NEO4J_PASSWORD differs from the one it was created with?)"
            ) from exc
        except (ServiceUnavailable, OSError):
            return False
        finally:
            driver.close()

    def status(self) -> Status:
        pid = self.pid()
        try:
            answering = self.bolt_answers()
        except LocalNeo4jError as exc:
            return Status(pid is not None, False, pid, str(exc))
        if pid and answering:
            detail = f"running (pid {pid}) at {self.settings.neo4j_uri}"
        elif pid:
            detail = f"starting or unhealthy (pid {pid}); Bolt does not answer at {self.settings.neo4j_uri}"
        elif answering:
            detail = f"a server not started by polgraph answers at {self.settings.neo4j_uri}"
        else:
            detail = f"stopped (nothing answers at {self.settings.neo4j_uri})"
        return Status(pid is not None, answering, pid, detail)

    def start(self) -> Status:
        """Start the server (or reuse the one already answering) and wait until Bolt answers."""
        if self.bolt_answers():
            return self.status()
        self.ensure_jars()
        java = self._java()
        self._write_conf()
        self._set_initial_password(java)
        heap = self.settings.neo4j_heap
        cmd = [
            java, f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
            "-XX:+DisableExplicitGC", "-Djdk.nio.maxCachedBufferSize=262144",
            "-Dio.netty.tryReflectionSetAccessible=true", "-Dfile.encoding=UTF-8",
            "-cp", f"{self.instance / 'plugins'}/*:{self.conf_dir}/*:{self.lib}/*",
            ENTRY_POINT, f"--home-dir={self.instance}", f"--config-dir={self.conf_dir}",
        ]  # fmt: skip
        with open(self.console_log, "ab") as log:
            proc = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
            )
        self.pid_file.write_text(str(proc.pid))
        deadline = time.monotonic() + self.settings.neo4j_start_timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise LocalNeo4jError(
                    f"Neo4j exited with code {proc.returncode} while starting; last lines of "
                    f"{self.console_log}:\n{self.log_tail()}"
                )
            try:
                answering = self.bolt_answers()
            except LocalNeo4jError:
                # It answers but refuses our login (its data was created with another password): the JVM we
                # just started is of no use and must not be left running.
                self.stop()
                raise
            if answering:
                return self.status()
            time.sleep(0.5)
        self.stop()
        raise LocalNeo4jError(
            f"Neo4j did not answer at {self.settings.neo4j_uri} within "
            f"{self.settings.neo4j_start_timeout:.0f} s; last lines of {self.console_log}:\n{self.log_tail()}"
        )

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop our server and wait until its JVM is gone; True when something was stopped."""
        pids = set(_server_pids(self.instance))
        pid = self.pid()
        if pid:
            pids.add(pid)
        signalled = set(pids)
        for p in pids:
            _signal(p, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while pids and time.monotonic() < deadline:
            pids = {p for p in pids if _is_our_server(p, self.instance)}
            time.sleep(0.2)
        for p in pids:  # a JVM that ignored SIGTERM for a minute is killed rather than left behind
            _signal(p, signal.SIGKILL)
        for p in signalled:  # started by this process, it stays a zombie until waited for
            _reap(p)
        self.pid_file.unlink(missing_ok=True)
        return bool(pid) or bool(pids)

    def log_tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.console_log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log written)"


def _signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)
    _reap(pid)


def _reap(pid: int) -> None:
    """Wait for `pid` if it is our own child and has exited, so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _is_our_server(pid: int, instance: Path) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    if ") Z" in stat:  # a zombie has exited already
        return False
    cmd = _cmdline(pid)
    return ENTRY_POINT in cmd and f"--home-dir={instance}" in cmd


def _server_pids(instance: Path) -> list[int]:
    """Our server's JVMs found through /proc, in case the pid file was lost."""
    return [
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and _is_our_server(int(p.name), instance)
    ]
