"""The whole path on the real embedded broker: articles → events → table → HTTP."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schemas import jsonbytes
from schemas.models import DeadLetter, RelationEvent
from streams.cli.demo import seed_articles, wait_processed
from streams.cli.processes import WorkerProcess
from streams.exceptions import QueryError
from streams.inputs import read_inputs
from streams.kafka.publish import publish_articles
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import SettingsFactory, produce_raw, read_all

pytestmark = pytest.mark.integration
StartWorker = Callable[[Settings], WorkerProcess]


def _publish_seeds(settings: Settings, seeds_dir: Path) -> int:
    report = publish_articles(settings, read_inputs(seed_articles(seeds_dir)))
    assert report.ok, report.failed
    return len(report.published)


def _events(settings: Settings) -> list[tuple[bytes | None, RelationEvent]]:
    return [(key, RelationEvent.model_validate_json(value))
            for key, value in read_all(settings, settings.events_topic)]


def test_seed_article_yields_its_events_on_the_derived_topic(
    make_settings: SettingsFactory, start_worker: StartWorker, seeds_dir: Path,
    seed_expected: dict[str, Any],
) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    wait_processed(worker, _publish_seeds(settings, seeds_dir))

    events = _events(settings)
    produced = {(e.source, e.target, e.quad_class) for _, e in events}
    expected = {(e["source"], e["target"], e["quad"]) for e in seed_expected["events"]}
    assert expected <= produced, f"missing: {expected - produced}"
    assert not {("IND", "CHN"), ("CHN", "IND")} & {(s, t) for s, t, _ in produced}
    text = (seeds_dir / seed_expected["file"]).read_text(encoding="utf-8")
    body = text.strip().partition("\n")[2].strip()
    for key, event in events:
        assert key == event.pair.encode()
        assert event.article_id == Path(seed_expected["file"]).stem
        assert body[event.evidence.start:event.evidence.end] == event.evidence.text
        assert event.event_time is not None and event.coder_version


def test_live_table_answers_over_http(
    make_settings: SettingsFactory, start_worker: StartWorker, seeds_dir: Path,
) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    wait_processed(worker, _publish_seeds(settings, seeds_dir))

    rus_pak = fetch_json(settings.web_url, "/dyads/RUS/PAK")
    assert rus_pak == fetch_json(settings.web_url, "/dyads/pak/rus")
    assert rus_pak["pair"] == "PAK-RUS" and rus_pak["tension"] > 0
    assert rus_pak["b_to_a"]["by_quad"].get("3", 0) >= 3  # RUS → PAK rejections
    ind_rus = fetch_json(settings.web_url, "/dyads/IND/RUS")
    assert ind_rus["cooperation"] > 0 and ind_rus["tension"] == 0
    with pytest.raises(QueryError, match="404"):
        fetch_json(settings.web_url, "/dyads/CHN/IND")
    with pytest.raises(QueryError, match="400"):
        fetch_json(settings.web_url, "/dyads/RU/PAK")
    listing = fetch_json(settings.web_url, "/dyads", {"sort": "tension", "limit": "50"})
    pairs = [row["pair"] for row in listing["dyads"]]
    assert pairs[0] == "PAK-RUS" and "IND-RUS" in pairs
    by_coop = fetch_json(settings.web_url, "/dyads", {"sort": "cooperation"})["dyads"]
    assert by_coop == sorted(by_coop, key=lambda row: -row["cooperation"])
    pak = fetch_json(settings.web_url, "/countries/PAK")["dyads"]
    assert {"PAK-RUS", "CHN-PAK"} <= {row["pair"] for row in pak}
    assert all("PAK" in (row["a"], row["b"]) for row in pak)


MALFORMED = [
    (b"bad-json", b"{not json", "invalid_json"),
    (b"bad-utf8", b"\xff\xfe\x00junk", "invalid_utf8"),
    (b"not-object", b"[1, 2, 3]", "not_an_object"),
    (b"no-text", b'{"id": "x1"}', "invalid_fields"),
    (b"blank", b'{"id": "x2", "text": "   \\n "}', "invalid_fields"),
]


def test_malformed_articles_go_to_dead_letters_and_the_worker_keeps_going(
    make_settings: SettingsFactory, start_worker: StartWorker,
) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    good = jsonbytes.dumps({"id": "ok-1", "text": "Russia rejected Pakistan's demand for rifles."})
    produce_raw(settings, settings.articles_topic,
                [(key, value) for key, value, _ in MALFORMED] + [(b"ok-1", good)])
    wait_processed(worker, len(MALFORMED) + 1)

    letters = {key: DeadLetter.model_validate_json(value)
               for key, value in read_all(settings, settings.dead_letters_topic)}
    for key, value, reason in MALFORMED:
        letter = letters[key]
        assert letter.reason == reason and letter.detail
        assert base64.b64decode(letter.raw_b64) == value
        assert letter.topic == settings.articles_topic and letter.offset is not None
    health = worker.health()
    assert health is not None and health["dead_letters_total"] == len(MALFORMED)
    assert health["counters"]["articles_processed"] == 1
    assert [e.pair for _, e in _events(settings)] == ["PAK-RUS"]
