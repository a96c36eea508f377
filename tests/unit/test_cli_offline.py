"""Offline commands (no broker): extract, schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from schemas import jsonbytes
from schemas.contract import SCHEMAS, published_schema
from schemas.models import RelationEvent

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], input=stdin, cwd=ROOT,
                          capture_output=True, timeout=120)


def test_extract_codes_the_seed_with_its_expected_events(seed_expected: dict[str, Any]) -> None:
    result = run("extract", "-", stdin=jsonbytes.dumps_line({
        "id": "seed", "title": "ignored",
        "text": (ROOT / "seeds" / seed_expected["file"]).read_text(encoding="utf-8"),
    }))
    assert result.returncode == 0, result.stderr
    events = [RelationEvent.model_validate_json(line) for line in result.stdout.splitlines()]
    produced = {(e.source, e.target, e.quad_class) for e in events}
    expected = {(e["source"], e["target"], e["quad"]) for e in seed_expected["events"]}
    assert expected <= produced
    assert all(e.article_id == "seed" and e.coder_version for e in events)


def test_extract_reports_bad_lines_and_exits_non_zero() -> None:
    result = run("extract", stdin=b'{"id": "a", "text": "Russia rejected Pakistan\'s demand."}\n{bad\n')
    assert result.returncode == 1 and b"<stdin>:2" in result.stderr
    assert [jsonbytes.loads(line)["pair"] for line in result.stdout.splitlines()] == ["PAK-RUS"]


def test_schema_events_is_the_published_relation_event_schema() -> None:
    result = run("schema", "events")
    assert result.returncode == 0
    schema = jsonbytes.loads(result.stdout)
    assert schema == jsonbytes.loads(jsonbytes.dumps(published_schema("events"), sort_keys=True))
    assert schema["$id"] == "urn:dyadwatch:schema:relation-event:1" and schema["x-version"] == "1.0"
    assert {"event_id", "source", "target", "evidence", "coder_version"} <= set(schema["required"])


def test_schema_without_a_name_prints_every_schema_keyed_by_name() -> None:
    plain, every = run("schema"), run("schema", "--all")
    assert plain.returncode == every.returncode == 0 and plain.stdout == every.stdout
    schemas = jsonbytes.loads(plain.stdout)
    assert sorted(schemas) == sorted(SCHEMAS)
    assert all(schema["$id"] == SCHEMAS[name].schema_id for name, schema in schemas.items())
    both = run("schema", "events", "--all")
    assert both.returncode == 1 and b"not both" in both.stderr


def test_version_names_the_coder_its_events_carry() -> None:
    from agents.coder import CODER_VERSION

    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip().endswith(f"(coder {CODER_VERSION})")


def test_extract_goes_on_past_a_line_that_is_not_utf8() -> None:
    lines = (b'{"id": "a", "text": "Russia rejected Pakistan\'s demand."}\n'
             b'{"id": "b", "text": "caf\xe9"}\n'
             b'{"id": "c", "text": "India praised France."}\n')
    result = run("extract", "-", stdin=lines)
    assert result.returncode == 1
    events = [RelationEvent.model_validate_json(line) for line in result.stdout.splitlines()]
    assert sorted({e.article_id for e in events}) == ["a", "c"]
    assert result.stderr.decode().strip() == "dyadwatch extract: <stdin>:2: not UTF-8 text: byte 24 is 0xe9"


def test_extract_codes_a_reprisal_promised_to_an_organisation_as_nothing_and_goes_on() -> None:
    # a reprisal answering NATO had a target with no country, and the coder raised on it
    lines = (b'{"id": "a", "text": "Russia will respond to NATO."}\n'
             b'{"id": "b", "text": "Iran will respond to the UN resolution."}\n'
             b'{"id": "c", "text": "India praised France."}\n')
    result = run("extract", "-", stdin=lines)
    assert result.returncode == 0, result.stderr.decode()
    events = [RelationEvent.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [e.article_id for e in events] == ["c"] and result.stderr == b""
