"""Gammu SMSD: ``POST /v1/sms/gammu``, from the ``RunOnReceive`` forwarder ``deploy/gammu/aduan-gammu-forward``,
and the replay of a files-backend inbox (``aduan ingest gammu``).

The forwarder posts Gammu SMSD's environment (``SMS_1_NUMBER``, ``SMS_1_TEXT``, ``DECODED_1_TEXT``…,
gammu-smsd-run(7), https://docs.gammu.org/smsd/run.html) as JSON or form, with the gateway shared
secret (``producers/sms/common.py``). Gammu links the parts of a long SMS itself. Its backend
message ids (``ids``) are the provider message id; without them the sender, modem, time and text
are hashed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from aduan.core.settings import Settings
from producers.http import (form_schema, get_intake, get_settings, load_json_text, read_body, rejected_response,
                            rejections)
from producers.intake import Intake, Rejected
from producers.sms.common import (CHANNEL, GATEWAY_SECRET_PARAMETERS, MAX_PARTS, MAX_SMS_BYTES, InvalidSms, accept,
                                  accepted_reply, bounded_int, check_gateway_secret, complaint_text, content_hash,
                                  dead_letter, parse_form, query_bytes, sender_phone, sms_complaint)
from schemas.events import Attachment, Complaint

router = APIRouter(tags=["intake"])


def gammu_fields(raw: bytes, content_type: str) -> dict[str, str]:
    if "application/json" in content_type:
        try:
            data = load_json_text(raw)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise Intake.reject(CHANNEL, 400, "invalid_json", str(exc)[:200]) from exc
        if not isinstance(data, dict):
            raise Intake.reject(CHANNEL, 400, "invalid_json", "expected a JSON object")
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
    if "application/x-www-form-urlencoded" in content_type:
        return dict(parse_form(raw))
    raise Intake.reject(CHANNEL, 415, "unsupported_media_type", "expected application/json or a form")


def gammu_complaint(fields: dict[str, str]) -> Complaint:
    """Gammu SMSD ``RunOnReceive`` environment (gammu-smsd-run(7)) as a complaint.

    Gammu links the parts of a long SMS itself (``MultipartTimeout``): ``DECODED_n_TEXT`` holds
    the joined text, else the ``SMS_n_TEXT`` of the physical messages are concatenated.
    """
    if not fields.get("SMS_1_NUMBER"):
        raise Intake.reject(CHANNEL, 400, "not_a_gammu_message", "SMS_1_NUMBER required")
    phone = sender_phone(fields["SMS_1_NUMBER"])
    messages = bounded_int(fields.get("SMS_MESSAGES"), 1, MAX_PARTS) or 1
    decoded = bounded_int(fields.get("DECODED_PARTS"), 0, MAX_PARTS)
    texts = [fields[f"DECODED_{i}_TEXT"] for i in range(1, decoded + 1) if fields.get(f"DECODED_{i}_TEXT")]
    if not texts:
        texts = [fields.get(f"SMS_{i}_TEXT", "") for i in range(1, messages + 1)]
    mms = _mms_indications(fields, decoded)
    if mms and not "".join(texts).strip():
        # An MMS notification (WAP push) carries where the MMS is, not its content: a complaint whose media
        # is marked unavailable (Gammu does not fetch MMS), triaged by a person, never a dead letter.
        texts = [f"[MMS tanpa teks: {mms[0]['title']}]" if mms[0].get("title") else "[MMS tanpa teks]"]
    text = complaint_text("".join(texts))
    ids = " ".join(fields.get("ids", "").split())
    phone_id = fields.get("PHONE_ID", "")
    if ids:
        provider_id = f"gammu:{phone_id}:{ids}"
    else:
        provider_id = "gammu:" + content_hash(phone, phone_id, fields.get("received_at", ""), text)
    meta = {"provider": "gammu", "phone_id": phone_id or None, "sms_messages": messages, "decoded_parts": decoded,
            "class": fields.get("SMS_1_CLASS"), "reference": fields.get("SMS_1_REFERENCE"),
            "backend_ids": ids.split() or None, "sent_at": fields.get("received_at"), "mms": mms or None,
            # Every message, not only MMS: the text that follows an MMS must share its partition to join it
            # (schemas.topics.raw_key).
            "sender_key": f"sms:phone:{phone}" if phone else None}
    if mms and texts[0].startswith("[MMS"):
        meta["media_only"] = True
    complaint = sms_complaint(provider_id, phone, text, {k: v for k, v in meta.items() if v is not None})
    if mms:
        attachments = [Attachment(filename=(m.get("title") or "mms")[:255], content_type="application/vnd.wap.mms-message",
                                  size_bytes=m.get("size", 0), kind="other", status="unavailable",
                                  provider_media_id=(m.get("address") or None) and m["address"][:300]) for m in mms]
        complaint = complaint.model_copy(update={"attachments": attachments[:20]})
        Complaint.model_validate(complaint.model_dump())  # still a valid complaint
    return complaint


def _mms_indications(fields: dict[str, str], decoded: int) -> list[dict]:
    """``DECODED_n_MMS_ADDRESS``/``_SENDER``/``_TITLE``/``_SIZE`` (gammu-smsd-run(7)) of the decoded parts."""
    out = []
    for i in range(1, max(decoded, 1) + 1):
        address = fields.get(f"DECODED_{i}_MMS_ADDRESS")
        if not address:
            continue
        size = fields.get(f"DECODED_{i}_MMS_SIZE", "")
        out.append({"address": address[:500], "sender": fields.get(f"DECODED_{i}_MMS_SENDER", "")[:100],
                    "title": fields.get(f"DECODED_{i}_MMS_TITLE", "")[:200],
                    "size": int(size) if size.isdigit() and len(size) < 12 else 0})
    return out


# Files backend (gammu-smsd-files(7)): IN<YYYYMMDD>_<HHMMSS>_<serial>_<sender>_<sequence>.<ext>; the parts of a
# long SMS share all but <sequence>. RunOnReceive gets these file names as the message ids, so a replay
# derives the same provider id as the forwarder did.
_INBOX_NAME = re.compile(r"^IN(\d{8})_(\d{6})_(\d{2})_(.+)_(\d{2})\.(txt|bin)$")


def inbox_messages(directory: Path, phone_id: str = "") -> Iterator[tuple[dict[str, str], bytes]]:
    """Each message of a files-backend inbox as the forwarder's fields (and the raw bytes), oldest first.

    ``InboxFormat=unicode`` files are UTF-16 (with a BOM); ``standard`` ones are text in the modem host's
    charset (UTF-8 assumed, ISO-8859-1 if not); 8-bit ``.bin`` messages are skipped (not text)."""
    groups: dict[tuple[str, ...], list[tuple[int, Path]]] = {}
    for path in sorted(directory.iterdir()):
        match = _INBOX_NAME.match(path.name)
        if match and match.group(6) == "txt":
            date, clock, serial, sender, sequence, _ext = match.groups()
            groups.setdefault((date, clock, serial, sender), []).append((int(sequence), path))
    for (date, clock, _serial, sender), parts in sorted(groups.items()):
        parts.sort()
        raws = [path.read_bytes() for _, path in parts]
        received = datetime.strptime(date + clock, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
        fields = {"SMS_MESSAGES": str(len(parts)), "DECODED_PARTS": "0", "PHONE_ID": phone_id, "SMS_1_NUMBER": sender,
                  "ids": " ".join(path.name for _, path in parts), "received_at": received.isoformat()}
        for i, raw in enumerate(raws, start=1):
            fields[f"SMS_{i}_TEXT"] = _inbox_text(raw)
        yield fields, b"\n".join(raws)


def _inbox_text(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


_GAMMU_FIELDS = {"SMS_1_NUMBER": "sender", "SMS_1_TEXT": "text of part 1", "SMS_MESSAGES": "physical messages",
                 "DECODED_PARTS": "decoded parts", "DECODED_1_TEXT": "joined text", "PHONE_ID": "modem",
                 "ids": "backend message ids", "received_at": "received at"}
_GAMMU_ANSWER = {"type": "object", "properties": {
    "complaint_id": {"type": "string"}, "tracking_number": {"type": "string"},
    "status": {"type": "string", "enum": ["dead_lettered"]}, "reason": {"type": "string"},
    "reply": {"type": ["string", "null"]}}}


@router.post("/v1/sms/gammu",
             responses={200: {"content": {"application/json": {"schema": _GAMMU_ANSWER}}},
                        **rejections(400, 401, 403, 413, 415), 503: {}},
             openapi_extra={"parameters": GATEWAY_SECRET_PARAMETERS, "requestBody": {"required": True, "content": {
                 "application/json": {"schema": form_schema(_GAMMU_FIELDS, required=("SMS_1_NUMBER",))},
                 "application/x-www-form-urlencoded": {"schema": form_schema(_GAMMU_FIELDS)}}}})
async def gammu_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    raw = b""
    try:
        check_gateway_secret(request, settings, query_bytes(request.url.query))
        raw = await read_body(request, MAX_SMS_BYTES, CHANNEL)
        complaint = gammu_complaint(gammu_fields(raw, request.headers.get("content-type", "")))
    except Rejected as exc:
        return rejected_response(exc)
    except InvalidSms as exc:
        return await dead_letter(intake, raw, exc, JSONResponse({"status": "dead_lettered", "reason": exc.reason,
                                                                  "reply": exc.reply}))
    complaint = await accept(intake, complaint, raw)
    return JSONResponse({"complaint_id": complaint.complaint_id, "tracking_number": complaint.tracking_number,
                         "reply": accepted_reply(complaint.tracking_number)})
