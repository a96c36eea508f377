"""Pure search suggestions of ``GET /search``: countries and pairs for what an analyst types.

"India", "IND", "ind", "Indian" suggest India (and its busiest pairs); "india pak", "IND-PAK",
"South Korea / Japan" suggest the pairs of the two countries named that have events. Countries
come from the gazetteer (``streams.countries``), pairs from the live listing rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from schemas.models import pair_key
from streams.countries import Countries

__all__ = ["suggest"]

_PER_SIDE = 12


def _pair_item(row: dict[str, Any], names: Countries) -> dict[str, Any]:
    return {"kind": "pair", "pair": row["pair"], "a": row["a"], "b": row["b"],
            "label": f"{names.name(row['a'])} – {names.name(row['b'])} ({row['pair']})",
            "events": row["events"], "net": row["net"]}


def _country_item(code: str, names: Countries, events: int) -> dict[str, Any]:
    return {"kind": "country", "code": code, "name": names.name(code),
            "label": f"{names.name(code)} ({code})", "events": events}


def _pairs_named(query: str, names: Countries,
                 rows: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the pairs a two-part query names, best match first, then by events."""
    ranked: dict[str, tuple[int, int]] = {}
    for left, right in names.splits(query):
        firsts, seconds = names.matching(left)[:_PER_SIDE], names.matching(right)[:_PER_SIDE]
        for i, first in enumerate(firsts):
            for j, second in enumerate(seconds):
                key = pair_key(first, second) if first != second else ""
                if key in rows:
                    rank = (i + j, -rows[key]["events"])
                    ranked[key] = min(ranked.get(key, rank), rank)
    return [rows[key] for key in sorted(ranked, key=lambda key: (ranked[key], key))]


def _sides(query: str, names: Countries) -> list[str]:
    """The best country of each part of a two-part query ("ind pak": India, Pakistan), for
    when the two have no pair with events yet."""
    for left, right in names.splits(query):
        sides = [*names.matching(left)[:1], *names.matching(right)[:1]]
        if len(sides) == 2:
            return sides
    return []


def suggest(query: str, rows: Iterable[dict[str, Any]], names: Countries,
            limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` suggestions, each ``{"kind": "pair", "pair", "a", "b", "label",
    "events", "net"}`` or ``{"kind": "country", "code", "name", "label", "events"}``: pairs
    named by a two-part query first, then the countries the whole query starts (countries
    with events before those without; else the best country of each part), then the busiest
    pairs of the best country."""
    by_pair = {row["pair"]: row for row in rows}
    events: Counter[str] = Counter()
    for row in by_pair.values():
        events[row["a"]] += row["events"]
        events[row["b"]] += row["events"]
    found = [_pair_item(row, names) for row in _pairs_named(query, names, by_pair)]
    codes = names.matching(query) or _sides(query, names)
    exact = codes[:1] if codes and names.resolve(query) == codes[0] else []
    codes = exact + sorted(codes[len(exact):], key=lambda code: (not events[code], codes.index(code)))
    found += [_country_item(code, names, events[code]) for code in codes[:limit]]
    if codes:
        own = sorted((row for row in by_pair.values() if codes[0] in (row["a"], row["b"])),
                     key=lambda row: (-row["events"], row["pair"]))
        found += [_pair_item(row, names) for row in own]
    unique, seen = [], set()
    for item in found:
        key = item.get("pair") or item["code"]
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique[:limit]
