"""Downstream consumers of the project's topics (kafka-python): ``events``, ``alerts``,
``dead-letters``, ``rebuild`` and ``recode`` read through ``read_records``.

Where a read starts, per partition: the group's committed offset if a ``group`` is given
and has one; else the beginning if ``from_beginning`` or not ``follow``; else the end (a
``--follow`` shows what comes next). Without ``follow`` it stops at the end. With a group,
offsets are committed once the records of a poll have all been handed on (at least once:
an interrupted read shows its last batch again next time).

A broker that cannot be reached within ``DYADWATCH_CONNECT_TIMEOUT_S`` raises
``BrokerError`` (one line), never kafka-python's own errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from streams.exceptions import BrokerError
from streams.kafka.clients import kafka_python_config
from streams.settings import Settings

__all__ = ["read_records", "read_topic", "unreachable"]


def unreachable(settings: Settings, exc: BaseException) -> BrokerError:
    """The one-line error for a broker that did not answer."""
    return BrokerError(f"cannot reach Kafka at {settings.bootstrap_servers} within "
                       f"{settings.connect_timeout_s:g} s (DYADWATCH_BOOTSTRAP_SERVERS, "
                       f"DYADWATCH_CONNECT_TIMEOUT_S): {type(exc).__name__}")


def _consumer(settings: Settings, group: str | None) -> KafkaConsumer:
    timeout_ms = int(settings.connect_timeout_s * 1000)
    return KafkaConsumer(enable_auto_commit=False, group_id=group,
                         session_timeout_ms=settings.client_session_timeout_ms,
                         heartbeat_interval_ms=min(1000, settings.client_session_timeout_ms // 3),
                         bootstrap_timeout_ms=timeout_ms,
                         **kafka_python_config(settings))


def _assign(consumer: KafkaConsumer, topic: str, *, start_at_end: bool,
            group: str | None) -> list[TopicPartition]:
    partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        raise BrokerError(f"topic {topic!r} does not exist (has a worker been started?)")
    assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(assigned)
    fresh = []
    for tp in assigned:
        committed = consumer.committed(tp) if group else None
        if committed is None:
            fresh.append(tp)
        else:
            consumer.seek(tp, committed)
    if fresh:
        (consumer.seek_to_end if start_at_end else consumer.seek_to_beginning)(*fresh)
    return assigned


def _caught_up(consumer: KafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    return all(consumer.position(tp) >= end for tp, end in ends.items())


def read_records(settings: Settings, topic: str, *, from_beginning: bool, follow: bool,
                 stop: Callable[[], bool] | None = None, group: str | None = None,
                 ) -> Iterator[Any]:
    """Yield the topic's records (kafka-python ``ConsumerRecord``), each partition in order.

    Without ``follow``, stop at the end offsets seen at the start, and then only once a poll
    returns nothing: the embedded broker reports a partition's end as the first offset of its
    last batch + 1, so a batch can reach past the end it reported. Raises ``BrokerError``.
    """
    try:
        consumer = _consumer(settings, group)
    except KafkaError as exc:
        raise unreachable(settings, exc) from None
    try:
        assigned = _assign(consumer, topic, start_at_end=follow and not from_beginning,
                           group=group)
        ends = consumer.end_offsets(assigned)
        while not (stop and stop()):
            at_end = not follow and _caught_up(consumer, ends)
            polled = consumer.poll(timeout_ms=200)
            if at_end and not polled:
                break
            for records in polled.values():
                yield from records
            if group and polled:
                consumer.commit()
    except KafkaError as exc:
        raise unreachable(settings, exc) from None
    finally:
        consumer.close()


def read_topic(settings: Settings, topic: str, *, from_beginning: bool, follow: bool,
               key: bytes | None = None, stop: Callable[[], bool] | None = None,
               group: str | None = None) -> Iterator[tuple[bytes | None, bytes]]:
    """Yield (key, value) of a topic, of ``key`` only if given (see ``read_records``)."""
    for record in read_records(settings, topic, from_beginning=from_beginning, follow=follow,
                               stop=stop, group=group):
        if key is None or record.key == key:
            yield record.key, record.value
