"""``dyadwatch lake``: a consumer of ``relation-events`` (its own group) keeping the store live.

Each batch is decoded, written (``store.Writer.append``, idempotent by ``event_id``), and only
then committed: a crash re-reads what was not committed and the writer drops what it already
holds, so the store holds exactly the events of the topic. An undecodable record goes to
``dead-letters`` (stage, reason, raw bytes) and is counted; it never stops the consumer.
The counters (``stored``, ``duplicates``, ``dead_letters``) are saved in the store's manifest in
the same write as the batch's rows, with the last offset counted per partition: a record read
again after a crash is written and dead-lettered again (at least once) but never counted twice.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from agents.dead_letters import dead_letter_for, raw_bytes_kept
from agents.steps import Rejection, decode_event, event_time_from_timestamp
from schemas.contract import schema_header
from schemas.models import DeadLetter
from streams.catalog import catalog
from streams.kafka.group import GroupReader
from streams.lake.columns import flat_row
from streams.lake.store import Writer, saved_status
from streams.settings import Settings

__all__ = ["LakeStatus", "read_status", "run_lake", "stop_on_signals"]

log = logging.getLogger(__name__)


@dataclass
class LakeStatus:
    """The ingest's counters since the store was created: ``stored`` rows, ``duplicates``
    dropped, ``dead_letters`` by ``"stage:reason"``, ``compactions``; ``counted_through`` is the
    last offset counted per partition (``"0"`` -> offset)."""

    stored: int = 0
    duplicates: int = 0
    dead_letters: dict[str, int] = field(default_factory=dict)
    compactions: int = 0
    counted_through: dict[str, int] = field(default_factory=dict)

    def first_time(self, record: Any) -> bool:
        """Whether ``record`` (a consumer record) has not been counted yet."""
        return self.first_time_at(record.partition, record.offset)

    def first_time_at(self, partition: int, offset: int) -> bool:
        """Whether the record at ``partition``/``offset`` has not been counted yet."""
        return offset > self.counted_through.get(str(partition), -1)

    def counted(self, records: list[Any]) -> None:
        """Mark ``records`` as counted."""
        for record in records:
            key = str(record.partition)
            self.counted_through[key] = max(record.offset, self.counted_through.get(key, -1))


def read_status(root: Path) -> LakeStatus:
    """The counters saved in ``<root>/_manifest.json`` (zeros for a new store)."""
    return LakeStatus(**saved_status(root))


class _Ingest:
    """One batch at a time: decode, dead-letter, append, commit, compact."""

    def __init__(self, settings: Settings, reader: GroupReader, writer: Writer) -> None:
        self.settings, self.reader, self.writer = settings, reader, writer
        self.status = LakeStatus(**writer.status)
        self.dead_topic = catalog(settings).dead_letters.name
        self.raw_kept = raw_bytes_kept(settings.max_message_bytes)

    def rows(self, records: list[Any]) -> list[dict[str, Any]]:
        """The flat rows of the decodable records; the others are dead-lettered."""
        rows = []
        for record in records:
            event = decode_event(record.value, record.key)
            if isinstance(event, Rejection):
                self.dead_letter(event, record, count=self.status.first_time(record))
                continue
            fallback = event_time_from_timestamp(record.timestamp / 1000 if record.timestamp else None)
            rows.append(flat_row(event, record.partition, record.offset, fallback))
        return rows

    def dead_letter(self, rejection: Rejection, record: Any, count: bool) -> None:
        """Send the record's dead letter and, the first time, count its reason."""
        letter = dead_letter_for(rejection, record, self.raw_kept)
        self.reader.send(self.dead_topic, record.key, letter.model_dump_json().encode(),
                         [schema_header(DeadLetter)])
        if count:
            name = f"{rejection.stage}:{rejection.reason}"
            self.status.dead_letters[name] = self.status.dead_letters.get(name, 0) + 1

    def store(self, records: list[Any]) -> None:
        """Write the records' rows with the counters, then commit, then compact what needs it.

        Rows read again after a crash were stored with their counters, so they are neither
        new nor counted as duplicates."""
        rows = self.rows(records)
        first_rows = sum(1 for row in rows if self.status.first_time_at(row["kafka_partition"],
                                                                        row["kafka_offset"]))
        self.writer.append(rows, lambda stored: self._counted(records, stored, first_rows - stored))
        self.reader.commit()
        compactions = self.writer.compact()
        if compactions:
            self.status.compactions += compactions
            self.writer.append([], lambda _: asdict(self.status))

    def _counted(self, records: list[Any], stored: int, duplicates: int) -> dict[str, Any]:
        self.status.stored += stored
        self.status.duplicates += duplicates
        self.status.counted(records)
        return asdict(self.status)


def stop_on_signals() -> Callable[[], bool]:
    """Catch SIGINT and SIGTERM from now on; the function returned says whether one came."""
    caught: list[int] = []

    def _on_signal(signum: int, frame: object) -> None:
        caught.append(signum)

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    return lambda: bool(caught)


def run_lake(settings: Settings) -> int:
    """Keep the store at ``settings.lake_path`` in step with the events topic until SIGTERM or
    Ctrl-C; returns 0 once the buffered events are written and committed.

    Raises ``StreamsError`` if another lake writes the store, ``BrokerError`` without a broker.
    """
    stopping = stop_on_signals()
    topic = catalog(settings).events.name
    with Writer(settings.lake_path, settings.lake_compact_files) as writer:
        reader = GroupReader(settings, topic, settings.lake_group_id, settings.lake_flush_events)
        ingest = _Ingest(settings, reader, writer)
        log.info("lake: %s -> %s (group %s)", topic, writer.root, settings.lake_group_id)
        try:
            _loop(ingest, settings, stopping)
        finally:
            reader.close()
    return 0


def _loop(ingest: _Ingest, settings: Settings, stopping: Callable[[], bool]) -> None:
    buffer: list[Any] = []
    first_at = time.monotonic()
    while not stopping():
        records = ingest.reader.poll(min(0.5, settings.lake_flush_s))
        now = time.monotonic()
        if records:
            first_at = first_at if buffer else now
            buffer += records
        if buffer and (len(buffer) >= settings.lake_flush_events or now - first_at >= settings.lake_flush_s):
            ingest.store(buffer)
            buffer = []
    if buffer:
        ingest.store(buffer)
