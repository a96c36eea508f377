"""Pure point-in-time figures of a pair, from its day buckets (no Faust, no Kafka).

Each ``dyad-days`` bucket keeps every report of its day as a point ``(seconds after 00:00
UTC, Goldstein, flags)`` in time order (``add_point``). The figures of a pair *as of* a time
``T`` count only the points with an event time at or before ``T``, their indexes decayed to
``T`` (``figures_at``); ``tension_change`` is the tension at ``T`` minus the tension at
``T - window``, both computed that way. Points are summed in event-time order, so the result
does not depend on the order the events arrived in: a late event revises the day it belongs
to, and every figure computed after it.

Only the days the bucket table keeps (``DYADWATCH_HISTORY_DAYS``) count; with the default 90
days and a 7-day half-life an older day weighs less than 2**-12 of its value.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from schemas.models import DayBucket, RelationEvent
from streams.state.decay import SECONDS_PER_DAY

__all__ = ["FLAG_ARTICLE", "FLAG_A_TO_B", "FLAG_B_TO_A", "FLAG_SOURCE", "Figures", "add_point",
           "day_start", "figures_at", "tension_change"]

FLAG_A_TO_B, FLAG_B_TO_A, FLAG_ARTICLE, FLAG_SOURCE = 1, 2, 4, 8
_COUNTED = FLAG_A_TO_B | FLAG_B_TO_A


def day_start(day: date) -> datetime:
    """00:00 UTC of ``day``."""
    return datetime.combine(day, time(), UTC)


def add_point(bucket: DayBucket, event: RelationEvent, counted: bool, a: str,
              new: tuple[bool, bool]) -> None:
    """Keep one report of the bucket's day as a point, in time order.

    ``counted``: the report counts as a distinct event (direction from ``a``); ``new``:
    (first report from its article, first from its outlet) in the pair."""
    if event.event_time is None:
        return
    seconds = (event.event_time - day_start(bucket.day)).total_seconds()
    flags = (FLAG_A_TO_B if event.source == a else FLAG_B_TO_A) if counted else 0
    flags |= (FLAG_ARTICLE if new[0] else 0) | (FLAG_SOURCE if new[1] else 0)
    bisect.insort(bucket.points, (seconds, event.goldstein, flags))


@dataclass(slots=True)
class Figures:
    """A pair's figures at ``at``: counts of the reports up to it, indexes decayed to it."""

    at: datetime
    events: int = 0
    mentions: int = 0
    a_to_b: int = 0
    b_to_a: int = 0
    articles: int = 0
    sources: int = 0
    goldstein_sum: float = 0.0
    tension: float = 0.0
    cooperation: float = 0.0
    last_event_time: datetime | None = None

    @property
    def net(self) -> float:
        """cooperation - tension."""
        return self.cooperation - self.tension

    @property
    def goldstein_mean(self) -> float:
        """Mean Goldstein score of the events counted (0 if none)."""
        return self.goldstein_sum / self.events if self.events else 0.0


def _points_until(buckets: Iterable[DayBucket],
                  when: datetime) -> Iterator[tuple[float, DayBucket, float, float, int]]:
    """(seconds before ``when``, bucket, seconds after its 00:00, Goldstein, flags) of every
    point at or before ``when``, in time order (seconds counted within each day, exactly as
    stored)."""
    for bucket in sorted(buckets, key=lambda item: item.day):
        until = (when - day_start(bucket.day)).total_seconds()
        if until < 0:
            return
        for seconds, goldstein, flags in bucket.points:
            if seconds > until:
                break
            yield until - seconds, bucket, seconds, goldstein, flags


def figures_at(buckets: Iterable[DayBucket], when: datetime,
               half_life_days: float) -> Figures:
    """The figures of the pair whose day buckets are ``buckets``, as of ``when``."""
    figures, last = Figures(at=when), None
    half_life_s = half_life_days * SECONDS_PER_DAY
    for before, bucket, seconds, goldstein, flags in _points_until(buckets, when):
        figures.mentions += 1
        figures.articles += bool(flags & FLAG_ARTICLE)
        figures.sources += bool(flags & FLAG_SOURCE)
        last = bucket.day, seconds
        if not flags & _COUNTED:
            continue
        figures.events += 1
        figures.a_to_b += bool(flags & FLAG_A_TO_B)
        figures.b_to_a += bool(flags & FLAG_B_TO_A)
        figures.goldstein_sum += goldstein
        weight = 0.5 ** (before / half_life_s)
        if goldstein < 0:
            figures.tension += -goldstein * weight
        elif goldstein > 0:
            figures.cooperation += goldstein * weight
    if last is not None:
        figures.last_event_time = day_start(last[0]) + timedelta(seconds=last[1])
    return figures


def _tension_at(buckets: Iterable[DayBucket], when: datetime, half_life_days: float) -> float:
    half_life_s, tension = half_life_days * SECONDS_PER_DAY, 0.0
    for before, _, _, goldstein, flags in _points_until(buckets, when):
        if flags & _COUNTED and goldstein < 0:
            tension += -goldstein * 0.5 ** (before / half_life_s)
    return tension


def tension_change(buckets: Iterable[DayBucket], end: datetime | None, window_days: float,
                   half_life_days: float) -> float:
    """Rise of the tension index over the ``window_days`` before ``end`` (0 without ``end``)."""
    if end is None:
        return 0.0
    kept = list(buckets)
    start = end - timedelta(days=window_days)
    return _tension_at(kept, end, half_life_days) - _tension_at(kept, start, half_life_days)
