"""The worker's metrics in the Prometheus text format (``GET /metrics``), by ``prometheus_client``.

Each request renders a fresh registry from a ``MetricsSnapshot`` of the worker:

- ``dyadwatch_<counter>_total``: every ``COUNTERS`` entry (0 until it counts);
- ``dyadwatch_dead_letters_total{stage,reason}``: records sent to the dead-letter topic;
- ``dyadwatch_up``: 1 once the worker serves (tables recovered, no rebalance);
- ``dyadwatch_consumer_lag{topic,partition}``: high watermark minus the offset after the last
  record processed (``streams.kafka.lag``);
- ``dyadwatch_batch_size{agent}``: records per agent batch (histogram);
- ``dyadwatch_end_to_end_latency_seconds{agent}``: article reached the broker -> its event
  folded in the tables (histogram);
- ``process_cpu_seconds_total``, ``process_resident_memory_bytes``, ...: prometheus_client's
  process collector (Linux).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, ProcessCollector, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from agents.dead_letters import Histogram

__all__ = ["CONTENT_TYPE", "COUNTERS", "MetricsSnapshot", "render_metrics"]

CONTENT_TYPE = "text/plain; version=0.0.4"  # aiohttp adds no charset to it: UTF-8 text
PREFIX = "dyadwatch_"
COUNTERS: dict[str, str] = {
    "articles_processed": "Articles coded (events sent or none found).",
    "events_emitted": "Relation events sent to the events topic.",
    "events_folded": "Relation events read by the aggregation (every outcome below).",
    "events_counted": "Relation events counted in the pair indexes (new events).",
    "events_mention": "Relation events that repeat a counted event (mentions).",
    "events_duplicate": "Relation events already applied (redelivered), ignored.",
    "events_superseded": "Relation events of an older coder version than the pair's, ignored.",
    "alerts_raised": "Tension alerts sent to the alerts topic.",
    "input_refetches": "Input partitions fetched again: records delivered but never handled "
                       "(streams.kafka.stall).",
}
HISTOGRAM_HELP = {
    "batch_size": "Records per batch an agent takes from its topic.",
    "end_to_end_latency_seconds": "Seconds from an article reaching the broker to its event "
                                  "folded in the tables.",
}


@dataclass
class MetricsSnapshot:
    """What ``/metrics`` shows of one worker (``Tally`` fields, lag, serving or not)."""

    counters: Mapping[str, int]
    dead_letters: Mapping[str, int]
    up: bool
    lag: Mapping[str, Mapping[int, int]] = field(default_factory=dict)
    histograms: Mapping[tuple[str, str], Histogram] = field(default_factory=dict)


class _SnapshotCollector(Collector):
    """The snapshot as metric families."""

    def __init__(self, snapshot: MetricsSnapshot) -> None:
        self.snapshot = snapshot

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily | HistogramMetricFamily]:
        """Counters, dead letters, up, lag, then histograms."""
        snap = self.snapshot
        for name, help_text in COUNTERS.items():
            yield CounterMetricFamily(f"{PREFIX}{name}", help_text, value=snap.counters.get(name, 0))
        for name in sorted(set(snap.counters) - set(COUNTERS)):
            yield CounterMetricFamily(f"{PREFIX}{name}", f"Worker counter {name}.",
                                      value=snap.counters[name])
        letters = CounterMetricFamily(f"{PREFIX}dead_letters", "Records sent to the dead-letter "
                                      "topic, by stage and reason.", labels=["stage", "reason"])
        for key, value in sorted(snap.dead_letters.items()):
            stage, _, reason = key.partition(":")
            letters.add_metric([stage, reason], value)
        yield letters
        yield GaugeMetricFamily(f"{PREFIX}up", "1 once the worker has recovered its tables and is "
                                "not rebalancing.", value=int(snap.up))
        yield self._lag()
        yield from self._histograms()

    def _lag(self) -> GaugeMetricFamily:
        lag = GaugeMetricFamily(f"{PREFIX}consumer_lag", "Records this worker has not processed "
                                "yet: high watermark minus its position.",
                                labels=["topic", "partition"])
        for topic, partitions in sorted(self.snapshot.lag.items()):
            for partition, value in sorted(partitions.items()):
                lag.add_metric([topic, str(partition)], value)
        return lag

    def _histograms(self) -> Iterator[HistogramMetricFamily]:
        for name, help_text in HISTOGRAM_HELP.items():
            family = HistogramMetricFamily(f"{PREFIX}{name}", help_text, labels=["agent"])
            for (hist_name, agent), hist in sorted(self.snapshot.histograms.items()):
                if hist_name != name:
                    continue
                counts = hist.counts or [0] * len(hist.bounds)
                buckets = [(str(float(b)), c) for b, c in zip(hist.bounds, counts, strict=True)]
                buckets.append(("+Inf", hist.count))
                family.add_metric([agent], buckets, hist.total)
            yield family


def render_metrics(snapshot: MetricsSnapshot, process: bool = True) -> str:
    """The exposition text of ``snapshot`` (plus this process's CPU and memory if ``process``)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_SnapshotCollector(snapshot))
    if process:
        ProcessCollector(registry=registry)
    return generate_latest(registry).decode("utf-8")
