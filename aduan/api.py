"""The HTTP API: channel intake (producers) and search (consumers) in one ASGI app."""

from __future__ import annotations

from contextlib import asynccontextmanager

from elasticsearch import Elasticsearch
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from aduan.settings import Settings, get_settings
from consumers import dashboard, live, open311, search_api, status_api
from consumers.access import parse_keys
from schemas.asyncapi import asyncapi_document
from producers import sms, social, web, web_form
from producers.blobs import BlobStore
from producers.http import rejected_response
from producers.intake import Intake, Rejected
from producers.publisher import Publisher
from producers.ratelimit import RateLimitMiddleware


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.require_servers()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The live feed's consumer starts with its first subscriber: an API nobody watches does not
        # spend its CPU reading complaints.routed (measured: a third of the API's time otherwise).
        yield
        live.stop_live(app)
        app.state.intake.publisher.close()
        app.state.es.close()

    app = FastAPI(title="aduan", version="0.1.0", lifespan=lifespan,
                  description="Public complaint intake, search and tracking (pengaduan masyarakat).")
    app.state.settings = settings
    app.state.intake = Intake(Publisher(settings.kafka_bootstrap, settings.kafka_timeout_s), BlobStore(settings.blobs))
    app.state.es = Elasticsearch(settings.elasticsearch_url, request_timeout=10)
    app.state.api_keys = parse_keys(settings.api_keys.get_secret_value())

    app.add_exception_handler(Rejected, lambda _request, exc: rejected_response(exc))
    app.add_middleware(RateLimitMiddleware, rate_per_minute=settings.intake_rate_per_minute,
                       paths=("/v1/complaints", "/lapor"))
    app.include_router(web.router)
    app.include_router(web_form.router)
    app.include_router(sms.router)
    app.include_router(social.router)
    app.include_router(search_api.router)
    app.include_router(open311.router)
    app.include_router(status_api.router)
    app.include_router(live.router)
    app.include_router(dashboard.router)

    @app.get("/healthz", tags=["operations"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/asyncapi.json", tags=["subscriptions"], summary="AsyncAPI 3.0 description of every topic")
    def asyncapi() -> dict:
        return asyncapi_document()

    @app.get("/metrics", tags=["operations"], response_class=PlainTextResponse)
    def metrics() -> PlainTextResponse:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return app
