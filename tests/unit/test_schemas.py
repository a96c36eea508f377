from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import jsonbytes
from schemas.models import Article, RelationEvent, event_id_for, pair_key
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
