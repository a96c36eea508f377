"""Operators see lag (issue 15): ``/health`` says ``catching_up`` with the consumer lag per
topic while a backlog drains, then ``ok`` with 0; ``/metrics`` has the lag per partition,
batch sizes, the end-to-end latency and the process's CPU and memory."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from streams.kafka.broker import EmbeddedBroker
from tests.integration.harness import fresh_settings, publish_all, running_worker, varied_articles

pytestmark = pytest.mark.integration
BACKLOG = 600


def _samples(url: str) -> dict[str, float]:
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode("utf-8")
    return {name: float(value) for name, value in
            (line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))}


def _watch(worker: Any, timeout_s: float = 180.0) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every /health body until the worker says ok with every article coded and every event
    it emitted folded (a momentary ``ok`` while events are still in flight on the events topic
    does not end the watch); the bodies seen, the last."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        health = worker.health()
        if health:
            seen.append(health)
            counters = health["counters"]
            folded = counters.get("events_folded", 0) >= counters.get("events_emitted", 0) > 0
            if health["status"] == "ok" and counters.get("articles_processed") == BACKLOG and folded:
                return seen, health
        time.sleep(0.1)
    raise AssertionError(f"never drained: last {seen[-1:]}")


def test_health_and_metrics_show_lag_while_a_backlog_drains(broker: EmbeddedBroker,
                                                             tmp_path: Path) -> None:
    settings = fresh_settings(broker, tmp_path / "lag")
    publish_all(settings, varied_articles(BACKLOG))
    with running_worker(settings, healthy=False) as worker:
        seen, last = _watch(worker)
        behind = [h for h in seen if h["status"] == "catching_up"]
        assert behind, [h["status"] for h in seen]
        assert any(h["lag"][settings.articles_topic] > 0 for h in behind)
        assert last["lag"] == {settings.articles_topic: 0, settings.events_topic: 0}
        samples = _samples(settings.web_url + "/metrics")
    lags = {name: value for name, value in samples.items()
            if name.startswith("dyadwatch_consumer_lag{")}
    assert len(lags) == settings.articles_partitions + settings.events_partitions
    assert set(lags.values()) == {0.0}
    code = 'dyadwatch_batch_size_sum{agent="code_articles"}'
    assert samples[code] == BACKLOG
    assert samples['dyadwatch_batch_size_count{agent="code_articles"}'] < BACKLOG  # batched
    folded = samples["dyadwatch_events_folded_total"]
    latency = 'dyadwatch_end_to_end_latency_seconds_count{agent="aggregate_events"}'
    assert samples[latency] == folded > 0
    assert samples['dyadwatch_end_to_end_latency_seconds_sum{agent="aggregate_events"}'] > 0
    assert samples["process_cpu_seconds_total"] > 0
    assert samples["process_resident_memory_bytes"] > 10_000_000
