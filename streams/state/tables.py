"""The worker's ledger: pair state and day buckets in the Faust tables, cached per batch.

A batch of events loads each pair's state once, folds every event, then writes the state and
each touched day once (``flush``): one changelog record per pair and day, not per event.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from schemas.models import DayBucket, DyadState
from streams.state.aggregate import new_state
from streams.state.history import bucket_key

__all__ = ["TableLedger"]


class TableLedger:
    """``streams.state.ledger.Ledger`` over the ``dyads`` and ``dyad-days`` tables."""

    def __init__(self, dyads: Any, days: Any) -> None:
        self.dyads, self.days = dyads, days
        self._states: dict[str, DyadState] = {}
        self._buckets: dict[str, DayBucket | None] = {}
        self._dirty_states: set[str] = set()
        self._dirty_buckets: set[str] = set()
        self._dropped: set[str] = set()

    def load_state(self, pair: str) -> DyadState:
        """``Ledger.load_state``."""
        state = self._states.get(pair)
        if state is None:
            raw = self.dyads.get(pair.encode())
            state = new_state(pair) if raw is None else DyadState.model_validate(raw)
            self._states[pair] = state
        return state

    def save_state(self, state: DyadState) -> None:
        """``Ledger.save_state``."""
        self._states[state.pair] = state
        self._dirty_states.add(state.pair)

    def load_bucket(self, pair: str, day: date) -> DayBucket | None:
        """``Ledger.load_bucket``."""
        key = bucket_key(pair, day)
        if key not in self._buckets:
            raw = self.days.get(key.encode())
            self._buckets[key] = None if raw is None else DayBucket.model_validate(raw)
        return self._buckets[key]

    def save_bucket(self, bucket: DayBucket) -> None:
        """``Ledger.save_bucket``."""
        key = bucket_key(bucket.pair, bucket.day)
        self._buckets[key] = bucket
        self._dirty_buckets.add(key)
        self._dropped.discard(key)

    def drop_bucket(self, pair: str, day: date) -> None:
        """``Ledger.drop_bucket``."""
        key = bucket_key(pair, day)
        self._buckets[key] = None
        self._dirty_buckets.discard(key)
        self._dropped.add(key)

    def flush(self) -> set[str]:
        """Write what changed (call with the stream's current event in the pair's partition);
        the pairs whose state or day buckets were written (``"IND-PAK"``)."""
        written = set(self._dirty_states)
        written.update(key.rpartition("@")[0] for key in self._dirty_buckets | self._dropped)
        for pair in sorted(self._dirty_states):
            self.dyads[pair.encode()] = self._states[pair]
        for key in sorted(self._dirty_buckets):
            self.days[key.encode()] = self._buckets[key]
        for key in sorted(self._dropped):
            if key.encode() in self.days:
                del self.days[key.encode()]
        self._states.clear()
        self._buckets.clear()
        self._dirty_states.clear()
        self._dirty_buckets.clear()
        self._dropped.clear()
        return written
