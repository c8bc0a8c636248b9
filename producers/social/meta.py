"""Meta webhooks: ``GET|POST /v1/social/meta`` for a Facebook Page, Instagram, Messenger and the
WhatsApp Cloud API.

``GET  /v1/social/meta``  subscription handshake: echoes ``hub.challenge`` when ``hub.verify_token`` matches.
``POST /v1/social/meta``  ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>``.

(Meta for Developers, "Webhooks: Getting started", https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
and the WhatsApp Cloud API webhook reference, https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components.)

What counts as a complaint: only what is addressed to an agency account (``ADUAN_META_PAGE_IDS``;
when empty, the account the webhook was delivered for):

* Facebook Page: visitor posts and comments on the Page feed (``verb`` add or edited), and
  Messenger messages to the Page. The Page's own posts, comments and sent messages, reactions,
  likes, shares and removals are ignored.
* Instagram: comments on the account's media, @mentions that carry text, and direct messages.
  A ``mentions`` notification without text (Meta sends only ids) is dead-lettered: its text has
  to be fetched with the Graph API, which aduan does not call.
* WhatsApp: ``messages[]`` of type text, media with a caption, and locations; ``statuses[]``
  (delivery receipts) and reactions are ignored; audio, stickers and captionless media are
  dead-lettered so an operator can look at them.

An edited Facebook comment keeps its ``comment_id``, so the updated text is republished under the
same complaint id (``channel_meta.edited``). Content is written once: the stream stage
dead-letters such an edit as ``content_conflict`` and the complaint keeps the text first received.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse, Response

from aduan.core.settings import Settings
from producers.http import get_intake, get_settings, rejected_response, rejections, string_parameter
from producers.intake import Intake
from producers.signatures import constant_time_equal, secret_value, verify_meta
from producers.social.common import (CHANNEL, WEBHOOK_RESPONSES, Batch, InvalidEvent, addressed_to, agency_ids,
                                     as_dict, as_list, as_str, collect, display_name, event_text, receive_batch,
                                     social_complaint, webhook_openapi)
from schemas.contact import normalise_handle, normalise_phone
from schemas.events import Complaint, LocationHint, Reporter

router = APIRouter(tags=["intake"])

MAX_CHALLENGE_CHARS = 512

_HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{1,64})")
_URL = re.compile(r"https?://[^\s<>\"']+")


def text_entities(text: str) -> dict[str, list[str]]:
    """Hashtags, @mentions and URLs written in the text (Meta payloads carry no entities)."""
    return {"mentions": _MENTION.findall(text), "hashtags": _HASHTAG.findall(text), "urls": _URL.findall(text)}


def meta_batch(payload: object, agency: frozenset[str]) -> Batch:
    """Complaints in a Meta webhook delivery (objects ``page``, ``instagram``, ``whatsapp_business_account``)."""
    batch = Batch()
    payload = as_dict(payload)
    kind = as_str(payload.get("object"))
    platform = {"page": "facebook", "instagram": "instagram", "whatsapp_business_account": "whatsapp"}.get(kind)
    if platform is None:
        batch.ignored.append(f"object {kind!r} is not handled")
        return batch
    for entry in map(as_dict, as_list(payload.get("entry"))):
        account = as_str(entry.get("id"))
        for change in map(as_dict, as_list(entry.get("changes"))):
            replay = {"object": kind, "entry": [{"id": account, "time": entry.get("time"), "changes": [change]}]}
            if platform == "whatsapp":
                _whatsapp_change(batch, account, change, agency, replay)
            elif not addressed_to(account, agency):
                batch.ignored.append("not an agency account")
            elif platform == "facebook":
                collect(batch, lambda c=change: _facebook_feed(account, c), replay)
            else:
                collect(batch, lambda c=change: _instagram_change(account, c), replay)
        for event in map(as_dict, as_list(entry.get("messaging"))):
            replay = {"object": kind, "entry": [{"id": account, "time": entry.get("time"), "messaging": [event]}]}
            if platform == "whatsapp" or not addressed_to(account, agency):
                batch.ignored.append("not an agency account")
                continue
            collect(batch, lambda e=event: _messenger(platform, account, e), replay)
    return batch


def _facebook_feed(page_id: str, change: dict) -> Complaint | str:
    if as_str(change.get("field")) != "feed":
        return f"page field {as_str(change.get('field'))!r} is not handled"
    value = as_dict(change.get("value"))
    item, verb = as_str(value.get("item")), as_str(value.get("verb"))
    if verb not in ("add", "edited"):
        return f"feed verb {verb!r} is not a new complaint"
    author = as_dict(value.get("from"))
    author_id = as_str(author.get("id"))
    if author_id and author_id == page_id:
        return "the page's own post or comment"
    if item == "comment":
        message_id, kind = as_str(value.get("comment_id")), "comment"
    elif item in ("post", "status", "photo", "video", "share"):
        message_id, kind = as_str(value.get("post_id")), "post"
    else:
        return f"feed item {item!r} is not a complaint"
    if not message_id:
        raise InvalidEvent(f"feed {item} without id")
    text = event_text(value.get("message"))
    reporter = Reporter(handle=normalise_handle(author_id, "facebook") if author_id else None,
                        name=display_name(author.get("name")))
    meta = {"platform": "facebook", "kind": kind, "account_id": page_id, "author_id": author_id,
            "post_id": as_str(value.get("post_id")), "parent_id": as_str(value.get("parent_id")),
            "edited": verb == "edited", **text_entities(text)}
    return social_complaint(f"facebook:{kind}:{message_id}", reporter, text, value.get("created_time"), meta)


def _instagram_change(account_id: str, change: dict) -> Complaint | str:
    field_name = as_str(change.get("field"))
    value = as_dict(change.get("value"))
    if field_name in ("comments", "live_comments"):
        author = as_dict(value.get("from"))
        author_id = as_str(author.get("id"))
        if author_id and author_id == account_id:
            return "the account's own comment"
        comment_id, kind = as_str(value.get("id")), "comment"
    elif field_name == "mentions":
        author = as_dict(value.get("from"))
        author_id = as_str(author.get("id"))
        comment_id = as_str(value.get("comment_id")) or as_str(value.get("id"))
        kind = "mention"
        if not as_str(value.get("text")).strip():
            raise InvalidEvent("instagram mention carries no text (Graph API lookup of the comment needed)")
    else:
        return f"instagram field {field_name!r} is not handled"
    if not comment_id:
        raise InvalidEvent(f"instagram {field_name} without id")
    text = event_text(value.get("text"))
    username = as_str(author.get("username"))
    who = username or author_id
    reporter = Reporter(handle=normalise_handle(who, "instagram") if who else None)
    media = as_dict(value.get("media"))
    meta = {"platform": "instagram", "kind": kind, "account_id": account_id, "author_id": author_id,
            "media_id": as_str(media.get("id")) or as_str(value.get("media_id")),
            "media_product_type": as_str(media.get("media_product_type")), "parent_id": as_str(value.get("parent_id")),
            **text_entities(text)}
    return social_complaint(f"instagram:comment:{comment_id}", reporter, text, value.get("timestamp"), meta)


def _messenger(platform: str, account_id: str, event: dict) -> Complaint | str:
    message = as_dict(event.get("message"))
    sender = as_str(as_dict(event.get("sender")).get("id"))
    if not message:
        return "messaging event without a message (delivery, read, postback)"
    if message.get("is_echo") or sender == account_id:
        return "message sent by the agency"
    recipient = as_str(as_dict(event.get("recipient")).get("id"))
    if recipient and recipient != account_id:
        return "message not addressed to the agency account"
    mid = as_str(message.get("mid"))
    if not mid:
        raise InvalidEvent("message without mid")
    text = event_text(message.get("text"))
    reporter = Reporter(handle=normalise_handle(sender, platform) if sender else None)
    meta = {"platform": platform, "kind": "message", "account_id": account_id, "author_id": sender,
            **text_entities(text)}
    return social_complaint(f"{platform}:message:{mid}", reporter, text, event.get("timestamp"), meta)


def _whatsapp_change(batch: Batch, account: str, change: dict, agency: frozenset[str], replay: dict) -> None:
    if as_str(change.get("field")) != "messages":
        batch.ignored.append(f"whatsapp field {as_str(change.get('field'))!r} is not handled")
        return
    value = as_dict(change.get("value"))
    metadata = as_dict(value.get("metadata"))
    number_id = as_str(metadata.get("phone_number_id"))
    if agency and account not in agency and number_id not in agency:
        batch.ignored.append("not an agency account")
        return
    names = {as_str(c.get("wa_id")): display_name(as_dict(c.get("profile")).get("name"))
             for c in map(as_dict, as_list(value.get("contacts")))}
    batch.ignored.extend("whatsapp status update" for _ in as_list(value.get("statuses")))
    for message in map(as_dict, as_list(value.get("messages"))):
        one = {**value, "messages": [message]}
        one.pop("statuses", None)
        single = {"object": replay["object"],
                  "entry": [{"id": account, "changes": [{"field": "messages", "value": one}]}]}
        collect(batch, lambda m=message: _whatsapp_message(account, metadata, names, m), single)


def _whatsapp_message(account: str, metadata: dict, names: dict, message: dict) -> Complaint | str:
    kind = as_str(message.get("type"))
    if kind in ("reaction", "system", "unsupported", "request_welcome"):
        return f"whatsapp {kind} message is not a complaint"
    wamid, sender = as_str(message.get("id")), as_str(message.get("from"))
    if not wamid or not sender:
        raise InvalidEvent("whatsapp message without id or from")
    try:
        phone = normalise_phone(sender)
    except ValueError as exc:
        raise InvalidEvent("whatsapp sender is not a phone number") from exc
    location = None
    attachment: dict[str, str] = {}
    if kind == "text":
        text = event_text(as_dict(message.get("text")).get("body"))
    elif kind in ("image", "video", "document"):
        media = as_dict(message.get(kind))
        if not as_str(media.get("caption")).strip():
            raise InvalidEvent(f"whatsapp {kind} without caption")
        text = event_text(media.get("caption"))
        attachment = {"media_id": as_str(media.get("id")), "mime_type": as_str(media.get("mime_type"))}
    elif kind == "location":
        where = as_dict(message.get("location"))
        words = ", ".join(part for part in (as_str(where.get("name")), as_str(where.get("address"))) if part)
        if not words:
            raise InvalidEvent("whatsapp location without name or address")
        lat, lon = where.get("latitude"), where.get("longitude")
        location = LocationHint(text=words[:500], lat=lat if isinstance(lat, (int, float)) else None,
                                lon=lon if isinstance(lon, (int, float)) else None)
        text = event_text(words)
    else:
        raise InvalidEvent(f"whatsapp {kind or 'untyped'} message has no text")
    context = as_dict(message.get("context"))
    meta = {"platform": "whatsapp", "kind": "message", "account_id": account,
            "phone_number_id": as_str(metadata.get("phone_number_id")),
            "display_phone_number": as_str(metadata.get("display_phone_number")), "message_type": kind,
            "reply_to": as_str(context.get("id")), "attachment": attachment, **text_entities(text)}
    reporter = Reporter(phone=phone, name=names.get(sender))
    return social_complaint(f"whatsapp:{wamid}", reporter, text, message.get("timestamp"), meta, location)


@router.get("/v1/social/meta", response_class=PlainTextResponse, responses=rejections(403),
            openapi_extra={"parameters": [string_parameter("hub.mode", "query", "subscribe"),
                                          string_parameter("hub.verify_token", "query", "the configured verify token"),
                                          string_parameter("hub.challenge", "query", "echoed back")]})
async def meta_verify(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> Response:
    params = request.query_params
    challenge = params.get("hub.challenge", "")
    expected = secret_value(settings.meta_verify_token)
    if (params.get("hub.mode") != "subscribe" or not challenge or len(challenge) > MAX_CHALLENGE_CHARS
            or not constant_time_equal(params.get("hub.verify_token"), expected)):
        return rejected_response(Intake.reject(CHANNEL, 403, "verification_failed"))
    return PlainTextResponse(challenge, headers={"X-Content-Type-Options": "nosniff"})


@router.post("/v1/social/meta", responses=WEBHOOK_RESPONSES,
             openapi_extra=webhook_openapi("X-Hub-Signature-256", "sha256=<hex HMAC of the body>"))
async def meta_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    return await receive_batch(request, intake, "X-Hub-Signature-256", secret_value(settings.meta_app_secret),
                               verify_meta, meta_batch, agency_ids(settings.meta_page_ids))
