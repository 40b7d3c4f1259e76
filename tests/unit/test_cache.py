"""The API's response cache on its own: revisions, age, size, and one run per key at a time."""

from __future__ import annotations

import asyncio

import pytest

from api.cache import ResponseCache, etag_of


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_answer_is_served_again_under_its_revision_only() -> None:
    cache = ResponseCache(max_bytes=1000, ttl_s=60)
    assert cache.get("r1", "q") is None
    stored = cache.put("r1", "q", b"answer", etag_of(b"answer"))
    assert stored.etag == etag_of(b"answer")
    assert cache.get("r1", "q") == stored
    assert cache.get("r2", "q") is None  # a new revision empties it...
    assert cache.get("r1", "q") is None  # ...for good: the old answer is not kept aside
    assert cache.stats().entries == 0


def test_an_answer_of_a_revision_that_is_no_longer_read_is_not_kept() -> None:
    cache = ResponseCache(max_bytes=1000, ttl_s=60)
    cache.get("r2", "q")  # requests now read r2; a query started under r1 finishes after
    cache.put("r1", "q", b"old", etag_of(b"old"))
    assert cache.get("r2", "q") is None
    assert cache.stats().entries == 0


def test_an_answer_older_than_its_time_is_not_served() -> None:
    clock = Clock()
    cache = ResponseCache(max_bytes=1000, ttl_s=5, clock=clock)
    cache.get("r", "q")
    cache.put("r", "q", b"a", etag_of(b"a"))
    clock.now = 5.0
    assert cache.get("r", "q") is not None
    clock.now = 5.1
    assert cache.get("r", "q") is None
    assert cache.stats().bytes == 0


def test_the_least_recently_used_answers_leave_first_past_the_size() -> None:
    cache = ResponseCache(max_bytes=10, ttl_s=60)
    cache.get("r", "a")
    cache.put("r", "a", b"aaaa", etag_of(b"aaaa"))
    cache.put("r", "b", b"bbbb", etag_of(b"bbbb"))
    assert cache.get("r", "a") is not None  # a is now the more recent
    cache.put("r", "c", b"cccc", etag_of(b"cccc"))  # 12 bytes: b goes
    assert cache.get("r", "b") is None
    assert cache.get("r", "a") is not None and cache.get("r", "c") is not None
    assert cache.stats().bytes == 8
    big = cache.put("r", "d", b"d" * 11, etag_of(b"d" * 11))  # larger than the whole cache: served, not kept
    assert big.body == b"d" * 11 and cache.get("r", "d") is None
    assert cache.stats().entries == 2


def test_callers_asking_at_once_share_one_run() -> None:
    async def scenario() -> tuple[list[tuple[bytes, bool]], int]:
        cache = ResponseCache(max_bytes=1000, ttl_s=60)
        runs = 0
        release = asyncio.Event()

        async def run() -> tuple[bytes, str]:
            nonlocal runs
            runs += 1
            await release.wait()
            return b"rows", etag_of(b"rows")

        tasks = [asyncio.create_task(cache.get_or_run("r", "q", run)) for _ in range(5)]
        await asyncio.sleep(0)
        release.set()
        done = await asyncio.gather(*tasks)
        assert (cache.hits, cache.misses) == (4, 1)
        return [(entry.body, hit) for entry, hit in done], runs

    results, runs = asyncio.run(scenario())
    assert runs == 1
    assert [body for body, _ in results] == [b"rows"] * 5
    assert sorted(hit for _, hit in results) == [False, True, True, True, True]


def test_callers_waiting_on_a_run_that_fails_get_its_error_and_nothing_is_kept() -> None:
    async def scenario() -> list[BaseException | tuple[object, bool]]:
        cache = ResponseCache(max_bytes=1000, ttl_s=60)
        release = asyncio.Event()

        async def run() -> tuple[bytes, str]:
            await release.wait()
            raise TimeoutError("query ran too long")

        tasks = [asyncio.create_task(cache.get_or_run("r", "q", run)) for _ in range(3)]
        await asyncio.sleep(0)
        release.set()
        out = await asyncio.gather(*tasks, return_exceptions=True)
        assert cache.get("r", "q") is None
        return out

    for outcome in asyncio.run(scenario()):
        assert isinstance(outcome, TimeoutError) and str(outcome) == "query ran too long"


def test_when_the_first_caller_goes_away_the_one_waiting_runs_the_query_itself() -> None:
    async def scenario() -> tuple[bytes, bool, int]:
        cache = ResponseCache(max_bytes=1000, ttl_s=60)
        runs = 0

        async def run() -> tuple[bytes, str]:
            nonlocal runs
            runs += 1
            await asyncio.sleep(0.01)
            return b"rows", etag_of(b"rows")

        first = asyncio.create_task(cache.get_or_run("r", "q", run))
        await asyncio.sleep(0)
        second = asyncio.create_task(cache.get_or_run("r", "q", run))
        await asyncio.sleep(0)
        first.cancel()
        entry, hit = await second
        with pytest.raises(asyncio.CancelledError):
            await first
        return entry.body, hit, runs

    body, hit, runs = asyncio.run(scenario())
    assert body == b"rows" and hit is False and runs == 2


def test_a_call_counts_as_seen_from_its_second_time_and_the_oldest_are_forgotten() -> None:
    cache = ResponseCache(max_bytes=1000, ttl_s=60, seen_max=2)
    assert [cache.seen_before("a"), cache.seen_before("a")] == [False, True]
    cache.seen_before("b")
    cache.seen_before("a")  # a is now the more recent
    cache.seen_before("c")  # past two: b is forgotten
    assert cache.seen_before("a") is True
    assert cache.seen_before("b") is False
