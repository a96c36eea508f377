"""Every record the pipeline produces carries its schema in the ``dyadwatch-schema`` header
and validates against its published JSON Schema (a real validator, the embedded broker, a real
worker); the table changelogs (written by Faust, no header) validate too; ``dyadwatch events``
prints the values exactly as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from agents.coder import default_coder
from schemas import jsonbytes
from schemas.contract import SCHEMA_HEADER, SCHEMAS, published_schema, schema_of_header
from streams.catalog import catalog
from streams.cli.replay import recode
from streams.kafka.broker import EmbeddedBroker
from streams.kafka.consume import read_records
from streams.settings import Settings
from tests.integration.conftest import produce_raw
from tests.integration.harness import (
    fresh_settings,
    publish_all,
    running_worker,
    varied_articles,
    wait_committed,
)
from tests.integration.test_cli import dyadwatch

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def produced(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    settings = fresh_settings(broker, tmp_path_factory.mktemp("headers"), alert_tension_rise=0.5)
    with running_worker(settings):
        publish_all(settings, varied_articles(4))
        produce_raw(settings, settings.articles_topic, [(b"broken", b"{not json")])
        assert wait_committed(settings) == {}
        yield settings


def _records(settings: Settings, topic: str) -> list[Any]:
    return list(read_records(settings, topic, from_beginning=True, follow=False))


def _header(record: Any) -> str | None:
    values = [value for name, value in record.headers or [] if name == SCHEMA_HEADER]
    return values[0].decode() if values else None


@pytest.mark.parametrize("name", ["articles", "events", "dead-letters", "dyad-alerts"])
def test_records_carry_their_schema_header_and_validate(produced: Settings, name: str) -> None:
    names = catalog(produced)
    topic = {"articles": names.articles, "events": names.events,
             "dead-letters": names.dead_letters, "dyad-alerts": names.alerts}[name].name
    records = _records(produced, topic)
    if name == "articles":
        records = [r for r in records if r.key != b"broken"]  # sent by a plain producer
    assert records, f"nothing on {topic}"
    validator = Draft202012Validator(published_schema(name))
    spec = SCHEMAS[name]
    for record in records:
        assert _header(record) == spec.header_value, record.headers
        assert schema_of_header(spec.header_value) == (spec.kind, spec.version)
        validator.validate(jsonbytes.loads(record.value))


@pytest.mark.parametrize("name", ["dyads", "dyad-days"])
def test_changelog_values_validate_against_their_schema(produced: Settings, name: str) -> None:
    table = catalog(produced).dyads if name == "dyads" else catalog(produced).days
    values = [r.value for r in _records(produced, table.changelog.name) if r.value is not None]
    assert values
    validator = Draft202012Validator(published_schema(name))
    for value in values:
        validator.validate(jsonbytes.loads(value))


def test_events_command_prints_the_values_unchanged(produced: Settings) -> None:
    result = dyadwatch(produced, "events")
    assert result.returncode == 0, result.stderr
    raw = [r.value.rstrip(b"\n") for r in _records(produced, produced.events_topic)]
    assert sorted(result.stdout.splitlines()) == sorted(raw) and raw


def test_recoded_events_carry_the_header_too(produced: Settings) -> None:
    before = len(_records(produced, produced.events_topic))
    report = recode(produced, default_coder())
    records = _records(produced, produced.events_topic)
    assert report.events > 0 and len(records) == before + report.events
    assert {_header(record) for record in records} == {"relation-event/1.0"}
