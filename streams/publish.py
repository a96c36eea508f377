"""Publish articles to the ``articles`` topic (kafka-python), with a per-article report.

Inputs: ``.txt``/``.md`` files (first line = title, id = file name without extension),
``.json`` (an article object or a list of them), ``.jsonl`` (one article per line),
folders (those files, recursively, in name order) and ``-`` (standard input: JSON lines,
or plain text with the title on the first line). Nothing counts as published until the
broker acknowledged it (acks from all in-sync replicas).
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kafka import KafkaProducer
from kafka.errors import KafkaError, KafkaTimeoutError
from pydantic import ValidationError

from schemas import jsonbytes
from schemas.models import Article
from streams.settings import Settings

__all__ = [
    "ArticleSource",
    "PublishReport",
    "close_producer",
    "new_producer",
    "publish_articles",
    "read_inputs",
]

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}


@dataclass(frozen=True)
class ArticleSource:
    """An article read from an input, or the reason it could not be read."""

    origin: str
    article: Article | None = None
    error: str | None = None


@dataclass
class PublishReport:
    published: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def _validation_message(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}"
                     for e in exc.errors(include_url=False)[:3])


def _article_from_text(text: str, article_id: str, origin: str) -> ArticleSource:
    title, _, body = text.strip().partition("\n")
    try:
        article = Article(id=article_id, title=title.strip() or None, text=body.strip() or title)
    except ValidationError as exc:
        return ArticleSource(origin, error=_validation_message(exc))
    return ArticleSource(origin, article=article)


def _article_from_value(value: object, origin: str) -> ArticleSource:
    if not isinstance(value, dict):
        return ArticleSource(origin, error=f"expected a JSON object, got {type(value).__name__}")
    try:
        return ArticleSource(origin, article=Article.model_validate(value))
    except ValidationError as exc:
        return ArticleSource(origin, error=_validation_message(exc))


def _from_json_lines(lines: Iterator[str], origin: str) -> Iterator[ArticleSource]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            value = jsonbytes.loads(line)
        except jsonbytes.JSONDecodeError as exc:
            yield ArticleSource(where, error=f"invalid JSON: {exc}")
            continue
        yield _article_from_value(value, where)


def _from_file(path: Path) -> Iterator[ArticleSource]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield ArticleSource(str(path), error=f"cannot read: {exc}")
        return
    if path.suffix == ".jsonl":
        yield from _from_json_lines(iter(text.splitlines()), str(path))
    elif path.suffix == ".json":
        try:
            value = jsonbytes.loads(text)
        except jsonbytes.JSONDecodeError as exc:
            yield ArticleSource(str(path), error=f"invalid JSON: {exc}")
            return
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            yield _article_from_value(item, f"{path}[{index}]" if isinstance(value, list) else str(path))
    else:
        yield _article_from_text(text, path.stem, str(path))


def _from_stdin(stream: IO[str]) -> Iterator[ArticleSource]:
    text = stream.read()
    if text.lstrip().startswith(("{", "[")):
        yield from _from_json_lines(iter(text.splitlines()), "<stdin>")
    elif text.strip():
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
        yield _article_from_text(text, f"stdin-{digest}", "<stdin>")
    else:
        yield ArticleSource("<stdin>", error="standard input is empty")


def read_inputs(paths: list[str], stdin: IO[str] | None = None) -> Iterator[ArticleSource]:
    """Every article named by ``paths`` (files, folders, ``-``), in order."""
    for name in paths:
        if name == "-":
            yield from _from_stdin(stdin or sys.stdin)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix in TEXT_SUFFIXES | JSON_SUFFIXES)
            if not files:
                yield ArticleSource(name, error="folder holds no .txt, .md, .json or .jsonl file")
            for file in files:
                yield from _from_file(file)
        elif path.is_file():
            yield from _from_file(path)
        else:
            yield ArticleSource(name, error="no such file or folder")


RECORD_OVERHEAD = 512  # record and request framing around the key and value


def new_producer(settings: Settings, timeout_s: float) -> KafkaProducer:
    """A producer waiting for all in-sync replicas, order kept per partition across retries."""
    half_ms = int(timeout_s * 1000 / 2)  # to connect, or to wait for metadata or an answer
    return KafkaProducer(acks="all", retries=5, linger_ms=5, retry_backoff_ms=200,
                         max_in_flight_requests_per_connection=1, bootstrap_timeout_ms=half_ms,
                         max_block_ms=half_ms, request_timeout_ms=half_ms,
                         max_request_size=settings.max_message_bytes,
                         **settings.kafka_python_config())


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
            future = self.producer.send(self.settings.articles_topic, key=key, value=value)
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
