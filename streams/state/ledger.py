"""Where pair state lives while events are folded: the live tables or plain dicts.

``fold_event`` is the one path from an event to state, history and alerts; the worker runs
it against its Faust tables (``streams.state.tables.TableLedger``) and ``dyadwatch rebuild`` runs it
against a ``MemoryLedger`` over the ``relation-events`` log, so both reach the same state.
No Faust or Kafka import here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol

from schemas.models import DayBucket, DyadState, RelationEvent
from streams.state.aggregate import (
    AggregationPolicy,
    Applied,
    Outcome,
    apply_event,
    new_state,
    was_counted,
)
from streams.state.history import add_to_bucket, bucket_holds, bucket_key, counts_in_day

__all__ = ["Ledger", "MemoryLedger", "fold_event", "fold_events"]


class Ledger(Protocol):
    """Where pair states (key ``"IND-PAK"``) and day buckets (key ``"IND-PAK@2024-05-01"``,
    ``streams.state.history.bucket_key``) are read and written while events are folded.

    Implementations: ``MemoryLedger`` (dicts) and ``streams.state.tables.TableLedger`` (the
    Faust tables). None raises for a missing key.
    """

    def load_state(self, pair: str) -> DyadState:
        """The pair's state, or a new empty one (``new_state``) if it has none yet."""
        ...

    def save_state(self, state: DyadState) -> None:
        """Keep ``state`` as its pair's state."""
        ...

    def load_bucket(self, pair: str, day: date) -> DayBucket | None:
        """The pair's bucket of that UTC day, or None."""
        ...

    def save_bucket(self, bucket: DayBucket) -> None:
        """Keep ``bucket`` as its pair's bucket of its day."""
        ...

    def drop_bucket(self, pair: str, day: date) -> None:
        """Forget the pair's bucket of that day (expired history); nothing if absent."""
        ...


def fold_event(ledger: Ledger, event: RelationEvent, policy: AggregationPolicy) -> Applied:
    """Apply one event to its pair's state and day bucket in ``ledger``.

    Each of the two is idempotent on its own: the state remembers its latest event ids, the
    day bucket every event id of its day. An event the day bucket holds is a duplicate for the
    state too, however long ago it came (exact within the history window); an event the state
    holds but its day bucket does not (the worker died between the two writes) still reaches
    the bucket. Whether a new report counts as an event or a mention is decided by its day's
    bucket (``counts_in_day``), so the same events give the same counts in any order.
    """
    state = ledger.load_state(event.pair)
    day = event.event_time.date() if event.event_time is not None else None
    bucket = ledger.load_bucket(event.pair, day) if day is not None else None
    seen = bucket_holds(bucket, event)
    counts = counts_in_day(bucket, event) if _in_window(state, day, policy) else None
    applied = apply_event(state, event, policy, seen=seen, counts=counts)
    for dropped in applied.dropped_days:
        ledger.drop_bucket(state.pair, dropped)
    if applied.outcome is Outcome.DUPLICATE and not seen and day in state.history_days:
        # the worker died between the two writes: the day gets its report now; whether it was
        # its article's or outlet's first in the pair is no longer known (point-in-time
        # article and outlet counts may come one short for that day)
        _add_to_day(ledger, state, event, day, was_counted(state, event))
    if not applied.changed:
        return applied
    if applied.day is not None:
        _add_to_day(ledger, state, event, applied.day, applied.outcome is Outcome.COUNTED,
                    (applied.new_article, applied.new_source))
    ledger.save_state(state)
    return applied


def _in_window(state: DyadState, day: date | None, policy: AggregationPolicy) -> bool:
    """Whether ``day`` is (or will be, once folded) within the pair's history window."""
    if day is None:
        return False
    return state.day is None or day >= state.day - timedelta(days=policy.history_days - 1)


def _add_to_day(ledger: Ledger, state: DyadState, event: RelationEvent, day: date,
                counted: bool, firsts: tuple[bool, bool] = (False, False)) -> None:
    bucket = ledger.load_bucket(state.pair, day) or DayBucket(pair=state.pair, day=day)
    if add_to_bucket(bucket, event, counted, state.a, firsts):
        ledger.save_bucket(bucket)


def fold_events(ledger: Ledger, events: Iterable[RelationEvent],
                policy: AggregationPolicy) -> list[Applied]:
    """``fold_event`` for each event in order; what each did."""
    return [fold_event(ledger, event, policy) for event in events]


class MemoryLedger:
    """Pair states and day buckets in dicts (rebuilds, tests, benchmarks)."""

    def __init__(self) -> None:
        self.states: dict[str, DyadState] = {}
        self.buckets: dict[str, DayBucket] = {}

    def load_state(self, pair: str) -> DyadState:
        """``Ledger.load_state``."""
        state = self.states.get(pair)
        return state if state is not None else new_state(pair)

    def save_state(self, state: DyadState) -> None:
        """``Ledger.save_state``."""
        self.states[state.pair] = state

    def load_bucket(self, pair: str, day: date) -> DayBucket | None:
        """``Ledger.load_bucket``."""
        return self.buckets.get(bucket_key(pair, day))

    def save_bucket(self, bucket: DayBucket) -> None:
        """``Ledger.save_bucket``."""
        self.buckets[bucket_key(bucket.pair, bucket.day)] = bucket

    def drop_bucket(self, pair: str, day: date) -> None:
        """``Ledger.drop_bucket``."""
        self.buckets.pop(bucket_key(pair, day), None)
