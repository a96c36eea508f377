"""Two workers share the partitions; every query answers the same on either worker."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from streams.cli.demo import seed_articles
from streams.cli.processes import WorkerProcess
from streams.exceptions import QueryError
from streams.inputs import read_inputs
from streams.kafka.publish import publish_articles
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import SettingsFactory

pytestmark = pytest.mark.integration

EXTRA = [
    "France and Germany signed a trade agreement in Paris.",
    "Japan condemned North Korea's missile launch on Tuesday.",
    "Brazil hosted talks with Argentina on energy cooperation.",
    "Turkey accused Greece of violating its airspace.",
]


def _settled(workers: list[WorkerProcess], articles: int) -> bool:
    healths = [w.health() or {} for w in workers]
    counters = [h.get("counters", {}) for h in healths]
    coded = sum(c.get("articles_processed", 0) for c in counters)
    emitted = sum(c.get("events_emitted", 0) for c in counters)
    applied = sum(c.get("events_folded", 0) for c in counters)
    return all(h.get("status") == "ok" for h in healths) and coded >= articles and applied >= emitted


def _retry(url: str, path: str, params: dict[str, str] | None = None) -> Any:
    """Routed queries can fail for a moment after a rebalance, until metadata arrives."""
    for _ in range(50):
        try:
            return fetch_json(url, path, params)
        except QueryError as exc:
            if "404" in str(exc) or "400" in str(exc):
                raise
            time.sleep(0.2)
    return fetch_json(url, path, params)


def test_queries_are_correct_on_either_worker(
    make_settings: SettingsFactory, start_worker: Callable[[Settings], WorkerProcess],
    seeds_dir: Path, tmp_path: Path,
) -> None:
    first = make_settings()
    second = first.model_copy(update={"web_port": make_settings().web_port})
    workers = [start_worker(first), start_worker(second)]
    extra = tmp_path / "extra"
    extra.mkdir()
    for index, text in enumerate(EXTRA):
        (extra / f"extra-{index}.txt").write_text(f"Extra {index}\n{text}\n", encoding="utf-8")
    report = publish_articles(first, read_inputs([*seed_articles(seeds_dir), str(extra)]))
    assert report.ok, report.failed
    deadline = time.monotonic() + 90
    while not _settled(workers, len(report.published)):
        assert time.monotonic() < deadline, "two workers did not settle"
        time.sleep(0.2)

    urls = [first.web_url, second.web_url]
    listings = [_retry(url, "/dyads", {"sort": "events", "limit": "100"})["dyads"] for url in urls]
    assert listings[0] == listings[1] and len(listings[0]) >= 5
    local = sum((w.health() or {}).get("pairs_local", 0) for w in workers)
    assert local == len(listings[0]), "each pair lives on exactly one worker"
    for row in listings[0]:
        a, b = row["a"], row["b"]
        answers = [_retry(url, f"/dyads/{a}/{b}") for url in urls]
        assert answers[0] == answers[1]
        assert answers[0]["events"] == row["events"]
        histories = [_retry(url, f"/dyads/{a}/{b}/history", {"days": "2"}) for url in urls]
        assert histories[0] == histories[1]
        assert sum(day["events"] for day in histories[0]["history"]) == row["events"]
        latest = [_retry(url, f"/dyads/{a}/{b}/events") for url in urls]
        assert latest[0] == latest[1] and latest[0]["count"] >= 1
    pak = [_retry(url, "/countries/PAK")["dyads"] for url in urls]
    assert pak[0] == pak[1] and {"PAK-RUS", "CHN-PAK"} <= {r["pair"] for r in pak[0]}
    _as_of_gathers_every_worker(urls, listings[0])


def _as_of_gathers_every_worker(urls: list[str], listing: list[dict[str, Any]]) -> None:
    """``as_of`` reaches the other worker: at the latest event time every pair is there with
    the counts of the live listing; before any event, none."""
    latest = max(row["last_event_time"] for row in listing)
    params = {"sort": "events", "limit": "100", "as_of": latest}
    at_latest = [_retry(url, "/dyads", params)["dyads"] for url in urls]
    assert at_latest[0] == at_latest[1]
    assert {(r["pair"], r["events"], r["volume"]) for r in at_latest[0]} == {
        (r["pair"], r["events"], r["volume"]) for r in listing}
    before = [_retry(url, "/dyads", {"as_of": "1999-12-31"}) for url in urls]
    assert all((body["count"], body["unreachable_workers"]) == (0, []) for body in before)
