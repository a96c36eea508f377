"""Create the catalog's topics explicitly (kafka-python admin), with their partition counts.

Brokers that auto-create topics pick their own partition count (the embedded broker: 4),
which Faust then rejects; so every topic, the table changelog included, is created here
before a worker starts, and an existing topic with another count is reported clearly.
"""

from __future__ import annotations

import contextlib
import time

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from streams.catalog import TopicSpec, topic_specs
from streams.exceptions import BrokerError, ConfigurationError
from streams.kafka.clients import kafka_python_config
from streams.settings import Settings

__all__ = ["ensure_topics"]


def _admin(settings: Settings, timeout_s: float) -> KafkaAdminClient:
    """An admin client, retried until ``timeout_s``; raises ``BrokerError`` after that."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return KafkaAdminClient(client_id=f"{settings.app_id}-admin", request_timeout_ms=10_000,
                                    bootstrap_timeout_ms=int(timeout_s * 1000),
                                    **kafka_python_config(settings))
        except KafkaError as exc:
            if time.monotonic() > deadline:
                raise BrokerError(f"cannot reach Kafka at {settings.bootstrap_servers} within "
                                  f"{timeout_s:g} s (DYADWATCH_BOOTSTRAP_SERVERS): "
                                  f"{type(exc).__name__}") from exc
            time.sleep(0.2)


def _check_partitions(admin: KafkaAdminClient, specs: list[TopicSpec]) -> None:
    """Raise ``ConfigurationError`` if a topic's partition count is not its spec's."""
    described = admin.describe_topics([spec.name for spec in specs])
    counts = {item.get("name", item.get("topic")): len(item.get("partitions") or []) for item in described}
    for spec in specs:
        found = counts.get(spec.name, 0)
        if found != spec.partitions:
            raise ConfigurationError(
                f"topic {spec.name!r} has {found} partitions, the settings say {spec.partitions}; "
                "change the DYADWATCH_*_PARTITIONS settings or recreate the topic"
            )


def ensure_topics(settings: Settings, timeout_s: float = 15.0) -> list[str]:
    """Create the catalog's missing topics (``streams.catalog``); return the names created.

    Raises ``BrokerError`` if Kafka cannot be reached within ``timeout_s`` and
    ``ConfigurationError`` if an existing topic has another partition count.
    """
    specs = topic_specs(settings)
    admin = _admin(settings, timeout_s)
    try:
        existing = set(admin.list_topics())
        missing = [spec for spec in specs if spec.name not in existing]
        if missing:
            new = [NewTopic(spec.name, spec.partitions, settings.replication_factor,
                            topic_configs=spec.configs) for spec in missing]
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics(new, timeout_ms=10_000)
        _check_partitions(admin, specs)
        return [spec.name for spec in missing]
    finally:
        admin.close()
