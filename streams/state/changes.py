"""Which pairs changed, coalesced: the aggregation agent notes them, the live stream takes them.

The aggregation agent (``streams.state.aggregation``) calls ``PairChanges.note`` with the pairs
whose state moved after each folded batch: a set insert, no await, nothing kept while nobody
listens. The live stream (``streams.web.live``) awaits ``next_batch``: the pairs changed since
its last batch, at most one batch every ``min_interval_s`` (250 ms), waiting on an
``asyncio.Event`` while nothing changes (no polling loop). No Faust or aiohttp import.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable

__all__ = ["DEFAULT_MIN_INTERVAL_S", "PairChanges"]

DEFAULT_MIN_INTERVAL_S = 0.25


class PairChanges:
    """Changed pair keys (``"IND-PAK"``), coalesced into batches spaced ``min_interval_s``
    seconds or more apart; ``clock`` is a monotonic clock in seconds (tests pass their own)."""

    def __init__(self, min_interval_s: float = DEFAULT_MIN_INTERVAL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.min_interval_s = min_interval_s
        self.clock = clock
        self.pending: set[str] = set()
        self.listening = False
        self.last_batch_at = float("-inf")
        self._wake: asyncio.Event | None = None

    def note(self, pairs: Iterable[str]) -> None:
        """Record that ``pairs`` changed (ignored while nobody listens: nothing accumulates)."""
        if not self.listening:
            return
        self.pending.update(pairs)
        if self.pending and self._wake is not None:
            self._wake.set()

    def listen(self) -> None:
        """Start keeping changes (the first ``next_batch`` does it too)."""
        self.listening = True
        if self._wake is None:
            self._wake = asyncio.Event()

    def stop_listening(self) -> None:
        """Stop keeping changes and forget the pending ones (the last subscriber left)."""
        self.listening = False
        self.pending = set()

    def delay(self) -> float:
        """Seconds to wait before the next batch may be taken (0: now)."""
        return max(0.0, self.last_batch_at + self.min_interval_s - self.clock())

    def take(self) -> set[str]:
        """The pending pairs, now (empty if none); the next batch is due ``min_interval_s`` later."""
        pairs, self.pending = self.pending, set()
        if pairs:
            self.last_batch_at = self.clock()
        return pairs

    async def next_batch(self) -> set[str]:
        """Wait until a pair changed and the interval since the last batch has passed; the
        changed pairs (never empty). Cancelling it loses nothing still pending."""
        self.listen()
        assert self._wake is not None
        while True:
            while not self.pending:
                self._wake.clear()
                await self._wake.wait()
            delay = self.delay()
            if delay > 0:
                await asyncio.sleep(delay)  # changes of this interval join the batch
            pairs = self.take()
            if pairs:
                return pairs
