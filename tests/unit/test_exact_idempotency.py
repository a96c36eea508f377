"""Each table idempotent on its own, exactly within the history window (issue 15, pure)."""

from __future__ import annotations

from streams.state.history import bucket_key
from streams.state.ledger import MemoryLedger, fold_event
from streams.state.policy import AggregationPolicy
from tests.unit.factories import make_event

POLICY = AggregationPolicy(seen_ids_kept=5)


def test_an_old_event_the_day_bucket_holds_is_a_duplicate_beyond_the_state_memory() -> None:
    ledger = MemoryLedger()
    first = make_event(article_id="old")
    fold_event(ledger, first, POLICY)
    for n in range(20):  # more events than the state remembers
        fold_event(ledger, make_event(article_id=f"n{n}", root=f"{n % 9 + 1:02d}", days=1), POLICY)
    before = ledger.states["PAK-RUS"].model_copy(deep=True)
    assert fold_event(ledger, first, POLICY).outcome == "duplicate"
    assert ledger.states["PAK-RUS"] == before


def test_a_lost_bucket_write_is_repaired_by_the_redelivered_event() -> None:
    ledger = MemoryLedger()
    event = make_event()
    fold_event(ledger, event, POLICY)
    assert event.event_time is not None
    key = bucket_key("PAK-RUS", event.event_time.date())
    kept = ledger.buckets.pop(key)  # the worker died after the state's write
    assert fold_event(ledger, event, POLICY).outcome == "duplicate"
    # the repaired day equals the lost one, but for the point's first-of-article/outlet flags
    # (no longer known after the crash; see streams.state.ledger.fold_event)
    repaired = ledger.buckets[key]
    assert repaired.model_dump(exclude={"points"}) == kept.model_dump(exclude={"points"})
    assert [p[:2] for p in repaired.points] == [p[:2] for p in kept.points]
    fold_event(ledger, event, POLICY)
    assert ledger.buckets[key] == repaired  # the bucket is idempotent on its own


def _totals(ledger: MemoryLedger) -> dict[str, tuple[object, ...]]:
    return {pair: (s.events, s.mentions, s.a_to_b.events, s.b_to_a.events, s.a_to_b.by_root,
                   s.b_to_a.by_root, s.article_count)
            for pair, s in ledger.states.items()}


def test_the_same_reports_give_the_same_counts_in_any_order() -> None:
    reports = [
        make_event(article_id="x"), make_event(article_id="y"),  # one act, two reports
        make_event(root="13", article_id="z", days=10),  # a later event of the pair
        make_event(source="JPN", target="CHN", article_id="a", sentence_index=0),
        make_event(source="JPN", target="CHN", article_id="a", sentence_index=1),
        make_event(source="JPN", target="CHN", article_id="b"),
    ]
    orders = [reports, list(reversed(reports)), [reports[2], reports[5], *reports[:2],
                                                 *reports[3:5]]]
    results = []
    for order in orders:
        ledger = MemoryLedger()
        for event in order:
            fold_event(ledger, event, AggregationPolicy())
        results.append(_totals(ledger))
    assert results[0] == results[1] == results[2]
    assert results[0]["PAK-RUS"][:2] == (2, 3) and results[0]["CHN-JPN"][:2] == (2, 3)
