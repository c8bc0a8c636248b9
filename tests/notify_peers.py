"""Stand-ins for the notifier's providers, speaking their documented request shapes and authentication:
Twilio Messages API (Basic AccountSid:AuthToken, form; and its list resource, ``GET Messages.json?To=&From=
&PageSize=``, newest first, ``date_created`` in RFC 2822), Kannel sendsms (username/password query), WhatsApp
Cloud and Messenger Send API (Bearer, JSON), X DMs (Bearer, JSON; and the conversation's
``GET /2/dm_conversations/with/{id}/dm_events``, newest first) on one local HTTP server, and a real
SMTP server (aiosmtpd). Each records what it accepted; anything else is answered like the provider would
(401/400), so the real client code is what is tested."""

from __future__ import annotations

import base64
import email
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from aiosmtpd.controller import Controller

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "twilio-test-token"
BEARER = "meta-test-token"
X_BEARER = "x-test-token"
KANNEL_USER, KANNEL_PASSWORD = "aduan", "kannel-test-password"
AGENCY_X_ID = "1500000000000000001"  # the agency's X account: the sender of its DMs


@dataclass
class Received:
    provider: str
    to: str
    text: str
    body: dict = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    provider_id: str = ""


class Peers:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.ids = itertools.count(1)
        self.fail_next: dict[str, int] = {}  # provider → how many 503s to answer first
        # Called with each message the Twilio stand-in accepts, before it answers: a test kills the notifier here, in
        # the window between the provider accepting a message and the notifier learning its id.
        self.on_accept: Callable[[Received], None] | None = None

    def add(self, item: Received, id_format: str = "{}") -> int:
        with self.lock:
            n = next(self.ids)
            item.provider_id = id_format.format(n)
            self.received.append(item)
            return n

    def accepted(self, item: Received) -> None:
        if self.on_accept is not None:
            self.on_accept(item)

    def of(self, provider: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.provider == provider]

    def failing(self, provider: str) -> bool:
        with self.lock:
            if self.fail_next.get(provider, 0) > 0:
                self.fail_next[provider] -= 1
                return True
            return False


def _handler(peers: Peers):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _answer(self, status: int, body, content_type: str = "application/json") -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the caller is gone (a test killed it mid-request)

        def _bearer(self, token: str) -> bool:
            return self.headers.get("Authorization") == f"Bearer {token}"

        def _twilio_auth(self, account: str) -> bool:
            expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
            return account == ACCOUNT_SID and self.headers.get("Authorization") == expected

        def _twilio_list(self, query: str) -> None:
            q = {k: v[0] for k, v in parse_qs(query).items()}
            size = min(int(q.get("PageSize", "50")), 1000)
            sent = [r for r in reversed(peers.of("twilio"))  # newest first, as Twilio lists them
                    if q.get("To", r.to) == r.to and q.get("From", r.body.get("From")) == r.body.get("From")]
            path = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
            self._answer(200, {"messages": [{"sid": r.provider_id, "account_sid": ACCOUNT_SID, "to": r.to,
                                             "from": r.body.get("From"), "body": r.text, "status": "sent",
                                             "direction": "outbound-api", "date_created": format_datetime(r.at),
                                             "date_sent": format_datetime(r.at)} for r in sent[:size]],
                               "page": 0, "page_size": size, "start": 0, "end": max(min(size, len(sent)) - 1, 0),
                               "uri": f"{path}?{query}", "first_page_uri": f"{path}?{query}",
                               "next_page_uri": None, "previous_page_uri": None})

        def _x_events(self, participant: str) -> None:
            sent = [r for r in reversed(peers.of("x")) if r.to == participant]  # newest first, as X lists them
            self._answer(200, {"data": [{"id": r.provider_id, "event_type": "MessageCreate", "text": r.text,
                                         "sender_id": AGENCY_X_ID, "dm_conversation_id": f"{AGENCY_X_ID}-{participant}",
                                         "created_at": r.at.isoformat(timespec="milliseconds").replace("+00:00", "Z")}
                                        for r in sent[:50]], "meta": {"result_count": min(len(sent), 50)}})

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            events = re.fullmatch(r"/2/dm_conversations/with/(\w+)/dm_events", url.path)
            if events:
                if not self._bearer(X_BEARER):
                    return self._answer(401, {"title": "Unauthorized"})
                return self._x_events(events.group(1))
            listing = re.fullmatch(r"/2010-04-01/Accounts/(AC\w{32})/Messages\.json", url.path)
            if listing:
                if not self._twilio_auth(listing.group(1)):
                    return self._answer(401, {"code": 20003, "message": "Authenticate"})
                return self._twilio_list(url.query)
            if url.path != "/cgi-bin/sendsms":
                return self._answer(404, {})
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            if q.get("username") != KANNEL_USER or q.get("password") != KANNEL_PASSWORD:
                return self._answer(403, b"Authorization failed for sendsms", "text/plain")
            if not q.get("to") or "text" not in q:
                return self._answer(400, b"Missing receiver number", "text/plain")
            peers.add(Received("kannel", q["to"], q["text"], q))
            self._answer(202, b"0: Accepted for delivery", "text/plain")

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            twilio = re.fullmatch(r"/2010-04-01/Accounts/(AC\w{32})/Messages\.json", url.path)
            if twilio:
                if not self._twilio_auth(twilio.group(1)):
                    return self._answer(401, {"code": 20003, "message": "Authenticate"})
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                if not form.get("To") or not form.get("Body") or not (form.get("From") or form.get("MessagingServiceSid")):
                    return self._answer(400, {"code": 21604, "message": "A 'To' phone number is required."})
                if peers.failing("twilio"):
                    return self._answer(503, {"message": "Service Unavailable"})
                item = Received("twilio", form["To"], form["Body"], form)
                peers.add(item, "SM{:032x}")
                peers.accepted(item)
                return self._answer(201, {"sid": item.provider_id, "status": "queued", "to": form["To"]})
            whatsapp = re.fullmatch(r"/v\d+\.\d+/(\d+)/messages", url.path)
            messenger = re.fullmatch(r"/v\d+\.\d+/me/messages", url.path)
            dm = re.fullmatch(r"/2/dm_conversations/with/(\w+)/messages", url.path)
            try:
                body = json.loads(raw)
            except ValueError:
                return self._answer(400, {"error": {"message": "invalid JSON"}})
            if whatsapp:
                if not self._bearer(BEARER):
                    return self._answer(401, {"error": {"code": 190, "message": "Invalid OAuth access token"}})
                if body.get("messaging_product") != "whatsapp" or not body.get("to") or body.get("type") not in (
                        "text", "interactive", "template"):
                    return self._answer(400, {"error": {"code": 100, "message": "Invalid parameter"}})
                kind = body["type"]
                text = (body["text"]["body"] if kind == "text" else body["interactive"]["body"]["text"]
                        if kind == "interactive" else body["template"]["components"][0]["parameters"][0]["text"])
                n = peers.add(Received("whatsapp", body["to"], text, body))
                return self._answer(200, {"messaging_product": "whatsapp", "contacts": [{"input": body["to"],
                                                                                          "wa_id": body["to"]}],
                                          "messages": [{"id": f"wamid.{n:020d}"}]})
            if messenger:
                if not self._bearer(BEARER):
                    return self._answer(401, {"error": {"code": 190}})
                recipient = body.get("recipient") or {}
                if not (recipient.get("id") or recipient.get("comment_id")) or "text" not in (body.get("message") or {}):
                    return self._answer(400, {"error": {"code": 100}})
                if body.get("messaging_type") == "MESSAGE_TAG" and not body.get("tag"):
                    return self._answer(400, {"error": {"code": 100, "message": "tag required"}})
                n = peers.add(Received("messenger", recipient.get("id") or recipient["comment_id"],
                                       body["message"]["text"], body))
                return self._answer(200, {"recipient_id": recipient.get("id"), "message_id": f"m_{n}"})
            if dm:
                if not self._bearer(X_BEARER):
                    return self._answer(401, {"title": "Unauthorized"})
                if not isinstance(body.get("text"), str):
                    return self._answer(400, {"title": "Invalid Request"})
                item = Received("x", dm.group(1), body["text"], body)
                peers.add(item)
                return self._answer(201, {"data": {"dm_conversation_id": f"{AGENCY_X_ID}-{dm.group(1)}",
                                                   "dm_event_id": item.provider_id}})
            self._answer(404, {})

    return Handler


class _Mailbox:
    def __init__(self, peers: Peers) -> None:
        self.peers = peers

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content)
        body = message.get_payload(decode=True) or b""
        self.peers.add(Received("smtp", ",".join(envelope.rcpt_tos), body.decode("utf-8", "replace"),
                                {k.lower(): str(v) for k, v in message.items()}))
        return "250 OK"


class RunningPeers:
    def __init__(self) -> None:
        self.peers = Peers()
        self.http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.peers))
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.smtp = Controller(_Mailbox(self.peers), hostname="127.0.0.1", port=0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}"

    def start(self) -> RunningPeers:
        self.thread.start()
        self.smtp.port = _free_port()
        self.smtp.start()
        return self

    def stop(self) -> None:
        self.http.shutdown()
        self.smtp.stop()

    def settings(self, tmp_path) -> dict[str, str]:
        """The notifier's settings (ADUAN_* names without the prefix) pointing at these peers."""
        gammu = tmp_path / "gammu-smsd-inject"
        outbox = tmp_path / "gammu-outbox.jsonl"
        gammu.write_text("#!/bin/sh\n"
                         f"printf '%s\\n' \"$*\" >> {outbox}\n"
                         "echo \"Written message with ID /var/spool/gammu/outbox/OUT$$.txt\"\n")
        gammu.chmod(0o755)
        return {"twilio_api_url": self.url, "twilio_account_sid": ACCOUNT_SID, "twilio_auth_token": AUTH_TOKEN,
                "twilio_from": "+15005550006", "twilio_whatsapp_from": "+14155238886",
                "kannel_sendsms_url": f"{self.url}/cgi-bin/sendsms", "kannel_username": KANNEL_USER,
                "kannel_password": KANNEL_PASSWORD, "gammu_inject_command": str(gammu),
                "meta_graph_url": f"{self.url}/v21.0", "whatsapp_access_token": BEARER,
                "whatsapp_phone_number_id": "106540352242922", "messenger_page_access_token": BEARER,
                "x_api_url": self.url, "x_user_access_token": X_BEARER, "smtp_host": "127.0.0.1",
                "smtp_port": str(self.smtp.port), "smtp_starttls": "false",
                "notify_from_address": "pengaduan@kota.go.id", "status_base_url": "https://lapor.kota.go.id",
                "notify_retry_initial_s": "0.05", "notify_retry_max_s": "0.2", "notify_rate_per_second": "1000"}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
