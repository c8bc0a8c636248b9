"""What every HTML page of the read side shares: security headers and a fixed list of static files.

The pages hold no data: each asks for an API key and reads the JSON API with it, so the key's role
decides what a page shows. A strict Content Security Policy (own scripts only, no inline code, no
other host) backs up the pages' rule of writing data only as text (``textContent``), and
``frame-ancestors``/``X-Frame-Options`` keep them out of other sites' frames.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse

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
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".html": "text/html; charset=utf-8"}
# A fixed list, not a directory mount: nothing else under consumers/ can be reached by name.
ASSETS = frozenset({"common.js", "dashboard.js", "dashboard.css", "desk.js", "complaint.js", "search.js"})


def html(name: str, headers: dict[str, str] | None = None) -> FileResponse:
    return FileResponse(STATIC / name, media_type=TYPES[".html"], headers={**SECURITY_HEADERS, **(headers or {})})


def asset(name: str) -> FileResponse:
    if name not in ASSETS:
        raise HTTPException(404)
    return FileResponse(STATIC / name, media_type=TYPES[Path(name).suffix], headers=SECURITY_HEADERS)
