"""Bad input on the real broker: every record is coded or dead-lettered, none stops the worker.

All cases are published in one go to one worker (a worker start costs seconds); each case
is then asserted on its own. A good article published after them proves the worker kept going.
"""

from __future__ import annotations

import base64
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from agents.coder import default_coder
from agents.dead_letters import raw_bytes_kept
from schemas import jsonbytes
from schemas.models import Article, DeadLetter, RelationEvent
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess
from streams.kafka.broker import EmbeddedBroker
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import produce_many, read_all
from tests.integration.harness import fresh_settings, running_worker

pytestmark = pytest.mark.integration
GAZETTEER = Path(__file__).resolve().parents[2] / "agents" / "coder" / "data" / "gazetteer.tsv"
REJECT = "Russia rejected Pakistan's demand for 50,000 rifles."
COOPERATE = "India and Russia signed a defence cooperation agreement on Monday."
BIG_TEXT_CHARS = 10 * 1024 * 1024


def _article(article_id: str, text: str, **extra: Any) -> bytes:
    return jsonbytes.dumps({"id": article_id, "text": text, **extra})


def _country_names(count: int) -> list[str]:
    names: dict[str, str] = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("#") and len(parts) >= 3 and parts[2] == "country":
            names.setdefault(parts[1], parts[0])
    assert len(names) >= count
    return list(names.values())[:count]


def _many_countries_text() -> str:
    names = _country_names(150)
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    return f"Delegations of {listed} met in Geneva. Russia condemned {listed}. {REJECT}"


# key, raw value, (stage, reason) of the dead letter
DEAD: list[tuple[str, bytes, tuple[str, str]]] = [
    ("invalid-json", b'{"id": "j1", "text": "unterminated', ("decode", "invalid_json")),
    ("json-array", b"[1, 2, 3]", ("decode", "not_an_object")),
    ("json-string", b'"just a string"', ("decode", "not_an_object")),
    ("json-null", b"null", ("decode", "not_an_object")),
    ("json-number", b"42", ("decode", "not_an_object")),
    ("deep-nesting", b"[" * 5000 + b"]" * 5000, ("decode", "invalid_json")),
    ("empty-value", b"", ("decode", "empty_message")),
    ("missing-text", b'{"id": "m1"}', ("validate", "invalid_fields")),
    ("missing-id", jsonbytes.dumps({"text": REJECT}), ("validate", "invalid_fields")),
    ("id-not-string", jsonbytes.dumps({"id": 5, "text": REJECT}), ("validate", "invalid_fields")),
    ("text-not-string", jsonbytes.dumps({"id": "w2", "text": ["a"]}), ("validate", "invalid_fields")),
    ("id-too-long", _article("x" * 600, REJECT), ("validate", "invalid_fields")),
    ("empty-text", _article("e1", ""), ("validate", "invalid_fields")),
    ("whitespace-text", _article("e2", " \n\t \u00a0 "), ("validate", "invalid_fields")),
    ("date-year-9999", _article("d1", REJECT, published="9999-12-31T00:00:00Z"),
     ("validate", "invalid_fields")),
    ("date-year-1", _article("d2", REJECT, published="0001-01-01T00:00:00Z"),
     ("validate", "invalid_fields")),
    ("date-not-a-date", _article("d3", REJECT, published="yesterday at noon"),
     ("validate", "invalid_fields")),
    ("date-month-13", _article("d4", REJECT, published="2024-13-45T00:00:00Z"),
     ("validate", "invalid_fields")),
    ("invalid-utf8", b'{"id": "u1", "text": "caf\xe9 \xff\xfe"}', ("decode", "invalid_utf8")),
    ("binary-junk", bytes(range(256)) * 64, ("decode", "invalid_utf8")),
    ("ten-megabytes", _article("big", "Russia rejected it. " * (BIG_TEXT_CHARS // 20)),
     ("validate", "text_too_long")),
]

HTML = ("<html><head><script>document.write('<p>x</p>'); alert(1)</script></head><body>"
        f"<p>{REJECT}</p><img src=x onerror=alert(2)></body></html>")
# key, article: processed (not a dead letter)
PROCESSED: list[tuple[str, bytes]] = [
    ("html-scripts", _article("html-1", HTML)),
    ("russian", _article("ru-1", "Россия отвергла требование Пакистана о поставке винтовок.")),
    ("chinese", _article("zh-1", "俄罗斯拒绝了巴基斯坦关于五万支步枪的要求。")),
    ("countries-150", _article("many-1", _many_countries_text())),
    ("extra-fields", _article("extra-1", REJECT, unknown={"nested": [1, 2]}, lang="en")),
    ("duplicate-1", _article("dup-1", COOPERATE, published="2024-05-01T08:00:00Z")),
    ("duplicate-2", _article("dup-1", COOPERATE, published="2024-05-01T08:00:00Z")),
    ("date-1900", _article("old-1", REJECT, published="1900-01-01T00:00:00Z")),
]
GOOD_LAST = ("good-last", _article("good-last", COOPERATE.replace("India", "Brazil")))


@dataclass
class Outcome:
    settings: Settings
    worker: WorkerProcess
    letters: dict[str, DeadLetter]
    events: list[RelationEvent]
    health: dict[str, Any]


def _records() -> list[tuple[bytes, bytes]]:
    cases = [(key, value) for key, value, _ in DEAD] + PROCESSED + [GOOD_LAST]
    return [(key.encode(), value) for key, value in cases]


@pytest.fixture(scope="module")
def outcome(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outcome]:
    settings = fresh_settings(broker, tmp_path_factory.mktemp("bad-input"), articles_partitions=1)
    with running_worker(settings) as worker:
        records = _records()
        produce_many(settings, settings.articles_topic, records)
        wait_processed(worker, len(records), timeout_s=120)
        letters = {key.decode(): DeadLetter.model_validate_json(value)
                   for key, value in read_all(settings, settings.dead_letters_topic)
                   if key is not None}
        events = [RelationEvent.model_validate_json(value)
                  for _, value in read_all(settings, settings.events_topic)]
        health = worker.health()
        assert health is not None
        yield Outcome(settings, worker, letters, events, health)


@pytest.mark.parametrize(("key", "raw", "where"), DEAD, ids=[case[0] for case in DEAD])
def test_rejected_input_is_dead_lettered_with_reason_and_raw_bytes(
    outcome: Outcome, key: str, raw: bytes, where: tuple[str, str],
) -> None:
    letter = outcome.letters[key]
    assert (letter.stage, letter.reason) == where
    assert letter.detail and letter.raw_size == len(raw)
    assert letter.topic == outcome.settings.articles_topic and letter.offset is not None
    kept = raw_bytes_kept(outcome.settings.max_message_bytes)
    if len(raw) <= kept:
        assert base64.b64decode(letter.raw_b64) == raw
    else:  # the letter must fit in one record: the first bytes are kept, and it says so
        assert base64.b64decode(letter.raw_b64) == raw[:kept]
        assert f"truncated to its first {kept} of {len(raw)} bytes" in letter.detail
        assert len(letter.model_dump_json()) < outcome.settings.max_message_bytes


def _events_of(outcome: Outcome, article_id: str) -> list[RelationEvent]:
    return [event for event in outcome.events if event.article_id == article_id]


def _offline(raw: bytes) -> set[str]:
    article = Article.model_validate_json(raw)
    return {event.event_id for event in default_coder().extract(article)}


@pytest.mark.parametrize(("key", "raw"), PROCESSED, ids=[case[0] for case in PROCESSED])
def test_odd_but_valid_input_is_coded_like_the_offline_coder_does(
    outcome: Outcome, key: str, raw: bytes,
) -> None:
    assert key not in outcome.letters
    article = Article.model_validate_json(raw)
    events = _events_of(outcome, article.id)
    expected = _offline(raw)
    assert {event.event_id for event in events} == expected
    for event in events:
        assert article.text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_html_article_codes_the_event_in_its_body(outcome: Outcome) -> None:
    codes = {(e.source, e.target, e.cameo_code) for e in _events_of(outcome, "html-1")}
    assert ("RUS", "PAK", "120") in codes


def test_non_english_articles_code_nothing(outcome: Outcome) -> None:
    assert _events_of(outcome, "ru-1") == [] and _events_of(outcome, "zh-1") == []


def test_article_naming_150_countries_stays_bounded(outcome: Outcome) -> None:
    events = _events_of(outcome, "many-1")
    assert 1 <= len(events) <= 150
    assert ("RUS", "PAK", "120") in {(e.source, e.target, e.cameo_code) for e in events}


def test_duplicate_article_id_is_counted_once(outcome: Outcome) -> None:
    single = _offline(_article("dup-1", COOPERATE, published="2024-05-01T08:00:00Z"))
    assert single and len(_events_of(outcome, "dup-1")) == 2 * len(single)  # sent twice
    pair = fetch_json(outcome.settings.web_url, "/dyads/IND/RUS")
    assert pair["events"] == len(single) and pair["article_count"] == 1
    assert outcome.health["counters"]["events_duplicate"] == len(single)


def test_worker_kept_going_and_counted_everything(outcome: Outcome) -> None:
    assert outcome.worker.process is not None and outcome.worker.process.poll() is None
    pair = fetch_json(outcome.settings.web_url, "/dyads/BRA/RUS")
    assert pair["article_count"] == 1 and pair["cooperation"] > 0
    counters, dead = outcome.health["counters"], outcome.health["dead_letters"]
    assert counters["articles_processed"] == len(PROCESSED) + 1
    assert outcome.health["dead_letters_total"] == len(DEAD) == len(outcome.letters)
    expected_reasons: dict[str, int] = {}
    for _, _, (stage, reason) in DEAD:
        expected_reasons[f"{stage}:{reason}"] = expected_reasons.get(f"{stage}:{reason}", 0) + 1
    assert dead == expected_reasons


def test_metrics_expose_the_counters_in_prometheus_text(outcome: Outcome) -> None:
    url = outcome.settings.web_url + "/metrics"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        text = response.read().decode("utf-8")
    samples = dict(line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))
    counters = outcome.health["counters"]
    for name in ("articles_processed", "events_emitted", "events_folded", "events_counted",
                 "events_mention", "events_duplicate"):
        assert float(samples[f"dyadwatch_{name}_total"]) == counters.get(name, 0)
    assert counters["events_folded"] == counters["events_emitted"] > 0
    assert float(samples['dyadwatch_dead_letters_total{reason="text_too_long",stage="validate"}']) == 1
    assert float(samples['dyadwatch_dead_letters_total{reason="not_an_object",stage="decode"}']) == 4
    assert float(samples["dyadwatch_up"]) == 1
    assert "# TYPE dyadwatch_dead_letters_total counter" in text
