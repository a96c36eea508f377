"""Benchmark the streaming pipeline against the broker's own limit, in one run.

``python bench/pipeline.py [--quick] [--articles N]`` starts an embedded broker
(``streams.kafka.broker``) on a free port and, each phase on fresh topics (4 partitions, as
configured by default) with its own worker process (``streams.cli.processes.WorkerProcess``:
its CPU and memory are its own):

1. **limit**: ``bench/passthrough.py``, the real worker's app and configuration with an
   agent that sends each article's bytes unchanged to another topic. The articles are
   published before the worker starts; the rate is taken between 10% and 90% of them done
   (the worker's ``/health`` counters, polled), so start-up and tail are excluded.
2. **pure coder**: ``agents.coder.Coder.extract`` in this process over the corpus, articles
   per CPU second (one core; CPU time, so other jobs on the machine matter less).
3. **pipeline** with 1 and with 2 coding processes (``DYADWATCH_CODING_PROCESSES``), and with
   0 (coding in the event loop, the design before the pool): the real worker (extract,
   publish events, update the dyads table) on a backlog published before it starts, measured
   like 1 on *events applied to the table* (converted to articles), so aggregation lagging
   behind coding is counted. While the backlog is coded, ``bench/responsiveness.HttpProbe``
   asks the API every 50 ms (``/dyads``, and ``/health`` to see rebalances): HTTP p99. Also
   the time to ready (``/health`` ok: tables recovered, every coding process's model loaded)
   and the peak RSS (``VmHWM``) of the worker and of each coding process.
4. **shape ceiling**: ``bench/ceiling.py``, the real worker with the coder's events found
   in advance (framework, pool traffic and tables only), measured like 3.
5. **latency** at 10 and 30 articles/s offered by a paced publisher, and at saturation (offered
   at the rate the 2-process pipeline reached), each on a fresh worker with the default
   pool. A consumer reads the table's changelog topic (``{app_id}-dyads-changelog``,
   ``DyadState`` JSON) with a 10 ms fetch wait; each record's ``seen_article_digests`` (the
   fingerprints of article ids) tells which articles that pair's state reflects for the first
   time. An article's latency is from just before its send to the arrival of the last
   changelog record showing it (every pair it names reflects it); articles coding no event
   are not counted. Arrival is clocked by the bench's consumer (at most 10 ms late).

Articles are the coder bench's ``news-mix`` corpus (``bench/coder.py``: ~3 KB, one event
sentence in four; the ``dense`` corpus if the dev set is absent), each published under its
own id. The machine is shared: compare figures of one run. The last line printed is exactly
``ratio=<x> scaling=<x> coder_per_core=<x> vs_target=<x> p50_ms_10=<x> p99_ms_10=<x>
p50_ms_30=<x> p99_ms_30=<x> p99_ms_sat=<x> http_p99_ms=<x> http_p99_ms_in_loop=<x>
rebalances=<x> ready_s=<x> rss_mb=<x> rss_coder_mb=<x>`` (one line), where ``scaling`` is
the 2-process rate over the 1-process rate and ``vs_target`` the 2-process rate over the
lower of the shape ceiling and twice the pure coder's rate per core.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agents.coder import default_coder  # noqa: E402
from bench.ceiling import CeilingWorkerProcess, bench_templates  # noqa: E402
from bench.coder import DEV  # noqa: E402
from bench.common import bench_settings, free_port  # noqa: E402
from bench.figures import Figures, Latency, Throughput  # noqa: E402
from bench.latency import ChangelogWatcher, paced_publish, publish_all  # noqa: E402
from bench.measure import article_payloads, percentile, steady_rate  # noqa: E402
from bench.passthrough import PassThroughWorkerProcess  # noqa: E402
from bench.responsiveness import HttpProbe, descendants, peak_rss_mb  # noqa: E402
from schemas.models import Article  # noqa: E402
from streams.catalog import changelog_topic_name  # noqa: E402
from streams.cli.processes import WorkerProcess  # noqa: E402
from streams.kafka.broker import EmbeddedBroker  # noqa: E402
from streams.settings import Settings  # noqa: E402

__all__ = ["main"]


@dataclass(frozen=True)
class Plan:
    pass_through_articles: int
    pipeline_articles: int
    coder_articles: int
    latency_seconds: dict[str, float]  # offered articles/s ("sat": the 2-process rate) -> seconds


FULL = Plan(20_000, 2_000, 300, {"10": 30.0, "30": 30.0, "sat": 20.0})
QUICK = Plan(5_000, 500, 60, {"10": 10.0, "30": 10.0, "sat": 8.0})


def _settings(bootstrap: str, phase: str, workdir: Path, **overrides: Any) -> Settings:
    name = f"bench-{phase}-{uuid.uuid4().hex[:8]}"
    return bench_settings(bootstrap, name, workdir / name, **overrides)


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


def _throughput(worker: WorkerProcess, settings: Settings, payloads: list[tuple[str, bytes]],
                counter: str) -> Throughput:
    publish_all(settings, payloads)
    started = time.monotonic()
    with worker:
        worker.wait_healthy(120)
        ready_s = time.monotonic() - started
        assert worker.process is not None
        pid = worker.process.pid
        cpu_at_ready = _cpu_s(pid)
        samples: list[tuple[float, int]] = []
        with HttpProbe(settings.web_url) as probe:
            counters = _wait_done(worker, len(payloads), 900, samples, counter)
        overall = len(payloads) / (time.monotonic() - started - ready_s)
        cpu_ms = 1000 * (_cpu_s(pid) - cpu_at_ready) / len(payloads)
        rss_mb = peak_rss_mb(pid)
        children = [peak_rss_mb(child) for child in descendants(pid)]
    total = counters.get(counter, 0)
    rate = steady_rate(samples, total) * len(payloads) / max(total, 1)
    return Throughput(rate, ready_s, rss_mb, cpu_ms, counters, percentile(probe.times_ms, 99),
                      probe.rebalances, sorted(children, reverse=True), overall)


def _latency(settings: Settings, payloads: list[tuple[str, bytes]], rate: float, log: Path) -> Latency:
    with WorkerProcess(settings, log=log.open("ab")) as worker:
        worker.wait_healthy(120)
        with ChangelogWatcher(settings, changelog_topic_name(settings)) as watcher:
            start = time.monotonic()
            sent_at = paced_publish(settings, payloads, rate)
            achieved = len(payloads) / (time.monotonic() - start)
            _wait_done(worker, len(payloads), 900)
            watcher.wait_caught_up(30)
            seen = watcher.last_seen(sent_at)
    latencies = [1000 * (seen[a] - sent_at[a]) for a in sent_at if a in seen]
    return Latency(rate, achieved, len(latencies), percentile(latencies, 50), percentile(latencies, 99))


def _coder_per_core(templates: Sequence[Article], count: int) -> float:
    """Articles per CPU second of the pure coder, in this process (model loaded first)."""
    coder = default_coder()  # as a coding process loads it
    coder.extract(templates[0])
    articles = [templates[n % len(templates)] for n in range(count)]
    started = time.process_time()
    for article in articles:
        coder.extract(article)
    return count / (time.process_time() - started)


@dataclass
class Bench:
    """The phases of one run, on one broker."""

    bootstrap: str
    workdir: Path
    templates: list[Article]
    log: Path

    def throughput(self, phase: str, process: type[WorkerProcess], count: int, counter: str,
                   **overrides: Any) -> Throughput:
        settings = _settings(self.bootstrap, phase, self.workdir, **overrides)
        payloads = article_payloads(self.templates, count, phase)
        result = _throughput(process(settings, log=self.log.open("ab")), settings, payloads, counter)
        print(f"{phase}: {result.rate:.1f}/s, ready {result.ready_s:.1f} s, http p99 "
              f"{result.http_p99_ms:.0f} ms, counters {result.counters}", flush=True)
        return result

    def latency(self, rate: float, seconds: float) -> Latency:
        payloads = article_payloads(self.templates, max(1, int(rate * seconds)), f"lat{rate:.0f}")
        settings = _settings(self.bootstrap, f"lat{rate:.0f}", self.workdir)
        result = _latency(settings, payloads, rate, self.log)
        print(f"latency at {rate:.0f}/s: p50 {result.p50_ms:.0f} ms, p99 {result.p99_ms:.0f} ms", flush=True)
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer articles, shorter phases")
    parser.add_argument("--articles", type=int, help="articles of each pipeline phase")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    count = args.articles or plan.pipeline_articles
    print(f"machine cores: {os.cpu_count()}; plan: {plan}, pipeline articles {count}")
    templates = bench_templates()
    print("corpus: news-mix" if DEV.exists() else
          "corpus: dense (the dev set for news-mix was not found: set DYADWATCH_SHARED_DIR)")
    coder_rate = _coder_per_core(templates, plan.coder_articles)
    print(f"pure coder: {coder_rate:.1f} articles per CPU second", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    with EmbeddedBroker(port=free_port()) as broker:
        bench = Bench(broker.bootstrap_servers, workdir, templates, workdir / "workers.log")
        limit = bench.throughput("limit", PassThroughWorkerProcess, plan.pass_through_articles,
                                 "articles_processed")
        runs = {n: bench.throughput(f"pipeline{n}", WorkerProcess, count, "events_folded",
                                    coding_processes=n) for n in (1, 2, 0)}
        shape = bench.throughput("ceiling", CeilingWorkerProcess, count, "events_folded",
                                 coding_processes=1)
        rates = {"10": 10.0, "30": 30.0, "sat": runs[2].rate}
        latencies = {name: bench.latency(rates[name], seconds)
                     for name, seconds in plan.latency_seconds.items()}
    figures = Figures(limit, runs, shape, coder_rate, latencies, count)
    figures.print_table()
    print(figures.last_line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
