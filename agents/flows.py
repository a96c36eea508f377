"""The Faust agents: thin async functions, wired in one place (``wire_agents``).

They only move records: decoding, coding and aggregation are the pure steps of
``agents.steps``, ``agents.coder`` and ``streams.aggregate``. Every rejection goes to the
dead-letter topic with the raw bytes and is counted by reason.
"""

from __future__ import annotations

import base64
import logging
import weakref
from datetime import UTC, datetime
from typing import Any

from faust.streams import _current_event

from agents.coder import default_coder
from agents.steps import (
    ArticleCoder,
    Rejection,
    code_article,
    decode_article,
    decode_event,
    event_time_from_timestamp,
)
from schemas.models import DeadLetter, DyadAlert, RelationEvent
from streams.aggregate import AggregationPolicy
from streams.app import Pipeline, aggregation_policy
from streams.ledger import fold_event
from streams.tables import TableLedger

__all__ = ["CODING_BATCH_SIZE", "CODING_BATCH_WITHIN_S", "dead_letter_for", "raw_bytes_kept", "wire_agents"]

log = logging.getLogger(__name__)
DETAIL_CHARS = 2_000
DEAD_LETTER_OVERHEAD = 16_384  # the letter's other fields, the key and the record framing


def raw_bytes_kept(max_message_bytes: int) -> int:
    """How many raw bytes a dead letter keeps so that it fits in one record (base64: 4/3)."""
    return max(0, (max_message_bytes - DEAD_LETTER_OVERHEAD) * 3 // 4)


def dead_letter_for(rejection: Rejection, message: Any,
                    max_raw_bytes: int | None = None) -> DeadLetter:
    """The dead letter of a rejected Kafka message (raw bytes kept, base64).

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


async def _reject(pipeline: Pipeline, rejection: Rejection, message: Any) -> None:
    letter = dead_letter_for(rejection, message,
                             raw_bytes_kept(pipeline.settings.max_message_bytes))
    await pipeline.dead_letters.send(key=message.key, value=letter)
    reason = f"{rejection.stage}:{rejection.reason}"
    pipeline.dead_letter_reasons[reason] = pipeline.dead_letter_reasons.get(reason, 0) + 1
    log.warning("dead letter from %s[%s]@%s: %s (%s)", message.topic, message.partition,
                message.offset, reason, rejection.detail[:200])


def _to_json(event: RelationEvent) -> bytes:
    """The event's JSON bytes, as ``model_dump_json`` gives them, without the str round trip."""
    return event.__pydantic_serializer__.to_json(event)


def wire_agents(pipeline: Pipeline, coder: ArticleCoder | None = None) -> None:
    """Attach the two agents to the pipeline's app (``coder``: the process-wide one if None)."""
    _wire_coding(pipeline, coder or default_coder())
    _wire_aggregation(pipeline)


CODING_BATCH_SIZE = 100
CODING_BATCH_WITHIN_S = 0.01


async def _code_message(pipeline: Pipeline, coder: ArticleCoder, message: Any) -> None:
    """One article message: its events to ``relation-events``, or a dead letter."""
    article = decode_article(message.value, max_chars=pipeline.settings.max_article_chars)
    if isinstance(article, Rejection):
        await _reject(pipeline, article, message)
        return
    coded = code_article(article, coder, event_time_from_timestamp(message.timestamp))
    if isinstance(coded, Rejection):
        await _reject(pipeline, coded, message)
        return
    send = pipeline.event_sender.send
    for relation in coded:
        await send(key=relation.pair.encode(), value=_to_json(relation))
    pipeline.count("articles_processed")
    pipeline.count("events_emitted", len(coded))


def _wire_coding(pipeline: Pipeline, coder: ArticleCoder) -> None:
    @pipeline.app.agent(pipeline.articles, name="code_articles")
    async def code_articles(stream: Any) -> None:
        """articles (raw JSON) → relation-events keyed by pair, or dead-letters.

        Messages come in batches (up to ``CODING_BATCH_SIZE``, or what arrived within
        ``CODING_BATCH_WITHIN_S``), each handled in partition order; the batch is
        acknowledged once all of it is handled and all its events are acknowledged by the
        broker (``streams.sender``: events travel many to a request).
        """
        sender = pipeline.event_sender
        await sender.start()
        async for batch in stream.take_events(CODING_BATCH_SIZE, within=CODING_BATCH_WITHIN_S):
            for event in batch:
                await _code_message(pipeline, coder, event.message)
            await sender.flush()


def _wire_aggregation(pipeline: Pipeline) -> None:
    app, settings = pipeline.app, pipeline.settings
    policy = aggregation_policy(settings)
    within = settings.aggregate_batch_within_ms / 1000

    @app.agent(pipeline.events, name="aggregate_events")
    async def aggregate_events(stream: Any) -> None:
        """relation-events → dyads + dyad-days tables (+ dyad-alerts), in batches."""
        async for batch in stream.take_events(settings.aggregate_batch_max, within):
            for group in _by_partition_and_pair(batch):
                await _aggregate_group(pipeline, group, policy)


def _by_partition_and_pair(batch: list[Any]) -> list[list[Any]]:
    """Events grouped by (partition, key), log order kept inside each group."""
    groups: dict[tuple[int, bytes | None], list[Any]] = {}
    for event in batch:
        groups.setdefault((event.message.partition, event.message.key), []).append(event)
    return list(groups.values())


def _make_current(event: Any) -> None:
    """Make ``event`` the current event of this task, for the tables.

    Faust's RocksDB store reads and writes the partition of the current event, and table
    changelog records go to that partition; in a batch the current event is whichever was
    consumed last, so each pair group points it at its own event. Only the context variable
    the tables read is set: the stream's own ``current_event`` attribute belongs to the
    batching consumer task, which records the event of every message it buffers from it.
    """
    _current_event.set(weakref.ref(event))


async def _aggregate_group(pipeline: Pipeline, group: list[Any],
                           policy: AggregationPolicy) -> None:
    """Fold one pair's events; its table reads and writes use that pair's partition."""
    _make_current(group[-1])
    ledger = TableLedger(pipeline.dyads, pipeline.days)
    alerts: list[DyadAlert] = []
    for event in group:
        message = event.message
        relation = decode_event(message.value, message.key)
        if isinstance(relation, Rejection):
            await _reject(pipeline, relation, message)
            continue
        applied = fold_event(ledger, relation, policy)
        pipeline.count("events_folded")
        pipeline.count(f"events_{applied.outcome.value}")
        if applied.alert is not None:
            alerts.append(applied.alert)
    _make_current(group[-1])  # awaits above may have moved it
    ledger.flush()
    for alert in alerts:
        await pipeline.alerts.send(key=alert.pair.encode(), value=alert)
        pipeline.count("alerts_raised")
