"""Hostile but possible input on the real broker (issue 15): a date in 2099, an oversized dead
letter with a huge key, a 600 KB one-sentence article, publication times with no timezone. One
worker takes all of it in one go; each case is asserted on its own, and the tables still equal a
rebuild from the log.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from agents.coder import default_coder
from agents.dead_letters import DEAD_LETTER_KEY_BYTES
from schemas import jsonbytes
from schemas.models import Article, DeadLetter, DyadState, RelationEvent
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess
from streams.cli.replay import differences, rebuild
from streams.kafka.broker import EmbeddedBroker
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import produce_many, read_all
from tests.integration.harness import fresh_settings, running_worker

pytestmark = pytest.mark.integration

DAY1, DAY2, FUTURE = "2024-05-01T09:00:00Z", "2024-05-02T09:00:00Z", "2099-01-01T00:00:00Z"
HUGE_KEY = b"k" * 40_000
HUGE_VALUE = b"not json at all " * 56_250  # 900 KB
LONG_SENTENCE = "Japan condemned China on Monday over the " + "islands" * 86_000 + " dispute."


def _article(article_id: str, text: str, published: str) -> bytes:
    return jsonbytes.dumps({"id": article_id, "text": text, "published": published})


ARTICLES: list[tuple[bytes, bytes]] = [  # one partition, one batch: all in one go
    (b"good-1", _article("good-1", "Russia rejected Pakistan's demand for rifles.", DAY1)),
    (b"future", _article("future", "France condemned Germany's decision on Monday.", FUTURE)),
    (HUGE_KEY, HUGE_VALUE),
    (b"good-2", _article("good-2", "Russia threatened Pakistan with sanctions.", DAY2)),
    (b"long", _article("long", LONG_SENTENCE, DAY2)),
    (b"good-3", _article("good-3", "India and Russia signed a defence cooperation agreement.",
                         DAY2)),
    (b"naive", _article("naive", "Norway expelled a Danish diplomat.", "2024-05-02T08:00:00")),
    (b"dateonly", _article("dateonly", "Chile recalled its ambassador to Peru.", "2024-05-02")),
]


@dataclass
class Outcome:
    settings: Settings
    worker: WorkerProcess
    letters: list[DeadLetter]
    health: dict[str, Any]


def _future_event() -> tuple[bytes, bytes]:
    """A relation event from another producer, dated 2099 (Turkey and Greece)."""
    article = Article(id="other-producer", text="Turkey accused Greece of violating its airspace.")
    (event,) = default_coder().extract(article)
    dated = event.model_copy(update={"event_time": datetime(2099, 1, 1, tzinfo=UTC)})
    return dated.pair.encode(), dated.model_dump_json().encode()


def _three_countries() -> tuple[bytes, bytes]:
    """A relation event from another producer whose pair is not the pair of its countries."""
    _, value = _future_event()
    event = jsonbytes.loads(value)
    event.update(pair="DEU-FRA-ITA", event_time="2024-05-01T09:00:00Z")
    return b"DEU-FRA-ITA", jsonbytes.dumps(event)


@pytest.fixture(scope="module")
def outcome(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outcome]:
    settings = fresh_settings(broker, tmp_path_factory.mktemp("hostile"), articles_partitions=1)
    with running_worker(settings) as worker:
        produce_many(settings, settings.events_topic, [_future_event(), _three_countries()])
        produce_many(settings, settings.articles_topic, ARTICLES)
        wait_processed(worker, len(ARTICLES) + 2, timeout_s=120)
        letters = [DeadLetter.model_validate_json(value)
                   for _, value in read_all(settings, settings.dead_letters_topic)]
        health = worker.health()
        assert health is not None
        yield Outcome(settings, worker, letters, health)


def _reasons(outcome: Outcome) -> list[str]:
    return sorted(f"{letter.stage}:{letter.reason}" for letter in outcome.letters)


def test_future_dates_are_dead_lettered_and_never_set_the_reference_time(
    outcome: Outcome,
) -> None:
    url = outcome.settings.web_url
    assert _reasons(outcome) == ["decode:invalid_json", "validate:event_in_future",
                                 "validate:invalid_fields", "validate:published_in_future"]
    assert outcome.health["dead_letters"]["validate:published_in_future"] == 1
    listing = fetch_json(url, "/dyads", {"sort": "tension"})
    assert listing["as_of"] == "2024-05-02T09:00:00+00:00"  # the latest plausible time
    assert {row["pair"] for row in listing["dyads"]} == {"PAK-RUS", "IND-RUS", "CHN-JPN", "DNK-NOR",
                                                          "CHL-PER"}
    assert listing["dyads"][0]["pair"] == "PAK-RUS" and listing["dyads"][0]["tension"] > 0
    history = fetch_json(url, "/dyads/PAK/RUS/history", {"days": "2"})["history"]
    assert [(day["day"], day["events"]) for day in history] == [("2024-05-01", 1),
                                                                ("2024-05-02", 1)]
    report = rebuild(outcome.settings)
    assert report.rejected == {"validate:event_in_future": 1, "validate:invalid_fields": 1}
    assert differences(report, url, outcome.settings) == []


def test_oversized_dead_letter_is_bounded_and_the_batch_is_coded(outcome: Outcome) -> None:
    (letter,) = [letter for letter in outcome.letters if letter.reason == "invalid_json"]
    assert letter.key_size == len(HUGE_KEY) and letter.key == "k" * DEAD_LETTER_KEY_BYTES
    assert letter.raw_size == len(HUGE_VALUE) and "truncated" in letter.detail
    assert HUGE_VALUE.startswith(base64.b64decode(letter.raw_b64))
    assert len(letter.model_dump_json()) + DEAD_LETTER_KEY_BYTES < 1_000_000
    assert outcome.health["status"] == "ok" and outcome.health["crashed_agents"] == {}
    assert outcome.health["counters"]["articles_processed"] == 6  # good-1..3, long, naive, dateonly
    assert fetch_json(outcome.settings.web_url, "/dyads/IND/RUS")["events"] == 2  # both ways


def test_one_long_sentence_keeps_pair_state_and_changelog_under_the_limit(
    outcome: Outcome,
) -> None:
    settings = outcome.settings
    state = fetch_json(settings.web_url, "/dyads/JPN/CHN")
    state.pop("summary")
    assert state["events"] == 1
    evidence = state["recent_events"][0]["evidence"]
    assert evidence["text_size"] == len(LONG_SENTENCE)
    assert len(evidence["text"]) == settings.evidence_chars and evidence["text"].endswith("…")
    assert len(DyadState.model_validate(state).model_dump_json()) < 100_000
    changelog = read_all(settings, f"{settings.app_id}-dyads-changelog")
    assert changelog and max(len(value) for _, value in changelog) < 100_000
    events = [RelationEvent.model_validate_json(value)
              for key, value in read_all(settings, settings.events_topic) if b"ITA" not in key]
    assert max(len(event.evidence.text) for event in events) == settings.evidence_chars
    assert outcome.worker.process is not None and outcome.worker.process.poll() is None


def test_times_without_a_timezone_are_utc_and_fold_with_the_others(outcome: Outcome) -> None:
    url = outcome.settings.web_url
    assert outcome.health["crashed_agents"] == {}
    naive = fetch_json(url, "/dyads/DNK/NOR")
    assert naive["events"] == 1 and naive["last_event_time"] == "2024-05-02T08:00:00Z"
    assert fetch_json(url, "/dyads/CHL/PER")["last_event_time"] == "2024-05-02T00:00:00Z"
