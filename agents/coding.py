"""The Faust agent that codes articles: ``articles`` -> ``relation-events`` or dead letters.

It is handed what it reads and writes (``CodingPorts``: the articles topic, the event
sender, the dead-letter outlet, the worker's tally) and never imports the app: the app
(``streams.app``) declares the topics and wires this agent beside the aggregation agent.
Decoding and coding are the pure steps of ``agents.steps`` and ``agents.coder``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Protocol

import faust

from agents.coder import default_coder
from agents.dead_letters import DeadLetterOutlet, Tally, hold_batch
from agents.steps import (
    ArticleCoder,
    Rejection,
    check_article_time,
    code_article,
    decode_article,
    event_time_from_timestamp,
)
from schemas.bounds import EVIDENCE_CHARS
from schemas.models import RelationEvent

__all__ = ["ARTICLE_TIMESTAMP_HEADER", "CODING_BATCH_SIZE", "CODING_BATCH_WITHIN_S", "CodingPorts",
           "EventSender", "wire_coding"]

# A relation event's header: its article record's timestamp, milliseconds since the epoch, so
# the aggregation measures the end-to-end latency (article published -> pair folded).
ARTICLE_TIMESTAMP_HEADER = "dyadwatch-article-ms"

CODING_BATCH_SIZE = 100
CODING_BATCH_WITHIN_S = 0.01


class EventSender(Protocol):
    """Batched sends of relation events (``streams.kafka.sender.BatchedSender``)."""

    async def start(self) -> None:
        """Create the producer (once, inside the agent's task)."""

    async def send(self, *, key: bytes, value: bytes,
                   headers: list[tuple[str, bytes]] | None = None) -> None:
        """Queue one record: key = the pair (``b"IND-PAK"``), value = the event's JSON bytes,
        ``headers``: ``ARTICLE_TIMESTAMP_HEADER`` (the end-to-end latency's start)."""

    async def flush(self) -> None:
        """Wait until every queued record is acknowledged; raise the first failure."""


@dataclass(frozen=True)
class CodingPorts:
    """What the coding agent reads (``articles``: raw JSON bytes keyed by article id) and
    writes (``events``, ``dead_letters``, ``tally``); ``max_article_chars`` is the longest
    text coded (longer: dead letter ``validate:text_too_long``); an article published more
    than ``future_tolerance_s`` after its record's timestamp is dead-lettered
    (``validate:published_in_future``)."""

    articles: faust.TopicT
    events: EventSender
    dead_letters: DeadLetterOutlet
    tally: Tally
    max_article_chars: int
    future_tolerance_s: float = 86_400.0
    evidence_chars: int = EVIDENCE_CHARS


def _to_json(event: RelationEvent) -> bytes:
    """The event's JSON bytes, as ``model_dump_json`` gives them, without the str round trip."""
    return event.__pydantic_serializer__.to_json(event)


async def _code_message(ports: CodingPorts, coder: ArticleCoder, message: Any) -> None:
    """One article message: its events to ``relation-events``, or a dead letter."""
    received = event_time_from_timestamp(message.timestamp)
    article = decode_article(message.value, max_chars=ports.max_article_chars)
    if not isinstance(article, Rejection):
        article = check_article_time(article, received, ports.future_tolerance_s)
    if isinstance(article, Rejection):
        await ports.dead_letters.reject(article, message)
        return
    coded = code_article(article, coder, received, ports.evidence_chars)
    if isinstance(coded, Rejection):
        await ports.dead_letters.reject(coded, message)
        return
    send = ports.events.send
    headers = None
    if message.timestamp:
        headers = [(ARTICLE_TIMESTAMP_HEADER, str(int(message.timestamp * 1000)).encode())]
    for relation in coded:
        await send(key=relation.pair.encode(), value=_to_json(relation), headers=headers)
    ports.tally.count("articles_processed")
    ports.tally.count("events_emitted", len(coded))


def wire_coding(app: faust.App, ports: CodingPorts, coder: ArticleCoder | None = None) -> None:
    """Attach the ``code_articles`` agent to ``app`` (``coder``: the process-wide one if None)."""
    chosen = coder or default_coder()

    @app.agent(ports.articles, name="code_articles")
    async def code_articles(stream: Any) -> None:
        """articles (raw JSON) → relation-events keyed by pair, or dead-letters.

        Messages come in batches (up to ``CODING_BATCH_SIZE``, or what arrived within
        ``CODING_BATCH_WITHIN_S``), each handled in partition order; the batch is
        acknowledged once all of it is handled and all its events are acknowledged by the
        broker (``streams.kafka.sender``: events travel many to a request). If anything fails
        part-way, the batch is held back (never committed), ``/health`` reports the agent
        crashed and it takes no more input: a restart delivers the batch again.
        """
        sender = ports.events
        await sender.start()
        async for batch in stream.take_events(CODING_BATCH_SIZE, within=CODING_BATCH_WITHIN_S):
            ports.tally.observe("batch_size", "code_articles", len(batch), unit="records")
            try:
                for event in batch:
                    await _code_message(ports, chosen, event.message)
                await sender.flush()
            except Exception as exc:
                hold_batch([event.message for event in batch], ports.tally, "code_articles", exc)
                await asyncio.Event().wait()  # stopped: nothing after this batch is committed
