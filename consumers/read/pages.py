"""What every HTML page of the read side shares: security headers and a fixed list of static files.

The pages hold no data: each asks for an API key and reads the JSON API with it, so the key's role
decides what a page shows. A strict Content Security Policy (own scripts only, no inline code, no
other host) backs up the pages' rule of writing data only as text (``textContent``), and
``frame-ancestors``/``X-Frame-Options`` keep them out of other sites' frames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse, HTMLResponse

STATIC = Path(__file__).with_name("static")
# blob: for attachments fetched with the key in a header and shown from memory (never a URL with the key).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' blob:; "
       "media-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    # frame-ancestors for browsers that know CSP 2, X-Frame-Options for those that do not: no clickjacking.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
# A fixed list, not a directory mount: nothing else under consumers/ can be reached by name.
ASSETS = frozenset({"common.js", "dashboard.js", "dashboard.css", "desk.js", "complaint.js", "search.js"})


NAV = (("/dashboard", "Dasbor"), ("/desk", "Meja"), ("/search", "Pencarian"))


@dataclass(frozen=True)
class Page:
    """One page: ``static/shell.html`` (head, header, sign-in card) around ``static/{name}.main.html``.
    Every value is a constant of ours, never data: the pages load their data as JSON and write it as text."""

    name: str
    title: str
    heading: str  # markup of ours (the brand span, an id for the script to fill)
    current: str  # the nav entry marked aria-current
    session_extra: str = ""


PAGES = {
    "dashboard": Page("dashboard", "Dasbor Operasional", 'Dasbor Operasional <span class="brand">aduan</span>',
                      "/dashboard", '\n    <span id="connection" class="offline">Terputus</span>'),
    "desk": Page("desk", "Meja Triase", 'Meja Triase <span class="brand">aduan</span>', "/desk"),
    "complaint": Page("complaint", "Laporan", 'Laporan <span id="tracking" class="brand"></span>', "/desk"),
    "search": Page("search", "Pencarian", 'Pencarian Laporan <span class="brand">aduan</span>', "/search"),
}


@lru_cache(maxsize=None)
def render(name: str) -> str:
    page = PAGES[name]
    current = ' aria-current="page"'
    nav = " ".join(f'<a href="{href}"{current if href == page.current else ""}>{label}</a>' for href, label in NAV)
    filled = {"title": page.title, "heading": page.heading, "nav": nav, "session_extra": page.session_extra,
              "script": f"{page.name}.js", "main": (STATIC / f"{page.name}.main.html").read_text(encoding="utf-8")}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: filled[m.group(1)], (STATIC / "shell.html").read_text(encoding="utf-8"))


def html(name: str) -> HTMLResponse:
    return HTMLResponse(render(name), headers=SECURITY_HEADERS)


def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(404)
    return FileResponse(STATIC / name, media_type=TYPES[Path(name).suffix], headers=SECURITY_HEADERS)
