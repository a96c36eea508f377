"""Pure helpers of the pipeline benchmark: percentiles, steady-state rates, article payloads,
and which articles (by fingerprint) a changelog record of the dyads table shows for the first time.

No broker and no Faust here, so each helper is unit-tested alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from schemas import jsonbytes
from schemas.digests import ENTRY_WIDTH, FINGERPRINT_CHARS, SEPARATOR
from schemas.models import Article

__all__ = [
    "SEEN_ARTICLES_FIELD",
    "FirstSightings",
    "article_payloads",
    "article_ring_in_state",
    "percentile",
    "steady_rate",
]

SEEN_ARTICLES_FIELD = b'"seen_article_digests":"'


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


def article_ring_in_state(raw: bytes) -> str:
    """The ``seen_article_digests`` ring of a serialized ``DyadState`` (fingerprints, oldest first).

    The ring holds neither quotes nor escapes, so it is read from the field's opening quote
    to the next one without parsing the state (the benchmark reads every changelog record);
    any other layout falls back to parsing the whole state.
    """
    at = raw.find(SEEN_ARTICLES_FIELD)
    if at >= 0:
        start = at + len(SEEN_ARTICLES_FIELD)
        end = raw.find(b'"', start)
        if end >= 0:
            return raw[start:end].decode("ascii")
    return str(jsonbytes.loads(raw).get("seen_article_digests", ""))


class FirstSightings:
    """Per pair, which article fingerprints a new state's ring shows for the first time.

    A pair's ring only grows at its end (older entries drop off the front), so the new
    fingerprints are the trailing ones not seen before for that pair.
    """

    def __init__(self) -> None:
        self._seen: dict[bytes, set[str]] = {}

    def new_digests(self, pair: bytes, ring: str) -> list[str]:
        seen = self._seen.setdefault(pair, set())
        fresh: list[str] = []
        for end in range(len(ring) - len(SEPARATOR), 0, -ENTRY_WIDTH):
            digest = ring[end - FINGERPRINT_CHARS:end]
            if digest in seen:
                break
            fresh.append(digest)
        seen.update(fresh)
        fresh.reverse()
        return fresh
