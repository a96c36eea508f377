from __future__ import annotations

import itertools

import pytest

from schemas.digests import fingerprint, ring_entries
from streams.state.aggregate import AggregationPolicy, Outcome, apply_event, decay_factor, new_state
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
    assert apply_event(state, event, POLICY).outcome is Outcome.COUNTED
    before = state.model_dump()
    assert apply_event(state, event, POLICY).outcome is Outcome.DUPLICATE
    assert state.model_dump() == before


def test_same_event_from_other_articles_is_a_mention_not_a_new_event() -> None:
    state = new_state("PAK-RUS")
    outcomes = [apply_event(state, make_event(article_id=f"a{i}", article_source=f"s{i % 2}"),
                            POLICY).outcome for i in range(3)]
    assert outcomes == [Outcome.COUNTED, Outcome.MENTION, Outcome.MENTION]
    assert state.events == 1 and state.tension == pytest.approx(4.0)
    assert state.mentions == 3 and state.article_count == 3 and state.source_count == 2
    record = next(iter(state.mention_records.values()))
    assert (record.mentions, record.articles, record.sources) == (3, 3, 2)


def test_one_article_reporting_several_acts_counts_each() -> None:
    state = new_state("PAK-RUS")
    for i in range(3):
        apply_event(state, make_event(sentence_index=i), POLICY)
    assert state.events == 3 and state.tension == pytest.approx(12.0)


def test_another_day_or_root_is_another_event() -> None:
    state = new_state("PAK-RUS")
    apply_event(state, make_event(article_id="a1"), POLICY)
    apply_event(state, make_event(article_id="a2", days=1), POLICY)
    apply_event(state, make_event(article_id="a3", root="11", goldstein=-2.0), POLICY)
    assert state.events == 3 and state.mentions == 3


def test_tension_halves_after_one_half_life_of_event_time() -> None:
    state = new_state("PAK-RUS")
    apply_event(state, make_event(days=0), POLICY)
    apply_event(state, make_event(days=7, sentence_index=1, goldstein=-0.0001), POLICY)
    assert state.tension == pytest.approx(2.0 + 0.0001)
    assert decay_factor(7 * 86_400, 7.0) == pytest.approx(0.5)


def test_any_order_of_distinct_events_gives_the_same_indexes() -> None:
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
        apply_event(state, make_event(sentence_index=i, article_id=f"a{i % 2}", days=i), POLICY)
    assert len(state.recent_events) == 3 and state.recent_events[-1].evidence.sentence_index == 4
    assert state.article_count == 2


def test_event_of_another_pair_is_refused() -> None:
    with pytest.raises(ValueError, match="IND-PAK"):
        apply_event(new_state("IND-PAK"), make_event(), POLICY)


def test_history_days_expire_behind_the_latest_event() -> None:
    policy = AggregationPolicy(history_days=5)
    state = new_state("PAK-RUS")
    assert apply_event(state, make_event(days=0), policy).day is not None
    applied = apply_event(state, make_event(days=7, sentence_index=1), policy)
    assert [d.isoformat() for d in applied.dropped_days] == ["2024-05-01"]
    assert [d.isoformat() for d in state.history_days] == ["2024-05-08"]
    late = apply_event(state, make_event(days=1, sentence_index=2), policy)
    assert late.outcome is Outcome.COUNTED and late.day is None  # counted, but no history day


def test_mention_records_are_bounded_by_their_window() -> None:
    policy = AggregationPolicy(mention_window_days=2)
    state = new_state("PAK-RUS")
    for day in range(10):
        apply_event(state, make_event(days=day, sentence_index=day), policy)
    assert len(state.mention_records) == 3


def test_a_sharp_rise_within_a_day_raises_one_alert() -> None:
    policy = AggregationPolicy(alert_tension_rise=10.0)
    state = new_state("PAK-RUS")
    apply_event(state, make_event(days=-1, goldstein=-8.0), policy)  # yesterday: no alert
    alerts = [apply_event(state, make_event(days=0.1 * i, sentence_index=i + 1), policy).alert
              for i in range(5)]
    raised = [alert for alert in alerts if alert is not None]
    assert len(raised) == 1 and alerts[2] is raised[0]
    alert = raised[0]
    assert alert.alert_id == "PAK-RUS@2024-05-01" and alert.change > 10.0
    assert alert.tension_before == pytest.approx(8.0 * decay_factor(86_400, 7.0))
    assert [e.evidence.sentence_index for e in alert.events] == [1, 2, 3]


def test_no_alert_when_disabled_or_below_threshold() -> None:
    for threshold in (0.0, 100.0):
        state = new_state("PAK-RUS")
        policy = AggregationPolicy(alert_tension_rise=threshold)
        assert all(apply_event(state, make_event(sentence_index=i, goldstein=-10.0), policy).alert
                   is None for i in range(5))


def test_newer_coder_version_supersedes_the_pair_and_older_is_ignored() -> None:
    state = new_state("PAK-RUS")
    apply_event(state, make_event(coder_version_="dyadwatch-coder/0.1.0"), POLICY)
    newer = make_event(sentence_index=1, goldstein=5.0, root="05", quad=1,
                       coder_version_="dyadwatch-coder/0.2.0")
    applied = apply_event(state, newer, POLICY)
    assert applied.outcome is Outcome.COUNTED and [d.isoformat() for d in applied.dropped_days] == [
        "2024-05-01"]
    assert state.events == 1 and state.tension == 0.0 and state.cooperation == 5.0
    old = make_event(sentence_index=2, coder_version_="dyadwatch-coder/0.1.9")
    assert apply_event(state, old, POLICY).outcome is Outcome.SUPERSEDED
    assert state.coder_version == "dyadwatch-coder/0.2.0" and state.events == 1


def test_event_and_article_memories_are_bounded_rings() -> None:
    policy = AggregationPolicy(seen_ids_kept=4, articles_kept=2)
    state = new_state("PAK-RUS")
    events = [make_event(sentence_index=i, article_id=f"a{i}", days=i) for i in range(6)]
    for event in events:
        assert apply_event(state, event, policy).outcome is Outcome.COUNTED
    assert ring_entries(state.seen_event_digests) == [fingerprint(e.event_id) for e in events[2:]]
    assert ring_entries(state.seen_article_digests) == [fingerprint("a4"), fingerprint("a5")]
    assert apply_event(state, events[5], policy).outcome is Outcome.DUPLICATE
    assert apply_event(state, events[0], policy).outcome is Outcome.COUNTED  # forgotten: new again
    assert state.article_count == 7  # a0 fell out of the article ring, so it counts again


def test_an_article_reporting_several_events_counts_once() -> None:
    state = new_state("PAK-RUS")
    for i in range(3):
        apply_event(state, make_event(sentence_index=i, article_id="a1"), POLICY)
    apply_event(state, make_event(sentence_index=3, article_id="a2", days=1), POLICY)
    assert state.events == 4 and state.article_count == 2
    assert ring_entries(state.seen_article_digests) == [fingerprint("a1"), fingerprint("a2")]
