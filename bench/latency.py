"""Publishing and watching for the pipeline benchmark (kafka-python, outside the worker).

``publish_all`` sends articles as fast as the broker takes them; ``paced_publish`` at a fixed
rate, noting when each was sent; ``ChangelogWatcher`` reads the dyads table's changelog in a
thread and notes when each article (by the fingerprint pair states keep of its id) is last
seen reflected for the first time by a pair.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from bench.measure import FirstSightings, article_ring_in_state
from schemas.digests import fingerprint
from streams.kafka.clients import kafka_python_config
from streams.settings import Settings

__all__ = ["ChangelogWatcher", "paced_publish", "publish_all"]


def _producer(settings: Settings) -> KafkaProducer:
    return KafkaProducer(acks=1, linger_ms=0, **kafka_python_config(settings))


def publish_all(settings: Settings, payloads: Sequence[tuple[str, bytes]]) -> None:
    """Send every (id, JSON) article to the articles topic, keyed by id; wait for the acks."""
    from streams.kafka.topics import ensure_topics

    ensure_topics(settings)
    producer = _producer(settings)
    try:
        for article_id, value in payloads:
            producer.send(settings.articles_topic, key=article_id.encode(), value=value)
        producer.flush(120)
    finally:
        producer.close()


def paced_publish(settings: Settings, payloads: Sequence[tuple[str, bytes]],
                  rate: float) -> dict[str, float]:
    """Send at ``rate`` articles/s; the wall-clock time just before each send, by article id."""
    producer = _producer(settings)
    sent_at: dict[str, float] = {}
    start = time.monotonic()
    try:
        for n, (article_id, value) in enumerate(payloads):
            delay = start + n / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            sent_at[article_id] = time.time()
            producer.send(settings.articles_topic, key=article_id.encode(), value=value)
        producer.flush(120)
    finally:
        producer.close()
    return sent_at


class ChangelogWatcher:
    """Reads a changelog topic from its beginning in a thread until closed."""

    def __init__(self, settings: Settings, topic: str) -> None:
        self._consumer = KafkaConsumer(enable_auto_commit=False, group_id=None,
                                       fetch_max_wait_ms=10, **kafka_python_config(settings))
        self._partitions = [TopicPartition(topic, p)
                            for p in sorted(self._consumer.partitions_for_topic(topic) or [])]
        self._consumer.assign(self._partitions)
        self._consumer.seek_to_beginning(*self._partitions)
        self._sightings = FirstSightings()
        self._last_seen: dict[str, float] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="changelog-watcher", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                batches = self._consumer.poll(timeout_ms=100)
                for records in batches.values():
                    self._note(records)

    def _note(self, records: list[Any]) -> None:
        arrived = time.time()
        for record in records:
            if record.value is None or record.key is None:
                continue
            for digest in self._sightings.new_digests(record.key, article_ring_in_state(record.value)):
                self._last_seen[digest] = arrived

    def wait_caught_up(self, timeout_s: float) -> None:
        """Block until the watcher has read up to the topic's current end."""
        with self._lock:
            ends = self._consumer.end_offsets(self._partitions)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if all(self._consumer.position(tp) >= end for tp, end in ends.items()):
                    return
            time.sleep(0.05)
        raise TimeoutError("the changelog watcher did not catch up")

    def last_seen(self, article_ids: Iterable[str]) -> dict[str, float]:
        """When each of ``article_ids`` was last seen reflected for the first time (if it was)."""
        with self._lock:
            by_digest = dict(self._last_seen)
        seen = {article_id: by_digest.get(fingerprint(article_id)) for article_id in article_ids}
        return {article_id: at for article_id, at in seen.items() if at is not None}

    def __enter__(self) -> ChangelogWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._consumer.close()
