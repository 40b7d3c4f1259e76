"""The graph writer's Cypher and its typed input, without a database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from ingest.models import PLOVER_TYPES, RELATION_TYPES, Evidence, Relation
from ingest.write import CYPHER
from polgraph.cypher import load_cypher
from queries.catalog import load_catalog
from schema.migrate import MIGRATIONS_DIR


def merged_types(statement: str) -> list[str]:
    return re.findall(r"WHERE \w+\.type = '(\w+)' MERGE \(\w+\)-\[\w+:(\w+)", load_cypher(CYPHER, statement))


def test_relations_statement_has_one_merge_branch_per_relation_type() -> None:
    branches = merged_types("relations")
    assert all(tested == merged for tested, merged in branches)
    assert sorted(t for t, _ in branches) == sorted(RELATION_TYPES)


def test_link_statement_merges_each_structural_link_type() -> None:
    assert sorted(t for t, _ in merged_types("actor_links")) == ["LOCATED_IN", "OFFICE_OF"]


def test_no_write_statement_merges_a_dynamic_relationship_type() -> None:
    for path in sorted(CYPHER.glob("*.cypher")):
        code = "\n".join(line.split("//")[0] for line in path.read_text(encoding="utf-8").splitlines())
        assert not re.search(r"MERGE[^\n]*-\[\w*:\$\(", code), path.name


def test_a_relation_of_unknown_type_is_refused_with_its_name() -> None:
    ev = Evidence(article_id="a", sentence="s", start_char=0, end_char=1, rule="test")
    with pytest.raises(ValidationError, match="unknown relation type 'BACKED'"):
        Relation(type="BACKED", source="person:a", target="person:b", evidence=ev)


def test_interactions_reads_each_plover_type_from_its_listed_on_index() -> None:
    cypher = load_catalog()["interactions"].cypher
    branches = re.findall(r"AND '(\w+)' IN types\s+MATCH \(s:Actor\)-\[r:(\w+)\]->\(t\)", cypher)
    assert all(tested == matched for tested, matched in branches)
    assert sorted(t for t, _ in branches) == sorted(PLOVER_TYPES)
    migration = (MIGRATIONS_DIR / "V0008__fact_listed_on.cypher").read_text(encoding="utf-8")
    indexed = re.findall(r"FOR \(\)-\[r:(\w+)\]-\(\) ON \(r\.listed_on\)", migration)
    assert sorted(indexed) == sorted(PLOVER_TYPES)


def test_conflict_pairs_reads_every_plover_type() -> None:
    cypher = load_catalog()["conflict_pairs"].cypher
    matched = re.findall(r"MATCH \(s:Actor\)-\[r:([A-Z_|]+)\]->\(t:Actor\)", cypher)
    assert len(matched) == 1 and sorted(matched[0].split("|")) == sorted(PLOVER_TYPES)


@pytest.mark.parametrize(
    "path",
    [
        CYPHER / "dyads.cypher",
        MIGRATIONS_DIR / "V0014__dyads.cypher",
        load_catalog()["conflict_pairs"].path,
    ],
    ids=lambda p: p.name,
)
def test_pair_summaries_read_every_plover_type_and_list_them_in_its_order(path: Path) -> None:
    text = path.read_text("utf-8")
    patterns = re.findall(r"\[r:([A-Z_|]+)\]", text)
    listed = [re.findall(r"'([A-Z_]+)'", lst) for lst in re.findall(r"\[((?:\s*'[A-Z_]+',?)+)\s*\]", text)]
    assert patterns and all(sorted(p.split("|")) == sorted(PLOVER_TYPES) for p in patterns)
    assert listed and all(names == list(PLOVER_TYPES) for names in listed)
