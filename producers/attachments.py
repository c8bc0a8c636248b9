"""Attachment policy: which files a citizen may attach, checked by content, not by name.

The bytes go to the content-addressed blob store; only ``Attachment`` metadata travels
through Kafka.
"""

from __future__ import annotations

import re

from producers.blobs import BlobStore
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


def store(data: bytes, filename: str | None, blobs: BlobStore, max_bytes: int) -> Attachment:
    if not data:
        raise AttachmentRefused(f"{safe_filename(filename)}: empty file")
    if len(data) > max_bytes:
        raise AttachmentRefused(f"{safe_filename(filename)}: larger than {max_bytes // (1024 * 1024)} MB")
    kind = sniff(data)
    if kind is None:
        raise AttachmentRefused(f"{safe_filename(filename)}: only JPEG, PNG, GIF, WebP images and PDF are accepted")
    return Attachment(filename=safe_filename(filename), content_type=kind, size_bytes=len(data), sha256=blobs.put(data))
