"""The live operations dashboard at ``/dashboard``: static files, no build step, nothing from a CDN.

The page itself is public (it holds no data); it asks for an API key and reads ``/v1/stats`` and
``/v1/live`` with it, so the key's role decides what the dashboard shows (consumers.read.pages).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from consumers.read import pages

router = APIRouter(tags=["dashboard"], include_in_schema=False)


@router.get("/dashboard")
def dashboard() -> HTMLResponse:
    return pages.html("dashboard")


@router.get("/dashboard/")
def dashboard_slash() -> RedirectResponse:
    return RedirectResponse("/dashboard", status_code=308)


@router.get("/dashboard/{name}")
def asset(name: str) -> FileResponse:
    return pages.asset(name)
