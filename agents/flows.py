"""The Faust agents: thin async functions, wired in one place (``wire_agents``).

They only move records: decoding, coding and aggregation are the pure steps of
``agents.steps``, ``agents.coder`` and ``streams.aggregate``. Every rejection goes to the
dead-letter topic with the raw bytes and is counted by reason.
"""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from typing import Any

from agents.coder import default_coder
from agents.steps import (
    Rejection,
    code_article,
    decode_article,
    decode_event,
    event_time_from_timestamp,
)
from schemas.models import DeadLetter, DyadState
from streams.aggregate import AggregationPolicy, apply_event, new_state
from streams.app import Pipeline

__all__ = ["dead_letter_for", "raw_bytes_kept", "wire_agents"]

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


def _load_state(raw: Any, pair: str) -> DyadState:
    return new_state(pair) if raw is None else DyadState.model_validate(raw)


def wire_agents(pipeline: Pipeline) -> None:
    """Attach the two agents to the pipeline's app."""
    _wire_coding(pipeline)
    _wire_aggregation(pipeline)


def _wire_coding(pipeline: Pipeline) -> None:
    app, settings = pipeline.app, pipeline.settings
    coder = default_coder()

    @app.agent(pipeline.articles, name="code_articles")
    async def code_articles(stream: Any) -> None:
        """articles (raw JSON) → relation-events keyed by pair, or dead-letters."""
        async for event in stream.events():
            message = event.message
            article = decode_article(message.value, max_chars=settings.max_article_chars)
            if isinstance(article, Rejection):
                await _reject(pipeline, article, message)
                continue
            fallback = event_time_from_timestamp(message.timestamp)
            coded = code_article(article, coder, fallback)
            if isinstance(coded, Rejection):
                await _reject(pipeline, coded, message)
                continue
            for relation in coded:
                await pipeline.events.send(key=relation.pair.encode(),
                                           value=relation.model_dump_json().encode())
            pipeline.count("articles_processed")
            pipeline.count("events_emitted", len(coded))


def _wire_aggregation(pipeline: Pipeline) -> None:
    app, settings = pipeline.app, pipeline.settings
    policy = AggregationPolicy(half_life_days=settings.half_life_days,
                               recent_events_kept=settings.recent_events_kept)

    @app.agent(pipeline.events, name="aggregate_events")
    async def aggregate_events(stream: Any) -> None:
        """relation-events → the dyads table (idempotent by event id)."""
        table = pipeline.dyads
        async for event in stream.events():
            message = event.message
            relation = decode_event(message.value, message.key)
            if isinstance(relation, Rejection):
                await _reject(pipeline, relation, message)
                continue
            key = relation.pair.encode()
            state = _load_state(table.get(key), relation.pair)
            if apply_event(state, relation, policy):
                table[key] = state
                pipeline.count("events_applied")
            else:
                pipeline.count("events_duplicate")
