"""Pure query logic over table values: validation, summaries, sorting (no Faust, no Kafka)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from schemas.models import pair_key

__all__ = [
    "SORT_KEYS",
    "BadQuery",
    "parse_country",
    "parse_limit",
    "parse_pair",
    "parse_sort",
    "summarize",
    "top_rows",
]

SORT_KEYS = ("tension", "cooperation", "events", "net")
_CODE = re.compile(r"^[A-Za-z]{3}$")
MAX_LIMIT = 1000


class BadQuery(ValueError):
    """A malformed query parameter or path segment (answered with 400)."""


def parse_country(value: str) -> str:
    """An ISO 3166-1 alpha-3 code, any case, returned upper-case."""
    if not _CODE.match(value or ""):
        raise BadQuery(f"malformed country code {value!r}: expected 3 letters (ISO 3166-1 alpha-3)")
    return value.upper()


def parse_pair(a: str, b: str) -> str:
    """The unordered pair key of two codes given in either order."""
    first, second = parse_country(a), parse_country(b)
    if first == second:
        raise BadQuery(f"a pair needs two different countries, got {first} twice")
    return pair_key(first, second)


def parse_sort(value: str | None) -> str:
    sort = value or "tension"
    if sort not in SORT_KEYS:
        raise BadQuery(f"unknown sort {sort!r}: expected one of {', '.join(SORT_KEYS)}")
    return sort


def parse_limit(value: str | None, default: int = 20) -> int:
    if value is None or value == "":
        return default
    try:
        limit = int(value)
    except ValueError:
        raise BadQuery(f"limit must be a whole number, got {value!r}") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def summarize(state: dict[str, Any]) -> dict[str, Any]:
    """The short row of a pair's state, as listed by ``/dyads``."""
    return {
        "pair": state["pair"], "a": state["a"], "b": state["b"],
        "events": state.get("events", 0),
        "a_to_b": state.get("a_to_b", {}).get("events", 0),
        "b_to_a": state.get("b_to_a", {}).get("events", 0),
        "tension": round(state.get("tension", 0.0), 4),
        "cooperation": round(state.get("cooperation", 0.0), 4),
        "net": round(state.get("net", 0.0), 4),
        "goldstein_mean": round(state.get("goldstein_mean", 0.0), 4),
        "articles": state.get("article_count", 0),
        "last_event_time": state.get("last_event_time"),
    }


def top_rows(rows: Iterable[dict[str, Any]], sort: str, limit: int) -> list[dict[str, Any]]:
    """Rows sorted by ``sort`` (highest first, ties by pair), cut to ``limit``."""
    return sorted(rows, key=lambda row: (-row[sort], row["pair"]))[:limit]
