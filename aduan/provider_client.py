"""Speaks to aduan the way each provider does: payload shapes and signatures as documented.

Used by the traffic simulator and by the tests, so both exercise the same wire formats the
channel endpoints accept. Every send returns the provider message id it used, so callers
can resend the very same message (a redelivery) on purpose.
"""

from __future__ import annotations

import imaplib
import json
import time
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from urllib.parse import quote_from_bytes, urlencode

import httpx

from producers.signatures import meta_signature, twilio_signature, x_signature

AGENCY_X_ID = "1191900000000000001"
AGENCY_PAGE_ID = "104857600000001"
AGENCY_WHATSAPP_ID = "102290129340398"
# The post-url of the shipped deploy/kannel/aduan-sms-service.conf (a test keeps the two equal).
KANNEL_POST_URL = "ADUAN_URL/v1/sms/kannel?secret=ADUAN_SECRET&id=%I&smsc=%i"


def kannel_expand(template: str, escapes: dict[str, bytes]) -> str:
    """An sms-service URL as Kannel's smsbox expands it: each %x replaced by its value, URL-encoded."""
    out, i = [], 0
    while i < len(template):
        if template[i] == "%" and i + 1 < len(template) and template[i + 1] in escapes:
            out.append(quote_from_bytes(escapes[template[i + 1]], safe=""))
            i += 2
        else:
            out.append(template[i])
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Credentials:
    twilio_auth_token: str
    sms_gateway_secret: str
    meta_app_secret: str
    x_consumer_secret: str


@dataclass(frozen=True)
class Sent:
    channel: str
    message_id: str
    status_code: int
    body: str


class ProviderClient:
    def __init__(self, http: httpx.Client, base_url: str, credentials: Credentials) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials

    # --- web ---------------------------------------------------------------------------------------
    def web(self, text: str, key: str | None = None, **fields) -> Sent:
        key = key or str(uuid.uuid4())
        response = self.http.post(f"{self.base_url}/v1/complaints", json={"text": text, **fields},
                                  headers={"Idempotency-Key": key})
        return Sent("web", key, response.status_code, response.text)

    # --- SMS ---------------------------------------------------------------------------------------
    def twilio(self, sender: str, body: str, sid: str | None = None, to: str = "+6281100001111",
               media: list[tuple[str, str]] = (), account_sid: str = "AC" + "0" * 32) -> Sent:
        """An incoming-message webhook; ``media``: (MediaUrl, MediaContentType) of an MMS or WhatsApp media."""
        sid = sid or ("MM" if media else "SM") + uuid.uuid4().hex
        params = [("MessageSid", sid), ("SmsSid", sid), ("AccountSid", account_sid), ("From", sender),
                  ("To", to), ("Body", body), ("NumMedia", str(len(media))), ("NumSegments", str(1 + len(body) // 153)),
                  ("FromCountry", "ID"), ("ApiVersion", "2010-04-01")]
        for n, (media_url, content_type) in enumerate(media):
            params += [(f"MediaUrl{n}", media_url), (f"MediaContentType{n}", content_type)]
        url = f"{self.base_url}/v1/sms/twilio"
        signature = twilio_signature(self.credentials.twilio_auth_token, url, params)
        response = self.http.post(url, content=urlencode(params),
                                  headers={"Content-Type": "application/x-www-form-urlencoded",
                                           "X-Twilio-Signature": signature})
        return Sent("sms", sid, response.status_code, response.text)

    def kannel(self, sender: str, text: str, message_id: str | None = None, to: str = "1708") -> Sent:
        message_id = message_id or str(uuid.uuid4())
        query = urlencode({"from": sender, "to": to, "text": text, "time": time.strftime("%Y-%m-%d %H:%M"),
                           "smsc": "telkomsel", "id": message_id, "udh": "", "coding": "0", "charset": "UTF-8"})
        response = self.http.get(f"{self.base_url}/v1/sms/kannel?{query}",
                                 headers={"X-Aduan-Gateway-Secret": self.credentials.sms_gateway_secret})
        return Sent("sms", message_id, response.status_code, response.text)

    def kannel_smsbox(self, sender: str, text: str, message_id: str | None = None, to: str = "1708",
                      post_url: str = KANNEL_POST_URL, smsc: str = "telkomsel") -> Sent:
        """An MO SMS as Kannel's smsbox posts it with the shipped ``post-url`` (user guide, "Kannel POST"):
        a text outside GSM 03.38 (emoji, most non-Latin script) is UCS-2, sent as UTF-16BE with its
        charset in Content-Type; the rest as X-Kannel-* headers (X-Kannel-From with send-sender)."""
        message_id = message_id or str(uuid.uuid4())
        ucs2 = any(ord(ch) > 0xFF for ch in text)
        body = text.encode("utf-16-be") if ucs2 else text.encode("latin-1")
        url = kannel_expand(post_url.replace("ADUAN_URL", self.base_url).replace(
            "ADUAN_SECRET", self.credentials.sms_gateway_secret), {"I": message_id.encode(), "i": smsc.encode()})
        headers = {"Content-Type": "text/plain; charset=UTF-16BE" if ucs2 else "text/plain",
                   "X-Kannel-From": sender, "X-Kannel-To": to, "X-Kannel-Time": time.strftime("%Y-%m-%d %H:%M:%S"),
                   "X-Kannel-SMSC": smsc, "X-Kannel-Coding": "2" if ucs2 else "0", "X-Kannel-Service": "default"}
        response = self.http.post(url, content=body, headers=headers)
        return Sent("sms", message_id, response.status_code, response.text)

    def gammu(self, sender: str, text: str, ids: str | None = None) -> Sent:
        ids = ids or str(int(time.time() * 1000) % 10**9)
        fields = {"SMS_MESSAGES": "1", "DECODED_PARTS": "0", "PHONE_ID": "modem-1", "SMS_1_CLASS": "-1",
                  "SMS_1_NUMBER": sender, "SMS_1_TEXT": text, "ids": ids,
                  "received_at": datetime.now(timezone.utc).isoformat()}
        response = self.http.post(f"{self.base_url}/v1/sms/gammu", json=fields,
                                  headers={"X-Aduan-Gateway-Secret": self.credentials.sms_gateway_secret})
        return Sent("sms", ids, response.status_code, response.text)

    # --- social ------------------------------------------------------------------------------------
    def _signed_json(self, path: str, payload: dict, header: str, sign) -> httpx.Response:
        """POST a JSON body with the provider's signature of exactly those bytes."""
        body = json.dumps(payload).encode()
        return self.http.post(f"{self.base_url}{path}", content=body,
                              headers={"Content-Type": "application/json", header: sign(body)})

    def _meta(self, payload: dict) -> httpx.Response:
        return self._signed_json("/v1/social/meta", payload, "X-Hub-Signature-256",
                                 lambda body: meta_signature(self.credentials.meta_app_secret, body))

    def facebook_comment(self, author: str, text: str, comment_id: str | None = None, author_id: str | None = None,
                         created_time: int | None = None) -> Sent:
        """A Page feed ``comment`` webhook. Pass ``author_id`` and ``created_time`` to redeliver a comment as
        Facebook does (the same comment, the same author and time): fresh ones make another submission."""
        comment_id = comment_id or f"881234567890123_{uuid.uuid4().int % 10**16}"
        payload = {"object": "page", "entry": [{"id": AGENCY_PAGE_ID, "time": int(time.time()), "changes": [{
            "field": "feed", "value": {
                "from": {"id": author_id or str(uuid.uuid4().int % 10**16), "name": author}, "message": text,
                "post_id": f"{AGENCY_PAGE_ID}_881234567890123", "comment_id": comment_id,
                "created_time": created_time or int(time.time()), "item": "comment",
                "parent_id": f"{AGENCY_PAGE_ID}_881234567890123", "verb": "add"}}]}]}
        response = self._meta(payload)
        return Sent("social", comment_id, response.status_code, response.text)

    def whatsapp(self, sender: str, name: str, text: str, wamid: str | None = None) -> Sent:
        return self.whatsapp_message(sender, name, {"type": "text", "text": {"body": text}}, wamid)

    def whatsapp_message(self, sender: str | None, name: str, message: dict, wamid: str | None = None,
                         bsuid: str | None = None, username: str | None = None) -> Sent:
        """A WhatsApp Cloud API ``messages`` webhook of any kind (text, location, interactive…), from a
        phone number or, for a user who adopted a username, only a business-scoped user id."""
        wamid = wamid or f"wamid.{uuid.uuid4().hex.upper()}"
        contact: dict = {"profile": {"name": name, **({"username": username} if username else {})}}
        sent: dict = {"id": wamid, "timestamp": str(int(time.time())), **message}
        if sender:
            contact["wa_id"] = sent["from"] = sender.lstrip("+")
        if bsuid:
            contact["user_id"] = sent["from_user_id"] = bsuid
        payload = {"object": "whatsapp_business_account", "entry": [{"id": AGENCY_WHATSAPP_ID, "changes": [{
            "field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "6281100002222", "phone_number_id": "106540352242922"},
                "contacts": [contact], "messages": [sent]}}]}]}
        response = self._meta(payload)
        return Sent("social", wamid, response.status_code, response.text)

    def whatsapp_status(self, recipient: str, wamid: str, status: str, reference: str | None = None) -> Sent:
        """A WhatsApp Cloud API ``statuses`` webhook, on the account's one webhook URL: Meta's receipt of a
        message the business sent, echoing the ``biz_opaque_callback_data`` it was sent with."""
        receipt = {"id": wamid, "status": status, "timestamp": str(int(time.time())),
                   "recipient_id": recipient.lstrip("+"), **({"biz_opaque_callback_data": reference} if reference else {})}
        payload = {"object": "whatsapp_business_account", "entry": [{"id": AGENCY_WHATSAPP_ID, "changes": [{
            "field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "6281100002222", "phone_number_id": "106540352242922"},
                "statuses": [receipt]}}]}]}
        response = self._meta(payload)
        return Sent("social", wamid, response.status_code, response.text)

    def _x(self, payload: dict) -> httpx.Response:
        return self._signed_json("/v1/social/x", payload, "x-twitter-webhooks-signature",
                                 lambda body: x_signature(self.credentials.x_consumer_secret, body))

    def tweet(self, screen_name: str, text: str, tweet_id: str | None = None) -> Sent:
        tweet_id = tweet_id or str(1790231000000000000 + uuid.uuid4().int % 10**15)
        author_id = str(1500000000000000000 + abs(hash(screen_name)) % 10**15)
        full_text = f"@pemkot_contoh {text}"
        payload = {"for_user_id": AGENCY_X_ID, "tweet_create_events": [{
            "created_at": time.strftime("%a %b %d %H:%M:%S +0000 %Y", time.gmtime()),
            "id": int(tweet_id), "id_str": tweet_id, "text": full_text, "truncated": False,
            "in_reply_to_status_id_str": None, "in_reply_to_user_id_str": AGENCY_X_ID,
            "in_reply_to_screen_name": "pemkot_contoh",
            "user": {"id": int(author_id), "id_str": author_id, "name": screen_name.title(), "screen_name": screen_name},
            "entities": {"hashtags": [], "urls": [], "symbols": [],
                         "user_mentions": [{"screen_name": "pemkot_contoh", "name": "Pemkot", "id_str": AGENCY_X_ID,
                                            "indices": [0, 14]}]},
            "timestamp_ms": str(int(time.time() * 1000)),
            "edit_history": {"initial_tweet_id": tweet_id, "edit_tweet_ids": [tweet_id]}}]}
        response = self._x(payload)
        return Sent("social", tweet_id, response.status_code, response.text)

    def x_activity_post(self, username: str, text: str, post_id: str | None = None) -> Sent:
        """An X Activity API ``post.create`` event (docs.x.com/x-api/activity/event-payloads) mentioning the agency."""
        post_id = post_id or str(1790231000000000000 + uuid.uuid4().int % 10**15)
        author_id = str(1500000000000000000 + abs(hash(username)) % 10**15)
        payload = {"data": {"event_uuid": post_id, "filter": {"user_id": AGENCY_X_ID}, "event_type": "post.create",
                            "tag": "aduan", "includes": {"users": [{"id": author_id, "name": username.title(),
                                                                    "username": username}]},
                            "payload": {"id": post_id, "edit_history_tweet_ids": [post_id], "author_id": author_id,
                                        "text": f"@pemkot_contoh {text}", "lang": "in",
                                        "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
                                        "entities": {"mentions": [{"start": 0, "end": 14, "username": "pemkot_contoh",
                                                                   "id": AGENCY_X_ID}]}}}}
        response = self._x(payload)
        return Sent("social", post_id, response.status_code, response.text)

    def x_direct_message(self, sender_id: str, screen_name: str, text: str, dm_id: str | None = None) -> Sent:
        dm_id = dm_id or str(1790240000000000000 + uuid.uuid4().int % 10**15)
        payload = {"for_user_id": AGENCY_X_ID, "direct_message_events": [{
            "type": "message_create", "id": dm_id, "created_timestamp": str(int(time.time() * 1000)),
            "message_create": {"target": {"recipient_id": AGENCY_X_ID}, "sender_id": sender_id,
                               "message_data": {"text": text, "entities": {"hashtags": [], "symbols": [],
                                                                           "user_mentions": [], "urls": []}}}}],
            "users": {sender_id: {"id": sender_id, "name": screen_name.title(), "screen_name": screen_name}}}
        response = self._x(payload)
        return Sent("social", dm_id, response.status_code, response.text)


def complaint_mail(sender: str, subject: str, text: str, message_id: str | None = None,
                   to: str = "pengaduan@pemkot.example.go.id") -> tuple[str, bytes]:
    """An RFC 5322 message as a mail client would send it; returns (Message-ID, bytes)."""
    message = EmailMessage()
    message_id = message_id or make_msgid(domain="mail.example.id")
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = message_id
    message.set_content(text)
    return message_id, message.as_bytes()


def append_mail(host: str, port: int, user: str, password: str, raw: bytes, folder: str = "INBOX") -> None:
    """Deliver a message into a mailbox over IMAP (APPEND), as a mail server's delivery would."""
    with imaplib.IMAP4(host, port) as imap:
        imap.login(user, password)
        status, detail = imap.append(folder, "", imaplib.Time2Internaldate(time.time()), raw)
        if status != "OK":
            raise RuntimeError(f"IMAP APPEND failed: {detail!r}")
