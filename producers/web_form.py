"""Web channel, for people: an accessible HTML complaint form at ``/lapor`` (Indonesian, no CDN).

The form posts ``multipart/form-data`` with optional attachments. It goes through the same
validation and intake as ``POST /v1/complaints``; a hidden per-form token makes a double
submit or a browser retry map to the same complaint, and the same token with other content is
refused (``409``): the complaint first sent with it stays as it was.

The body is read as it arrives, capped in total and per file (chunked or not); files are spooled
to anonymous temporary files (gone when closed, whatever happens) and reach the blob store only
once the whole submission is accepted, so a refused upload leaves nothing behind. Every page
carries a strict Content-Security-Policy and may not be framed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import uuid
from importlib import resources
from string import Template
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from aduan.core.http import BodyTooLarge, read_capped, stream_capped
from aduan.core.metrics import INTAKE_REJECTED
from producers import attachments
from producers.http import get_intake, get_settings, too_large, unavailable
from producers.intake import Conflict, Intake, validation_detail
from aduan.core.connections import BrokerUnavailable
from producers.web import ComplaintIn, to_complaint
from schemas.events import MAX_TEXT_CHARS, Attachment

router = APIRouter(tags=["intake"])

FIELD_LABELS = {"text": "Isi pengaduan", "subject": "Judul", "privacy": "Kerahasiaan", "reporter.name": "Nama",
                "reporter.email": "Email", "reporter.phone": "Nomor HP", "location.text": "Lokasi",
                "attachments": "Lampiran", "form": "Formulir"}


def _template(name: str) -> Template:
    return Template(resources.files("producers").joinpath("templates", name).read_text(encoding="utf-8"))


PAGE, FORM, OK = _template("lapor.html"), _template("lapor_form.html"), _template("lapor_ok.html")
MAX_FIELDS = 20
MAX_FIELD_BYTES = 256 * 1024


def _style_hash() -> str:
    style = re.search(r"<style>(.*?)</style>", PAGE.template, re.DOTALL).group(1)
    return "sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()


# No script at all, the one inline stylesheet by its hash, forms only to this site, never framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": f"default-src 'none'; style-src '{_style_hash()}'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def html_page(content: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status_code=status_code, headers=SECURITY_HEADERS)


def render_form(values: dict[str, str] | None = None, errors: list[str] | None = None, max_mb: int = 10) -> str:
    values = values or {}
    privacy = values.get("privacy") or "publik"
    error_html = ""
    if errors:
        items = "".join(f"<li>{html.escape(e)}</li>" for e in errors)
        error_html = f'<div class="errors" role="alert"><p>Pengaduan belum terkirim:</p><ul>{items}</ul></div>'
    body = FORM.substitute(
        errors=error_html, form_token=html.escape(values.get("form_token") or str(uuid.uuid4())),
        max_text=MAX_TEXT_CHARS, max_files=attachments.MAX_ATTACHMENTS, max_mb=max_mb,
        **{key: html.escape(values.get(key, "")) for key in ("subject", "text", "location", "name", "email", "phone")},
        **{f"checked_{p}": "checked" if privacy == p else "" for p in ("publik", "anonim", "rahasia")},
    )
    return PAGE.substitute(title="Sampaikan Pengaduan", body=body)


@router.get("/lapor", response_class=HTMLResponse, include_in_schema=False)
def complaint_form(request: Request) -> HTMLResponse:
    return html_page(render_form(max_mb=_max_mb(request)))


class FileTooLarge(Exception):
    def __init__(self, filename: str | None) -> None:
        super().__init__(filename)
        self.filename = filename


class CappedMultiPartParser(MultiPartParser):
    """Starlette's multipart parser with a per-file limit enforced as the bytes arrive (the stock one
    limits fields only), and small spools so five files in flight hold little memory."""

    spool_max_size = 256 * 1024

    def __init__(self, *args, max_file_bytes: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_file_bytes = max_file_bytes
        self._file_bytes: dict[int, int] = {}

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._current_part
        if part.file is not None:
            size = self._file_bytes.get(id(part), 0) + (end - start)
            self._file_bytes[id(part)] = size
            if size > self.max_file_bytes:
                raise FileTooLarge(part.file.filename)
        super().on_part_data(data, start, end)


async def read_form(request: Request, max_file_bytes: int) -> FormData:
    """The submitted form, read as it arrives: 413 past the total or per-file limit, 400 when malformed.
    On any refusal every spooled file is already closed (and so gone)."""
    limit = attachments.MAX_ATTACHMENTS * max_file_bytes + 1024 * 1024
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):  # a form without files (curl -d)
        try:
            raw = await read_capped(request, MAX_FIELDS * MAX_FIELD_BYTES)
        except BodyTooLarge as exc:
            raise too_large("web", exc) from exc
        pairs = parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
        if len(pairs) > MAX_FIELDS or any(len(value) > MAX_FIELD_BYTES for _, value in pairs):
            raise Intake.reject("web", 400, "invalid_form", f"at most {MAX_FIELDS} fields of {MAX_FIELD_BYTES} bytes")
        return FormData(pairs)
    if not content_type.startswith("multipart/form-data"):
        raise Intake.reject("web", 415, "unsupported_media_type", "expected multipart/form-data")
    parser = CappedMultiPartParser(request.headers, stream_capped(request, limit), max_files=attachments.MAX_ATTACHMENTS,
                                   max_fields=MAX_FIELDS, max_part_size=MAX_FIELD_BYTES, max_file_bytes=max_file_bytes)
    try:
        return await parser.parse()
    except BodyTooLarge as exc:
        raise too_large("web", exc) from exc
    except MultiPartException as exc:
        raise Intake.reject("web", 400, "invalid_form", str(exc)) from exc


@router.post("/lapor", response_class=HTMLResponse, include_in_schema=False)
async def submit_form(request: Request, intake: Annotated[Intake, Depends(get_intake)]) -> HTMLResponse:
    settings = get_settings(request)
    try:
        form = await read_form(request, settings.max_attachment_bytes)
    except FileTooLarge as exc:
        INTAKE_REJECTED.labels("web", "payload_too_large").inc()
        error = f"{FIELD_LABELS['attachments']}: {attachments.too_large(exc.filename, settings.max_attachment_bytes)}"
        return html_page(render_form(None, [error], _max_mb(request)), status_code=413)
    try:
        return await _submit(request, intake, form)
    finally:
        await form.close()


async def _submit(request: Request, intake: Intake, form: FormData) -> HTMLResponse:
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    uploads = [item for item in form.getlist("attachments") if isinstance(item, UploadFile) and item.filename]

    errors, kinds = [], []
    for upload in uploads:
        try:
            kinds.append(attachments.check(upload.file, upload.filename, upload.content_type))
        except attachments.AttachmentRefused as exc:
            errors.append(f"{FIELD_LABELS['attachments']}: {exc}")
    body = _validate(values, errors)
    if errors or body is None:
        INTAKE_REJECTED.labels("web", "invalid_complaint").inc()
        return html_page(render_form(values, errors, _max_mb(request)), status_code=422)

    described = [attachments.describe(upload.file, upload.filename, kind) for upload, kind in zip(uploads, kinds)]
    complaint = to_complaint(body, values.get("form_token") or str(uuid.uuid4()), attachments=described)

    def store_files() -> None:
        # Only a submission that is about to be published puts its files in the blob store.
        for upload in uploads:
            attachments.store(upload.file, intake.blobs)

    try:
        complaint = await intake.accept_once(complaint, _raw_record(values, described), before_publish=store_files)
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    except Conflict:
        return _conflict_page(request, values)
    page = PAGE.substitute(title="Pengaduan Diterima",
                           body=OK.substitute(tracking_number=html.escape(complaint.tracking_number)))
    return html_page(page)


def _conflict_page(request: Request, values: dict[str, str]) -> HTMLResponse:
    """409: this form (its token) was already sent with other content; a fresh form, the text kept."""
    INTAKE_REJECTED.labels("web", "idempotency_conflict").inc()
    errors = ["Formulir: formulir ini sudah terkirim dengan isi yang berbeda. Pengaduan yang pertama tetap "
              "tersimpan; kirim formulir di bawah ini untuk pengaduan baru."]
    kept = {key: values.get(key, "") for key in ("subject", "text", "location")}
    return html_page(render_form(kept, errors, _max_mb(request)), status_code=409)


def _validate(values: dict[str, str], errors: list[str]) -> ComplaintIn | None:
    reporter = {key: values[key] for key in ("name", "email", "phone") if values.get(key, "").strip()}
    data = {"text": values.get("text", ""), "subject": values.get("subject") or None,
            "privacy": values.get("privacy") or "publik", "reporter": reporter or None,
            "location": {"text": values["location"]} if values.get("location", "").strip() else None}
    try:
        return ComplaintIn.model_validate(data)
    except ValidationError as exc:
        errors.extend(f"{FIELD_LABELS.get(d['field'], d['field'])}: {d['message']}" for d in validation_detail(exc))
        return None


def _raw_record(values: dict[str, str], stored: list[Attachment]) -> bytes:
    """What the citizen submitted, as the raw payload kept for audit (files by their blob address)."""
    return json.dumps({"form": values, "attachments": [a.model_dump() for a in stored]}, ensure_ascii=False).encode()


def _max_mb(request: Request) -> int:
    return get_settings(request).max_attachment_bytes // (1024 * 1024)
