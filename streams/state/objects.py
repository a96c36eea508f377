"""This worker's pair states and day buckets as last written, decoded, beside the tables.

Reading a pair's state or a day bucket from a Faust table decodes its JSON and validates the
model each time (~0.1 ms a bucket); the aggregation agent reads each pair it folds, and a
``/dyads`` listing each pair changed since the last one with all its day buckets, so under a
backlog the worker spent a third of its CPU decoding what it had itself written moments before.
``TableObjects`` keeps the decoded objects the ledger (``streams.state.tables.TableLedger``)
wrote, by table key (``"IND-PAK"``, ``"IND-PAK@2024-05-01"``), and serves them to both.

Consistency: the ledger *takes* an object out while it folds into it (``take``) and puts it
back only when it has written it to the table (``put``), so a reader never sees an object
mid-fold, and a batch that fails leaves the key out (read from the table again). Every object
is dropped when partitions move (``generation``: the app's rebalance count), since changelog
recovery writes the tables without the ledger; a ledger started under an older generation puts
nothing back. The least recently used keys beyond ``most`` are dropped. Callers must not
mutate what ``get`` returns. No Faust or aiohttp import.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from schemas.models import DayBucket, DyadState

__all__ = ["ABSENT", "Absent", "ObjectCache", "TableObjects"]

T = TypeVar("T")


class Absent:
    """The type of ``ABSENT``."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = Absent()
"""What ``get`` and ``take`` return for a key the cache does not hold (None is a held value:
the table has no row for the key)."""


class ObjectCache(Generic[T]):
    """Decoded rows of one table by key (``T | None``: None is a known-missing row)."""

    def __init__(self, most: int, generation: Callable[[], int]) -> None:
        if most < 0:
            raise ValueError(f"most must be >= 0, got {most}")
        self.most = most
        self._generation = generation
        self._seen = generation()
        self._rows: OrderedDict[str, T | None] = OrderedDict()

    def current(self) -> int:
        """The current generation; every row is dropped first if it moved."""
        now = self._generation()
        if now != self._seen:
            self._rows.clear()
            self._seen = now
        return now

    def get(self, key: str) -> T | Absent | None:
        """The row kept for ``key`` (None: no row), or ``ABSENT``."""
        self.current()
        found = self._rows.get(key, ABSENT)
        if found is not ABSENT:
            self._rows.move_to_end(key)
        return found

    def take(self, key: str) -> T | Absent | None:
        """``get`` and forget: the caller is about to change the row."""
        self.current()
        return self._rows.pop(key, ABSENT)

    def put(self, key: str, row: T | None, generation: int) -> None:
        """Keep ``row`` as written to the table under ``generation`` (nothing if it moved)."""
        if generation != self.current() or self.most == 0:
            return
        self._rows[key] = row
        self._rows.move_to_end(key)
        while len(self._rows) > self.most:
            self._rows.popitem(last=False)

    def __len__(self) -> int:
        return len(self._rows)


class TableObjects:
    """The two caches of a worker: ``states`` (``dyads``, ``states_most`` rows, ~80 KB each in
    the news mix) and ``buckets`` (``dyad-days``, ``buckets_most`` rows, ~8 KB each); 0: none
    kept. Raises ``ValueError`` for a negative size."""

    def __init__(self, states_most: int, buckets_most: int, generation: Callable[[], int]) -> None:
        self.states: ObjectCache[DyadState] = ObjectCache(states_most, generation)
        self.buckets: ObjectCache[DayBucket] = ObjectCache(buckets_most, generation)

    def current(self) -> int:
        """The current generation (the app's rebalance count); both drop every row if it moved."""
        self.buckets.current()
        return self.states.current()
