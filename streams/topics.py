"""Create the project's topics explicitly (kafka-python admin), with their partition counts.

Brokers that auto-create topics pick their own partition count (the embedded broker: 4),
which Faust then rejects; so every topic, the table changelog included, is created here
before a worker starts, and an existing topic with another count is reported clearly.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from streams.app import DAYS_TABLE, DYADS_TABLE, changelog_topic_name
from streams.exceptions import BrokerError, ConfigurationError
from streams.settings import Settings

__all__ = ["TopicSpec", "ensure_topics", "topic_specs"]


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    configs: dict[str, str]


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """Every topic the project uses, with its partitions and configuration."""
    compact = {"cleanup.policy": "compact"}
    return [
        TopicSpec(settings.articles_topic, settings.articles_partitions, {}),
        TopicSpec(settings.events_topic, settings.events_partitions, {}),
        TopicSpec(settings.dead_letters_topic, 1, {}),
        TopicSpec(settings.alerts_topic, 1, {}),
        TopicSpec(changelog_topic_name(settings, DYADS_TABLE), settings.events_partitions, compact),
        TopicSpec(changelog_topic_name(settings, DAYS_TABLE), settings.events_partitions, compact),
    ]


def _admin(settings: Settings, timeout_s: float) -> KafkaAdminClient:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return KafkaAdminClient(client_id=f"{settings.app_id}-admin",
                                    request_timeout_ms=10_000,
                                    **settings.kafka_python_config())
        except KafkaError as exc:
            if time.monotonic() > deadline:
                raise BrokerError(f"cannot reach Kafka at {settings.bootstrap_servers}: {exc}") from exc
            time.sleep(0.2)


def _check_partitions(admin: KafkaAdminClient, specs: list[TopicSpec]) -> None:
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
    """Create missing topics; return the names created. Raises on a partition mismatch."""
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
