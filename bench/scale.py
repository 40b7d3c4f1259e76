"""Benchmarks past one process: the Dask engine with 1 and 2 workers, a bulk first load against a
transactional one, and the API's first request of each saved query after a start; from the first two, the
model of what N machines would do.

Each figure is measured side by side with the one it is compared to, in the same run (bench/run.py).
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import httpx
from neo4j import Driver

from bench.corpus import generate, write_jsonl
from bench.soak import api_server
from ingest.bulk import BulkGraph
from ingest.dask_engine import DaskEngine, dask_client
from ingest.engines import Engine, LocalEngine
from ingest.load import bulk_load, import_folder, import_graph
from ingest.models import RawArticle
from ingest.pipeline import Pipeline, ingest_items, ingest_with
from ingest.read import read_inputs
from ingest.write import GraphWriter
from polgraph.database import connect
from polgraph.heap import freeze_long_lived
from polgraph.neo4j_local import LocalNeo4j
from polgraph.settings import PROJECT_ROOT, Settings
from queries.catalog import default_catalog

REAL_ARTICLES = [PROJECT_ROOT / "data" / "articles", PROJECT_ROOT / "quality" / "devcorpus" / "articles"]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Reporter(Protocol):
    """What bench/run.py's Report offers: a line printed and kept."""

    def add(self, text: str = "") -> None: ...


def real_corpus(count: int) -> list[RawArticle]:
    """The repository's real articles (the samples and the development corpus), repeated to `count` with
    distinct URLs, so that each copy is an article of its own."""
    base = [r for r in read_inputs([str(p) for p in REAL_ARTICLES]) if isinstance(r, RawArticle)]
    return [
        base[i % len(base)].model_copy(
            update={"url": f"https://bench.invalid/real/{i}", "source_path": f"real/{i:06d}"}
        )
        for i in range(count)
    ]


def _cpu_seconds(pid: int | None) -> float:
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


@dataclass
class Run:
    seconds: float
    articles: int
    client_cpu: float  # the ingest process: admission, resolution across articles, the writer's client side
    neo4j_cpu: float
    machine_cores: float = 0.0  # cores busy on average, with every process of the machine counted

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def _machine_cpu() -> float:
    """CPU seconds every process of the machine has used since it booted, ours and others'."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / CLOCK_TICKS  # less idle and iowait


@contextmanager
def _measured(settings: Settings) -> Iterator[dict[str, float]]:
    server = LocalNeo4j(settings).pid()
    got: dict[str, float] = {}
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu0, neo0, t0 = usage.ru_utime + usage.ru_stime, _cpu_seconds(server), time.perf_counter()
    machine0 = _machine_cpu()
    yield got
    usage = resource.getrusage(resource.RUSAGE_SELF)
    got["seconds"] = time.perf_counter() - t0
    got["client_cpu"] = usage.ru_utime + usage.ru_stime - cpu0
    got["neo4j_cpu"] = _cpu_seconds(server) - neo0
    got["machine_cores"] = (_machine_cpu() - machine0) / got["seconds"]


def _wipe(driver: Driver, settings: Settings) -> None:
    from bench.run import wipe

    wipe(driver, settings.neo4j_database)


def engine_scaling(report: Reporter, driver: Driver, settings: Settings, articles: int) -> dict[str, Run]:
    """The same corpus through the local engine and the Dask engine with 1 and 2 workers, each into an
    empty graph; workers start and load spaCy before the clock starts."""
    report.add("\n## Dask engine: 1 -> 2 workers\n")
    runs: dict[str, Run] = {}
    with tempfile.TemporaryDirectory() as work:
        paths = [str(p) for p in write_jsonl(generate(articles, seed=21), Path(work), per_file=25)]
        for name, workers in (("local", 0), ("dask, 1 worker", 1), ("dask, 2 workers", 2)):
            _wipe(driver, settings)
            s = settings.model_copy(
                update={"engine_workers": max(1, workers), "engine_partition_bytes": 64_000}
            )
            pipeline = Pipeline(s)
            if workers == 0:
                with _measured(s) as got:
                    summary, _ = ingest_items(read_inputs(paths), driver, s, pipeline=pipeline)
            else:
                with dask_client(s) as client, _measured(s) as got:
                    summary, _ = ingest_with(DaskEngine(paths, client, s), driver, s, pipeline=pipeline)
            runs[name] = Run(
                got["seconds"], summary.new, got["client_cpu"], got["neo4j_cpu"], got["machine_cores"]
            )
        alone = _engine_alone(settings, paths)
    one, two = runs["dask, 1 worker"], runs["dask, 2 workers"]
    efficiency = two.rate / one.rate / 2
    report.add(
        f"{articles} synthetic articles, {settings.ingest_batch_size} a batch, partitions of 64 KB (some 50"
        f" articles). CPU seconds are the ingest process's own (admission, resolution across articles, the"
        f" writer's client side) and the Neo4j server's, both per 1,000 articles; busy cores are the"
        f" machine's, every process counted (others' as well), averaged over the run.\n"
    )
    report.add(
        "| engine | articles/s | ingest process CPU s / 1k articles | Neo4j CPU s / 1k articles "
        f"| busy cores of {os.cpu_count()} |"
    )
    report.add("|---|---|---|---|---|")
    for name, run in runs.items():
        per_k = 1000 / max(run.articles, 1)
        report.add(
            f"| {name} | {run.rate:.1f} | {run.client_cpu * per_k:.1f} | {run.neo4j_cpu * per_k:.1f} "
            f"| {run.machine_cores:.2f} |"
        )
    report.add(
        f"\nscaling 1 -> 2 workers: **{two.rate / one.rate:.2f}x**, efficiency **{efficiency:.2f}** per added"
        f" worker (target >= 0.8); on {os.cpu_count()} cores the ingest process and Neo4j share them with"
        f" the workers."
    )
    report.add(
        "\nThe engine's part alone (reading, cleaning, parsing and extraction as Dask tasks; every article"
        " admitted, nothing resolved or written, no Neo4j work on the machine), same corpus:\n"
    )
    report.add("| engine workers | articles/s | busy cores |")
    report.add("|---|---|---|")
    for workers, (rate, cores) in alone.items():
        report.add(f"| {workers} | {rate:.1f} | {cores:.2f} |")
    report.add(
        f"\nscaling of the engine's part 1 -> 2 workers: **{alone[2][0] / alone[1][0]:.2f}x**, efficiency"
        f" **{alone[2][0] / alone[1][0] / 2:.2f}** per added worker."
    )
    return runs


def _engine_alone(settings: Settings, paths: list[str]) -> dict[int, tuple[float, float]]:
    """Articles a second and busy cores of the Dask engine's tasks alone, with 1 and 2 workers: what the
    workers' share of an ingest scales to when nothing else wants the machine's cores."""

    def admit_all(keys: list[Any], failures: list[Any], warnings: list[Any]) -> list[int]:
        return list(range(len(keys)))

    out: dict[int, tuple[float, float]] = {}
    for workers in (1, 2):
        s = settings.model_copy(update={"engine_workers": workers, "engine_partition_bytes": 64_000})
        with dask_client(s) as client, _measured(s) as got:
            done = sum(1 for _ in DaskEngine(paths, client, s).outcomes(Pipeline(s), admit_all))
        out[workers] = (done / got["seconds"], got["machine_cores"])
    return out


def machines_model(report: Reporter, runs: dict[str, Run], bulk_rows_per_s: float | None) -> None:
    """What N machines of workers would do, from the serial parts measured above."""
    one = runs["dask, 1 worker"]
    per_article_worker = one.seconds / max(one.articles, 1)  # one worker's wall time an article, at best
    two = runs["dask, 2 workers"]
    client_per = two.client_cpu / max(two.articles, 1)
    neo_per = two.neo4j_cpu / max(two.articles, 1)
    client_cap = 1 / client_per if client_per else float("inf")
    neo_cap = 1 / neo_per if neo_per else float("inf")
    worker_rate = 1 / per_article_worker
    saturates = min(client_cap, neo_cap) / worker_rate
    report.add("\n## The model for N machines\n")
    report.add(
        "Parallel: reading, cleaning, parsing and each article's extraction, one partition a task, on as many"
        " workers as there are (each loads spaCy once). Serial, in the one ingest process: which articles"
        " to parse (one look-up of stored hashes a partition), resolution across the articles of a batch"
        " and against every known actor, building each batch's rows; and in Neo4j, the batches' write"
        " transactions, one after another (one writer: parallel writers MERGing the same actors would"
        " deadlock or wait on each other's locks).\n"
    )
    report.add("| part | measured here | ceiling |")
    report.add("|---|---|---|")
    report.add(
        f"| a worker (parse + extract) | {1000 * per_article_worker:.1f} ms an article, wall, alone "
        f"| {worker_rate:.0f} articles/s per worker core |"
    )
    report.add(
        f"| the ingest process (serial) | {1000 * client_per:.1f} ms CPU an article | "
        f"{client_cap:.0f} articles/s |"
    )
    report.add(
        f"| Neo4j, the one writer (serial) | {1000 * neo_per:.1f} ms CPU an article "
        f"| {neo_cap:.0f} articles/s |"
    )
    report.add(
        f"\nSo N worker cores ingest about min(N x {worker_rate:.0f}, {min(client_cap, neo_cap):.0f})"
        f" articles/s: adding workers pays until about **{saturates:.0f} worker cores**, past which the"
        f" {'ingest process' if client_cap < neo_cap else 'Neo4j writer'} is the bottleneck. Beyond that,"
        " the ways on are a faster single writer (larger batches, a Neo4j machine of its own: its CPU here is"
        " shared with everything else) or, for a first load, the bulk path, whose import does not go through"
        " transactions"
        + (
            f" (its import stage ran at {bulk_rows_per_s:,.0f} nodes and relationships a second)."
            if bulk_rows_per_s
            else "."
        )
        + " On these 2 cores the workers, the ingest process and Neo4j share the same CPUs, so the scaling"
        " figure above is a floor, not what separate machines would give."
    )


def bulk_vs_transactional(report: Reporter, driver: Driver, settings: Settings, articles: int) -> float:
    """A first load of the same corpus both ways, into an empty database; returns the import's rows/s.

    Extraction is the same code on both paths, so it runs once: a transactional ingest that keeps its
    resolved batches, whose write stage is then timed alone into an empty graph, against the same batches
    folded and imported. The server restarts during the import, and `driver` with it: its bookmarks then
    name transactions the imported database never had, so it must not be used after this."""
    report.add(f"\n## First load of {articles:,} articles: bulk (neo4j-admin import) vs transactions\n")
    with tempfile.TemporaryDirectory() as work:
        paths = [str(p) for p in write_jsonl(generate(articles, seed=23), Path(work), per_file=100)]
        _wipe(driver, settings)
        pipeline = Pipeline(settings)
        started = time.perf_counter()
        summary, extracted = ingest_items(
            read_inputs(paths), driver, settings, pipeline=pipeline, keep_extractions=True
        )
        t_tx = time.perf_counter() - started
    size = settings.ingest_batch_size
    batches = [extracted[i : i + size] for i in range(0, len(extracted), size)]
    del extracted
    # Neither real path holds every batch at once: frozen, they are not walked again by each of the
    # collector's full passes, which took up to half the fold's time here (bench/PROFILE.md). Freed all the
    # same when let go: they hold no cycles.
    freeze_long_lived()
    _wipe(driver, settings)
    writer = GraphWriter(driver, settings.neo4j_database)
    started = time.perf_counter()
    for batch in batches:
        writer.write(batch)
    t_tx_write = time.perf_counter() - started
    _wipe(driver, settings)
    local = LocalNeo4j(settings)
    graph = BulkGraph(import_folder(local))
    started = time.perf_counter()
    for batch in batches:
        graph.write(batch)
    t_fold = time.perf_counter() - started
    # `polgraph load --bulk` stops the server while it extracts, so the stop is not on its path: timed here
    # on its own and left out of the bulk write stage.
    started = time.perf_counter()
    local.stop()
    t_stop = time.perf_counter() - started
    s = import_graph(graph, settings, local)
    nodes, relationships = graph.node_count(), graph.rel_count()
    bulk_stage = t_fold + sum(s.values())
    report.add(
        f"Synthetic corpus, {summary.new:,} articles ({nodes:,} nodes, {relationships:,} relationships),"
        f" {size} a batch. Extraction is the same code on both paths, so it ran once, in a transactional"
        " ingest (the whole-load figure); its resolved batches were then written again alone into an empty"
        " graph, and folded and imported as `polgraph load --bulk` does: the server stopped (which the load"
        " does while it extracts, so the stop is shown apart), the CSV imported, the server started once, the"
        " migrations' indexes and constraints made (their backfills skipped: the fold wrote their data).\n"
    )
    report.add("| path | seconds |")
    report.add("|---|---|")
    report.add(f"| transactional ingest, whole load (extraction and writes overlapping) | {t_tx:.1f} |")
    report.add(f"| transactional write stage: the batches written alone | {t_tx_write:.1f} |")
    report.add(
        f"| bulk write stage | {bulk_stage:.1f}: fold {t_fold:.1f}, CSV {s['csv']:.1f}, import"
        f" {s['import']:.1f}, server start {s['start']:.1f}, schema {s['schema']:.1f} |"
    )
    report.add(f"| server stop, during the extraction in `polgraph load --bulk` | {t_stop:.1f} |")
    moved = t_fold + s["csv"] + s["import"]
    report.add(
        f"\nwrite stage, bulk vs transactions: **{t_tx_write / bulk_stage:.2f}x** with the server's start"
        f" and the schema ({t_tx_write / (bulk_stage + t_stop):.2f}x with the stop as well),"
        f" **{t_tx_write / moved:.2f}x** for fold, CSV and import alone (target >= 10x)."
        " The server's start and the schema over the loaded graph are fixed costs that a larger corpus"
        " spreads; extraction, the same on both paths, dominates the whole load."
    )
    return (nodes + relationships) / s["import"] if s["import"] else 0.0


def _params(query: Any, actor: str) -> dict[str, Any]:
    values = {
        "actor": actor,
        "from_actor": actor,
        "to_actor": "Kyrgyzstan",
        "other": "Kyrgyzstan",
        "country": "Kyrgyzstan",
    }
    return {p.name: values.get(p.name, "") for p in query.params if p.required}


def cold_start(report: Reporter, settings: Settings) -> None:
    """Neo4j and the API both restarted, then each saved query asked once as soon as /health answers, and
    once more."""
    with connect(settings) as driver:
        _cold_start(report, driver, settings)


def _cold_start(report: Reporter, driver: Driver, settings: Settings) -> None:
    db = settings.neo4j_database
    busiest, _, _ = driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id ORDER BY COUNT { (p)--() } DESC LIMIT 1", database_=db
    )
    actor = busiest[0]["id"] if busiest else ""
    key, _, _ = driver.execute_query("MATCH ()-[r:SUPPORT]->() RETURN r.key AS k LIMIT 1", database_=db)
    local = LocalNeo4j(settings)
    local.stop()
    local.start()
    articles, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=db)
    heading = "each saved query's first request after a start"
    report.add(f"\n## API cold start: {heading} ({articles[0]['n']:,} articles)\n")
    report.add(
        "Neo4j stopped and started, then `polgraph serve` started; each saved query asked once as soon as"
        " `/health` answers (the API accepts requests once it has planned every saved query, with its"
        " required parameters, with all of them and with each one filter), in the catalog's order, then once"
        " more. Response"
        " cache on; it keeps a call's answer from the call's second time, so the second request runs the"
        " query again, on a warm server: what is left of the first request once planning is not. The last"
        " rows are calls with filters: the warm-up plans each call with one filter (and a date range) too,"
        " and a call with two filters is planned by its first caller.\n"
    )
    report.add("| query | first request ms | second request ms | status |")
    report.add("|---|---|---|---|")
    firsts = []
    calls: list[tuple[str, str, dict[str, Any]]] = []
    for name, query in default_catalog().items():
        params = _params(query, actor)
        if name == "evidence":
            params["key"] = key[0]["k"] if key else ""
        calls.append((name, name, params))
    filtered = [
        (
            "interactions type=ACCUSE (one filter: warmed)",
            "interactions",
            {"type": "ACCUSE"},
        ),
        (
            "interactions type=ACCUSE, country=Kyrgyzstan (two filters: not warmed)",
            "interactions",
            {"type": "ACCUSE", "country": "Kyrgyzstan"},
        ),
    ]
    launched = time.perf_counter()
    # The API accepts requests once it has planned every saved query: up to a few minutes on 2 cores.
    with api_server(settings, timeout=600) as (url, _), httpx.Client(timeout=60) as http:
        t_ready = time.perf_counter() - launched
        for label, name, params in [*calls, *filtered]:
            started = time.perf_counter()
            first = http.get(f"{url}/queries/{name}", params=params)
            t_first = 1000 * (time.perf_counter() - started)
            started = time.perf_counter()
            http.get(f"{url}/queries/{name}", params=params)
            t_second = 1000 * (time.perf_counter() - started)
            if label == name:
                firsts.append(t_first)
            report.add(f"| {label} | {t_first:.0f} | {t_second:.1f} | {first.status_code} |")
    report.add(
        f"\nslowest first request of a saved query: **{max(firsts):.0f} ms** (target <= 250 ms); the API"
        f" answered `/health` {t_ready:.1f} s after it was launched."
    )


def bulk_growth(
    report: Reporter, settings: Settings, articles: int, distinct: int = 0, kept: Path | None = None
) -> None:
    """A first load of `articles` synthetic articles through `polgraph load --bulk`'s own code: the time
    an article takes (extraction, resolution and the fold) and the ingest process's memory at marks along
    the way, then the CSV, the import and the server's start for the whole. The fold holds the actors and
    facts until they are written, so its memory grows with the corpus; this measures by how much
    an article.

    With `distinct` below `articles`, only `distinct` articles are extracted (timed on their own), and the
    load plays back copies of their outcomes (bench/replay.py): the growth of everything after extraction at
    a size whose extraction would outlast the run. `kept` names where the outcomes are kept: played back as
    they are if a run before this one kept them there (their count beside them), else extracted there."""
    from bench.replay import YEARS_A_COPY, ReplayEngine, keep, kept_count

    copies = articles // distinct if 0 < distinct < articles else 1
    with connect(settings) as driver:  # a bulk load before this one restarted the server
        _wipe(driver, settings)
    pipeline = Pipeline(settings)
    with tempfile.TemporaryDirectory(prefix="polgraph-replay-") as work:
        size = settings.ingest_batch_size
        engine: Engine = LocalEngine(generate(articles, seed=29), size)
        total, told = articles, ""
        if copies > 1:
            path = kept or Path(work) / "outcomes.pickle"
            if path.exists():
                count, how = kept_count(path), f"were extracted by an earlier run and kept in {path}"
            else:
                started = time.perf_counter()
                count = keep(LocalEngine(generate(distinct, seed=29), size), pipeline, path, size)
                spent = 1000 * (time.perf_counter() - started) / max(count, 1)
                how = (
                    f"were extracted ({spent:.1f} ms an article: reading, cleaning, spaCy in"
                    f" {settings.nlp_processes} worker process(es) and extraction)"
                )
            copies = max(articles // max(count, 1), 1)
            engine = ReplayEngine(path, copies)
            total = count * copies
            told = (
                f"{count:,} distinct synthetic articles {how},"
                f" and {copies} copies of their outcomes played back through resolution, the fold, the CSV,"
                " the import, the server's start and the schema (bench/replay.py: each copy has article,"
                f" event and election ids of its own and dates {YEARS_A_COPY} years a copy on; the actors"
                " are the same people, so facts stay at the extracted articles' count and gain sources).\n"
            )
        # The title waits for a kept file's count: the total played back is that count's copies.
        report.add(f"\n## Growth through the bulk path: a first load of {total:,} articles\n")
        if told:
            report.add(told)
        _growth_marks(report, settings, engine, pipeline, total)
        if isinstance(engine, ReplayEngine):
            report.add(
                f"\nReading the outcomes back and making the copies took {engine.seconds:.1f} s of that time"
                f" ({1000 * engine.seconds / max(total, 1):.2f} ms an article), which a real load does not"
                " spend."
            )


def _growth_marks(
    report: Reporter, settings: Settings, engine: Engine, pipeline: Pipeline, articles: int
) -> None:
    from bench.run import rss_mb  # now, not the peak: a peak would keep what an earlier section held

    marks = sorted(
        {articles // 10, articles // 5, articles * 2 // 5, articles * 3 // 5, articles * 4 // 5, articles}
        - {0}
    )
    rows: list[str] = []
    done = 0
    last = (0, time.perf_counter(), rss_mb())

    def on_batch(count: int, failures: int) -> None:
        nonlocal done, last
        done += count + failures
        if marks and done >= marks[0]:
            marks.pop(0)
            now, rss = time.perf_counter(), rss_mb()
            since = max(done - last[0], 1)
            per_article = 1000 * (now - last[1]) / since
            grown = 1024 * (rss - last[2]) / since
            rows.append(f"| {done:,} | {per_article:.1f} | {rss:,.0f} | {grown:.0f} |")
            print(f"mark {rows[-1]}", flush=True)  # the table is written at the end; a long run shows it now
            last = (done, now, rss)

    load = bulk_load(engine, settings, pipeline=pipeline, on_batch=on_batch)
    s = load.seconds
    report.add(
        "Synthetic corpus; ms an article over the articles since the mark before (the server stopped):"
        " extraction, resolution and the fold, or with copies played back, resolution and the fold;"
        " the ingest process's RSS at the mark, and how much it grew an article since the mark before"
        " (the first mark's figure from the RSS before the load).\n"
    )
    report.add("| articles | ms an article since the mark before | RSS MB | KB more an article |")
    report.add("|---|---|---|---|")
    for row in rows:
        report.add(row)
    report.add(
        f"\nThen, for the {load.nodes:,} nodes and {load.relationships:,} relationships: CSV"
        f" {s.get('csv', 0):.1f} s, import {s.get('import', 0):.1f} s, server start"
        f" {s.get('start', 0):.1f} s, schema {s.get('schema', 0):.1f} s (extraction and fold"
        f" {s.get('extract', 0):.1f} s in all); the four after the fold"
        f" {1000 * sum(s.get(k, 0) for k in ('csv', 'import', 'start', 'schema')) / max(articles, 1):.2f} ms"
        " an article."
    )
