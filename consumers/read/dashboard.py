"""The live operations dashboard at ``/dashboard``: static files, no build step, nothing from a CDN.

The page itself is public (it holds no data); it asks for an API key and reads ``/v1/stats`` and
``/v1/live`` with it, so the key's role decides what the dashboard shows. A strict Content Security
Policy (own scripts only, no inline code) backs up the page's rule of rendering data as text.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, RedirectResponse

STATIC = Path(__file__).with_name("static")
FILES = {"dashboard.js": "text/javascript; charset=utf-8", "dashboard.css": "text/css; charset=utf-8"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    # frame-ancestors for browsers that know CSP 2, X-Frame-Options for those that do not: no clickjacking.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

router = APIRouter(tags=["dashboard"], include_in_schema=False)


@router.get("/dashboard")
def dashboard() -> FileResponse:
    return FileResponse(STATIC / "dashboard.html", media_type="text/html; charset=utf-8", headers=SECURITY_HEADERS)


@router.get("/dashboard/")
def dashboard_slash() -> RedirectResponse:
    return RedirectResponse("/dashboard", status_code=308)


@router.get("/dashboard/{name}")
def asset(name: str) -> FileResponse:
    # A fixed list, not a directory mount: nothing else under consumers/ can be reached by name.
    if name not in FILES:
        raise HTTPException(404)
    return FileResponse(STATIC / name, media_type=FILES[name], headers=SECURITY_HEADERS)
