"""Pure helpers of the pipeline benchmark: percentiles, steady-state rates, article payloads,
and which articles a changelog record of the dyads table shows for the first time.

No broker and no Faust here, so each helper is unit-tested alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from schemas import jsonbytes
from schemas.models import Article

__all__ = [
    "SEEN_ARTICLES_FIELD",
    "FirstSightings",
    "article_ids_in_state",
    "article_payloads",
    "percentile",
    "steady_rate",
]

SEEN_ARTICLES_FIELD = b'"seen_article_ids":'


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation between closest ranks (NaN if empty)."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is not within 0-100")
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def steady_rate(samples: Sequence[tuple[float, int]], total: int,
                low: float = 0.1, high: float = 0.9) -> float:
    """Items per second between ``low`` and ``high`` of ``total`` done (start-up and tail excluded).

    ``samples`` are (time in seconds, items done so far), in time order. The times at which
    the two fractions were first reached are interpolated between neighbouring samples.
    """
    start = _time_reaching(samples, low * total)
    end = _time_reaching(samples, high * total)
    if start is None or end is None or end <= start:
        return math.nan
    return (high - low) * total / (end - start)


def _time_reaching(samples: Sequence[tuple[float, int]], level: float) -> float | None:
    previous: tuple[float, int] | None = None
    for when, done in samples:
        if done >= level:
            if previous is None or done == previous[1]:
                return when
            before, done_before = previous
            return before + (when - before) * (level - done_before) / (done - done_before)
        previous = (when, done)
    return None


def article_payloads(templates: Sequence[Article], count: int, prefix: str) -> list[tuple[str, bytes]]:
    """``count`` (id, JSON bytes) articles cycling through ``templates``, each with its own id."""
    bodies = [template.model_dump(mode="json", exclude_none=True) for template in templates]
    payloads = []
    for n in range(count):
        article_id = f"{prefix}-{n:06d}"
        payloads.append((article_id, jsonbytes.dumps({**bodies[n % len(bodies)], "id": article_id})))
    return payloads


def article_ids_in_state(raw: bytes) -> list[str]:
    """The ``seen_article_ids`` of a serialized ``DyadState``, oldest first.

    The list is the state's last field, so only that tail is parsed (a state holds up to
    thousands of ids and the benchmark reads every changelog record); any other layout
    falls back to parsing the whole state.
    """
    at = raw.rfind(SEEN_ARTICLES_FIELD)
    if at >= 0 and raw.endswith(b"]}"):
        try:
            tail = jsonbytes.loads(raw[at + len(SEEN_ARTICLES_FIELD):-1])
        except jsonbytes.JSONDecodeError:
            tail = None
        if isinstance(tail, list):
            return [str(item) for item in tail]
    state = jsonbytes.loads(raw)
    return [str(item) for item in state.get("seen_article_ids", [])]


class FirstSightings:
    """Per pair, which article ids a new state shows for the first time.

    A pair's ``seen_article_ids`` only grows at its end (older ids drop off the front), so
    the new ids are the trailing ones not seen before for that pair.
    """

    def __init__(self) -> None:
        self._seen: dict[bytes, set[str]] = {}

    def new_ids(self, pair: bytes, article_ids: Iterable[str]) -> list[str]:
        seen = self._seen.setdefault(pair, set())
        fresh: list[str] = []
        for article_id in reversed(list(article_ids)):
            if article_id in seen:
                break
            fresh.append(article_id)
        seen.update(fresh)
        fresh.reverse()
        return fresh
