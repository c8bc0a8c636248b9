"""Provider media (photos, videos, voice notes, documents) fetched into the content-addressed blob store.

Only ``Attachment`` metadata travels through Kafka; the bytes are in ``aduan.core.blobs``. The fetch
uses each provider's documented media API:

* WhatsApp Cloud API: ``GET {graph}/{media-id}`` with the Bearer token answers
  ``{"messaging_product", "url", "mime_type", "sha256", "file_size", "id"}``; the ``url`` (valid for
  5 minutes) is then downloaded with the same Bearer token (Meta, "WhatsApp Cloud API — Media",
  "Retrieve media URL" and "Download media").
* Twilio: ``MediaUrl{N}`` of the incoming-message webhook, fetched with HTTP basic auth
  (Account SID : auth token) when "HTTP Basic Authentication for media" is on; Twilio answers
  with a redirect to a short-lived CDN URL (Twilio, "Messaging webhooks — MediaUrl{N}", and
  "Media resource"). Credentials are never sent past the first origin.
* Messenger, Instagram, Facebook feed: the attachment ``payload.url`` / ``link`` / ``media_url``
  is a signed CDN URL, fetched without credentials.

Where the fetch happens: in the webhook request, before the provider is answered. The alternative
(acknowledge, then fetch in the background) needs a durable queue of pending fetches and a second
publish of the complaint, whose content is written once; and WhatsApp's download URL expires after
5 minutes. So the request spends at most ``ADUAN_MEDIA_FETCH_BUDGET_S`` (8 s, under Twilio's 15 s
webhook timeout; Meta redelivers an unanswered webhook, and a redelivery maps to the same
complaint) with bounded retries and backoff. Media still not fetched then is an
``Attachment(status="unavailable")`` plus a dead letter describing the fetch (which media, why):
the complaint itself is journaled and published like any other, never lost for its media.

Type and size limits: the response's type (else the declared one) must be one of ``MEDIA_TYPES``;
types with a magic number (JPEG, PNG, GIF, WebP, PDF) must also sniff as what they claim and
carry no marker another reader would act on (``producers.attachments.checked_type``); at most
``ADUAN_MEDIA_MAX_BYTES``, enforced as bytes arrive. A refused type or size is not retried.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import tempfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from aduan.core.backoff import Backoff
from aduan.core.settings import Settings
from producers.attachments import ALLOWED_TYPES as SNIFFED_TYPES
from producers.attachments import EXTENSIONS, AttachmentRefused, checked_type, safe_filename
from aduan.core.blobs import BlobStore
from schemas.events import Attachment, MediaKind

log = logging.getLogger(__name__)

STAGE = "producers.media"

MEDIA_TYPES: dict[str, MediaKind] = {
    "image/jpeg": "image", "image/png": "image", "image/gif": "image", "image/webp": "image",
    "video/mp4": "video", "video/3gpp": "video", "video/quicktime": "video",
    "audio/ogg": "audio", "audio/opus": "audio", "audio/mpeg": "audio", "audio/amr": "audio", "audio/aac": "audio",
    "audio/mp4": "audio", "audio/wav": "audio", "audio/x-wav": "audio",
    "application/pdf": "document", "text/plain": "document", "application/msword": "document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document",
    "application/vnd.ms-excel": "document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "document",
}
_EXTENSION_OF = {kind: ext for ext, kind in reversed(list(EXTENSIONS.items()))} | {
    "video/mp4": ".mp4", "video/3gpp": ".3gp", "video/quicktime": ".mov", "audio/ogg": ".ogg", "audio/opus": ".opus",
    "audio/mpeg": ".mp3", "audio/amr": ".amr", "audio/aac": ".aac", "audio/mp4": ".m4a", "audio/wav": ".wav",
    "audio/x-wav": ".wav", "text/plain": ".txt", "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-excel": ".xls", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx"}
# Indonesian labels for the dashboard placeholder of a message without text.
PLACEHOLDERS: dict[str, str] = {
    "image": "[Foto tanpa keterangan]", "video": "[Video tanpa keterangan]", "audio": "[Pesan suara]",
    "document": "[Dokumen tanpa keterangan]", "sticker": "[Stiker]", "other": "[Lampiran tanpa keterangan]",
    "location": "[Lokasi dibagikan tanpa keterangan]",
}
MAX_REDIRECTS = 3
CONCURRENT_FETCHES = 4


def base_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def kind_of(content_type: str | None) -> MediaKind:
    return MEDIA_TYPES.get(base_type(content_type)) or "other"


def placeholder(kind: str) -> str:
    return PLACEHOLDERS.get(kind, PLACEHOLDERS["other"])


@dataclass(frozen=True)
class MediaRef:
    """One provider media to fetch: a WhatsApp media id (looked up on the Graph API) or a URL."""

    provider: str  # whatsapp, twilio, messenger, instagram, facebook
    kind: MediaKind | None = None
    media_id: str | None = None
    url: str | None = None
    declared_type: str | None = None
    filename: str | None = None

    @property
    def provider_media_id(self) -> str:
        """What the attachment keeps to find the media again: the id, else the URL's path (no query:
        CDN signatures and tokens stay out of Kafka)."""
        if self.media_id:
            return self.media_id[:300]
        return (urlsplit(self.url or "").path or "-")[:300]

    def describe(self) -> dict[str, Any]:
        return {"provider": self.provider, "kind": self.kind, "media_id": self.media_id,
                "url_path": None if self.media_id else self.provider_media_id, "declared_type": self.declared_type}


class Refused(Exception):
    """The media is not acceptable (type, size): final, not retried."""


class Failed(Exception):
    """A fetch that may succeed when tried again (network, 5xx, 429)."""


@dataclass
class Fetched:
    attachment: Attachment
    failure: str | None = None  # why it is unavailable (for the dead letter)


class MediaFetcher:
    """Fetches provider media into the blob store; one ``httpx.AsyncClient`` per process."""

    def __init__(self, settings: Settings, blobs: BlobStore, transport: httpx.AsyncBaseTransport | None = None,
                 backoff: Backoff | None = None) -> None:
        self.settings = settings
        self.blobs = blobs
        self.hosts = tuple(h.strip().lower() for h in settings.media_hosts.split(",") if h.strip())
        self.backoff = backoff or Backoff(initial_s=0.2, max_s=2.0, jitter=0.5)
        self._client = httpx.AsyncClient(timeout=settings.media_fetch_timeout_s, follow_redirects=False,
                                         transport=transport, headers={"User-Agent": "aduan-media/1"})
        self._slots = asyncio.Semaphore(CONCURRENT_FETCHES)

    async def close(self) -> None:
        await self._client.aclose()

    # --- public --------------------------------------------------------------------------------------

    async def fetch_all(self, refs: list[MediaRef], account_sid: str | None = None) -> list[Fetched]:
        """Every ref fetched (concurrently) within the budget; what is not done by then is unavailable."""
        tasks = [asyncio.ensure_future(self.fetch(ref, account_sid)) for ref in refs]
        if not tasks:
            return []
        done, pending = await asyncio.wait(tasks, timeout=self.settings.media_fetch_budget_s)
        for task in pending:
            task.cancel()
        return [task.result() if task in done else self._unavailable(ref, "fetch budget exhausted")
                for task, ref in zip(tasks, refs)]

    async def fetch(self, ref: MediaRef, account_sid: str | None = None) -> Fetched:
        why = "no url"
        for attempt in range(1, max(1, self.settings.media_fetch_attempts) + 1):
            try:
                async with self._slots:
                    return Fetched(await self._fetch_once(ref, account_sid))
            except Refused as exc:
                return self._unavailable(ref, f"refused: {exc}")
            except Failed as exc:
                why = str(exc)
            except httpx.HTTPError as exc:
                why = f"{type(exc).__name__}"
            if attempt < self.settings.media_fetch_attempts:
                await asyncio.sleep(self.backoff.delay(attempt))
        return self._unavailable(ref, f"failed after {self.settings.media_fetch_attempts} attempts: {why}")

    async def graph_get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        """A Graph API read (Instagram mentions) with the configured token, retried like a media fetch."""
        why = ""
        for attempt in range(1, max(1, self.settings.media_fetch_attempts) + 1):
            try:
                return await self._graph_once(path, params)
            except Failed as exc:
                why = str(exc)
            except httpx.HTTPError as exc:
                why = type(exc).__name__
            if attempt < self.settings.media_fetch_attempts:
                await asyncio.sleep(self.backoff.delay(attempt))
        raise Failed(f"Graph API lookup failed after {self.settings.media_fetch_attempts} attempts: {why}")

    async def _graph_once(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        token = self.settings.meta_access_token.get_secret_value()
        if not token:
            raise Refused("ADUAN_META_ACCESS_TOKEN is not set")
        url = f"{self.settings.meta_graph_url.rstrip('/')}/{quote(path, safe='')}"
        response = await self._client.get(url, params=params, headers=_bearer(token))
        if response.status_code < 300:
            return _json_object(response)
        if response.status_code < 500 and response.status_code != 429:
            raise Refused(f"Graph API answered {response.status_code}")
        raise Failed(f"Graph API answered {response.status_code}")

    # --- one attempt ---------------------------------------------------------------------------------

    async def _fetch_once(self, ref: MediaRef, account_sid: str | None) -> Attachment:
        declared, size_hint = ref.declared_type, None
        if ref.provider == "whatsapp" and ref.media_id:
            lookup = await self._graph_once(ref.media_id, {})
            url, auth = str(lookup.get("url") or ""), _bearer(self.settings.meta_access_token.get_secret_value())
            declared = str(lookup.get("mime_type") or declared or "")
            size_hint = _int(lookup.get("file_size"))
        elif ref.provider == "twilio":
            url, auth = ref.url or "", self._twilio_auth(ref.url or "", account_sid)
        else:
            url, auth = ref.url or "", {}
        if size_hint is not None and size_hint > self.settings.media_max_bytes:
            raise Refused(f"larger than {self.settings.media_max_bytes} bytes")
        return await self._download(ref, url, auth, declared)

    def _twilio_auth(self, url: str, account_sid: str | None) -> dict[str, str]:
        sid = self.settings.twilio_account_sid or account_sid or ""
        token = self.settings.twilio_auth_token.get_secret_value()
        origin = self.settings.twilio_api_url.rstrip("/")
        if not (sid and token) or not (url == origin or url.startswith(origin + "/")):
            return {}  # only Twilio's own API gets the account credentials
        return {"Authorization": "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode("ascii")}

    def _allowed(self, url: str, hop: int) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            return False
        listed = any(host == h or host.endswith("." + h) for h in self.hosts)
        # A provider's redirect to a signed CDN URL may leave the listed hosts, over https only.
        return listed or (hop > 0 and parts.scheme == "https")

    async def _download(self, ref: MediaRef, url: str, auth: dict[str, str], declared: str | None) -> Attachment:
        origin = _origin(url)
        for hop in range(MAX_REDIRECTS + 1):
            if not self._allowed(url, hop):
                raise Refused(f"media host not allowed: {urlsplit(url).hostname or '-'}")
            headers = auth if _origin(url) == origin else {}  # credentials never leave the first origin
            async with self._client.stream("GET", url, headers=headers) as response:
                if response.is_redirect and response.headers.get("location"):
                    url = str(response.url.join(response.headers["location"]))
                    continue
                if response.status_code >= 500 or response.status_code == 429:
                    raise Failed(f"{urlsplit(url).hostname} answered {response.status_code}")
                if response.status_code >= 300:
                    raise Refused(f"{urlsplit(url).hostname} answered {response.status_code}")
                return await self._store(ref, response, declared)
        raise Refused("too many redirects")

    async def _store(self, ref: MediaRef, response: httpx.Response, declared: str | None) -> Attachment:
        content_type = base_type(response.headers.get("content-type"))
        if content_type in ("", "application/octet-stream", "binary/octet-stream"):
            content_type = base_type(declared)
        if content_type not in MEDIA_TYPES:
            raise Refused(f"type {content_type or 'unknown'!r} not accepted")
        limit = self.settings.media_max_bytes
        if (_int(response.headers.get("content-length")) or 0) > limit:
            raise Refused(f"larger than {limit} bytes")
        filename = safe_filename(ref.filename) if ref.filename else None
        if not filename or filename == "lampiran":
            filename = f"{ref.provider}-{(ref.kind or kind_of(content_type))}{_EXTENSION_OF.get(content_type, '')}"
        with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as spool:
            size, head = 0, b""
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise Refused(f"larger than {limit} bytes")
                if len(head) < 1024:
                    head += chunk[:1024 - len(head)]
                spool.write(chunk)
            if content_type in SNIFFED_TYPES:
                try:  # the name we give it carries the type's extension, so content and claim must agree
                    checked_type(head, f"x{_EXTENSION_OF[content_type]}", content_type)
                except AttachmentRefused as exc:
                    raise Refused(str(exc).removeprefix("x" + _EXTENSION_OF[content_type] + ": ")) from exc
            elif not size:
                raise Refused("empty file")
            spool.seek(0)
            digest, size = await asyncio.to_thread(self.blobs.put_stream, spool)
        kind = ref.kind if ref.kind and ref.kind != "other" else kind_of(content_type)
        return Attachment(filename=filename, content_type=content_type, size_bytes=size, sha256=digest, kind=kind,
                          status="stored", provider_media_id=ref.provider_media_id)

    @staticmethod
    def _unavailable(ref: MediaRef, why: str) -> Fetched:
        content_type = base_type(ref.declared_type) or "application/octet-stream"
        kind = ref.kind or kind_of(content_type)
        name = safe_filename(ref.filename) if ref.filename else f"{ref.provider}-{kind}"
        log.warning("media unavailable: %s", why, extra={"provider": ref.provider, "kind": kind})
        return Fetched(Attachment(filename=name, content_type=content_type[:127], size_bytes=0, sha256=None,
                                  kind=kind, status="unavailable", provider_media_id=ref.provider_media_id), why)


def fetch_letter(complaint_id: str, ref: MediaRef, why: str) -> bytes:
    """The dead letter's raw body for a fetch that failed: enough to fetch it again by hand."""
    return json.dumps({"complaint_id": complaint_id, "media": ref.describe(), "reason": why},
                      ensure_ascii=False).encode()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def _json_object(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError as exc:
        raise Failed("Graph API answered no JSON") from exc
    if not isinstance(value, dict):
        raise Failed("Graph API answered no JSON object")
    return value


# --- what a message without text of its own becomes ----------------------------------------------

def text_or_placeholder(text: str, refs: list[MediaRef], has_location: bool) -> tuple[str, bool]:
    """The complaint text and whether it is ``media_only``: a photo, voice note or pin without a word
    from the citizen gets an Indonesian placeholder for the dashboard (and ``channel_meta.media_only``,
    which the stream stage reads: needs triage, and a text from the same sender soon after joins it)."""
    if text.strip():
        return text, False
    if refs:
        return placeholder(refs[0].kind or kind_of(refs[0].declared_type)), True
    if has_location:
        return PLACEHOLDERS["location"], True
    return "", False


def coordinate(value: object, bound: float) -> float | None:
    """A latitude (bound 90) or longitude (180) from a provider's number or numeric string."""
    if isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip()) if isinstance(value, (str, int, float)) else None
    except ValueError:
        return None
    if number is None or number != number or not -bound <= number <= bound:
        return None
    return number
