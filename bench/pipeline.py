"""Benchmark the streaming pipeline against the broker's own limit, in one run.

``python bench/pipeline.py [--quick]`` starts an embedded broker (``streams.kafka.broker``) on a
free port and, each phase on fresh topics (4 partitions, as configured by default) with its
own worker process (``streams.cli.processes.WorkerProcess``: its CPU and memory are its own):

1. **limit**: ``bench/passthrough.py``, the real worker's app and configuration with an
   agent that sends each article's bytes unchanged to another topic. The articles are
   published before the worker starts; the rate is taken between 10% and 90% of them done
   (the worker's ``/health`` counters, polled), so start-up and tail are excluded.
2. **pipeline**: the real worker (``dyadwatch worker``: extract, publish events, update the
   dyads table) on the same kind of corpus, measured the same way on *events applied to the
   table* (converted to articles), so aggregation lagging behind coding is counted. Also the
   worker's start-up time to ready (``/health`` ok) and its peak RSS (``VmHWM``) at the end.
3. **shape ceiling**: ``bench/ceiling.py``, the real worker with the coder's events found
   in advance (framework and tables only), measured like 2: how much of the gap to 1 is
   the coder's and how much the record traffic of one event per record, one state per pair.
4. **latency** at 200 and 1,000 articles/s offered by a paced publisher, each on a fresh
   worker. A consumer reads the table's changelog topic (``{app_id}-dyads-changelog``,
   ``DyadState`` JSON) with a 10 ms fetch wait; each record's ``seen_article_digests`` (the
   fingerprints of article ids) tells which articles that pair's state reflects for the first
   time. An article's latency is from just before its send to the arrival of the last
   changelog record showing it (every pair it names reflects it); articles coding no event
   are not counted. Arrival is clocked by the
   bench's consumer, so the figures include its fetch wait (at most 10 ms).

Articles are the coder bench's ``news-mix`` corpus (``bench/coder.py``: ~3 KB, one event
sentence in four; the ``dense`` corpus if the dev set is absent), each published under its
own id. The machine is shared: compare figures of one run. The last line printed is exactly
``ratio=<x> p50_ms_200=<x> p99_ms_200=<x> p99_ms_1000=<x> ready_s=<x> rss_mb=<x>``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ceiling import CeilingWorkerProcess, bench_templates  # noqa: E402
from bench.coder import DEV  # noqa: E402
from bench.common import bench_settings, free_port  # noqa: E402
from bench.latency import ChangelogWatcher, paced_publish, publish_all  # noqa: E402
from bench.measure import article_payloads, percentile, steady_rate  # noqa: E402
from bench.passthrough import PassThroughWorkerProcess  # noqa: E402
from streams.catalog import changelog_topic_name  # noqa: E402
from streams.cli.processes import WorkerProcess  # noqa: E402
from streams.kafka.broker import EmbeddedBroker  # noqa: E402
from streams.settings import Settings  # noqa: E402

__all__ = ["main"]


@dataclass(frozen=True)
class Plan:
    pass_through_articles: int
    pipeline_articles: int
    latency_seconds: dict[int, float]  # offered articles/s -> publishing time


FULL = Plan(20_000, 6_000, {200: 10.0, 1000: 5.0})
QUICK = Plan(5_000, 1_500, {200: 4.0, 1000: 2.0})


def _settings(bootstrap: str, phase: str, workdir: Path) -> Settings:
    name = f"bench-{phase}-{uuid.uuid4().hex[:8]}"
    return bench_settings(bootstrap, name, workdir / name)


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _counters(worker: WorkerProcess) -> dict[str, int]:
    health = worker.health() or {}
    counters = health.get("counters") or {}
    return {str(k): int(v) for k, v in counters.items()}


def _wait_done(worker: WorkerProcess, articles: int, timeout_s: float,
               samples: list[tuple[float, int]] | None = None, counter: str = "articles_processed",
               ) -> dict[str, int]:
    """Poll ``/health`` until ``articles`` are coded and every emitted event is aggregated."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        counters = _counters(worker)
        if samples is not None:
            samples.append((time.monotonic(), counters.get(counter, 0)))
        aggregated = counters.get("events_folded", 0)
        if (counters.get("articles_processed", 0) >= articles
                and aggregated >= counters.get("events_emitted", 0)):
            return counters
        time.sleep(0.25)
    raise TimeoutError(f"the worker did not finish {articles} articles within {timeout_s:.0f} s")


@dataclass
class Throughput:
    rate: float
    ready_s: float
    rss_mb: float
    cpu_ms: float  # worker CPU per item after ready
    counters: dict[str, int]


def _throughput(worker: WorkerProcess, settings: Settings, payloads: list[tuple[str, bytes]],
                counter: str) -> Throughput:
    publish_all(settings, payloads)
    started = time.monotonic()
    with worker:
        worker.wait_healthy(60)
        ready_s = time.monotonic() - started
        assert worker.process is not None
        cpu_at_ready = _cpu_s(worker.process.pid)
        samples: list[tuple[float, int]] = []
        counters = _wait_done(worker, len(payloads), 600, samples, counter)
        cpu_ms = 1000 * (_cpu_s(worker.process.pid) - cpu_at_ready) / len(payloads)
        rss_mb = _peak_rss_mb(worker.process.pid)
    total = counters.get(counter, 0)
    rate = steady_rate(samples, total) * len(payloads) / max(total, 1)
    return Throughput(rate, ready_s, rss_mb, cpu_ms, counters)


@dataclass
class Latency:
    offered: float
    achieved: float
    measured: int
    p50_ms: float
    p99_ms: float


def _latency(settings: Settings, payloads: list[tuple[str, bytes]], rate: int, log: Path) -> Latency:
    with WorkerProcess(settings, log=log.open("ab")) as worker:
        worker.wait_healthy(60)
        with ChangelogWatcher(settings, changelog_topic_name(settings)) as watcher:
            start = time.monotonic()
            sent_at = paced_publish(settings, payloads, rate)
            achieved = len(payloads) / (time.monotonic() - start)
            _wait_done(worker, len(payloads), 600)
            watcher.wait_caught_up(30)
            seen = watcher.last_seen(sent_at)
    latencies = [1000 * (seen[a] - sent_at[a]) for a in sent_at if a in seen]
    return Latency(rate, achieved, len(latencies), percentile(latencies, 50), percentile(latencies, 99))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer articles, shorter phases")
    parser.add_argument("--articles", type=int, help="articles of the pipeline phase")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    pipeline_articles = args.articles or plan.pipeline_articles
    print(f"machine cores: {os.cpu_count()}; plan: {plan}, pipeline articles {pipeline_articles}")
    templates = bench_templates()
    print("corpus: news-mix" if DEV.exists() else
          "corpus: dense (the dev set for news-mix was not found: set DYADWATCH_SHARED_DIR)")
    workdir = Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    log = workdir / "workers.log"
    with EmbeddedBroker(port=free_port()) as broker:
        boot = broker.bootstrap_servers
        limit_settings = _settings(boot, "limit", workdir)
        limit = _throughput(PassThroughWorkerProcess(limit_settings, log=log.open("ab")),
                            limit_settings, article_payloads(templates, plan.pass_through_articles, "limit"),
                            "articles_processed")
        print(f"limit: pass-through {limit.rate:.0f} msg/s (ready {limit.ready_s:.1f} s)", flush=True)
        full_settings = _settings(boot, "pipeline", workdir)
        full = _throughput(WorkerProcess(full_settings, log=log.open("ab")), full_settings,
                           article_payloads(templates, pipeline_articles, "pipeline"), "events_folded")
        print(f"pipeline: {full.rate:.0f} articles/s, counters {full.counters}", flush=True)
        shape_settings = _settings(boot, "ceiling", workdir)
        shape = _throughput(CeilingWorkerProcess(shape_settings, log=log.open("ab")), shape_settings,
                            article_payloads(templates, pipeline_articles, "ceiling"), "events_folded")
        print(f"pipeline, coding precomputed: {shape.rate:.0f} articles/s", flush=True)
        latencies = []
        for rate, seconds in plan.latency_seconds.items():
            payloads = article_payloads(templates, int(rate * seconds), f"lat{rate}")
            latencies.append(_latency(_settings(boot, f"lat{rate}", workdir), payloads, rate, log))
            print(f"latency at {rate}/s done", flush=True)
    _print_table(limit, full, shape, pipeline_articles, latencies)
    ratio = full.rate / limit.rate
    by_rate = {int(item.offered): item for item in latencies}
    print(f"ratio={ratio:.3f} p50_ms_200={by_rate[200].p50_ms:.0f} p99_ms_200={by_rate[200].p99_ms:.0f} "
          f"p99_ms_1000={by_rate[1000].p99_ms:.0f} ready_s={full.ready_s:.2f} rss_mb={full.rss_mb:.0f}")
    return 0


def _print_table(limit: Throughput, full: Throughput, shape: Throughput, articles: int,
                 latencies: list[Latency]) -> None:
    rows = [
        ("pass-through (limit)", f"{limit.rate:.0f} msg/s"),
        ("pipeline (extract + events + table)", f"{full.rate:.0f} articles/s"),
        ("pipeline / pass-through", f"{full.rate / limit.rate:.3f}"),
        ("pipeline, coding precomputed (framework + tables only)", f"{shape.rate:.0f} articles/s"),
        ("pipeline, coding precomputed / pass-through (the shape's ceiling)",
         f"{shape.rate / limit.rate:.3f}"),
        ("worker CPU per message: pass-through", f"{limit.cpu_ms:.2f} ms"),
        ("worker CPU per article: pipeline", f"{full.cpu_ms:.2f} ms"),
        ("worker CPU per article: pipeline, coding precomputed", f"{shape.cpu_ms:.2f} ms"),
        ("pass-through CPU / pipeline CPU (load-independent ratio)", f"{limit.cpu_ms / full.cpu_ms:.3f}"),
        ("events per article", f"{full.counters.get('events_emitted', 0) / max(articles, 1):.2f}"),
    ]
    for item in latencies:
        rows.append((f"latency at {item.offered:.0f}/s offered ({item.achieved:.0f}/s sent, "
                     f"{item.measured} articles)", f"p50 {item.p50_ms:.0f} ms, p99 {item.p99_ms:.0f} ms"))
    rows.append(("worker ready after start", f"{full.ready_s:.2f} s"))
    rows.append((f"worker peak RSS after {articles} articles", f"{full.rss_mb:.0f} MB"))
    width = max(len(name) for name, _ in rows)
    print("\n| what" + " " * (width - 4) + " | figure |")
    print("|" + "-" * (width + 2) + "|---|")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    raise SystemExit(main())
