"""Pure listing filters of ``/dyads`` and ``/countries/{A}``: quad, time range, order, paging;
and a pair's alerts read back from its day buckets (no Faust, no Kafka).

A time range (``since`` inclusive, ``until`` exclusive; a bare date as ``until`` includes its
day, as ``/events``) selects whole UTC days of the ``dyad-days`` buckets: a pair is listed when
it has an event on a day of the range (of quad ``quad`` if given), and its figures are
expressed as of the end of the range (``until``, unless ``as_of`` is given), so a pair's row
and its detail asked at the listing's ``as_of`` show the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from schemas.models import DayBucket, DyadState
from streams.exceptions import BadQuery
from streams.state.decay import SECONDS_PER_DAY
from streams.state.pointintime import FLAG_A_TO_B, FLAG_B_TO_A, day_start
from streams.web.queries import parse_int

__all__ = ["RowFilter", "alerts_from_buckets", "page_rows", "parse_row_filter", "parse_when",
           "range_figures"]

_COUNTED = FLAG_A_TO_B | FLAG_B_TO_A
_ORDERS = ("desc", "asc")


def parse_when(name: str, value: str | None, *, end: bool) -> datetime | None:
    """An ISO 8601 date or time (UTC if no offset), or None; a bare date as an ``end`` means
    the start of the next day (its whole day included). Raises ``BadQuery``."""
    if not value:
        return None
    try:
        if len(value) == 10:
            moment = datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
            return moment + timedelta(days=1) if end else moment
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadQuery(f"{name} must be an ISO 8601 date or time, got {value[:40]!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class RowFilter:
    """Which pairs a listing keeps: of ``quad`` (1-4) and/or with an event on a UTC day of
    [``since``, ``until``); ``descending`` order and the page (``offset``, ``limit``)."""

    quad: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    descending: bool = True
    offset: int = 0
    limit: int | None = None

    @property
    def ranged(self) -> bool:
        """True when a time range or a quad filter is given (rows then carry ``range``)."""
        return self.since is not None or self.until is not None or self.quad is not None

    def as_of(self, given: datetime | None) -> datetime | None:
        """The time the rows are expressed at: ``given``, else just before ``until``."""
        if given is not None or self.until is None:
            return given
        return self.until - timedelta(microseconds=1)

    def remote(self) -> dict[str, str]:
        """The filter as query parameters for another worker's ``local=1`` listing."""
        params = {"quad": str(self.quad) if self.quad else None,
                  "since": self.since.isoformat() if self.since else None,
                  "until": self.until.isoformat() if self.until else None}
        return {key: value for key, value in params.items() if value is not None}

    def days(self, day: date) -> bool:
        """Whether the UTC ``day`` lies in the range."""
        if self.since is not None and day_start(day) + timedelta(days=1) <= self.since:
            return False
        return self.until is None or day_start(day) < self.until


def parse_row_filter(query: Mapping[str, str], limit: int | None) -> RowFilter:
    """The filter of a listing request (``quad`` 1-4, ``since``, ``until``, ``order``
    asc|desc, ``offset`` 0-1,000,000); raises ``BadQuery`` naming a malformed one."""
    order = query.get("order") or "desc"
    if order not in _ORDERS:
        raise BadQuery(f"order must be asc or desc, got {order[:40]!r}")
    quad = parse_int("quad", query.get("quad"), 0, 1, 4) if query.get("quad") else None
    since = parse_when("since", query.get("since"), end=False)
    until = parse_when("until", query.get("until"), end=True)
    if since is not None and until is not None and since >= until:
        raise BadQuery("since must be before until")
    offset = parse_int("offset", query.get("offset"), 0, 0, 1_000_000)
    return RowFilter(quad, since, until, order == "desc", offset, limit)


def range_figures(state: DyadState, buckets: Iterable[DayBucket],
                  row_filter: RowFilter) -> dict[str, Any] | None:
    """``{"since", "until", "events", "mentions", "by_quad"}`` of the pair over the range's
    days (all kept days without a range), or None if it has no event there (of ``quad``)."""
    if row_filter.since is None and row_filter.until is None:
        by_quad = dict(state.a_to_b.by_quad)
        for quad, count in state.b_to_a.by_quad.items():
            by_quad[quad] = by_quad.get(quad, 0) + count
        events, mentions = state.events, state.mentions
    else:
        events = mentions = 0
        by_quad = {}
        for bucket in buckets:
            if row_filter.days(bucket.day):
                events, mentions = events + bucket.events, mentions + bucket.mentions
                for quad, count in bucket.by_quad.items():
                    by_quad[quad] = by_quad.get(quad, 0) + count
    wanted = by_quad.get(str(row_filter.quad), 0) if row_filter.quad else events
    if not wanted:
        return None
    return {"since": row_filter.since.isoformat() if row_filter.since else None,
            "until": row_filter.until.isoformat() if row_filter.until else None,
            "events": events, "mentions": mentions, "by_quad": dict(sorted(by_quad.items()))}


def page_rows(rows: list[dict[str, Any]], sort: str,
              row_filter: RowFilter) -> list[dict[str, Any]]:
    """Rows sorted by ``sort`` (descending unless asked; ties by pair), then the page."""
    sign = -1 if row_filter.descending else 1
    ordered = sorted(rows, key=lambda row: (sign * row[sort], row["pair"]))
    end = None if row_filter.limit is None else row_filter.offset + row_filter.limit
    return ordered[row_filter.offset:end]


def alerts_from_buckets(buckets: Iterable[DayBucket], threshold: float,
                        half_life_days: float) -> list[dict[str, Any]]:
    """The pair's tension alerts, newest day first, read back from its day buckets' points
    with the rule of ``streams.state.alerts``: the first report of a day at which the tension
    index exceeds its value at 00:00 (decayed) by more than ``threshold``. Each
    ``{"day", "event_time", "tension_before", "tension_after", "change", "threshold"}``."""
    if threshold <= 0:
        return []
    half_life_s = half_life_days * SECONDS_PER_DAY
    tension, at, found = 0.0, None, []
    for bucket in sorted(buckets, key=lambda item: item.day):
        midnight = day_start(bucket.day)
        start = tension * 0.5 ** ((midnight - at).total_seconds() / half_life_s) if at else 0.0
        tension, at, alerted = start, midnight, False
        for seconds, goldstein, flags in bucket.points:
            moment = midnight + timedelta(seconds=seconds)
            tension *= 0.5 ** ((moment - at).total_seconds() / half_life_s)
            at = moment
            if flags & _COUNTED and goldstein < 0:
                tension += -goldstein
            if not alerted and tension - start > threshold:
                alerted = True
                found.append({"day": bucket.day.isoformat(), "event_time": moment.isoformat(),
                              "tension_before": round(start, 4), "tension_after": round(tension, 4),
                              "change": round(tension - start, 4), "threshold": threshold})
    return found[::-1]
