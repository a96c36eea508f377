"""Batched sends of one topic's records, through a producer of their own.

The app's producer writes one record per batch (``DYADWATCH_PRODUCER_MAX_BATCH_SIZE=1``):
the embedded broker reports a partition's end wrongly after a multi-record batch, and Faust's
table recovery reads changelogs up to that end. A Kafka producer keeps one request in flight
per broker and, with one-record batches, one record per partition in each request, so every
further record for a partition waits a round trip. The relation events are many small
records per article and no table is recovered from them, so they go through this sender: a
second producer of the same app and configuration (security, acks, request size) whose
batches hold up to ``DYADWATCH_EVENTS_BATCH_BYTES``.

At-least-once is kept by the caller: ``send`` queues a record and returns at once, ``flush``
waits until every queued record is acknowledged (and raises if one failed); the coding agent
flushes before its batch of articles is acknowledged. Records of one partition keep their
order (one request in flight per broker).
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust

__all__ = ["BatchedSender"]


class BatchedSender:
    """Queue records for one topic; ``flush`` waits for their acknowledgements."""

    def __init__(self, app: faust.App, topic: str, max_batch_bytes: int) -> None:
        self.app = app
        self.topic = topic
        self.max_batch_bytes = max_batch_bytes
        self.producer: Any = None
        self.pending: list[asyncio.Future[Any]] = []

    async def start(self) -> None:
        """Create and start the producer (a child of the app: stopped, and flushed, with it)."""
        if self.producer is not None:
            return
        producer: Any = self.app.transport.create_producer(
            loop=asyncio.get_running_loop(), beacon=self.app.beacon)
        producer.max_batch_size = self.max_batch_bytes
        await self.app.add_runtime_dependency(producer)
        self.producer = producer

    async def send(self, *, key: bytes, value: bytes,
                   headers: list[tuple[str, bytes]] | None = None) -> None:
        """Queue one record (partitioned by key like the app's own sends), with ``headers``."""
        if self.producer is None:
            raise RuntimeError("BatchedSender.send before start()")
        self.pending.append(await self.producer.send(self.topic, key, value, None, None, headers))

    async def flush(self) -> None:
        """Wait until every queued record is acknowledged; raise the first failure."""
        pending, self.pending = self.pending, []
        if pending:
            await asyncio.gather(*pending)
