"""Helpers for tests that share one worker per module or restart workers themselves."""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from streams.broker import EmbeddedBroker
from streams.processes import WorkerProcess
from streams.settings import Settings
from streams.topics import ensure_topics
from tests.integration.conftest import ARTIFACTS, free_port

__all__ = ["fresh_settings", "running_worker", "table_by_pair"]

_names = itertools.count()


def fresh_settings(broker: EmbeddedBroker, data_dir: Path, **overrides: Any) -> Settings:
    """Settings on unique topics, a free web port and ``data_dir`` (topics created)."""
    suffix = f"m{int(time.time() * 1000) % 10**8}-{next(_names)}"
    values: dict[str, Any] = {
        "bootstrap_servers": broker.bootstrap_servers,
        "app_id": f"it-{suffix}",
        "articles_topic": f"articles-{suffix}",
        "events_topic": f"relation-events-{suffix}",
        "dead_letters_topic": f"dead-letters-{suffix}",
        "web_port": free_port(),
        "data_dir": data_dir,
        "log_level": "warning",
        **overrides,
    }
    settings = Settings(**values)
    ensure_topics(settings)
    return settings


@contextlib.contextmanager
def running_worker(settings: Settings, *, healthy: bool = True) -> Iterator[WorkerProcess]:
    """A ``dyadwatch worker`` process (log in tests/artifacts), stopped on exit."""
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"worker-{settings.app_id}-{settings.web_port}.log"
    with (ARTIFACTS / name).open("ab") as log:
        worker = WorkerProcess(settings, log=log).start()
        try:
            if healthy:
                worker.wait_healthy(timeout_s=60)
            yield worker
        finally:
            worker.stop()


def table_by_pair(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Summary rows keyed by pair."""
    return {row["pair"]: row for row in rows}
