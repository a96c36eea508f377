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

from schemas.digests import fingerprint, remember
from schemas.models import DayBucket, DyadState, RelationEvent
from streams.state.pointintime import add_point

__all__ = ["BUCKET_IDS_KEPT", "add_to_bucket", "bucket_holds", "bucket_key", "counts_in_day",
           "history_rows"]

BUCKET_IDS_KEPT = 20_000  # event fingerprints one pair's day remembers (180 KB at most)
INTERNAL = {"pair", "coder_version", "event_digests", "reports", "points"}  # kept for us, not shown


def bucket_key(pair: str, day: date) -> str:
    """The ``dyad-days`` key of one pair and day: ``PAK-RUS@2024-05-01``."""
    return f"{pair}@{day.isoformat()}"


def bucket_holds(bucket: DayBucket | None, event: RelationEvent) -> bool:
    """True if ``bucket`` already counted ``event`` (same event id, same coder version)."""
    return (bucket is not None and bucket.coder_version == event.coder_version
            and fingerprint(event.event_id) in bucket.event_digests)


def _act(event: RelationEvent) -> str:
    return f"{event.source}>{event.target}:{event.root_code}"


def counts_in_day(bucket: DayBucket | None, event: RelationEvent) -> bool:
    """Whether a new report counts as an event rather than a mention, by its day alone: an
    act (source, target, root) counts as many times as the one article that reports it most
    often (each sentence of it), whatever order the reports come in."""
    if bucket is None or bucket.coder_version != event.coder_version:
        return True
    reports = bucket.reports.get(_act(event), {})
    mine = reports.get(fingerprint(event.article_id), 0)
    return mine + 1 > max(reports.values(), default=0)


def add_to_bucket(bucket: DayBucket, event: RelationEvent, counted: bool, a: str,
                  firsts: tuple[bool, bool] = (False, False)) -> bool:
    """Count one report in its day (and keep it as a point, ``firsts``: first of its article,
    first of its outlet); a counted event also moves the day's sums. The bucket remembers the
    event's id: False (nothing moves) if it already holds it."""
    if bucket.coder_version and bucket.coder_version != event.coder_version:
        fresh = DayBucket(pair=bucket.pair, day=bucket.day)  # another coder's day: start over
        for name in DayBucket.model_fields:
            setattr(bucket, name, getattr(fresh, name))
    bucket.coder_version = event.coder_version
    digests = remember(bucket.event_digests, fingerprint(event.event_id), BUCKET_IDS_KEPT)
    if digests is None:
        return False
    bucket.event_digests = digests
    reports = bucket.reports.setdefault(_act(event), {})
    article = fingerprint(event.article_id)
    reports[article] = reports.get(article, 0) + 1
    add_point(bucket, event, counted, a, firsts)
    _count_in_bucket(bucket, event, counted, a)
    return True


def _count_in_bucket(bucket: DayBucket, event: RelationEvent, counted: bool, a: str) -> None:
    bucket.mentions += 1
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
            rows.append(bucket.model_dump(mode="json", exclude=INTERNAL))
    return {"pair": state.pair, "a": state.a, "b": state.b, "days": days,
            "as_of": as_of.isoformat() if as_of else None, "history": rows}
