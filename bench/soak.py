"""Soak: the HTTP API under a bounded concurrent load on loopback while an ingest writes to the same graph.

Used by tests/integration/test_soak.py (short, asserts no errors and steady memory) and by `make bench`
(longer, records the figures in bench/RESULTS.md). The API and the ingest run as separate `polgraph`
processes, as an operator would run them; the load comes from threads of this process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.corpus import generate
from polgraph.settings import Settings

# A mix of what clients ask: two saved queries, entity search, an entity, health.
PATHS = (
    "/queries/who_backed_whom",
    "/queries/interactions?type=ACCUSE",
    "/queries/recent_articles",
    "/entities?q=president",
    "/health",
)


def process_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_USER=settings.neo4j_user,
        NEO4J_PASSWORD=settings.neo4j_password,
        NEO4J_HTTP_PORT=str(settings.neo4j_http_port),
        POLGRAPH_API_PORT=str(settings.api_port),
        POLGRAPH_API_KEY=settings.api_key,
        POLGRAPH_API_CACHE_SECONDS=str(settings.api_cache_seconds),
        POLGRAPH_API_CACHE_MB=str(settings.api_cache_mb),
    )
    return env


def rss_mb(pid: int) -> float:
    """Resident memory of a process from /proc (Linux, where the benchmarks and CI run)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def api_server(settings: Settings, timeout: float = 120.0) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`polgraph serve` on settings.api_port, up and healthy, stopped on exit."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve"],
        env=process_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{settings.api_port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the API exited with code {proc.returncode} before answering at {url}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the API did not answer at {url} within {timeout:.0f} s")
            time.sleep(0.5)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class SoakResult:
    seconds: float
    concurrency: int
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    by_path: dict[str, list[float]] = field(default_factory=dict)
    # Each path's slowest request: its latency and when it started, in seconds from the start of the load.
    slowest: dict[str, tuple[float, float]] = field(default_factory=dict)
    rss: list[float] = field(default_factory=list)  # API process, sampled once a second
    ingest_exit: int | None = None
    ingest_output: str = ""
    cache: dict[str, int] | None = None  # the API's cache counts at the end (GET /health)

    def percentile(self, p: float, latencies: list[float] | None = None) -> float:
        ordered = sorted(self.latencies if latencies is None else latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0

    @property
    def rss_after_warmup(self) -> float:
        """Median of the second quarter: imports, pools and caches have filled by then."""
        quarter = self.rss[len(self.rss) // 4 : len(self.rss) // 2] or self.rss
        return sorted(quarter)[len(quarter) // 2]

    @property
    def rss_end(self) -> float:
        tail = self.rss[-max(1, len(self.rss) // 4) :]
        return sorted(tail)[len(tail) // 2]

    def report(self) -> list[str]:
        return [
            f"{self.concurrency} clients for {self.seconds:.0f} s while `polgraph ingest` wrote to the same "
            f"graph (ingest exit code {self.ingest_exit}).\n",
            "| requests | errors | req/s | p50 ms | p99 ms | API RSS after warm-up MB | API RSS at end MB |",
            "|---|---|---|---|---|---|---|",
            f"| {self.requests} | {len(self.errors)} | {self.requests / self.seconds:.0f} "
            f"| {self.percentile(0.5) * 1000:.1f} | {self.percentile(0.99) * 1000:.1f} "
            f"| {self.rss_after_warmup:.0f} | {self.rss_end:.0f} |",
            "",
            "By path, to show where the tail is:",
            "",
            "| path | requests | p50 ms | p99 ms | max ms | the max came at s |",
            "|---|---|---|---|---|---|",
            *(
                f"| `{path}` | {len(times)} | {self.percentile(0.5, times) * 1000:.1f} "
                f"| {self.percentile(0.99, times) * 1000:.1f} | {max(times) * 1000:.1f} "
                f"| {self.slowest[path][1]:.0f} |"
                for path, times in self.by_path.items()
                if path in self.slowest
            ),
            "",
            (
                f"The API's response cache: {self.cache['hits']} hits, {self.cache['misses']} misses (saved "
                "queries only; every ingest batch that commits empties it)."
                if self.cache
                else "The API's response cache was off."
            ),
        ]


def write_corpus(directory: Path, articles: int, seed: int) -> Path:
    path = directory / "soak.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for raw in generate(articles, seed=seed):
            row = {"text": raw.text, "title": raw.title, "url": raw.url, "outlet": raw.outlet}
            row["published"] = raw.published.isoformat() if raw.published else None
            out.write(json.dumps(row) + "\n")
    return path


def soak(
    settings: Settings, workdir: Path, seconds: float, concurrency: int = 8, articles: int = 200
) -> SoakResult:
    """Load the API for `seconds` while an ingest of `articles` synthetic articles runs alongside."""
    corpus = write_corpus(workdir, articles, seed=int(seconds) + articles)
    result = SoakResult(seconds=seconds, concurrency=concurrency)
    lock = threading.Lock()
    with api_server(settings) as (url, server):
        ingest = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "ingest", str(corpus)],
            env=process_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        begun = time.monotonic()
        deadline = begun + seconds

        def client(index: int) -> None:
            latencies: list[float] = []
            by_path: dict[str, list[float]] = {path: [] for path in PATHS}
            slowest: dict[str, tuple[float, float]] = {}
            errors: list[str] = []
            with httpx.Client(base_url=url, timeout=30) as http:
                i = index
                while time.monotonic() < deadline:
                    path = PATHS[i % len(PATHS)]
                    i += 1
                    started = time.perf_counter()
                    at = time.monotonic() - begun
                    try:
                        response = http.get(path)
                        if response.status_code != 200:
                            errors.append(f"GET {path}: {response.status_code} {response.text[:200]}")
                    except httpx.HTTPError as exc:
                        errors.append(f"GET {path}: {type(exc).__name__}: {exc}")
                    latencies.append(time.perf_counter() - started)
                    by_path[path].append(latencies[-1])
                    slowest[path] = max(slowest.get(path, (0.0, 0.0)), (latencies[-1], at))
            with lock:
                result.latencies.extend(latencies)
                for path, times in by_path.items():
                    result.by_path.setdefault(path, []).extend(times)
                for path, worst in slowest.items():
                    result.slowest[path] = max(result.slowest.get(path, (0.0, 0.0)), worst)
                result.errors.extend(errors)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
        for t in threads:
            t.start()
        while time.monotonic() < deadline:
            result.rss.append(rss_mb(server.pid))
            time.sleep(1.0)
        for t in threads:
            t.join()
        result.requests = len(result.latencies)
        result.cache = httpx.get(f"{url}/health", timeout=30).json().get("cache")
        try:
            output, _ = ingest.communicate(timeout=1800)
        except subprocess.TimeoutExpired:
            ingest.kill()
            output, _ = ingest.communicate()
        result.ingest_exit = ingest.returncode
        result.ingest_output = output[-2000:]
    return result
