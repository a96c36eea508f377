"""How a benchmark worker behaves while it works: HTTP answer times, rebalances, and the
memory of the worker and of each of its coding processes (read from ``/proc``).

``HttpProbe`` asks the worker's API in a thread, at a steady pace, for what the live page
asks (``GET /dyads?sort=tension&limit=20``, every fourth request ``GET /health``): the
answer times in ms, and how often ``/health`` went from ``ok`` to ``starting`` (a rebalance,
since tables are recovered and coders loaded by then).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from streams.exceptions import QueryError
from streams.web.client import fetch_json

__all__ = ["HttpProbe", "descendants", "peak_rss_mb"]


class HttpProbe:
    """Polls the worker at ``base_url`` every ``interval_s`` until closed (context manager)."""

    def __init__(self, base_url: str, interval_s: float = 0.05) -> None:
        self.base_url = base_url
        self.interval_s = interval_s
        self.times_ms: list[float] = []
        self.failures = 0
        self.rebalances = 0
        self._status = "ok"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="http-probe", daemon=True)

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            n += 1
            started = time.perf_counter()
            try:
                if n % 4:
                    fetch_json(self.base_url, "/dyads", {"sort": "tension", "limit": "20"}, timeout_s=10)
                else:
                    self._note(fetch_json(self.base_url, "/health", timeout_s=10).get("status"))
            except QueryError:
                self.failures += 1
            self.times_ms.append(1000 * (time.perf_counter() - started))
            self._stop.wait(max(0.0, self.interval_s - (time.perf_counter() - started)))

    def _note(self, status: str | None) -> None:
        # "starting": not serving (a rebalance, or tables recovering); "catching_up" is a
        # backlog, which every backlog phase has and which is no rebalance
        if self._status != "starting" and status == "starting":
            self.rebalances += 1
        self._status = status or "?"

    def __enter__(self) -> HttpProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(15)


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (children, grandchildren...), e.g. a worker's fork
    server and its coding processes."""
    parents = {int(p.name): _parent(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()}
    found, frontier = [], [pid]
    while frontier:
        below = [child for child, parent in parents.items() if parent in frontier]
        found += below
        frontier = below
    return found


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (``VmHWM``) in MB, NaN if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")
