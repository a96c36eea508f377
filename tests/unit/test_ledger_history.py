from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from streams.state.aggregate import AggregationPolicy
from streams.state.history import history_rows
from streams.state.ledger import MemoryLedger, fold_events
from streams.state.pointintime import tension_change
from streams.web.queries import BadQuery, express_rows, parse_as_of, summarize
from tests.unit.factories import make_event

POLICY = AggregationPolicy(history_days=10)


def test_fold_fills_day_buckets_with_events_and_mentions() -> None:
    ledger = MemoryLedger()
    fold_events(ledger, [make_event(article_id="a1"), make_event(article_id="a2"),
                         make_event("PAK", "RUS", root="05", goldstein=3.5, quad=1, days=1)],
                POLICY)
    first, second = sorted(ledger.buckets.values(), key=lambda b: b.day)
    assert (first.events, first.mentions, first.b_to_a, first.tension) == (1, 2, 1, 4.0)
    assert (second.events, second.a_to_b, second.cooperation, second.net) == (1, 1, 3.5, 3.5)


def test_expired_days_leave_the_ledger() -> None:
    ledger = MemoryLedger()
    fold_events(ledger, [make_event(days=0), make_event(days=30, sentence_index=1)], POLICY)
    assert [b.day.isoformat() for b in ledger.buckets.values()] == ["2024-05-31"]


def test_history_rows_fill_missing_days_with_zeros() -> None:
    ledger = MemoryLedger()
    fold_events(ledger, [make_event(days=0), make_event(days=2, sentence_index=1)], POLICY)
    state = ledger.states["PAK-RUS"]
    body = history_rows(state, 4, lambda day: ledger.load_bucket("PAK-RUS", day))
    assert body["as_of"] == "2024-05-03"
    assert [(row["day"], row["events"]) for row in body["history"]] == [
        ("2024-04-30", 0), ("2024-05-01", 1), ("2024-05-02", 0), ("2024-05-03", 1)]


def test_tension_change_over_a_window_uses_the_day_buckets() -> None:
    ledger = MemoryLedger()
    fold_events(ledger, [make_event(days=0), make_event(days=3, sentence_index=1,
                                                        goldstein=-10.0)], POLICY)
    state, buckets = ledger.states["PAK-RUS"], list(ledger.buckets.values())
    end = state.decay_reference
    assert tension_change(buckets, end, 1, 7.0) == pytest.approx(
        state.tension - 4.0 * 0.5 ** (2 / 7))
    assert tension_change(buckets, end, 10, 7.0) == pytest.approx(state.tension)
    assert tension_change(buckets, None, 1, 7.0) == 0.0


def test_rows_are_expressed_at_one_time_before_ranking() -> None:
    ledger = MemoryLedger()
    fold_events(ledger, [make_event(days=0, goldstein=-8.0),
                         make_event("IND", "PAK", days=7, goldstein=-5.0)], POLICY)
    rows = [summarize(s.model_dump(mode="json")) for s in ledger.states.values()]
    expressed, as_of = express_rows(rows, None, 7.0)
    by_pair = {row["pair"]: row for row in expressed}
    assert as_of == "2024-05-08T00:00:00+00:00"
    assert by_pair["PAK-RUS"]["tension"] == pytest.approx(4.0)
    assert by_pair["IND-PAK"]["tension"] == pytest.approx(5.0)


def test_as_of_accepts_dates_and_refuses_junk() -> None:
    assert parse_as_of("2024-05-01") == datetime(2024, 5, 1, 23, 59, 59, 999999, tzinfo=UTC)
    assert parse_as_of("2024-05-01T12:00:00+02:00") == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert parse_as_of(None) is None
    with pytest.raises(BadQuery, match="as_of"):
        parse_as_of("yesterday")
    assert datetime(2024, 5, 1, tzinfo=UTC) + timedelta(0) == parse_as_of("2024-05-01T00:00")
    assert parse_as_of("20240501") == datetime(2024, 5, 1, 23, 59, 59, 999999, tzinfo=UTC)


def test_an_unescaped_plus_in_as_of_gets_a_hint() -> None:
    with pytest.raises(BadQuery, match="%2B"):
        parse_as_of("2025-03-04T10:00:00 05:00")
