"""Local stand-ins for the provider APIs aduan calls (media downloads, Graph lookups), so the real
HTTP client code (``producers.media``) runs against the documented request and response shapes: in the
tests, and for ``aduan simulate`` (whose photos, voice notes and videos the local stack's API fetches
from here; ``aduan up`` points the API at it, see ``aduan.stack.channel_secrets``). Shell code: the
stages never import it.

* WhatsApp Cloud API, "Media" (developers.facebook.com/docs/whatsapp/cloud-api/reference/media):
  ``GET /{version}/{media-id}`` with ``Authorization: Bearer`` answers ``{"messaging_product":
  "whatsapp", "url", "mime_type", "sha256", "file_size", "id"}``; the ``url`` (lookaside.fbsbx.com
  in production) answers the bytes, again only with the Bearer token; 401 without it.
* Twilio Media resource (twilio.com/docs/messaging/api/media-resource):
  ``GET /2010-04-01/Accounts/{AC}/Messages/{MM}/Media/{ME}`` with HTTP basic auth answers a 307
  redirect to a short-lived CDN URL on *another* origin; the CDN stand-in refuses any request that
  carries an ``Authorization`` header (credentials must not follow the redirect).
* Instagram Platform, "Mentions" (developers.facebook.com/docs/instagram-platform/instagram-graph-api/
  reference/ig-user/mentioned_comment and /mentioned_media): ``GET /{version}/{ig-user-id}?fields=
  mentioned_comment.comment_id(ID){text,timestamp,username,…}`` → ``{"mentioned_comment": {…}, "id"}``,
  ``mentioned_media.media_id(ID){caption,media_type,media_url,…}`` → ``{"mentioned_media": {…}, "id"}``.
* Messenger / Facebook / Instagram CDN URLs: plain ``GET /cdn/{name}`` of the bytes.
* Faults: ``/flaky/{n}/{name}`` answers 503 ``n`` times, then the bytes; ``/broken/{name}`` always 500.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator
from urllib.parse import parse_qs, urlsplit

TOKEN = "graph-test-token"
ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "twilio-test-token"
GRAPH_VERSION = "v21.0"

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
OGG = b"OggS\x00\x02" + b"\x01" * 2000
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x02" * 3000
WEBP = b"RIFF\x24\x01\x00\x00WEBPVP8 " + b"\x03" * 300  # a WhatsApp sticker


@dataclass
class ProviderApis:
    api: str  # base URL of the API origin (Graph, Twilio API)
    cdn: str  # base URL of the CDN origin (another port: another origin)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # name → (content type, bytes)
    graph: dict[str, dict] = field(default_factory=dict)  # "comment:ID" / "media:ID" → node
    hits: Counter = field(default_factory=Counter)
    # The credentials the API must present (the tests' constants; the simulator's are the local stack's).
    token: str = TOKEN
    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN

    @property
    def graph_url(self) -> str:
        return f"{self.api}/{GRAPH_VERSION}"

    def whatsapp_media(self, media_id: str, content_type: str, data: bytes) -> None:
        self.files[f"wa-{media_id}"] = (content_type, data)

    def twilio_media_url(self, message_sid: str, media_sid: str, content_type: str, data: bytes) -> str:
        self.files[media_sid] = (content_type, data)
        return f"{self.api}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{message_sid}/Media/{media_sid}"

    def cdn_url(self, name: str, content_type: str, data: bytes) -> str:
        self.files[name] = (content_type, data)
        return f"{self.cdn}/cdn/{name}?oh=signature&oe=expiry"


def _handler(apis: ProviderApis, origin: str):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", content_type: str = "application/json",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _file(self, name: str) -> None:
            if name not in apis.files:
                return self._send(404, b'{"error": "not found"}')
            content_type, data = apis.files[name]
            self._send(200, data, content_type)

        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            path, query = parts.path, parse_qs(parts.query)
            apis.hits[path] += 1
            auth = self.headers.get("Authorization")
            if origin == "cdn":
                if auth:  # credentials leaked past the redirect
                    return self._send(400, b'{"error": "credentials sent to the CDN"}')
                if path.startswith("/cdn/"):
                    return self._file(path.removeprefix("/cdn/"))
                if m := re.fullmatch(r"/flaky/(\d+)/(.+)", path):
                    if apis.hits[path] <= int(m.group(1)):
                        return self._send(503, b"{}")
                    return self._file(m.group(2))
                if path.startswith("/broken/"):
                    return self._send(500, b"{}")
                return self._send(404, b"{}")
            if m := re.fullmatch(r"/2010-04-01/Accounts/(AC\w+)/Messages/(MM\w+)/Media/(ME\w+)", path):
                expected = "Basic " + base64.b64encode(f"{apis.account_sid}:{apis.auth_token}".encode()).decode()
                if m.group(1) != apis.account_sid or auth != expected:
                    return self._send(401, b'{"code": 20003, "message": "Authenticate"}')
                return self._send(307, b"", headers={"Location": f"{apis.cdn}/cdn/{m.group(3)}"})
            if auth != f"Bearer {apis.token}":
                return self._send(401, json.dumps({"error": {"message": "Invalid OAuth access token.",
                                                             "type": "OAuthException", "code": 190}}).encode())
            if path == "/whatsapp_business/attachments/":
                return self._file(f"wa-{query.get('mid', [''])[0]}")
            if m := re.fullmatch(rf"/{GRAPH_VERSION}/([\w.]+)", path):
                node_id, fields = m.group(1), query.get("fields", [""])[0]
                if found := re.match(r"mentioned_comment\.comment_id\((\w+)\)", fields):
                    node = apis.graph.get(f"comment:{found.group(1)}")
                    return self._graph(node, "mentioned_comment", node_id)
                if found := re.match(r"mentioned_media\.media_id\((\w+)\)", fields):
                    node = apis.graph.get(f"media:{found.group(1)}")
                    return self._graph(node, "mentioned_media", node_id)
                if f"wa-{node_id}" in apis.files:
                    content_type, data = apis.files[f"wa-{node_id}"]
                    return self._send(200, json.dumps({
                        "messaging_product": "whatsapp", "id": node_id, "mime_type": content_type,
                        "sha256": hashlib.sha256(data).hexdigest(), "file_size": str(len(data)),
                        "url": f"{apis.api}/whatsapp_business/attachments/?mid={node_id}&ext=1&hash=x"}).encode())
            return self._send(404, json.dumps({"error": {"message": "Unsupported get request", "code": 100}}).encode())

        def _graph(self, node: dict | None, name: str, node_id: str) -> None:
            if node is None:
                return self._send(400, json.dumps({"error": {"message": "Invalid parameter", "code": 100}}).encode())
            self._send(200, json.dumps({name: node, "id": node_id}).encode())

    return Handler


@contextmanager
def running_provider_apis(api_port: int = 0, **credentials: str) -> Iterator[ProviderApis]:
    """The API origin on ``api_port`` (0: any free port) and the CDN origin on a free port of its own;
    ``credentials``: token, account_sid, auth_token."""
    servers = [ThreadingHTTPServer(("127.0.0.1", port), BaseHTTPRequestHandler) for port in (api_port, 0)]
    apis = ProviderApis(api=f"http://127.0.0.1:{servers[0].server_port}",
                        cdn=f"http://127.0.0.1:{servers[1].server_port}", **credentials)
    for server, origin in zip(servers, ("api", "cdn")):
        server.RequestHandlerClass = _handler(apis, origin)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield apis
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
