"""The flat row of one relation event (GDELT-like), and its Arrow schema.

Codes are strings with their leading zeros (``cameo_code`` ``"062"``, ``root_code`` ``"06"``);
``day`` is the UTC day of ``event_time`` as ``YYYYMMDD``. Beside the documented columns each
stored row keeps ``pair``, ``cameo_name``, ``coder_rank`` (the coder version as a number, to
find superseded versions) and where it was read (``kafka_partition``, ``kafka_offset``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from schemas.models import RelationEvent, coder_version_key

__all__ = ["EVENT_COLUMNS", "SCHEMA", "VIEW_COLUMNS", "coder_rank", "flat_row"]

SCHEMA = pa.schema([
    ("event_id", pa.string()),
    ("day", pa.string()),
    ("event_time", pa.timestamp("us", tz="UTC")),
    ("pair", pa.string()),
    ("source", pa.string()),
    ("target", pa.string()),
    ("source_actor", pa.string()),
    ("target_actor", pa.string()),
    ("cameo_code", pa.string()),
    ("root_code", pa.string()),
    ("cameo_name", pa.string()),
    ("quad_class", pa.int8()),
    ("goldstein", pa.float64()),
    ("confidence", pa.float64()),
    ("article_id", pa.string()),
    ("article_url", pa.string()),
    ("article_title", pa.string()),
    ("outlet", pa.string()),
    ("sentence", pa.string()),
    ("trigger", pa.string()),
    ("coder_version", pa.string()),
    ("coder_rank", pa.int64()),
    ("kafka_partition", pa.int32()),
    ("kafka_offset", pa.int64()),
])

# The documented columns of the ``events`` view, in order (README: "Event store").
EVENT_COLUMNS = (
    "event_id", "day", "event_time", "source", "target", "source_actor", "target_actor",
    "cameo_code", "root_code", "quad_class", "goldstein", "confidence", "mentions", "article_id",
    "article_url", "article_title", "outlet", "sentence", "trigger", "coder_version",
)
VIEW_COLUMNS = (*EVENT_COLUMNS, "pair", "cameo_name")
"""What the ``events`` view, ``/events``, ``/events.csv`` and ``dyadwatch export`` give: the
stored columns plus the pair key and the CAMEO code's name."""


def coder_rank(version: str) -> int:
    """The coder version as one comparable number: ``"dyadwatch-coder/0.3.1"`` → ``3001``
    (three parts of up to 999 each; versions without numbers rank 0)."""
    parts = [*coder_version_key(version), 0, 0, 0][:3]
    return sum(min(part, 999) * 1000 ** (2 - i) for i, part in enumerate(parts))


def flat_row(event: RelationEvent, partition: int, offset: int,
             fallback_time: datetime | None = None) -> dict[str, Any]:
    """The stored row of ``event`` read at ``partition``/``offset``; an event without a time
    takes ``fallback_time`` (its record's timestamp), else the Unix epoch."""
    when = event.event_time or fallback_time or datetime(1970, 1, 1, tzinfo=UTC)
    when = when.astimezone(UTC)
    return {
        "event_id": event.event_id, "day": when.strftime("%Y%m%d"), "event_time": when,
        "pair": event.pair, "source": event.source, "target": event.target,
        "source_actor": event.source_actor, "target_actor": event.target_actor,
        "cameo_code": event.cameo_code, "root_code": event.root_code,
        "cameo_name": event.cameo_name, "quad_class": event.quad_class,
        "goldstein": event.goldstein, "confidence": event.confidence,
        "article_id": event.article_id, "article_url": event.article_url,
        "article_title": event.article_title, "outlet": event.article_source,
        "sentence": event.evidence.text, "trigger": event.evidence.trigger,
        "coder_version": event.coder_version, "coder_rank": coder_rank(event.coder_version),
        "kafka_partition": partition, "kafka_offset": offset,
    }
