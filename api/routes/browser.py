"""The Neo4j Browser style sheet and guide, fetched by the Browser (`:style URL`, `:play URL`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from polgraph.settings import PROJECT_ROOT

router = APIRouter(tags=["browser"])

BROWSER_DIR = PROJECT_ROOT / "browser"
GUIDE_API_URL = "http://127.0.0.1:8000"


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
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {"example": '<article class="guide">...</article>'}}}},
)
def guide(request: Request) -> HTMLResponse:
    # The guide names the API's default address; a server on another address links to itself.
    api_url = request.app.state.settings.api_url
    html = (BROWSER_DIR / "guide.html").read_text(encoding="utf-8").replace(GUIDE_API_URL, api_url)
    return HTMLResponse(html)
