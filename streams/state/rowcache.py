"""This worker's listing rows as last computed, kept until their pair is written again.

A ``/dyads`` listing (and ``/countries/{A}``) shows every local pair's ``PairSummary`` row;
computing one reads and validates the pair's state and each of its day buckets (~0.25 ms a
pair), so a page polled by analysts, or a worker with thousands of pairs, would redo that for
every request although few pairs change between two. The aggregation agent
(``streams.state.aggregation``) calls ``forget`` with the pairs it wrote, right after writing
them (no await in between, so a row read before the write is never kept past it), and the
views (``streams.web.reads``) keep a row per (pair, window) until then. Rows are only kept
while the worker serves (tables recovered, no rebalance) and under one rebalance generation
(``valid_for``): when partitions move, a pair's state may change without an aggregation write
(changelog recovery), so everything is dropped. No Faust or aiohttp import.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["RowCache"]

Row = dict[str, Any]


class RowCache:
    """``PairSummary`` rows (JSON dicts, expressed at the pair's own latest event) by pair and
    window (days). Callers must not mutate a row they get (copy it first)."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[int, Row]] = {}
        self.generation: int | None = None

    def valid_for(self, generation: int) -> None:
        """Drop every row if ``generation`` (the app's rebalance count) moved since the last call."""
        if generation != self.generation:
            self._rows.clear()
            self.generation = generation

    def get(self, pair: str, window: int) -> Row | None:
        """The row kept for ``pair`` over ``window`` days, or None."""
        return self._rows.get(pair, {}).get(window)

    def put(self, pair: str, window: int, row: Row) -> None:
        """Keep ``row`` for ``pair`` over ``window`` days."""
        self._rows.setdefault(pair, {})[window] = row

    def forget(self, pairs: Iterable[str]) -> None:
        """Drop the rows of ``pairs`` (their state or day buckets were just written)."""
        for pair in pairs:
            self._rows.pop(pair, None)

    def clear(self) -> None:
        """Drop every row."""
        self._rows.clear()

    def __len__(self) -> int:
        return len(self._rows)
