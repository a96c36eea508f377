"""The worker's ledger: pair state and day buckets in the Faust tables, cached per batch.

A batch of events loads each pair's state once, folds every event, then writes the state and
each touched day once (``flush``): one changelog record per pair and day, not per event.
With ``objects`` (``streams.state.objects.TableObjects``), what it reads comes from the
objects it last wrote where they are kept (taken out while folded, put back once written).

Rows are stored as the model's JSON bytes (``row_bytes``), encoded once here: the tables'
value serializer is ``raw``, so the RocksDB store and the changelog topic get the same bytes
(before, Faust's codec encoded every row twice, once for each). ``read_row`` decodes them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from schemas.models import DayBucket, DyadState
from streams.state.aggregate import new_state
from streams.state.history import bucket_key
from streams.state.objects import ABSENT, TableObjects

__all__ = ["TableLedger", "read_row", "row_bytes"]

M = TypeVar("M", bound=BaseModel)


def row_bytes(row: BaseModel) -> bytes:
    """A table row as stored: the model's JSON (UTF-8 bytes; the bytes ``model_dump_json``
    gives)."""
    return row.__pydantic_serializer__.to_json(row)


def read_row(model: type[M], raw: Any) -> M:
    """A table row as ``model``: from stored bytes (JSON), or from a dict or a model (rows
    held in memory). Raises ``pydantic.ValidationError`` if it is not a valid ``model``."""
    if isinstance(raw, (bytes, bytearray)):
        return model.model_validate_json(raw)
    return model.model_validate(raw)


class TableLedger:
    """``streams.state.ledger.Ledger`` over the ``dyads`` and ``dyad-days`` tables."""

    def __init__(self, dyads: Any, days: Any, objects: TableObjects | None = None) -> None:
        self.dyads, self.days, self.objects = dyads, days, objects
        self.generation = objects.current() if objects is not None else 0
        self._states: dict[str, DyadState] = {}
        self._buckets: dict[str, DayBucket | None] = {}
        self._dirty_states: set[str] = set()
        self._dirty_buckets: set[str] = set()
        self._dropped: set[str] = set()
        self._found_states: set[str] = set()  # pairs with a row in the table when loaded

    def load_state(self, pair: str) -> DyadState:
        """``Ledger.load_state``."""
        state = self._states.get(pair)
        if state is None:
            state = self._read_state(pair)
            if state is None:
                state = new_state(pair)
            else:
                self._found_states.add(pair)
            self._states[pair] = state
        return state

    def _read_state(self, pair: str) -> DyadState | None:
        """The pair's stored state (kept object, else the table's row), or None."""
        kept = ABSENT if self.objects is None else self.objects.states.take(pair)
        if kept is ABSENT:
            raw = self.dyads.get(pair.encode())
            return None if raw is None else read_row(DyadState, raw)
        return kept if isinstance(kept, DyadState) else None

    def save_state(self, state: DyadState) -> None:
        """``Ledger.save_state``."""
        self._states[state.pair] = state
        self._dirty_states.add(state.pair)

    def load_bucket(self, pair: str, day: date) -> DayBucket | None:
        """``Ledger.load_bucket``."""
        key = bucket_key(pair, day)
        if key not in self._buckets:
            kept = ABSENT if self.objects is None else self.objects.buckets.take(key)
            if kept is ABSENT:
                raw = self.days.get(key.encode())
                kept = None if raw is None else read_row(DayBucket, raw)
            self._buckets[key] = kept if isinstance(kept, DayBucket) else None
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
            self.dyads[pair.encode()] = row_bytes(self._states[pair])
        for key in sorted(self._dirty_buckets):
            bucket = self._buckets[key]
            if bucket is not None:
                self.days[key.encode()] = row_bytes(bucket)
        for key in sorted(self._dropped):
            if key.encode() in self.days:
                del self.days[key.encode()]
        self._keep()
        self._states.clear()
        self._buckets.clear()
        self._dirty_states.clear()
        self._dirty_buckets.clear()
        self._dropped.clear()
        self._found_states.clear()
        return written

    def _keep(self) -> None:
        """Put back in ``objects`` what was written (and rows found missing and left so); what
        was only read stays out: a fold may have changed it without writing it."""
        if self.objects is None:
            return
        for pair in self._dirty_states:
            self.objects.states.put(pair, self._states[pair], self.generation)
        for pair in self._states.keys() - self._dirty_states - self._found_states:
            self.objects.states.put(pair, None, self.generation)
        for key in self._dirty_buckets | self._dropped:
            self.objects.buckets.put(key, self._buckets[key], self.generation)
        for key, bucket in self._buckets.items():
            if bucket is None and key not in self._dropped:
                self.objects.buckets.put(key, None, self.generation)
