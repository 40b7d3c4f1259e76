"""Saved-query answers kept in the API process, keyed on the graph's revision.

Every ingest write sets a new revision token in its own transaction (ingest/cypher/revision.cypher), and
the revision read before each request also carries the node and relationship counts, which most writes
made outside polgraph change. A request reads the revision first and then, on a miss, runs the query: an
answer is stored under a revision no newer than the graph it was read from, so it is never served after a
write that polgraph or a count can see. What neither can see (a property edited by hand in Browser) is
bounded by the time an answer is kept.

Why: on a 2-core machine the whole-graph fact list costs ~18 ms of CPU a request between Neo4j and the
API, so 8 clients asking for it queue behind each other (p99 ~250 ms at 10k articles, bench/RESULTS.md),
while the graph changes only when an ingest batch commits.

A call is cached from its second time on: the revision read is a round trip to Neo4j (1-3 ms with one
client on 2 cores, bench/PROFILE.md), which a call asked once, as most calls about one actor are, would pay
for nothing. The calls seen are remembered across revisions, so one asked again after a write is cached at
once.

The cache lives on the event loop's thread alone (the saved-query routes are `async`), hence no lock.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from api.models import CacheInfo

Run = Callable[[], Awaitable[tuple[bytes, str]]]


@dataclass(frozen=True)
class Revision:
    token: str
    nodes: int
    relationships: int

    @property
    def key(self) -> str:
        return f"{self.token}:{self.nodes}:{self.relationships}"


@dataclass(frozen=True)
class Entry:
    body: bytes
    etag: str
    stored: float


def etag_of(answer: bytes) -> str:
    """A validator from the answer's bytes: two answers share it only when they are the same. (The bytes
    hashed leave out what changes from one run of the same answer to the next, such as its timing.)"""
    return '"' + hashlib.blake2b(answer, digest_size=12).hexdigest() + '"'


class ResponseCache:
    """Answers of the current revision, least recently used first out past `max_bytes`, none older than
    `ttl_s`. A new revision empties it: nothing stored under an older one can be served again."""

    def __init__(
        self,
        max_bytes: int,
        ttl_s: float,
        clock: Callable[[], float] = time.monotonic,
        seen_max: int = 100_000,
    ) -> None:
        self.max_bytes = max_bytes
        self.ttl_s = ttl_s
        self._clock = clock
        self._seen: OrderedDict[bytes, None] = OrderedDict()  # digests of the calls seen, least recent first
        self._seen_max = seen_max
        self._revision: str | None = None
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        # One run per key at a time: when a write empties the cache, the clients asking for the same
        # answer wait for the first one's run instead of each running the query.
        self._running: dict[tuple[str, str], asyncio.Future[Entry]] = {}
        self.hits = 0
        self.misses = 0

    def seen_before(self, key: str) -> bool:
        """Whether this call was made before (of the last `seen_max` different ones); remembers it."""
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
        if digest in self._seen:
            self._seen.move_to_end(digest)
            return True
        self._seen[digest] = None
        if len(self._seen) > self._seen_max:
            self._seen.popitem(last=False)
        return False

    def stats(self) -> CacheInfo:
        return CacheInfo(hits=self.hits, misses=self.misses, entries=len(self._entries), bytes=self._bytes)

    def _use(self, revision: str) -> None:
        if revision != self._revision:
            self._revision = revision
            self._entries.clear()
            self._bytes = 0

    def get(self, revision: str, key: str) -> Entry | None:
        self._use(revision)
        entry = self._entries.get(key)
        if entry is None:
            return None
        if self._clock() - entry.stored > self.ttl_s:
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry

    def put(self, revision: str, key: str, body: bytes, etag: str) -> Entry:
        entry = Entry(body, etag, self._clock())
        # Kept only under the revision requests now read: one that changed while the query ran has
        # emptied the cache, and an answer of the revision before must not come back into it.
        if revision != self._revision or len(body) > self.max_bytes:
            return entry
        if key in self._entries:
            self._drop(key)
        self._entries[key] = entry
        self._bytes += len(body)
        while self._bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))
        return entry

    def _drop(self, key: str) -> None:
        self._bytes -= len(self._entries.pop(key).body)

    async def answer(
        self, key: str, revision_of: Callable[[], Awaitable[Revision | None]], run: Run
    ) -> tuple[Entry, bool]:
        """The answer to the call `key` (and whether it came from the cache): the revision is read, and
        the answer kept, only for a call seen before and on a graph an ingest has versioned."""
        revision = await revision_of() if self.seen_before(key) else None
        if revision is None:
            self.misses += 1
            body, etag = await run()
            return Entry(body, etag, self._clock()), False
        return await self.get_or_run(revision.key, key, run)

    async def get_or_run(self, revision: str, key: str, run: Run) -> tuple[Entry, bool]:
        """The stored answer (and True), or the body and tag `run` gives (and False), stored under
        `revision`."""
        entry = self.get(revision, key)
        if entry is not None:
            self.hits += 1
            return entry, True
        running = self._running.get((revision, key))
        if running is not None:
            try:
                entry = await asyncio.shield(running)
            except asyncio.CancelledError:
                # The first caller went away (its client disconnected): this one runs the query itself,
                # unless it is the one being cancelled.
                if not running.cancelled():
                    raise
            else:
                self.hits += 1
                return entry, True
        return await self._run(revision, key, run), False

    async def _run(self, revision: str, key: str, run: Run) -> Entry:
        self.misses += 1
        done: asyncio.Future[Entry] = asyncio.get_running_loop().create_future()
        self._running[(revision, key)] = done
        try:
            body, etag = await run()
        except asyncio.CancelledError:
            done.cancel()
            raise
        except Exception as exc:
            # Those waiting asked the same thing at the same moment: they get the same error.
            done.set_exception(exc)
            done.exception()  # marked as retrieved: asyncio would warn when no one was waiting
            raise
        finally:
            if self._running.get((revision, key)) is done:
                del self._running[(revision, key)]
        entry = self.put(revision, key, body, etag)
        done.set_result(entry)
        return entry
