"""API documentation and the explorer page, served from files on this machine (no CDN): Swagger UI and ReDoc
from the pinned `fastapi-offline` package, the explorer from `api/static/`."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_ASSETS = Path(str(files("fastapi_offline") / "static"))
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
EXPLORER_PAGE = STATIC_DIR / "explore" / "index.html"


REDOC_JS_URL = "/docs-assets/redoc.standalone.js"
# ReDoc draws Redocly's logo in its menu from Redocly's CDN, whatever its options say; offline that fetch
# fails and is logged as an error on every load. The logo comes from this server instead.
REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@lru_cache(maxsize=1)
def redoc_script() -> str:
    script = (DOCS_ASSETS / "redoc.standalone.js").read_text(encoding="utf-8")
    return script.replace(REDOC_CDN_LOGO, "/static/docs/favicon.png")


def add_docs_and_explorer(app: FastAPI) -> None:
    """`/docs`, `/redoc`, `/explore` and `/` (which leads to the explorer); call with docs_url=None,
    redoc_url=None on the app so that FastAPI's CDN-loading pages are not registered."""
    app.mount("/static/docs", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} — API",
            swagger_js_url="/static/docs/swagger-ui-bundle.js",
            swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/docs/favicon.png",
            oauth2_redirect_url=redirect_url,
            # Swagger UI would otherwise send the spec to an online validator for its badge.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get(redirect_url, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get(REDOC_JS_URL, include_in_schema=False)
    def redoc_js() -> Response:
        return Response(redoc_script(), media_type="text/javascript; charset=utf-8")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} — API",
            redoc_js_url=REDOC_JS_URL,
            redoc_favicon_url="/static/docs/favicon.png",
            with_google_fonts=False,
        )

    @app.get("/explore", include_in_schema=False)
    def explore() -> FileResponse:
        return FileResponse(EXPLORER_PAGE, media_type="text/html; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/explore")
