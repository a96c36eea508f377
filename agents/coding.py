"""The Faust agent that codes articles: ``articles`` -> ``relation-events`` or dead letters.

It is handed what it reads and writes (``CodingPorts``: the articles topic, the event
sender, the dead-letter outlet, the worker's tally) and who codes (a ``CodingService`` of
``agents.pool``: a pool of coder processes, or the event loop itself), and never imports the
app: the app (``streams.app``) declares the topics and wires this agent beside the
aggregation agent. Decoding, checking and coding are the pure steps of ``agents.steps``
(``code_raw``), run where the service runs them.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Protocol

import faust

from agents.dead_letters import DeadLetterOutlet, Tally, hold_batch
from agents.pool import CodingService
from agents.steps import Coded, Rejection
from schemas.contract import schema_header
from schemas.models import RelationEvent

__all__ = ["ARTICLE_TIMESTAMP_HEADER", "CODING_BATCH_SIZE", "CODING_BATCH_WITHIN_S", "EVENT_SCHEMA_HEADER",
           "CodingPorts", "EventSender", "wire_coding"]

# A relation event's header: its article record's timestamp, milliseconds since the epoch, so
# the aggregation measures the end-to-end latency (article published -> pair folded).
ARTICLE_TIMESTAMP_HEADER = "dyadwatch-article-ms"
# Every relation event also carries its schema: ``dyadwatch-schema: relation-event/1.0``.
EVENT_SCHEMA_HEADER = schema_header(RelationEvent)

CODING_BATCH_SIZE = 100
CODING_BATCH_WITHIN_S = 0.01


class EventSender(Protocol):
    """Batched sends of relation events (``streams.kafka.sender.BatchedSender``)."""

    async def start(self) -> None:
        """Create the producer (once, inside the agent's task)."""

    async def send(self, *, key: bytes, value: bytes,
                   headers: list[tuple[str, bytes]] | None = None) -> None:
        """Queue one record: key = the pair (``b"IND-PAK"``), value = the event's JSON bytes,
        ``headers``: ``EVENT_SCHEMA_HEADER`` and ``ARTICLE_TIMESTAMP_HEADER`` (the end-to-end
        latency's start)."""

    async def flush(self) -> None:
        """Wait until every queued record is acknowledged; raise the first failure."""


@dataclass(frozen=True)
class CodingPorts:
    """What the coding agent reads (``articles``: raw JSON bytes keyed by article id) and
    writes (``events``, ``dead_letters``, ``tally``)."""

    articles: faust.TopicT
    events: EventSender
    dead_letters: DeadLetterOutlet
    tally: Tally


async def _handle(ports: CodingPorts, message: Any, coded: Coded) -> None:
    """One coded article message: its events queued to ``relation-events``, or a dead letter."""
    if isinstance(coded, Rejection):
        await ports.dead_letters.reject(coded, message)
        return
    send = ports.events.send
    headers = [EVENT_SCHEMA_HEADER]
    if message.timestamp:
        headers.append((ARTICLE_TIMESTAMP_HEADER, str(int(message.timestamp * 1000)).encode()))
    for key, value in coded:
        await send(key=key, value=value, headers=headers)
    ports.tally.count("articles_processed")
    ports.tally.count("events_emitted", len(coded))


async def _code_batch(ports: CodingPorts, coding: CodingService, messages: list[Any]) -> None:
    """The whole batch to the coding service at once; results handled in partition order."""
    results = coding.code([(message.value, message.timestamp) for message in messages])
    position = 0
    async for coded in results:
        await _handle(ports, messages[position], coded)
        position += 1
    await ports.events.flush()


def wire_coding(app: faust.App, ports: CodingPorts, coding: CodingService) -> None:
    """Attach the ``code_articles`` agent to ``app``; ``coding`` codes its batches (started by
    the agent, closed when the agent stops)."""

    @app.agent(ports.articles, name="code_articles")
    async def code_articles(stream: Any) -> None:
        """articles (raw JSON) → relation-events keyed by pair, or dead-letters.

        Messages come in batches (up to ``CODING_BATCH_SIZE``, or what arrived within
        ``CODING_BATCH_WITHIN_S``); the whole batch goes to the coding service at once and
        the results come back in partition order, each sent (events) or dead-lettered in
        turn. The batch is acknowledged once all of it is handled and all its events are
        acknowledged by the broker (``streams.kafka.sender``: events travel many to a request).
        If anything fails part-way, the batch is held back (never committed), ``/health``
        reports the agent crashed and it takes no more input: a restart delivers the batch again.
        """
        await ports.events.start()
        await coding.start()
        try:
            async for batch in stream.take_events(CODING_BATCH_SIZE, within=CODING_BATCH_WITHIN_S):
                ports.tally.observe("batch_size", "code_articles", len(batch), unit="records")
                messages = [event.message for event in batch]
                try:
                    with ports.tally.handling("code_articles", messages):
                        await _code_batch(ports, coding, messages)
                except Exception as exc:
                    hold_batch(messages, ports.tally, "code_articles", exc)
                    await asyncio.Event().wait()  # stopped: nothing after this batch is committed
        finally:
            coding.close()
