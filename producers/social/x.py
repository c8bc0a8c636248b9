"""The X Account Activity API: ``GET|POST /v1/social/x``.

``GET  /v1/social/x``     CRC: ``{"response_token": "sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}``.
``POST /v1/social/x``     ``x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(consumer secret, body)>``.

(X developer platform, "Account Activity API",
https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/overview, and its guide
"Securing webhooks", https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks.)

What counts as a complaint: mentions of, replies to and quote posts of an agency account
(``ADUAN_X_ACCOUNT_IDS``; when empty, the account the webhook was delivered for), and DMs it
receives. The agency's own posts and the DMs it sends are ignored, and so are reposts
(retweets): a repost adds no words of the citizen's.

An edited post is identified by ``edit_history.initial_tweet_id`` (X Activity API: the first of
``edit_history_tweet_ids``); content being written once, the edit is a ``ComplaintRevision(kind="edited")`` of
the complaint of the initial post, published to ``complaints.revisions``, never a second submission. Deleted
posts (Account Activity ``tweet_delete_events``, X Activity ``post.delete``) are ``withdrawn`` revisions.

The X Activity API (https://docs.x.com/x-api/activity/introduction, event payloads:
https://docs.x.com/x-api/activity/event-payloads) delivers ``{"data": {"event_uuid", "filter": {"user_id"},
"event_type", "tag", "payload", "includes"}}`` to the same webhook (same CRC and signature); a ``post.create``
(a post of the filtered user) or ``post.mention.create`` (a post mentioning it) payload is an X API v2 Post (``id``, ``text``, ``author_id``, ``in_reply_to_user_id``, ``entities.mentions``,
``edit_history_tweet_ids``, ``created_at``; the author in ``includes.users``), read here as the Account
Activity post it describes, under the same ``x:post:<initial id>`` provider id, so a post delivered by both
APIs is one complaint. ``post.delete`` carries only the post's ``id`` and ``author_id``. Direct messages arrive
through Account Activity's ``direct_message_events``.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from aduan.core.settings import Settings
from aduan.core.connections import BrokerUnavailable
from producers.http import get_intake, get_settings, rejected_response, rejections, string_parameter, unavailable
from producers.intake import Intake, Rejected
from producers.media import MediaRef
from producers.signatures import secret_value, verify_x, x_signature
from producers.social.common import (CHANNEL, WEBHOOK_RESPONSES, Batch, InvalidEvent, addressed_to, agency_ids,
                                     as_dict, as_list, as_str, collect, display_name, event_text, parse_json, parse_time,
                                     publish_batch, signed_body, social_complaint, webhook_openapi, WithMedia)
from schemas.contact import normalise_handle
from schemas.events import Complaint, ComplaintRevision, Reporter
from schemas.ids import complaint_id as derive_complaint_id
from schemas.topics import REVISIONS

router = APIRouter(tags=["intake"])

# CRC tokens X sends are short URL-safe strings. Refusing anything else closes the signing
# oracle: the CRC answer is an HMAC of caller-chosen bytes under the same key as the POST
# signature, so a CRC for a JSON body (which starts with "{") would forge that body's signature.
MAX_MEDIA_PER_POST = 4  # X allows 4 photos, or one video or GIF, per post
CRC_TOKEN = re.compile(r"^[A-Za-z0-9_\-+/=.:]{1,256}$")


def x_batch(payload: object, agency: frozenset[str]) -> Batch:
    """Complaints in an Account Activity delivery (``tweet_create_events``, ``direct_message_events``) or an
    X Activity API event (``post.create``). Edits and deletions are revisions (``x_revisions``), not complaints."""
    batch = Batch()
    payload = _as_account_activity(as_dict(payload), agency)
    for_user = as_str(payload.get("for_user_id"))
    if not addressed_to(for_user, agency):
        batch.ignored.append("not an agency account")
        return batch
    accounts = agency or frozenset({for_user})
    for tweet in map(as_dict, as_list(payload.get("tweet_create_events"))):
        if _edit_of(tweet):
            batch.ignored.append("edit: recorded as a revision")
            continue
        replay = {"for_user_id": for_user, "tweet_create_events": [tweet]}
        collect(batch, lambda t=tweet: _tweet(for_user, accounts, t), replay)
    users = as_dict(payload.get("users"))
    for event in map(as_dict, as_list(payload.get("direct_message_events"))):
        sender = as_str(as_dict(event.get("message_create")).get("sender_id"))
        replay = {"for_user_id": for_user, "direct_message_events": [event], "users": {sender: users.get(sender)}}
        collect(batch, lambda e=event: _direct_message(for_user, accounts, users, e), replay)
    for name, value in payload.items():
        if name.endswith("_events") and name not in ("tweet_create_events", "direct_message_events",
                                                     "tweet_delete_events"):
            batch.ignored.extend(f"{name} are not complaints" for _ in as_list(value))
    return batch


def _edit_of(tweet: dict) -> str | None:
    """The initial post's id when this post is an edit of it."""
    initial = as_str(as_dict(tweet.get("edit_history")).get("initial_tweet_id"))
    tweet_id = as_str(tweet.get("id_str")) or as_str(tweet.get("id"))
    return initial if initial and tweet_id and initial != tweet_id else None


def _as_account_activity(payload: dict, agency: frozenset[str]) -> dict:
    """An X Activity API event as the Account Activity delivery it amounts to (anything else unchanged)."""
    data = as_dict(payload.get("data"))
    kind = as_str(data.get("event_type"))
    if not kind:
        return payload
    post = as_dict(data.get("payload"))
    for_user = next(iter(sorted(agency)), "") or as_str(as_dict(data.get("filter")).get("user_id"))
    if kind == "post.delete":
        # Documented payload: only the post's ``id`` and ``author_id`` (no time): the revision's id does not
        # depend on a time (``x_revisions``), and its time is when the deletion was heard of.
        return {"for_user_id": for_user, "tweet_delete_events": [{
            "status": {"id": as_str(post.get("id")), "user_id": as_str(post.get("author_id"))}}]}
    # ``post.create`` is a post of the filtered user; ``post.mention.create`` one that mentions the filtered
    # user (the agency's account): the citizen's post. Both payloads are X API v2 Posts.
    if kind not in ("post.create", "post.mention.create"):
        return {"for_user_id": for_user, f"{kind.replace('.', '_')}_events": [data]}
    users = {as_str(u.get("id")): u for u in map(as_dict, as_list(as_dict(data.get("includes")).get("users")))}
    author = as_str(post.get("author_id"))
    entities = as_dict(post.get("entities"))
    history = [as_str(i) for i in as_list(post.get("edit_history_tweet_ids")) if as_str(i)]
    referenced = {as_str(r.get("type")): as_str(r.get("id")) for r in map(as_dict, as_list(post.get("referenced_tweets")))}
    tweet = {
        "id_str": as_str(post.get("id")), "text": post.get("text"), "timestamp_ms": _iso_ms(post.get("created_at")),
        "lang": post.get("lang"), "in_reply_to_user_id_str": as_str(post.get("in_reply_to_user_id")),
        "in_reply_to_status_id_str": referenced.get("replied_to", ""), "quoted_status_id_str": referenced.get("quoted", ""),
        "user": {"id_str": author, "screen_name": as_str(users.get(author, {}).get("username")),
                 "name": users.get(author, {}).get("name")},
        "entities": {"user_mentions": [{"screen_name": as_str(m.get("username")), "id_str": as_str(m.get("id"))}
                                       for m in map(as_dict, as_list(entities.get("mentions")))],
                     "hashtags": [{"text": as_str(h.get("tag"))} for h in map(as_dict, as_list(entities.get("hashtags")))],
                     "urls": [{"expanded_url": as_str(u.get("expanded_url"))} for u in map(as_dict, as_list(entities.get("urls")))]},
        "edit_history": {"initial_tweet_id": history[0] if history else as_str(post.get("id"))},
    }
    if "retweeted" in referenced:
        tweet["retweeted_status"] = {"id_str": referenced["retweeted"]}
    # X API v2 media: ``attachments.media_keys`` of the post, the media objects (``type`` photo|video|animated_gif,
    # ``url`` of a photo, ``variants[]`` of a video) in ``includes.media``; as v1.1 ``extended_entities.media``.
    media = {as_str(m.get("media_key")): m for m in map(as_dict, as_list(as_dict(data.get("includes")).get("media")))}
    keys = [as_str(k) for k in as_list(as_dict(post.get("attachments")).get("media_keys"))]
    found = [media[k] for k in keys if k in media]
    if found:
        tweet["extended_entities"] = {"media": [
            {"type": as_str(m.get("type")), "media_url_https": as_str(m.get("url")),
             "video_info": {"variants": [{"content_type": as_str(v.get("content_type")), "url": as_str(v.get("url")),
                                          "bitrate": v.get("bit_rate", 0)} for v in map(as_dict, as_list(m.get("variants")))]}}
            for m in found]}
    return {"for_user_id": for_user, "tweet_create_events": [tweet], "x_activity_event": as_str(data.get("event_uuid"))}


def _tweet_media(tweet: dict) -> list[MediaRef]:
    """A post's photos and videos (v1.1 ``extended_entities.media``): a photo's ``media_url_https``, a video's
    or GIF's mp4 variant of the highest bitrate, fetched from X's CDN without credentials."""
    extended = as_dict(as_dict(tweet.get("extended_tweet")).get("extended_entities")) or as_dict(tweet.get("extended_entities"))
    refs = []
    for item in map(as_dict, as_list(extended.get("media"))):
        kind = as_str(item.get("type"))
        if kind == "photo" and as_str(item.get("media_url_https")):
            refs.append(MediaRef(provider="x", kind="image", url=as_str(item.get("media_url_https"))))
        elif kind in ("video", "animated_gif"):
            variants = [as_dict(v) for v in as_list(as_dict(item.get("video_info")).get("variants"))
                        if as_str(as_dict(v).get("content_type")) == "video/mp4" and as_str(as_dict(v).get("url"))]
            best = max(variants, key=lambda v: v.get("bitrate") or 0, default=None)
            if best is not None:
                refs.append(MediaRef(provider="x", kind="video", url=as_str(best["url"]), declared_type="video/mp4"))
    return refs[:MAX_MEDIA_PER_POST]


def _iso_ms(value: object) -> str | None:
    """X API v2 times (``2026-07-24T21:05:48.000Z``) as Account Activity's ``timestamp_ms``."""
    try:
        return str(int(datetime.fromisoformat(as_str(value).replace("Z", "+00:00")).timestamp() * 1000))
    except ValueError:
        return None


def x_revisions(payload: object, agency: frozenset[str]) -> list[ComplaintRevision]:
    """Edits (``edit_history``) and deletions (``tweet_delete_events``, ``post.delete``) of posts in a delivery."""
    payload = _as_account_activity(as_dict(payload), agency)
    if not addressed_to(as_str(payload.get("for_user_id")), agency):
        return []
    revisions = []
    for event in map(as_dict, as_list(payload.get("tweet_delete_events"))):
        post_id = as_str(as_dict(event.get("status")).get("id"))
        if post_id:  # a post is deleted once: one revision id whichever API reports it, however often
            revisions.append(_revision(post_id, "withdrawn", None, event.get("timestamp_ms"), "deleted"))
    for tweet in map(as_dict, as_list(payload.get("tweet_create_events"))):
        initial = _edit_of(tweet)
        if initial:
            extended = as_dict(tweet.get("extended_tweet"))
            text = event_text(as_str(extended.get("full_text")) or as_str(tweet.get("full_text")) or as_str(tweet.get("text")))
            revisions.append(_revision(initial, "edited", text, tweet.get("timestamp_ms") or tweet.get("created_at"),
                                       as_str(tweet.get("id_str"))))
    return revisions


def _revision(post_id: str, kind: str, text: str | None, when: object, version: str = "") -> ComplaintRevision:
    at = parse_time(when)
    complaint = derive_complaint_id(CHANNEL, f"x:post:{post_id}")
    revision_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"aduan:revision:x:{post_id}:{kind}:{version or at.isoformat()}"))
    return ComplaintRevision(revision_id=revision_id, complaint_id=complaint, channel=CHANNEL, kind=kind, text=text,
                             provider="x", at=at)


def _entity_lists(entities: dict) -> dict[str, list[str]]:
    """X ``entities`` (posts and DMs share the shape) as plain lists."""
    mentions = list(map(as_dict, as_list(entities.get("user_mentions"))))
    urls = (as_str(u.get("expanded_url")) or as_str(u.get("url")) for u in map(as_dict, as_list(entities.get("urls"))))
    return {
        "mentions": [name for name in (as_str(m.get("screen_name")) for m in mentions) if name],
        "mention_ids": [uid for uid in (as_str(m.get("id_str")) for m in mentions) if uid],
        "hashtags": [tag for tag in (as_str(h.get("text")) for h in map(as_dict, as_list(entities.get("hashtags"))))
                     if tag],
        "urls": [url for url in urls if url],
    }


def _tweet_entities(tweet: dict) -> dict[str, list[str]]:
    # A long post's entities live in extended_tweet; the top-level ones describe the truncated text.
    extended = as_dict(tweet.get("extended_tweet"))
    return _entity_lists(as_dict(extended.get("entities")) or as_dict(tweet.get("entities")))


def _tweet(for_user: str, accounts: frozenset[str], tweet: dict) -> Complaint | str:
    user = as_dict(tweet.get("user"))
    author = as_str(user.get("id_str")) or as_str(user.get("id"))
    if author in accounts:
        return "the agency's own post"
    if "retweeted_status" in tweet:
        return "repost: no words of the citizen's"
    tweet_id = as_str(tweet.get("id_str")) or as_str(tweet.get("id"))
    if not tweet_id:
        raise InvalidEvent("post without id_str")
    entities = _tweet_entities(tweet)
    quoted_author = as_str(as_dict(as_dict(tweet.get("quoted_status")).get("user")).get("id_str"))
    reply_to_user = as_str(tweet.get("in_reply_to_user_id_str"))
    if reply_to_user in accounts:
        kind = "reply"
    elif quoted_author in accounts:
        kind = "quote"
    elif accounts & set(entities["mention_ids"]):
        kind = "mention"
    else:
        return "post not addressed to the agency"
    extended = as_dict(tweet.get("extended_tweet"))
    text = event_text(as_str(extended.get("full_text")) or as_str(tweet.get("full_text")) or as_str(tweet.get("text")))
    history = as_dict(tweet.get("edit_history"))
    initial = as_str(history.get("initial_tweet_id")) or tweet_id
    screen_name = as_str(user.get("screen_name"))
    reporter = Reporter(handle=normalise_handle(screen_name or author, "x") if (screen_name or author) else None,
                        name=display_name(user.get("name")))
    meta = {"platform": "x", "kind": kind, "account_id": for_user, "author_id": author, "post_id": tweet_id,
            "edited": initial != tweet_id, "in_reply_to_status_id": as_str(tweet.get("in_reply_to_status_id_str")),
            "quoted_status_id": as_str(tweet.get("quoted_status_id_str")), "lang": as_str(tweet.get("lang")),
            "mentions": entities["mentions"], "hashtags": entities["hashtags"], "urls": entities["urls"]}
    when = tweet.get("timestamp_ms") or tweet.get("created_at")
    complaint = social_complaint(f"x:post:{initial}", reporter, text, when, meta)
    media = _tweet_media(tweet)
    return WithMedia(complaint, media) if media else complaint


def _direct_message(for_user: str, accounts: frozenset[str], users: dict, event: dict) -> Complaint | str:
    if as_str(event.get("type")) != "message_create":
        return f"direct message event {as_str(event.get('type'))!r} is not a message"
    create = as_dict(event.get("message_create"))
    sender = as_str(create.get("sender_id"))
    recipient = as_str(as_dict(create.get("target")).get("recipient_id"))
    if sender in accounts:
        return "direct message sent by the agency"
    if recipient not in accounts:
        return "direct message not addressed to the agency"
    dm_id = as_str(event.get("id"))
    if not dm_id or not sender:
        raise InvalidEvent("direct message without id or sender")
    data = as_dict(create.get("message_data"))
    text = event_text(data.get("text"))
    entities = _entity_lists(as_dict(data.get("entities")))
    profile = as_dict(users.get(sender))
    screen_name = as_str(profile.get("screen_name"))
    reporter = Reporter(handle=normalise_handle(screen_name or sender, "x"), name=display_name(profile.get("name")))
    meta = {"platform": "x", "kind": "dm", "account_id": for_user, "author_id": sender,
            "mentions": entities["mentions"], "hashtags": entities["hashtags"], "urls": entities["urls"]}
    return social_complaint(f"x:dm:{dm_id}", reporter, text, event.get("created_timestamp"), meta)


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


@router.post("/v1/social/x", responses=WEBHOOK_RESPONSES,
             openapi_extra=webhook_openapi("x-twitter-webhooks-signature", "sha256=<base64 HMAC of the body>"))
async def x_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    agency = agency_ids(settings.x_account_ids)
    try:
        raw = await signed_body(request, "x-twitter-webhooks-signature", secret_value(settings.x_consumer_secret), verify_x)
        payload = parse_json(raw)
        batch, revisions = x_batch(payload, agency), x_revisions(payload, agency)
    except Rejected as exc:
        return rejected_response(exc)
    try:  # revisions first: the 200 below says the whole delivery was acknowledged
        await asyncio.gather(*(intake.publisher.publish_async(REVISIONS, r.complaint_id, r) for r in revisions))
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    return await publish_batch(intake, batch, raw)
