"""Meta webhooks: ``GET|POST /v1/social/meta`` for a Facebook Page, Instagram, Messenger and the
WhatsApp Cloud API.

``GET  /v1/social/meta``  subscription handshake: echoes ``hub.challenge`` when ``hub.verify_token`` matches.
``POST /v1/social/meta``  ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>``.

(Meta for Developers, "Webhooks: Getting started", https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
and the WhatsApp Cloud API webhook reference, https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components.)

What counts as a complaint: only what is addressed to an agency account (``ADUAN_META_PAGE_IDS``;
when empty, the account the webhook was delivered for):

* Facebook Page feed (Graph API webhooks reference, Page, field ``feed``): visitor posts and
  comments (``verb: add``), photo and video posts with or without a message (``item: photo|video``,
  ``link``/``photos[]``: fetched into the blob store), and Messenger messages to the Page. ``verb``
  ``edited`` is a ``ComplaintRevision`` (``edited``, with the new text), ``remove`` → ``withdrawn``,
  ``hide``/``unhide`` → ``hidden``/``unhidden``: appended to the complaint's history, its content
  stays as first received. The Page's own posts, reactions, likes and shares are ignored.
* Messenger (Messenger Platform webhooks, ``messages``, ``messaging_postbacks``, ``message_edits``):
  text and ``message.attachments[]`` (``image``/``video``/``audio``/``file``: fetched from
  ``payload.url``; ``location``: ``payload.coordinates``; ``fallback``: a shared link); a
  ``quick_reply`` or a ``postback`` is a ``CitizenAnswer``; a ``message_edit`` a revision.
* Instagram: comments on the account's media, direct messages (as Messenger), and ``mentions``,
  which carry ids only: the caption or the comment is read with the Graph API
  (``GET /{ig-user-id}?fields=mentioned_comment.comment_id(ID){…}`` or
  ``mentioned_media.media_id(ID){caption,media_type,media_url,…}``) with ``ADUAN_META_ACCESS_TOKEN``.
* WhatsApp (Cloud API webhook reference, ``messages``): ``text``; ``image``/``video``/``audio``
  (voice notes)/``document``/``sticker`` with or without caption (media fetched with
  ``GET /{media-id}``); ``location`` with only latitude/longitude (name and address are optional);
  ``interactive`` ``button_reply``/``list_reply`` and template ``button`` replies and bare keywords
  (``YA``, ``BELUM``) are ``CitizenAnswer``s; ``STOP``/``BERHENTI`` a ``ContactPreference``.
  ``statuses[]`` that answer aduan's own messages (``biz_opaque_callback_data`` = the notification
  reference) are delivery receipts for ``complaints.notifications`` (``producers.receipts``), other
  statuses, reactions, ``system`` and ``unsupported`` messages are ignored; a shared contact
  card is dead-lettered for an operator. Users who adopted a username arrive with a business-scoped
  user id (``from_user_id``, ``contacts[].user_id``; "Business-scoped user IDs", Meta for
  Developers) and maybe no phone number: ``Reporter.bsuid``; ``parent_user_id`` and ``username``
  are kept in ``channel_meta``. The ``wamid`` embeds the sender's number: it is the provider
  message id (operators only; others read a keyed hash, ``consumers.redaction``).

Media without text is a complaint with an Indonesian placeholder text (``producers.media``) and
``channel_meta.media_only``; every complaint carries ``channel_meta.sender_key`` (the reporter's
``channel:kind:value``) so the stream stage can join one sender's photo and the text after it.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse, Response

from aduan.core.settings import Settings
from producers import answers
from producers.http import get_intake, get_settings, rejected_response, rejections, string_parameter
from producers.intake import Intake, Record
from producers.media import MediaFetcher, MediaRef, coordinate, text_or_placeholder
from producers.receipts import whatsapp_status
from producers.signatures import constant_time_equal, secret_value, verify_meta
from producers.social.common import (CHANNEL, WEBHOOK_RESPONSES, Batch, InvalidEvent, Lookup, WithMedia, addressed_to,
                                     agency_ids, as_dict, as_list, as_str, collect, display_name, event_text,
                                     parse_time, receive_batch, social_complaint, webhook_openapi)
from schemas.contact import normalise_handle, normalise_phone
from schemas.events import ComplaintRevision, LocationHint, MediaKind, Reporter
from schemas.ids import complaint_id as derive_id

router = APIRouter(tags=["intake"])

MAX_CHALLENGE_CHARS = 512
MAX_MEDIA_PER_EVENT = 10

_HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{1,64})")
_URL = re.compile(r"https?://[^\s<>\"']+")
_FEED_REVISIONS = {"edited": "edited", "remove": "withdrawn", "hide": "hidden", "unhide": "unhidden"}
_MESSENGER_KINDS: dict[str, MediaKind] = {"image": "image", "video": "video", "audio": "audio", "file": "document"}
_IG_MEDIA_KINDS: dict[str, MediaKind] = {"IMAGE": "image", "CAROUSEL_ALBUM": "image", "VIDEO": "video", "REELS": "video"}


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


def _complaint(provider_message_id: str, reporter: Reporter, text: str, when: object, meta: dict,
               media: list[MediaRef], location: LocationHint | None = None) -> WithMedia:
    """A social complaint whose text may be a placeholder (media or pin only), with its media to fetch."""
    text, media_only = text_or_placeholder(text, media, location is not None and location.lat is not None)
    meta = {**meta, "media_only": media_only or None, "sender_key": answers.contact_key(CHANNEL, reporter),
            **(text_entities(text) if not media_only else {})}
    return WithMedia(social_complaint(provider_message_id, reporter, event_text(text), when, meta, location), media)


def _optional_text(value: object) -> str:
    """A caption or message that may be absent (media carries the complaint then)."""
    text = as_str(value).replace("\x00", "").strip()
    return event_text(text) if text else ""


def revision(provider_message_id: str, kind: str, provider: str, when: object, text: str | None = None,
             ) -> ComplaintRevision:
    at = parse_time(when)
    return ComplaintRevision(
        revision_id=derive_id(CHANNEL, f"revision:{provider_message_id}:{kind}:{at.isoformat()}"),
        complaint_id=derive_id(CHANNEL, provider_message_id), channel=CHANNEL, kind=kind, provider=provider,
        text=text or None, at=at)


def _facebook_feed(page_id: str, change: dict) -> WithMedia | Record | str:
    if as_str(change.get("field")) != "feed":
        return f"page field {as_str(change.get('field'))!r} is not handled"
    value = as_dict(change.get("value"))
    item, verb = as_str(value.get("item")), as_str(value.get("verb"))
    if verb != "add" and verb not in _FEED_REVISIONS:
        return f"feed verb {verb!r} is not handled"
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
    provider_message_id = f"facebook:{kind}:{message_id}"
    when = value.get("created_time")
    if verb != "add":
        text = as_str(value.get("message")).strip()[:20_000] if verb == "edited" else None
        return revision(provider_message_id, _FEED_REVISIONS[verb], "facebook", when, text)
    media = _feed_media(item, value)
    reporter = Reporter(handle=normalise_handle(author_id, "facebook") if author_id else None,
                        name=display_name(author.get("name")))
    meta = {"platform": "facebook", "kind": kind, "item": item, "account_id": page_id, "author_id": author_id,
            "post_id": as_str(value.get("post_id")), "parent_id": as_str(value.get("parent_id")),
            "photo_id": as_str(value.get("photo_id")), "video_id": as_str(value.get("video_id"))}
    return _complaint(provider_message_id, reporter, _optional_text(value.get("message")), when, meta, media)


def _feed_media(item: str, value: dict) -> list[MediaRef]:
    """A photo or video post's media: ``link`` (the photo) or ``photos[]`` (a multi-photo post)."""
    links = [as_str(url) for url in as_list(value.get("photos"))]
    if item in ("photo", "video") and as_str(value.get("link")):
        links.insert(0, as_str(value.get("link")))
    kind: MediaKind = "video" if item == "video" else "image"
    return [MediaRef(provider="facebook", kind=kind, url=url) for url in links[:MAX_MEDIA_PER_EVENT] if url]


def _instagram_change(account_id: str, change: dict) -> WithMedia | Lookup | str:
    field_name = as_str(change.get("field"))
    value = as_dict(change.get("value"))
    author = as_dict(value.get("from"))
    author_id = as_str(author.get("id"))
    if field_name in ("comments", "live_comments"):
        if author_id and author_id == account_id:
            return "the account's own comment"
        comment_id, kind = as_str(value.get("id")), "comment"
    elif field_name == "mentions":
        comment_id, kind = as_str(value.get("comment_id")), "mention"
        if not as_str(value.get("text")).strip():
            media_id = as_str(value.get("media_id"))
            if not (comment_id or media_id):
                raise InvalidEvent("instagram mention without comment_id or media_id")
            return Lookup(lambda fetcher: _instagram_mention(fetcher, account_id, media_id, comment_id))
    else:
        return f"instagram field {field_name!r} is not handled"
    if not comment_id:
        raise InvalidEvent(f"instagram {field_name} without id")
    text = event_text(value.get("text"))
    username = as_str(author.get("username"))
    media = as_dict(value.get("media"))
    meta = {"platform": "instagram", "kind": kind, "account_id": account_id, "author_id": author_id,
            "media_id": as_str(media.get("id")) or as_str(value.get("media_id")),
            "media_product_type": as_str(media.get("media_product_type")), "parent_id": as_str(value.get("parent_id"))}
    return _complaint(f"instagram:comment:{comment_id}", _instagram_reporter(username or author_id), text,
                      value.get("timestamp"), meta, [])


def _instagram_reporter(who: str) -> Reporter:
    return Reporter(handle=normalise_handle(who, "instagram") if who else None)


MENTIONED_COMMENT_FIELDS = "text,timestamp,username,id,media{id,media_type,media_url}"
MENTIONED_MEDIA_FIELDS = "caption,media_type,media_url,timestamp,username,permalink,id"


async def _instagram_mention(fetcher: MediaFetcher, account_id: str, media_id: str, comment_id: str) -> WithMedia:
    """The mention's text from the Graph API (Instagram Platform, "Mentions": ``mentioned_comment`` /
    ``mentioned_media`` of the IG user), and the mentioned post's photo or video."""
    if comment_id:
        found = await fetcher.graph_get(account_id, {
            "fields": f"mentioned_comment.comment_id({comment_id}){{{MENTIONED_COMMENT_FIELDS}}}"})
        node = as_dict(found.get("mentioned_comment"))
        text, media = as_str(node.get("text")), as_dict(node.get("media"))
        provider_message_id = f"instagram:comment:{comment_id}"
    else:
        found = await fetcher.graph_get(account_id, {
            "fields": f"mentioned_media.media_id({media_id}){{{MENTIONED_MEDIA_FIELDS}}}"})
        node = as_dict(found.get("mentioned_media"))
        text, media = as_str(node.get("caption")), node
        provider_message_id = f"instagram:media:{media_id}"
    if not node:
        raise InvalidEvent("Graph API answered without the mentioned comment or media")
    refs = [MediaRef(provider="instagram", kind=_IG_MEDIA_KINDS.get(as_str(media.get("media_type")), "image"),
                     url=as_str(media.get("media_url")))] if as_str(media.get("media_url")) else []
    meta = {"platform": "instagram", "kind": "mention", "account_id": account_id, "fetched": "graph_api",
            "media_id": media_id or as_str(media.get("id")), "permalink": as_str(node.get("permalink"))}
    return _complaint(provider_message_id, _instagram_reporter(as_str(node.get("username"))),
                      _optional_text(text), node.get("timestamp"), meta, refs)


def _messenger(platform: str, account_id: str, event: dict) -> WithMedia | Record | str:
    sender = as_str(as_dict(event.get("sender")).get("id"))
    reporter = Reporter(handle=normalise_handle(sender, platform) if sender else None)
    if sender == account_id:
        return "message sent by the agency"
    edit = as_dict(event.get("message_edit"))
    if edit:
        mid = as_str(edit.get("mid"))
        if not mid:
            raise InvalidEvent("message_edit without mid")
        return revision(f"{platform}:message:{mid}", "edited", platform, event.get("timestamp"),
                        as_str(edit.get("text")).strip()[:20_000])
    postback = as_dict(event.get("postback"))
    if postback:
        mid = as_str(postback.get("mid")) or f"postback:{sender}:{as_str(event.get('timestamp'))}"
        return answers.answer(CHANNEL, f"{platform}:message:{mid}", reporter, "button",
                              as_str(postback.get("payload")), as_str(postback.get("title")) or None,
                              parse_time(event.get("timestamp")))
    message = as_dict(event.get("message"))
    if not message:
        return "messaging event without a message (delivery, read, reaction)"
    if message.get("is_echo"):
        return "message sent by the agency"
    recipient = as_str(as_dict(event.get("recipient")).get("id"))
    if recipient and recipient != account_id:
        return "message not addressed to the agency account"
    mid = as_str(message.get("mid"))
    if not mid:
        raise InvalidEvent("message without mid")
    provider_message_id = f"{platform}:message:{mid}"
    quick = as_dict(message.get("quick_reply"))
    if quick:
        return answers.answer(CHANNEL, provider_message_id, reporter, "quick_reply", as_str(quick.get("payload")),
                              as_str(message.get("text")) or None, parse_time(event.get("timestamp")),
                              as_str(as_dict(message.get("reply_to")).get("mid")) or None)
    media, location, links = [], None, []
    for attachment in map(as_dict, as_list(message.get("attachments"))[:MAX_MEDIA_PER_EVENT]):
        kind, payload = as_str(attachment.get("type")), as_dict(attachment.get("payload"))
        if kind in _MESSENGER_KINDS and as_str(payload.get("url")):
            media_kind = "sticker" if payload.get("sticker_id") else _MESSENGER_KINDS[kind]
            media.append(MediaRef(provider=platform, kind=media_kind, url=as_str(payload.get("url"))))
        elif kind == "location":
            where = as_dict(payload.get("coordinates"))
            lat, lon = coordinate(where.get("lat"), 90), coordinate(where.get("long"), 180)
            title = as_str(attachment.get("title")) or as_str(payload.get("title"))
            if lat is not None and lon is not None:
                location = LocationHint(lat=lat, lon=lon, text=title[:500] or None)
        elif kind == "fallback":
            links.append(as_str(payload.get("url")) or as_str(attachment.get("url")))
    meta = {"platform": platform, "kind": "message", "account_id": account_id, "author_id": sender,
            "shared_links": [link for link in links if link]}
    return _complaint(provider_message_id, reporter, _optional_text(message.get("text")), event.get("timestamp"),
                      meta, media, location)


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
    contacts: dict[str, dict] = {}
    for contact in map(as_dict, as_list(value.get("contacts"))):
        for key in (as_str(contact.get("wa_id")), as_str(contact.get("user_id"))):
            if key:
                contacts[key] = contact
    # One webhook URL per WhatsApp Business account: the delivery receipts of aduan's own messages
    # (``biz_opaque_callback_data`` is their notification reference) arrive here beside the citizens' messages.
    for status in as_list(value.get("statuses")):
        found = whatsapp_status(status)
        if found is None:
            batch.ignored.append("whatsapp status update")
        else:
            batch.records.append(found)
    for message in map(as_dict, as_list(value.get("messages"))):
        one = {**value, "messages": [message]}
        one.pop("statuses", None)
        single = {"object": replay["object"],
                  "entry": [{"id": account, "changes": [{"field": "messages", "value": one}]}]}
        collect(batch, lambda m=message: _whatsapp_message(account, metadata, contacts, m), single)


def whatsapp_sender(message: dict, contacts: dict[str, dict]) -> tuple[Reporter, dict[str, str]]:
    """The sender: phone (``from``/``wa_id``) when Meta shares it, the business-scoped user id
    (``from_user_id``/``contacts[].user_id``) always for username users; parent BSUID and username."""
    sender, bsuid = as_str(message.get("from")), as_str(message.get("from_user_id"))
    contact = contacts.get(sender) or contacts.get(bsuid) or (next(iter(contacts.values())) if len(contacts) == 1
                                                              else {})
    bsuid = bsuid or as_str(contact.get("user_id"))
    profile = as_dict(contact.get("profile"))
    username = as_str(profile.get("username")) or as_str(contact.get("username"))
    phone = None
    if sender and not sender.startswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
        try:
            phone = normalise_phone(sender)
        except ValueError as exc:
            raise InvalidEvent("whatsapp sender is not a phone number") from exc
    if phone is None and not bsuid:
        raise InvalidEvent("whatsapp message without a phone number or business-scoped user id")
    name = display_name(profile.get("name")) or display_name(username)
    identity = {"bsuid": bsuid, "parent_user_id": as_str(message.get("from_parent_user_id"))
                or as_str(contact.get("parent_user_id")), "username": username}
    return Reporter(phone=phone, bsuid=bsuid[:200] or None, name=name), identity


def _whatsapp_message(account: str, metadata: dict, contacts: dict, message: dict) -> WithMedia | Record | str:
    kind = as_str(message.get("type"))
    if kind in ("reaction", "system", "unsupported", "request_welcome"):
        return f"whatsapp {kind} message is not a complaint"
    wamid = as_str(message.get("id"))
    if not wamid:
        raise InvalidEvent("whatsapp message without id")
    reporter, identity = whatsapp_sender(message, contacts)
    provider_message_id = f"whatsapp:{wamid}"
    context = as_str(as_dict(message.get("context")).get("id")) or None
    when = parse_time(message.get("timestamp"))
    media: list[MediaRef] = []
    location = None
    if kind == "text":
        text = event_text(as_dict(message.get("text")).get("body"))
        made = answers.from_keyword(CHANNEL, provider_message_id, reporter, text, when, context)
        if made is not None:
            return made
    elif kind in ("image", "video", "audio", "document", "sticker"):
        item = as_dict(message.get(kind))
        text = _optional_text(item.get("caption"))
        if not as_str(item.get("id")):
            raise InvalidEvent(f"whatsapp {kind} without media id")
        media_kind: MediaKind = kind  # type: ignore[assignment]
        media = [MediaRef(provider="whatsapp", kind=media_kind, media_id=as_str(item.get("id")),
                          declared_type=as_str(item.get("mime_type")) or None,
                          filename=as_str(item.get("filename")) or None)]
    elif kind == "location":
        where = as_dict(message.get("location"))
        words = ", ".join(part for part in (as_str(where.get("name")), as_str(where.get("address"))) if part)
        lat, lon = coordinate(where.get("latitude"), 90), coordinate(where.get("longitude"), 180)
        if lat is None or lon is None:
            if not words:
                raise InvalidEvent("whatsapp location without coordinates, name or address")
            lat = lon = None
        location = LocationHint(text=words[:500] or None, lat=lat, lon=lon)
        text = _optional_text(words)
    elif kind == "interactive":
        reply = as_dict(message.get("interactive"))
        reply_type = as_str(reply.get("type"))
        chosen = as_dict(reply.get(reply_type))
        if reply_type not in ("button_reply", "list_reply") or not chosen:
            raise InvalidEvent(f"whatsapp interactive {reply_type or 'untyped'} reply is not handled")
        return answers.answer(CHANNEL, provider_message_id, reporter,
                              "button" if reply_type == "button_reply" else "list", as_str(chosen.get("id")),
                              as_str(chosen.get("title")) or None, when, context)
    elif kind == "button":
        button = as_dict(message.get("button"))
        return answers.answer(CHANNEL, provider_message_id, reporter, "button", as_str(button.get("payload")),
                              as_str(button.get("text")) or None, when, context)
    else:
        raise InvalidEvent(f"whatsapp {kind or 'untyped'} message is not a complaint")
    meta = {"platform": "whatsapp", "kind": "message", "account_id": account,
            "phone_number_id": as_str(metadata.get("phone_number_id")),
            "display_phone_number": as_str(metadata.get("display_phone_number")), "message_type": kind,
            "reply_to": context, **{k: v for k, v in identity.items() if k != "bsuid"}}
    return _complaint(provider_message_id, reporter, text, message.get("timestamp"), meta, media, location)


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
