"""The broker frozen (SIGSTOP) for longer than the session timeout, then resumed: the worker
reconnects and finishes, its tables equal to a clean run's (nothing lost, nothing twice)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from streams.kafka.broker import EmbeddedBroker
from tests.integration.harness import (
    expected_tables,
    fetch_tables,
    fresh_settings,
    publish_all,
    running_worker,
    table_differences,
    varied_articles,
    wait_committed,
    wait_for_tables,
)

pytestmark = pytest.mark.integration
ARTICLES = 300
FROZEN_S = 8.0  # well past the worker's 3 s session timeout


def test_worker_survives_a_frozen_broker_and_finishes_exactly(
    broker: EmbeddedBroker, tmp_path: Path,
) -> None:
    settings = fresh_settings(broker, tmp_path / "data", articles_partitions=1)
    assert 2 * settings.session_timeout_s < FROZEN_S
    articles = varied_articles(ARTICLES, seed=11)
    expected = expected_tables(settings, articles)
    publish_all(settings, articles)

    with running_worker(settings, healthy=False) as worker:
        deadline, coded = time.monotonic() + 90, 0
        while coded < ARTICLES // 8:
            assert time.monotonic() < deadline, "the worker never started coding"
            time.sleep(0.02)
            coded = (worker.health() or {}).get("counters", {}).get("articles_processed", 0)
        broker.pause()
        assert coded < ARTICLES, "the outage came too late to test anything"
        try:
            time.sleep(FROZEN_S)
        finally:
            broker.resume()
        differences = wait_for_tables(settings, expected, timeout_s=180)
        assert differences == [], differences[:20]
        assert wait_committed(settings) == {}
        assert table_differences(expected, fetch_tables(settings)) == []
        assert worker.process is not None and worker.process.poll() is None
