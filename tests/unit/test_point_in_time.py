"""Point-in-time figures from the day buckets: ``as_of`` and an arrival-order-free ``change``."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from schemas.models import DayBucket, DyadState, RelationEvent
from streams.state.aggregate import AggregationPolicy
from streams.state.ledger import MemoryLedger, fold_events
from streams.state.pointintime import figures_at, tension_change
from streams.web.queries import pair_summary, parse_as_of, summary_at
from tests.unit.factories import T0, make_event

POLICY = AggregationPolicy(history_days=30)
HALF_LIFE = POLICY.half_life_days


def _events() -> list[RelationEvent]:
    return [
        make_event(days=0, goldstein=-4.0, article_id="a1"),
        make_event("PAK", "RUS", root="05", goldstein=3.0, quad=1, days=0.5, article_id="a2"),
        make_event(days=2, goldstein=-10.0, root="19", quad=4, article_id="a3"),
        make_event(days=2.25, goldstein=-2.0, root="11", article_id="a4"),
        make_event(days=4, goldstein=-6.5, root="17", article_id="a5"),
    ]


def _fold(events: list[RelationEvent]) -> tuple[DyadState, list[DayBucket]]:
    ledger = MemoryLedger()
    fold_events(ledger, events, POLICY)
    return ledger.states["PAK-RUS"], list(ledger.buckets.values())


def test_as_of_before_any_event_counts_nothing() -> None:
    state, buckets = _fold(_events())
    before = T0 - timedelta(seconds=1)
    assert figures_at(buckets, before, HALF_LIFE).events == 0
    assert summary_at(state, buckets, before) is None
    assert summary_at(state, buckets, parse_as_of("2024-04-30")) is None  # type: ignore[arg-type]


def test_as_of_between_events_counts_only_the_earlier_ones_decayed_to_as_of() -> None:
    state, buckets = _fold(_events())
    as_of = T0 + timedelta(days=2, hours=3)  # after a3 (day 2, 00:00), before a4 (06:00)
    summary = summary_at(state, buckets, as_of, 1.0, HALF_LIFE)
    assert summary is not None
    tension = 4.0 * 0.5 ** (2.125 / 7) + 10.0 * 0.5 ** (0.125 / 7)
    assert summary.tension == pytest.approx(tension)
    assert summary.cooperation == pytest.approx(3.0 * 0.5 ** (1.625 / 7))
    assert (summary.events, summary.volume, summary.a_to_b, summary.b_to_a) == (3, 3, 1, 2)
    assert (summary.articles, summary.goldstein_mean) == (3, round(-11.0 / 3, 4))
    assert summary.last_event_time == T0 + timedelta(days=2)
    assert summary.indexes_at == as_of
    assert summary.change == pytest.approx(10.0 * 0.5 ** (0.125 / 7)
                                           + 4.0 * (0.5 ** (2.125 / 7) - 0.5 ** (1.125 / 7)))


def test_as_of_a_date_takes_the_whole_day() -> None:
    state, buckets = _fold(_events())
    summary = summary_at(state, buckets, parse_as_of("2024-05-03"))  # type: ignore[arg-type]
    assert summary is not None and summary.events == 4


def test_as_of_after_the_last_event_agrees_with_the_running_state() -> None:
    state, buckets = _fold(_events())
    assert state.decay_reference is not None
    at_end = summary_at(state, buckets, state.decay_reference, 1.0, HALF_LIFE)
    live = pair_summary(state, buckets, 1.0, HALF_LIFE)
    assert at_end is not None
    for name in ("events", "volume", "a_to_b", "b_to_a", "articles", "change"):
        assert getattr(at_end, name) == getattr(live, name), name
    for name in ("tension", "cooperation", "net"):
        assert getattr(at_end, name) == pytest.approx(getattr(live, name)), name


@pytest.mark.parametrize("window", [1, 2, 3, 7])
def test_change_does_not_depend_on_the_arrival_order(window: int) -> None:
    events = _events()
    shuffled = list(events)
    random.Random(13).shuffle(shuffled)
    late_first = [events[4], *events[:4]]  # the latest event arrives first: the rest are late
    results = []
    for order in (events, shuffled, late_first, list(reversed(events))):
        state, buckets = _fold(order)
        results.append((pair_summary(state, buckets, window, HALF_LIFE).change,
                        tension_change(buckets, T0 + timedelta(days=3), window, HALF_LIFE)))
    assert all(result == results[0] for result in results)


def test_a_late_event_revises_its_day() -> None:
    on_time, buckets_on_time = _fold(_events())
    events = _events()
    late = [*events[:2], *events[3:], events[2]]  # day 2's -10 arrives after day 4
    state, buckets = _fold(late)
    assert pair_summary(state, buckets).change == pair_summary(on_time, buckets_on_time).change
    at_day_3 = T0 + timedelta(days=3)
    assert figures_at(buckets, at_day_3, HALF_LIFE).tension == pytest.approx(
        figures_at(buckets_on_time, at_day_3, HALF_LIFE).tension)


def test_points_survive_the_table_round_trip() -> None:
    _, buckets = _fold(_events())
    raw = [bucket.model_dump(mode="json") for bucket in buckets]
    again = [DayBucket.model_validate(item) for item in raw]
    when = T0 + timedelta(days=5)
    assert figures_at(again, when, HALF_LIFE) == figures_at(buckets, when, HALF_LIFE)


def test_states_written_with_daily_closes_still_load() -> None:
    state, _ = _fold(_events())
    raw = state.model_dump(mode="json")
    raw["closes"] = [{"day": "2024-05-01", "at": "2024-05-01T12:00:00+00:00",
                      "tension": 4.0, "cooperation": 3.0}]
    assert DyadState.model_validate(raw) == state
