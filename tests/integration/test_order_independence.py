"""The same articles in another order give the same counts (issue 15), on 4 partitions.

Two hundred seed-like articles, plus reports of one act by several articles and a later
event of the same pair: one run publishes them in order, the other a shuffled copy with the
later event first and the second report of the act last. Every pair's totals must agree.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from schemas.models import Article
from streams.cli.demo import wait_processed
from streams.kafka.broker import EmbeddedBroker
from tests.integration.harness import (
    fetch_tables,
    fresh_settings,
    publish_all,
    running_worker,
    varied_articles,
)

pytestmark = pytest.mark.integration


def _article(article_id: str, when: str, text: str) -> Article:
    return Article(id=article_id, text=text, published=when)


FIRST = _article("x", "2024-03-10T08:00:00Z", "Russia rejected Pakistan's demand for rifles.")
LATER = _article("z", "2024-03-20T08:00:00Z", "Russia threatened Pakistan with sanctions.")
SECOND = _article("y", "2024-03-10T12:00:00Z",
                  "Moscow rejected the Pakistani request for helicopters.")
TWICE = _article("a", "2024-03-11T08:00:00Z", "Japan condemned China's missile test. "
                                              "Japan also condemned China's naval drills.")
ONCE = _article("b", "2024-03-11T12:00:00Z", "Japan condemned China's missile test.")


def _totals(tables: dict[str, dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {pair: (s["events"], s["mentions"], s["a_to_b"]["by_root"], s["b_to_a"]["by_root"],
                   s["a_to_b"]["by_quad"], s["b_to_a"]["by_quad"], s["article_count"],
                   s["source_count"])
            for pair, s in tables.items()}


def _run(broker: EmbeddedBroker, folder: Path, batches: list[list[Article]]) -> dict[str, Any]:
    settings = fresh_settings(broker, folder, articles_partitions=4, events_partitions=4)
    published = 0
    with running_worker(settings) as worker:
        for batch in batches:
            publish_all(settings, batch)
            published += len(batch)
            wait_processed(worker, published, timeout_s=180)
        return _totals(fetch_tables(settings))


def test_shuffled_articles_on_four_partitions_give_the_same_totals(
    broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory,
) -> None:
    base = varied_articles(200, seed=15)
    in_order = _run(broker, tmp_path_factory.mktemp("ordered"),
                    [[*base, FIRST, SECOND, LATER, TWICE, ONCE]])
    shuffled = random.Random(15).sample(base, len(base))
    reordered = _run(broker, tmp_path_factory.mktemp("shuffled"),
                     [[LATER, ONCE, *shuffled], [FIRST], [SECOND, TWICE]])
    assert in_order["CHN-JPN"][:2] == reordered["CHN-JPN"][:2]
    assert in_order["PAK-RUS"][:2] == reordered["PAK-RUS"][:2]
    assert in_order == reordered
