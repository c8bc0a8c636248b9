"""The public status of a complaint by its tracking number, for the citizen who was told to keep it.

``GET /status``                        a form to type the number (GET, no JavaScript)
``GET /status/{tracking_number}``      Indonesian HTML, the same strict CSP as the dashboard (no script at all)
``GET /v1/public/status/{tracking_number}``   the same as JSON
``POST /status/{tracking_number}/jawab``      the two closure buttons, behind the one-time link of the question

What is shown is ``public_view``: status, current SLA stage and its due date in the unit's time zone,
the public history (statuses and times; the unit's note of ``ditindaklanjuti``/``selesai``, redacted,
and not for ``rahasia``), the responsible unit's name. Never the reporter, contacts, the complaint's text
(of any privacy), actors, or internal reasons. Per-client rate limit (``ADUAN_STATUS_RATE_PER_MINUTE``);
every answer — known number, unknown number, malformed number — takes at least ``ANSWER_FLOOR_S``, so the
answer time does not tell whether a number exists.
"""

from __future__ import annotations

import asyncio
import html
import math
import re
import time
from datetime import datetime
from typing import Annotated, Any

from elasticsearch import Elasticsearch, TransportError
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from aduan.core.connections import BrokerUnavailable
from aduan.core.deps import ElasticsearchDep, PublisherDep, SettingsDep, resource
from aduan.core.http import BodyTooLarge, read_capped
from aduan.core.ratelimit import TokenBuckets, client_key
from consumers.cases.calendar import zone_abbreviation, zone_for
from consumers.cases.lifecycle import region_of_unit
from consumers.notify.links import verify_token
from consumers.notify.plan import PUBLIC_NOTE_STATUSES, contact_key
from consumers.read.pages import SECURITY_HEADERS
from consumers.redaction import scrub_text
from schemas.events import CitizenAnswer, utcnow
from schemas.ids import complaint_id as derive_id
from schemas.topics import ANSWERS

router = APIRouter(tags=["public status"])

TRACKING = re.compile(r"^ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
ANSWER_FLOOR_S = 0.15
PAGE_CSP = {**SECURITY_HEADERS, "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"}
LABELS = {"diterima": "Diterima", "terverifikasi": "Terverifikasi", "ditunda": "Ditunda",
          "bukan_wewenang": "Dialihkan ke unit lain", "diarsipkan": "Diarsipkan", "terdisposisi": "Didisposisikan",
          "ditindaklanjuti": "Ditindaklanjuti", "selesai": "Selesai"}
STAGES = {"verifikasi": "Verifikasi", "tindak_lanjut": "Tindak lanjut", "penutupan": "Menunggu konfirmasi pelapor"}
FIELDS = ["complaint_id", "tracking_number", "status", "unit_code", "unit_name", "routed_unit_code", "region_code",
          "privacy", "received_at", "sla", "history"]
MAX_ANSWER_BYTES = 8 * 1024


StatusBucketsDep = Annotated[TokenBuckets, Depends(resource("status_buckets"))]


def limiter(buckets: StatusBucketsDep, request: Request) -> None:
    """Per client (the TCP peer, or what a trusted proxy said; see aduan.processes.proxy_options)."""
    wait = buckets.take(client_key(request.client.host if request.client else "unknown"))
    if wait > 0:
        raise HTTPException(429, detail={"error": "rate_limited"}, headers={"Retry-After": str(math.ceil(wait))})


Limited = Annotated[None, Depends(limiter)]


def local_time(value: str | None, region_code: str | None) -> str | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value).astimezone(zone_for(region_code))
    return moment.isoformat(timespec="minutes")


def public_note(entry: dict[str, Any], privacy: str | None) -> str | None:
    """The part of a history entry's reason the public may read: the unit's note to the citizen
    (``ditindaklanjuti``/``selesai``), redacted, never of a ``rahasia`` complaint; every other reason is
    internal, and a citizen's own answer is theirs. Open311's ``status_notes`` is the same note."""
    if entry.get("status") not in PUBLIC_NOTE_STATUSES or entry.get("actor_role") == "citizen" or privacy == "rahasia":
        return None
    return entry["reason_redacted"] if "reason_redacted" in entry else scrub_text(entry.get("reason"))


def public_view(doc: dict[str, Any]) -> dict[str, Any]:
    """Only what anyone holding the tracking number may read (see the module's docstring)."""
    unit_code = doc.get("unit_code")
    region = region_of_unit(unit_code) or doc.get("region_code")
    history = [{"status": entry["status"], "label": LABELS.get(entry["status"], entry["status"]),
                "at": local_time(entry["at"], region), "note": public_note(entry, doc.get("privacy"))}
               for entry in doc.get("history") or ()]
    sla = doc.get("sla") or {}
    # A re-routed complaint's unit name is its code until the routing table has names.
    unit_name = doc.get("unit_name") if unit_code == doc.get("routed_unit_code") else unit_code
    return {
        "tracking_number": doc["tracking_number"],
        "status": doc.get("status", "diterima"),
        "status_label": LABELS.get(doc.get("status", "diterima")),
        "received_at": local_time(doc.get("received_at"), region),
        "unit_name": unit_name,
        "time_zone": zone_abbreviation(region),
        "sla": {"stage": sla["stage"], "stage_label": STAGES.get(sla["stage"]),
                "due_at": local_time(sla.get("due_at"), region), "breached": bool(sla.get("breached")),
                "paused": bool(sla.get("paused"))} if sla.get("stage") and sla.get("due_at") else None,
        "history": [{"status": "diterima", "label": LABELS["diterima"], "at": local_time(doc.get("received_at"), region),
                     "note": None}, *history],
    }


def _find(es: Elasticsearch, alias: str, tracking: str) -> dict[str, Any] | None:
    # The same query for every number that has the shape: the search server's time does not tell either.
    hits = es.search(index=alias, query={"bool": {"filter": [{"term": {"tracking_number": tracking}},
                                                             {"exists": {"field": "text"}}]}},
                     size=1, source_includes=FIELDS)["hits"]["hits"]
    return hits[0]["_source"] if hits else None


async def _lookup(es: Elasticsearch, alias: str, number: str) -> dict[str, Any] | None:
    started = time.monotonic()
    tracking = number.strip().upper()
    try:
        doc = await asyncio.to_thread(_find, es, alias, tracking if TRACKING.fullmatch(tracking) else "ADU-0000-0000")
    except TransportError as exc:
        raise HTTPException(503, detail={"error": "search_unavailable"}, headers={"Retry-After": "5"}) from exc
    finally:
        await asyncio.sleep(max(0.0, ANSWER_FLOOR_S - (time.monotonic() - started)))
    return doc if doc is not None and TRACKING.fullmatch(tracking) else None


@router.get("/v1/public/status/{tracking_number}", responses={404: {}, 429: {}, 503: {}})
async def status_json(tracking_number: str, settings: SettingsDep, es: ElasticsearchDep, _: Limited) -> JSONResponse:
    """A complaint's public status (no reporter, contact, text or internal reason)."""
    doc = await _lookup(es, settings.index_alias, tracking_number)
    if doc is None:
        return JSONResponse({"error": "not_found", "message": "nomor pelacakan tidak ditemukan"}, status_code=404)
    return JSONResponse(public_view(doc), headers={"Cache-Control": "no-store"})


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    style = ("body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
             "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}"
             "button{font-size:1rem;padding:.4rem 1rem;margin-right:.5rem}")
    document = (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" '
                f'content="width=device-width,initial-scale=1"><title>{html.escape(title)}</title>'
                f"<style>{style}</style></head><body>{body}</body></html>")
    return HTMLResponse(document, status_code=status, headers={**PAGE_CSP, "Cache-Control": "no-store"})


FORM = ('<form method="get" action="/status"><label for="nomor">Nomor pelacakan</label> '
        '<input id="nomor" name="nomor" placeholder="ADU-XXXX-XXXX" required maxlength="20"> '
        '<button type="submit">Cek status</button></form>')


@router.get("/status", response_class=HTMLResponse, include_in_schema=False)
async def status_form(nomor: str | None = None) -> Response:
    if nomor:
        number = nomor.strip().upper()
        if TRACKING.fullmatch(number):
            return RedirectResponse(f"/status/{number}", status_code=303)
        return _page("Cek status aduan", f"<h1>Cek status aduan</h1><p>Format nomor: ADU-XXXX-XXXX.</p>{FORM}", 400)
    return _page("Cek status aduan", f"<h1>Cek status aduan</h1>{FORM}")


def _render(view: dict[str, Any], answer_token: str | None) -> str:
    e = html.escape
    rows = "".join(f"<tr><td>{e(h['at'] or '')}</td><td>{e(h['label'] or '')}</td><td>{e(h['note'] or '')}</td></tr>"
                   for h in view["history"])
    sla = view["sla"]
    sla_html = (f"<p>Tahap: <strong>{e(sla['stage_label'] or sla['stage'])}</strong>, batas waktu "
                f"<strong>{e(sla['due_at'] or '')} {e(view['time_zone'])}</strong>"
                f"{' (terlambat)' if sla['breached'] else ''}{' (ditunda)' if sla['paused'] else ''}</p>") if sla else ""
    buttons = ""
    if answer_token:
        buttons = (f'<form method="post" action="/status/{e(view["tracking_number"])}/jawab">'
                   f'<p>Apakah masalah Anda sudah selesai?</p><input type="hidden" name="t" value="{e(answer_token)}">'
                   '<p><label for="catatan">Catatan (jika belum)</label><br>'
                   '<textarea id="catatan" name="catatan" maxlength="1000" rows="3" cols="40"></textarea></p>'
                   '<button type="submit" name="jawaban" value="YA">Ya, sudah selesai</button>'
                   '<button type="submit" name="jawaban" value="BELUM">Belum</button></form>')
    return (f"<h1>Aduan {e(view['tracking_number'])}</h1>"
            f"<p>Status: <strong id=\"status\">{e(view['status_label'] or view['status'])}</strong></p>"
            f"<p>Unit: {e(view['unit_name'] or '-')}</p>{sla_html}{buttons}"
            f"<h2>Riwayat</h2><table><thead><tr><th>Waktu ({e(view['time_zone'])})</th><th>Status</th>"
            f"<th>Catatan</th></tr></thead><tbody>{rows}</tbody></table><hr>{FORM}")


def _open_question(doc: dict[str, Any]) -> str | None:
    history = doc.get("history") or []
    if doc.get("status") != "ditindaklanjuti" or not history:
        return None
    return history[-1]["event_id"] if history[-1]["status"] == "ditindaklanjuti" else None


@router.get("/status/{tracking_number}", response_class=HTMLResponse, include_in_schema=False)
async def status_page(tracking_number: str, settings: SettingsDep, es: ElasticsearchDep, _: Limited,
                      t: str | None = None) -> HTMLResponse:
    doc = await _lookup(es, settings.index_alias, tracking_number)
    if doc is None:
        return _page("Aduan tidak ditemukan", "<h1>Aduan tidak ditemukan</h1><p>Periksa kembali nomor pelacakan "
                                              f"Anda.</p>{FORM}", 404)
    token = None
    if t:
        question = verify_token(settings, doc["complaint_id"], t)
        token = t if question is not None and question == _open_question(doc) else None
    return _page(f"Aduan {doc['tracking_number']}", _render(public_view(doc), token))


@router.post("/status/{tracking_number}/jawab", response_class=HTMLResponse, include_in_schema=False)
async def status_answer(tracking_number: str, request: Request, settings: SettingsDep, es: ElasticsearchDep,
                        publisher: PublisherDep, _: Limited) -> HTMLResponse:
    from urllib.parse import parse_qs

    try:
        raw = await read_capped(request, MAX_ANSWER_BYTES)
    except BodyTooLarge as exc:
        raise HTTPException(413) from exc
    form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}
    doc = await _lookup(es, settings.index_alias, tracking_number)
    question = verify_token(settings, doc["complaint_id"], form.get("t", "")) if doc else None
    answer = form.get("jawaban", "").upper()
    if doc is None or question is None or answer not in ("YA", "BELUM"):
        return _page("Tautan tidak berlaku", "<h1>Tautan tidak berlaku</h1><p>Tautan jawaban ini tidak berlaku.</p>", 403)
    if question != _open_question(doc):
        return _page("Sudah dijawab", f"<h1>Sudah dijawab</h1><p>Pertanyaan ini sudah dijawab.</p>"
                                      f'<p><a href="/status/{html.escape(doc["tracking_number"])}">Lihat status</a></p>', 409)
    # One answer per question: the same provider id whatever is tapped, so only the first one counts.
    provider_id = f"status_page:{question}"
    event = CitizenAnswer(answer_id=derive_id("web", provider_id), contact_key=contact_key("web", "link", question),
                          channel="web", provider_message_id=provider_id, kind="status_page", payload=answer,
                          text=(form.get("catatan") or "").strip()[:1000] or None, complaint_id=doc["complaint_id"],
                          context_message_id=question, received_at=utcnow())
    try:
        await publisher.publish_async(ANSWERS, event.contact_key, event)
    except BrokerUnavailable as exc:
        raise HTTPException(503, headers={"Retry-After": "5"}) from exc
    words = "ditutup" if answer == "YA" else "dibuka kembali dan diteruskan ke unit"
    return _page("Terima kasih", f"<h1>Terima kasih</h1><p>Jawaban Anda diterima; aduan akan {words}.</p>"
                                 f'<p><a href="/status/{html.escape(doc["tracking_number"])}">Lihat status</a></p>')
