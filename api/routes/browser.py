"""The Neo4j Browser style sheet and guide, fetched by the Browser (`:style URL`, `:play URL`)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from polgraph.settings import PROJECT_ROOT

router = APIRouter(tags=["browser"])

BROWSER_DIR = PROJECT_ROOT / "browser"


@router.get(
    "/browser/style.grass",
    summary="Neo4j Browser style: colour, size and caption per label",
    response_class=FileResponse,
    responses={200: {"content": {"text/plain": {"example": "node.Person {\n  color: #4C8EDA;\n}\n"}}}},
)
def style() -> FileResponse:
    return FileResponse(BROWSER_DIR / "style.grass", media_type="text/plain; charset=utf-8")


@router.get(
    "/browser/guide.html",
    summary="Neo4j Browser guide (`:play`) through the graph and the saved queries",
    response_class=FileResponse,
    responses={200: {"content": {"text/html": {"example": '<article class="guide">...</article>'}}}},
)
def guide() -> FileResponse:
    return FileResponse(BROWSER_DIR / "guide.html", media_type="text/html; charset=utf-8")
