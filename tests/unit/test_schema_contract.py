"""The schema contract: every published schema is a valid 2020-12 schema with an id, a version
and a description; it accepts a record with an added field (consumers tolerant) and the real
records; the project's own consumers ignore added fields; headers name kind and version."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from agents.steps import Rejection, decode_event
from schemas import jsonbytes
from schemas.contract import (
    DIALECT,
    SCHEMA_HEADER,
    SCHEMAS,
    published_schema,
    schema_header,
    schema_of_header,
    tolerant_validate,
)
from schemas.models import DyadState, RelationEvent
from streams.settings import Settings
from streams.state.ledger import MemoryLedger, fold_event
from streams.state.policy import aggregation_policy
from streams.web.queries import pair_summary
from tests.unit.factories import make_event


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(published_schema(name))


def _json(model: Any) -> Any:
    return jsonbytes.loads(model.__pydantic_serializer__.to_json(model))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_published_schema_is_a_valid_2020_12_schema_with_id_version_description(
    name: str,
) -> None:
    schema = published_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert re.fullmatch(r"urn:dyadwatch:schema:[a-z-]+:\d+", schema["$id"])
    assert re.fullmatch(r"\d+\.\d+", schema["x-version"])
    assert schema["$id"].endswith(":" + schema["x-version"].split(".")[0])
    assert len(schema["description"]) > 40
    assert b'"additionalProperties":false' not in jsonbytes.dumps(schema)


def test_ids_and_headers_are_distinct_per_record_kind() -> None:
    assert len({spec.schema_id for spec in SCHEMAS.values()}) == len(SCHEMAS)
    assert schema_header(RelationEvent) == (SCHEMA_HEADER, b"relation-event/1.0")
    assert schema_of_header(b"relation-event/1.0") == ("relation-event", "1.0")
    for bad in (b"relation-event", b"relation-event/1", b"/1.0", b"x/a.b"):
        with pytest.raises(ValueError):
            schema_of_header(bad)


def test_a_record_with_an_added_field_validates_against_the_published_schema() -> None:
    record = _json(make_event())
    validator = _validator("events")
    validator.validate(record)
    validator.validate({**record, "sentiment": 0.3})  # a field of a later minor version
    validator.validate({**record, "evidence": {**record["evidence"], "paragraph": 2}})
    with pytest.raises(Exception, match="5 is not one of"):
        validator.validate({**record, "quad_class": 5})  # still a contract, not "anything"


def test_the_project_consumers_ignore_added_fields_and_producers_stay_strict() -> None:
    record = _json(make_event())
    newer = {**record, "sentiment": 0.3, "evidence": {**record["evidence"], "paragraph": 2}}
    decoded = decode_event(jsonbytes.dumps(newer), record["pair"].encode())
    assert decoded == make_event()
    assert tolerant_validate(RelationEvent, newer) == make_event()
    with pytest.raises(ValidationError, match="extra"):
        RelationEvent.model_validate(newer)  # the strict model: what the project builds
    broken = decode_event(jsonbytes.dumps({**newer, "quad_class": 7}), None)
    assert isinstance(broken, Rejection) and broken.reason == "invalid_fields"


def test_tolerance_reaches_nested_lists_and_maps() -> None:
    ledger, policy = MemoryLedger(), aggregation_policy(Settings())
    fold_event(ledger, make_event(), policy)
    state = _json(ledger.states["PAK-RUS"])
    state["recent_events"][0]["later"] = 1
    state["a_to_b"]["later"] = 1
    for record in state["mention_records"].values():
        record["later"] = 1
    state["later"] = {"x": 1}
    assert tolerant_validate(DyadState, state) == ledger.states["PAK-RUS"]


def test_real_records_validate_against_their_published_schemas() -> None:
    ledger, policy = MemoryLedger(), aggregation_policy(Settings())
    for n in range(3):
        fold_event(ledger, make_event(sentence_index=n, days=n / 3), policy)
        fold_event(ledger, make_event("PAK", "RUS", root="05", goldstein=3.5, quad=1,
                                      sentence_index=n), policy)
    state = ledger.states["PAK-RUS"]
    _validator("events").validate(_json(make_event()))
    _validator("dyads").validate(_json(state))
    for bucket in ledger.buckets.values():
        _validator("dyad-days").validate(_json(bucket))
    _validator("summary").validate(_json(pair_summary(state, list(ledger.buckets.values()), 1, 7)))
