from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from polgraph.settings import Settings
from schema.migrate import MIGRATIONS_DIR, MigrationError, apply_migrations, discover, schema_version

pytestmark = pytest.mark.neo4j


def constraints_and_indexes(driver: Driver) -> tuple[set[str], set[str]]:
    cons, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    idx, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name")
    return {r["name"] for r in cons}, {r["name"] for r in idx}


def test_applying_twice_gives_the_same_schema_and_applies_nothing_the_second_time(
    driver: Driver, neo4j_settings: Settings
) -> None:
    db = neo4j_settings.neo4j_database
    apply_migrations(driver, db)
    first = constraints_and_indexes(driver)
    assert apply_migrations(driver, db) == []
    assert constraints_and_indexes(driver) == first
    assert schema_version(driver, db) == max(m.version for m in discover())


def test_every_node_key_is_unique_and_actor_names_have_a_fulltext_index(
    driver: Driver, neo4j_settings: Settings
) -> None:
    apply_migrations(driver, neo4j_settings.neo4j_database)
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' "
        "RETURN labelsOrTypes[0] AS label, properties AS props"
    )
    unique = {(r["label"], tuple(r["props"])) for r in records}
    for label in ("Article", "Actor", "Election", "Event", "Evidence"):
        assert (label, ("id",)) in unique
    ft, _, _ = driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties RETURN name, properties"
    )
    names = {r["name"]: r["properties"] for r in ft}
    assert "name" in names["actor_names"] and "aliases_text" in names["actor_names"]


def test_a_migration_edited_after_it_ran_is_refused(
    driver: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    db = neo4j_settings.neo4j_database
    apply_migrations(driver, db)
    for path in MIGRATIONS_DIR.glob("V*.cypher"):
        shutil.copy(path, tmp_path / path.name)
    edited = tmp_path / "V0002__indexes.cypher"
    edited.write_text(edited.read_text() + "\n// an edit\n")
    with pytest.raises(MigrationError, match=r"V0002__indexes\.cypher changed after it was applied"):
        apply_migrations(driver, db, folder=tmp_path)


def test_migration_files_must_follow_the_naming_scheme(tmp_path: Path) -> None:
    (tmp_path / "constraints.cypher").write_text("RETURN 1;")
    with pytest.raises(MigrationError, match=r"constraints\.cypher"):
        discover(tmp_path)
