"""``dyadwatch demo``: embedded broker + one worker, the seeds published, the live table shown."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from streams.cli.processes import LakeProcess, WorkerProcess, lag_total, refuse_taken_web_port
from streams.cli.render import format_rows
from streams.exceptions import StreamsError
from streams.inputs import read_inputs
from streams.kafka.broker import EmbeddedBroker
from streams.kafka.publish import publish_articles
from streams.kafka.topics import ensure_topics
from streams.lake.ingest import read_status, stop_on_signals
from streams.settings import Settings
from streams.web.client import fetch_json

__all__ = ["run_demo", "seed_articles", "wait_processed", "wait_stored"]


def seed_articles(seeds: Path) -> list[str]:
    """The article files of the seeds folder (the analysts' gold readings live in tests/data/)."""
    if not seeds.is_dir():
        raise StreamsError(f"seeds folder {seeds} not found (run from the project folder or pass --seeds)")
    return [str(p) for p in sorted(seeds.iterdir()) if p.suffix in {".txt", ".md", ".jsonl"}]


def _settled(health: dict[str, Any], published: int) -> bool:
    """Every published article coded, every emitted event folded, and no record of either input
    topic left unprocessed (the counters alone can be met early: events redelivered after a
    rebalance are folded, and counted, twice)."""
    counters = health.get("counters", {})
    seen = counters.get("articles_processed", 0) + health.get("dead_letters_total", 0)
    applied = counters.get("events_folded", 0)
    caught_up = not lag_total(health)
    return bool(seen >= published and applied >= counters.get("events_emitted", 0) and caught_up)


def wait_processed(worker: WorkerProcess, published: int, timeout_s: float = 60.0) -> None:
    """Block until the worker has coded ``published`` articles and applied their events."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        health = worker.health()
        if health and _settled(health, published):
            return
        time.sleep(0.1)
    raise StreamsError(f"the worker did not process {published} articles within {timeout_s:.0f} s")


def _coding(settings: Settings) -> str:
    processes = settings.coding_processes
    if processes == 0:
        return "coding in the worker's event loop"
    return f"{processes} coding process{'es' * (processes != 1)}, DYADWATCH_CODING_PROCESSES"


def wait_stored(settings: Settings, worker: WorkerProcess, timeout_s: float = 60.0) -> int:
    """Block until the event store has read every event the worker emitted; returns the rows."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        health = worker.health() or {}
        emitted = health.get("counters", {}).get("events_emitted", 0)
        status = read_status(settings.lake_path)
        if health and status.stored + status.duplicates >= emitted:
            return status.stored
        time.sleep(0.2)
    raise StreamsError(f"the event store did not catch up within {timeout_s:.0f} s")


def _serve_until_interrupted(worker: WorkerProcess) -> None:
    stopping = stop_on_signals()
    while not stopping() and worker.process is not None and worker.process.poll() is None:
        time.sleep(0.2)


def run_demo(settings: Settings, seeds: Path, *, once: bool) -> int:
    """Run the main job; returns the exit code."""
    refuse_taken_web_port(settings)
    broker = EmbeddedBroker(settings.embedded_broker_host, settings.embedded_broker_port)
    settings = settings.model_copy(update={"bootstrap_servers": broker.bootstrap_servers})
    with broker, tempfile.TemporaryDirectory(prefix="dyadwatch-demo-") as data_dir:
        print(f"embedded broker on {broker.bootstrap_servers}", flush=True)
        ensure_topics(settings)
        quiet = "warning" if settings.log_level == "info" else settings.log_level
        settings = settings.model_copy(update={"data_dir": Path(data_dir), "log_level": quiet})
        with WorkerProcess(settings, log=sys.stderr) as worker, LakeProcess(settings, log=sys.stderr):
            started = time.monotonic()
            worker.wait_healthy()
            print(f"worker ready in {time.monotonic() - started:.1f} s at {settings.web_url} "
                  f"({_coding(settings)})")
            report = publish_articles(settings, read_inputs(seed_articles(seeds)))
            for origin, reason in report.failed:
                print(f"not published: {origin}: {reason}", file=sys.stderr)
            wait_processed(worker, len(report.published))
            table = fetch_json(settings.web_url, "/dyads", {"sort": "tension", "limit": "50"})
            count = len(report.published)
            print(f"\nlive pair table ({count} article{'s' * (count != 1)} from {seeds}/):\n")
            print(format_rows(table["dyads"]), flush=True)
            stored = wait_stored(settings, worker)
            if once:  # the folder is removed as the demo exits: no hint to query it later
                print(f"\nevent store: {stored} events in {settings.lake_path} (dyadwatch lake; "
                      "removed when the demo exits: run the demo without --once to query it "
                      "with dyadwatch sql from a second terminal)", flush=True)
                return 0 if report.ok else 1
            print(f"\nevent store: {stored} events in {settings.lake_path} (dyadwatch lake; kept "
                  "while the demo runs); from a second terminal: "
                  f"DYADWATCH_LAKE_DIR={settings.lake_path} dyadwatch sql "
                  "\"SELECT * FROM pair_days ORDER BY events DESC LIMIT 5\"", flush=True)
            print(f"\nserving {settings.web_url}/dyads (also /dyads/RUS/PAK, /countries/PAK, "
                  "/health); Ctrl-C to stop", flush=True)
            print(f"live page: {settings.web_url}/  ·  events from the store: "
                  f"{settings.web_url}/events?limit=20", flush=True)
            _serve_until_interrupted(worker)
    return 0 if report.ok else 1
