"""A worker killed hard (SIGKILL) part-way and restarted on the same data loses nothing and
counts nothing twice: its pair tables equal those of a clean run over the same articles.

At-least-once delivery redelivers what was not committed before the kill; aggregation is
idempotent by event id, so the redelivered events change nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from streams.cli.processes import WorkerProcess
from streams.kafka.broker import EmbeddedBroker
from streams.settings import Settings
from tests.integration.harness import (
    expected_tables,
    fetch_tables,
    fresh_settings,
    publish_all,
    running_worker,
    table_differences,
    varied_articles,
    wait_for_tables,
    worker_report,
)

pytestmark = pytest.mark.integration
ARTICLES = 300


def _kill_part_way(worker: WorkerProcess, at_least: int, total: int, timeout_s: float = 90.0
                   ) -> int:
    """SIGKILL the worker once it has coded ``at_least`` articles; how many it had coded."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        health = worker.health()
        processed = (health or {}).get("counters", {}).get("articles_processed", 0)
        if processed >= at_least:
            worker.kill()
            return int(processed)
        time.sleep(0.02)
    raise AssertionError(f"the worker never coded {at_least} of {total} articles")


def test_worker_killed_part_way_and_restarted_ends_with_the_clean_tables(
    broker: EmbeddedBroker, tmp_path: Path,
) -> None:
    # One articles partition: articles are coded in publication order, so a pair's events
    # reach the table in the same order as in a clean run, and even float sums are equal.
    settings: Settings = fresh_settings(broker, tmp_path / "data", articles_partitions=1,
                                        log_level="info")
    articles = varied_articles(ARTICLES)
    expected = expected_tables(settings, articles)
    publish_all(settings, articles)

    with running_worker(settings, healthy=False) as first:
        coded_before_kill = _kill_part_way(first, ARTICLES // 5, ARTICLES)
    assert coded_before_kill < ARTICLES, "the kill came too late to test anything"

    with running_worker(settings) as second:
        differences = wait_for_tables(settings, expected)
        assert differences == [], f"{differences[:20]}\n{worker_report(second)}"
        # Not asserted: that the restarted worker commits its input offsets again. Faust could
        # stop committing a partition after recovery (faust-streaming issue #596, open), most
        # likely through the lost records WorkerApp now prevents: a liveness defect, not a
        # correctness one (the next restart redoes the work, which the event ids make
        # idempotent); see "Worker killed" in the README.
        assert table_differences(expected, fetch_tables(settings)) == []
        health = second.health()
        assert health is not None and health["dead_letters_total"] == 0
        # the restarted worker coded at least what the first had not (more if redelivered)
        assert health["counters"]["articles_processed"] >= ARTICLES - coded_before_kill
