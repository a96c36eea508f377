"""Pure aggregation of relation events into per-pair state (no Faust, no Kafka).

Indexes decay on *event time*, never wall-clock time, so replaying the log gives the same
state: each index is expressed at ``decay_reference`` (the latest event time seen) and an
older event enters already decayed. Applying events in any order gives the same sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from schemas.models import DirectedCounts, DyadState, RelationEvent

__all__ = ["AggregationPolicy", "apply_event", "decay_factor", "new_state"]

SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class AggregationPolicy:
    """How state is kept: decay half-life and how much history each pair remembers."""

    half_life_days: float = 7.0
    recent_events_kept: int = 10
    seen_ids_kept: int = 2_000


def new_state(pair: str) -> DyadState:
    """An empty state for the unordered pair key ``A-B``."""
    a, b = pair.split("-")
    return DyadState(pair=pair, a=a, b=b)


def decay_factor(elapsed_seconds: float, half_life_days: float) -> float:
    """The weight left after ``elapsed_seconds`` for the half-life."""
    return float(0.5 ** (elapsed_seconds / (half_life_days * SECONDS_PER_DAY)))


def _add_decayed(state: DyadState, when: datetime | None, goldstein: float,
                 half_life_days: float) -> None:
    reference = state.decay_reference
    if when is not None and (reference is None or when > reference):
        if reference is not None:
            factor = decay_factor((when - reference).total_seconds(), half_life_days)
            state.tension *= factor
            state.cooperation *= factor
        state.decay_reference = when
        weight = 1.0
    elif when is not None and reference is not None:
        weight = decay_factor((reference - when).total_seconds(), half_life_days)
    else:
        weight = 1.0
    if goldstein < 0:
        state.tension += -goldstein * weight
    elif goldstein > 0:
        state.cooperation += goldstein * weight
    state.net = state.cooperation - state.tension


def _count_direction(counts: DirectedCounts, event: RelationEvent) -> None:
    counts.events += 1
    quad = str(event.quad_class)
    counts.by_quad[quad] = counts.by_quad.get(quad, 0) + 1
    counts.by_root[event.root_code] = counts.by_root.get(event.root_code, 0) + 1
    counts.goldstein_sum += event.goldstein


def _remember(items: list[str], item: str, keep: int) -> None:
    items.append(item)
    if len(items) > keep:
        del items[: len(items) - keep]


def apply_event(state: DyadState, event: RelationEvent, policy: AggregationPolicy) -> bool:
    """Fold one event into ``state`` in place; False (and no change) if already applied."""
    if event.pair != state.pair:
        raise ValueError(f"event for {event.pair} applied to the state of {state.pair}")
    if event.event_id in state.seen_event_ids:
        return False
    _remember(state.seen_event_ids, event.event_id, policy.seen_ids_kept)
    direction = state.a_to_b if event.source == state.a else state.b_to_a
    _count_direction(direction, event)
    state.events += 1
    state.goldstein_sum += event.goldstein
    state.goldstein_mean = state.goldstein_sum / state.events
    _add_decayed(state, event.event_time, event.goldstein, policy.half_life_days)
    if event.event_time is not None and (
        state.last_event_time is None or event.event_time > state.last_event_time
    ):
        state.last_event_time = event.event_time
    if event.article_id not in state.seen_article_ids:
        state.article_count += 1
        _remember(state.seen_article_ids, event.article_id, policy.seen_ids_kept)
    if policy.recent_events_kept:
        state.recent_events.append(event)
        del state.recent_events[: max(0, len(state.recent_events) - policy.recent_events_kept)]
    return True
