"""Pages and feeds from a site served in the test (tests/web_site.py), ingested into the real test Neo4j."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from cli.feeds import web_articles
from ingest.fetch import Fetcher
from ingest.models import RawArticle, ReadError
from ingest.pipeline import Pipeline, ingest_items
from ingest.watch import FeedState, parse_interval, watch_round
from polgraph.settings import Settings
from tests.conftest import make_test_settings, subprocess_env
from tests.integration.test_ingest import graph_counts
from tests.web_site import ROBOTS, Route, Site, add_feeds, article_page, news_site, rss, sample_stems, serve

UA = "polgraph-test/1.0 (feeds)"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(news_site()) as served:
        add_feeds(served)
        yield served


def fetch_settings(base: Settings, tmp_path: Path, **more: object) -> Settings:
    values: dict[str, object] = {
        "fetch_private_addresses": True,
        "fetch_delay_s": 0.0,
        "fetch_timeout_s": 1,
        "fetch_max_bytes": 200_000,
        "fetch_user_agent": UA,
        "state_dir": tmp_path / "state",
    }
    values.update(more)
    return base.model_copy(update=values)


def fetch_env(settings: Settings, tmp_path: Path, **more: str) -> dict[str, str]:
    env = subprocess_env(settings)
    env.update(
        POLGRAPH_FETCH_PRIVATE_ADDRESSES="true",
        POLGRAPH_FETCH_DELAY="0",
        POLGRAPH_FETCH_TIMEOUT="2",
        POLGRAPH_FETCH_USER_AGENT=UA,
        POLGRAPH_STATE_DIR=str(tmp_path / "state"),
        POLGRAPH_NLP_PROCESSES="0",
    )
    env.update(more)
    return env


def polgraph(*args: str, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, env=env, timeout=timeout
    )


def stored_articles(driver: Driver, database: str) -> list[dict[str, object]]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.url AS url, a.title AS title, toString(a.published) AS published "
        "ORDER BY url",
        database_=database,
    )
    return [dict(r) for r in records]


# ------------------------------------------------------------------------------------------ fetching


def test_every_bad_url_is_named_with_its_problem_and_the_run_goes_on(site: Site, tmp_path: Path) -> None:
    settings = fetch_settings(make_test_settings(), tmp_path)
    fetcher = Fetcher(settings)
    paths = [
        "/news/1.html",
        "/private/secret.html",
        "/gone.html",
        "/image.png",
        "/big.html",
        "/slow.html",
        "/news/2.html",
    ]
    out = list(fetcher.articles([site.url(p) for p in paths] + ["http://127.0.0.1:1/x", "ftp://x/y"]))
    assert [type(o).__name__ for o in out] == ["RawArticle"] + ["ReadError"] * 5 + ["RawArticle"] + [
        "ReadError"
    ] * 2
    problems = {o.source: o.problem for o in out if isinstance(o, ReadError)}
    assert problems == {
        site.url("/private/secret.html"): "robots.txt of the site disallows it for our User-Agent",
        site.url("/gone.html"): "the server answered HTTP 404",
        site.url("/image.png"): "not an HTML page (Content-Type: image/png)",
        site.url("/big.html"): "larger than the limit of 200000 bytes (POLGRAPH_FETCH_MAX_BYTES)",
        site.url("/slow.html"): "no answer within 1 s (POLGRAPH_FETCH_TIMEOUT)",
        "http://127.0.0.1:1/x": "could not connect (connection refused or host unreachable)",
        "ftp://x/y": "not an http:// or https:// URL",
    }
    # What may pass is tried again by a watch; what failed for good is not.
    assert fetcher.retry_later == {site.url("/slow.html"), "http://127.0.0.1:1/x"}
    # The page is read as an .html file is: URL, title and date kept.
    first = out[0]
    assert isinstance(first, RawArticle)
    _, meta = article_page(sample_stems()[0])
    assert (first.url, first.title, str(first.published)) == (
        site.url("/news/1.html"),
        meta["title"],
        meta["published"],
    )
    # robots.txt asked once for the whole run, every request with our User-Agent.
    assert site.asked("/robots.txt") == 1 and site.asked("/private/secret.html") == 0
    assert {agent for _, agent in site.requests} == {UA}


def test_loopback_and_private_hosts_are_refused_unless_allowed(site: Site, tmp_path: Path) -> None:
    settings = fetch_settings(make_test_settings(), tmp_path, fetch_private_addresses=False)
    [out] = list(Fetcher(settings).articles([site.url("/news/1.html")]))
    assert isinstance(out, ReadError) and out.source == site.url("/news/1.html")
    assert "loopback or private address" in out.problem and "POLGRAPH_FETCH_PRIVATE_ADDRESSES" in out.problem
    assert site.requests == []


def test_robots_txt_for_our_agent_and_a_missing_one(tmp_path: Path) -> None:
    site = news_site(robots="User-agent: polgraph-test\nDisallow: /news/2\n")
    with serve(site):
        fetcher = Fetcher(fetch_settings(make_test_settings(), tmp_path))
        one, two = fetcher.articles([site.url("/news/1.html"), site.url("/news/2.html")])
        assert isinstance(one, RawArticle)
        assert isinstance(two, ReadError) and "robots.txt" in two.problem
    no_robots = news_site()
    del no_robots.routes["/robots.txt"]  # 404: everything is allowed (RFC 9309)
    with serve(no_robots):
        [page] = Fetcher(fetch_settings(make_test_settings(), tmp_path)).articles(
            [no_robots.url("/private/secret.html")]
        )
        assert isinstance(page, RawArticle)
    down = news_site()
    down.routes["/robots.txt"] = Route(b"oops", status=500)  # unreadable: nothing is fetched
    with serve(down):
        [page] = Fetcher(fetch_settings(make_test_settings(), tmp_path)).articles([down.url("/news/1.html")])
        assert isinstance(page, ReadError) and "robots.txt" in page.problem and "500" in page.problem
        assert down.asked("/news/1.html") == 0


def test_feed_links_from_rss_atom_json_a_sitemap_and_a_page_that_announces_a_feed(
    site: Site, tmp_path: Path
) -> None:
    fetcher = Fetcher(fetch_settings(make_test_settings(), tmp_path))
    listed = [site.url(p) for p in ("/news/1.html", "/news/2.html", "/private/secret.html", "/gone.html")]
    assert fetcher.feed_links(site.url("/feed.rss")) == listed
    # Atom links relative to the feed; the feed's own and its site's links are not items.
    assert fetcher.feed_links(site.url("/feed.atom")) == [site.url("/news/2.html"), site.url("/news/3.html")]
    assert fetcher.feed_links(site.url("/")) == listed
    # A JSON feed, and a sitemap index whose sitemap lists the pages.
    assert fetcher.feed_links(site.url("/feed.json")) == [site.url("/news/3.html")]
    assert fetcher.feed_links(site.url("/sitemap_index.xml")) == [
        site.url("/news/3.html"),
        site.url("/news/1.html"),
    ]
    [bad] = list(fetcher.feed_articles(site.url("/news/1.html")))
    assert isinstance(bad, ReadError) and bad.source == site.url("/news/1.html")
    assert "neither an RSS, Atom or JSON feed" in bad.problem


def test_nothing_is_fetched_at_import_or_without_a_url() -> None:
    # Every connection attempt is recorded, then the modules are imported and an ingest's inputs built
    # without a URL.
    probe = (
        "import socket\n"
        "tried = []\n"
        "real = socket.socket.connect\n"
        "socket.socket.connect = lambda self, address: tried.append(address) or real(self, address)\n"
        "socket.create_connection = lambda address, *a, **k: tried.append(address)\n"
        "import cli.main, cli.feeds, ingest.fetch, ingest.watch, ingest.pipeline\n"
        "from polgraph.settings import Settings\n"
        "assert list(cli.feeds.web_articles(Settings(), [], None, [])) == []\n"
        "print(tried, 'trafilatura.downloads' in __import__('sys').modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[] False"


def test_interval() -> None:
    assert [parse_interval(t) for t in ("90", "30s", "15m", "2h", "1d")] == [90, 30, 900, 7200, 86400]
    for bad in ("0s", "fast", "", "-5m", "nan"):
        with pytest.raises(ValueError):
            parse_interval(bad)


# ---------------------------------------------------------------------------------------------- ingest


@pytest.mark.neo4j
def test_a_feed_ingested_twice_adds_nothing_the_second_time(
    site: Site, empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    settings = fetch_settings(neo4j_settings, tmp_path)
    db = settings.neo4j_database
    feeds = [site.url("/feed.rss"), site.url("/feed.atom")]
    first, _ = ingest_items(
        web_articles(settings, [], None, feeds), empty_graph, settings, pipeline=nlp_pipeline
    )
    assert (first.new, first.duplicates, first.failed) == (3, 1, 2), first.failures
    assert {f.source for f in first.failures} == {site.url("/private/secret.html"), site.url("/gone.html")}
    counts = graph_counts(empty_graph, db)
    assert counts[0] > 3 and counts[1] > 0
    stems = sample_stems()[:3]
    assert stored_articles(empty_graph, db) == [
        {
            "url": site.url(f"/news/{i}.html"),
            "title": article_page(s)[1]["title"],
            "published": article_page(s)[1]["published"],
        }
        for i, s in enumerate(stems, start=1)
    ]

    again, _ = ingest_items(
        web_articles(settings, [], None, feeds), empty_graph, settings, pipeline=nlp_pipeline
    )
    assert (again.new, again.unchanged, again.nodes_created, again.relationships_created) == (0, 3, 0, 0)
    assert graph_counts(empty_graph, db) == counts

    # The same pages named one by one, and in a --urls file, are the same articles.
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today\n{site.url('/news/1.html')}\n\nnot a url\n", encoding="utf-8")
    by_url, _ = ingest_items(
        web_articles(settings, [site.url("/news/3.html")], listing, []),
        empty_graph,
        settings,
        pipeline=nlp_pipeline,
    )
    assert (by_url.unchanged, by_url.failed) == (2, 1)
    assert by_url.failures[0].source == f"{listing}:4" and "not an http(s) URL" in by_url.failures[0].problem
    assert graph_counts(empty_graph, db) == counts


@pytest.mark.neo4j
def test_a_watch_round_fetches_only_new_items_and_skips_spacy_when_there_are_none(
    site: Site, empty_graph: Driver, neo4j_settings: Settings, nlp_pipeline: Pipeline, tmp_path: Path
) -> None:
    settings = fetch_settings(neo4j_settings, tmp_path)
    feeds = [site.url("/feed.rss"), site.url("/feed.atom")]
    state = FeedState.for_graph(settings)
    first = watch_round(feeds, empty_graph, settings, nlp_pipeline, state)
    assert (first.listed, first.new_items, first.summary.new, first.summary.failed) == (6, 5, 3, 2)
    counts = graph_counts(empty_graph, settings.neo4j_database)
    asked = {p: site.asked(p) for p in ("/news/1.html", "/news/2.html", "/news/3.html", "/gone.html")}

    # A new item appears in the feed; everything else was handled (failures for good included).
    site.routes["/feed.rss"] = Route(
        rss(site.base, ["/news/1.html", "/news/2.html", "/news/4.html", "/gone.html"]),
        content_type="application/rss+xml",
    )
    site.routes["/news/4.html"] = Route(b"<html><body>Not found</body></html>", status=503)
    fresh = Pipeline(settings, known=[])
    later = watch_round(feeds, empty_graph, settings, fresh, FeedState.for_graph(settings))
    assert (later.new_items, later.summary.failed, later.summary.new) == (1, 1, 0)
    assert not fresh.loaded  # nothing new to parse: spaCy never loaded
    assert {p: site.asked(p) for p in asked} == asked
    assert graph_counts(empty_graph, settings.neo4j_database) == counts
    # A server error may pass: the item is asked for again next round.
    site.routes["/news/4.html"] = Route(article_page(sample_stems()[3])[0])
    last = watch_round(feeds, empty_graph, settings, nlp_pipeline, FeedState.for_graph(settings))
    assert (last.new_items, last.summary.new, last.summary.failed) == (1, 1, 0)
    saved = json.loads(state.path.read_text(encoding="utf-8"))["feeds"]
    # Items that left a feed are forgotten (private/secret.html left the RSS feed).
    assert sorted(saved[site.url("/feed.rss")]) == sorted(
        site.url(p) for p in ("/news/1.html", "/news/2.html", "/news/4.html", "/gone.html")
    )


@pytest.mark.neo4j
def test_ingest_of_urls_that_all_fail_says_which_and_exits_1_without_loading_spacy(
    site: Site, neo4j_settings: Settings, tmp_path: Path
) -> None:
    run = polgraph(
        "ingest",
        "--url",
        site.url("/gone.html"),
        "--url",
        site.url("/private/secret.html"),
        env=fetch_env(neo4j_settings, tmp_path),
    )
    assert run.returncode == 1, run.stderr
    assert f"failed {site.url('/gone.html')}: the server answered HTTP 404" in run.stderr
    assert f"failed {site.url('/private/secret.html')}: robots.txt" in run.stderr
    assert "loading the NLP pipeline" not in run.stderr
    assert "0 new" in run.stdout and "2 failed" in run.stdout


@pytest.mark.neo4j
def test_a_killed_watch_resumes_without_duplicates_or_losses(
    empty_graph: Driver, neo4j_settings: Settings, tmp_path: Path
) -> None:
    site = news_site(robots=ROBOTS)
    stems = sample_stems()
    with serve(site):
        for i, stem in enumerate(stems, start=1):
            # Slow pages, one article a batch: the watch is killed between two commits.
            site.routes[f"/slow/{i}.html"] = Route(article_page(stem)[0], delay_s=1.5)
        feed = site.url("/slow.rss")
        site.routes["/slow.rss"] = Route(
            rss(site.base, [f"/slow/{i}.html" for i in range(1, len(stems) + 1)])
        )
        env = fetch_env(neo4j_settings, tmp_path, POLGRAPH_INGEST_BATCH_SIZE="1")
        db = neo4j_settings.neo4j_database
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli.main", "watch", feed, "--every", "1h"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        try:
            deadline = time.monotonic() + 300
            while len(stored_articles(empty_graph, db)) < 1 and time.monotonic() < deadline:
                assert proc.poll() is None, proc.communicate()[1]
                time.sleep(0.2)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
        before = len(stored_articles(empty_graph, db))
        assert 1 <= before < len(stems)
        # The round never finished: what it handled is not on disk, and the next run asks again.
        assert list((tmp_path / "state").glob("watch-*.json")) == []

        rerun = polgraph("watch", feed, "--once", env=env)
        assert rerun.returncode == 0, rerun.stderr
        assert f"{before} unchanged" in rerun.stdout and f"{len(stems) - before} new" in rerun.stdout
        urls = [a["url"] for a in stored_articles(empty_graph, db)]
        assert sorted(urls) == sorted(site.url(f"/slow/{i}.html") for i in range(1, len(stems) + 1))
        counts = graph_counts(empty_graph, db)

        idle = polgraph("watch", feed, "--once", env=env)
        assert idle.returncode == 0, idle.stderr
        assert "0 new" in idle.stdout and "loading the NLP pipeline" not in idle.stderr
        assert graph_counts(empty_graph, db) == counts
