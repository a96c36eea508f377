"""Pure daily history: the ``dyad-days`` tumbling windows and changes over a window.

Record shape of the ``dyad-days`` table (key ``PAIR@YYYY-MM-DD``)::

    {"pair": "PAK-RUS", "day": "2024-05-01", "events": 4, "mentions": 5, "a_to_b": 0,
     "b_to_a": 4, "tension": 16.0, "cooperation": 0.0, "net": -16.0, "by_quad": {"3": 4},
     "points": [[30600.0, -4.0, 6], ...]}

``points``: every report of the day, for point-in-time reads (``streams.state.pointintime``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from schemas.models import DayBucket, DyadState, RelationEvent
from streams.state.aggregate import Applied, Outcome
from streams.state.pointintime import add_point

__all__ = ["add_to_bucket", "bucket_key", "history_rows"]


def bucket_key(pair: str, day: date) -> str:
    """The ``dyad-days`` key of one pair and day: ``PAK-RUS@2024-05-01``."""
    return f"{pair}@{day.isoformat()}"


def add_to_bucket(bucket: DayBucket, event: RelationEvent, applied: Applied, a: str) -> None:
    """Count one report in its day (and keep it as a point); a counted event also moves the
    day's sums."""
    bucket.mentions += 1
    counted = applied.outcome == Outcome.COUNTED
    add_point(bucket, event, counted, a, (applied.new_article, applied.new_source))
    if not counted:
        return
    bucket.events += 1
    if event.source == a:
        bucket.a_to_b += 1
    else:
        bucket.b_to_a += 1
    if event.goldstein < 0:
        bucket.tension += -event.goldstein
    elif event.goldstein > 0:
        bucket.cooperation += event.goldstein
    bucket.net = bucket.cooperation - bucket.tension
    quad = str(event.quad_class)
    bucket.by_quad[quad] = bucket.by_quad.get(quad, 0) + 1


def history_rows(state: DyadState, days: int,
                 bucket_for: Callable[[date], DayBucket | None]) -> dict[str, Any]:
    """The last ``days`` days of a pair up to its latest event day, zeros filled, ascending."""
    rows: list[dict[str, Any]] = []
    as_of = state.day
    if as_of is not None:
        for offset in range(days - 1, -1, -1):
            day = as_of - timedelta(days=offset)
            bucket = bucket_for(day) or DayBucket(pair=state.pair, day=day)
            rows.append(bucket.model_dump(mode="json", exclude={"pair", "points"}))
    return {"pair": state.pair, "a": state.a, "b": state.b, "days": days,
            "as_of": as_of.isoformat() if as_of else None, "history": rows}
