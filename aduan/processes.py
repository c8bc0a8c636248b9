"""Composition roots: every long-running aduan process built from settings, in one place.

``aduan up`` and production run the same functions (through the CLI's hidden commands). Each one
builds its clients through the kernel (``aduan.core.connections``), sets up logging and metrics,
runs until SIGINT/SIGTERM and closes what it opened.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import signal
import threading
from pathlib import Path

from aduan.core import fetch_pacing
from aduan.core.connections import Connections, stream_credentials
from aduan.core.logs import configure_logging
from aduan.core.metrics import serve_metrics
from aduan.core.settings import DEVELOPMENT_SALT, Settings
from aduan.core.tiered_search import TieredElasticsearch

log = logging.getLogger(__name__)


class MissingSetting(RuntimeError):
    """A process cannot start without this setting; the CLI prints it as one line."""


def stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    return stop


def observed(settings: Settings) -> Connections:
    """The clients of a long-running process, with its JSON logs and metrics port set up."""
    configure_logging(settings.log_level, settings.log_format)
    serve_metrics(settings.metrics_port)
    return Connections(settings)


def _ready(ready_file: Path | None) -> None:
    if ready_file is not None:
        ready_file.write_text("ready\n")


def _credentialed(faust_app, settings: Settings):
    # The transport is built when the worker starts, so credentials set here reach every aiokafka client.
    faust_app.conf.broker_credentials = stream_credentials(settings)
    return faust_app


# The level and handlers are the app's logging_config (the settings'). faust's --loglevel only decides
# its terminal spinner, which at WARN or above sets the root logger to DEBUG so that every debug call of
# faust and mode builds a record (7.7 % of the surge detector's samples under load).
FAUST_LOGLEVEL = "info"


def _run_faust(name: str, faust_app) -> None:
    import sys

    sys.argv = [name, "worker", "--loglevel", FAUST_LOGLEVEL, "--without-web"]
    faust_app.main()


def worker_app(settings: Settings, ready_file: Path | None = None):
    """The stream worker's faust app with the broker credentials of the settings."""
    from streams.app import create_app

    return _credentialed(create_app(settings, ready_file=ready_file), settings)


def run_worker(settings: Settings, ready_file: Path | None = None) -> None:
    """The faust stream worker (normalise → locate → deduplicate → classify → route)."""
    observed(settings)
    app = worker_app(settings, ready_file)
    _freeze_loaded_objects()
    _run_faust("aduan worker", app)


def _freeze_loaded_objects() -> None:
    """Move everything loaded so far out of the cyclic garbage collector's sight (``gc.freeze``): the gazetteer, the
    models and the lexicons, ~200,000 objects that live as long as the process. Every full collection scanned them
    again: in process, over 5,000 complaints, collections took 9 % of the pipeline's time, 4–5 % with them frozen.
    Nothing changes but what the collector scans: a frozen object is still freed when its last reference goes; a
    cycle among frozen objects is never collected (these are held to the end of the process anyway)."""
    import gc

    gc.collect()
    gc.freeze()


def surge_app(settings: Settings, ready_file: Path | None = None):
    """The surge detector's faust app (streams/surge_app.py) with the broker credentials of the settings."""
    from streams.surge_app import create_surge_app

    return _credentialed(create_surge_app(settings, ready_file=ready_file), settings)


def lower_priority(niceness: int) -> None:
    """Run this process at ``niceness``, also where the kernel groups processes by session.

    With autogroup scheduling (``/proc/sys/kernel/sched_autogroup_enabled``, on by default in most
    desktop and many server kernels), CPU is shared between *sessions* first, and a process's nice value
    only ranks it within its own session. The local stack starts every child in a session of its own, so
    ``os.nice`` alone ranked the detector against nothing there. The session's own nice (``/proc/self/autogroup``) is
    what ranks it against the others; it is set only when this process leads its session, so an
    ``aduan surge`` typed into a terminal never renices the user's shell session."""
    os.nice(max(0, niceness - os.nice(0)))
    if os.getsid(0) != os.getpid():
        return
    try:
        with open("/proc/self/autogroup", "w") as group:
            group.write(str(niceness))
    except OSError:
        pass  # no autogroup (kernel without it, or not Linux): the process's nice is the whole story


def run_surge(settings: Settings, ready_file: Path | None = None) -> None:
    """Surges: complaints.routed → complaints.alerts, beside the stage (its own app id and tables)."""
    observed(settings)
    # Alerts may come a little later under a burst; a complaint's path to the index may not.
    lower_priority(settings.surge_nice)
    app = surge_app(settings, ready_file)
    # Its only consumer is faust's (routed complaints, its own changelog): it may pause longer when idle.
    fetch_pacing.install(settings.kafka_background_fetch_pause_ms)
    _run_faust("aduan surge", app)


def run_indexer(settings: Settings, ready_file: Path | None = None) -> None:
    """Kafka → Elasticsearch, offsets committed after the write; the SLA timer beside it."""
    from consumers.cases.sla_timer import SlaTimer
    from consumers.sinks.alerts import SOURCES as ALERT_SOURCES
    from consumers.sinks.alerts import alert_indexer, ensure_alerts_index
    from consumers.sinks.index import ensure_index
    from consumers.sinks.indexer import MAX_POLL_INTERVAL_MS, SOURCES, indexer
    from consumers.sinks.tiering import TierMover, sweep

    settings.require_servers()
    connections = observed(settings)
    stop = stop_on_signals()
    es = connections.elasticsearch(request_timeout=30)
    ensure_index(es, settings.index_alias)
    mover = None
    if isinstance(es, TieredElasticsearch):  # the local stack's cold tier: consistent before anything is written
        ensure_index(es.cold, settings.index_alias)
        log.info("tiers at start: %s", sweep(es, settings.index_alias, settings.index_settle_s, full=True))
        mover = TierMover(es, settings.index_alias, settings.index_hot_s, settle_s=settings.index_settle_s)
    consumer = connections.consumer(*SOURCES, group=settings.indexer_group, max_poll_interval_ms=MAX_POLL_INTERVAL_MS)
    runtime = indexer(consumer, es, settings.index_alias, connections.publisher("aduan-indexer"))
    timer = SlaTimer(es, settings.index_alias, connections.publisher("aduan-sla-timer"))
    timer_thread = threading.Thread(target=timer.run, args=(stop, settings.sla_tick_s), name="sla-timer", daemon=True)
    # Surge alerts into their own index (GET /v1/alerts), on a consumer group of their own.
    ensure_alerts_index(es, settings.alerts_index)
    alerts_consumer = connections.consumer(*ALERT_SOURCES, group=f"{settings.indexer_group}-alerts")
    fetch_pacing.slow(alerts_consumer, settings.kafka_background_fetch_pause_ms)
    alerts = alert_indexer(alerts_consumer, es, settings.alerts_index, connections.publisher("aduan-alert-indexer"))
    alerts_thread = threading.Thread(target=alerts.run, args=(stop,), name="alert-indexer", daemon=True)
    threads = [timer_thread, alerts_thread]
    if mover is not None:
        threads.append(threading.Thread(target=mover.run, args=(stop, settings.index_move_every_s), name="tier-mover",
                                        daemon=True))
    try:
        runtime.run_once(stop)
        _ready(ready_file)
        for thread in threads:
            thread.start()
        runtime.run(stop)
    finally:
        stop.set()
        for thread in threads:
            if thread.is_alive():
                thread.join(5)
        timer.publisher.close()
        alerts.close()
        runtime.close()
        es.close()


def run_webhooks(settings: Settings, ready_file: Path | None = None) -> None:
    """Signed webhook delivery for the subscriptions in ADUAN_WEBHOOK_SUBSCRIPTIONS."""
    from consumers.sinks.webhooks.delivery import RetryPolicy
    from consumers.sinks.webhooks.dispatcher import MAX_POLL_INTERVAL_MS, dispatcher
    from consumers.sinks.webhooks.events import ComplaintDirectory, elasticsearch_context
    from consumers.sinks.webhooks.subscriptions import SOURCES, load_subscriptions, resolve_secrets

    settings.require_servers(elasticsearch=False)
    if not settings.webhook_subscriptions:
        raise MissingSetting("ADUAN_WEBHOOK_SUBSCRIPTIONS is not set")
    subscriptions = load_subscriptions(settings.webhook_subscriptions)
    resolve_secrets(subscriptions)  # fail fast, before joining the group
    connections = observed(settings)
    es = connections.elasticsearch() if settings.elasticsearch_url else None
    consumer = connections.consumer(*SOURCES, group=settings.webhook_group, max_poll_records=100,
                                    max_poll_interval_ms=MAX_POLL_INTERVAL_MS)
    policy = RetryPolicy(max_attempts=settings.webhook_max_attempts, max_elapsed_s=settings.webhook_max_elapsed_s,
                         timeout_s=settings.webhook_timeout_s)
    directory = ComplaintDirectory(fallback=elasticsearch_context(es, settings.index_alias) if es else None)
    runtime = dispatcher(consumer, subscriptions, connections.publisher(f"{settings.webhook_group}-deadletters"),
                         policy=policy, directory=directory)
    stop = stop_on_signals()
    try:
        runtime.run(stop, on_first_poll=lambda: _ready(ready_file))
    finally:
        runtime.close()
        if es is not None:
            es.close()


def run_notifier(settings: Settings, ready_file: Path | None = None) -> None:
    """Lifecycle events → one message each to the reporter, in their channel (consumers/notify)."""
    from consumers.notify.ledger import Ledger
    from consumers.notify.notifier import (MAX_POLL_INTERVAL_MS, SOURCES, elasticsearch_lookup,
                                          elasticsearch_open_question, http_client, notifier)
    from consumers.notify.providers import senders

    settings.require_servers()
    connections = observed(settings)
    stop = stop_on_signals()
    es = connections.elasticsearch()
    ledger = Ledger(connections.reader("aduan-notifier-ledger"))
    ledger.catch_up(to_end=True)  # what was sent before this start: never sent again
    client = http_client(settings)
    callback = f"{settings.public_base_url.rstrip('/')}/v1/notify/twilio/status" if settings.public_base_url else ""
    consumer = connections.consumer(*SOURCES, group=settings.notify_group, max_poll_records=200,
                                    max_poll_interval_ms=MAX_POLL_INTERVAL_MS)
    runtime = notifier(consumer, settings, connections.publisher("aduan-notifier"),
                       connections.publisher("aduan-notifier-deadletters"), senders(settings, client, callback),
                       ledger, elasticsearch_lookup(es, settings.index_alias),
                       open_question=elasticsearch_open_question(es, settings.index_alias))
    try:
        runtime.run(stop, on_first_poll=lambda: _ready(ready_file))
    finally:
        runtime.close()
        client.close()
        es.close()


def intake(connections: Connections, client_id: str = "aduan-intake"):
    """The producers' intake for processes outside the API (mail poller, backfills)."""
    from aduan.core.blobs import BlobStore
    from producers.intake import Intake

    return Intake(connections.publisher(client_id), BlobStore(connections.settings.blobs))


def run_mail(settings: Settings) -> None:
    """The IMAP poller: mail → complaints.raw.email, marked only after Kafka acknowledged."""
    from producers.imap_poller import ImapPoller, intake_callables

    settings.require_servers(elasticsearch=False)
    if not settings.imap_host:
        raise MissingSetting("ADUAN_IMAP_HOST is not set")
    from aduan.core.journal import journaled
    from aduan.core.blobs import BlobStore
    from producers.intake import Intake

    connections = observed(settings)
    # A mail is marked \\Seen (or moved) once the journal has it: the journal answers for it from then on.
    journal, publisher, forwarder = journaled(settings, connections, "mail")
    mail_intake = Intake(publisher, BlobStore(settings.blobs), raw_in_journal=journal is not None)
    publish, dead_letter = intake_callables(mail_intake)
    poller = ImapPoller.from_settings(settings, publish=publish, dead_letter=dead_letter, blobs=mail_intake.blobs)
    try:
        poller.run_forever(stop_on_signals())
    finally:
        poller.close()
        if forwarder is not None:
            forwarder.stop()
            journal.close()
        publisher.close()




def is_local(settings: Settings, host: str) -> bool:
    """A development machine: ADUAN_ENVIRONMENT=development said so, or (not said) the API serves loopback only."""
    if "environment" in settings.model_fields_set:
        return settings.environment == "development"
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def check_api_settings(settings: Settings, host: str) -> None:
    """Refuse to serve beyond a development machine with the salt every copy of aduan knows: with it,
    anyone can recompute reporter keys from phone numbers and link a citizen's complaints."""
    if settings.reporter_salt.get_secret_value() == DEVELOPMENT_SALT and not is_local(settings, host):
        raise MissingSetting("ADUAN_REPORTER_SALT is the public development value: set a secret one "
                             "(or ADUAN_ENVIRONMENT=development on a development machine)")


def proxy_options(settings: Settings) -> dict:
    """uvicorn's proxy handling: X-Forwarded-For/-Proto believed from ADUAN_TRUSTED_PROXIES only.
    (uvicorn's own default believes 127.0.0.1, so any local process could pose as any client.)"""
    trusted = [part.strip() for part in settings.trusted_proxies.split(",") if part.strip()]
    if not trusted:
        return {"proxy_headers": False, "forwarded_allow_ips": []}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}


def run_api(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    import uvicorn

    from aduan.api import create_app

    host = host or settings.api_host
    problems = settings.deployment_problems(api=True)
    if problems:
        raise MissingSetting("\n".join(problems))
    check_api_settings(settings, host)
    uvicorn.run(create_app(settings), host=host, port=port or settings.api_port, log_level="warning",
                server_header=False, **proxy_options(settings))
