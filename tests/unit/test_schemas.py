from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import jsonbytes
from schemas.digests import RING_PATTERN, fingerprint
from schemas.models import Article, DyadState, RelationEvent, event_id_for, pair_key
from streams.state.aggregate import AggregationPolicy, Outcome, apply_event
from tests.unit.factories import make_event


def test_pair_key_is_unordered() -> None:
    assert pair_key("PAK", "IND") == pair_key("IND", "PAK") == "IND-PAK"


def test_event_id_is_deterministic_and_sensitive_to_every_part() -> None:
    base = ("a1", 2, 10, 50, "RUS", "PAK", "120")
    assert event_id_for(*base) == event_id_for(*base)
    variants = {event_id_for(*base[:i], "X" if isinstance(v, str) else 99, *base[i + 1:])
                for i, v in enumerate(base)}
    assert event_id_for(*base) not in variants and len(variants) == len(base)


def test_event_round_trips_through_json() -> None:
    event = make_event()
    assert RelationEvent.model_validate_json(jsonbytes.dumps(event.model_dump(mode="json"))) == event


@pytest.mark.parametrize("payload", [
    {"id": "", "text": "x"},
    {"id": "  ", "text": "x"},
    {"id": "a", "text": " \n\t"},
    {"id": "a"},
    {"id": 5, "text": "x"},
    {"id": "a", "text": "x", "published": "1066-10-14T00:00:00Z"},
    {"id": "a", "text": "x", "published": "not a date"},
])
def test_article_rejects_bad_fields(payload: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Article.model_validate(payload)


def test_event_rejects_bad_codes() -> None:
    data = make_event().model_dump()
    with pytest.raises(ValidationError):
        RelationEvent.model_validate({**data, "source": "Russia"})
    with pytest.raises(ValidationError):
        RelationEvent.model_validate({**data, "quad_class": 5})


def test_pair_state_of_the_previous_schema_loads_with_its_ids_as_rings() -> None:
    legacy = {"pair": "PAK-RUS", "a": "PAK", "b": "RUS", "events": 2, "article_count": 1,
              "seen_event_ids": ["e1", "e2"], "seen_article_ids": ["a1"], "seen_sources": ["s"]}
    for state in (DyadState.model_validate(legacy),
                  DyadState.model_validate_json(jsonbytes.dumps(legacy))):
        assert state.seen_event_digests == f"{fingerprint('e1')} {fingerprint('e2')} "
        assert state.seen_article_digests == f"{fingerprint('a1')} "
        assert state.events == 2 and state.seen_sources == ["s"]
        assert "seen_event_ids" not in state.model_dump()
    assert legacy["seen_event_ids"] == ["e1", "e2"]  # the input is left as it was
    redelivered = make_event().model_copy(update={"event_id": "e2", "pair": "PAK-RUS"})
    state = DyadState.model_validate(legacy)
    assert apply_event(state, redelivered, AggregationPolicy()).outcome is Outcome.DUPLICATE


def test_pair_state_refuses_malformed_rings_and_legacy_ids() -> None:
    with pytest.raises(ValidationError, match="digest ring"):
        DyadState(pair="PAK-RUS", a="PAK", b="RUS", seen_event_digests="abc")
    with pytest.raises(ValidationError, match="seen_article_ids must be a list"):
        DyadState.model_validate({"pair": "PAK-RUS", "a": "PAK", "b": "RUS", "seen_article_ids": "a1"})
    with pytest.raises(ValidationError, match="Extra inputs"):
        DyadState.model_validate({"pair": "PAK-RUS", "a": "PAK", "b": "RUS", "seen_ids": []})


def test_pair_state_schema_describes_the_rings() -> None:
    properties = DyadState.model_json_schema()["properties"]
    assert "seen_event_ids" not in properties and "seen_article_ids" not in properties
    for field in ("seen_event_digests", "seen_article_digests"):
        assert properties[field]["type"] == "string" and "ring" in properties[field]["description"]
        assert properties[field]["pattern"] == RING_PATTERN


def test_a_time_without_a_timezone_is_read_as_utc() -> None:
    """Publishers send "2025-06-02" or "2025-06-02T23:30:00": every stored time must compare
    with every other (a naive one once stopped the aggregation)."""
    from datetime import UTC, datetime

    from schemas.models import Article

    naive = Article(id="tz1", text="Chile recalled its ambassador to Peru.", published="2025-06-02T23:30:00")
    dated = Article(id="tz2", text="Norway expelled a Danish diplomat.", published="2025-06-02")
    aware = Article(id="tz3", text="x", published="2025-06-02T23:30:00+02:00")
    assert naive.published == datetime(2025, 6, 2, 23, 30, tzinfo=UTC)
    assert dated.published == datetime(2025, 6, 2, tzinfo=UTC)
    assert aware.published is not None and aware.published.utcoffset() is not None
    assert aware.published.isoformat() == "2025-06-02T23:30:00+02:00"  # kept as given
