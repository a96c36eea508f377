"""Which events a query or an export wants, as SQL over the ``events`` view, with cursor paging.

One ``EventFilter`` serves ``GET /events`` (parsed from query parameters by ``parse_filter``)
and ``dyadwatch export`` (built from options through the same parser). Order: newest first by
``event_time``, ties by ``event_id`` descending; a cursor is the last row's (time, id),
base64url-encoded, and the next page starts strictly after it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from streams.countries import resolve_country, resolve_pair_text
from streams.exceptions import BadQuery

__all__ = ["FILTER_PARAMS", "MAX_PAGE", "EventFilter", "encode_cursor", "parse_filter"]

MAX_PAGE = 1000
FILTER_PARAMS = ("country", "pair", "source", "target", "since", "until", "root", "quad",
                 "min_confidence", "q")
_ROOT = re.compile(r"^\d{2}$")


@dataclass(frozen=True)
class EventFilter:
    """A conjunction of conditions as SQL (``where``, with ``?`` placeholders) and ``params``."""

    conditions: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()
    limit: int | None = None
    after: tuple[datetime, str] | None = field(default=None)

    def where(self) -> tuple[str, list[Any]]:
        """``"WHERE ..."`` (or ``""``) and its parameters, the cursor's condition included."""
        conditions, params = list(self.conditions), list(self.params)
        if self.after is not None:
            conditions.append("(event_time < ? OR (event_time = ? AND event_id < ?))")
            params += [self.after[0], self.after[0], self.after[1]]
        return ("WHERE " + " AND ".join(conditions)) if conditions else "", params

    def select(self, columns: str = "*", source: str = "events") -> tuple[str, list[Any]]:
        """The SELECT over ``source`` (a view), newest first, ``LIMIT`` if set."""
        where, params = self.where()
        sql = f"SELECT {columns} FROM {source} {where} ORDER BY event_time DESC, event_id DESC"
        return sql + (f" LIMIT {self.limit}" if self.limit else ""), params


def _code(name: str, value: str) -> str:
    """The code of a country given by code or name (``streams.countries``)."""
    return resolve_country(value, name)


def _when(name: str, value: str, *, end: bool) -> datetime:
    """An ISO date or time (UTC if no offset); a bare date as ``until`` means its whole day."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime.combine(day, time(), tzinfo=UTC)
            return moment + timedelta(days=1) if end else moment
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadQuery(f"{name} must be an ISO 8601 date or time, got {value[:40]!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _number(name: str, value: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise BadQuery(f"{name} must be a number, got {value[:40]!r}") from None
    if not low <= number <= high:
        raise BadQuery(f"{name} must be between {low:g} and {high:g}, got {number:g}")
    return number


def _pair(value: str) -> str:
    return "-".join(sorted(resolve_pair_text(value, "pair")))


def _condition(name: str, value: str) -> tuple[str, list[Any]]:
    if name == "country":
        code = _code(name, value)
        return "(source = ? OR target = ?)", [code, code]
    if name in ("source", "target"):
        return f"{name} = ?", [_code(name, value)]
    if name == "pair":
        return "pair = ?", [_pair(value)]
    if name in ("since", "until"):
        return f"event_time {'>=' if name == 'since' else '<'} ?", [_when(name, value, end=name == "until")]
    if name == "root":
        if not _ROOT.match(value) or not 1 <= int(value) <= 20:
            raise BadQuery(f"root must be a CAMEO root code 01-20 (two digits), got {value[:40]!r}")
        return "root_code = ?", [value]
    if name == "quad":
        if value not in ("1", "2", "3", "4"):
            raise BadQuery(f"quad must be a quad class 1-4, got {value[:40]!r}")
        return "quad_class = ?", [int(value)]
    if name == "min_confidence":
        return "confidence >= ?", [_number(name, value, 0.0, 1.0)]
    # a plain substring, any case: "%" and "_" are characters here, not LIKE wildcards
    return ("(contains(lower(sentence), ?) OR contains(lower(coalesce(article_title, '')), ?))",
            [value.lower()] * 2)


def decode_cursor(value: str) -> tuple[datetime, str]:
    """The (event time, event id) a cursor stands for; raises ``BadQuery``."""
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        moment, event_id = text.split("|", 1)
        return datetime.fromisoformat(moment), event_id
    except (ValueError, UnicodeDecodeError):
        raise BadQuery(f"malformed cursor {value[:40]!r}: pass the next_cursor of a previous page") from None


def encode_cursor(event_time: datetime, event_id: str) -> str:
    """The cursor after a row (see ``decode_cursor``)."""
    return base64.urlsafe_b64encode(f"{event_time.isoformat()}|{event_id}".encode()).decode().rstrip("=")


def parse_filter(params: Mapping[str, str], *, paged: bool = False, default_limit: int = 100) -> EventFilter:
    """The filter of ``params`` (``FILTER_PARAMS``; with ``paged`` also ``limit`` 1-1000 and
    ``cursor``); raises ``BadQuery`` naming the first unknown or malformed parameter."""
    allowed = set(FILTER_PARAMS) | ({"limit", "cursor"} if paged else set())
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise BadQuery(f"unknown parameter {unknown[0]!r}: expected {', '.join(sorted(allowed))}")
    conditions, values = [], []
    for name in FILTER_PARAMS:
        if params.get(name):
            sql, args = _condition(name, params[name])
            conditions.append(sql)
            values += args
    if params.get("since") and params.get("until") and (
            _when("since", params["since"], end=False) >= _when("until", params["until"], end=True)):
        raise BadQuery("since must be before until")
    limit, after = None, None
    if paged:
        limit = _limit(params.get("limit"), default_limit)
        after = decode_cursor(params["cursor"]) if params.get("cursor") else None
    return EventFilter(tuple(conditions), tuple(values), limit, after)


def _limit(value: str | None, default: int) -> int:
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise BadQuery(f"limit must be a whole number between 1 and {MAX_PAGE}, got {value[:40]!r}")
    return int(value)
