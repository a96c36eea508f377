"""Pure alert rule: a pair's tension index rising too fast within one (event-time) day.

The rise is measured against the index at 00:00 UTC of the event's day (the latest index
before that day, decayed to midnight), so a replay of the log raises the same alerts.
At most one alert per pair and day (its id is ``PAIR@DAY``).
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from schemas.models import DyadAlert, DyadState, RelationEvent
from streams.state.decay import decay_factor

__all__ = ["check_alert", "roll_day"]


def roll_day(state: DyadState, when: datetime, half_life_days: float) -> None:
    """Move the state to the day of ``when`` if it is later, remembering the day's start."""
    day = when.date()
    if state.day is not None and day <= state.day:
        return
    midnight = datetime.combine(day, time(0), tzinfo=UTC)
    tension = state.tension
    reference = state.decay_reference
    if reference is not None and reference < midnight:
        tension *= decay_factor((midnight - reference).total_seconds(), half_life_days)
    state.day = day
    state.day_start_tension = tension
    state.day_tension_events = []


def check_alert(state: DyadState, event: RelationEvent, threshold: float,
                events_kept: int) -> DyadAlert | None:
    """After a counted event: the alert, if the day's rise passed ``threshold`` just now."""
    if event.event_time is None or event.event_time.date() != state.day:
        return None
    if event.goldstein < 0:
        state.day_tension_events.append(event)
        del state.day_tension_events[: max(0, len(state.day_tension_events) - events_kept)]
    change = state.tension - state.day_start_tension
    if threshold <= 0 or state.alerted_day == state.day or change <= threshold:
        return None
    state.alerted_day = state.day
    return DyadAlert(
        alert_id=f"{state.pair}@{state.day.isoformat()}", pair=state.pair, a=state.a, b=state.b,
        day=state.day, tension_before=state.day_start_tension, tension_after=state.tension,
        change=change, threshold=threshold, event_time=event.event_time,
        events=list(state.day_tension_events),
    )
