"""Publishing to Kafka with kafka-python, acknowledged before anyone is told "accepted".

``acks='all'`` with the idempotent producer: a retry inside the client cannot write a
record twice, and ``publish`` returns only once the broker has acknowledged the write.
"""

from __future__ import annotations

import asyncio
import logging
import threading

from kafka import KafkaProducer
from kafka.errors import KafkaError
from pydantic import BaseModel

from schemas.topics import TopicSpec

log = logging.getLogger(__name__)


class BrokerUnavailable(RuntimeError):
    """The broker did not acknowledge in time; the caller must not report success."""


class Publisher:
    def __init__(self, bootstrap: str, timeout_s: float = 10.0, client_id: str = "aduan-producer") -> None:
        self._bootstrap = bootstrap
        self._timeout_s = timeout_s
        self._client_id = client_id
        self._producer: KafkaProducer | None = None
        self._lock = threading.Lock()

    def _client(self) -> KafkaProducer:
        # Created lazily so the API can start (and answer 503) while the broker is down.
        with self._lock:
            if self._producer is None:
                timeout_ms = int(self._timeout_s * 1000)
                try:
                    self._producer = KafkaProducer(
                        bootstrap_servers=self._bootstrap.split(","),
                        client_id=self._client_id,
                        acks="all",
                        enable_idempotence=True,
                        linger_ms=2,
                        max_block_ms=timeout_ms,
                        request_timeout_ms=timeout_ms,
                        delivery_timeout_ms=timeout_ms + 1000,
                        bootstrap_timeout_ms=timeout_ms,
                    )
                except (KafkaError, OSError) as exc:
                    raise BrokerUnavailable(f"Kafka at {self._bootstrap} unreachable: {exc}") from exc
            return self._producer

    def _send(self, topic: TopicSpec, key: str, value: bytes):
        try:
            return self._client().send(topic.name, key=key.encode(), value=value)
        except BrokerUnavailable:
            raise
        except (KafkaError, OSError) as exc:
            raise BrokerUnavailable(f"send to {topic.name} failed: {exc}") from exc

    def publish(self, topic: TopicSpec, key: str, event: BaseModel) -> None:
        """Blocking publish; returns after the broker acknowledged."""
        future = self._send(topic, key, self._encode(topic, event))
        try:
            future.get(timeout=self._timeout_s + 2)
        except (KafkaError, OSError) as exc:
            raise BrokerUnavailable(f"{topic.name} not acknowledged: {exc}") from exc

    def publish_many(self, items: list[tuple[TopicSpec, str, BaseModel]]) -> None:
        """Send all, then wait for every acknowledgement: one round trip for a batch."""
        futures = [self._send(topic, key, self._encode(topic, event)) for topic, key, event in items]
        try:
            for future in futures:
                future.get(timeout=self._timeout_s + 2)
        except (KafkaError, OSError) as exc:
            raise BrokerUnavailable(f"batch not acknowledged: {exc}") from exc

    async def publish_async(self, topic: TopicSpec, key: str, event: BaseModel) -> None:
        """Like ``publish`` but waits on the acknowledgement without blocking the event loop."""
        value = self._encode(topic, event)
        loop = asyncio.get_running_loop()
        # send() may block on metadata (broker down), so it runs off the loop too.
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
            raise BrokerUnavailable(f"{topic.name} not acknowledged: {exc!r}") from exc

    @staticmethod
    def _encode(topic: TopicSpec, event: BaseModel) -> bytes:
        if not isinstance(event, topic.value_model):
            raise TypeError(f"{topic.name} carries {topic.value_model.__name__}, not {type(event).__name__}")
        return event.model_dump_json().encode()

    def close(self) -> None:
        with self._lock:
            if self._producer is not None:
                self._producer.close(timeout=5)
                self._producer = None
