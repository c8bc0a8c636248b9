"""Social channel: Meta webhooks (Facebook Page, Instagram, WhatsApp Cloud API) and the X Account Activity API.

``GET  /v1/social/meta``  subscription handshake: echoes ``hub.challenge`` when ``hub.verify_token`` matches.
``POST /v1/social/meta``  ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>``.
``GET  /v1/social/x``     CRC: ``{"response_token": "sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}``.
``POST /v1/social/x``     ``x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, body)>``.

What counts as a complaint: only what is addressed to an agency account (``ADUAN_META_PAGE_IDS``,
``ADUAN_X_ACCOUNT_IDS``; when empty, the account the webhook was delivered for, since
providers only deliver for accounts the agency subscribed):

* Facebook Page: visitor posts and comments on the Page feed (``verb`` add or edited), and
  Messenger messages to the Page. The Page's own posts, comments and sent messages, reactions,
  likes, shares and removals are ignored.
* Instagram: comments on the account's media, @mentions that carry text, and direct messages.
  A ``mentions`` notification without text (Meta sends only ids) is dead-lettered: its text has
  to be fetched with the Graph API, which aduan does not call.
* WhatsApp: ``messages[]`` of type text, media with a caption, and locations; ``statuses[]``
  (delivery receipts) and reactions are ignored; audio, stickers and captionless media are
  dead-lettered so an operator can look at them.
* X: mentions of, replies to and quote posts of the agency account, and DMs it receives. The
  agency's own posts and the DMs it sends are ignored, and so are reposts (retweets): a
  repost adds no words of the citizen's.

Edits keep their complaint: an edited Facebook comment keeps its ``comment_id``, and an edited X
post is identified by ``edit_history.initial_tweet_id``, so the updated text is republished
under the same complaint id (``channel_meta.edited``), which is idempotent downstream.

One delivery may carry many events; the answer is 200 only after every complaint in it was
acknowledged by Kafka (and every unusable event dead-lettered). Otherwise 503: the provider
redelivers the batch, and the complaints already published map to the same ids.

Replay protection: neither Meta nor X signs a timestamp; the ids above make a replay harmless.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import ValidationError

from aduan.core.settings import Settings
from producers.http import (get_intake, get_settings, load_json_text, read_body, rejected_response, rejections,
                            string_parameter, unavailable)
from producers.intake import Intake, Rejected
from aduan.core.connections import BrokerUnavailable
from producers.signatures import constant_time_equal, secret_value, verify_meta, verify_x, x_signature
from schemas.contact import normalise_handle, normalise_phone
from schemas.events import MAX_TEXT_CHARS, Complaint, LocationHint, Reporter, utcnow

router = APIRouter(tags=["intake"])

CHANNEL = "social"
STAGE = "producers.social"
MAX_SOCIAL_BYTES = 1024 * 1024
# CRC tokens X sends are short URL-safe strings. Refusing anything else closes the signing
# oracle: the CRC answer is an HMAC of caller-chosen bytes under the same key as the POST
# signature, so a CRC for a JSON body (which starts with "{") would forge that body's signature.
CRC_TOKEN = re.compile(r"^[A-Za-z0-9_\-+/=.:]{1,256}$")
MAX_CHALLENGE_CHARS = 512

_HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{1,64})")
_URL = re.compile(r"https?://[^\s<>\"']+")


class InvalidEvent(Exception):
    """A signed, parseable event that cannot become a complaint: dead-lettered."""


@dataclass
class Batch:
    """What one delivery turned into."""

    complaints: list[Complaint] = field(default_factory=list)
    invalid: list[tuple[str, bytes]] = field(default_factory=list)  # (reason, replayable single-event payload)
    ignored: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {"accepted": len(self.complaints), "dead_lettered": len(self.invalid), "ignored": len(self.ignored)}


# --- defensive access: a signed payload may still have any shape ----------------------------------

def _obj(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _str(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value) if isinstance(value, (str, int)) else ""


def agency_ids(configured: str) -> frozenset[str]:
    return frozenset(part.strip() for part in configured.split(",") if part.strip())


def _addressed_to(account_id: str, agency: frozenset[str]) -> bool:
    return bool(account_id) and (not agency or account_id in agency)


def parse_time(value: object) -> datetime:
    """Provider time (epoch s/ms, ISO 8601 or X's ``created_at``), or now when absent or implausible."""
    now = utcnow()
    parsed: datetime | None = None
    text = _str(value).strip()
    try:
        if text.isdigit():
            number = int(text)
            parsed = datetime.fromtimestamp(number / 1000 if number > 10**11 else number, timezone.utc)
        elif text:
            for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%a %b %d %H:%M:%S %z %Y"):
                try:
                    parsed = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
    except (OverflowError, OSError, ValueError):
        parsed = None
    if parsed is None or parsed > now + timedelta(days=1) or parsed.year < 2006:
        return now
    return parsed.astimezone(timezone.utc)


def text_entities(text: str) -> dict[str, list[str]]:
    """Hashtags, @mentions and URLs written in the text (Meta payloads carry no entities)."""
    return {"mentions": _MENTION.findall(text), "hashtags": _HASHTAG.findall(text), "urls": _URL.findall(text)}


def _text(value: object) -> str:
    text = _str(value).replace("\x00", "").strip()
    if not text:
        raise InvalidEvent("empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidEvent(f"text longer than {MAX_TEXT_CHARS} characters")
    return text


def social_complaint(provider_message_id: str, reporter: Reporter, text: str, when: object,
                     meta: dict[str, Any], location: LocationHint | None = None) -> Complaint:
    meta = {k: v for k, v in meta.items() if v not in (None, "", [], {})}
    return Complaint.new(channel=CHANNEL, provider_message_id=provider_message_id, received_at=parse_time(when),
                         reporter=reporter, text=text, location=location, channel_meta=meta)


def _name(value: object) -> str | None:
    return _str(value).strip()[:200] or None


def _collect(batch: Batch, build, replay: dict) -> None:
    """Run one event's parser; file its outcome in the batch."""
    try:
        outcome = build()
    except InvalidEvent as exc:
        batch.invalid.append((str(exc), json.dumps(replay, ensure_ascii=False).encode()))
        return
    except (ValidationError, ValueError, TypeError, KeyError) as exc:
        reason = f"unexpected event shape: {type(exc).__name__}"
        batch.invalid.append((reason, json.dumps(replay, ensure_ascii=False).encode()))
        return
    if isinstance(outcome, Complaint):
        batch.complaints.append(outcome)
    else:
        batch.ignored.append(outcome)


# --- Meta ----------------------------------------------------------------------------------------

def meta_batch(payload: object, agency: frozenset[str]) -> Batch:
    """Complaints in a Meta webhook delivery (objects ``page``, ``instagram``, ``whatsapp_business_account``)."""
    batch = Batch()
    payload = _obj(payload)
    kind = _str(payload.get("object"))
    platform = {"page": "facebook", "instagram": "instagram", "whatsapp_business_account": "whatsapp"}.get(kind)
    if platform is None:
        batch.ignored.append(f"object {kind!r} is not handled")
        return batch
    for entry in map(_obj, _list(payload.get("entry"))):
        account = _str(entry.get("id"))
        for change in map(_obj, _list(entry.get("changes"))):
            replay = {"object": kind, "entry": [{"id": account, "time": entry.get("time"), "changes": [change]}]}
            if platform == "whatsapp":
                _whatsapp_change(batch, account, change, agency, replay)
            elif not _addressed_to(account, agency):
                batch.ignored.append("not an agency account")
            elif platform == "facebook":
                _collect(batch, lambda c=change: _facebook_feed(account, c), replay)
            else:
                _collect(batch, lambda c=change: _instagram_change(account, c), replay)
        for event in map(_obj, _list(entry.get("messaging"))):
            replay = {"object": kind, "entry": [{"id": account, "time": entry.get("time"), "messaging": [event]}]}
            if platform == "whatsapp" or not _addressed_to(account, agency):
                batch.ignored.append("not an agency account")
                continue
            _collect(batch, lambda e=event: _messenger(platform, account, e), replay)
    return batch


def _facebook_feed(page_id: str, change: dict) -> Complaint | str:
    if _str(change.get("field")) != "feed":
        return f"page field {_str(change.get('field'))!r} is not handled"
    value = _obj(change.get("value"))
    item, verb = _str(value.get("item")), _str(value.get("verb"))
    if verb not in ("add", "edited"):
        return f"feed verb {verb!r} is not a new complaint"
    author = _obj(value.get("from"))
    author_id = _str(author.get("id"))
    if author_id and author_id == page_id:
        return "the page's own post or comment"
    if item == "comment":
        message_id, kind = _str(value.get("comment_id")), "comment"
    elif item in ("post", "status", "photo", "video", "share"):
        message_id, kind = _str(value.get("post_id")), "post"
    else:
        return f"feed item {item!r} is not a complaint"
    if not message_id:
        raise InvalidEvent(f"feed {item} without id")
    text = _text(value.get("message"))
    reporter = Reporter(handle=normalise_handle(author_id, "facebook") if author_id else None,
                        name=_name(author.get("name")))
    meta = {"platform": "facebook", "kind": kind, "account_id": page_id, "author_id": author_id,
            "post_id": _str(value.get("post_id")), "parent_id": _str(value.get("parent_id")),
            "edited": verb == "edited", **text_entities(text)}
    return social_complaint(f"facebook:{kind}:{message_id}", reporter, text, value.get("created_time"), meta)


def _instagram_change(account_id: str, change: dict) -> Complaint | str:
    field_name = _str(change.get("field"))
    value = _obj(change.get("value"))
    if field_name in ("comments", "live_comments"):
        author = _obj(value.get("from"))
        author_id = _str(author.get("id"))
        if author_id and author_id == account_id:
            return "the account's own comment"
        comment_id, kind = _str(value.get("id")), "comment"
    elif field_name == "mentions":
        author = _obj(value.get("from"))
        author_id = _str(author.get("id"))
        comment_id = _str(value.get("comment_id")) or _str(value.get("id"))
        kind = "mention"
        if not _str(value.get("text")).strip():
            raise InvalidEvent("instagram mention carries no text (Graph API lookup of the comment needed)")
    else:
        return f"instagram field {field_name!r} is not handled"
    if not comment_id:
        raise InvalidEvent(f"instagram {field_name} without id")
    text = _text(value.get("text"))
    username = _str(author.get("username"))
    who = username or author_id
    reporter = Reporter(handle=normalise_handle(who, "instagram") if who else None)
    media = _obj(value.get("media"))
    meta = {"platform": "instagram", "kind": kind, "account_id": account_id, "author_id": author_id,
            "media_id": _str(media.get("id")) or _str(value.get("media_id")),
            "media_product_type": _str(media.get("media_product_type")), "parent_id": _str(value.get("parent_id")),
            **text_entities(text)}
    return social_complaint(f"instagram:comment:{comment_id}", reporter, text, value.get("timestamp"), meta)


def _messenger(platform: str, account_id: str, event: dict) -> Complaint | str:
    message = _obj(event.get("message"))
    sender = _str(_obj(event.get("sender")).get("id"))
    if not message:
        return "messaging event without a message (delivery, read, postback)"
    if message.get("is_echo") or sender == account_id:
        return "message sent by the agency"
    recipient = _str(_obj(event.get("recipient")).get("id"))
    if recipient and recipient != account_id:
        return "message not addressed to the agency account"
    mid = _str(message.get("mid"))
    if not mid:
        raise InvalidEvent("message without mid")
    text = _text(message.get("text"))
    reporter = Reporter(handle=normalise_handle(sender, platform) if sender else None)
    meta = {"platform": platform, "kind": "message", "account_id": account_id, "author_id": sender,
            **text_entities(text)}
    return social_complaint(f"{platform}:message:{mid}", reporter, text, event.get("timestamp"), meta)


def _whatsapp_change(batch: Batch, account: str, change: dict, agency: frozenset[str], replay: dict) -> None:
    if _str(change.get("field")) != "messages":
        batch.ignored.append(f"whatsapp field {_str(change.get('field'))!r} is not handled")
        return
    value = _obj(change.get("value"))
    metadata = _obj(value.get("metadata"))
    number_id = _str(metadata.get("phone_number_id"))
    if agency and account not in agency and number_id not in agency:
        batch.ignored.append("not an agency account")
        return
    names = {_str(c.get("wa_id")): _name(_obj(c.get("profile")).get("name"))
             for c in map(_obj, _list(value.get("contacts")))}
    batch.ignored.extend("whatsapp status update" for _ in _list(value.get("statuses")))
    for message in map(_obj, _list(value.get("messages"))):
        one = {**value, "messages": [message]}
        one.pop("statuses", None)
        single = {"object": replay["object"],
                  "entry": [{"id": account, "changes": [{"field": "messages", "value": one}]}]}
        _collect(batch, lambda m=message: _whatsapp_message(account, metadata, names, m), single)


def _whatsapp_message(account: str, metadata: dict, names: dict, message: dict) -> Complaint | str:
    kind = _str(message.get("type"))
    if kind in ("reaction", "system", "unsupported", "request_welcome"):
        return f"whatsapp {kind} message is not a complaint"
    wamid, sender = _str(message.get("id")), _str(message.get("from"))
    if not wamid or not sender:
        raise InvalidEvent("whatsapp message without id or from")
    try:
        phone = normalise_phone(sender)
    except ValueError as exc:
        raise InvalidEvent("whatsapp sender is not a phone number") from exc
    location = None
    attachment: dict[str, str] = {}
    if kind == "text":
        text = _text(_obj(message.get("text")).get("body"))
    elif kind in ("image", "video", "document"):
        media = _obj(message.get(kind))
        if not _str(media.get("caption")).strip():
            raise InvalidEvent(f"whatsapp {kind} without caption")
        text = _text(media.get("caption"))
        attachment = {"media_id": _str(media.get("id")), "mime_type": _str(media.get("mime_type"))}
    elif kind == "location":
        where = _obj(message.get("location"))
        words = ", ".join(part for part in (_str(where.get("name")), _str(where.get("address"))) if part)
        if not words:
            raise InvalidEvent("whatsapp location without name or address")
        lat, lon = where.get("latitude"), where.get("longitude")
        location = LocationHint(text=words[:500], lat=lat if isinstance(lat, (int, float)) else None,
                                lon=lon if isinstance(lon, (int, float)) else None)
        text = _text(words)
    else:
        raise InvalidEvent(f"whatsapp {kind or 'untyped'} message has no text")
    context = _obj(message.get("context"))
    meta = {"platform": "whatsapp", "kind": "message", "account_id": account,
            "phone_number_id": _str(metadata.get("phone_number_id")),
            "display_phone_number": _str(metadata.get("display_phone_number")), "message_type": kind,
            "reply_to": _str(context.get("id")), "attachment": attachment, **text_entities(text)}
    reporter = Reporter(phone=phone, name=names.get(sender))
    return social_complaint(f"whatsapp:{wamid}", reporter, text, message.get("timestamp"), meta, location)


# --- X -------------------------------------------------------------------------------------------

def x_batch(payload: object, agency: frozenset[str]) -> Batch:
    """Complaints in an Account Activity delivery (``tweet_create_events``, ``direct_message_events``)."""
    batch = Batch()
    payload = _obj(payload)
    for_user = _str(payload.get("for_user_id"))
    if not _addressed_to(for_user, agency):
        batch.ignored.append("not an agency account")
        return batch
    accounts = agency or frozenset({for_user})
    for tweet in map(_obj, _list(payload.get("tweet_create_events"))):
        replay = {"for_user_id": for_user, "tweet_create_events": [tweet]}
        _collect(batch, lambda t=tweet: _tweet(for_user, accounts, t), replay)
    users = _obj(payload.get("users"))
    for event in map(_obj, _list(payload.get("direct_message_events"))):
        sender = _str(_obj(event.get("message_create")).get("sender_id"))
        replay = {"for_user_id": for_user, "direct_message_events": [event], "users": {sender: users.get(sender)}}
        _collect(batch, lambda e=event: _direct_message(for_user, accounts, users, e), replay)
    for name, value in payload.items():
        if name.endswith("_events") and name not in ("tweet_create_events", "direct_message_events"):
            batch.ignored.extend(f"{name} are not complaints" for _ in _list(value))
    return batch


def _entity_lists(entities: dict) -> dict[str, list[str]]:
    """X ``entities`` (posts and DMs share the shape) as plain lists."""
    mentions = list(map(_obj, _list(entities.get("user_mentions"))))
    urls = (_str(u.get("expanded_url")) or _str(u.get("url")) for u in map(_obj, _list(entities.get("urls"))))
    return {
        "mentions": [name for name in (_str(m.get("screen_name")) for m in mentions) if name],
        "mention_ids": [uid for uid in (_str(m.get("id_str")) for m in mentions) if uid],
        "hashtags": [tag for tag in (_str(h.get("text")) for h in map(_obj, _list(entities.get("hashtags")))) if tag],
        "urls": [url for url in urls if url],
    }


def _tweet_entities(tweet: dict) -> dict[str, list[str]]:
    # A long post's entities live in extended_tweet; the top-level ones describe the truncated text.
    extended = _obj(tweet.get("extended_tweet"))
    return _entity_lists(_obj(extended.get("entities")) or _obj(tweet.get("entities")))


def _tweet(for_user: str, accounts: frozenset[str], tweet: dict) -> Complaint | str:
    user = _obj(tweet.get("user"))
    author = _str(user.get("id_str")) or _str(user.get("id"))
    if author in accounts:
        return "the agency's own post"
    if "retweeted_status" in tweet:
        return "repost: no words of the citizen's"
    tweet_id = _str(tweet.get("id_str")) or _str(tweet.get("id"))
    if not tweet_id:
        raise InvalidEvent("post without id_str")
    entities = _tweet_entities(tweet)
    quoted_author = _str(_obj(_obj(tweet.get("quoted_status")).get("user")).get("id_str"))
    reply_to_user = _str(tweet.get("in_reply_to_user_id_str"))
    if reply_to_user in accounts:
        kind = "reply"
    elif quoted_author in accounts:
        kind = "quote"
    elif accounts & set(entities["mention_ids"]):
        kind = "mention"
    else:
        return "post not addressed to the agency"
    extended = _obj(tweet.get("extended_tweet"))
    text = _text(_str(extended.get("full_text")) or _str(tweet.get("full_text")) or _str(tweet.get("text")))
    history = _obj(tweet.get("edit_history"))
    initial = _str(history.get("initial_tweet_id")) or tweet_id
    screen_name = _str(user.get("screen_name"))
    reporter = Reporter(handle=normalise_handle(screen_name or author, "x") if (screen_name or author) else None,
                        name=_name(user.get("name")))
    meta = {"platform": "x", "kind": kind, "account_id": for_user, "author_id": author, "post_id": tweet_id,
            "edited": initial != tweet_id, "in_reply_to_status_id": _str(tweet.get("in_reply_to_status_id_str")),
            "quoted_status_id": _str(tweet.get("quoted_status_id_str")), "lang": _str(tweet.get("lang")),
            "mentions": entities["mentions"], "hashtags": entities["hashtags"], "urls": entities["urls"]}
    when = tweet.get("timestamp_ms") or tweet.get("created_at")
    return social_complaint(f"x:post:{initial}", reporter, text, when, meta)


def _direct_message(for_user: str, accounts: frozenset[str], users: dict, event: dict) -> Complaint | str:
    if _str(event.get("type")) != "message_create":
        return f"direct message event {_str(event.get('type'))!r} is not a message"
    create = _obj(event.get("message_create"))
    sender = _str(create.get("sender_id"))
    recipient = _str(_obj(create.get("target")).get("recipient_id"))
    if sender in accounts:
        return "direct message sent by the agency"
    if recipient not in accounts:
        return "direct message not addressed to the agency"
    dm_id = _str(event.get("id"))
    if not dm_id or not sender:
        raise InvalidEvent("direct message without id or sender")
    data = _obj(create.get("message_data"))
    text = _text(data.get("text"))
    entities = _entity_lists(_obj(data.get("entities")))
    profile = _obj(users.get(sender))
    screen_name = _str(profile.get("screen_name"))
    reporter = Reporter(handle=normalise_handle(screen_name or sender, "x"), name=_name(profile.get("name")))
    meta = {"platform": "x", "kind": "dm", "account_id": for_user, "author_id": sender,
            "mentions": entities["mentions"], "hashtags": entities["hashtags"], "urls": entities["urls"]}
    return social_complaint(f"x:dm:{dm_id}", reporter, text, event.get("created_timestamp"), meta)


# --- HTTP ----------------------------------------------------------------------------------------

def parse_json(raw: bytes) -> object:
    try:
        return load_json_text(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Intake.reject(CHANNEL, 400, "invalid_json", str(exc)[:200]) from exc


async def publish_batch(intake: Intake, batch: Batch, raw: bytes) -> JSONResponse:
    """Answer 200 only once every complaint is acknowledged and every unusable event dead-lettered."""
    try:
        await asyncio.gather(*(intake.accept(c, raw) for c in batch.complaints),
                             *(intake.dead_letter(CHANNEL, one, reason, stage=STAGE) for reason, one in batch.invalid))
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    return JSONResponse(batch.summary())


_SUMMARY = {200: {"content": {"application/json": {"schema": {
    "type": "object", "required": ["accepted", "dead_lettered", "ignored"],
    "properties": {name: {"type": "integer", "minimum": 0} for name in ("accepted", "dead_lettered", "ignored")}}}}}}
_ANY_JSON = {"required": True, "content": {"application/json": {"schema": {}}}}


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


async def signed_body(request: Request, header: str, secret: str, verify) -> bytes:
    """The body, once its provider signature checks out: 401 without one, 403 with a wrong one
    (or when the channel has no secret configured: fail closed)."""
    raw = await read_body(request, MAX_SOCIAL_BYTES, CHANNEL)
    signature = request.headers.get(header)
    if not signature:
        raise Intake.reject(CHANNEL, 401, "missing_signature", f"{header} required")
    if not verify(secret, raw, signature):
        raise Intake.reject(CHANNEL, 403, "invalid_signature" if secret else "channel_not_configured")
    return raw


@router.post("/v1/social/meta", responses={**_SUMMARY, **rejections(400, 401, 403, 413), 503: {}},
             openapi_extra={"requestBody": _ANY_JSON, "parameters": [
                 string_parameter("X-Hub-Signature-256", "header", "sha256=<hex HMAC of the body>", True)]})
async def meta_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    try:
        raw = await signed_body(request, "X-Hub-Signature-256", secret_value(settings.meta_app_secret), verify_meta)
        batch = meta_batch(parse_json(raw), agency_ids(settings.meta_page_ids))
    except Rejected as exc:
        return rejected_response(exc)
    return await publish_batch(intake, batch, raw)


_CRC_ANSWER = {"type": "object", "required": ["response_token"], "properties": {"response_token": {"type": "string"}}}


@router.get("/v1/social/x", responses={200: {"content": {"application/json": {"schema": _CRC_ANSWER}}},
                                       **rejections(400, 403)},
            openapi_extra={"parameters": [string_parameter("crc_token", "query", "challenge to sign", True)]})
async def x_crc(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> Response:
    token = request.query_params.get("crc_token", "")
    if not CRC_TOKEN.match(token):
        return rejected_response(Intake.reject(CHANNEL, 400, "invalid_crc_token"))
    secret = secret_value(settings.x_consumer_secret)
    if not secret:
        return rejected_response(Intake.reject(CHANNEL, 403, "channel_not_configured"))
    return JSONResponse({"response_token": x_signature(secret, token.encode())})


@router.post("/v1/social/x", responses={**_SUMMARY, **rejections(400, 401, 403, 413), 503: {}},
             openapi_extra={"requestBody": _ANY_JSON, "parameters": [
                 string_parameter("x-twitter-webhooks-signature", "header", "sha256=<base64 HMAC of the body>", True)]})
async def x_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    try:
        raw = await signed_body(request, "x-twitter-webhooks-signature", secret_value(settings.x_consumer_secret),
                                verify_x)
        batch = x_batch(parse_json(raw), agency_ids(settings.x_account_ids))
    except Rejected as exc:
        return rejected_response(exc)
    return await publish_batch(intake, batch, raw)
