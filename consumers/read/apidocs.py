"""Offline API documentation: ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) from packaged assets.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, which leaves them blank on a network
without internet (a government office's, often). The assets come from the ``fastapi-offline``
package (Swagger UI bundle and CSS, ReDoc standalone) and are served from this origin; the pages
start them from a file of ours, never an inline script, so the CSP allows no other host.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

from consumers.read.pages import SECURITY_HEADERS, STATIC

PACKAGED = Path(str(files("fastapi_offline") / "static"))
ASSETS = {
    "swagger-ui-bundle.js": (PACKAGED, "text/javascript; charset=utf-8"),
    "swagger-ui.css": (PACKAGED, "text/css; charset=utf-8"),
    "redoc.standalone.js": (PACKAGED, "text/javascript; charset=utf-8"),
    "favicon.png": (PACKAGED, "image/png"),
    "swagger-init.js": (STATIC, "text/javascript; charset=utf-8"),
}
# Swagger UI and ReDoc set style attributes and draw icons from data: URLs; ReDoc runs a worker from
# a blob. Still no other host and no inline script.
DOCS_HEADERS = {**SECURITY_HEADERS, "Content-Security-Policy": (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'")}

SWAGGER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aduan — API</title>
<link rel="icon" href="/docs/assets/favicon.png"><link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/assets/swagger-init.js"></script>
</body></html>"""
REDOC = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aduan — API (ReDoc)</title>
<link rel="icon" href="/docs/assets/favicon.png"></head>
<body><redoc spec-url="/openapi.json"></redoc><script src="/docs/assets/redoc.standalone.js"></script></body></html>"""

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def swagger_ui() -> HTMLResponse:
    return HTMLResponse(SWAGGER, headers=DOCS_HEADERS)


@router.get("/redoc")
def redoc() -> HTMLResponse:
    return HTMLResponse(REDOC, headers=DOCS_HEADERS)


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(404)
    folder, media_type = ASSETS[name]
    return FileResponse(folder / name, media_type=media_type,
                        headers={**DOCS_HEADERS, "Cache-Control": "public, max-age=86400"})
