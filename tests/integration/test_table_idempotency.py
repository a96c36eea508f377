"""Each derived table is idempotent on its own, and exactly so (issue 15) on the real broker.

A day bucket whose write was lost (the worker died between the state and the bucket) is
repaired by the redelivered event; old articles republished and ``recode`` with an unchanged
coder count nothing twice, even on a pair with more events than its state remembers.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from agents.coder import default_coder
from schemas.models import Article, RelationEvent
from streams.catalog import catalog
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess
from streams.cli.replay import differences, rebuild, recode
from streams.inputs import ArticleSource
from streams.kafka.broker import EmbeddedBroker
from streams.kafka.consume import read_records
from streams.kafka.publish import publish_articles
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import produce_many, read_all
from tests.integration.harness import fresh_settings, running_worker

pytestmark = pytest.mark.integration

ARTICLES = [
    Article(id="r1", published="2024-05-01T09:00:00Z",
            text="Russia rejected Pakistan's demand for rifles."),
    Article(id="r4", published="2024-05-02T09:00:00Z",
            text="Russia threatened Pakistan with sanctions. "
                 "Russian forces attacked Pakistani troops near the border."),
]
BUSY = 2_100  # more events than a pair's state remembers (2,000)


def _publish(settings: Settings, articles: list[Article]) -> None:
    report = publish_articles(settings, iter([ArticleSource(a.id, article=a) for a in articles]))
    assert report.ok, report.failed


def _wait_folded(worker: WorkerProcess, events: int, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if ((worker.health() or {}).get("counters", {}).get("events_folded", 0)) >= events:
            return
        time.sleep(0.2)
    raise AssertionError(f"fewer than {events} events folded: {worker.health()}")


@contextlib.contextmanager
def _worker_with_articles(broker: EmbeddedBroker,
                          folder: Path) -> Iterator[tuple[Settings, WorkerProcess]]:
    """A worker on fresh topics that has coded and folded ``ARTICLES``."""
    settings = fresh_settings(broker, folder)
    with running_worker(settings) as worker:
        _publish(settings, ARTICLES)
        wait_processed(worker, len(ARTICLES))
        yield settings, worker


def _history(settings: Settings) -> list[dict[str, object]]:
    return list(fetch_json(settings.web_url, "/dyads/PAK/RUS/history", {"days": "2"})["history"])


def test_a_lost_day_bucket_write_is_repaired_by_the_redelivered_event(
    broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with _worker_with_articles(broker, tmp_path_factory.mktemp("lost-bucket")) as (settings, _):
        state, history = fetch_json(settings.web_url, "/dyads/PAK/RUS"), _history(settings)
    # The worker died after writing the pair state and before the day-2 bucket: the bucket's
    # write is gone from its changelog and the local store.
    changelog = catalog(settings).days.changelog.name
    key = b"PAK-RUS@2024-05-02"
    (partition,) = {r.partition for r in read_records(settings, changelog, from_beginning=True,
                                                      follow=False) if r.key == key}
    produce_many(settings, changelog, [(key, None)], partition=partition)
    shutil.rmtree(settings.worker_data_dir)
    day2 = [(k, v) for k, v in read_all(settings, settings.events_topic)
            if RelationEvent.model_validate_json(v).article_id == "r4"]
    with running_worker(settings) as worker:
        assert [d["events"] for d in _history(settings)] == [1, 0]  # the loss, reproduced
        produce_many(settings, settings.events_topic, day2)  # at-least-once redelivery
        _wait_folded(worker, len(day2))
        assert _history(settings) == history
        assert fetch_json(settings.web_url, "/dyads/PAK/RUS") == state
        assert differences(rebuild(settings), settings.web_url, settings) == []


def _busy_events() -> list[tuple[bytes, bytes]]:
    """Events of other reports of the pair, after r1 and r4: r1's id leaves the state's memory."""
    (first,) = default_coder().extract(ARTICLES[0])
    assert first.event_time is not None
    records = []
    for n in range(BUSY):
        event = first.model_copy(update={
            "event_id": f"busy-{n}", "article_id": f"busy-{n}", "root_code": f"{n % 20 + 1:02d}",
            "event_time": first.event_time + timedelta(days=1, seconds=n)})
        records.append((event.pair.encode(), event.model_dump_json().encode()))
    return records


def test_republished_articles_and_recode_count_nothing_twice_on_a_busy_pair(
    broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with _worker_with_articles(broker, tmp_path_factory.mktemp("busy")) as (settings, worker):
        produce_many(settings, settings.events_topic, _busy_events())
        folded = 3 + BUSY
        _wait_folded(worker, folded)
        before = fetch_json(settings.web_url, "/dyads/PAK/RUS")
        assert before["events"] >= 3
        _publish(settings, ARTICLES)  # the old articles again
        report = recode(settings, default_coder())  # an unchanged coder
        _wait_folded(worker, folded + 3 + report.events)
        assert fetch_json(settings.web_url, "/dyads/PAK/RUS") == before
        health = worker.health() or {}
        assert health["counters"]["events_duplicate"] == 3 + report.events
        assert differences(rebuild(settings), settings.web_url, settings) == []
