"""Rejected records to the dead-letter topic, counted by reason (no Faust import).

Both Faust agents (coding, ``agents.coding``; aggregation, ``streams.state.aggregation``)
reject through one ``DeadLetterOutlet``, which the app hands them with the topic and the
worker's ``Tally``. Shape of a dead letter: ``schemas.models.DeadLetter``.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from agents.steps import Rejection
from schemas.contract import schema_header
from schemas.models import DeadLetter

__all__ = ["DEAD_LETTER_KEY_BYTES", "HISTOGRAM_BUCKETS", "DeadLetterOutlet", "Histogram", "RecordSink",
           "Tally", "dead_letter_for", "fitted_dead_letter", "hold_batch", "raw_bytes_kept"]

log = logging.getLogger(__name__)
DETAIL_CHARS = 2_000
DEAD_LETTER_OVERHEAD = 16_384  # the letter's other fields, the key and the record framing
DEAD_LETTER_KEY_BYTES = 1_024  # bytes of the rejected record's key a dead letter keeps
RECORD_FRAMING = 512  # record headers and batch framing around key and value


class RecordSink(Protocol):
    """Where records are sent: a Faust topic (``send`` returns a delivery future)."""

    async def send(self, *, key: Any, value: Any,
                   headers: list[tuple[str, bytes]] | None = None) -> Any:
        """Send one record (key: bytes or None; value: bytes or a model the codec encodes;
        ``headers``: the record's Kafka headers, e.g. ``schemas.contract.schema_header``)."""


HISTOGRAM_BUCKETS: dict[str, tuple[float, ...]] = {
    "seconds": (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0),
    "records": (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000),
}


@dataclass
class Histogram:
    """Observations counted in cumulative buckets (upper bounds), with their sum and count."""

    bounds: tuple[float, ...]
    counts: list[int] = field(default_factory=list)
    total: float = 0.0
    count: int = 0

    def observe(self, value: float) -> None:
        """Count ``value`` in every bucket whose upper bound is at least ``value``."""
        if not self.counts:
            self.counts = [0] * len(self.bounds)
        for index, bound in enumerate(self.bounds):
            if value <= bound:
                self.counts[index] += 1
        self.total += value
        self.count += 1


@dataclass
class Tally:
    """A worker's counters since it started (``/health``, ``/metrics``).

    ``counters``: name -> count (``streams.web.metrics.COUNTERS`` names them);
    ``dead_letter_reasons``: ``"stage:reason"`` -> dead letters sent;
    ``crashed``: agent name -> the error that stopped it (``/health`` says ``crashed``);
    ``histograms``: (name, agent) -> ``Histogram`` (batch sizes, end-to-end latency);
    ``handled``: (topic, partition) -> the highest offset an agent has handled;
    ``busy``: the agents inside a batch right now (``streams.kafka.stall`` reads both).
    """

    counters: dict[str, int] = field(default_factory=dict)
    dead_letter_reasons: dict[str, int] = field(default_factory=dict)
    crashed: dict[str, str] = field(default_factory=dict)
    histograms: dict[tuple[str, str], Histogram] = field(default_factory=dict)
    handled: dict[tuple[str, int], int] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)

    @contextmanager
    def handling(self, agent: str, messages: list[Any]) -> Iterator[None]:
        """``agent`` is busy with ``messages`` inside the block; once it ends normally, their
        offsets are noted as handled (the highest per partition) and the agent is idle. A block
        that raises leaves the agent busy: its held batch is not a gap to fetch again."""
        self.busy.add(agent)
        yield
        for message in messages:
            key = (message.topic, message.partition)
            if message.offset > self.handled.get(key, -1):
                self.handled[key] = message.offset
        self.busy.discard(agent)

    def count(self, name: str, by: int = 1) -> None:
        """Add ``by`` to the counter ``name``."""
        self.counters[name] = self.counters.get(name, 0) + by

    def observe(self, name: str, agent: str, value: float, unit: str = "seconds") -> None:
        """Add one observation to the histogram ``name`` of ``agent`` (buckets by ``unit``)."""
        key = (name, agent)
        if key not in self.histograms:
            self.histograms[key] = Histogram(HISTOGRAM_BUCKETS[unit])
        self.histograms[key].observe(value)


def raw_bytes_kept(max_message_bytes: int) -> int:
    """How many raw bytes a dead letter keeps so that it fits in one record (base64: 4/3)."""
    return max(0, (max_message_bytes - DEAD_LETTER_OVERHEAD) * 3 // 4)


def dead_letter_for(rejection: Rejection, message: Any,
                    max_raw_bytes: int | None = None) -> DeadLetter:
    """The dead letter of a rejected Kafka message (raw bytes kept, base64).

    ``message`` has ``key``, ``value`` (bytes or None), ``topic``, ``partition``, ``offset``.
    A value longer than ``max_raw_bytes`` keeps only its first bytes (``raw_size`` is the
    full size and the detail says so): the dead letter must itself fit in one record.
    """
    raw: bytes = message.value or b""
    detail = rejection.detail[:DETAIL_CHARS]
    if max_raw_bytes is not None and len(raw) > max_raw_bytes:
        detail += f" (raw value truncated to its first {max_raw_bytes} of {len(raw)} bytes)"
    kept = raw if max_raw_bytes is None else raw[:max_raw_bytes]
    raw_key = message.key if isinstance(message.key, bytes) else None
    key = None if raw_key is None else raw_key[:DEAD_LETTER_KEY_BYTES].decode("utf-8", "replace")
    if raw_key is not None and len(raw_key) > DEAD_LETTER_KEY_BYTES:
        detail += f" (key truncated to its first {DEAD_LETTER_KEY_BYTES} of {len(raw_key)} bytes)"
    return DeadLetter(
        stage=rejection.stage, reason=rejection.reason, detail=detail,
        raw_b64=base64.b64encode(kept).decode("ascii"), raw_size=len(raw), key=key,
        key_size=None if raw_key is None else len(raw_key),
        topic=message.topic, partition=message.partition, offset=message.offset,
        at=datetime.now(UTC),
    )


def dead_letter_key(message: Any) -> bytes | None:
    """The key of a dead letter's record: the rejected record's key, its first bytes if long."""
    return message.key[:DEAD_LETTER_KEY_BYTES] if isinstance(message.key, bytes) else None


def fitted_dead_letter(rejection: Rejection, message: Any, max_message_bytes: int) -> DeadLetter:
    """``dead_letter_for`` with as many raw bytes as keep the record (key, JSON value and
    framing) within ``max_message_bytes``, whatever the key, the detail or their escaping."""
    budget = raw_bytes_kept(max_message_bytes)
    key_bytes = len(dead_letter_key(message) or b"")
    while True:
        letter = dead_letter_for(rejection, message, budget)
        size = len(letter.model_dump_json()) + key_bytes + RECORD_FRAMING
        if size <= max_message_bytes or budget == 0:
            return letter
        budget = max(0, budget - ((size - max_message_bytes) * 3 // 4 + 4))


def hold_batch(messages: list[Any], tally: Tally, agent: str, exc: BaseException) -> None:
    """An agent failed part-way through a batch: hold its messages back and say so.

    Each message is marked acknowledged *without* being recorded as such, so Faust never
    commits its offset (nor any later one of its partition): a restart delivers the whole
    batch again. ``/health`` then reports the agent as crashed.
    """
    for message in messages:
        message.acked = True
    tally.crashed[agent] = f"{type(exc).__name__}: {str(exc)[:500]}"
    log.error("agent %s stopped: %s; its last %d records are held back (not committed) and "
              "come again after a restart", agent, tally.crashed[agent], len(messages),
              exc_info=exc)


@dataclass
class DeadLetterOutlet:
    """Sends a rejected message's dead letter (keyed like the message) and counts its reason."""

    topic: RecordSink
    tally: Tally
    max_message_bytes: int

    async def reject(self, rejection: Rejection, message: Any) -> None:
        """Send the dead letter of ``message``; failures of the send propagate (the batch is
        then not acknowledged and comes again)."""
        letter = fitted_dead_letter(rejection, message, self.max_message_bytes)
        await self.topic.send(key=dead_letter_key(message), value=letter,
                              headers=[schema_header(DeadLetter)])
        reason = f"{rejection.stage}:{rejection.reason}"
        reasons = self.tally.dead_letter_reasons
        reasons[reason] = reasons.get(reason, 0) + 1
        log.warning("dead letter from %s[%s]@%s: %s (%s)", message.topic, message.partition,
                    message.offset, reason, rejection.detail[:200])
