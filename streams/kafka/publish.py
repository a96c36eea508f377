"""Publish articles to the ``articles`` topic (kafka-python), with a per-article report.

Articles come from ``streams.inputs.read_inputs``. Nothing counts as published until the
broker acknowledged it (acks from all in-sync replicas).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kafka import KafkaProducer
from kafka.errors import KafkaError, KafkaTimeoutError

from schemas.contract import schema_header
from schemas.models import Article
from streams.inputs import ArticleSource
from streams.kafka.clients import kafka_python_config
from streams.settings import Settings

__all__ = ["PublishReport", "close_producer", "new_producer", "publish_articles"]


@dataclass
class PublishReport:
    """What ``publish_articles`` did: origins published, and (origin, reason) of each failure."""

    published: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True if no article failed."""
        return not self.failed


RECORD_OVERHEAD = 512  # record and request framing around the key and value


def new_producer(settings: Settings, timeout_s: float) -> KafkaProducer:
    """A producer waiting for all in-sync replicas, order kept per partition across retries."""
    half_ms = int(timeout_s * 1000 / 2)  # to connect, or to wait for metadata or an answer
    return KafkaProducer(acks="all", retries=5, linger_ms=5, retry_backoff_ms=200,
                         max_in_flight_requests_per_connection=1, bootstrap_timeout_ms=half_ms,
                         max_block_ms=half_ms, request_timeout_ms=half_ms,
                         max_request_size=settings.max_message_bytes,
                         **kafka_python_config(settings))


@dataclass
class _Sender:
    """Sends one article at a time; after the broker stopped answering, fails the rest fast."""

    settings: Settings
    producer: KafkaProducer
    report: PublishReport
    pending: list[tuple[str, Any]] = field(default_factory=list)
    unreachable: str | None = None

    def send(self, source: ArticleSource) -> None:
        if source.article is None:
            self.report.failed.append((source.origin, source.error or "unreadable"))
            return
        key = source.article.id.encode()
        value = source.article.__pydantic_serializer__.to_json(source.article, exclude_none=True)
        limit = self.settings.max_message_bytes
        if len(key) + len(value) + RECORD_OVERHEAD > limit:
            self.report.failed.append((source.origin, f"too large: {len(value)} bytes, the limit "
                                       f"is {limit} (DYADWATCH_MAX_MESSAGE_BYTES)"))
            return
        if self.unreachable is not None:
            self.report.failed.append((source.origin, self.unreachable))
            return
        try:
            future = self.producer.send(self.settings.articles_topic, key=key, value=value,
                                        headers=[schema_header(Article)])
        except KafkaError as exc:
            reason = f"not sent: {type(exc).__name__}: {exc}"
            if isinstance(exc, KafkaTimeoutError):
                self.unreachable = reason
            self.report.failed.append((source.origin, reason))
            return
        self.pending.append((source.origin, future))

    def await_acks(self, timeout_s: float, progress: Callable[[int, int], None] | None) -> None:
        """Wait for every acknowledgement until one shared deadline; report each outcome."""
        deadline = time.monotonic() + timeout_s
        with contextlib.suppress(KafkaError):
            self.producer.flush(timeout=timeout_s)
        for done, (origin, future) in enumerate(self.pending, start=1):
            try:
                future.get(timeout=max(0.01, deadline - time.monotonic()))
                self.report.published.append(origin)
            except Exception as exc:  # every failure is reported per article
                self.report.failed.append((origin, f"not acknowledged: {type(exc).__name__}: {exc}"))
            if progress is not None:
                progress(done, len(self.pending))


def publish_articles(settings: Settings, sources: Iterator[ArticleSource],
                     progress: Callable[[int, int], None] | None = None,
                     timeout_s: float | None = None) -> PublishReport:
    """Send every readable article, wait for each acknowledgement, report per article.

    An article counts as published only once every in-sync replica acknowledged it within
    ``timeout_s`` (default: the ``publish_timeout_s`` setting); when the broker cannot be
    reached, every article is reported failed.
    """
    report = PublishReport()
    timeout_s = settings.publish_timeout_s if timeout_s is None else timeout_s
    try:
        producer = new_producer(settings, timeout_s)
    except KafkaError as exc:
        reason = f"not sent: cannot reach Kafka at {settings.bootstrap_servers}: {exc}"
        report.failed.extend((source.origin, source.error or reason) for source in sources)
        return report
    sender = _Sender(settings, producer, report)
    try:
        for source in sources:
            sender.send(source)
        sender.await_acks(timeout_s, progress)
    finally:
        close_producer(producer, min(timeout_s, 5.0))
    return report


def close_producer(producer: KafkaProducer, timeout_s: float) -> None:
    """Close, abandoning records never acknowledged (they are reported failed already).

    kafka-python's ``close`` flushes first and, when that times out, raises before stopping
    its I/O thread, which then keeps reconnecting for ever: stop that thread here instead.
    """
    try:
        producer.close(timeout=timeout_s)
    except KafkaError:
        sender = getattr(producer, "_sender", None)
        if sender is not None:
            sender.force_close()  # fails the unsent batches, closes the connections
            sender.join(timeout_s)
        with contextlib.suppress(KafkaError):
            producer.close(timeout=0)
