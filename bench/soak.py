"""Soak: stream many articles through one worker on the embedded broker; watch its memory.

Starts its own embedded broker (a free port) and one ``dyadwatch worker`` on fresh topics
with several partitions (the embedded broker slows down steeply as one partition of ~3 KB
records fills), publishes ~3 KB seed-like articles in chunks while the worker keeps up, and
samples the worker's VmRSS and VmHWM (and the broker's VmRSS) from ``/proc/<pid>/status``.

Usage: ``python bench/soak.py [--articles 100000] [--partitions 8]``. It prints the RSS at
10 %, 20 % ... 100 % of the run, then exactly one last line::

    rss_peak_mb=<x> rss_growth_mb_last_half=<x> articles=<n> articles_per_s=<x>

The embedded broker keeps every record in memory (changelog included): the run stops early,
and says so, if the broker's RSS passes ``--broker-rss-cap-mb``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kafka import KafkaProducer  # noqa: E402

from bench.common import bench_settings, free_port  # noqa: E402
from streams.cli.processes import WorkerProcess  # noqa: E402
from streams.kafka.broker import EmbeddedBroker  # noqa: E402
from streams.kafka.clients import kafka_python_config  # noqa: E402
from streams.kafka.topics import ensure_topics  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.web.client import fetch_json  # noqa: E402
from tests.corpus import TEMPLATES  # noqa: E402

__all__ = ["main", "soak_articles"]

SEED = ROOT / "seeds" / "000_3e3372dc4e4bda20.txt"
COUNTRIES = ["Iran", "Turkey", "Brazil", "Japan", "Egypt", "Germany", "France", "Nigeria",
             "Mexico", "Indonesia", "Kenya", "Vietnam", "Canada", "Spain", "Poland", "Chile",
             "Peru", "Ghana", "Norway", "Sweden", "Italy", "Greece", "Qatar", "Oman"]
FILLERS = [
    "The weather in the capital stayed mild for the season.",
    "Markets closed slightly higher after a quiet day of trading.",
    "Analysts said the figures were in line with expectations.",
    "The ministry did not answer requests for comment.",
    "Officials are expected to publish the full report next month.",
    "Local media described the mood at the conference as cautious.",
    "The talks covered energy prices, shipping routes and tourism.",
    "Several hundred people attended the ceremony in the old town.",
]
TARGET_CHARS = 3000


def soak_articles(count: int, seed: int = 20240501) -> Iterator[tuple[bytes, bytes]]:
    """``count`` ~3 KB articles as (key, JSON value), the same on every run."""
    import orjson

    rng = random.Random(seed)
    body = SEED.read_text(encoding="utf-8").partition("\n")[2]
    paragraphs = [p.strip() for p in body.split("\n") if len(p.strip()) > 80]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        x, y = rng.sample(COUNTRIES, 2)
        parts = [rng.choice(paragraphs).replace("Pakistan", a).replace("Russia", b),
                 rng.choice(TEMPLATES).format(a=x, b=y)]
        while sum(len(p) + 2 for p in parts) < TARGET_CHARS:
            parts.append(" ".join(rng.choice(FILLERS) for _ in range(4)))
        rng.shuffle(parts)
        published = start + timedelta(minutes=n)
        value = orjson.dumps({"id": f"soak-{n:07d}", "text": "\n\n".join(parts),
                              "published": published.isoformat()})
        yield f"soak-{n:07d}".encode(), value


def _status_kb(pid: int) -> dict[str, int]:
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0])
    except (OSError, ValueError):
        pass
    return values


@dataclass
class Sample:
    at_s: float
    processed: int
    rss_mb: float
    hwm_mb: float
    broker_rss_mb: float


@dataclass
class Sampler:
    """Samples the worker's memory and progress every ``interval_s`` in a thread."""

    worker: WorkerProcess
    broker_pid: int
    interval_s: float = 1.0
    samples: list[Sample] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)

    def processed(self) -> int:
        health = self.worker.health() or {}
        counters = health.get("counters", {})
        return int(counters.get("articles_processed", 0)) + int(health.get("dead_letters_total", 0))

    def run(self) -> None:
        assert self.worker.process is not None
        pid = self.worker.process.pid
        while not self.stop.is_set():
            worker, broker = _status_kb(pid), _status_kb(self.broker_pid)
            self.samples.append(Sample(time.monotonic() - self.started, self.processed(),
                                       worker.get("VmRSS", 0) / 1024, worker.get("VmHWM", 0) / 1024,
                                       broker.get("VmRSS", 0) / 1024))
            self.stop.wait(self.interval_s)


def _settings(broker: EmbeddedBroker, data_dir: str, partitions: int) -> Settings:
    return bench_settings(broker.bootstrap_servers, f"soak-{int(time.time())}", Path(data_dir),
                          articles_partitions=partitions, events_partitions=partitions)


def _stream(settings: Settings, sampler: Sampler, count: int, chunk: int, ahead: int,
            broker_cap_mb: float) -> tuple[int, str]:
    """Publish in chunks, keeping at most ``ahead`` articles unprocessed; (published, why)."""
    producer = KafkaProducer(acks="all", linger_ms=20, batch_size=256 * 1024,
                             max_request_size=settings.max_message_bytes,
                             **kafka_python_config(settings))
    published = 0
    try:
        for key, value in soak_articles(count):
            producer.send(settings.articles_topic, key=key, value=value)
            published += 1
            if published % chunk and published != count:
                continue
            producer.flush(timeout=60)
            while sampler.processed() < published - ahead:
                if sampler.samples and sampler.samples[-1].broker_rss_mb > broker_cap_mb:
                    return published, f"stopped early: broker RSS passed {broker_cap_mb:.0f} MB"
                time.sleep(0.2)
    finally:
        producer.close()
    return published, "complete"


def _wait_done(sampler: Sampler, published: int, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while sampler.processed() < published and time.monotonic() < deadline:
        time.sleep(0.2)


def _rss_at(samples: list[Sample], processed: int) -> Sample:
    return next((s for s in samples if s.processed >= processed), samples[-1])


def _report(samples: list[Sample], published: int, why: str, elapsed: float,
            settings: Settings) -> None:
    print(f"{why}: {published} articles published, {samples[-1].processed} processed "
          f"in {elapsed:.0f} s")
    print(f"{'share':>6} {'articles':>9} {'time_s':>7} {'rss_mb':>8} {'hwm_mb':>8} {'broker_mb':>10}")
    for tenth in range(1, 11):
        s = _rss_at(samples, published * tenth // 10)
        print(f"{tenth * 10:>5}% {s.processed:>9} {s.at_s:>7.0f} {s.rss_mb:>8.1f} {s.hwm_mb:>8.1f} "
              f"{s.broker_rss_mb:>10.1f}")
    rows = fetch_json(settings.web_url, "/dyads", {"sort": "events", "limit": "1000"})["dyads"]
    biggest = fetch_json(settings.web_url, f"/dyads/{rows[0]['a']}/{rows[0]['b']}") if rows else {}
    print(f"pairs={len(rows)} largest_pair_state_kb="
          f"{len(str(biggest).encode()) / 1024:.1f} (pair {rows[0]['pair'] if rows else '-'})")
    half = _rss_at(samples, published // 2)
    peak = max(s.hwm_mb for s in samples)
    done = samples[-1].processed
    print(f"rss_peak_mb={peak:.1f} rss_growth_mb_last_half={samples[-1].rss_mb - half.rss_mb:.1f} "
          f"articles={done} articles_per_s={done / elapsed:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--chunk", type=int, default=1000, help="articles per publish chunk")
    parser.add_argument("--ahead", type=int, default=3000, help="most articles left unprocessed")
    parser.add_argument("--broker-rss-cap-mb", type=float, default=6000.0)
    args = parser.parse_args(argv)
    port = free_port()
    with EmbeddedBroker("127.0.0.1", port) as broker, \
            tempfile.TemporaryDirectory(prefix="dyadwatch-soak-") as data_dir:
        settings = _settings(broker, data_dir, args.partitions)
        ensure_topics(settings)
        log = Path(data_dir) / "worker.log"
        with log.open("ab") as log_file, WorkerProcess(settings, log=log_file) as worker:
            worker.wait_healthy(timeout_s=120)
            assert broker.pid is not None
            sampler = Sampler(worker, broker.pid)
            thread = threading.Thread(target=sampler.run, daemon=True)
            thread.start()
            started = time.monotonic()
            published, why = _stream(settings, sampler, args.articles, args.chunk, args.ahead,
                                     args.broker_rss_cap_mb)
            _wait_done(sampler, published, timeout_s=600)
            elapsed = time.monotonic() - started
            time.sleep(sampler.interval_s * 1.5)
            sampler.stop.set()
            thread.join()
            _report(sampler.samples, published, why, elapsed, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
