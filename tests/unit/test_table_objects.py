"""Decoded states and buckets kept beside the tables (streams.state.objects, TableLedger, reads).

No broker: the tables are dicts counting their reads, folded by the worker's own ledger.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from schemas.models import DayBucket, DyadState, RelationEvent
from streams.settings import Settings
from streams.state.history import bucket_key
from streams.state.ledger import fold_event
from streams.state.objects import ABSENT, ObjectCache, TableObjects
from streams.state.policy import aggregation_policy
from streams.state.tables import TableLedger, read_row
from streams.web.reads import TableReads
from tests.unit.factories import T0, make_event
from tests.unit.test_row_cache import CountingTable, StandInPipeline


class StoredTable(CountingTable):
    """A table stand-in that keeps what a real one would: the row's JSON bytes, not the object."""

    def __setitem__(self, key: bytes, value: Any) -> None:
        assert isinstance(value, bytes), f"rows are written as JSON bytes, got {type(value)}"
        super().__setitem__(key, value)


class Generation:
    """The app's rebalance count, moved by the test."""

    def __init__(self) -> None:
        self.count = 1

    def __call__(self) -> int:
        return self.count


def _events() -> list[RelationEvent]:
    """Reports over three pairs and four days: new events, mentions, duplicates."""
    events = []
    for n in range(24):
        source, target = [("RUS", "PAK"), ("IND", "PAK"), ("CHN", "USA")][n % 3]
        events.append(make_event(source, target, root=["12", "19", "04"][n % 3],
                                 article_id=f"a{n % 7}", sentence_index=n % 5, days=(n % 4) * 0.9))
    return events + events[:5]


def _fold(dyads: CountingTable, days: CountingTable, objects: TableObjects | None,
          batches: list[list[RelationEvent]], tmp_path: Path) -> None:
    policy = aggregation_policy(Settings(data_dir=tmp_path))
    for batch in batches:
        ledger = TableLedger(dyads, days, objects)
        for event in batch:
            fold_event(ledger, event, policy)
        ledger.flush()


def test_kept_objects_give_the_same_tables_and_spare_the_reads(tmp_path: Path) -> None:
    events = _events()
    batches = [events[n:n + 4] for n in range(0, len(events), 4)]
    plain = (StoredTable(), StoredTable())
    kept = (StoredTable(), StoredTable())
    _fold(*plain, None, batches, tmp_path)
    _fold(*kept, TableObjects(100, 100, Generation()), batches, tmp_path)
    assert kept[0] == plain[0] and kept[1] == plain[1] and len(plain[1]) > 4
    assert kept[0].reads < plain[0].reads / 2 and kept[1].reads < plain[1].reads / 2


def test_a_fold_that_fails_leaves_the_table_s_row_to_be_read(tmp_path: Path) -> None:
    dyads, days = StoredTable(), StoredTable()
    objects = TableObjects(100, 100, Generation())
    policy = aggregation_policy(Settings(data_dir=tmp_path))
    _fold(dyads, days, objects, [[make_event("RUS", "PAK")]], tmp_path)
    failed = TableLedger(dyads, days, objects)
    fold_event(failed, make_event("RUS", "PAK", article_id="a2"), policy)  # never flushed
    assert objects.states.get("PAK-RUS") is ABSENT
    again = TableLedger(dyads, days, objects)
    state = again.load_state("PAK-RUS")
    assert state.events == 1 and state is not failed.load_state("PAK-RUS")


def test_what_was_only_read_is_read_again_and_missing_rows_are_remembered(tmp_path: Path) -> None:
    dyads, days = StoredTable(), StoredTable()
    objects = TableObjects(100, 100, Generation())
    _fold(dyads, days, objects, [[make_event("RUS", "PAK")]], tmp_path)
    ledger = TableLedger(dyads, days, objects)
    ledger.load_state("PAK-RUS")
    assert ledger.load_state("CHN-USA").events == 0 and ledger.load_bucket("CHN-USA", T0.date()) is None
    ledger.flush()
    assert objects.states.get("PAK-RUS") is ABSENT  # read, not written: may differ from the row
    assert objects.states.get("CHN-USA") is None  # no row, known
    assert objects.buckets.get(bucket_key("CHN-USA", T0.date())) is None
    reads = dyads.reads
    assert TableLedger(dyads, days, objects).load_state("CHN-USA").events == 0
    assert dyads.reads == reads


def test_a_rebalance_drops_everything_and_an_older_ledger_puts_nothing_back(tmp_path: Path) -> None:
    dyads, days = StoredTable(), StoredTable()
    generation = Generation()
    objects = TableObjects(100, 100, generation)
    policy = aggregation_policy(Settings(data_dir=tmp_path))
    _fold(dyads, days, objects, [[make_event("RUS", "PAK")]], tmp_path)
    assert isinstance(objects.states.get("PAK-RUS"), DyadState)
    ledger = TableLedger(dyads, days, objects)
    fold_event(ledger, make_event("IND", "PAK", article_id="a2"), policy)
    generation.count += 1
    assert objects.states.get("PAK-RUS") is ABSENT
    ledger.flush()
    assert len(objects.states) == 0 and len(objects.buckets) == 0
    assert read_row(DyadState, dyads[b"IND-PAK"]).events == 1  # the table itself was written


def test_the_cache_keeps_the_most_recently_used_rows() -> None:
    cache: ObjectCache[DayBucket] = ObjectCache(2, lambda: 0)
    bucket = DayBucket(pair="IND-PAK", day=T0.date())
    cache.put("a", bucket, 0)
    cache.put("b", None, 0)
    assert cache.get("a") is bucket  # "a" used last: "b" goes first
    cache.put("c", bucket, 0)
    assert cache.get("b") is ABSENT and cache.get("a") is bucket and len(cache) == 2
    assert cache.take("a") is bucket and cache.get("a") is ABSENT
    nothing: ObjectCache[DayBucket] = ObjectCache(0, lambda: 0)
    nothing.put("a", bucket, 0)
    assert len(nothing) == 0
    with pytest.raises(ValueError, match="most must be >= 0"):
        ObjectCache(-1, lambda: 0)


def test_reads_serve_the_kept_objects_only_while_the_worker_serves(tmp_path: Path) -> None:
    pipeline = StandInPipeline(Settings(app_id="unit-objects", data_dir=tmp_path),
                               StoredTable(), StoredTable())
    objects = TableObjects(100, 100, lambda: int(pipeline.app.rebalancing_count))
    _fold(pipeline.dyads, pipeline.days, objects, [[make_event("RUS", "PAK")]], tmp_path)
    pipeline.objects = objects
    reads = TableReads(pipeline)  # type: ignore[arg-type]
    before = (pipeline.dyads.reads, pipeline.days.reads)
    state = reads.local_state("PAK-RUS")
    assert state is not None and state.events == 1 and reads.local_bucket("PAK-RUS", T0.date())
    assert [row["pair"] for row in reads.local_rows()] == ["PAK-RUS"]
    assert (pipeline.dyads.reads, pipeline.days.reads) == before
    pipeline.recovery.done = False
    assert reads.local_state("PAK-RUS") is not None and pipeline.dyads.reads == before[0] + 1
