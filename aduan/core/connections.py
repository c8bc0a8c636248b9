"""The only place Kafka and Elasticsearch clients are built, with the limits decided once.

Every process gets its clients here (``Connections(settings)``), so static group membership, fetch
pacing, message size limits and timeouts cannot differ between the indexer, the webhook dispatcher,
the live feed and the rest. The module-level functions take plain server addresses, for callers that
have no settings (tests, benchmarks).

Credentials and TLS come from the settings too (``kafka_security``, ``elasticsearch_security``,
``stream_credentials``): one mapping from ``ADUAN_KAFKA_*`` / ``ADUAN_ELASTICSEARCH_*`` to client
options, used by kafka-python, the Elasticsearch client and faust's aiokafka alike.

``Publisher`` publishes with ``acks='all'`` and the idempotent producer: a retry inside the client
cannot write a record twice, and ``publish`` returns only once the broker has acknowledged the write.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from typing import Any, Literal, Mapping

from elasticsearch import Elasticsearch
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType
from kafka.errors import BrokerResponseError, KafkaError
from pydantic import BaseModel

from aduan.core import fetch_pacing
from aduan.core.settings import Settings
from aduan.core.tiered_search import TieredElasticsearch
from schemas.topics import TopicSpec

log = logging.getLogger(__name__)

# The local emulator ignores fetch size limits and may answer with one large response.
RECEIVE_MAX_BYTES = 256 * 1024 * 1024
FETCH_MAX_BYTES = 64 * 1024 * 1024
PARTITION_FETCH_MAX_BYTES = 16 * 1024 * 1024


def _servers(bootstrap: str) -> list[str]:
    return [server.strip() for server in bootstrap.split(",") if server.strip()]


def kafka_producer(bootstrap: str, client_id: str, timeout_s: float = 10.0, **options: Any) -> KafkaProducer:
    """``acks='all'``, idempotent; ``options`` override the batching (load generators batch more)."""
    timeout_ms = int(timeout_s * 1000)
    return KafkaProducer(**{
        "bootstrap_servers": _servers(bootstrap),
        "client_id": client_id,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 2,
        "max_block_ms": timeout_ms,
        "request_timeout_ms": timeout_ms,
        "delivery_timeout_ms": timeout_ms + 1000,
        "bootstrap_timeout_ms": timeout_ms,
        **options,
    })


def kafka_consumer(bootstrap: str, *topics: str, group: str | None, client_id: str,
                   instance_id: str | None = None, start: Literal["earliest", "latest"] = "earliest",
                   max_poll_interval_ms: int = 300_000, max_poll_records: int = 1000,
                   **options: Any) -> KafkaConsumer:
    """A kafka-python consumer that never auto-commits.

    With a ``group`` and an ``instance_id`` the membership is static: a process restarted after a crash
    takes its partitions back at once instead of waiting for the old member to time out (the local
    emulator never expires a killed member, so without it a restart after ``kill -9`` waits forever).
    Without a group the consumer is positioned by the caller (``assign``) and commits nothing.
    """
    return KafkaConsumer(
        *topics,
        bootstrap_servers=_servers(bootstrap),
        group_id=group,
        group_instance_id=f"{group}-{instance_id}" if group and instance_id else None,
        client_id=client_id,
        enable_auto_commit=False,
        auto_offset_reset=start,
        max_poll_records=max_poll_records,
        max_poll_interval_ms=max_poll_interval_ms,
        session_timeout_ms=10_000,
        receive_message_max_bytes=RECEIVE_MAX_BYTES,
        fetch_max_bytes=FETCH_MAX_BYTES,
        max_partition_fetch_bytes=PARTITION_FETCH_MAX_BYTES,
        **options,
    )


def kafka_admin(bootstrap: str, client_id: str = "aduan-admin", **options: Any) -> KafkaAdminClient:
    return KafkaAdminClient(bootstrap_servers=_servers(bootstrap), client_id=client_id, **options)


# "compact,delete" with no time or size limit deletes nothing by itself, compacts as before, and allows
# DeleteRecords, which Kafka (and the emulator, like it) refuses on a compact-only topic.
DELETABLE_COMPACTED = {"cleanup.policy": "compact,delete", "retention.ms": "-1", "retention.bytes": "-1"}


def delete_records(admin: KafkaAdminClient, offsets: Mapping[TopicPartition, int]) -> None:
    """DeleteRecords below ``offsets``. Only for the local emulator, which applies no retention or
    compaction itself (aduan/local_retention.py, streams/changelog_compaction.py): a compacted topic it
    refuses this for is first set to ``DELETABLE_COMPACTED``, with a log line."""
    try:
        admin.delete_records(dict(offsets))
        return
    except BrokerResponseError as exc:  # PolicyViolationError, or per partition inside a BrokerResponseError
        if "PolicyViolation" not in f"{type(exc).__name__} {exc}":
            raise
    topics = sorted({tp.topic for tp in offsets})
    admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs=DELETABLE_COMPACTED)
                         for topic in topics])
    log.warning("cleanup.policy of %s set to compact,delete with unlimited retention, so that superseded "
                "records can be deleted (the emulator never compacts)", ", ".join(topics))
    admin.delete_records(dict(offsets))


def elasticsearch(url: str, request_timeout: float = 10, **options: Any) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=request_timeout, **options)


def kafka_security(settings: Settings) -> dict[str, Any]:
    """kafka-python's security options for the settings (the setting names are kafka-python's)."""
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {"security_protocol": protocol}
    if protocol.startswith("SASL_"):
        options.update(sasl_mechanism=settings.kafka_sasl_mechanism,
                       sasl_plain_username=settings.kafka_sasl_plain_username,
                       sasl_plain_password=settings.kafka_sasl_plain_password.get_secret_value())
    if protocol.endswith("SSL") and settings.kafka_ssl_cafile:
        options["ssl_cafile"] = str(settings.kafka_ssl_cafile)
    return options


def compression(settings: Settings) -> str | None:
    """The producers' ``compression_type`` (kafka-python and aiokafka spell it alike; None = off)."""
    return None if settings.kafka_compression == "none" else settings.kafka_compression


def stream_credentials(settings: Settings):
    """The same security for faust's aiokafka (``broker_credentials``); None for PLAINTEXT."""
    from faust.auth import SASLCredentials, SSLCredentials

    protocol = settings.kafka_security_protocol
    context = None
    if protocol.endswith("SSL"):
        cafile = str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cafile)
    if protocol.startswith("SASL_"):
        return SASLCredentials(username=settings.kafka_sasl_plain_username,
                               password=settings.kafka_sasl_plain_password.get_secret_value(),
                               mechanism=settings.kafka_sasl_mechanism, ssl_context=context)
    if protocol == "SSL":
        return SSLCredentials(context)
    return None


def elasticsearch_security(settings: Settings) -> dict[str, Any]:
    """The Elasticsearch client's ``api_key`` (preferred) or ``basic_auth``, and ``ca_certs``."""
    options: dict[str, Any] = {}
    api_key = settings.elasticsearch_api_key.get_secret_value()
    if api_key:
        options["api_key"] = api_key
    elif settings.elasticsearch_username:
        options["basic_auth"] = (settings.elasticsearch_username, settings.elasticsearch_password.get_secret_value())
    if settings.elasticsearch_ca_certs:
        options["ca_certs"] = str(settings.elasticsearch_ca_certs)
    return options


class Connections:
    """Every client a process needs, built from one ``Settings`` (quixstreams' ``Application`` idea)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        fetch_pacing.install(settings.kafka_empty_fetch_pause_ms)

    def publisher(self, client_id: str) -> Publisher:
        self.settings.require_servers(elasticsearch=False)
        return Publisher(self.settings.kafka_bootstrap, self.settings.kafka_timeout_s, client_id=client_id,
                         options={**kafka_security(self.settings), "compression_type": compression(self.settings)})

    def consumer(self, *topics: TopicSpec, group: str, **options: Any) -> KafkaConsumer:
        """A group member with static membership (``ADUAN_INSTANCE_ID``)."""
        self.settings.require_servers(elasticsearch=False)
        return kafka_consumer(self.settings.kafka_bootstrap, *(spec.name for spec in topics), group=group,
                              client_id=f"{group}-consumer", instance_id=self.settings.instance_id,
                              **kafka_security(self.settings), **options)

    def reader(self, client_id: str, **options: Any) -> KafkaConsumer:
        """A group-less consumer that the caller positions with ``assign`` (live feed, tail)."""
        self.settings.require_servers(elasticsearch=False)
        return kafka_consumer(self.settings.kafka_bootstrap, group=None, client_id=client_id,
                              **kafka_security(self.settings), **options)

    def admin(self, client_id: str) -> KafkaAdminClient:
        self.settings.require_servers(elasticsearch=False)
        return kafka_admin(self.settings.kafka_bootstrap, client_id=client_id, **kafka_security(self.settings))

    def elasticsearch(self, request_timeout: float = 10) -> Elasticsearch:
        """The search server; with a cold tier (the local stack), both tiers read as one
        (``aduan.core.tiered_search``)."""
        self.settings.require_servers(kafka=False)
        hot = elasticsearch(self.settings.elasticsearch_url, request_timeout=request_timeout,
                            **elasticsearch_security(self.settings))
        if not self.settings.elasticsearch_cold_url:
            return hot
        cold = elasticsearch(self.settings.elasticsearch_cold_url, request_timeout=request_timeout,
                             **elasticsearch_security(self.settings))
        return TieredElasticsearch(hot, cold, self.settings.index_alias)  # type: ignore[return-value]


class BrokerUnavailable(RuntimeError):
    """The broker did not acknowledge in time; the caller must not report success."""


def kafka_answers(bootstrap: str, timeout_s: float = 1.0) -> bool:
    """True if a bootstrap server answers a Kafka request (ApiVersions v0) within ``timeout_s``.

    An open port is not enough: a stalled broker (SIGSTOP, a full GC) still accepts connections in
    the kernel's backlog but answers nothing, and that is exactly when a health check must say so."""
    import socket
    import struct

    client = b"aduan-health"
    request = struct.pack(">hhih", 18, 0, 7, len(client)) + client
    for server in _servers(bootstrap):
        host, _, port = server.rpartition(":")
        try:
            with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s) as sock:
                sock.settimeout(timeout_s)
                sock.sendall(struct.pack(">i", len(request)) + request)
                answer = sock.recv(8)
                if len(answer) >= 8 and struct.unpack(">i", answer[4:8])[0] == 7:
                    return True
        except (OSError, ValueError):
            continue
    return False


def _close_abandoned(producer: KafkaProducer, client_id: str) -> None:
    """Close a producer given up on without waiting for its unsent records (they were already reported
    as failed to their callers); kafka-python raises when such a close times out, which says nothing new."""
    try:
        producer.close(timeout=0)
    except KafkaError as exc:
        log.debug("abandoned producer %s closed with %s", client_id, exc)


class Publisher:
    # After this many failed acknowledgements in a row the producer is closed and built anew on the
    # next send: a kafka-python producer that lived through a broker stall may never recover its
    # connections, while a fresh one writes at once (measured: the API answered 503 for minutes).
    RESET_AFTER_FAILURES = 2
    # Records sent and not yet settled above which sends leave the event loop (see _may_send_on_loop).
    ON_LOOP_MAX_IN_FLIGHT = 1000

    def __init__(self, bootstrap: str, timeout_s: float = 10.0, client_id: str = "aduan-producer",
                 options: Mapping[str, Any] | None = None) -> None:
        self._bootstrap = bootstrap
        self._timeout_s = timeout_s
        self._client_id = client_id
        self._options = dict(options or {})  # security (kafka_security) and compression, never batching
        self._producer: KafkaProducer | None = None
        # Two locks: ``_lock`` guards the state and is held only for moments (``_failed`` takes it on
        # the event loop), ``_build_lock`` serialises building a client, which blocks up to the timeout
        # while a stalled broker does not answer its bootstrap. With one lock held across the build, a
        # send timing out on the loop waited for a build in an executor thread: the API's loop stood
        # still for seconds at a stall's start (/healthz took 5.6-10 s to answer).
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._failures = 0
        self.failing = False  # the last send was not acknowledged (cleared by the next acknowledgement)
        self._in_flight = 0  # sent, neither acknowledged nor failed
        # Its own lock: futures settle on the sender thread, also inside close() while _lock is held.
        self._in_flight_lock = threading.Lock()

    def _failed(self, exc: BrokerUnavailable) -> BrokerUnavailable:
        self.failing = True
        with self._lock:
            self._failures += 1
            stale = self._producer if self._failures >= self.RESET_AFTER_FAILURES else None
            if stale is not None:
                self._producer, self._failures = None, 0
        if stale is not None:
            log.warning("producer %s reset after repeated failures: %s", self._client_id, exc)
            threading.Thread(target=_close_abandoned, args=(stale, self._client_id), daemon=True).start()
        return exc

    def _succeeded(self) -> None:
        self._failures = 0
        self.failing = False

    def _client(self) -> KafkaProducer:
        # Created lazily so the API can start (and answer 503) while the broker is down. Never on the
        # event loop (see _may_send_on_loop); only builders wait for each other.
        producer = self._producer
        if producer is not None:
            return producer
        with self._build_lock:
            if self._producer is None:
                try:
                    built = kafka_producer(self._bootstrap, self._client_id, self._timeout_s, **self._options)
                except (KafkaError, OSError) as exc:
                    raise BrokerUnavailable(f"Kafka at {self._bootstrap} unreachable: {exc}") from exc
                with self._lock:
                    self._producer = built
            return self._producer

    def _send(self, topic: TopicSpec, key: str, value: bytes, producer: KafkaProducer | None = None):
        try:
            future = (producer or self._client()).send(topic.name, key=key.encode(), value=value)
        except BrokerUnavailable:
            raise
        except (KafkaError, OSError) as exc:
            raise self._failed(BrokerUnavailable(f"send to {topic.name} failed: {exc}")) from exc
        with self._in_flight_lock:
            self._in_flight += 1
        future.add_both(self._settled)
        return future

    def _settled(self, _result: object) -> None:
        with self._in_flight_lock:
            self._in_flight -= 1

    def _may_send_on_loop(self, topic: TopicSpec) -> KafkaProducer | None:
        """The producer, if ``send()`` cannot block right now; else None (send from a thread).

        kafka-python's ``send()`` blocks in three places: building the client (bootstrap, up to the
        timeout), waiting for a topic's metadata (up to ``max_block_ms``) and — in versions with a
        buffer pool — waiting for buffer memory while the broker does not take records. So on the
        loop only with a built producer that knows the topic, has not failed since its last
        acknowledgement (a stalled broker sends everything to the thread) and holds few records."""
        producer = self._producer
        if (producer is None or self._failures or self._in_flight >= self.ON_LOOP_MAX_IN_FLIGHT
                or not producer._metadata.partitions_for_topic(topic.name)):
            return None
        return producer

    def publish(self, topic: TopicSpec, key: str, event: BaseModel, raw: bytes = b"") -> None:
        """Blocking publish; returns after the broker acknowledged."""
        self.publish_bytes(topic, key, self._encode(topic, event))

    def publish_bytes(self, topic: TopicSpec, key: str, value: bytes) -> None:
        """Blocking publish of an already encoded event (the journal's forwarder)."""
        future = self._send(topic, key, value)
        try:
            future.get(timeout=self._timeout_s + 2)
        except (KafkaError, OSError) as exc:
            raise self._failed(BrokerUnavailable(f"{topic.name} not acknowledged: {exc}")) from exc
        self._succeeded()

    def publish_many(self, items: list[tuple[TopicSpec, str, BaseModel]]) -> None:
        """Send all, then wait for every acknowledgement: one round trip for a batch."""
        futures = [self._send(topic, key, self._encode(topic, event)) for topic, key, event in items]
        try:
            for future in futures:
                future.get(timeout=self._timeout_s + 2)
        except (KafkaError, OSError) as exc:
            raise self._failed(BrokerUnavailable(f"batch not acknowledged: {exc}")) from exc
        self._succeeded()

    async def publish_async(self, topic: TopicSpec, key: str, event: BaseModel, raw: bytes = b"") -> None:
        """Like ``publish`` but waits on the acknowledgement without blocking the event loop.
        ``raw`` is for a journaled publisher (aduan.core.journal); this one does not keep it."""
        await self.publish_bytes_async(topic, key, self._encode(topic, event))

    async def publish_bytes_async(self, topic: TopicSpec, key: str, value: bytes) -> None:
        loop = asyncio.get_running_loop()
        producer = self._may_send_on_loop(topic)
        if producer is not None:
            # send() only appends to a batch here (a thread hop per request measured ~0.1 ms of the
            # API's CPU). The producer is passed on: a reset by another thread in between must not
            # make this call build a new client on the loop.
            future = self._send(topic, key, value, producer)
        else:
            future = await loop.run_in_executor(None, self._send, topic, key, value)
        done: asyncio.Future[None] = loop.create_future()

        def settle(result: object = None, error: BaseException | None = None) -> None:
            if not done.done():
                done.set_exception(error) if error else done.set_result(None)

        future.add_callback(lambda _meta: loop.call_soon_threadsafe(settle))
        future.add_errback(lambda exc: loop.call_soon_threadsafe(settle, None, exc))
        try:
            await asyncio.wait_for(done, timeout=self._timeout_s + 2)
        except (KafkaError, OSError, asyncio.TimeoutError) as exc:
            raise self._failed(BrokerUnavailable(f"{topic.name} not acknowledged: {exc!r}")) from exc
        self._succeeded()

    @staticmethod
    def _encode(topic: TopicSpec, event: BaseModel) -> bytes:
        if not isinstance(event, topic.value_model):
            raise TypeError(f"{topic.name} carries {topic.value_model.__name__}, not {type(event).__name__}")
        return event.model_dump_json().encode()

    def close(self) -> None:
        with self._build_lock:
            with self._lock:
                producer, self._producer = self._producer, None
            if producer is not None:
                producer.close(timeout=5)
