"""A complaint's attachments, to whoever may see the complaint:
``GET /v1/complaints/{id or tracking number}/attachments/{n}`` (``n`` counts from 0, in the order of
the document's ``attachments``; Open311's ``media_url`` is meant to point here).

Who downloads what (decided here, documented in README "Access"):

- the complaint itself must be visible to the key: the visibility filter is in the query, as for
  search, so another unit's complaint or an analyst's ``rahasia`` one is a 404 like a missing one;
- a reader of the clear text (operators; a unit for its own ``publik``/``rahasia`` complaints) gets
  every attachment, under its original file name;
- a reader of the redacted copy only (analysts; a unit for an ``anonim`` complaint) gets **images
  only** — voice notes, videos and documents (KTP scans, letters) identify people far more often
  than a photo of a pothole — under the redacted file name; anything else is a 403;
- an ``unavailable`` attachment (the provider's media could not be fetched) or a blob missing from
  the store is a 404; the blob's path never leaves the server.

The bytes are untrusted: the stored content type is sent only when it is a well-formed type, with
``X-Content-Type-Options: nosniff`` and a sandboxing CSP, and only raster images, audio and video
are ``inline`` (an HTML or SVG file served inline from this origin would run as our page).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import quote

from elasticsearch import ApiError, TransportError
from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Request
from fastapi.responses import FileResponse, Response

from aduan.core.blobs import BlobStore
from aduan.core.deps import resource
from consumers.read.access import Principal, authenticate, sees_clear_for
from consumers.read.search import find_visible, present

router = APIRouter(tags=["search"])

_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$")
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp"})
INLINE_PREFIXES = ("audio/", "video/")
ATTACHMENT_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # Whatever the bytes are, a browser opening them runs nothing and loads nothing.
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
}


def is_image(attachment: dict[str, Any]) -> bool:
    kind = attachment.get("kind")
    return kind == "image" or (kind is None and media_type(attachment).startswith("image/")
                               and media_type(attachment) != "image/svg+xml")


def media_type(attachment: dict[str, Any]) -> str:
    raw = str(attachment.get("content_type") or "").split(";", 1)[0].strip().lower()
    return raw if _MEDIA_TYPE.match(raw) else "application/octet-stream"


def safe_filename(name: str | None, fallback: str) -> str:
    """A file name that cannot break out of the header or point at a path: no separators, no control
    characters, no leading dots, at most 150 characters."""
    name = unicodedata.normalize("NFKC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'[\\/:*?"<>|]+', "_", name).strip().lstrip(".").strip()
    return name[:150] or fallback


def content_disposition(filename: str, inline: bool) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"{'inline' if inline else 'attachment'}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def may_download(principal: Principal, doc: dict[str, Any], attachment: dict[str, Any]) -> bool:
    return sees_clear_for(principal, doc) or is_image(attachment)


Caller = Annotated[Principal, Depends(authenticate)]


@router.get("/v1/complaints/{id_or_tracking}/attachments/{n}", response_class=FileResponse,
            responses={200: {"content": {"application/octet-stream": {}}, "description": "the attachment's bytes "
                                                                                   "(a photo without its metadata for "
                                                                                   "who reads only the redacted copy)"},
                       400: {"description": "n is not a number from 0 to 999"}, 401: {},
                       403: {"description": "this role may not download this kind of file"},
                       404: {"description": "no such complaint or attachment for this key, or not stored"}, 503: {}})
def attachment(request: Request, principal: Caller, id_or_tracking: str,
               n: Annotated[int, PathParam(ge=0, le=999)]) -> Response:
    """One attachment of a complaint, for a key that may see the complaint (see the module's rules)."""
    settings = resource("settings")(request)
    try:
        doc = find_visible(resource("es")(request), settings.index_alias, principal, id_or_tracking[:200])
    except (TransportError, ApiError) as exc:
        raise HTTPException(503, detail={"error": "search_unavailable"}, headers={"Retry-After": "5"}) from exc
    attachments = (doc or {}).get("attachments") or []
    if doc is None or n >= len(attachments) or not isinstance(attachments[n], dict):
        raise HTTPException(404, detail={"error": "not_found"})
    stored = attachments[n]
    if stored.get("status") == "unavailable" or not re.fullmatch(r"[0-9a-f]{64}", str(stored.get("sha256") or "")):
        raise HTTPException(404, detail={"error": "not_stored", "message": "the provider's file could not be fetched"})
    if not may_download(principal, doc, stored):
        raise HTTPException(403, detail={"error": "forbidden", "message": "this role downloads images only"})
    # The name this reader may read: the redacted copy's unless it reads the clear text.
    name = present(principal, doc)["attachments"][n].get("filename")
    served = serve_file(resource("blobs")(request), stored, name, f"lampiran-{n + 1}", sees_clear_for(principal, doc))
    if served is None:
        raise HTTPException(404, detail={"error": "not_stored", "message": "the file is not in the blob store"})
    return served


def serve_file(blobs: BlobStore, stored: dict[str, Any], name: str | None, fallback: str,
               clear: bool = True) -> Response | None:
    """The stored attachment's bytes with this module's headers (None when the blob is not there, or,
    for a reader without the clear text, when its metadata cannot be taken out). Also serves Open311's
    ``media_url`` (consumers/read/open311.py), which decides itself who may."""
    if not re.fullmatch(r"[0-9a-f]{64}", str(stored.get("sha256") or "")):
        return None
    path = blobs.path_for(stored["sha256"])
    if not path.is_file():
        return None
    kind = media_type(stored)
    inline = kind in INLINE_TYPES or kind.startswith(INLINE_PREFIXES)
    headers = {**ATTACHMENT_HEADERS, "Content-Disposition": content_disposition(safe_filename(name, fallback), inline)}
    if clear or kind not in METADATA_STRIPPERS:
        return FileResponse(path, media_type=kind, headers=headers)
    cleaned = METADATA_STRIPPERS[kind](path.read_bytes())
    return Response(cleaned, media_type=kind, headers=headers) if cleaned is not None else None


# -- a photo without what names its owner --------------------------------------------------------------------
# A phone writes into every photo who took it (EXIF Artist, owner and camera serial numbers), where (GPS) and
# when; a reader of the redacted copy gets the picture without those. JPEG: the APPn segments but JFIF (APP0),
# the ICC profile (APP2) and Adobe's colour transform (APP14), and comments. PNG: text, EXIF and time chunks.
# A file that does not parse as its type is not served to them at all (None).

_JPEG_KEPT_APP = (0xE0, 0xE2, 0xEE)
_PNG_DROPPED = (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME")


def jpeg_without_metadata(data: bytes) -> bytes | None:
    if not data.startswith(b"\xff\xd8"):
        return None
    out, i = bytearray(b"\xff\xd8"), 2
    while i + 2 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xDA, 0xD9):  # start of scan (the image data follows) or end of image
            return bytes(out + data[i:])
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            out += data[i:i + 2]
            i += 2
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if length < 2 or i + 2 + length > len(data):
            return None
        if not (0xE1 <= marker <= 0xEF and marker not in _JPEG_KEPT_APP) and marker != 0xFE:
            out += data[i:i + 2 + length]
        i += 2 + length
    return None


def png_without_metadata(data: bytes) -> bytes | None:
    signature = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(signature):
        return None
    out, i = bytearray(signature), len(signature)
    while i + 12 <= len(data):
        end = i + 12 + int.from_bytes(data[i:i + 4], "big")
        kind = data[i + 4:i + 8]
        if end > len(data):
            return None
        if kind not in _PNG_DROPPED:
            out += data[i:end]
        if kind == b"IEND":
            return bytes(out)
        i = end
    # Cut short before IEND (a browser still shows it): the few bytes left cannot hold a whole chunk.
    return bytes(out + data[i:]) if i > len(signature) else None


METADATA_STRIPPERS = {"image/jpeg": jpeg_without_metadata, "image/png": png_without_metadata}
