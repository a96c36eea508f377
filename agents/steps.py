"""The named, pure steps of the pipeline: errors are data, never exceptions.

Each step returns either its result or a ``Rejection`` (stage, reason, detail); the Faust
agents (``agents.coding``, ``streams.state.aggregation``) route rejections to the dead-letter
topic with the raw bytes.
No Faust or Kafka import here, so the steps are tested and benchmarked alone.

Record shapes::

    raw article bytes   b'{"id": "a1", "text": "Russia rejected ...", "title": "..."}'
    decode_article  ->  Article | Rejection(stage="decode" | "validate")
    code_article    ->  list[RelationEvent] | Rejection(stage="extract")
    code_raw        ->  list[(pair key bytes, event JSON bytes)] | Rejection: the two above,
                        what a coding process does for one message (``agents.pool``)
    raw event bytes     b'{"event_id": "...", "pair": "PAK-RUS", ...}'
    decode_event    ->  RelationEvent | Rejection(stage="decode" | "validate")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from schemas import jsonbytes
from schemas.models import Article, RelationEvent

__all__ = [
    "ArticleCoder",
    "Coded",
    "Rejection",
    "code_article",
    "code_raw",
    "decode_article",
    "decode_event",
    "event_record",
    "event_time_from_timestamp",
]


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a record was not processed: it goes to the dead-letter topic.

    ``stage``: the step that rejected it (``decode``, ``validate``, ``extract``); ``reason``: a
    short machine-readable tag (``invalid_json``, ``text_too_long``...); ``detail``: for people.
    """

    stage: str
    reason: str
    detail: str


Coded = list[tuple[bytes, bytes]] | Rejection
"""What coding one message gives: its events as (pair key, JSON) records, or its rejection."""

M = TypeVar("M", bound=BaseModel)


class ArticleCoder(Protocol):
    """What codes an article (``agents.coder.Coder``, or a benchmark's stand-in)."""

    def extract(self, article: Article) -> list[RelationEvent]:
        """The article's relation events (may be empty); any exception it raises becomes the
        rejection ``extract:coder_error`` in ``code_article``."""
        ...


def _validation_detail(error: ValidationError) -> str:
    parts = [f"{'.'.join(str(p) for p in item['loc']) or '<root>'}: {item['msg']}"
             for item in error.errors(include_url=False)[:5]]
    return "; ".join(parts)


def _decode(raw: bytes | None, model: type[M]) -> M | Rejection:
    if raw is None or not raw:
        return Rejection("decode", "empty_message", "the message has no value")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection("decode", "invalid_utf8", f"not UTF-8: {exc.reason} at byte {exc.start}")
    try:
        value = jsonbytes.loads(text)
    except jsonbytes.JSONDecodeError as exc:
        return Rejection("decode", "invalid_json", f"not JSON: {exc}")
    if not isinstance(value, dict):
        return Rejection("decode", "not_an_object",
                         f"expected a JSON object, got {type(value).__name__}")
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        return Rejection("validate", "invalid_fields", _validation_detail(exc))


def decode_article(raw: bytes | None, *, max_chars: int) -> Article | Rejection:
    """Bytes of the ``articles`` topic to an Article; a text over ``max_chars`` characters is
    rejected (``validate:text_too_long``), as is anything not a valid article (never raises)."""
    article = _decode(raw, Article)
    if isinstance(article, Article) and len(article.text) > max_chars:
        return Rejection("validate", "text_too_long",
                         f"text has {len(article.text)} characters, the limit is {max_chars} "
                         "(DYADWATCH_MAX_ARTICLE_CHARS)")
    return article


def decode_event(raw: bytes | None, key: bytes | None) -> RelationEvent | Rejection:
    """Bytes of the ``relation-events`` topic to a RelationEvent keyed by its pair; a key that
    is not the event's pair is rejected (``validate:key_mismatch``); never raises."""
    event = _decode(raw, RelationEvent)
    if isinstance(event, RelationEvent) and key is not None and key != event.pair.encode():
        return Rejection("validate", "key_mismatch",
                         f"message key {key!r} is not the event's pair {event.pair!r}")
    return event


def event_time_from_timestamp(timestamp: float | None) -> datetime | None:
    """A Kafka record timestamp (seconds) as an aware UTC datetime; None if absent or <= 0."""
    if timestamp is None or timestamp <= 0:
        return None
    return datetime.fromtimestamp(timestamp, tz=UTC)


def code_article(article: Article, coder: ArticleCoder,
                 fallback_time: datetime | None) -> list[RelationEvent] | Rejection:
    """Extract the article's events, stamped with the article's title; events without a time
    take ``fallback_time``.

    An exception of the coder becomes ``Rejection("extract", "coder_error", ...)``.
    """
    try:
        events = coder.extract(article)
    except Exception as exc:  # the coder must never take the worker down
        return Rejection("extract", "coder_error", f"{type(exc).__name__}: {exc}")
    return [_stamped(event, article.title, fallback_time) for event in events]


def _stamped(event: RelationEvent, title: str | None, fallback_time: datetime | None) -> RelationEvent:
    """The event with the article's title and, if it has none, ``fallback_time`` as its time."""
    update: dict[str, object] = {}
    if title and event.article_title is None:
        update["article_title"] = title
    if event.event_time is None and fallback_time is not None:
        update["event_time"] = fallback_time
    return event.model_copy(update=update) if update else event


def event_record(event: RelationEvent) -> tuple[bytes, bytes]:
    """The event as a ``relation-events`` record: (pair key, e.g. ``b"IND-PAK"``, JSON bytes as
    ``model_dump_json`` gives them, without the str round trip)."""
    return event.pair.encode(), event.__pydantic_serializer__.to_json(event)


def code_raw(raw: bytes | None, timestamp: float | None, coder: ArticleCoder, *,
             max_chars: int) -> Coded:
    """One ``articles`` message, decoded and coded: its events as records (``event_record``),
    in the coder's order, or the ``Rejection`` of ``decode_article`` / ``code_article``.

    ``timestamp`` is the Kafka record's (seconds; the events' time when the article has none).
    Never raises for bad input or a failing coder. Only bytes, floats and small dataclasses
    cross it, so a coding process can run it (``agents.pool``).
    """
    article = decode_article(raw, max_chars=max_chars)
    if isinstance(article, Rejection):
        return article
    coded = code_article(article, coder, event_time_from_timestamp(timestamp))
    if isinstance(coded, Rejection):
        return coded
    return [event_record(event) for event in coded]
