"""Integration fixtures: the real embedded broker (Tansu), started through streams.kafka.broker.

Each test gets its own topics (unique names) so tests never see each other's records.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from kafka import KafkaProducer

from streams.cli.processes import WorkerProcess
from streams.kafka.broker import EmbeddedBroker
from streams.kafka.clients import kafka_python_config
from streams.kafka.consume import read_topic
from streams.kafka.topics import ensure_topics
from streams.settings import Settings

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
_names = itertools.count()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker("127.0.0.1", free_port()) as running:
        yield running


SettingsFactory = Callable[..., Settings]


@pytest.fixture
def make_settings(broker: EmbeddedBroker, tmp_path: Path) -> SettingsFactory:
    """Settings for a fresh app: unique topics, a free web port, its own data folder."""
    suffix = f"{int(time.time() * 1000) % 10**8}-{next(_names)}"

    def factory(**overrides: object) -> Settings:
        return settings_on_own_topics(broker, suffix, tmp_path / "data", **overrides)

    return factory


def settings_on_own_topics(broker: EmbeddedBroker, suffix: str, data_dir: Path,
                           **overrides: object) -> Settings:
    """Settings whose topics are named after ``suffix``, on a free web port."""
    values: dict[str, object] = {
        "bootstrap_servers": broker.bootstrap_servers,
        "app_id": f"it-{suffix}",
        "articles_topic": f"articles-{suffix}",
        "events_topic": f"relation-events-{suffix}",
        "dead_letters_topic": f"dead-letters-{suffix}",
        "alerts_topic": f"dyad-alerts-{suffix}",
        "web_port": free_port(),
        "data_dir": data_dir,
        "log_level": "warning",
        "coding_processes": 1,  # one coder process starts fastest; test_coding_pool.py uses 2
        **overrides,
    }
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[[Settings], WorkerProcess]]:
    """Start workers (``dyadwatch worker`` processes); all are stopped after the test."""
    started: list[WorkerProcess] = []
    ARTIFACTS.mkdir(exist_ok=True)
    with contextlib.ExitStack() as logs:

        def factory(settings: Settings) -> WorkerProcess:
            ensure_topics(settings)
            name = f"worker-{settings.app_id}-{settings.web_port}.log"
            log = logs.enter_context((ARTIFACTS / name).open("ab"))
            worker = WorkerProcess(settings, log=log).start()
            started.append(worker)
            worker.wait_healthy(timeout_s=60)
            return worker

        yield factory
        for worker in started:
            worker.stop()


def produce_raw(settings: Settings, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    """Send raw records with a plain kafka-python producer, acknowledged."""
    producer = KafkaProducer(acks="all", **kafka_python_config(settings))
    try:
        for key, value in records:
            producer.send(topic, key=key, value=value).get(timeout=30)
    finally:
        producer.close()


def produce_many(settings: Settings, topic: str,
                 records: Sequence[tuple[bytes | None, bytes | None]], *,
                 partition: int | None = None) -> None:
    """Send raw records many to a request, all acknowledged; records may be far above Kafka's
    1 MB default (up to 32 MB), as any producer may send them."""
    producer = KafkaProducer(acks="all", max_request_size=32 * 1024 * 1024, linger_ms=20,
                             **kafka_python_config(settings))
    try:
        sent = [producer.send(topic, key=key, value=value, partition=partition)
                for key, value in records]
        for future in sent:
            future.get(timeout=60)
    finally:
        producer.close()


def read_all(settings: Settings, topic: str) -> list[tuple[bytes | None, bytes]]:
    """Every record of a topic, from offset 0 to the end offsets of now."""
    return list(read_topic(settings, topic, from_beginning=True, follow=False))
