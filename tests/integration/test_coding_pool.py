"""A worker with two coding processes (``DYADWATCH_CODING_PROCESSES=2``): one of them is
SIGKILLed while a load is coded, as the kernel's OOM killer would; the worker replaces the
pool, codes every article (none dropped, none dead-lettered) and ends with the clean tables.
Its ``/health`` stays ``ok`` throughout: no rebalance, no stall.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from streams.cli.processes import WorkerProcess
from streams.kafka.broker import EmbeddedBroker
from tests.integration.harness import (
    expected_tables,
    fresh_settings,
    publish_all,
    running_worker,
    varied_articles,
    wait_for_tables,
)

pytestmark = pytest.mark.integration
ARTICLES = 120


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def coding_processes(worker: WorkerProcess) -> list[int]:
    """The pool's processes: children of the worker's fork server (a child of the worker)."""
    assert worker.process is not None
    return [pid for server in _children(worker.process.pid) for pid in _children(server)]


def _processed(worker: WorkerProcess) -> int:
    return int(((worker.health() or {}).get("counters") or {}).get("articles_processed", 0))


def test_a_killed_coding_process_loses_no_article(broker: EmbeddedBroker, tmp_path: Path) -> None:
    # One articles partition: the events reach the table in publication order, as in the
    # clean run, so even order-dependent fields (closes, recent events) must be equal.
    settings = fresh_settings(broker, tmp_path / "data", coding_processes=2, articles_partitions=1)
    articles = varied_articles(ARTICLES, seed=17)
    expected = expected_tables(settings, articles)
    with running_worker(settings) as worker:
        pool = coding_processes(worker)
        assert len(pool) == 2, pool
        publish_all(settings, articles)
        deadline = time.monotonic() + 60
        while _processed(worker) < 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(pool[0], signal.SIGKILL)
        statuses = set()
        while _processed(worker) < ARTICLES and time.monotonic() < deadline + 60:
            statuses.add((worker.health() or {}).get("status"))
            time.sleep(0.1)
        differences = wait_for_tables(settings, expected)
        assert differences == [], differences[:20]
        health = worker.health()
        assert health is not None and health["dead_letters_total"] == 0
        assert health["counters"]["articles_processed"] == ARTICLES
        assert statuses <= {"ok", "catching_up"}  # healthy throughout: never starting or crashed
        replaced = coding_processes(worker)
        assert len(replaced) == 2 and pool[0] not in replaced


def _alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()
            and Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"]


def test_a_killed_worker_leaves_no_coding_process_behind(broker: EmbeddedBroker,
                                                          tmp_path: Path) -> None:
    settings = fresh_settings(broker, tmp_path / "data", coding_processes=2)
    with running_worker(settings) as worker:
        assert worker.process is not None
        below = _children(worker.process.pid)
        pool = coding_processes(worker)
        assert len(pool) == 2
        worker.kill()
        deadline = time.monotonic() + 10
        while _alive(below + pool) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _alive(below + pool) == []
