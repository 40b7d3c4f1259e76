"""Watching feeds: each round fetches only the items no earlier round has handled.

What was handled is kept on disk, one JSON file per graph (POLGRAPH_STATE_DIR), and written only after the
round's articles are committed. A watch killed mid-round therefore fetches that round's items again when it
restarts, and those its batches had already written are skipped as unchanged (their content hash): nothing
is lost and nothing is stored twice. An item whose failure may pass (no answer, a server error) is tried
again next round; one that failed for good (HTTP 404, robots.txt, not an article) is not fetched again
while its feed lists it. An item that leaves its feed is forgotten, so the file stays the size of the feeds.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from neo4j import Driver

from ingest.fetch import Fetcher, FetchError
from ingest.ids import short_hash
from ingest.models import RawArticle, ReadError
from ingest.pipeline import IngestSummary, Pipeline, ProgressCallback, ingest_items
from polgraph.settings import Settings

STATE_VERSION = 1


class FeedState:
    """Item URLs handled per feed URL, with when each was first handled."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.feeds: dict[str, dict[str, str]] = {}
        self.problem: str | None = None
        if path.exists():
            self._load()

    @classmethod
    def for_graph(cls, settings: Settings) -> FeedState:
        """The state of the graph `settings` point at: another server or database starts afresh."""
        key = short_hash(settings.neo4j_uri, settings.neo4j_database)
        return cls(settings.state_dir / f"watch-{key}.json")

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            feeds = data["feeds"]
            if not isinstance(feeds, dict):
                raise TypeError("feeds is not an object")
            self.feeds = {str(f): {str(u): str(t) for u, t in items.items()} for f, items in feeds.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # Starting afresh costs only a round of fetching: every stored item is then skipped as unchanged.
            self.problem = f"{self.path} could not be read ({exc}); every item is fetched once more"
            self.feeds = {}

    def handled(self, feed: str) -> set[str]:
        return set(self.feeds.get(feed, {}))

    def update(self, feed: str, listed: list[str], handled_now: set[str]) -> None:
        """Keep what the feed still lists and was handled, in this round or before."""
        before = self.feeds.get(feed, {})
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.feeds[feed] = {
            url: before.get(url, now) for url in listed if url in before or url in handled_now
        }

    def save(self) -> None:
        """Written whole to a file beside it and renamed over it: a kill leaves the old state or the new."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"version": STATE_VERSION, "feeds": self.feeds}, indent=1, sort_keys=True)
        handle, tmp = tempfile.mkstemp(prefix=".watch-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(body)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@dataclass
class WatchRound:
    """One round over the feeds: how many items were new, and what became of them (`summary`, where a feed
    that could not be read counts as one failed input)."""

    summary: IngestSummary = field(default_factory=IngestSummary)
    listed: int = 0
    new_items: int = 0


def watch_round(
    feeds: list[str],
    driver: Driver,
    settings: Settings,
    pipeline: Pipeline,
    state: FeedState,
    on_batch: ProgressCallback | None = None,
    summary: IngestSummary | None = None,
) -> WatchRound:
    """Read each feed, fetch and ingest the items not handled before, then record them in `state`."""
    fetcher = Fetcher(settings)
    result = WatchRound(summary=summary if summary is not None else IngestSummary())
    feed_failures: list[ReadError] = []
    listed: dict[str, list[str]] = {}
    for feed in dict.fromkeys(feeds):
        try:
            listed[feed] = fetcher.feed_links(feed)
        except FetchError as exc:
            feed_failures.append(ReadError(source=exc.url, problem=exc.problem))
    new = list(
        dict.fromkeys(url for feed, urls in listed.items() for url in urls if url not in state.handled(feed))
    )
    result.listed = sum(len(urls) for urls in listed.values())
    result.new_items = len(new)
    if new or feed_failures:
        items: Iterator[RawArticle | ReadError] = chain(feed_failures, fetcher.articles(new))
        ingest_items(items, driver, settings, on_batch=on_batch, pipeline=pipeline, summary=result.summary)
    handled = {url for url in new if url not in fetcher.retry_later}
    for feed, urls in listed.items():
        state.update(feed, urls, handled)
    state.save()
    return result


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d"; at least one second."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value = text.strip().lower()
    scale = units.get(value[-1:])
    number = value[:-1] if scale is not None else value
    try:
        seconds = float(number) * (scale or 1)
    except ValueError:
        raise ValueError(f"{text!r} is not an interval such as 90, 30s, 15m or 2h") from None
    if not seconds >= 1:
        raise ValueError(f"{text!r}: the interval must be at least one second")
    return seconds
