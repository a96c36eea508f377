from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agents.steps import CodingLimits, Rejection, code_article, code_raw, decode_article, decode_event
from schemas import jsonbytes
from schemas.models import Article, RelationEvent
from tests.unit.factories import make_event


@pytest.mark.parametrize(("raw", "stage", "reason"), [
    (b"", "decode", "empty_message"),
    (b"\xff\xfe", "decode", "invalid_utf8"),
    (b"{oops", "decode", "invalid_json"),
    (b'"just a string"', "decode", "not_an_object"),
    (b'{"id": "a"}', "validate", "invalid_fields"),
    (b'{"id": "a", "text": "' + b"x" * 101 + b'"}', "validate", "text_too_long"),
])
def test_decode_article_rejects_with_stage_and_reason(raw: bytes, stage: str, reason: str) -> None:
    result = decode_article(raw, max_chars=100)
    assert isinstance(result, Rejection)
    assert (result.stage, result.reason) == (stage, reason) and result.detail


def test_decode_article_accepts_a_valid_article() -> None:
    result = decode_article(b'{"id": "a", "text": "hello", "extra": 1}', max_chars=100)
    assert isinstance(result, Article) and result.text == "hello"


def test_decode_event_checks_the_key_is_the_pair() -> None:
    raw = jsonbytes.dumps(make_event().model_dump(mode="json"))
    assert isinstance(decode_event(raw, b"PAK-RUS"), RelationEvent)
    rejected = decode_event(raw, b"IND-PAK")
    assert isinstance(rejected, Rejection) and rejected.reason == "key_mismatch"


class _Exploding:
    def extract(self, article: Article) -> list[RelationEvent]:
        raise RuntimeError("boom")


class _Fixed:
    def extract(self, article: Article) -> list[RelationEvent]:
        return [make_event().model_copy(update={"event_time": None})]


def test_code_article_turns_coder_errors_into_rejections() -> None:
    result = code_article(Article(id="a", text="t"), _Exploding(), None)
    assert isinstance(result, Rejection) and result.stage == "extract" and "boom" in result.detail


def test_code_article_fills_missing_event_time() -> None:
    when = datetime(2024, 1, 1, tzinfo=UTC)
    result = code_article(Article(id="a", text="t"), _Fixed(), when)
    assert not isinstance(result, Rejection) and result[0].event_time == when


def test_code_raw_gives_records_keyed_by_pair_or_the_rejection() -> None:
    stamp = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    records = code_raw(b'{"id": "a", "text": "t"}', stamp, _Fixed(), CodingLimits(100))
    assert not isinstance(records, Rejection)
    ((key, value),) = records
    event = RelationEvent.model_validate_json(value)
    assert key == event.pair.encode() and event.event_time == datetime(2024, 1, 1, tzinfo=UTC)
    rejected = code_raw(b"{oops", None, _Fixed(), CodingLimits(100))
    assert isinstance(rejected, Rejection) and rejected.reason == "invalid_json"
    crashed = code_raw(b'{"id": "a", "text": "t"}', None, _Exploding(), CodingLimits(100))
    assert isinstance(crashed, Rejection) and crashed.reason == "coder_error"
