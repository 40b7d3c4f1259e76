"""GET /articles/{id} (what an article told) and POST /articles (ingest one article; needs the API key)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Path, Request
from neo4j import Driver

from api.deps import get_driver, get_settings, read
from api.guards import key_problem
from api.models import ArticleDetail, ArticleIn, ArticleIngested, ErrorBody
from ingest.models import RawArticle
from polgraph.settings import Settings

router = APIRouter(tags=["articles"])

# spaCy pipelines and the per-run actor memory are not safe to share between threads at once.
_INGEST_LOCK = threading.Lock()


async def require_api_key(
    request: Request,
    x_api_key: str | None = Header(None, alias="X-API-Key", description="The API key (POLGRAPH_API_KEY)"),
) -> None:
    """The key check as the docs show it; api/guards.py makes the same check before the body is read."""
    settings: Settings = request.app.state.settings
    problem = key_problem(request.scope, settings.api_key)
    if problem:
        status, _, detail = problem
        headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
        raise HTTPException(status, detail, headers=headers)


def _pipeline(app: FastAPI, driver: Driver, settings: Settings) -> Any:
    """Loaded on the first POST, once per process: spaCy takes seconds and most processes only read."""
    with app.state.pipeline_lock:
        if app.state.pipeline is None:
            from ingest.pipeline import Pipeline, known_actors

            # spaCy in this process: a worker forked per request would cost more than one article's parse,
            # and forking a server that runs threads is asking for trouble.
            inline = settings.model_copy(update={"nlp_processes": 0})
            # Pipeline freezes what it loads (spaCy's model, the known actors) for the process's life.
            pipeline = Pipeline(inline, known=known_actors(driver, settings.neo4j_database))
            pipeline.load()
            app.state.pipeline = pipeline
        return app.state.pipeline


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    summary="One article: its metadata, the actors it mentions and the evidence sentences it gave",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "id": "9f1c2e7a5b3d4c10",
                        "title": "Varga re-elected amid fraud claims",
                        "url": "https://news.example/varga",
                        "outlet": "Balkan Wire",
                        "published": "2021-03-21",
                        "actors": [{"id": "person:anton-varga", "name": "Anton Varga", "count": 3}],
                        "evidence": [
                            {
                                "key": "cab099f1faf08957",
                                "type": "ACCUSE",
                                "source_id": "person:mila-petrescu",
                                "target_id": "person:anton-varga",
                                "sentence": "Mila Petrescu accused Anton Varga of rigging the vote.",
                            }
                        ],
                        "elections": [],
                        "events": [],
                    }
                }
            }
        },
        404: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
def get_article(
    article_id: str = Path(..., max_length=300, examples=["9f1c2e7a5b3d4c10"]),
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> ArticleDetail:
    rows = read(driver, settings, "article", id=article_id)
    if not rows:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return ArticleDetail(**rows[0])


@router.post(
    "/articles",
    response_model=ArticleIngested,
    dependencies=[Depends(require_api_key)],
    summary="Ingest one article: extract its facts and write them to the graph",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "state": "new",
                        "article_id": "5d41402abc4b2a76",
                        "extraction": {
                            "article": {"id": "5d41402abc4b2a76", "source_path": "api:post", "title": "T"},
                            "entities": [
                                {"id": "person:mila-petrescu", "type": "Person", "name": "Mila Petrescu"}
                            ],
                            "relations": [],
                            "elections": [],
                            "events": [],
                        },
                    }
                }
            }
        },
        401: {"model": ErrorBody, "description": "No X-API-Key header"},
        403: {"model": ErrorBody, "description": "Wrong API key"},
        413: {"model": ErrorBody, "description": "Body larger than the configured limit"},
        422: {"model": ErrorBody, "description": "Invalid body, or text that is not a usable article"},
        503: {"model": ErrorBody},
    },
)
def post_article(
    body: ArticleIn,
    request: Request,
    driver: Driver = Depends(get_driver),
    settings: Settings = Depends(get_settings),
) -> ArticleIngested:
    from ingest.pipeline import ingest_raw_articles

    raw = RawArticle(
        source_path=f"api:{body.url or 'post'}",
        text=body.text,
        title=body.title,
        url=body.url,
        published=body.published,
        outlet=body.outlet,
        source_format="json",
    )
    pipeline = _pipeline(request.app, driver, settings)
    with _INGEST_LOCK:
        summary, extractions = ingest_raw_articles([raw], driver, settings, pipeline=pipeline)
    if not extractions:
        problem = summary.failures[0].problem if summary.failures else "nothing could be extracted"
        raise HTTPException(422, f"article not ingested: {problem}")
    extraction = extractions[0]
    state = "new" if summary.new else "replaced" if summary.replaced else "unchanged"
    return ArticleIngested(
        state=state,
        article_id=extraction.article.id,
        extraction=extraction,
        warnings=[w.problem for w in summary.warnings],
    )
