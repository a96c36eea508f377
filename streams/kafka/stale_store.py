"""A worker's local table store checked against the broker before the worker starts.

Faust keeps, in each RocksDB partition of a table, the offset of the last changelog record
it applied. An embedded broker (memory only) that restarts comes back with empty changelogs
while the local store still holds the tables and those offsets: the tables would carry
pairs the broker no longer has, and Faust stops with ``ConsistencyError`` once new records
arrive. So, before the worker starts: if the broker holds *no* changelog record at all while
the local store has applied some, the broker came back empty, and the local tables are
dropped (one log line) and the worker starts clean. If the changelogs hold records but fewer
than the local store applied (a persistent Kafka lost data), the store is left alone,
Faust's own check stands, and the log says what to do.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import rocksdict
from kafka import KafkaConsumer, TopicPartition

from streams.catalog import catalog
from streams.kafka.clients import kafka_python_config
from streams.settings import Settings

__all__ = ["changelog_ends", "check_local_store", "local_offsets"]

log = logging.getLogger(__name__)
OFFSET_KEY = b"__faust\x00offset__"  # where Faust's RocksDB store keeps its applied offset


def _tables_dir(settings: Settings) -> Path:
    return Path(settings.worker_data_dir) / "v1" / "tables"


def _read_offset(path: Path) -> int | None:
    db = rocksdict.Rdict(str(path), options=rocksdict.Options(raw_mode=True),
                         access_type=rocksdict.AccessType.read_only())
    try:
        raw = db.get(OFFSET_KEY)
    finally:
        db.close()
    return int(raw) if raw is not None else None


def local_offsets(settings: Settings) -> dict[TopicPartition, int]:
    """Changelog partition -> offset of the last record the local store applied."""
    found: dict[TopicPartition, int] = {}
    names = catalog(settings)
    for spec in (names.dyads, names.days):
        for partition in range(spec.partitions):
            path = _tables_dir(settings) / f"{spec.name}-{partition}.db"
            offset = _read_offset(path) if path.exists() else None
            if offset is not None:
                found[TopicPartition(spec.changelog.name, partition)] = offset
    return found


def changelog_ends(settings: Settings, partitions: list[TopicPartition]) -> dict[TopicPartition, int]:
    """The broker's end offset of each changelog partition (0 for a partition it lacks)."""
    consumer = KafkaConsumer(**kafka_python_config(settings))
    try:
        known = [tp for tp in partitions if tp.partition in (
            consumer.partitions_for_topic(tp.topic) or ())]
        ends: dict[TopicPartition, int] = dict.fromkeys(partitions, 0)
        ends.update(consumer.end_offsets(known) if known else {})
        return ends
    finally:
        consumer.close()


def check_local_store(settings: Settings) -> str:
    """``"clean"`` (nothing ahead of the broker), ``"dropped"`` (the broker came back empty:
    local tables deleted) or ``"ahead"`` (left for Faust's check, with a log line)."""
    local = local_offsets(settings)
    if not local:
        return "clean"
    ends = changelog_ends(settings, sorted(local))
    ahead = sorted(f"{tp.topic}[{tp.partition}]" for tp, offset in local.items()
                   if offset >= ends[tp])
    if not ahead:
        return "clean"
    where = _tables_dir(settings)
    if not any(ends.values()):
        shutil.rmtree(where)
        log.warning("the broker holds none of the table changelogs this worker applied "
                    "(an embedded broker restarted empty?): local tables in %s dropped, "
                    "starting clean", where)
        return "dropped"
    log.error("the local table store %s is ahead of the broker's changelogs on %s: the "
              "changelogs lost records, and Faust will stop with ConsistencyError; to rebuild "
              "the tables from the changelogs, stop the worker and delete %s", where,
              ", ".join(ahead), settings.worker_data_dir)
    return "ahead"
