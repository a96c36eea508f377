"""Consumer lag of a running Faust worker: per topic and partition, from its own consumer.

Lag of a partition = its high watermark (the offset the next record will get, as last
fetched) minus this worker's position there: the offset after the last record its agents
have processed (acknowledged to Faust), or the group's committed offset if that is further
(the figure ``kafka-consumer-groups`` shows, which trails by up to Faust's commit
interval). Only the partitions assigned to this worker are known; a partition not fetched
yet has no high watermark and is left out. No Faust import: the app is read through its
attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["consumer_lag", "lag_by_topic"]


def _position(consumer: Any, tp: Any) -> int:
    """One past the last record of ``tp`` processed, or the committed offset if further."""
    committed = consumer._committed_offset.get(tp)
    acked = consumer._acked.get(tp)
    processed = max(acked) + 1 if acked else 0
    return max(processed, 0 if committed is None else int(committed))


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
