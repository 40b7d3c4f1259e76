"""What a bulk load keeps from one batch to the next, on disk: the relationships its batches merge, and each
fact's best sentence so far.

Held in memory, these grew with the corpus (13.7 KB an article of the synthetic corpus at 10,000 articles:
about 14 GB for a million), though a batch only ever works on its own. So a batch works on its relationships
in memory, each read in from disk the first time the batch names it (`RelStore.merge`), and `flush` writes
them back at its end; at the end of the load the import's files are written from the store in one pass
over it: the relationships in no pair, then each pair's with the pair's summary.

A relationship's article ids (a fact's sources, a candidacy's and a participation's articles) are a table of
their own, appended to, not part of its stored value: a fact told by thousands of articles would otherwise be
read, unpickled, pickled and written whole by every batch that tells it again, a cost that grows with the
corpus. A profile of a load slowing from 6.2 to 8.0 ms an article between 100,000 and 200,000 articles found
reads by key at 120-211 us, from this and from the fold's thread waiting on the extraction's for the
interpreter's lock (`BatchWriter.overlaps`); bench/PROFILE.md tells the two apart.

SQLite (the standard library's) rather than a key-value store such as `shelve`: a pair's summary is made from
the facts between the pair, read in the order of a second key (`pairs`), which only an index gives.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

Row = dict[str, Any]
# (type, start, end, what a MERGE matches it on besides its ends): start and end as (label group, id).
RelKey = tuple[str, tuple[str, str], tuple[str, str], Any]
Best = tuple[tuple[Any, ...], Row]  # a fact's best sentence: its rank, and what the fact shows of it

SCHEMA = (
    "CREATE TABLE rel (key BLOB PRIMARY KEY, pair TEXT, value BLOB NOT NULL) WITHOUT ROWID",
    "CREATE INDEX rel_pair ON rel (pair) WHERE pair IS NOT NULL",
    "CREATE TABLE best (fact_key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE ids (key BLOB, seq INTEGER, article_id TEXT NOT NULL, PRIMARY KEY (key, seq))"
    " WITHOUT ROWID",
)
IDS = "article_ids"  # the property the `ids` table holds


@dataclass
class Rel:
    type: str
    start: tuple[str, str]  # (label group, id)
    end: tuple[str, str]
    props: Row = field(default_factory=dict)
    # Its article ids (`IDS`): how many are on disk, and those the batch at work added.
    stored_ids: int = 0
    new_ids: list[str] = field(default_factory=list)


def _digest(key: RelKey) -> bytes:
    # A short key of one size, so that the index's rows stay small whatever the ids (the speed of a look-up
    # measured the same either way). The parts are strings and None, whose repr is the same in every run;
    # 128 bits make a collision among even a billion keys a chance under 1 in 10^20.
    return hashlib.blake2b(repr(key).encode(), digest_size=16).digest()


class RelStore:
    """Relationships by their MERGE key: those of the batch at work in memory (`hot`), all others on disk.
    `pair_of` names the pair whose summary a relationship counts in, if any (read again at every flush,
    since a later batch may change what it depends on)."""

    def __init__(self, path: Path, pair_of: Callable[[Rel], str | None]) -> None:
        # One batch is written at a time, but not from the thread that made the store (ingest/pipeline.py
        # writes on a thread of its own), hence check_same_thread.
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        # A scratch file: a load that stops starts again from nothing, so neither a journal nor syncing; and
        # this load's alone, so its lock is held, which spares each statement the system calls that take and
        # drop it (two thirds of a look-up's time, measured).
        for pragma in (
            "locking_mode = EXCLUSIVE",
            "journal_mode = OFF",
            "synchronous = OFF",
            "cache_size = -65536",
        ):
            self._db.execute("PRAGMA " + pragma)
        for statement in SCHEMA:
            self._db.execute(statement)
        self._pair_of = pair_of
        self.hot: dict[RelKey, Rel] = {}
        self.count = 0
        # Every property a relationship between two label groups was written with: the columns of its file.
        self.columns: dict[tuple[str, str], set[str]] = defaultdict(set)

    def merge(self, key: RelKey) -> Rel:
        """The relationship with this key, made if there is none."""
        rel = self.hot.get(key)
        if rel is None:
            found = self._db.execute("SELECT value FROM rel WHERE key = ?", (_digest(key),)).fetchone()
            if found is None:
                rel = Rel(key[0], key[1], key[2])
                self.count += 1
            else:
                rel = Rel(*pickle.loads(found[0]))
            self.hot[key] = rel
        return rel

    @staticmethod
    def add_ids(rel: Rel, article_ids: Iterable[str]) -> int:
        """`article_ids` added to those of `rel` that it lacks; how many it has now. Only the batch's own are
        looked through: a bulk load folds each article in one batch (ingest/bulk.py refuses one read
        again), so no id a batch brings is among those an earlier batch stored."""
        for article_id in article_ids:
            if article_id not in rel.new_ids:
                rel.new_ids.append(article_id)
        return rel.stored_ids + len(rel.new_ids)

    def best(self, fact_keys: Iterable[str]) -> dict[str, Best]:
        """The best sentence kept so far of each of these facts that has one."""
        # One statement for the lot (the keys as a JSON array): a look-up a key cost as much again.
        found = self._db.execute(
            "SELECT b.fact_key, b.value FROM json_each(?) AS k JOIN best AS b ON b.fact_key = k.value",
            (json.dumps(sorted(set(fact_keys))),),
        )
        return {key: pickle.loads(value) for key, value in found}

    def keep_best(self, chosen: dict[str, Best]) -> None:
        rows = [(k, pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in chosen.items()]
        self._write(("INSERT OR REPLACE INTO best VALUES (?, ?)", rows))

    def flush(self) -> None:
        """The batch's relationships written back, and let go."""
        rows, ids = [], []
        for key, rel in self.hot.items():
            digest = _digest(key)
            columns = self.columns[(rel.start[0], rel.end[0])]
            columns.update(rel.props)
            if rel.new_ids:
                columns.add(IDS)
                ids += [(digest, rel.stored_ids + i, a) for i, a in enumerate(rel.new_ids)]
            count = rel.stored_ids + len(rel.new_ids)
            value = pickle.dumps((rel.type, rel.start, rel.end, rel.props, count), pickle.HIGHEST_PROTOCOL)
            rows.append((digest, self._pair_of(rel), value))
        self._write(
            ("INSERT OR REPLACE INTO rel VALUES (?, ?, ?)", rows), ("INSERT INTO ids VALUES (?, ?, ?)", ids)
        )
        self.hot = {}

    def _write(self, *statements: tuple[str, list[tuple[Any, ...]]]) -> None:
        self._db.execute("BEGIN")
        for statement, rows in statements:
            self._db.executemany(statement, rows)
        self._db.execute("COMMIT")

    def _read(self, key: bytes, value: bytes) -> Rel:
        """A relationship as written back, with its article ids."""
        rel = Rel(*pickle.loads(value))
        if rel.stored_ids:
            found = self._db.execute("SELECT article_id FROM ids WHERE key = ? ORDER BY seq", (key,))
            rel.props[IDS] = [article_id for (article_id,) in found]
        return rel

    def rels(self, unpaired: bool = False) -> Iterator[Rel]:
        """Every relationship, written back first; with `unpaired`, only those in no pair's summary."""
        self.flush()
        where = " WHERE pair IS NULL" if unpaired else ""
        for key, value in self._db.execute("SELECT key, value FROM rel" + where):
            yield self._read(key, value)

    def pairs(self) -> Iterator[tuple[str, list[Rel]]]:
        """The relationships of each pair, one pair at a time."""
        self.flush()
        found = self._db.execute("SELECT pair, key, value FROM rel WHERE pair IS NOT NULL ORDER BY pair")
        for pair, rows in groupby(found, key=lambda row: row[0]):
            yield pair, [self._read(key, value) for _, key, value in rows]

    def close(self) -> None:
        self._db.close()
