"""`polgraph export`: the sample articles ingested by the real pipeline come out as typed rows and as a graph
that pandas and networkx read back, with the values the graph holds."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from neo4j import Driver

from export.events import COLUMNS, EventFilter, ExportRow, UnknownCountry, export_rows, write_rows
from export.graph import graph_counts, write_csv, write_graphml, write_jsonl
from ingest.models import PLOVER_TYPES
from ingest.scale import load_scale
from polgraph.cypher import split_statements
from polgraph.settings import Settings
from schema.migrate import MIGRATIONS_DIR
from tests.api.test_seed_queries import article_dir
from tests.conftest import subprocess_env

pytestmark = pytest.mark.neo4j

URL_PREFIX = "https://seed.example/"
DATE_COLUMNS = ["event_date", "first_reported", "article_published"]
TYPED = {"num_sources": "int64", "quad_code": "Int64", "intensity": "float64", "geonames_id": "Int64",
         "size": "Int64", "deaths": "Int64", "injured": "Int64", "arrested": "Int64",
         "latitude": "float64", "longitude": "float64"}  # fmt: skip


@pytest.fixture(scope="module")
def exported(driver: Driver, neo4j_settings: Settings, shared_dir: Path, tmp_path_factory: Any) -> Driver:
    """The sample articles, each given a URL in its sidecar, ingested into an empty graph."""
    from ingest.pipeline import ingest_items
    from ingest.read import read_inputs
    from schema.migrate import apply_migrations
    from tests.conftest import wipe_graph

    folder = tmp_path_factory.mktemp("seeds")
    for text in sorted(article_dir(shared_dir).glob("*.txt")):
        shutil.copy(text, folder / text.name)
        sidecar = text.with_suffix(".meta.json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        meta["url"] = URL_PREFIX + text.stem
        (folder / f"{text.stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    apply_migrations(driver, neo4j_settings.neo4j_database)
    wipe_graph(driver, neo4j_settings.neo4j_database)
    summary, _ = ingest_items(read_inputs([str(folder)]), driver, neo4j_settings)
    assert summary.new >= 5, summary.failures
    return driver


def rows_of(driver: Driver, settings: Settings, page_size: int = 500, **filters: Any) -> list[ExportRow]:
    return list(export_rows(driver, settings.neo4j_database, EventFilter(**filters), page_size=page_size))


def graph_facts(driver: Driver, settings: Settings) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (s)-[r]->(t) WHERE type(r) IN $types "
        "RETURN r.key AS key, type(r) AS type, s.id AS source, t.id AS target, r.sources AS sources, "
        "r.intensity AS intensity, r.quad_class AS quad_class",
        types=list(PLOVER_TYPES),
        database_=settings.neo4j_database,
    )
    return {r["key"]: r.data() for r in records}


def count_events(driver: Driver, settings: Settings) -> int:
    records, _, _ = driver.execute_query(
        "MATCH (e:Event) RETURN count(e) AS n", database_=settings.neo4j_database
    )
    return int(records[0]["n"])


def test_tsv_from_the_command_line_reads_back_in_pandas_with_typed_columns(
    exported: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "events.tsv"
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "export", "events", "--format", "tsv", "--out", str(out)],
        env=subprocess_env(neo4j_settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, sep="\t", parse_dates=DATE_COLUMNS, dtype=TYPED)
    assert list(frame.columns) == list(COLUMNS)
    for column in DATE_COLUMNS:
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
    assert frame["num_sources"].dtype == "int64" and (frame["num_sources"] >= 1).all()
    interactions = frame[frame.record_kind == "interaction"]
    assert interactions["intensity"].notna().all() and interactions["intensity"].between(-10, 10).all()
    assert interactions["quad_code"].between(1, 4).all()
    facts = graph_facts(exported, neo4j_settings)
    assert len(frame) == len(facts) + count_events(exported, neo4j_settings)
    assert set(frame.loc[frame.record_kind == "interaction", "event_id"]) == set(facts)
    assert f"{len(frame)} rows" in done.stderr


def test_a_known_support_from_the_seed_articles_is_there_with_its_sentence_and_url(
    exported: Driver, neo4j_settings: Settings
) -> None:
    rows = [
        r
        for r in rows_of(exported, neo4j_settings, types=("SUPPORT",))
        if r.actor_name
        and "atamba" in r.actor_name.lower()
        and r.recipient_name
        and "jeenbekov" in r.recipient_name.lower()
    ]
    assert len(rows) == 1, rows
    row = rows[0]
    assert row.record_kind == "interaction" and row.plover_type == "SUPPORT"
    assert row.sentence and "publicly supported Jeenbekov" in row.sentence and "\n" not in row.sentence
    assert row.article_url and row.article_url.startswith(URL_PREFIX)
    support = load_scale().for_type("SUPPORT")
    assert support is not None
    assert (row.quad_class, row.quad_code, row.intensity, row.intensity_basis) == (
        "verbal_cooperation",
        1,
        support.intensity,
        "type_mean",
    )
    assert row.actor_country == "Kyrgyzstan"


def test_every_interaction_row_holds_what_the_graph_holds(exported: Driver, neo4j_settings: Settings) -> None:
    facts = graph_facts(exported, neo4j_settings)
    rows = [r for r in rows_of(exported, neo4j_settings) if r.record_kind == "interaction"]
    assert rows
    for row in rows:
        fact = facts[row.event_id]
        assert (row.plover_type, row.actor_id, row.recipient_id, row.num_sources) == (
            fact["type"],
            fact["source"],
            fact["target"],
            fact["sources"],
        )
        assert (row.intensity, row.quad_class) == (fact["intensity"], fact["quad_class"])


def test_events_take_their_cameo_codes_score_and_their_place(
    exported: Driver, neo4j_settings: Settings
) -> None:
    events = [r for r in rows_of(exported, neo4j_settings) if r.record_kind == "event"]
    assert events
    protests = [r for r in events if r.polgraph_type == "Protest"]
    assert protests and all(
        (r.plover_type, r.cameo_code, r.intensity, r.intensity_basis) == ("PROTEST", "141", -6.5, "cameo")
        for r in protests
    )
    unscored = [r for r in events if r.polgraph_type in ("Resignation", "Uprising", "Revolution", "Coup")]
    assert all(r.plover_type is None and r.intensity is None for r in unscored)
    placed = [r for r in events if r.geonames_id is not None]
    assert placed, "no event with a GeoNames place"
    for row in placed:
        assert row.latitude is not None and -90 <= row.latitude <= 90
        assert row.longitude is not None and -180 <= row.longitude <= 180


def test_filters_by_type_date_and_country(exported: Driver, neo4j_settings: Settings) -> None:
    accuse = rows_of(exported, neo4j_settings, types=("accuse",))
    assert accuse and {r.plover_type for r in accuse} == {"ACCUSE"}
    arrests = rows_of(exported, neo4j_settings, types=("Arrest",))
    assert arrests and {(r.record_kind, r.polgraph_type) for r in arrests} == {("event", "Arrest")}
    coerce = rows_of(exported, neo4j_settings, types=("COERCE",))
    assert {r.polgraph_type for r in coerce} >= {"COERCE", "Arrest"}

    everything = rows_of(exported, neo4j_settings)
    from datetime import date

    lo, hi = date(2010, 1, 1), date(2010, 12, 31)
    dated = rows_of(exported, neo4j_settings, from_date=lo, to_date=hi)
    assert dated and all(r.event_date is not None and lo <= r.event_date <= hi for r in dated)
    assert len(dated) == sum(1 for r in everything if r.event_date and lo <= r.event_date <= hi)

    kazakh = rows_of(exported, neo4j_settings, country="kazakhstan")
    assert kazakh and len(kazakh) < len(everything)
    for row in kazakh:
        touched = {
            row.actor_country_id,
            row.recipient_country_id,
            row.place_country_id,
            row.actor_id,
            row.recipient_id,
        }
        assert "country:kazakhstan" in touched or row.participants, row
    with pytest.raises(UnknownCountry):
        rows_of(exported, neo4j_settings, country="Atlantis")


@pytest.mark.parametrize("page_size", [1, 2, 3])
def test_small_pages_give_the_same_rows_as_one_page(
    exported: Driver, neo4j_settings: Settings, page_size: int
) -> None:
    whole = [r.model_dump() for r in rows_of(exported, neo4j_settings, page_size=10_000)]
    paged = [r.model_dump() for r in rows_of(exported, neo4j_settings, page_size=page_size)]
    assert paged == whole


def test_jsonl_and_csv_hold_the_same_rows_as_tsv(exported: Driver, neo4j_settings: Settings) -> None:
    rows = rows_of(exported, neo4j_settings)
    as_jsonl, as_csv = io.StringIO(), io.StringIO()
    assert write_rows(rows, as_jsonl, "jsonl") == len(rows)
    assert write_rows(rows, as_csv, "csv") == len(rows)
    ids = [json.loads(line)["event_id"] for line in as_jsonl.getvalue().splitlines()]
    as_csv.seek(0)
    assert ids == [r.event_id for r in rows] == list(pd.read_csv(as_csv)["event_id"])


def test_graphml_reads_back_in_networkx_with_every_node_and_relationship(
    exported: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "graph.graphml"
    with path.open("w", encoding="utf-8") as handle:
        written = write_graphml(exported, neo4j_settings.neo4j_database, handle, page_size=7)
    expected = graph_counts(exported, neo4j_settings.neo4j_database)
    graph = nx.read_graphml(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (expected.nodes, expected.relationships)
    assert (written.nodes, written.relationships) == (expected.nodes, expected.relationships)
    facts = graph_facts(exported, neo4j_settings)
    support = next(f for f in facts.values() if f["type"] == "SUPPORT")
    edges = graph.get_edge_data(support["source"], support["target"])
    data = next(
        d for d in edges.values() if d.get("key") == next(k for k, f in facts.items() if f is support)
    )
    assert data["label"] == "SUPPORT" and isinstance(data["intensity"], float)
    assert graph.nodes[support["source"]]["labels"].startswith("Actor")


def test_graph_jsonl_and_csv_hold_every_node_and_relationship(
    exported: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    database = neo4j_settings.neo4j_database
    expected = graph_counts(exported, database)
    buffer = io.StringIO()
    write_jsonl(exported, database, buffer, page_size=5)
    kinds = [json.loads(line)["kind"] for line in buffer.getvalue().splitlines()]
    assert (kinds.count("node"), kinds.count("relationship")) == (expected.nodes, expected.relationships)
    write_csv(exported, database, tmp_path / "csv")
    nodes = pd.read_csv(tmp_path / "csv" / "nodes.csv")
    rels = pd.read_csv(tmp_path / "csv" / "relationships.csv")
    assert (len(nodes), len(rels)) == (expected.nodes, expected.relationships)
    assert set(rels["source"]) <= set(nodes["id"]) and set(rels["target"]) <= set(nodes["id"])


def test_the_backfill_scores_interactions_written_without_a_score(
    exported: Driver, neo4j_settings: Settings
) -> None:
    database = neo4j_settings.neo4j_database
    before = graph_facts(exported, neo4j_settings)
    exported.execute_query(
        "MATCH ()-[r]->() WHERE type(r) IN $types REMOVE r.quad_class, r.intensity, r.intensity_basis",
        types=list(PLOVER_TYPES),
        database_=database,
    )
    assert all(f["intensity"] is None for f in graph_facts(exported, neo4j_settings).values())
    text = (MIGRATIONS_DIR / "V0012__cooperation_scale.cypher").read_text(encoding="utf-8")
    with exported.session(database=database) as session:
        for statement in split_statements(text):
            session.run(statement).consume()
    assert graph_facts(exported, neo4j_settings) == before
