"""Web channel, for people: an accessible HTML complaint form at ``/lapor`` (Indonesian, no CDN).

The form posts ``multipart/form-data`` with optional attachments. It goes through the same
validation and intake as ``POST /v1/complaints``; a hidden per-form token makes a double
submit or a browser retry map to the same complaint.
"""

from __future__ import annotations

import html
import json
import uuid
from importlib import resources
from string import Template
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from aduan.core.metrics import INTAKE_REJECTED
from producers import attachments
from producers.http import get_intake, get_settings, unavailable
from producers.intake import Intake, validation_detail
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
    return HTMLResponse(render_form(max_mb=_max_mb(request)))


@router.post("/lapor", response_class=HTMLResponse, include_in_schema=False)
async def submit_form(request: Request, intake: Annotated[Intake, Depends(get_intake)]) -> HTMLResponse:
    settings = get_settings(request)
    limit = attachments.MAX_ATTACHMENTS * settings.max_attachment_bytes + 1024 * 1024
    declared = request.headers.get("content-length")
    if not declared or not declared.isdigit():
        raise Intake.reject("web", 411, "length_required", "Content-Length is required")
    if int(declared) > limit:
        raise Intake.reject("web", 413, "payload_too_large", f"body exceeds {limit} bytes")
    try:
        form = await request.form(max_files=attachments.MAX_ATTACHMENTS, max_fields=20, max_part_size=256 * 1024)
    except MultiPartException as exc:
        raise Intake.reject("web", 400, "invalid_form", str(exc)) from exc
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    uploads = [item for item in form.getlist("attachments") if isinstance(item, UploadFile) and item.filename]

    errors, stored = [], []
    for upload in uploads:
        try:
            stored.append(attachments.store(await upload.read(), upload.filename, intake.blobs,
                                            settings.max_attachment_bytes))
        except attachments.AttachmentRefused as exc:
            errors.append(f"{FIELD_LABELS['attachments']}: {exc}")
    body = _validate(values, errors)
    if errors or body is None:
        INTAKE_REJECTED.labels("web", "invalid_complaint").inc()
        return HTMLResponse(render_form(values, errors, _max_mb(request)), status_code=422)

    complaint = to_complaint(body, values.get("form_token") or str(uuid.uuid4()), attachments=stored)
    try:
        complaint = await intake.accept(complaint, _raw_record(values, stored))
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    page = PAGE.substitute(title="Pengaduan Diterima",
                           body=OK.substitute(tracking_number=html.escape(complaint.tracking_number)))
    return HTMLResponse(page)


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
