"""Idempotent set-up of the servers: topics from the registry, the index template and alias."""

from __future__ import annotations

from typing import Any

from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from aduan.core.connections import kafka_admin
from schemas.topics import ALL_TOPICS, TopicSpec


def create_topics(bootstrap: str, replication: int = 1, topics: tuple[TopicSpec, ...] = ALL_TOPICS,
                  **security: Any) -> list[tuple[str, str]]:
    """Create every registered topic; return ``(name, "created" | "exists")`` per topic.

    ``security`` is ``connections.kafka_security(settings)`` for a broker that wants SASL/TLS.
    """
    admin = kafka_admin(bootstrap, **security)
    try:
        existing = set(admin.list_topics())
        outcome = []
        for spec in topics:
            if spec.name in existing:
                outcome.append((spec.name, "exists"))
                continue
            try:
                admin.create_topics([NewTopic(spec.name, spec.partitions, replication,
                                              topic_configs=spec.kafka_configs())])
                outcome.append((spec.name, "created"))
            except TopicAlreadyExistsError:  # created concurrently by another process
                outcome.append((spec.name, "exists"))
        return outcome
    finally:
        admin.close()


def kafka_topic_resources(cluster: str, replicas: int = 3, min_insync_replicas: int = 2,
                          topics: tuple[TopicSpec, ...] = ALL_TOPICS) -> list[dict]:
    """The registry as Strimzi ``KafkaTopic`` resources (deploy/kubernetes/kafka-topics.yaml).

    The same partitions and configs as ``create_topics``; ``min.insync.replicas`` below the
    replication factor so that, with ``acks=all``, one broker may be down without refusing writes.
    """
    return [{
        "apiVersion": "kafka.strimzi.io/v1beta2",
        "kind": "KafkaTopic",
        "metadata": {"name": spec.name, "labels": {"strimzi.io/cluster": cluster}},
        "spec": {
            "topicName": spec.name,
            "partitions": spec.partitions,
            "replicas": replicas,
            "config": {**spec.kafka_configs(), "min.insync.replicas": str(min_insync_replicas)},
        },
    } for spec in topics]
