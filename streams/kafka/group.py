"""A consumer-group reader for downstream services (``dyadwatch lake``), kafka-python.

The service polls a batch, stores it, then ``commit``s: at-least-once, the service makes it
exactly-once by being idempotent. Also the producer its dead letters go through.
"""

from __future__ import annotations

import logging
from typing import Any

from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import CommitFailedError, KafkaError

from streams.exceptions import BrokerError
from streams.kafka.clients import kafka_python_config
from streams.kafka.publish import new_producer
from streams.settings import Settings

__all__ = ["GroupReader"]

log = logging.getLogger(__name__)


class GroupReader:
    """Reads ``topic`` as a member of ``group`` (offsets committed by ``commit`` only; a group
    with no committed offset starts at the beginning of the topic).

    Raises ``BrokerError`` if the broker cannot be reached at start.
    """

    def __init__(self, settings: Settings, topic: str, group: str, max_records: int) -> None:
        try:
            self.consumer = KafkaConsumer(
                group_id=group, enable_auto_commit=False, auto_offset_reset="earliest",
                max_poll_records=max_records,
                session_timeout_ms=max(settings.client_session_timeout_ms, 6000),
                heartbeat_interval_ms=1000, **kafka_python_config(settings))
            self.consumer.subscribe([topic])
            self.producer: KafkaProducer = new_producer(settings, settings.publish_timeout_s)
        except KafkaError as exc:
            raise BrokerError(f"cannot reach the brokers at {settings.bootstrap_servers}: {exc}") from None

    def poll(self, timeout_s: float) -> list[Any]:
        """The next records (kafka-python ``ConsumerRecord``), each partition in order."""
        polled = self.consumer.poll(timeout_ms=int(timeout_s * 1000))
        return [record for records in polled.values() for record in records]

    def commit(self) -> None:
        """Commit the positions of everything polled so far (a rebalance in between is logged:
        the records come again to the next owner, which the service ignores as stored)."""
        try:
            self.consumer.commit()
        except (CommitFailedError, KafkaError) as exc:
            log.warning("commit failed (the records will be read again): %s", exc)

    def send(self, topic: str, key: bytes | None, value: bytes,
             headers: list[tuple[str, bytes]] | None = None) -> None:
        """Send one record (dead letters) with ``headers``, acknowledged before it returns."""
        self.producer.send(topic, key=key, value=value, headers=headers or []).get(timeout=30)

    def close(self) -> None:
        """Leave the group and close the clients."""
        self.consumer.close()
        self.producer.close(timeout=5)
