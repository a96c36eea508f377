"""Listing rows kept until their pair is written (streams.state.rowcache, streams.web.reads).

No broker: the tables are dicts filled by the fold the worker runs (``fold_event``), and the
app is a stand-in with the three things the reads look at (recovery done, rebalancing, count).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from schemas.models import DayBucket
from streams.settings import Settings
from streams.state.history import bucket_key
from streams.state.ledger import MemoryLedger, fold_event
from streams.state.policy import aggregation_policy
from streams.state.rowcache import RowCache
from streams.state.tables import TableLedger
from streams.web.reads import TableReads
from tests.unit.factories import T0, make_event


class CountingTable(dict[bytes, Any]):
    """A table stand-in counting its reads."""

    reads = 0

    def get(self, key: bytes, default: Any = None) -> Any:  # type: ignore[override]
        self.reads += 1
        return super().get(key, default)


@dataclass
class Recovery:
    done: bool = True

    @property
    def completed(self) -> Any:
        return SimpleNamespace(is_set=lambda: self.done)


@dataclass
class StandInPipeline:
    settings: Settings
    dyads: CountingTable = field(default_factory=CountingTable)
    days: CountingTable = field(default_factory=CountingTable)
    rows: RowCache = field(default_factory=RowCache)
    recovery: Recovery = field(default_factory=Recovery)
    app: Any = None
    objects: Any = None  # no TableObjects: every read decodes

    def __post_init__(self) -> None:
        self.app = SimpleNamespace(rebalancing=False, rebalancing_count=1,
                                   tables=SimpleNamespace(recovery=self.recovery))

    def fold(self, *events: Any) -> None:
        """Fold ``events`` into the tables, as the worker does, and forget the written pairs."""
        ledger, policy = MemoryLedger(), aggregation_policy(self.settings)
        for pair, state in self.dyads.items():
            ledger.states[pair.decode()] = state
        for key, bucket in self.days.items():
            ledger.buckets[key.decode()] = DayBucket.model_validate(bucket)
        for event in events:
            fold_event(ledger, event, policy)
        self.dyads.update({pair.encode(): state for pair, state in ledger.states.items()})
        self.days.update({key.encode(): bucket for key, bucket in ledger.buckets.items()})
        self.rows.forget(event.pair for event in events)


def _reads(tmp_path: Path) -> tuple[StandInPipeline, TableReads]:
    pipeline = StandInPipeline(Settings(app_id="unit-rows", data_dir=tmp_path))
    pipeline.fold(make_event("RUS", "PAK", article_id="a1"), make_event("IND", "PAK", article_id="a2"))
    return pipeline, TableReads(pipeline)  # type: ignore[arg-type]


def test_rows_are_read_once_then_kept_until_their_pair_is_written(tmp_path: Path) -> None:
    pipeline, reads = _reads(tmp_path)
    first = {row["pair"]: row for row in reads.local_rows()}
    read_then = pipeline.dyads.reads
    assert reads.local_rows() == list(first.values()) and pipeline.dyads.reads == read_then
    pipeline.fold(make_event("RUS", "PAK", root="19", goldstein=-10.0, article_id="a3", days=0.5))
    rows = {row["pair"]: row for row in reads.local_rows()}
    assert pipeline.dyads.reads == read_then + 1  # only the written pair is read again
    assert rows["PAK-RUS"]["events"] == first["PAK-RUS"]["events"] + 1
    assert rows["IND-PAK"] == first["IND-PAK"]


def test_a_rebalance_or_a_worker_not_serving_drops_or_bypasses_the_rows(tmp_path: Path) -> None:
    pipeline, reads = _reads(tmp_path)
    reads.local_rows()
    pipeline.app.rebalancing_count += 1
    before = pipeline.dyads.reads
    reads.local_rows()
    assert pipeline.dyads.reads == before + 2  # everything read again
    pipeline.recovery.done = False
    reads.local_rows()
    reads.local_rows()
    assert pipeline.dyads.reads == before + 6  # not serving: read every time, nothing kept


def test_rows_as_of_a_time_or_of_a_country_are_right(tmp_path: Path) -> None:
    _, reads = _reads(tmp_path)
    reads.local_rows()
    assert [row["pair"] for row in reads.local_rows(country="IND")] == ["IND-PAK"]
    assert reads.local_rows(as_of=T0.replace(year=T0.year - 1)) == []  # before any event


def test_the_ledger_names_every_pair_it_wrote(tmp_path: Path) -> None:
    dyads: dict[bytes, Any] = {}
    days: dict[bytes, Any] = {}
    ledger, policy = TableLedger(dyads, days), aggregation_policy(Settings(data_dir=tmp_path))
    fold_event(ledger, make_event("RUS", "PAK"), policy)
    fold_event(ledger, make_event("IND", "PAK", article_id="a2"), policy)
    assert ledger.flush() == {"PAK-RUS", "IND-PAK"}
    days[bucket_key("CHN-USA", T0.date()).encode()] = days[bucket_key("PAK-RUS", T0.date()).encode()]
    ledger.drop_bucket("CHN-USA", T0.date())
    assert ledger.flush() == {"CHN-USA"}
    assert ledger.flush() == set()


def test_the_cache_forgets_pairs_and_generations() -> None:
    cache = RowCache()
    cache.valid_for(1)
    cache.put("IND-PAK", 1, {"pair": "IND-PAK"})
    cache.put("IND-PAK", 7, {"pair": "IND-PAK", "window": 7})
    assert cache.get("IND-PAK", 7) == {"pair": "IND-PAK", "window": 7} and cache.get("IND-PAK", 2) is None
    cache.valid_for(1)
    assert len(cache) == 1
    cache.forget(["IND-PAK", "CHN-USA"])
    assert cache.get("IND-PAK", 1) is None
    cache.put("IND-PAK", 1, {"pair": "IND-PAK"})
    cache.valid_for(2)
    assert len(cache) == 0
