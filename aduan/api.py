"""The HTTP API: channel intake (producers) and the read side and case actions (consumers) in one ASGI app.

The composition root of the API process: every resource (Kafka publisher, Elasticsearch client, the
intake, API keys, the SMS part store, the live feed) is created in the lifespan, put on the app's
state under its name and handed to routers through the typed dependencies of ``aduan.core.deps``.
"""

from __future__ import annotations

import select
import socket
import threading
import time
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from aduan.core.blobs import BlobStore
from aduan.core.connections import Connections, elasticsearch, kafka_answers
from aduan.core.http import RelativeSlashRedirect, bad_parameters_are_400, document_parameter_errors
from aduan.core.journal import journaled
from aduan.core.ratelimit import TokenBuckets
from aduan.core.settings import Settings, get_settings
from consumers.cases import correction_api, status_api
from consumers.read import alerts as alerts_api
from consumers.read import apidocs, attachments, dashboard, desk, live, open311, search_api, status_page
from consumers.read.access import parse_keys
from consumers.read.search import stored_content_digest
from producers import open311 as open311_intake
from producers import receipts, sms, social, web, web_form
from producers.http import rejected_response
from producers.intake import Intake, Ledger, Rejected
from producers.media import MediaFetcher
from producers.ratelimit import RateLimitMiddleware
from producers.sms.parts import PartStore
from schemas.asyncapi import asyncapi_document


class ConnectionWatch:
    """An idle TCP connection to a dependency, held between two health checks: when the server's process
    ends (a crash, ``kill -9``) the kernel closes it and the next check runs at once, instead of up to
    ``every_s`` later while /healthz still reads the last good result. Nothing is ever sent on it; a
    stalled server keeps it open and is caught by the checks' timeout as before.

    A closed watch is opened again at once: refused, the server is gone (check now); accepted, the server
    only closes idle connections itself, and the rest of the interval is waited as usual (one reconnect
    an interval at most, never a busy loop)."""

    def __init__(self, address: tuple[str, int] | None, connect_timeout_s: float) -> None:
        self.address = address
        self.connect_timeout_s = connect_timeout_s
        self._sock: socket.socket | None = None

    def wait(self, every_s: float, stop: threading.Event) -> None:
        """Until ``every_s`` has passed, ``stop`` is set, or the watched server went away."""
        deadline = time.monotonic() + every_s
        if self._sock is None:
            self._connect()  # not answering: the checks say so; tried again after the next one
        reopened = False
        while self._sock is not None and (left := deadline - time.monotonic()) > 0 and not stop.is_set():
            readable, _, _ = select.select([self._sock], [], [], min(left, 0.5))
            if not readable:
                continue
            try:
                closed = not self._sock.recv(4096)
            except OSError:
                closed = True
            if not closed:
                continue  # a server that talks unasked: nothing to say about its health
            self.close()
            if reopened:
                break
            if not self._connect():
                return  # gone: check now
            reopened = True
        stop.wait(max(0.0, deadline - time.monotonic()))

    def _connect(self) -> bool:
        if self.address is None:
            return False
        try:
            self._sock = socket.create_connection(self.address, timeout=self.connect_timeout_s)
        except OSError:
            self._sock = None
        return self._sock is not None

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            except OSError:
                pass
            self._sock = None


def _address(server: str, default_port: int) -> tuple[str, int] | None:
    """(host, port) of ``host:port`` or a URL; None when it cannot be read (then no watch, checks only)."""
    try:
        parsed = urlsplit(server if "//" in server else f"//{server}")
        return (parsed.hostname, parsed.port or default_port) if parsed.hostname else None
    except ValueError:
        return None


class Health:
    """What /healthz says, from checks that run in the background (one thread per dependency, every
    ``every_s``), so the answer never waits for a dependency: a request only reads the last results.

    A dependency is down when its last check failed, or when it has not answered a check for
    ``stale_s`` (a check still waiting on a stalled server counts against it). Before this the request
    ran the checks itself, one after the other, each up to its 1 s timeout."""

    def __init__(self, settings: Settings, every_s: float = 0.5, stale_s: float = 1.5, timeout_s: float = 1.0) -> None:
        self.settings = settings
        self.every_s, self.stale_s, self.timeout_s = every_s, stale_s, timeout_s
        # The index's servers by name: the search server, and the local stack's cold tier when it has one.
        self._search_urls = {"elasticsearch": settings.elasticsearch_url,
                             **({"elasticsearch_cold": settings.elasticsearch_cold_url}
                                if settings.elasticsearch_cold_url else {})}
        self._checks = {"kafka": lambda: kafka_answers(settings.kafka_bootstrap, self.timeout_s),
                        **{name: partial(self._elasticsearch_answers, name) for name in self._search_urls}}
        # The first server of each: a crash of it is seen at once (another one answering keeps it "up").
        kafka_server = (settings.kafka_bootstrap or "").split(",")[0].strip()
        self._watches = {"kafka": ConnectionWatch(_address(kafka_server, 9092) if kafka_server else None, timeout_s)}
        for name, url in self._search_urls.items():
            es_server = (url or "").split(",")[0].strip()
            es_port = 443 if es_server.startswith("https:") else 9200
            self._watches[name] = ConnectionWatch(_address(es_server, es_port) if es_server else None, timeout_s)
        self._last: dict[str, tuple[bool, float]] = {}  # name -> (answered, when the check ended)
        self._first = {name: threading.Event() for name in self._checks}
        self._stop = threading.Event()
        self._started = False
        self._lock = threading.Lock()
        self._es: dict[str, object] = {}

    def _start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        for name in self._checks:
            threading.Thread(target=self._run, args=(name,), name=f"healthz-{name}", daemon=True).start()

    def _run(self, name: str) -> None:
        while not self._stop.is_set():
            answered = self._checks[name]()
            self._last[name] = (answered, time.monotonic())
            self._first[name].set()
            self._watches[name].wait(self.every_s, self._stop)
        self._watches[name].close()

    def down(self) -> list[str]:
        self._start()
        for event in self._first.values():  # only the first request after the start waits (a timeout at most)
            event.wait(self.timeout_s + 0.5)
        now = time.monotonic()
        # Down: the last check failed, or it ended longer ago than stale_s (the next is stuck on the server).
        return [name for name in self._checks
                if not (last := self._last.get(name, (False, 0.0)))[0] or now - last[1] > self.stale_s]

    def stop(self) -> None:
        self._stop.set()
        for client in self._es.values():
            client.close()

    def _elasticsearch_answers(self, name: str) -> bool:
        try:
            # One client for every check: building one (its connection pool, a new connection) twice a
            # second was most of the checks' cost. A connection that timed out is dropped by the pool.
            if name not in self._es:
                self._es[name] = elasticsearch(self._search_urls[name], request_timeout=self.timeout_s, max_retries=0)
            return bool(self._es[name].ping())
        except Exception:  # any failure to answer is "down"
            return False


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.require_servers()
    connections = Connections(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        journal, publisher, forwarder = journaled(settings, connections, "api")
        es = connections.elasticsearch(request_timeout=10)
        app.state.settings = settings
        app.state.publisher = publisher
        app.state.es = es
        app.state.blobs = BlobStore(settings.blobs)
        media = MediaFetcher(settings, app.state.blobs)
        app.state.intake = Intake(publisher, app.state.blobs, Ledger(settings.intake_ledger_size),
                                  raw_in_journal=journal is not None, media=media,
                                  stored_digest=partial(stored_content_digest, es, settings.index_alias))
        app.state.api_keys = parse_keys(settings.api_keys.get_secret_value())
        app.state.status_buckets = TokenBuckets(max(settings.status_rate_per_minute, 1))
        app.state.sms_part_store = PartStore(Path(settings.data_dir) / "sms-parts")
        # The live feed's consumer starts with its first subscriber: an API nobody watches does not
        # spend its CPU reading complaints.routed (measured: a third of the API's time otherwise).
        app.state.live = live.LiveFeed(lambda: connections.reader("aduan-live"))
        try:
            yield
        finally:
            health.stop()
            live.stop_live(app)
            await media.close()
            if forwarder is not None:
                forwarder.stop()
                journal.close()
            publisher.close()
            es.close()

    # /docs and /redoc come from packaged assets (consumers.read.apidocs), not FastAPI's CDN pages.
    app = FastAPI(title="aduan", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Public complaint intake, search and tracking (pengaduan masyarakat).")
    app.add_exception_handler(Rejected, lambda _request, exc: rejected_response(exc))
    app.add_exception_handler(RequestValidationError, bad_parameters_are_400)
    generate_openapi = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = document_parameter_errors(generate_openapi())
        return app.openapi_schema

    app.openapi = openapi
    # The rate limit keys on the TCP peer: the client itself, or what a trusted proxy said it was
    # (uvicorn rewrites the peer only for ADUAN_TRUSTED_PROXIES, see aduan.processes.run_api).
    app.add_middleware(RateLimitMiddleware, rate_per_minute=settings.intake_rate_per_minute,
                       paths=("/v1/complaints", "/lapor", "/open311/v2/requests.json", "/open311/v2/requests.xml"))
    app.router.redirect_slashes = False  # Starlette's would build the Location from the Host header
    app.add_middleware(RelativeSlashRedirect, router=app.router)
    for router in (web.router, web_form.router, sms.router, social.router, open311_intake.router, search_api.router,
                   open311.router, status_api.router, correction_api.router, live.router, dashboard.router, status_page.router,
                   receipts.router, attachments.router, desk.router, apidocs.router, alerts_api.router):
        app.include_router(router)

    health = Health(settings)

    @app.get("/healthz", tags=["operations"], responses={503: {"description": "a dependency is down"}})
    def healthz() -> JSONResponse:
        """``200`` only while the broker and the search server both answer; ``503`` names what is down."""
        down = health.down()
        if down:
            return JSONResponse({"status": "unavailable", "down": down}, status_code=503, headers={"Retry-After": "5"})
        return JSONResponse({"status": "ok"})

    @app.get("/asyncapi.json", tags=["subscriptions"], summary="AsyncAPI 3.0 description of every topic")
    def asyncapi() -> dict:
        return asyncapi_document()

    @app.get("/metrics", tags=["operations"], response_class=PlainTextResponse)
    def metrics() -> PlainTextResponse:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
