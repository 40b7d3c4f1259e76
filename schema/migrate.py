"""Ordered, immutable schema migrations (`V0001__name.cypher`), recorded in the graph as (:Migration) nodes.

Applying is idempotent: a recorded version is skipped; a recorded version whose file has changed since is
refused, because a migration that already ran must never be edited (add a new one instead).

A migration holds two kinds of statement: schema (indexes and constraints) and backfills (data written on
graphs made before a property existed). A database built by `polgraph load --bulk` already holds what every
backfill writes (ingest/bulk.py), so it is migrated with `backfill=False`: the schema statements run, the
backfills are skipped, and every migration is recorded as applied.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from polgraph.cypher import load_cypher, split_statements

MIGRATIONS_DIR = Path(__file__).resolve().parent
RUNNER_CYPHER = MIGRATIONS_DIR / "runner"
_NAME = re.compile(r"^V(\d{4})__([a-z0-9_]+)\.cypher$")
_SCHEMA_STATEMENT = re.compile(
    r"^(?:(?:CREATE|DROP)\s+(?:CONSTRAINT|(?:RANGE\s+|TEXT\s+|POINT\s+|FULLTEXT\s+|LOOKUP\s+|VECTOR\s+)?INDEX)\b"
    r"|CALL\s+db\.awaitIndex)",
    re.IGNORECASE,
)


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def discover(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(folder.glob("*.cypher")):
        match = _NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path.name}: migration files are named V0001__lower_snake_name.cypher")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"duplicate migration versions in {folder}")
    return found


def recorded(driver: Driver, database: str) -> dict[int, str]:
    records, _, _ = driver.execute_query(load_cypher(RUNNER_CYPHER, "recorded"), database_=database)
    return {r["version"]: r["checksum"] for r in records}


def is_schema_statement(statement: str) -> bool:
    """An index or constraint made or dropped, or a wait for indexes; anything else writes data."""
    code = "\n".join(line for line in statement.splitlines() if not line.lstrip().startswith("//"))
    return bool(_SCHEMA_STATEMENT.match(code.strip()))


def apply_migrations(
    driver: Driver, database: str, folder: Path = MIGRATIONS_DIR, backfill: bool = True
) -> list[Migration]:
    """Apply every migration not yet recorded, in order; return those applied now. Without `backfill`,
    only their schema statements run (a bulk-built graph holds the backfills' data already)."""
    driver.execute_query(load_cypher(RUNNER_CYPHER, "bootstrap"), database_=database)
    done = recorded(driver, database)
    applied = []
    for migration in discover(folder):
        if migration.version in done:
            if done[migration.version] != migration.checksum:
                raise MigrationError(
                    f"{migration.path.name} changed after it was applied; add a new migration instead"
                )
            continue
        # Schema statements cannot share a transaction with writes, so each runs on its own, and in an
        # auto-commit transaction: a backfill of a large graph batches itself with `CALL { } IN TRANSACTIONS`,
        # which a managed transaction refuses.
        with driver.session(database=database) as session:
            for statement in split_statements(migration.text):
                if backfill or is_schema_statement(statement):
                    session.run(statement).consume()
        driver.execute_query(
            load_cypher(RUNNER_CYPHER, "record"),
            version=migration.version,
            name=migration.name,
            checksum=migration.checksum,
            database_=database,
        )
        applied.append(migration)
    return applied


def schema_version(driver: Driver, database: str) -> int:
    done = recorded(driver, database)
    return max(done) if done else 0
