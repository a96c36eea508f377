"""A time with no timezone anywhere on the way (article, relation event, stored state) folds
and reads like any other (no broker: the coder and the ledger the worker runs)."""

from __future__ import annotations

from pathlib import Path

from agents.coder import default_coder
from schemas import jsonbytes
from schemas.models import Article, RelationEvent
from streams.settings import Settings
from streams.state.history import history_rows
from streams.state.ledger import MemoryLedger, fold_event
from streams.state.policy import aggregation_policy


def test_naive_and_aware_times_fold_together(tmp_path: Path) -> None:
    coder, ledger = default_coder(), MemoryLedger()
    policy = aggregation_policy(Settings(data_dir=tmp_path))
    articles = [
        Article(id="a1", text="Norway expelled a Danish diplomat.", published="2025-06-02T23:30:00"),
        Article(id="a2", text="Norway expelled two Danish diplomats.", published="2025-06-03T08:00:00Z"),
        Article(id="a3", text="Norway expelled a Danish diplomat again.", published="2025-06-02"),
    ]
    events = [event for article in articles for event in coder.extract(article)]
    assert events and all(e.event_time is not None and e.event_time.tzinfo for e in events)
    for event in events:  # as the worker reads them back from the topic
        fold_event(ledger, RelationEvent.model_validate(jsonbytes.loads(jsonbytes.dumps(
            event.model_dump(mode="json")))), policy)
    state = ledger.states["DNK-NOR"]
    assert state.mentions == len(events)
    rows = history_rows(state, 7, lambda day: ledger.buckets.get(f"DNK-NOR@{day.isoformat()}"))
    assert sum(row["mentions"] for row in rows["history"]) == len(events)


def test_a_stored_state_without_timezones_loads_with_them(tmp_path: Path) -> None:
    event = default_coder().extract(
        Article(id="a1", text="Norway expelled a Danish diplomat.", published="2025-06-02T10:00:00"))[0]
    raw = event.model_dump(mode="json")
    raw["event_time"] = "2025-06-02T10:00:00"  # an older producer's record
    assert RelationEvent.model_validate(raw).event_time == event.event_time
