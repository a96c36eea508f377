from __future__ import annotations

import itertools

import pytest

from streams.aggregate import AggregationPolicy, apply_event, decay_factor, new_state
from tests.unit.factories import make_event

POLICY = AggregationPolicy(half_life_days=7.0, recent_events_kept=3)


def test_counts_by_direction_quad_and_root() -> None:
    state = new_state("PAK-RUS")
    apply_event(state, make_event("RUS", "PAK"), POLICY)
    apply_event(state, make_event("PAK", "RUS", root="02", goldstein=3.0, quad=1,
                                  sentence_index=1), POLICY)
    assert state.events == 2
    assert state.b_to_a.events == 1 and state.b_to_a.by_root == {"12": 1}
    assert state.a_to_b.by_quad == {"1": 1}
    assert state.tension == pytest.approx(4.0) and state.cooperation == pytest.approx(3.0)
    assert state.net == pytest.approx(-1.0) and state.goldstein_mean == pytest.approx(-0.5)


def test_redelivered_event_changes_nothing() -> None:
    state = new_state("PAK-RUS")
    event = make_event()
    assert apply_event(state, event, POLICY) is True
    before = state.model_dump()
    assert apply_event(state, event, POLICY) is False
    assert state.model_dump() == before


def test_tension_halves_after_one_half_life_of_event_time() -> None:
    state = new_state("PAK-RUS")
    apply_event(state, make_event(days=0), POLICY)
    apply_event(state, make_event(days=7, sentence_index=1, goldstein=-0.0001), POLICY)
    assert state.tension == pytest.approx(2.0 + 0.0001)
    assert decay_factor(7 * 86_400, 7.0) == pytest.approx(0.5)


def test_any_order_of_events_gives_the_same_indexes() -> None:
    events = [make_event(days=d, sentence_index=i, goldstein=g)
              for i, (d, g) in enumerate([(0, -4.0), (3, -2.0), (10, 5.0), (1, -10.0)])]
    results = set()
    for order in itertools.permutations(events):
        state = new_state("PAK-RUS")
        for event in order:
            apply_event(state, event, POLICY)
        results.add((round(state.tension, 9), round(state.cooperation, 9), state.events))
    assert len(results) == 1


def test_recent_events_are_bounded_and_articles_counted_once() -> None:
    state = new_state("PAK-RUS")
    for i in range(5):
        apply_event(state, make_event(sentence_index=i, article_id=f"a{i % 2}"), POLICY)
    assert len(state.recent_events) == 3 and state.recent_events[-1].evidence.sentence_index == 4
    assert state.article_count == 2


def test_event_of_another_pair_is_refused() -> None:
    with pytest.raises(ValueError, match="IND-PAK"):
        apply_event(new_state("IND-PAK"), make_event(), POLICY)
