"""Helpers for tests that share one worker per module or restart workers themselves."""

from __future__ import annotations

import contextlib
import itertools
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition

from agents.coder import default_coder
from schemas.models import Article
from streams.cli.processes import WorkerProcess
from streams.exceptions import QueryError
from streams.inputs import ArticleSource
from streams.kafka.broker import EmbeddedBroker
from streams.kafka.clients import kafka_python_config
from streams.kafka.publish import publish_articles
from streams.kafka.topics import ensure_topics
from streams.settings import Settings
from streams.state.ledger import MemoryLedger, fold_event
from streams.state.policy import aggregation_policy
from streams.web.client import fetch_json
from tests.corpus import TEMPLATES
from tests.integration.conftest import ARTIFACTS, settings_on_own_topics

__all__ = [
    "expected_tables",
    "fetch_tables",
    "fresh_settings",
    "publish_all",
    "running_worker",
    "table_differences",
    "varied_articles",
    "wait_committed",
    "wait_for_tables",
    "worker_report",
]

_names = itertools.count()


def fresh_settings(broker: EmbeddedBroker, data_dir: Path, **overrides: Any) -> Settings:
    """Settings on unique topics, a free web port and ``data_dir`` (topics created)."""
    suffix = f"m{int(time.time() * 1000) % 10**8}-{next(_names)}"
    settings = settings_on_own_topics(broker, suffix, data_dir, **overrides)
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


def worker_report(worker: WorkerProcess, lines: int = 60) -> str:
    """What a failing test shows of a worker: its ``/health`` body and the end of its log."""
    health = worker.health()
    log_name = getattr(worker.log, "name", None)
    tail = ""
    if isinstance(log_name, str):
        text = Path(log_name).read_text(encoding="utf-8", errors="replace")
        tail = "\n".join(text.splitlines()[-lines:])
    return f"health: {health}\nlog ({log_name}):\n{tail}"


SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_3e3372dc4e4bda20.txt"
COUNTRIES = ["Iran", "Turkey", "Brazil", "Japan", "Egypt", "Germany", "France", "Nigeria",
             "Mexico", "Indonesia", "Kenya", "Vietnam"]


def _seed_paragraphs() -> list[str]:
    body = SEED.read_text(encoding="utf-8").partition("\n")[2]
    return [p.strip() for p in body.split("\n") if len(p.strip()) > 80]


def varied_articles(count: int, seed: int = 7) -> list[Article]:
    """Seed-like articles, countries swapped and sentences added; every one has a date."""
    rng = random.Random(seed)
    paragraphs = _seed_paragraphs()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    articles = []
    for n in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        parts = [p.replace("Pakistan", a).replace("Russia", b)
                 for p in rng.sample(paragraphs, rng.randint(1, 3))]
        parts += [rng.choice(TEMPLATES).format(a=rng.choice(COUNTRIES), b=rng.choice(COUNTRIES))
                  for _ in range(rng.randint(1, 4))]
        rng.shuffle(parts)
        articles.append(Article(id=f"v-{n:05d}", text="\n\n".join(parts),
                                published=start + timedelta(hours=rng.randint(0, 24 * 60))))
    return articles


def expected_tables(settings: Settings, articles: list[Article]) -> dict[str, dict[str, Any]]:
    """The pair table of a clean run: every article coded once, in order, folded by pair."""
    coder, policy, ledger = default_coder(), aggregation_policy(settings), MemoryLedger()
    for article in articles:
        for event in coder.extract(article):
            fold_event(ledger, event, policy)
    return {pair: state.model_dump(mode="json") for pair, state in ledger.states.items()}


def fetch_tables(settings: Settings) -> dict[str, dict[str, Any]]:
    """Every pair's full state, over HTTP from the worker (summaries dropped)."""
    rows = fetch_json(settings.web_url, "/dyads", {"sort": "events", "limit": "1000"})["dyads"]
    tables = {}
    for row in rows:
        state = fetch_json(settings.web_url, f"/dyads/{row['a']}/{row['b']}")
        state.pop("summary", None)
        tables[row["pair"]] = state
    return tables


def table_differences(expected: dict[str, dict[str, Any]],
                      found: dict[str, dict[str, Any]]) -> list[str]:
    """Field-by-field differences between two pair tables (empty: equal)."""
    diffs = [f"{pair}: missing" for pair in sorted(set(expected) - set(found))]
    diffs += [f"{pair}: unexpected" for pair in sorted(set(found) - set(expected))]
    for pair in sorted(set(expected) & set(found)):
        for name in sorted(set(expected[pair]) | set(found[pair])):
            want, got = expected[pair].get(name), found[pair].get(name)
            if want != got:
                diffs.append(f"{pair}.{name}: expected {str(want)[:120]}, got {str(got)[:120]}")
    return diffs


def wait_for_tables(settings: Settings, expected: dict[str, dict[str, Any]],
                    timeout_s: float = 240.0) -> list[str]:
    """Poll the worker until its table equals ``expected``; the last differences seen."""
    deadline = time.monotonic() + timeout_s
    diffs = ["never answered"]
    while time.monotonic() < deadline:
        try:
            diffs = table_differences(expected, fetch_tables(settings))
        except QueryError as exc:
            diffs = [f"no answer: {exc}"]
        if not diffs:
            return diffs
        time.sleep(0.5)
    return diffs


def publish_all(settings: Settings, articles: list[Article]) -> None:
    """Publish with the project's publisher; every article acknowledged."""
    report = publish_articles(settings, iter([ArticleSource(a.id, article=a) for a in articles]))
    assert report.ok, report.failed[:5]


def _lag(admin: KafkaAdminClient, consumer: KafkaConsumer, settings: Settings) -> dict[str, int]:
    parts = [TopicPartition(topic, p) for topic in (settings.articles_topic, settings.events_topic)
             for p in sorted(consumer.partitions_for_topic(topic) or ())]
    committed = admin.list_group_offsets({settings.app_id: parts}).get(settings.app_id, {})
    lag = {}
    for tp, end in consumer.end_offsets(parts).items():
        done = committed[tp].offset if tp in committed and committed[tp].offset >= 0 else 0
        if end > done:
            lag[f"{tp.topic}[{tp.partition}]"] = end - done
    return lag


def wait_committed(settings: Settings, timeout_s: float = 60.0) -> dict[str, int]:
    """Wait until the worker's group has committed the end of both input topics; the lag."""
    admin = KafkaAdminClient(**kafka_python_config(settings))
    consumer = KafkaConsumer(**kafka_python_config(settings))
    try:
        deadline, lag = time.monotonic() + timeout_s, {"never read": 1}
        while time.monotonic() < deadline:
            lag = _lag(admin, consumer, settings)
            if not lag:
                return lag
            time.sleep(0.5)
        return lag
    finally:
        admin.close()
        consumer.close()
