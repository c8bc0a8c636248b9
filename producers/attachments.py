"""Attachment policy: which files a citizen may attach, checked by content, by declared type and by name.

A file is accepted only when its sniffed type (magic number), its declared ``Content-Type`` and its
file name's extension agree, and when its first KB holds no marker another reader would act on (a
PDF header a PDF reader finds within the first 1024 bytes, HTML a browser would sniff): an
image/PDF polyglot is refused. The bytes go to the content-addressed blob store only once the
whole submission is accepted; only ``Attachment`` metadata travels through Kafka.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import BinaryIO

from aduan.core.blobs import BlobStore
from schemas.events import Attachment

MAX_ATTACHMENTS = 5

# Magic numbers: a declared content type is a claim, the first bytes are evidence.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"%PDF-", 0, "application/pdf"),
)
ALLOWED_TYPES = frozenset(kind for _, _, kind in _SIGNATURES) | {"image/webp"}
EXTENSIONS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jpe": "image/jpeg", ".jfif": "image/jpeg",
              ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp", ".pdf": "application/pdf"}
# What browsers and mail clients also declare for these types.
_DECLARED_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "application/x-pdf": "application/pdf"}
HEAD_BYTES = 1024  # PDF readers look for "%PDF-" anywhere in the first 1024 bytes
_FOREIGN_MARKERS = re.compile(rb"%PDF-|<(?:html|script|svg|body|iframe)", re.IGNORECASE)


class AttachmentRefused(ValueError):
    pass


def sniff(data: bytes) -> str | None:
    for magic, offset, kind in _SIGNATURES:
        if data[offset:offset + len(magic)] == magic:
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def safe_filename(name: str | None) -> str:
    """Keep a display name only: no path, no control characters, bounded length."""
    base = re.split(r"[\\/]", name or "")[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip().strip(".")
    return (cleaned or "lampiran")[:255]


def too_large(filename: str | None, max_bytes: int) -> str:
    return f"{safe_filename(filename)}: larger than {max_bytes // (1024 * 1024)} MB"


def checked_type(head: bytes, filename: str | None, declared: str | None) -> str:
    """The attachment's type when content, declared type and extension agree; ``AttachmentRefused`` otherwise."""
    name = safe_filename(filename)
    if not head:
        raise AttachmentRefused(f"{name}: empty file")
    kind = sniff(head)
    if kind is None:
        raise AttachmentRefused(f"{name}: only JPEG, PNG, GIF, WebP images and PDF are accepted")
    declared_kind = (declared or "").split(";")[0].strip().lower()
    declared_kind = _DECLARED_ALIASES.get(declared_kind, declared_kind)
    extension_kind = EXTENSIONS.get(os.path.splitext(name)[1].lower())
    if declared_kind != kind or extension_kind != kind:
        raise AttachmentRefused(f"{name}: file type, name and content do not agree")
    foreign = _FOREIGN_MARKERS.search(head[:HEAD_BYTES], 0 if kind != "application/pdf" else len(b"%PDF-"))
    if foreign:
        raise AttachmentRefused(f"{name}: the file is also readable as another kind of document")
    return kind


def check(file: BinaryIO, filename: str | None, declared: str | None) -> str:
    """``checked_type`` of a received (spooled) file."""
    file.seek(0)
    return checked_type(file.read(HEAD_BYTES), filename, declared)


def describe(file: BinaryIO, filename: str | None, kind: str) -> Attachment:
    """The metadata of a checked file, hashed in blocks (never read whole); nothing is stored yet."""
    file.seek(0)
    hasher, size = hashlib.sha256(), 0
    while block := file.read(1024 * 1024):
        hasher.update(block)
        size += len(block)
    return Attachment(filename=safe_filename(filename), content_type=kind, size_bytes=size, sha256=hasher.hexdigest())


def store(file: BinaryIO, blobs: BlobStore) -> str:
    """Put a checked file in the blob store, streamed. Returns its digest."""
    file.seek(0)
    return blobs.put_stream(file)[0]
