"""A news site served from this process (http.server in a thread): pages made from the sample articles,
an RSS and an Atom feed, robots.txt, and the ways a page can fail. It records what it was asked."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import DATA_DIR

ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0


@dataclass
class Site:
    """Routes by path; `requests` lists (path, User-Agent) in the order they came."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def article_page(stem: str) -> tuple[bytes, dict[str, str]]:
    """An HTML page of a sample article, its title and date in the head, as a news site writes them."""
    text = (DATA_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    meta = json.loads((DATA_DIR / f"{stem}.meta.json").read_text(encoding="utf-8"))
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    title = escape(meta["title"])
    html = (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{meta["published"]}">'
        f'<meta property="og:title" content="{title}"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
    return html.encode("utf-8"), meta


def sample_stems() -> list[str]:
    return sorted(p.name.removesuffix(".meta.json") for p in DATA_DIR.glob("*.meta.json"))


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}{path}</link><guid>{base}{path}</guid></item>"
        for i, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test news</title>'
        f"<link>{base}/</link><description>News</description>{items}</channel></rss>"
    ).encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Story {i}</title><id>{base}{path}</id><link rel="alternate" href="{path}"/>'
        f"<updated>2024-05-01T10:00:00Z</updated></entry>"
        for i, path in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Test news</title><link rel="self" href="{base}/feed.atom"/>'
        f'<link rel="alternate" href="{base}/"/><updated>2024-05-01T10:00:00Z</updated>{entries}</feed>'
    ).encode()


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            site.requests.append((path, self.headers.get("User-Agent", "")))
            route = site.routes.get(path)
            if route is None:
                route = Route(b"<html><body>Not found</body></html>", status=404)
            if route.delay_s:
                time.sleep(route.delay_s)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout case)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def news_site(robots: str = ROBOTS) -> Site:
    """Three article pages, their feeds (RSS: 1, 2, a private page, a missing page; Atom: 2, 3) and bad
    pages of every kind a fetch can meet."""
    site = Site()
    stems = sample_stems()[:3]
    for i, stem in enumerate(stems, start=1):
        body, _ = article_page(stem)
        site.routes[f"/news/{i}.html"] = Route(body)
    private, _ = article_page(sample_stems()[3])
    site.routes["/private/secret.html"] = Route(private)
    site.routes["/robots.txt"] = Route(robots.encode(), content_type="text/plain")
    site.routes["/image.png"] = Route(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")
    site.routes["/big.html"] = Route(b"<html><body><p>" + b"word " * 60_000 + b"</p></body></html>")
    site.routes["/slow.html"] = Route(article_page(stems[0])[0], delay_s=3.0)
    return site


def add_feeds(site: Site) -> None:
    site.routes["/feed.rss"] = Route(
        rss(site.base, ["/news/1.html", "/news/2.html", "/private/secret.html", "/gone.html"]),
        content_type="application/rss+xml",
    )
    site.routes["/feed.atom"] = Route(
        atom(site.base, ["/news/2.html", "/news/3.html"]), content_type="application/atom+xml"
    )
    site.routes["/feed.json"] = Route(
        json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "3", "url": "/news/3.html"}]}
        ).encode(),
        content_type="application/feed+json",
    )
    site.routes["/sitemap_index.xml"] = Route(
        (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{site.base}/sitemap-news.xml</loc></sitemap></sitemapindex>"
        ).encode(),
        content_type="application/xml",
    )
    site.routes["/sitemap-news.xml"] = Route(
        (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.base}/news/3.html</loc></url><url><loc>{site.base}/news/1.html</loc></url>"
            "</urlset>"
        ).encode(),
        content_type="application/xml",
    )
    site.routes["/"] = Route(
        f'<html><head><link rel="alternate" type="application/rss+xml" href="{site.base}/feed.rss">'
        "</head><body>Home</body></html>".encode()
    )
