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
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from schemas import jsonbytes
from schemas.bounds import EVIDENCE_CHARS, bounded_event
from schemas.contract import tolerant_validate
from schemas.models import Article, RelationEvent

__all__ = [
    "ArticleCoder",
    "Coded",
    "Rejection",
    "check_article_time",
    "check_event_time",
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
        return tolerant_validate(model, value)  # fields of a newer minor version ignored
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


def code_article(article: Article, coder: ArticleCoder, fallback_time: datetime | None,
                 evidence_chars: int = EVIDENCE_CHARS) -> list[RelationEvent] | Rejection:
    """Extract the article's events, stamped with the article's title; events without a time
    take ``fallback_time``; evidence longer than ``evidence_chars`` is cut (``schemas.bounds``),
    so an event stays a record.

    An exception of the coder becomes ``Rejection("extract", "coder_error", ...)``.
    """
    try:
        events = [bounded_event(event, evidence_chars) for event in coder.extract(article)]
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


@dataclass(frozen=True)
class CodingLimits:
    """Bounds of the coding step: the longest article text coded (characters; longer:
    ``validate:text_too_long``), how far a ``published`` time may lie after its record's
    timestamp (seconds; further: ``validate:published_in_future``), the longest evidence
    sentence an event keeps (characters)."""

    max_chars: int
    future_tolerance_s: float = 86_400.0
    evidence_chars: int = EVIDENCE_CHARS


def code_raw(raw: bytes | None, timestamp: float | None, coder: ArticleCoder,
             limits: CodingLimits) -> Coded:
    """One ``articles`` message, decoded, checked and coded: its events as records
    (``event_record``), in the coder's order, or the ``Rejection`` of ``decode_article`` /
    ``check_article_time`` / ``code_article``.

    ``timestamp`` is the Kafka record's (seconds; the events' time when the article has none).
    Never raises for bad input or a failing coder. Only bytes, floats and small dataclasses
    cross it, so a coding process can run it (``agents.pool``).
    """
    received = event_time_from_timestamp(timestamp)
    article = decode_article(raw, max_chars=limits.max_chars)
    if not isinstance(article, Rejection):
        article = check_article_time(article, received, limits.future_tolerance_s)
    if isinstance(article, Rejection):
        return article
    coded = code_article(article, coder, received, limits.evidence_chars)
    if isinstance(coded, Rejection):
        return coded
    return [event_record(event) for event in coded]


def _ahead_of(when: datetime | None, received: datetime | None, tolerance_s: float) -> float:
    """Seconds by which ``when`` lies beyond ``received`` + tolerance (0: plausible)."""
    if when is None or received is None:
        return 0.0
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)
    ahead = (aware - (received + timedelta(seconds=tolerance_s))).total_seconds()
    return max(0.0, ahead)


def check_article_time(article: Article, received: datetime | None,
                       tolerance_s: float) -> Article | Rejection:
    """The article, or ``validate:published_in_future`` if its ``published`` time lies more
    than ``tolerance_s`` seconds after ``received`` (its record's broker timestamp)."""
    if _ahead_of(article.published, received, tolerance_s) > 0:
        return Rejection("validate", "published_in_future",
                         f"published {article.published} is more than {tolerance_s:.0f} s after "
                         f"the record's timestamp {received} (DYADWATCH_FUTURE_TOLERANCE_S)")
    return article


def check_event_time(event: RelationEvent, received: datetime | None,
                     tolerance_s: float) -> RelationEvent | Rejection:
    """The event, or ``validate:event_in_future`` if its ``event_time`` lies more than
    ``tolerance_s`` seconds after ``received`` (its record's timestamp): such an event would
    move the pair's latest day, expire its real history and the listings' reference time."""
    if _ahead_of(event.event_time, received, tolerance_s) > 0:
        return Rejection("validate", "event_in_future",
                         f"event_time {event.event_time} is more than {tolerance_s:.0f} s after "
                         f"the record's timestamp {received} (DYADWATCH_FUTURE_TOLERANCE_S)")
    return event
