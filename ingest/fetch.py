"""Articles from the web: pages named by URL and the items of RSS, Atom and JSON feeds and of sitemaps.

Pages are fetched with trafilatura's downloader (a time limit, a size limit, our User-Agent, at most two
redirects) and read by the same reader as `.html` files (ingest/read.py), so that their URL, title and date
are kept. robots.txt is asked first, once per site, and obeyed; requests to one site are spaced by
POLGRAPH_FETCH_DELAY or the site's Crawl-delay, whichever is longer. Every problem with one URL becomes a
ReadError naming the URL, as a bad file does: one bad URL never stops a run.

Nothing here fetches anything until a caller names a URL; trafilatura is imported on first use.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ingest.models import RawArticle, ReadError
from ingest.read import read_html_page
from polgraph.settings import Settings

if TYPE_CHECKING:
    from trafilatura.utils import Response

# What a page may be sent as to be read as an article: other types (PDF, images, feeds) are refused by name.
HTML_TYPES = ("text/html", "application/xhtml+xml")
# trafilatura's downloader reports why a download failed only in its log; the message is read from there.
DOWNLOAD_LOGGER = "trafilatura.downloads"
# Feeds read of those a web page announces, and sitemaps read for one --feed (nested ones included).
MAX_ANNOUNCED_FEEDS = 3
MAX_SITEMAPS = 50
# A robots.txt longer than this is read only this far (RFC 9309 asks crawlers to read at least 500 KiB).
ROBOTS_MAX_BYTES = 500 * 1024


class FetchError(Exception):
    """One URL that could not be fetched. `transient` problems (no answer, a server error, an unreachable
    robots.txt) may pass: a feed watcher tries the URL again on its next round."""

    def __init__(self, url: str, problem: str, *, transient: bool = False, answered: bool = True) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem
        self.transient = transient
        # False when no server answered at all (refused, unreachable, silent).
        self.answered = answered


@dataclass
class _Page:
    url: str  # after redirects
    status: int
    text: str
    content_type: str


@dataclass
class _Site:
    """What is known of one scheme://host:port: its robots.txt and when it was last asked for something."""

    robots: RobotFileParser | None = None
    robots_problem: str | None = None
    robots_transient: bool = True
    last_request: float = 0.0


class _CapturedErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.errors: list[BaseException | str] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        cause = next((a for a in args if isinstance(a, BaseException)), None)
        self.errors.append(cause if cause is not None else record.getMessage())


@dataclass
class Fetcher:
    """Fetches pages and feeds for one run, remembering each site's robots.txt and pace."""

    settings: Settings
    # URLs whose failure may pass (see FetchError.transient), gathered over the run.
    retry_later: set[str] = field(default_factory=set)
    _sites: dict[str, _Site] = field(default_factory=dict)
    _config: ConfigParser | None = None

    # ------------------------------------------------------------------------------------------ articles

    def articles(self, urls: Iterable[str]) -> Iterator[RawArticle | ReadError]:
        """One RawArticle or ReadError per URL, in order, fetched as the caller asks for them."""
        for url in urls:
            yield self.article(url)

    def article(self, url: str) -> RawArticle | ReadError:
        try:
            page = self._get(url)
            if not page.content_type.startswith(HTML_TYPES):
                raise FetchError(url, f"not an HTML page (Content-Type: {page.content_type or 'none'})")
        except FetchError as exc:
            return self._failed(exc)
        return read_html_page(page.text, page.url)

    def feed_articles(self, feed_url: str) -> Iterator[RawArticle | ReadError]:
        """The articles a feed links to; a feed that cannot be read is one ReadError naming it."""
        try:
            links = self.feed_links(feed_url)
        except FetchError as exc:
            yield self._failed(exc)
            return
        yield from self.articles(links)

    # ---------------------------------------------------------------------------------------------- feeds

    def feed_links(self, feed_url: str) -> list[str]:
        """The item URLs of an RSS, Atom or JSON feed, or of a sitemap (its nested sitemaps followed), in
        their order, without repeats. Given a web page instead, the feeds it announces
        (`<link rel="alternate">`) are read."""
        from trafilatura.feeds import determine_feed, is_potential_feed
        from trafilatura.sitemaps import SITEMAP_FORMAT

        page = self._get(feed_url)
        text = page.text.strip()
        if SITEMAP_FORMAT.match(text) and ("<urlset" in text or "<sitemapindex" in text):
            items = self._links_of_sitemaps(page)
        elif is_potential_feed(text) or text.startswith("{"):
            items = self._links_of_feed(text, page.url)
        else:
            announced = [u for u in determine_feed(text, _feed_parameters(page.url)) if u != feed_url]
            if not announced:
                raise FetchError(
                    feed_url, "neither an RSS, Atom or JSON feed, a sitemap, nor a page that announces a feed"
                )
            items = []
            for url in announced[:MAX_ANNOUNCED_FEEDS]:
                feed = self._get(url)
                items.extend(self._links_of_feed(feed.text.strip(), feed.url))
        if not items:
            raise FetchError(feed_url, "lists no item links")
        return list(dict.fromkeys(items))

    @staticmethod
    def _links_of_feed(text: str, feed_url: str) -> list[str]:
        from trafilatura.feeds import find_links

        # find_links reads the links as the feed gives them; trafilatura's own clean-up after it (courlan)
        # drops hosts given as IP addresses or "localhost", which intranet feeds use, so links are only
        # made absolute and checked here.
        links = (_item_link(feed_url, raw) for raw in find_links(text, _feed_parameters(feed_url)))
        return list(dict.fromkeys(link for link in links if link is not None))

    def _links_of_sitemaps(self, first: _Page) -> list[str]:
        """Pages of a sitemap and of the sitemaps it lists, parsed by trafilatura (XML or text sitemaps),
        each fetched as any URL is."""
        from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject

        pages: dict[str, None] = {}
        waiting: list[str] = []

        class Links(SitemapObject):
            # trafilatura's own link check drops hosts given as IP addresses (as for feeds above).
            def handle_link(self, link: str) -> None:
                found = _item_link(self.current_url, link)
                if found is None or found == self.current_url:
                    return
                if DETECT_SITEMAP_LINK.search(found):
                    waiting.append(found)
                else:
                    pages[found] = None

        parts = urlsplit(first.url)
        reader = Links(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", [], external=True)
        seen = {first.url}
        page: _Page | None = first
        while page is not None:
            reader.current_url, reader.content = page.url, page.text
            reader.process()
            page = None
            while waiting and len(seen) < MAX_SITEMAPS:
                url = waiting.pop(0)
                if url not in seen:
                    seen.add(url)
                    page = self._get(url)
                    break
        return list(pages)

    # ------------------------------------------------------------------------------------------ fetching

    def _failed(self, exc: FetchError) -> ReadError:
        if exc.transient:
            self.retry_later.add(exc.url)
        return ReadError(source=exc.url, problem=exc.problem)

    def _get(self, url: str) -> _Page:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http:// or https:// URL")
        site = self._site(f"{parts.scheme}://{parts.netloc}")
        if site.robots_problem is not None:
            raise FetchError(url, site.robots_problem, transient=site.robots_transient)
        if site.robots is not None and not site.robots.can_fetch(self.settings.fetch_user_agent, url):
            raise FetchError(url, "robots.txt of the site disallows it for our User-Agent")
        page = self._download(url, site)
        if page.status >= 500 or page.status == 429:
            raise FetchError(url, f"the server answered HTTP {page.status}", transient=True)
        if page.status != 200:
            raise FetchError(url, f"the server answered HTTP {page.status}")
        if not page.text.strip():
            raise FetchError(url, "the server sent an empty page")
        return page

    def _site(self, origin: str) -> _Site:
        site = self._sites.get(origin)
        if site is None:
            site = self._sites[origin] = _Site()
            self._read_robots(origin, site)
        return site

    def _read_robots(self, origin: str, site: _Site) -> None:
        """RFC 9309: a robots.txt that is missing (any 4xx) allows everything; one that cannot be read (a
        server error, no answer) forbids everything until it can."""
        url = f"{origin}/robots.txt"
        try:
            page = self._download(url, site, limit=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            # Without a server that answers, the page would meet the same problem: it is told as it is.
            site.robots_problem = (
                f"robots.txt of the site could not be read ({exc.problem}); not fetched"
                if exc.answered
                else exc.problem
            )
            site.robots_transient = exc.transient
            return
        if 400 <= page.status < 500:
            return
        if page.status != 200:
            site.robots_problem = f"robots.txt of the site answered HTTP {page.status}; not fetched"
            return
        robots = RobotFileParser(url)
        robots.parse(page.text.splitlines())
        site.robots = robots

    def _download(self, url: str, site: _Site, limit: int | None = None) -> _Page:
        from trafilatura.downloads import fetch_response

        self._wait_for_turn(site)
        captured = _CapturedErrors()
        logger = logging.getLogger(DOWNLOAD_LOGGER)
        logger.addHandler(captured)
        try:
            response: Response | None = fetch_response(url, decode=True, config=self._download_config(limit))
        finally:
            logger.removeHandler(captured)
            site.last_request = time.monotonic()
        if response is None:
            problem, transient, answered = _download_problem(captured.errors, self.settings)
            raise FetchError(url, problem, transient=transient, answered=answered)
        headers = response.headers or {}
        return _Page(
            url=response.url or url,
            status=int(response.status),
            text=response.html or "",
            content_type=headers.get("content-type", "").strip().lower(),
        )

    def _wait_for_turn(self, site: _Site) -> None:
        delay = self.settings.fetch_delay_s
        if site.robots is not None:
            asked = site.robots.crawl_delay(self.settings.fetch_user_agent)
            if asked is not None:
                delay = max(delay, float(asked))
        wait = site.last_request + delay - time.monotonic()
        if site.last_request and wait > 0:
            time.sleep(wait)

    def _download_config(self, limit: int | None) -> ConfigParser:
        if self._config is None:
            from trafilatura.settings import DEFAULT_CONFIG

            config = ConfigParser()
            config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
            config["DEFAULT"].update(
                {
                    "DOWNLOAD_TIMEOUT": str(self.settings.fetch_timeout_s),
                    "USER_AGENTS": self.settings.fetch_user_agent,
                    "MAX_REDIRECTS": "2",
                    "SSRF_PROTECTION": "off" if self.settings.fetch_private_addresses else "on",
                    # A certificate that does not verify is a failure, not a reason to read without TLS.
                    "INSECURE_SSL_FALLBACK": "off",
                    "COOKIE": "",
                }
            )
            self._config = config
        config = self._config
        size = str(min(limit or self.settings.fetch_max_bytes, self.settings.fetch_max_bytes))
        if config["DEFAULT"]["MAX_FILE_SIZE"] != size:
            config["DEFAULT"]["MAX_FILE_SIZE"] = size
        return config


def _download_problem(errors: list[BaseException | str], settings: Settings) -> tuple[str, bool, bool]:
    """The downloader's reason, in words an operator can act on; whether it may pass; whether a server
    answered at all."""
    import urllib3.exceptions as http

    for error in errors:
        cause: Any = error.reason if isinstance(error, http.MaxRetryError) else error
        text = str(cause)
        if "SSRF protection" in text:
            allow = "POLGRAPH_FETCH_PRIVATE_ADDRESSES=true allows it"
            return f"refused: the host is a loopback or private address ({allow})", False, False
        if "exceeds MAX_FILE_SIZE" in text or "oversized" in text:
            limit = settings.fetch_max_bytes
            return f"larger than the limit of {limit} bytes (POLGRAPH_FETCH_MAX_BYTES)", False, True
        # Connection failures are timeouts to urllib3 (NewConnectionError is a ConnectTimeoutError).
        if isinstance(cause, http.NameResolutionError):
            return "the host name does not resolve", True, False
        if isinstance(cause, http.NewConnectionError):
            return "could not connect (connection refused or host unreachable)", True, False
        if isinstance(cause, http.TimeoutError):
            timeout = settings.fetch_timeout_s
            return f"no answer within {timeout} s (POLGRAPH_FETCH_TIMEOUT)", True, False
        if isinstance(cause, http.ResponseError) and "redirect" in text:
            return "too many redirects", False, True
        if isinstance(cause, http.ResponseError):
            return f"the server kept failing ({text})", True, True
        if isinstance(cause, http.SSLError):
            return f"TLS failed: {text}", True, False
        return text, True, False
    return "the download failed", True, False


def _item_link(base: str, raw: str) -> str | None:
    """`raw` made absolute against `base`, without its fragment; None for what is not an item: another
    scheme, or a site's home page (a feed's channel link)."""
    link = urldefrag(urljoin(base, raw.strip()))[0]
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path in ("", "/") or link == base:
        return None
    return link


def _feed_parameters(url: str) -> Any:
    from trafilatura.feeds import FeedParameters

    parts = urlsplit(url)
    return FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url, external=True)


def read_url_list(text: str, source: str) -> tuple[list[str], list[ReadError]]:
    """URLs of a `--urls` file: one a line; blank lines and `#` comments are skipped."""
    urls: list[str] = []
    errors: list[ReadError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if urlsplit(entry).scheme not in ("http", "https"):
            errors.append(ReadError(source=f"{source}:{number}", problem=f"not an http(s) URL: {entry!r}"))
            continue
        urls.append(entry)
    return urls, errors
