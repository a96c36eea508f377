"""The event store holds exactly the events of the topic: replays, redelivery, bad records and
a SIGKILLed ``dyadwatch lake`` in the middle of the stream change nothing (real broker, real
DuckDB, real ``dyadwatch lake`` processes)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kafka import KafkaProducer

from schemas import jsonbytes
from schemas.models import RelationEvent
from streams.cli.processes import LakeProcess
from streams.kafka.clients import kafka_python_config
from streams.kafka.topics import ensure_topics
from streams.lake.ingest import read_status
from streams.lake.views import connect
from streams.settings import Settings
from tests.integration.conftest import ARTIFACTS, SettingsFactory, read_all
from tests.lake_events import synthetic_events

pytestmark = pytest.mark.integration

BAD = [(b"RUS-PAK", b"{not json"), (b"RUS-PAK", b"\xff\xfe junk"), (b"AAA-BBB", None)]


def _send(settings: Settings, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = KafkaProducer(acks="all", linger_ms=5, **kafka_python_config(settings))
    try:
        for key, value in records:
            producer.send(settings.events_topic, key=key, value=value)
        producer.flush(60)
    finally:
        producer.close()


def _records(events: list[RelationEvent]) -> list[tuple[bytes | None, bytes]]:
    return [(e.pair.encode(), e.model_dump_json().encode()) for e in events]


def _wait(predicate: Callable[[], bool], what: str, timeout_s: float = 90.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


FIELDS = ("event_id", "source", "target", "cameo_code", "root_code", "article_id")


def _store_ids(root: Path) -> list[str]:
    return [row[0] for row in connect(root).execute("SELECT event_id FROM stored").fetchall()]


def _store_rows(root: Path) -> set[tuple[str, ...]]:
    return set(connect(root).execute(f"SELECT {', '.join(FIELDS)} FROM events").fetchall())


def _topic_rows(settings: Settings) -> set[tuple[str, ...]]:
    rows = set()
    for _, value in read_all(settings, settings.events_topic):
        try:
            event = jsonbytes.loads(value)
            rows.add(tuple(event[name] for name in FIELDS))
        except (ValueError, KeyError, TypeError):
            continue
    return rows


LakeFactory = Callable[[Settings], LakeProcess]


@pytest.fixture
def start_lake() -> Iterator[LakeFactory]:
    """Start ``dyadwatch lake`` processes (logs in tests/artifacts); all stopped after the test."""
    ARTIFACTS.mkdir(exist_ok=True)
    started: list[LakeProcess] = []
    with contextlib.ExitStack() as logs:

        def factory(settings: Settings) -> LakeProcess:
            log = logs.enter_context((ARTIFACTS / f"lake-{settings.app_id}.log").open("ab"))
            started.append(LakeProcess(settings, log=log).start())
            return started[-1]

        yield factory
        for lake in started:
            lake.stop()


def test_store_equals_the_topic_after_sigkill_replays_and_bad_records(
        make_settings: SettingsFactory, start_lake: LakeFactory, tmp_path: Path) -> None:
    settings = make_settings(lake_dir=tmp_path / "lake", lake_flush_events=150, lake_flush_s=0.2,
                             lake_compact_files=3)
    ensure_topics(settings)
    first = synthetic_events(2400, seed=3, days=5)
    _send(settings, _records(first[:1200]) + [(k, v) for k, v in BAD if v is not None])
    lake = start_lake(settings)
    _send(settings, _records(first[1200:]))
    _wait(lambda: read_status(settings.lake_path).stored >= 600, "the lake to store 600 events")
    lake.kill()  # SIGKILL mid-stream: buffered and uncommitted records come again
    replays = first[:500] + first[1800:2000]  # the same events published again
    _send(settings, _records(replays) + _records(synthetic_events(600, seed=4, prefix="late")))
    lake = start_lake(settings)
    expected_rows = _topic_rows(settings)
    expected = {row[0] for row in expected_rows}
    _wait(lambda: len(_store_ids(settings.lake_path)) >= len(expected), "the store to catch up")
    time.sleep(1.5)  # anything more would be a duplicate
    stored = _store_ids(settings.lake_path)
    assert len(stored) == len(set(stored)), "a row stored twice"
    assert set(stored) == expected
    assert _store_rows(settings.lake_path) == expected_rows  # codes as published: "062"
    assert len(expected) == 3000
    status = read_status(settings.lake_path)
    # counters are saved with the rows: exact across the SIGKILL, whenever it came
    assert sum(status.dead_letters.values()) == 2, status
    assert (status.stored, status.duplicates) == (3000, len(replays)), status
    letters = [jsonbytes.loads(v) for _, v in read_all(settings, settings.dead_letters_topic)]
    # at least once: a bad record read before the SIGKILL and not yet committed is read, and
    # dead-lettered, again; each dead letter names the record it stands for
    rejected = {(letter["topic"], letter["partition"], letter["offset"]) for letter in letters}
    assert len(rejected) == 2 and len(letters) <= 4, letters
    assert {letter["stage"] for letter in letters} == {"decode"}
    assert all(letter["raw_b64"] for letter in letters)


def test_a_second_lake_on_the_same_store_is_refused(make_settings: SettingsFactory,
                                                    start_lake: LakeFactory, tmp_path: Path) -> None:
    settings = make_settings(lake_dir=tmp_path / "lake")
    ensure_topics(settings)
    start_lake(settings)
    _wait(lambda: (settings.lake_path / "_writer.lock").exists(), "the first lake to start")
    time.sleep(1.0)
    second = start_lake(settings)
    assert second.process is not None
    assert second.process.wait(60) == 1


def test_lake_says_where_it_writes_at_info_only(make_settings: SettingsFactory,
                                                start_lake: LakeFactory, tmp_path: Path) -> None:
    """The line naming the topic and folder is informational: INFO at log level info, nothing
    at warning (as the demo and the tests run it), never WARNING."""
    for level in ("info", "warning"):
        settings = make_settings(lake_dir=tmp_path / level, log_level=level)
        ensure_topics(settings)
        log = ARTIFACTS / f"lake-{settings.app_id}.log"
        offset = log.stat().st_size if log.exists() else 0
        lake = start_lake(settings)
        manifest = settings.lake_path / "_manifest.json"
        _wait(manifest.exists, "the lake to open its store")
        time.sleep(1.0)
        lake.stop()
        text = log.read_bytes()[offset:].decode()
        assert "WARNING streams.lake.ingest" not in text, text
        line = f"INFO streams.lake.ingest: lake: {settings.events_topic} -> {settings.lake_path}"
        assert (line in text) == (level == "info"), text
