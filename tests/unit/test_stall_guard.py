"""The stall guard's decision (streams.kafka.stall.StallGuard): pure, no broker."""

from __future__ import annotations

from streams.kafka.stall import StallGuard

TP = ("articles", 0)


def test_a_gap_that_stays_while_no_agent_works_is_fetched_again_from_the_first_unhandled() -> None:
    guard = StallGuard(after_s=30)
    assert guard.check({TP: 299}, {TP: 31}, {TP: 32}, busy=False, now=0) == []
    assert guard.check({TP: 299}, {TP: 31}, {TP: 32}, busy=False, now=29) == []
    assert guard.check({TP: 299}, {TP: 31}, {TP: 32}, busy=False, now=30) == [(TP, 32)]


def test_nothing_handled_yet_starts_from_the_committed_offset_or_the_beginning() -> None:
    guard = StallGuard(after_s=10)
    guard.check({TP: 299}, {}, {TP: 40}, busy=False, now=0)
    assert guard.check({TP: 299}, {}, {TP: 40}, busy=False, now=10) == [(TP, 40)]
    other = StallGuard(after_s=10)
    other.check({TP: 299}, {}, {}, busy=False, now=0)
    assert other.check({TP: 299}, {}, {TP: None}, busy=False, now=10) == [(TP, 0)]


def test_progress_a_busy_agent_or_no_gap_resets_the_clock() -> None:
    guard = StallGuard(after_s=10)
    guard.check({TP: 299}, {TP: 31}, {}, busy=False, now=0)
    assert guard.check({TP: 299}, {TP: 60}, {}, busy=False, now=10) == []  # handled moved on
    assert guard.check({TP: 299}, {TP: 60}, {}, busy=True, now=25) == []  # a batch in flight
    assert guard.check({TP: 299}, {TP: 60}, {}, busy=False, now=26) == []  # the clock restarts
    assert guard.check({TP: 299}, {TP: 299}, {}, busy=False, now=100) == []  # all handled
    assert guard.check({TP: None}, {}, {}, busy=False, now=200) == []  # nothing delivered
