"""Coding off the event loop: a pool of coder processes, each loading the coder once.

The coding agent (``agents.coding``) hands a batch of ``articles`` messages, as (raw value
bytes, Kafka timestamp in seconds) pairs, to a ``CodingService`` and gets one ``Coded`` per
message back, **in the batch's order** (``agents.steps.code_raw``: the events as (pair key,
JSON) records, or the message's rejection). Two services:

- ``CodingPool`` (``DYADWATCH_CODING_PROCESSES`` >= 1): a ``ProcessPoolExecutor`` of that many
  processes, all started with its first task (``agents.executor``), by a fork server (never
  ``fork`` from the worker: asyncio, Faust's threads and fork don't mix). The fork server
  imports spaCy once (``PRELOAD``); each process then loads the coder once (``factory``, e.g.
  ``agents.coder.default_coder``) in its initializer, at a lower CPU priority than the worker
  (``NICENESS``) so that the event loop never waits for coding when the cores are busy.
  A batch's articles are all submitted at once, in chunks of consecutive articles
  (``chunk_spans``: up to ``MAX_CHUNK``, single articles towards the batch's end so that the
  processes finish together), and awaited in order, so every process is busy while the event
  loop stays free (HTTP, heartbeats, table batches). A task per chunk, not per article: each
  task costs the worker a submit and wake-ups of the executor's thread and of the event loop,
  and the coding limits travel once, to each process's initializer.
- ``InlineCoding`` (``DYADWATCH_CODING_PROCESSES=0``): codes in the event loop itself, as the
  worker did before the pool; for unit tests and debugging (it stalls the loop).

If a pool process dies (killed, out of memory, a crash in native code), every pending chunk
fails with ``BrokenProcessPool``: the pool is replaced, each article of the chunk being
awaited is coded again alone, in order, then the rest of the batch is resubmitted. An article
whose retry alone kills the pool again is the likely culprit: it becomes
``Rejection("extract", "coder_crashed")`` (a dead letter, counted by reason) and the worker
goes on. A chunk with no answer within ``timeout_s`` (``DYADWATCH_CODING_TIMEOUT_S``: a hung
process, or an article that sends the coder into a loop; a chunk's few articles take well
under a second) is treated the same way: the pool's processes are killed and replaced, its
articles are coded again alone, and one with no answer within ``timeout_s`` alone becomes
``Rejection("extract", "coder_timeout")``. Nothing hangs and nothing is dropped. Each process
exits once the worker is gone (``_exit_when_gone``): a SIGKILLed worker leaves none behind.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from agents.executor import EagerProcessPool
from agents.steps import ArticleCoder, Coded, CodingLimits, Rejection, code_raw

__all__ = ["CRASH_REASON", "MAX_CHUNK", "PRELOAD", "TIMEOUT_REASON", "CoderFactory", "CodingPool",
           "CodingService", "InlineCoding", "Item", "chunk_spans"]

log = logging.getLogger(__name__)

CoderFactory = Callable[[], ArticleCoder]
"""Builds the coder of a process; must be picklable (a module-level function)."""
Item = tuple[bytes | None, float | None]
"""One message to code: (raw value bytes, Kafka timestamp in seconds)."""
PRELOAD = ("spacy", "agents.steps", "agents.coder")
NICENESS = 5
"""Added to each coding process's niceness: when the cores are short, the worker's event loop
(HTTP, heartbeats, sends, table folds: milliseconds per article) runs before batch coding."""
CRASH_REASON = "coder_crashed"
TIMEOUT_REASON = "coder_timeout"
WARM_TIMEOUT_S = 120.0
WATCH_INTERVAL_S = 1.0
MAX_CHUNK = 4
"""Most articles in one task of a coding process (~50 ms of coding each)."""


def chunk_spans(count: int, processes: int, most: int = MAX_CHUNK) -> list[range]:
    """Consecutive index ranges covering ``range(count)`` in order, one task each: the
    articles left over twice the processes, 1 to ``most`` at a time (guided scheduling: the
    last chunks are single articles, so no process waits long for another at a batch's end).
    ``chunk_spans(10, 2)`` gives sizes 3, 2, 2, 1, 1, 1."""
    spans, start = [], 0
    while start < count:
        size = max(1, min(most, -(-(count - start) // (2 * processes))))
        spans.append(range(start, start + size))
        start += size
    return spans


class CodingService(Protocol):
    """Codes batches of ``articles`` messages; ``ready`` once its coder(s) are loaded."""

    @property
    def ready(self) -> bool:
        """True once ``start`` has loaded the coder (every process's, for a pool)."""
        ...

    async def start(self) -> None:
        """Load the coder(s); idempotent. Raises what the coder's loading raises."""

    def code(self, items: Sequence[Item]) -> AsyncIterator[Coded]:
        """One ``Coded`` per item, in the items' order (never raises for bad input)."""
        ...

    def close(self) -> None:
        """Stop the processes, if any (pending articles are cancelled); idempotent."""


class InlineCoding:
    """Codes in the calling thread, i.e. the worker's event loop (``CODING_PROCESSES=0``)."""

    def __init__(self, factory: CoderFactory, limits: CodingLimits) -> None:
        self.factory = factory
        self.limits = limits
        self.coder: ArticleCoder | None = None

    @property
    def ready(self) -> bool:
        """True once the coder is loaded."""
        return self.coder is not None

    async def start(self) -> None:
        """Load the coder in this process (blocks the loop for the model's load)."""
        if self.coder is None:
            self.coder = self.factory()

    async def code(self, items: Sequence[Item]) -> AsyncIterator[Coded]:
        """Code each item in turn, in the loop."""
        if self.coder is None:
            raise RuntimeError("InlineCoding.code before start()")
        for raw, timestamp in items:
            yield code_raw(raw, timestamp, self.coder, self.limits)

    def close(self) -> None:
        """Nothing to stop."""


_process_coder: ArticleCoder | None = None
_process_limits: CodingLimits | None = None


def _exit_when_gone(worker_pid: int) -> None:
    """End this process once the worker is gone (a SIGKILLed worker cannot stop its pool, and
    a pool process blocked on its task queue would wait forever)."""
    while True:
        time.sleep(WATCH_INTERVAL_S)
        try:
            os.kill(worker_pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # the pid was reused by another user's process
            os._exit(0)


def _load_coder(factory: CoderFactory, limits: CodingLimits, worker_pid: int) -> None:
    """Pool process initializer: a watch on the worker (``_exit_when_gone``), a lower CPU
    priority (``NICENESS``), then the coder of this process, loaded once, and its limits."""
    global _process_coder, _process_limits
    threading.Thread(target=_exit_when_gone, args=(worker_pid,), name="worker-watch",
                     daemon=True).start()
    os.nice(NICENESS)
    _process_limits = limits
    _process_coder = factory()


def _code_in_process(chunk: Sequence[Item]) -> list[Coded]:
    """A chunk coded in this process: one ``Coded`` per item, in order."""
    if _process_coder is None or _process_limits is None:
        raise RuntimeError("the coding process has no coder (initializer not run)")
    return [code_raw(raw, timestamp, _process_coder, _process_limits) for raw, timestamp in chunk]


def _loaded_pid(pause_s: float) -> int:
    """The process id, answered once the initializer has run (the pause spreads the calls)."""
    time.sleep(pause_s)
    return os.getpid()


class CodingPool:
    """``processes`` coder processes (fork server, spaCy preloaded, coder loaded once each)."""

    def __init__(self, processes: int, factory: CoderFactory, limits: CodingLimits,
                 timeout_s: float = 60.0) -> None:
        if processes < 1:
            raise ValueError(f"a coding pool needs at least one process, not {processes}")
        self.timeout_s = timeout_s
        self.processes = processes
        self.factory = factory
        self.limits = limits
        self.executor: ProcessPoolExecutor | None = None
        self.restarts = 0
        self._ready = False

    @property
    def ready(self) -> bool:
        """True once every process has loaded its coder."""
        return self._ready

    def _new_executor(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(PRELOAD))
        return EagerProcessPool(self.processes, mp_context=context, initializer=_load_coder,
                                initargs=(self.factory, self.limits, os.getpid()))

    async def start(self) -> None:
        """Start the processes and wait until each has loaded its coder (``WARM_TIMEOUT_S``).

        Raises ``BrokenProcessPool`` if a process dies while loading (e.g. the model is missing),
        ``TimeoutError`` if they are not all loaded in time.
        """
        if self.executor is not None:
            return
        self.executor = self._new_executor()
        deadline, seen = time.monotonic() + WARM_TIMEOUT_S, set[int]()
        while len(seen) < self.processes:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(seen)} of {self.processes} coding processes loaded in time")
            calls = [self.executor.submit(_loaded_pid, 0.05) for _ in range(self.processes)]
            seen.update(await asyncio.gather(*(asyncio.wrap_future(call) for call in calls)))
        self._ready = True
        log.info("coding pool ready: %d processes %s", self.processes, sorted(seen))

    def _submit(self, chunk: Sequence[Item]) -> Future[list[Coded]]:
        if self.executor is None:
            raise RuntimeError("CodingPool.code before start()")
        try:
            return self.executor.submit(_code_in_process, chunk)
        except BrokenProcessPool:
            self._restart()
            return self._submit(chunk)

    def _restart(self, why: str = "a coding process died") -> None:
        """Replace a broken or hung pool: its processes are killed (a hung one never exits by
        itself) and new ones load the coder again, off the loop."""
        self.restarts += 1
        log.warning("%s: pool restarted (%d restarts so far)", why, self.restarts)
        if self.executor is not None:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new_executor()

    async def _answer(self, future: Future[list[Coded]]) -> list[Coded]:
        """A chunk's results; ``TimeoutError`` if none came within ``timeout_s``."""
        return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)

    async def _alone(self, item: Item) -> Coded:
        """Code ``item`` alone; if the pool breaks or hangs on it, the pool is replaced and the
        item's rejection (``CRASH_REASON`` or ``TIMEOUT_REASON``) returned."""
        try:
            return (await self._answer(self._submit([item])))[0]
        except BrokenProcessPool:
            self._restart()
            return Rejection("extract", CRASH_REASON,
                             "a coding process died twice while coding this article, the second "
                             "time coding it alone (out of memory, killed or crashed)")
        except TimeoutError:
            self._restart(f"no answer for one article within {self.timeout_s:g} s, twice")
            return Rejection("extract", TIMEOUT_REASON,
                             f"coding this article gave no answer within {self.timeout_s:g} s, "
                             "twice, the second time coding it alone")

    async def _retry_alone(self, chunk: Sequence[Item], hung: bool) -> list[Coded]:
        """Each item of a chunk that broke or hung the pool, coded alone in order on a fresh
        pool (``_alone``: the culprit becomes its rejection, the others are coded)."""
        self._restart(f"no answer from a coding process within {self.timeout_s:g} s"
                      if hung else "a coding process died")
        return [await self._alone(item) for item in chunk]

    async def code(self, items: Sequence[Item]) -> AsyncIterator[Coded]:
        """Submit every item, in chunks (``chunk_spans``), then yield the results in order
        (retrying after a crash or a chunk that gave no answer in time)."""
        chunks = [items[span.start:span.stop] for span in chunk_spans(len(items), self.processes)]
        futures = [self._submit(chunk) for chunk in chunks]
        for n, chunk in enumerate(chunks):
            try:
                results = await self._answer(futures[n])
            except (BrokenProcessPool, TimeoutError) as exc:
                results = await self._retry_alone(chunk, hung=isinstance(exc, TimeoutError))
                futures[n + 1:] = [_kept_or_resubmitted(future, later, self._submit)
                                   for future, later in zip(futures[n + 1:], chunks[n + 1:], strict=True)]
            for result in results:
                yield result

    def close(self) -> None:
        """Stop the processes without waiting (pending articles are cancelled)."""
        executor, self.executor, self._ready = self.executor, None, False
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


def _kept_or_resubmitted(future: Future[list[Coded]], chunk: Sequence[Item],
                         submit: Callable[[Sequence[Item]], Future[list[Coded]]]
                         ) -> Future[list[Coded]]:
    """A future already answered stays; one lost with the broken pool is submitted again."""
    if future.done() and not future.cancelled() and future.exception() is None:
        return future
    return submit(chunk)
