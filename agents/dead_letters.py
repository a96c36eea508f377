"""Rejected records to the dead-letter topic, counted by reason (no Faust import).

Both Faust agents (coding, ``agents.coding``; aggregation, ``streams.state.aggregation``)
reject through one ``DeadLetterOutlet``, which the app hands them with the topic and the
worker's ``Tally``. Shape of a dead letter: ``schemas.models.DeadLetter``.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from agents.steps import Rejection
from schemas.models import DeadLetter

__all__ = ["DeadLetterOutlet", "RecordSink", "Tally", "dead_letter_for", "raw_bytes_kept"]

log = logging.getLogger(__name__)
DETAIL_CHARS = 2_000
DEAD_LETTER_OVERHEAD = 16_384  # the letter's other fields, the key and the record framing


class RecordSink(Protocol):
    """Where records are sent: a Faust topic (``send`` returns a delivery future)."""

    async def send(self, *, key: Any, value: Any) -> Any:
        """Send one record (key: bytes or None; value: bytes or a model the codec encodes)."""


@dataclass
class Tally:
    """A worker's counters since it started (``/health``, ``/metrics``).

    ``counters``: name -> count (``streams.web.metrics.COUNTERS`` names them);
    ``dead_letter_reasons``: ``"stage:reason"`` -> dead letters sent.
    """

    counters: dict[str, int] = field(default_factory=dict)
    dead_letter_reasons: dict[str, int] = field(default_factory=dict)

    def count(self, name: str, by: int = 1) -> None:
        """Add ``by`` to the counter ``name``."""
        self.counters[name] = self.counters.get(name, 0) + by


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
    key = message.key.decode("utf-8", "replace") if isinstance(message.key, bytes) else None
    return DeadLetter(
        stage=rejection.stage, reason=rejection.reason, detail=detail,
        raw_b64=base64.b64encode(kept).decode("ascii"), raw_size=len(raw), key=key,
        topic=message.topic, partition=message.partition, offset=message.offset,
        at=datetime.now(UTC),
    )


@dataclass
class DeadLetterOutlet:
    """Sends a rejected message's dead letter (keyed like the message) and counts its reason."""

    topic: RecordSink
    tally: Tally
    max_message_bytes: int

    async def reject(self, rejection: Rejection, message: Any) -> None:
        """Send the dead letter of ``message``; failures of the send propagate (the batch is
        then not acknowledged and comes again)."""
        letter = dead_letter_for(rejection, message, raw_bytes_kept(self.max_message_bytes))
        await self.topic.send(key=message.key, value=letter)
        reason = f"{rejection.stage}:{rejection.reason}"
        reasons = self.tally.dead_letter_reasons
        reasons[reason] = reasons.get(reason, 0) + 1
        log.warning("dead letter from %s[%s]@%s: %s (%s)", message.topic, message.partition,
                    message.offset, reason, rejection.detail[:200])
