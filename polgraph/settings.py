"""One configuration object, read once from the environment and an optional `.env` file."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
# The documented key: anyone who read the README knows it, so it is refused beyond this machine.
DEFAULT_API_KEY = "change-me-polgraph"


def default_state_dir() -> Path:
    """$XDG_STATE_HOME/polgraph, by default ~/.local/state/polgraph."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "polgraph"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    # Database. The names are the ones every Neo4j tool uses, hence no prefix.
    neo4j_uri: str = Field("bolt://127.0.0.1:7687", validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    neo4j_password: str = Field("polgraph-local", validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))
    # Local managed server only: Browser/HTTP port and whether polgraph manages the server at NEO4J_URI.
    # None means "manage it when the URI points at this machine".
    neo4j_http_port: int = Field(7474, validation_alias=AliasChoices("NEO4J_HTTP_PORT"))
    neo4j_managed: bool | None = Field(None, validation_alias=AliasChoices("NEO4J_MANAGED"))
    neo4j_home: Path = Field(PROJECT_ROOT / ".neo4j", validation_alias=AliasChoices("POLGRAPH_NEO4J_HOME"))
    # Sized for a 2-core / 24 GB machine that also runs spaCy and the API.
    neo4j_heap: str = Field("1g", validation_alias=AliasChoices("POLGRAPH_NEO4J_HEAP"))
    neo4j_pagecache: str = Field("1g", validation_alias=AliasChoices("POLGRAPH_NEO4J_PAGECACHE"))
    neo4j_start_timeout: float = Field(120.0, validation_alias=AliasChoices("POLGRAPH_NEO4J_START_TIMEOUT"))

    # NLP
    spacy_model: str = Field("en_core_web_sm", validation_alias=AliasChoices("POLGRAPH_SPACY_MODEL"))
    # spaCy worker processes. With 1, spaCy parses in a process of its own while the ingest process extracts
    # and writes the articles parsed before: two cores at work where 0 (spaCy inside the ingest process)
    # keeps one. 0 suits a one-core machine and the API, which parses one article a request.
    nlp_processes: int = Field(1, ge=0, validation_alias=AliasChoices("POLGRAPH_NLP_PROCESSES"))
    # Texts handed to each spaCy worker at a time: spaCy's 256 leaves the second process idle on a few
    # hundred articles, so that two processes were no faster than one; smaller batches keep both busy.
    nlp_batch_size: int = Field(64, ge=1, validation_alias=AliasChoices("POLGRAPH_NLP_BATCH_SIZE"))
    # Articles per write transaction. Each commit costs the server more than its statements do, so fewer,
    # larger transactions make a faster ingest (bench/PROFILE.md).
    ingest_batch_size: int = Field(100, ge=1, validation_alias=AliasChoices("POLGRAPH_INGEST_BATCH_SIZE"))
    # Where `polgraph ingest --engine dask` runs: the scheduler at this address ("tcp://host:8786"), or, when
    # unset, a cluster of `engine_workers` worker processes started on this machine for the run.
    engine_address: str | None = Field(None, validation_alias=AliasChoices("POLGRAPH_ENGINE_ADDRESS"))
    engine_workers: int = Field(2, ge=1, validation_alias=AliasChoices("POLGRAPH_ENGINE_WORKERS"))
    # Input files are grouped into partitions of about this many bytes, each read, cleaned, parsed and
    # extracted by one task: large enough that a task outlasts its scheduling, small enough to keep every
    # worker busy (some 150 short news articles).
    engine_partition_bytes: int = Field(
        256_000, ge=1, validation_alias=AliasChoices("POLGRAPH_ENGINE_PARTITION_BYTES")
    )
    # Longer texts are refused before parsing: spaCy's time and memory grow with the text (some 3 MB and
    # 0.08 s a thousand characters, parse and extraction), and past its own limit (a million) it refuses.
    max_article_chars: int = Field(
        200_000, ge=1000, validation_alias=AliasChoices("POLGRAPH_MAX_ARTICLE_CHARS")
    )

    # Fetching pages and feeds (`ingest --url/--feed`, `watch`). Nothing is fetched unless a URL is named.
    fetch_timeout_s: int = Field(20, ge=1, le=600, validation_alias=AliasChoices("POLGRAPH_FETCH_TIMEOUT"))
    fetch_max_bytes: int = Field(
        5_000_000, ge=1000, validation_alias=AliasChoices("POLGRAPH_FETCH_MAX_BYTES")
    )
    fetch_user_agent: str = Field(
        "polgraph/0.1 (political news research)", validation_alias=AliasChoices("POLGRAPH_FETCH_USER_AGENT")
    )
    # Seconds between two requests to one host, raised to the host's robots.txt Crawl-delay.
    fetch_delay_s: float = Field(1.0, ge=0, validation_alias=AliasChoices("POLGRAPH_FETCH_DELAY"))
    # Loopback and private addresses are refused by default: a feed must not make polgraph read the
    # machine's or the intranet's own services. An intranet source (or a test server) turns this on.
    fetch_private_addresses: bool = Field(
        False, validation_alias=AliasChoices("POLGRAPH_FETCH_PRIVATE_ADDRESSES")
    )
    # What `watch` remembers of each feed between runs (which items it has ingested).
    state_dir: Path = Field(
        default_factory=lambda: default_state_dir(), validation_alias=AliasChoices("POLGRAPH_STATE_DIR")
    )

    # API
    api_host: str = Field("127.0.0.1", validation_alias=AliasChoices("POLGRAPH_API_HOST"))
    api_port: int = Field(8000, validation_alias=AliasChoices("POLGRAPH_API_PORT"))
    api_key: str = Field(DEFAULT_API_KEY, validation_alias=AliasChoices("POLGRAPH_API_KEY"))
    # Origins allowed besides the Browser's own, which follow NEO4J_HTTP_PORT (`cors_origins`).
    api_cors_origins: list[str] = Field(
        default_factory=list, validation_alias=AliasChoices("POLGRAPH_API_CORS_ORIGINS")
    )
    # Who may curate over the API (POST /curation/...): each curator's name and secret key, as JSON
    # ('{"alice": "a-long-secret"}'). The name is recorded with every override the key makes. None set: the
    # curation endpoints refuse every request, and the command line is the one way to curate.
    curation_keys: dict[str, str] = Field(
        default_factory=dict, validation_alias=AliasChoices("POLGRAPH_CURATION_KEYS")
    )
    api_max_body_bytes: int = Field(5_000_000, validation_alias=AliasChoices("POLGRAPH_API_MAX_BODY_BYTES"))
    # A client that sends its request line and headers, or its body, slower than this is cut off: each one
    # holds a connection, and without a bound a few slow clients hold them all.
    api_header_timeout_s: float = Field(
        10.0, gt=0, validation_alias=AliasChoices("POLGRAPH_API_HEADER_TIMEOUT")
    )
    api_body_timeout_s: float = Field(30.0, gt=0, validation_alias=AliasChoices("POLGRAPH_API_BODY_TIMEOUT"))
    # Saved-query answers kept per API process, keyed on the graph's revision (api/cache.py): how long one
    # is kept at most (what bounds staleness after a hand edit that changes no count; 0 turns the cache
    # off) and how many megabytes they may take.
    api_cache_seconds: float = Field(60.0, ge=0, validation_alias=AliasChoices("POLGRAPH_API_CACHE_SECONDS"))
    api_cache_mb: int = Field(64, ge=1, validation_alias=AliasChoices("POLGRAPH_API_CACHE_MB"))
    query_timeout_s: float = Field(10.0, gt=0, validation_alias=AliasChoices("POLGRAPH_QUERY_TIMEOUT"))
    # How long the API's start waits for the saved queries' plans to be made (queries/runner.py) before it
    # accepts requests; past it, requests are served while the warm-up goes on. 0 does not wait.
    api_warm_wait_s: float = Field(180.0, ge=0, validation_alias=AliasChoices("POLGRAPH_API_WARM_WAIT"))
    query_row_cap: int = Field(1000, ge=1, validation_alias=AliasChoices("POLGRAPH_QUERY_ROW_CAP"))

    @property
    def neo4j_host(self) -> str:
        return urlparse(self.neo4j_uri).hostname or "127.0.0.1"

    @property
    def neo4j_bolt_port(self) -> int:
        return urlparse(self.neo4j_uri).port or 7687

    @property
    def manages_neo4j(self) -> bool:
        """True when polgraph runs the server itself rather than using one elsewhere (Aura, Docker)."""
        if self.neo4j_managed is not None:
            return self.neo4j_managed
        return self.neo4j_host in LOOPBACK_HOSTS

    @property
    def api_key_problem(self) -> str | None:
        """Why the API must not serve with this key at this address, or None."""
        if self.api_key == DEFAULT_API_KEY and self.api_host not in LOOPBACK_HOSTS:
            return (
                f"POLGRAPH_API_KEY is the documented default and the API listens on {self.api_host}, "
                f"beyond this machine: set POLGRAPH_API_KEY to a secret of your own"
            )
        return None

    @property
    def browser_url(self) -> str:
        return f"http://localhost:{self.neo4j_http_port}/browser/"

    @property
    def api_url(self) -> str:
        return f"http://{self.api_host}:{self.api_port}"

    @property
    def cors_origins(self) -> list[str]:
        """Browser, on the Neo4j HTTP port, fetches the style and guide from the API, hence its origins."""
        browser = [f"http://localhost:{self.neo4j_http_port}", f"http://127.0.0.1:{self.neo4j_http_port}"]
        return list(dict.fromkeys([*browser, *self.api_cors_origins]))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
