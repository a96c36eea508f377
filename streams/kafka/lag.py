"""Consumer lag of a running Faust worker: per topic and partition, from its own consumer.

Lag of a partition = its high watermark (the offset the next record will get, as last
fetched) minus the group's committed offset there (Kafka's own definition, the one
``kafka-consumer-groups`` shows). Only the partitions assigned to this worker are known;
a partition not fetched yet has no high watermark and is left out. No Faust import: the
app is read through its attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["consumer_lag", "lag_by_topic"]


def _position(consumer: Any, tp: Any) -> int:
    """The group's committed offset of ``tp``, else one past the last record read, else 0."""
    committed = consumer._committed_offset.get(tp)
    if committed is not None:
        return int(committed)
    read = consumer._read_offset.get(tp)
    return 0 if read is None else int(read) + 1


def consumer_lag(app: Any, topics: Iterable[str]) -> dict[str, dict[int, int]]:
    """``{topic: {partition: lag}}`` of this worker's assigned partitions of ``topics``."""
    wanted = set(topics)
    lag: dict[str, dict[int, int]] = {}
    try:
        consumer = app.consumer
        assigned = list(consumer.assignment())
    except Exception:  # not started, or stopping: nothing known yet
        return {}
    for tp in assigned:
        if tp.topic not in wanted:
            continue
        try:
            highwater = consumer.highwater(tp)
        except Exception:  # the client is being replaced (rebalance)
            continue
        if highwater is None:
            continue
        lag.setdefault(tp.topic, {})[tp.partition] = max(0, int(highwater) - _position(consumer, tp))
    return lag


def lag_by_topic(lag: dict[str, dict[int, int]], topics: Iterable[str]) -> dict[str, int]:
    """The total lag of each of ``topics`` (0 when none of its partitions is known)."""
    return {topic: sum(lag.get(topic, {}).values()) for topic in topics}
