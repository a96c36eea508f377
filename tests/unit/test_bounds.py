"""Bounds on events, dead letters and times (issue 15): pure, no broker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from agents.dead_letters import DEAD_LETTER_KEY_BYTES, Tally, fitted_dead_letter, hold_batch
from agents.steps import Rejection, check_article_time, check_event_time
from schemas.bounds import bounded_event, cut
from schemas.models import Article, Evidence, RelationEvent
from streams.web.queries import express_rows

NOW = datetime(2024, 5, 2, 9, tzinfo=UTC)


def _event(text: str, when: datetime = NOW) -> RelationEvent:
    return RelationEvent(
        event_id="e1", pair="PAK-RUS", article_id="a1", source="RUS", target="PAK",
        source_actor="RUS", target_actor="PAK", cameo_code="120", root_code="12", quad_class=3,
        goldstein=-4.0, confidence=0.9, event_time=when, coder_version="t/1.0.0",
        evidence=Evidence(sentence_index=0, start=0, end=len(text), text=text),
    )


def test_long_evidence_is_cut_marked_and_cutting_twice_changes_nothing() -> None:
    long = _event("Russia rejected " + "x" * 10_000)
    once = bounded_event(long, 100)
    assert len(once.evidence.text) == 100 and once.evidence.text.endswith("…")
    assert once.evidence.text_size == len(long.evidence.text)
    assert bounded_event(once, 100) == once
    short = _event("Russia rejected Pakistan.")
    assert bounded_event(short, 100) is short and cut("abc", 3) == "abc"


def test_times_beyond_the_tolerance_are_rejected() -> None:
    article = Article(id="a", text="t", published=NOW + timedelta(days=2))
    rejected = check_article_time(article, NOW, 86_400)
    assert isinstance(rejected, Rejection) and rejected.reason == "published_in_future"
    assert check_article_time(article, NOW, 3 * 86_400) is article
    assert check_article_time(article, None, 0) is article
    event = _event("x", NOW + timedelta(hours=2))
    assert isinstance(check_event_time(event, NOW, 3600), Rejection)
    assert check_event_time(event, NOW, 3 * 3600) is event


def test_a_dead_letter_fits_one_record_whatever_its_key() -> None:
    message = SimpleNamespace(key=b"\x00" * 40_000, value=b"v" * 900_000, topic="t",
                              partition=0, offset=1)
    letter = fitted_dead_letter(Rejection("decode", "invalid_json", "x"), message, 1_000_000)
    assert letter.key_size == 40_000 and len(letter.key or "") == DEAD_LETTER_KEY_BYTES
    assert len(letter.model_dump_json()) + DEAD_LETTER_KEY_BYTES + 512 <= 1_000_000
    assert "key truncated" in letter.detail and letter.raw_size == 900_000


def test_listing_reference_time_never_passes_the_wall_clock() -> None:
    rows = [{"indexes_at": "2099-01-01T00:00:00+00:00", "tension": 1.0, "cooperation": 0.0,
             "net": -1.0, "change": 0.0}]
    _, as_of = express_rows(rows, None, 7.0, now=NOW)
    assert as_of == NOW.isoformat()


def test_an_event_whose_pair_is_not_its_countries_is_invalid() -> None:
    good = _event("x").model_dump()
    with pytest.raises(ValidationError):
        RelationEvent.model_validate({**good, "pair": "DEU-FRA-ITA"})
    with pytest.raises(ValidationError):
        RelationEvent.model_validate({**good, "target": "RUS", "pair": "RUS-RUS"})


def test_a_failed_batch_is_held_back_and_reported() -> None:
    messages = [SimpleNamespace(acked=False) for _ in range(3)]
    tally = Tally()
    hold_batch(messages, tally, "code_articles", RuntimeError("boom"))
    assert all(m.acked for m in messages) and tally.crashed == {"code_articles": "RuntimeError: boom"}
