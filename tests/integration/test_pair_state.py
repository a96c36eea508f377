"""Pair state on the real embedded broker: mentions, history, events, alerts, rebuild, recode."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agents.coder import default_coder
from schemas.models import Article, DyadAlert, RelationEvent
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess, settings_env
from streams.cli.replay import differences, rebuild, recode
from streams.inputs import ArticleSource
from streams.kafka.publish import publish_articles
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import SettingsFactory, produce_raw, read_all

pytestmark = pytest.mark.integration
StartWorker = Callable[[Settings], WorkerProcess]

DAY1, DAY2 = "2024-05-01T09:00:00Z", "2024-05-02T09:00:00Z"
ARTICLES = [  # (id, outlet, published, text)
    ("r1", "outlet-a", DAY1, "Russia rejected Pakistan's demand for rifles."),
    ("r2", "outlet-b", DAY1, "Moscow rejected the Pakistani request for helicopters on Tuesday."),
    ("r3", "outlet-b", DAY1, "Russia rejected Pakistan's demand for rifles."),
    ("r4", "outlet-a", DAY2, "Russia threatened Pakistan with sanctions. "
                             "Russian forces attacked Pakistani troops near the border."),
    ("c1", "outlet-c", DAY2, "India and Russia signed a defence cooperation agreement."),
]


def _publish(settings: Settings, items: list[tuple[str, str, str, str]]) -> None:
    sources = [ArticleSource(f"{i}", Article.model_validate(
        {"id": i, "source": outlet, "published": when, "text": text, "url": f"https://n.example/{i}"}))
        for i, outlet, when, text in items]
    report = publish_articles(settings, iter(sources))
    assert report.ok, report.failed


def _wait_folded(worker: WorkerProcess, events: int, timeout_s: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        health = worker.health() or {}
        if health.get("counters", {}).get("events_folded", 0) >= events:
            return health
        time.sleep(0.1)
    raise AssertionError(f"fewer than {events} events folded: {worker.health()}")


def _started(make_settings: SettingsFactory, start_worker: StartWorker,
             extra: list[tuple[str, str, str, str]] | None = None,
             ) -> tuple[Settings, WorkerProcess, str]:
    settings = make_settings(alert_tension_rise=10.0)
    worker = start_worker(settings)
    articles = ARTICLES + (extra or [])
    _publish(settings, articles)
    wait_processed(worker, len(articles))  # every article coded, every event folded
    return settings, worker, settings.web_url


def _many_pairs(seeds_dir: Path) -> list[tuple[str, str, str, str]]:
    """The seed article (many pairs, several partitions in one batch) and one-line articles."""
    seed = next(seeds_dir.glob("*.txt")).read_text(encoding="utf-8").partition("\n")[2]
    lines = ["France and Germany signed a trade agreement in Paris.",
             "Japan condemned North Korea's missile launch on Tuesday.",
             "Turkey accused Greece of violating its airspace."]
    return [("seed", "outlet-d", DAY2, seed),
            *((f"x{i}", "outlet-e", DAY2, line) for i, line in enumerate(lines))]


def test_mentions_history_events_and_alerts(make_settings: SettingsFactory,
                                            start_worker: StartWorker) -> None:
    settings, _, url = _started(make_settings, start_worker)
    state = fetch_json(url, "/dyads/rus/pak")
    # r1, r2, r3 report one event (RUS rejects PAK on May 1): counted once, three mentions.
    assert state["events"] == 3 and state["mentions"] == 5
    assert state["article_count"] == 4 and state["source_count"] == 2
    assert state["b_to_a"]["by_root"] == {"12": 1, "13": 1, "19": 1}

    history = fetch_json(url, "/dyads/PAK/RUS/history", {"days": "3"})
    assert history["as_of"] == "2024-05-02"
    assert [(d["day"], d["events"], d["mentions"]) for d in history["history"]] == [
        ("2024-04-30", 0, 0), ("2024-05-01", 1, 3), ("2024-05-02", 2, 2)]

    latest = fetch_json(url, "/dyads/PAK/RUS/events", {"limit": "2"})
    assert [e["root_code"] for e in latest["events"]] == ["19", "13"]
    assert all(e["evidence"]["text"] and e["article_url"] for e in latest["events"])

    volume = fetch_json(url, "/dyads", {"sort": "volume"})["dyads"]
    assert [row["pair"] for row in volume] == ["PAK-RUS", "IND-RUS"]
    change = fetch_json(url, "/dyads", {"sort": "change", "window": "1"})
    assert change["dyads"][0]["pair"] == "PAK-RUS" and change["dyads"][0]["change"] > 0
    assert change["as_of"] == "2024-05-02T09:00:00+00:00"

    alerts = [DyadAlert.model_validate_json(v) for _, v in read_all(settings, settings.alerts_topic)]
    assert [(a.alert_id, len(a.events)) for a in alerts] == [("PAK-RUS@2024-05-02", 2)]
    assert alerts[0].change > 10.0 and alerts[0].tension_before > 0


def test_redelivered_events_change_nothing_and_rebuild_matches_live(
    make_settings: SettingsFactory, start_worker: StartWorker, seeds_dir: Path,
) -> None:
    settings, worker, url = _started(make_settings, start_worker, _many_pairs(seeds_dir))
    log = read_all(settings, settings.events_topic)
    assert differences(rebuild(settings), url, settings) == []
    before = fetch_json(url, "/dyads/PAK/RUS")
    produce_raw(settings, settings.events_topic, log)  # every event delivered twice
    health = _wait_folded(worker, 2 * len(log))
    assert health["counters"]["events_duplicate"] == len(log)
    assert fetch_json(url, "/dyads/PAK/RUS") == before

    report = rebuild(settings)
    assert report.outcomes["duplicate"] == len(log)
    assert differences(report, url, settings) == []
    cli = subprocess.run([sys.executable, "-m", "streams.cli", "rebuild", "--check"],
                         env=settings_env(settings), capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "0 differences" in cli.stderr


class _NextCoder:
    """The current coder under a newer version that no longer codes threats (root 13)."""

    version = "dyadwatch-coder/99.0.0"

    def extract(self, article: Article) -> list[RelationEvent]:
        return [event.model_copy(update={"coder_version": self.version})
                for event in default_coder().extract(article) if event.root_code != "13"]


def test_recode_stamps_the_new_version_and_the_tables_follow(
    make_settings: SettingsFactory, start_worker: StartWorker,
) -> None:
    settings, worker, url = _started(make_settings, start_worker)
    report = recode(settings, _NextCoder())
    assert (report.articles, report.events) == (len(ARTICLES), 6)
    _wait_folded(worker, 7 + 6)
    state = fetch_json(url, "/dyads/PAK/RUS")
    assert state["coder_version"] == _NextCoder.version
    assert state["b_to_a"]["by_root"] == {"12": 1, "19": 1} and state["mentions"] == 4
    history = fetch_json(url, "/dyads/PAK/RUS/history", {"days": "2"})["history"]
    assert [(d["events"], d["mentions"]) for d in history] == [(1, 3), (1, 1)]
    recoded = [RelationEvent.model_validate_json(v) for _, v in read_all(settings, settings.events_topic)]
    assert sum(e.coder_version == _NextCoder.version for e in recoded) == 6
    assert differences(rebuild(settings), url, settings) == []
    listed = fetch_json(url, "/dyads")
    assert {row["coder_version"] for row in listed["dyads"]} == {_NextCoder.version}
