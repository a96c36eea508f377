"""Pure query logic over table values: validation, summaries, sorting (no Faust, no Kafka).

Each pair's indexes are kept at its own latest event time; a listing expresses every row at
one common time (``as_of``: given, or the latest event time among the rows) before ranking,
so a pair that went quiet a month ago does not outrank today's crisis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, time
from typing import Any, TypeVar

from pydantic import ValidationError

from schemas.models import DayBucket, DyadState, coder_version_key, pair_key
from schemas.summary import PairSummary
from streams.exceptions import BadQuery
from streams.state.decay import decay_factor
from streams.state.pointintime import figures_at, tension_change
from streams.state.tables import read_row

__all__ = [
    "QUERY_PARAMS",
    "SORT_KEYS",
    "BadQuery",
    "check_params",
    "current_coder_rows",
    "event_newest_first",
    "express_rows",
    "load_state",
    "newest_first",
    "pair_summary",
    "parse_as_of",
    "parse_country",
    "parse_int",
    "parse_limit",
    "parse_pair",
    "parse_sort",
    "summarize",
    "summary_at",
    "top_rows",
]

SORT_KEYS = ("tension", "cooperation", "events", "net", "volume", "change")
_DECAYED = PairSummary.decaying()
_CODE = re.compile(r"^[A-Za-z]{3}$")
_DATE_ONLY = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")
MAX_LIMIT = 1000
_LISTING = ("sort", "window", "as_of", "all_versions", "local", "order", "offset", "quad", "since",
            "until")
_EVENTS = ("country", "pair", "source", "target", "since", "until", "root", "quad",
           "min_confidence", "q", "limit", "cursor")
# The query parameters each route accepts (by its registered path): any other is a 400.
QUERY_PARAMS: dict[str, tuple[str, ...]] = {
    "/dyads": ("limit", *_LISTING),
    "/countries/{code}": ("limit", *_LISTING),
    "/search": ("q", "limit"),
    "/dyads/{a}/{b}/alerts": (),
    "/dyads/{a}/{b}": ("window", "as_of"),
    "/dyads/{a}/{b}/history": ("days",),
    "/dyads/{a}/{b}/events": ("limit",),
    "/events": _EVENTS,
    "/events.csv": _EVENTS,
    "/static/{name}": ("v",),
}
_FLAGS = ("all_versions", "local")


def check_params(route: str, given: Iterable[tuple[str, str]]) -> None:
    """Raise ``BadQuery`` for a parameter ``route`` does not take (``QUERY_PARAMS``; routes not
    listed take none), a parameter given twice, or a flag (``all_versions``, ``local``) not 0/1."""
    allowed = QUERY_PARAMS.get(route, ())
    seen: set[str] = set()
    for name, value in given:
        if name not in allowed:
            expected = f"expected {', '.join(allowed)}" if allowed else "this path takes none"
            raise BadQuery(f"unknown query parameter {name[:40]!r} for {route}: {expected}")
        if name in seen:
            raise BadQuery(f"query parameter {name!r} given more than once")
        seen.add(name)
        if name in _FLAGS and value not in ("0", "1"):
            raise BadQuery(f"{name} must be 0 or 1, got {value[:40]!r}")


def parse_country(value: str) -> str:
    """An ISO 3166-1 alpha-3 code, any case, returned upper-case; raises ``BadQuery``."""
    if not _CODE.match(value or ""):
        raise BadQuery(f"malformed country code {value!r}: expected 3 letters (ISO 3166-1 alpha-3)")
    return value.upper()


def parse_pair(a: str, b: str) -> str:
    """The unordered pair key (``"IND-PAK"``) of two codes given in either order; raises
    ``BadQuery`` if a code is malformed or both are the same."""
    first, second = parse_country(a), parse_country(b)
    if first == second:
        raise BadQuery(f"a pair needs two different countries, got {first} twice")
    return pair_key(first, second)


_E = TypeVar("_E")
_NO_TIME = datetime.min.replace(tzinfo=UTC)


def newest_first(events: Sequence[_E], time_of: Callable[[_E], datetime | None]) -> list[_E]:
    """``events`` (in arrival order, as a pair keeps them) newest event time first; equal
    times, and events without a time (last), the latest arrival first."""
    return sorted(reversed(events), key=lambda event: time_of(event) or _NO_TIME, reverse=True)


def event_newest_first(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``newest_first`` of events as JSON dicts (``event_time`` ISO 8601 or null)."""
    return newest_first(events, lambda event: datetime.fromisoformat(event["event_time"])
                        if event.get("event_time") else None)


def parse_sort(value: str | None) -> str:
    """One of ``SORT_KEYS`` (default ``tension``); raises ``BadQuery`` otherwise."""
    sort = value or "tension"
    if sort not in SORT_KEYS:
        raise BadQuery(f"unknown sort {sort!r}: expected one of {', '.join(SORT_KEYS)}")
    return sort


def parse_int(name: str, value: str | None, default: int, low: int, high: int) -> int:
    """A whole-number parameter within ``low..high`` (``default`` if absent); raises ``BadQuery``."""
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadQuery(f"{name} must be a whole number, got {value[:40]!r}") from None
    if not low <= number <= high:
        raise BadQuery(f"{name} must be between {low} and {high}, got {number}")
    return number


def parse_limit(value: str | None, default: int = 20) -> int:
    """A row limit within 1..``MAX_LIMIT`` (default ``default``); raises ``BadQuery``."""
    return parse_int("limit", value, default, 1, MAX_LIMIT)


def parse_as_of(value: str | None) -> datetime | None:
    """An ISO 8601 time (UTC if no offset is given), or a date meaning the end of that UTC
    day (``2024-05-01``: ``2024-05-01T23:59:59.999999+00:00``), or None; raises ``BadQuery``."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        hint = " (a '+' in a URL reads as a space: write it %2B)" if " " in value.strip() else ""
        raise BadQuery(f"as_of must be an ISO 8601 date or time, got {value[:40]!r}{hint}") from None
    if _DATE_ONLY.match(value):
        when = datetime.combine(when.date(), time.max)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def load_state(raw: bytes | dict[str, Any]) -> DyadState:
    """A pair's state as stored in the table (JSON bytes) or as a dict; ``ValueError`` if it is
    not valid."""
    try:
        return read_row(DyadState, raw)
    except ValidationError as exc:
        pair = raw.get("pair") if isinstance(raw, dict) else bytes(raw[:40])
        raise ValueError(f"unreadable state for {pair!r}: {exc}") from exc


def pair_summary(state: DyadState, buckets: Iterable[DayBucket] = (), window_days: float = 1.0,
                 half_life_days: float = 7.0) -> PairSummary:
    """The summary of a pair's state, its figures at the pair's latest event time
    (``change``: tension rise over ``window_days`` before it, from the day ``buckets``)."""
    return PairSummary(
        pair=state.pair, a=state.a, b=state.b, events=state.events, volume=state.mentions,
        a_to_b=state.a_to_b.events, b_to_a=state.b_to_a.events, tension=state.tension,
        cooperation=state.cooperation, net=state.net,
        change=tension_change(buckets, state.decay_reference, window_days, half_life_days),
        goldstein_mean=round(state.goldstein_mean, 4), articles=state.article_count,
        sources=state.source_count, coder_version=state.coder_version,
        last_event_time=state.last_event_time, indexes_at=state.decay_reference,
    )


def summary_at(state: DyadState, buckets: Iterable[DayBucket], as_of: datetime,
               window_days: float = 1.0, half_life_days: float = 7.0) -> PairSummary | None:
    """The summary of a pair as of ``as_of``, from its day ``buckets``: only the events at or
    before ``as_of`` count, indexes decayed to it; None if the pair had no event by then."""
    kept = list(buckets)
    figures = figures_at(kept, as_of, half_life_days)
    if not figures.events:
        return None
    return PairSummary(
        pair=state.pair, a=state.a, b=state.b, events=figures.events, volume=figures.mentions,
        a_to_b=figures.a_to_b, b_to_a=figures.b_to_a, tension=figures.tension,
        cooperation=figures.cooperation, net=figures.net,
        change=tension_change(kept, as_of, window_days, half_life_days),
        goldstein_mean=round(figures.goldstein_mean, 4), articles=figures.articles,
        sources=figures.sources, coder_version=state.coder_version,
        last_event_time=figures.last_event_time, indexes_at=as_of,
    )


def summarize(raw: bytes | dict[str, Any], window_days: float = 1.0, half_life_days: float = 7.0,
              buckets: Iterable[DayBucket] = ()) -> dict[str, Any]:
    """The JSON row (``PairSummary``) of a pair's state as stored in the table (JSON bytes) or
    as a dict.

    Raises ``ValueError`` if ``raw`` is not a valid ``DyadState``.
    """
    return pair_summary(load_state(raw), buckets, window_days, half_life_days).model_dump(
        mode="json")


def express_rows(rows: list[dict[str, Any]], as_of: datetime | None, half_life_days: float,
                 now: datetime | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """Rows with their decayed figures expressed at ``as_of`` (default: the latest row time,
    never later than ``now``, the wall clock: a pair dated in the future cannot become the
    reference time of every other pair)."""
    times = [datetime.fromisoformat(row["indexes_at"]) for row in rows if row.get("indexes_at")]
    if as_of is None and times:
        as_of = min(max(times), now or datetime.now(UTC))
    out = []
    for row in rows:
        factor = 1.0
        if as_of is not None and row.get("indexes_at"):
            elapsed = (as_of - datetime.fromisoformat(row["indexes_at"])).total_seconds()
            factor = decay_factor(max(0.0, elapsed), half_life_days)
        out.append({**row, **{key: round(row[key] * factor, 4) for key in _DECAYED}})
    return out, as_of.isoformat() if as_of else None


def current_coder_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Rows coded by the newest coder version among them, and how many older ones were left.

    After ``dyadwatch recode``, a pair that the new coder finds no event for keeps its state
    from the older coder; listings leave such superseded pairs out.
    """
    if not rows:
        return rows, 0
    newest = max(coder_version_key(row["coder_version"]) for row in rows)
    kept = [row for row in rows if coder_version_key(row["coder_version"]) == newest]
    return kept, len(rows) - len(kept)


def top_rows(rows: Iterable[dict[str, Any]], sort: str, limit: int) -> list[dict[str, Any]]:
    """Rows sorted by ``sort`` (highest first, ties by pair), cut to ``limit``."""
    return sorted(rows, key=lambda row: (-row[sort], row["pair"]))[:limit]
