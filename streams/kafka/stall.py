"""Records delivered to the worker but never handled: found, and fetched again.

Faust's consumer delivers a partition's records to the agents' queues and notes the last
one as read. Around a rebalance it clears those queues; records already marked read and not
fetched again are never handled: the worker looks healthy, with no lag, and its tables stop
short. The path seen here (the queues cleared after the seek of a never-committed partition,
``tests/integration/test_worker_crash.py``) is closed at its source by
``streams.kafka.transport.WorkerApp``; this guard is the safety net for a loss at the end of
a partition, whatever its path.

``StallGuard`` (pure) compares, for each input partition, the last offset Faust delivered
with the last offset an agent handled (``Tally.handled``). A gap that stays unchanged for
``after_s`` seconds while no agent is inside a batch is a loss: the guard names the offset to
fetch again from (the first unhandled one). ``wire_stall_guard`` runs it on a Faust timer and
seeks the consumer there; redelivered records are idempotent (event ids, day buckets), so a
refetch doubles nothing. Each refetch is logged and counted (``input_refetches``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from agents.dead_letters import Tally

__all__ = ["STALL_AFTER_S", "StallGuard", "wire_stall_guard"]

log = logging.getLogger(__name__)

STALL_AFTER_S = 30.0
CHECK_EVERY_S = 5.0
Partition = tuple[str, int]


@dataclass
class StallGuard:
    """Finds input partitions whose delivered records were never handled.

    ``check(delivered, handled, committed, busy, now)``: ``delivered`` (topic, partition) ->
    the last offset Faust delivered (its read offset); ``handled`` the same for the agents;
    ``committed`` the group's committed offsets (where to start when nothing was handled);
    ``busy``: an agent is inside a batch. Returns (partition, offset to fetch again from).
    """

    after_s: float = STALL_AFTER_S
    seen: dict[Partition, tuple[int, int, float]] = field(default_factory=dict)

    def check(self, delivered: Mapping[Partition, int | None], handled: Mapping[Partition, int],
              committed: Mapping[Partition, int | None], busy: bool, now: float
              ) -> list[tuple[Partition, int]]:
        """The partitions to fetch again, each with its first unhandled offset."""
        out: list[tuple[Partition, int]] = []
        for tp, read in delivered.items():
            done = handled.get(tp, -1)
            if read is None or read <= done or busy:
                self.seen.pop(tp, None)
                continue
            first = self.seen.get(tp)
            if first is None or first[:2] != (read, done):
                self.seen[tp] = (read, done, now)
                continue
            if now - first[2] >= self.after_s:
                start = done + 1 if done >= 0 else max(committed.get(tp) or 0, 0)
                out.append((tp, start))
                self.seen.pop(tp, None)
        return out


def _delivered(consumer: Any, topics: Iterable[str]) -> dict[Partition, int | None]:
    wanted = set(topics)
    return {(tp.topic, tp.partition): consumer._read_offset.get(tp)
            for tp in consumer.assignment() if tp.topic in wanted}


def wire_stall_guard(app: Any, tally: Tally, topics: list[str],
                     guard: StallGuard | None = None) -> None:
    """Check the input ``topics`` every few seconds and seek any stalled partition back to
    its first unhandled record (see the module docstring)."""
    checker = guard or StallGuard()

    @app.timer(CHECK_EVERY_S)  # type: ignore[untyped-decorator]
    async def refetch_unhandled() -> None:
        consumer = app.consumer
        if app.rebalancing or not app.tables.recovery.completed.is_set():
            return
        committed = {(tp.topic, tp.partition): offset
                     for tp, offset in consumer._committed_offset.items()}
        stalled = checker.check(_delivered(consumer, topics), tally.handled, committed,
                                bool(tally.busy), time.monotonic())
        for (topic, partition), offset in stalled:
            tp = next(t for t in consumer.assignment() if (t.topic, t.partition) == (topic, partition))
            log.warning("%s[%d]: records up to offset %s were delivered but never handled; "
                        "fetching them again from offset %d", topic, partition,
                        consumer._read_offset.get(tp), offset)
            await consumer.seek(tp, offset)
            tally.count("input_refetches")
