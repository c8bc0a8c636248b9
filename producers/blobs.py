"""The blob store moved to the kernel (``aduan.core.blobs``): the read side serves attachments from it."""

from aduan.core.blobs import BlobStore

__all__ = ["BlobStore"]
