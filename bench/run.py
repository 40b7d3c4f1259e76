"""polgraph benchmarks: every figure is a ratio of two things measured in the same run, on the same machine.

    make bench BENCH_ARGS='--articles 300 --scales 1000,10000 --seconds 20'
    make bench BENCH_ARGS='--scales 1000,10000,100000 --query-scales 10000,100000'   # ~85 min on 2 cores

Runs against a Neo4j of its own (bolt 37687, http 37474, started here when it is not running and stopped
afterwards), so neither the demo's graph nor the tests' is touched. Results go to bench/RESULTS.md with the
machine's cores, memory and versions.
"""

from __future__ import annotations

import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import spacy
import typer
from neo4j import Driver

from bench.corpus import generate
from bench.profile import profile_extraction
from bench.soak import api_server, soak
from ingest.models import ArticleExtraction, RawArticle
from ingest.nlp import load_base_model
from ingest.pipeline import IngestSummary, Pipeline, ingest_items
from ingest.write import _STATEMENTS, CYPHER, GraphWriter, build_batch
from polgraph.cypher import load_cypher
from polgraph.database import create_driver, verify
from polgraph.neo4j_local import LocalNeo4j
from polgraph.settings import Settings
from schema.migrate import apply_migrations

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "RESULTS.md"


def bench_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "neo4j_uri": os.environ.get("POLGRAPH_BENCH_NEO4J_URI", "bolt://127.0.0.1:37687"),
        "neo4j_http_port": int(os.environ.get("POLGRAPH_BENCH_NEO4J_HTTP_PORT", "37474")),
        "neo4j_password": "polgraph-bench",
        "api_port": int(os.environ.get("POLGRAPH_BENCH_API_PORT", "38000")),
        "api_key": "bench-key",
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)


def rss_mb() -> float:
    """Resident memory now (not the peak), so growth shows up step by step."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def machine() -> list[str]:
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    mem_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    models = [line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line]
    cpu = models[0] if models else platform.processor()
    return [
        f"- machine: {os.cpu_count()} cores ({cpu}), {mem_kb / 2**20:.1f} GiB RAM, {platform.platform()}",
        f"- Python {platform.python_version()}, spaCy {spacy.__version__}",
    ]


def wipe(driver: Driver, database: str) -> None:
    # In transactions of their own (which needs an implicit transaction): a large graph is too big for one.
    # Relationships first: detaching a country named by 100k articles in one inner transaction exceeds
    # Neo4j's transaction memory.
    with driver.session(database=database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        nodes = "MATCH (n) WHERE NOT n:Migration CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        session.run(nodes).consume()


def counts(driver: Driver, db: str) -> tuple[int, int]:
    n, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=db)
    r, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=db)
    return n[0]["c"], r[0]["c"]


def timed_ingest(
    raws: list[RawArticle], driver: Driver, settings: Settings, pipeline: Pipeline, keep: bool = False
) -> tuple[float, IngestSummary, list[ArticleExtraction]]:
    started = time.perf_counter()
    summary, extracted = ingest_items(list(raws), driver, settings, pipeline=pipeline, keep_extractions=keep)
    return time.perf_counter() - started, summary, extracted


# Articles ingested and wiped before a timed ingest. Ten left the server's JIT cold: 300 articles took 31 s
# on a just-started server and 22 s on the next run.
WARM_UP = 100


def warm_up(driver: Driver, settings: Settings) -> None:
    """Ingest other articles with a throwaway pipeline, then leave an empty graph."""
    wipe(driver, settings.neo4j_database)
    timed_ingest(list(generate(WARM_UP, seed=99)), driver, settings, Pipeline(settings).load())
    wipe(driver, settings.neo4j_database)


def timed_pipe(nlp: Any, texts: list[str], processes: int, batch_size: int) -> float:
    # The batch size ingest uses: spaCy's default of 256 would leave a second process idle here.
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size):
        pass
    return time.perf_counter() - started


# ------------------------------------------------------------------------------------------- figures


def ingest_vs_spacy(
    report: Report,
    driver: Driver,
    settings: Settings,
    raws: list[RawArticle],
    repeats: int = 3,
    corpus: str = "",
    process_counts: tuple[int, ...] = (0, 1, 2),
) -> list[ArticleExtraction]:
    """End-to-end ingest (articles in, graph out) against bare `nlp.pipe` over the same texts.

    Each side runs `repeats` times, the two interleaved, and the best run of each makes the ratio: on a
    shared VM the CPU time of the very same work varied by a fifth between runs (measured with
    `time.thread_time`), a slowdown that lands on one side or the other at random. All runs are printed."""
    report.add(f"\n## Ingest end to end vs bare spaCy `nlp.pipe`{corpus}\n")
    report.add(
        "Same texts; bare = the spaCy model as shipped, no polgraph code; ingest = clean, NLP with the"
        " gazetteer ruler, mentions, resolution, facts and the Neo4j write, into an empty graph each time."
        f" Best of {repeats} interleaved runs of each; every run's rate in the last column. The median of"
        " the pairs' ratios (each bare run with the ingest run after it) is the figure a lucky or unlucky"
        " run moves least."
        " `nlp_processes` 0 runs spaCy inside the ingest process; 1 and 2 run it in that many worker"
        " processes while the ingest process extracts and writes (ingest/parse.py). Bare spaCy runs with"
        " `n_process` 1 against 0 and 1, and 2 against 2.\n"
    )
    report.add(
        "| nlp_processes | bare spaCy articles/s | ingest articles/s | ratio (target >= 0.8) "
        "| median of the pairs' ratios | each run, bare / ingest articles/s |"
    )
    report.add("|---|---|---|---|---|---|")
    bare = load_base_model(settings.spacy_model)
    texts = [r.text for r in raws]
    n = len(raws)
    extractions: list[ArticleExtraction] = []
    for processes in process_counts:
        run_settings = settings.model_copy(update={"nlp_processes": processes})
        bare_processes = max(1, processes)
        timed_pipe(bare, texts[:WARM_UP], bare_processes, settings.nlp_batch_size)  # allocates, fills caches
        warm_up(driver, run_settings)
        bare_runs: list[float] = []
        ingest_runs: list[float] = []
        for _ in range(repeats):
            bare_runs.append(timed_pipe(bare, texts, bare_processes, settings.nlp_batch_size))
            wipe(driver, settings.neo4j_database)
            t_ingest, summary, extractions = timed_ingest(
                raws, driver, run_settings, Pipeline(run_settings).load(), keep=True
            )
            ingest_runs.append(t_ingest)
            if summary.failed:
                report.add(f"\n({summary.failed} articles failed: {summary.failures[:3]})")
        t_bare, t_ingest = min(bare_runs), min(ingest_runs)
        pairs = list(zip(bare_runs, ingest_runs, strict=True))
        each = ", ".join(f"{n / b:.1f} / {n / i:.1f}" for b, i in pairs)
        paired = statistics.median(b / i for b, i in pairs)
        report.add(
            f"| {processes} | {n / t_bare:.1f} | {n / t_ingest:.1f} | {t_bare / t_ingest:.2f}x "
            f"| {paired:.2f}x | {each} |"
        )
    return extractions


def writer_batched_vs_per_row(
    report: Report, driver: Driver, settings: Settings, extractions: list[ArticleExtraction]
) -> None:
    """The same rows through the same statements: one UNWIND transaction per batch vs one per row."""
    db = settings.neo4j_database
    size = settings.ingest_batch_size
    wipe(driver, db)
    writer = GraphWriter(driver, db)
    started = time.perf_counter()
    for i in range(0, len(extractions), size):
        writer.write(extractions[i : i + size])
    t_batched = time.perf_counter() - started

    wipe(driver, db)
    groups = build_batch(extractions).model_dump()
    rows = sum(len(groups[name]) for name, _ in _STATEMENTS)
    started = time.perf_counter()
    with driver.session(database=db) as session:
        for name, statement in _STATEMENTS:
            cypher = load_cypher(CYPHER, statement)
            for row in groups[name]:
                params: dict[str, Any] = {name: [row]}
                session.run(cypher, params).consume()
    t_single = time.perf_counter() - started

    report.add("\n## Graph writer: batched `UNWIND` vs one statement per row\n")
    report.add(f"{len(extractions)} articles, {rows} rows (actors, mentions, relations, evidence...).\n")
    report.add("| writer | seconds | rows/s |")
    report.add("|---|---|---|")
    report.add(f"| batched UNWIND, {size} articles a batch | {t_batched:.2f} | {rows / t_batched:.0f} |")
    report.add(f"| one statement per row, auto-commit | {t_single:.2f} | {rows / t_single:.0f} |")
    report.add(f"\nratio: **{t_single / t_batched:.1f}x** (target >= 20x)")


def reingest_vs_first(report: Report, driver: Driver, settings: Settings, raws: list[RawArticle]) -> None:
    warm_up(driver, settings)
    pipeline = Pipeline(settings).load()
    t_first, _, _ = timed_ingest(raws, driver, settings, pipeline)
    t_again, summary, _ = timed_ingest(raws, driver, settings, pipeline)
    report.add("\n## Re-ingest of an unchanged corpus vs its first ingest\n")
    report.add(
        f"first {t_first:.2f} s, again {t_again:.2f} s ({summary.unchanged} unchanged): "
        f"**{t_first / t_again:.1f}x** faster (target >= 10x)"
    )


def growth(
    report: Report,
    driver: Driver,
    settings: Settings,
    scales: list[int],
    at_scale: Callable[[int], None] | None = None,
) -> None:
    """Time and memory per article as the graph grows: the last 1,000 articles before each mark are timed.
    `at_scale` is called with each scale once its graph is complete, before the next scale wipes it."""
    report.add("\n## Growth: time and memory per article\n")
    report.add(
        "RSS is the ingest process's now; spaCy runs in a worker process (`nlp_processes` 1), and the"
        " worker column is the largest peak of any worker so far (`getrusage`, shared pages counted).\n"
    )
    report.add(
        "| scale | articles read | ms/article (last step) | RSS MB | worker peak RSS MB | nodes "
        "| relationships |"
    )
    report.add("|---|---|---|---|---|---|---|")
    db = settings.neo4j_database
    for scale in scales:
        wipe(driver, db)
        pipeline = Pipeline(settings).load()
        step = min(1000, scale)
        marks = sorted({step, scale // 10, scale // 2, scale} - {0})
        done = 0
        corpus: Iterator[RawArticle] = generate(scale, seed=scale)
        for mark in marks:
            if mark < step:
                continue
            chunk = [next(corpus) for _ in range(mark - done)]
            head, tail = chunk[:-step], chunk[-step:]
            if head:
                ingest_items(head, driver, settings, pipeline=pipeline)
            seconds, _, _ = timed_ingest(tail, driver, settings, pipeline)
            done = mark
            nodes, rels = counts(driver, db)
            per_article = 1000 * seconds / len(tail)
            worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            memory = f"{rss_mb():.0f} | {worker_mb:.0f}"
            report.add(f"| {scale} | {mark} | {per_article:.1f} | {memory} | {nodes} | {rels} |")
        if at_scale is not None:
            at_scale(scale)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def load(fn: Callable[[], None], seconds: float, concurrency: int) -> list[float]:
    """Latencies of `fn` called in a loop by `concurrency` threads for `seconds`."""
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        local = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            fn()
            local.append(time.perf_counter() - started)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


# wrk's latency units, to milliseconds.
_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class Latency:
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def threads_latency(fn: Callable[[], None], seconds: float, concurrency: int) -> Latency:
    times = load(fn, seconds, concurrency)
    return Latency(percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000, len(times), 0)


def _wrk_ms(text: str) -> float:
    number = re.match(r"([0-9.]+)([a-z]+)", text)
    if number is None:
        raise ValueError(f"wrk printed a latency it does not document: {text!r}")
    return float(number.group(1)) * _WRK_UNITS[number.group(2)]


def wrk_latency(url: str, seconds: float, concurrency: int) -> Latency:
    """The load from wrk, a separate C process: Python threads in this process would spend the same two
    cores and one interpreter lock as what they measure."""
    threads = min(2, concurrency)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{concurrency}", f"-d{seconds:g}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> Latency:
    """p50, p99, requests and errors from wrk's `--latency` report."""
    # wrk pads a latency to a fixed width: "1.01s " has a trailing space where "338.78ms" has none.
    found = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    total = re.search(r"^\s+(\d+) requests in", out, re.MULTILINE)
    if "50" not in found or "99" not in found or total is None:
        raise RuntimeError(f"wrk's output had no latency distribution:\n{out}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return Latency(_wrk_ms(found["50"]), _wrk_ms(found["99"]), int(total.group(1)), errors)


def query_latency(
    report: Report,
    driver: Driver,
    settings: Settings,
    seconds: float,
    queries: list[tuple[str, dict[str, Any]]],
    sweep: list[int] | None = None,
) -> None:
    """Saved queries through the HTTP API vs the same Cypher through the driver, at the same concurrency:
    the API with its response cache off (what the API adds to a query) and on (what a client sees when the
    graph has not changed since the answer was stored). Then the API's latency, cache off, at each client
    count of `sweep`, to show where the tail comes from."""
    from queries.catalog import default_catalog

    catalog = default_catalog()
    concurrency = 8
    use_wrk = shutil.which("wrk") is not None
    tool = "wrk (2 threads)" if use_wrk else "Python threads in the bench process (wrk was not found)"
    report.add(f"\n### Saved-query latency: API vs driver ({concurrency} clients, {seconds:.0f} s each)\n")
    report.add(
        f"Load on the API from {tool}; on the driver from {concurrency} Python threads sharing one driver. "
        "The API, Neo4j and the load share the machine's cores. The API ran twice: with its response "
        "cache off, every request runs the query (the ratio to the driver is what the API adds); with it "
        "on (the default), the load repeats one call on a graph no ingest is writing, so after the first "
        "request every answer is a hit, and the latency is the revision read plus the stored bytes sent. "
        "The soak below has the cache emptied by every ingest batch.\n"
    )
    uncached = settings.model_copy(update={"api_cache_seconds": 0.0})
    cached = settings.model_copy(update={"api_cache_seconds": max(settings.api_cache_seconds, 60.0)})
    driver_at: dict[str, Latency] = {}
    api_at: dict[tuple[str, bool], Latency] = {}
    hits_at: dict[str, tuple[int, int]] = {}
    sweep_report = Report()
    for server_settings in (uncached, cached):
        caching = server_settings is cached
        with api_server(server_settings) as (url, _), httpx.Client(base_url=url, timeout=30) as client:
            for name, params in queries:
                label = name + "".join(f" {k}={v}" for k, v in params.items())
                query = catalog[name]
                bound = query.bind(params)

                def direct(cypher: str = query.cypher, bound: dict[str, Any] = bound) -> None:
                    with driver.session(database=settings.neo4j_database, default_access_mode="READ") as s:
                        s.run(cypher, bound).data()

                def via_api(name: str = name, params: dict[str, Any] = params) -> None:
                    client.get(f"/queries/{name}", params=params).raise_for_status()

                for _ in range(5):  # plans cached and connections pooled on both paths before timing
                    direct()
                    via_api()
                if not caching:
                    driver_at[label] = threads_latency(direct, seconds, concurrency)
                before = client.get("/health").json()["cache"]
                if use_wrk:
                    api_at[label, caching] = wrk_latency(
                        f"{url}/queries/{name}?{urlencode(params)}", seconds, concurrency
                    )
                else:
                    api_at[label, caching] = threads_latency(via_api, seconds, concurrency)
                after = client.get("/health").json()["cache"]
                if caching:
                    hits_at[label] = (after["hits"] - before["hits"], after["misses"] - before["misses"])
            if sweep and use_wrk and not caching:
                _client_sweep(sweep_report, url, queries, max(1, round(seconds / 2)), sweep)
    report.add(
        "| query | driver p50 / p99 ms | API, no cache, p50 / p99 ms | p50 ratio (target <= 1.3x) "
        "| req/s | API, cache, p50 / p99 ms | req/s | cache hits / misses | errors |"
    )
    report.add("|---|---|---|---|---|---|---|---|---|")
    for label, d in driver_at.items():
        plain, hit = api_at[label, False], api_at[label, True]
        hits, misses = hits_at[label]
        report.add(
            f"| {label} | {d.p50_ms:.1f} / {d.p99_ms:.1f} | {plain.p50_ms:.1f} / {plain.p99_ms:.1f} "
            f"| {plain.p50_ms / d.p50_ms:.2f}x | {plain.requests / seconds:.0f} "
            f"| {hit.p50_ms:.1f} / {hit.p99_ms:.1f} | {hit.requests / seconds:.0f} | {hits} / {misses} "
            f"| {plain.errors + hit.errors} |"
        )
    report.lines.extend(sweep_report.lines)


def latency_of_graph(
    report: Report, driver: Driver, settings: Settings, seconds: float, sweep: list[int]
) -> None:
    """The saved queries' latency on the graph as it stands, about its busiest person."""
    db = settings.neo4j_database
    nodes, _ = counts(driver, db)
    articles, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=db)
    report.add(f"\n## Query latency on a graph of {articles[0]['n']} articles ({nodes} nodes)")
    busiest, _, _ = driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id ORDER BY COUNT { (p)--() } DESC LIMIT 1", database_=db
    )
    actor = busiest[0]["id"] if busiest else ""
    # The whole graph's top rows, and what an analyst asks about one actor.
    queries = [
        ("who_backed_whom", {}),
        ("who_backed_whom", {"actor": actor}),
        ("actor_profile", {"actor": actor}),
        ("connection_path", {"from_actor": actor, "to_actor": "Kyrgyzstan"}),
    ]
    query_latency(report, driver, settings, seconds, queries, sweep)


def _client_sweep(
    report: Report, url: str, queries: list[tuple[str, dict[str, Any]]], seconds: float, clients: list[int]
) -> None:
    """The API's p50 / p99 as the number of concurrent clients grows. On a machine whose cores the load
    generator, the API and Neo4j share, a request past the first few waits for a core: the tail then
    measures the queue, and this table shows at how many clients it starts to."""
    report.add(f"\n#### API latency by concurrent clients (wrk, {seconds:.0f} s each)\n")
    report.add("p50 / p99 ms, requests a second in brackets.\n")
    report.add("| query | " + " | ".join(f"{c} client{'s' if c > 1 else ''}" for c in clients) + " |")
    report.add("|---|" + "---|" * len(clients))
    for name, params in queries:
        cells = []
        for c in clients:
            a = wrk_latency(f"{url}/queries/{name}?{urlencode(params)}", seconds, c)
            errors = f", {a.errors} errors" if a.errors else ""
            cells.append(f"{a.p50_ms:.1f} / {a.p99_ms:.1f} ({a.requests / seconds:.0f}/s{errors})")
        label = name + "".join(f" {k}={v}" for k, v in params.items())
        report.add(f"| {label} | " + " | ".join(cells) + " |")


def counts_option(option: str, text: str) -> list[int]:
    """A comma-separated list of positive whole numbers, as the options above take them."""
    values = []
    for part in text.split(","):
        if not part.strip():
            continue
        try:
            value = int(part)
        except ValueError:
            raise typer.BadParameter(f"{part.strip()!r} is not a whole number", param_hint=option) from None
        if value < 1:
            raise typer.BadParameter(f"{value} is not a positive number", param_hint=option)
        values.append(value)
    return values


SECTIONS = ("synthetic", "soak", "profile", "real", "engine", "bulk", "cold", "bulkgrowth", "latency")
# `latency` measures the saved queries on the graph the bench database holds, without ingesting: after a
# change to a query, its latency at 100k articles without the 50 minutes that build that graph. Run alone.
DEFAULT_SECTIONS = tuple(x for x in SECTIONS if x != "latency")


def synthetic(
    report: Report,
    driver: Driver,
    settings: Settings,
    articles: int,
    repeats: int,
    steps: list[int],
    latency_at: set[int],
    seconds: int,
    clients: str,
) -> None:
    """The figures on the synthetic corpus: ingest vs spaCy, the writer, re-ingest, growth, query latency."""
    report.add(f"- corpus: bench/corpus.py (seeded, synthetic); {articles} articles for the ratios")
    raws = list(generate(articles, seed=1))
    extractions = ingest_vs_spacy(report, driver, settings, raws, repeats)
    writer_batched_vs_per_row(report, driver, settings, extractions)
    reingest_vs_first(report, driver, settings, raws)
    sweep = counts_option("--clients", clients)
    # Written after the growth table, which they would otherwise split.
    latency = Report()

    def at_scale(scale: int) -> None:
        if scale in latency_at:
            latency_of_graph(latency, driver, settings, seconds, sweep)

    if steps:
        growth(report, driver, settings, steps, at_scale=at_scale)
    if not latency_at:
        latency_of_graph(latency, driver, settings, seconds, sweep)
    report.lines += latency.lines


def past_one_process(
    report: Report,
    driver: Driver,
    settings: Settings,
    sections: list[str],
    real_articles: int,
    engine_articles: int,
    bulk_articles: int,
    bulk_growth_articles: int = 100_000,
    repeats: int = 2,
    bulk_growth_distinct: int = 0,
    bulk_growth_kept: Path | None = None,
) -> None:
    """Real text, the Dask engine, the bulk load, the API's cold start and the model for N machines."""
    from bench import scale

    if "real" in sections:
        raws = scale.real_corpus(real_articles)
        title = f" on real text ({real_articles} articles: data/ and quality/devcorpus/ repeated)"
        ingest_vs_spacy(report, driver, settings, raws, repeats, corpus=title, process_counts=(0, 1))
    runs = scale.engine_scaling(report, driver, settings, engine_articles) if "engine" in sections else None
    rows_per_s = (
        scale.bulk_vs_transactional(report, driver, settings, bulk_articles) if "bulk" in sections else None
    )
    if runs:
        scale.machines_model(report, runs, rows_per_s)
    if "cold" in sections:
        scale.cold_start(report, settings)
    if "bulkgrowth" in sections:
        scale.bulk_growth(report, settings, bulk_growth_articles, bulk_growth_distinct, bulk_growth_kept)


def main(
    articles: int = typer.Option(300, help="Articles in the corpus the ratios are measured on."),
    scales: str = typer.Option(
        "1000,10000", help="Growth steps, comma-separated (100000 takes ~50 min on 2 cores)."
    ),
    seconds: int = typer.Option(
        20, min=1, help="Load duration of each query-latency measurement, in whole seconds (wrk's unit)."
    ),
    out: Path = typer.Option(RESULTS, help="Where the Markdown results go."),
    soak_seconds: float = typer.Option(180.0, help="Length of the API soak (0 to skip)."),
    profile_articles: int = typer.Option(200, help="Articles for the extraction profile (0 to skip)."),
    repeats: int = typer.Option(3, min=1, help="Interleaved runs of bare spaCy and of ingest; best of each."),
    clients: str = typer.Option(
        "1,2,4,8", help="Client counts of the API latency sweep, comma-separated (empty to skip; needs wrk)."
    ),
    query_scales: str = typer.Option(
        "10000",
        help="Growth scales whose graph the query latency is measured on, comma-separated; with none of"
        " them among --scales, it is measured on the graph the last step leaves.",
    ),
    only: str = typer.Option(
        "",
        help=f"Run only these sections, comma-separated, of: {', '.join(SECTIONS)} (empty: all but latency).",
    ),
    real_articles: int = typer.Option(300, help="Articles of the real-text corpus (real articles repeated)."),
    engine_articles: int = typer.Option(2000, help="Articles of the Dask engine's 1 -> 2 workers run."),
    bulk_articles: int = typer.Option(10000, help="Articles of the bulk vs transactional first load."),
    bulk_growth_articles: int = typer.Option(
        100000, help="Articles of the first load through the bulk path that growth is measured on."
    ),
    bulk_growth_distinct: int = typer.Option(
        0,
        help="Extract only this many of them and play back copies of their outcomes for the rest"
        " (bench/replay.py); 0: extract them all.",
    ),
    bulk_growth_kept: Path | None = typer.Option(
        None,
        help="Where those outcomes are kept: played back from there if an earlier run kept them, else"
        " extracted there (default: a temporary file).",
    ),
) -> None:
    """Measure, print and write bench/RESULTS.md."""
    sections = [x.strip() for x in only.split(",") if x.strip()] or list(DEFAULT_SECTIONS)
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise typer.BadParameter(f"unknown sections {unknown}; choose among {', '.join(SECTIONS)}")
    steps = counts_option("--scales", scales)
    latency_at = set(counts_option("--query-scales", query_scales)) & set(steps)
    settings = bench_settings()
    local = LocalNeo4j(settings)
    started = False
    if not local.bolt_answers():
        local.start()
        started = True
    report = Report()
    report.add("# polgraph benchmarks\n")
    args = f"--articles {articles} --scales {scales} --seconds {seconds:g} --repeats {repeats}"
    args += f" --soak-seconds {soak_seconds:g} --profile-articles {profile_articles}"
    args += f" --clients {clients or chr(34) * 2} --query-scales {query_scales or chr(34) * 2}"
    args += f" --real-articles {real_articles} --engine-articles {engine_articles}"
    args += f" --bulk-articles {bulk_articles} --bulk-growth-articles {bulk_growth_articles}"
    if bulk_growth_distinct:
        args += f" --bulk-growth-distinct {bulk_growth_distinct}"
    if bulk_growth_kept:
        args += f" --bulk-growth-kept {bulk_growth_kept}"
    if only:
        args = f"--only {only} {args}"
    if out.resolve() != RESULTS.resolve():
        args += f" --out {out}"
    command = f"make bench BENCH_ARGS='{args}'"
    report.add(f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `{command}`.\n")
    for line in machine():
        report.add(line)
    driver = create_driver(settings)
    try:
        verify(driver, settings)
        version, _, _ = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
        memory = f"heap {settings.neo4j_heap}, page cache {settings.neo4j_pagecache}"
        report.add(f"- Neo4j {version[0]['v']} ({memory})")
        apply_migrations(driver, settings.neo4j_database)
        if "latency" in sections:
            latency_of_graph(report, driver, settings, seconds, counts_option("--clients", clients))
        if "synthetic" in sections:
            synthetic(report, driver, settings, articles, repeats, steps, latency_at, seconds, clients)
        if "soak" in sections and soak_seconds > 0:
            report.add("\n## Soak: the API under load while an ingest runs\n")
            with tempfile.TemporaryDirectory() as work:
                wipe(driver, settings.neo4j_database)
                result = soak(settings, Path(work), seconds=soak_seconds, concurrency=8, articles=400)
            for line in result.report():
                report.add(line)
            if result.errors:
                report.add(f"\nfirst errors: {result.errors[:3]}")
        if "profile" in sections and profile_articles > 0:
            report.add("\n## Extraction profile (pyinstrument)\n")
            for line in profile_extraction(settings, list(generate(profile_articles, seed=3))).report():
                report.add(line)
        past_one_process(
            report,
            driver,
            settings,
            sections,
            real_articles,
            engine_articles,
            bulk_articles,
            bulk_growth_articles,
            repeats,
            bulk_growth_distinct,
            bulk_growth_kept,
        )
    finally:
        driver.close()
        if started:
            local.stop()
    out.write_text("\n".join(report.lines) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")


if __name__ == "__main__":
    typer.run(main)
