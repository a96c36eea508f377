"""A process pool that starts all its processes with its first task, and none after.

CPython 3.11's ``ProcessPoolExecutor`` started by a fork server (or spawn) starts its
processes lazily, one per ``submit`` while none is idle. When a process dies abruptly, the
executor's manager thread marks the pool broken and walks its dict of processes
(``terminate_broken``, then ``shutdown_workers``) without the lock that ``submit`` holds, so a
``submit`` in the other thread that starts one more process at that moment changes the dict
under the walk: the manager thread dies with "dictionary changed size during iteration" (an
unhandled thread exception; CPython 3.12 takes the lock). Started all at once, before the
manager thread watches them, the pool's processes are never added to while it runs: a broken
pool is replaced whole (``agents.pool.CodingPool``), never refilled one process at a time.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

__all__ = ["EagerProcessPool"]


class EagerProcessPool(ProcessPoolExecutor):
    """``ProcessPoolExecutor`` whose ``max_workers`` processes all start with the first
    ``submit``, before its manager thread starts (same arguments, same errors)."""

    def _start_executor_manager_thread(self) -> None:
        if self._executor_manager_thread is None:
            self._launch_processes()
        super()._start_executor_manager_thread()
