"""The embedded broker restarts empty; a worker on its old data folder notices and starts clean
(issue 15), on a broker of its own (the session's broker keeps running for the other tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.models import Article
from streams.cli.demo import wait_processed
from streams.inputs import ArticleSource
from streams.kafka.broker import EmbeddedBroker
from streams.kafka.publish import publish_articles
from streams.kafka.topics import ensure_topics
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import ARTIFACTS, free_port, settings_on_own_topics
from tests.integration.harness import running_worker

pytestmark = pytest.mark.integration


def _publish(settings: Settings, article_id: str, text: str) -> None:
    article = Article(id=article_id, text=text, published="2024-05-01T09:00:00Z")
    assert publish_articles(settings, iter([ArticleSource(article_id, article=article)])).ok


def _pairs(settings: Settings) -> set[str]:
    return {row["pair"] for row in fetch_json(settings.web_url, "/dyads")["dyads"]}


def test_worker_starts_clean_after_the_embedded_broker_restarts_empty(tmp_path: Path) -> None:
    port = free_port()
    broker = EmbeddedBroker("127.0.0.1", port).start()
    try:
        settings = settings_on_own_topics(broker, f"restart-{port}", tmp_path / "data")
        ensure_topics(settings)
        with running_worker(settings) as worker:
            _publish(settings, "r1", "Russia rejected Pakistan's demand for rifles.")
            wait_processed(worker, 1)
            assert _pairs(settings) == {"PAK-RUS"}
        broker.stop()
        broker = EmbeddedBroker("127.0.0.1", port).start()  # back, and empty
        with running_worker(settings) as worker:
            assert _pairs(settings) == set()  # nothing the broker does not hold
            _publish(settings, "c1", "India and Russia signed a defence cooperation agreement.")
            wait_processed(worker, 1)
            assert _pairs(settings) == {"IND-RUS"}
        log = (ARTIFACTS / f"worker-{settings.app_id}-{settings.web_port}.log").read_text()
        assert log.count("local tables in") == 1 and "starting clean" in log
    finally:
        broker.stop()
