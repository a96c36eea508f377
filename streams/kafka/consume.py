"""A downstream consumer of ``relation-events`` (kafka-python), printing JSON lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from streams.exceptions import BrokerError
from streams.kafka.clients import kafka_python_config
from streams.settings import Settings

__all__ = ["read_records", "read_topic"]


def _assign(consumer: KafkaConsumer, topic: str, from_beginning: bool) -> list[TopicPartition]:
    partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        raise BrokerError(f"topic {topic!r} does not exist (has a worker been started?)")
    assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(assigned)
    if from_beginning:
        consumer.seek_to_beginning(*assigned)
    else:
        consumer.seek_to_end(*assigned)
    return assigned


def _caught_up(consumer: KafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    return all(consumer.position(tp) >= end for tp, end in ends.items())


def read_records(settings: Settings, topic: str, *, from_beginning: bool, follow: bool,
                 stop: Callable[[], bool] | None = None) -> Iterator[Any]:
    """Yield the topic's records (kafka-python ``ConsumerRecord``), each partition in order.

    Without ``follow``, stop at the end offsets seen at the start, and then only once a poll
    returns nothing: the embedded broker reports a partition's end as the first offset of its
    last batch + 1, so a batch can reach past the end it reported.
    """
    consumer = KafkaConsumer(enable_auto_commit=False, group_id=None,
                             session_timeout_ms=settings.client_session_timeout_ms,
                             heartbeat_interval_ms=min(1000, settings.client_session_timeout_ms // 3),
                             **kafka_python_config(settings))
    try:
        assigned = _assign(consumer, topic, from_beginning)
        ends = consumer.end_offsets(assigned)
        while not (stop and stop()):
            at_end = not follow and _caught_up(consumer, ends)
            polled = consumer.poll(timeout_ms=200)
            if at_end and not polled:
                return
            for records in polled.values():
                yield from records
    finally:
        consumer.close()


def read_topic(settings: Settings, topic: str, *, from_beginning: bool, follow: bool,
               key: bytes | None = None, stop: Callable[[], bool] | None = None,
               ) -> Iterator[tuple[bytes | None, bytes]]:
    """Yield (key, value) of a topic; without ``follow``, stop at the end offsets of the start."""
    for record in read_records(settings, topic, from_beginning=from_beginning, follow=follow,
                               stop=stop):
        if key is None or record.key == key:
            yield record.key, record.value
