"""Synthetic relation events for the event store's tests and benchmark (valid ``RelationEvent``s).

Codes are chosen so that some have leading zeros (``"062"``, root ``"06"``); times spread over
``days`` days from 2024-05-01; every event belongs to one article of ``per_article`` events.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from schemas.models import Evidence, RelationEvent, event_id_for, pair_key

COUNTRIES = ("RUS", "PAK", "IND", "CHN", "USA", "IRN", "TUR", "BRA", "JPN", "EGY", "DEU", "FRA")
CODES = (("062", "06", 2, 6.4), ("120", "12", 3, -4.0), ("036", "03", 1, 4.0),
         ("190", "19", 4, -10.0), ("042", "04", 1, 1.9), ("0874", "08", 2, 5.0))
T0 = datetime(2024, 5, 1, tzinfo=UTC)


def synthetic_events(count: int, *, seed: int = 1, days: int = 30, per_article: int = 4,
                     coder_version: str = "dyadwatch-coder/0.3.0", prefix: str = "s",
                     in_order: bool = False) -> list[RelationEvent]:
    """``in_order``: days follow one another as in a live stream (else articles cycle through
    the days, so any slice of the list spans them all)."""
    rng = random.Random(seed)
    events = []
    for n in range(count):
        article = f"{prefix}-{n // per_article:07d}"
        source, target = rng.sample(COUNTRIES, 2)
        code, root, quad, goldstein = rng.choice(CODES)
        text = f"Sentence {n}: {source} acted towards {target} (code {code})."
        day = n * days // count if in_order else (n // per_article) % days
        published = T0 + timedelta(days=day, minutes=rng.randint(0, 1439))
        events.append(RelationEvent(
            event_id=event_id_for(article, n % per_article, 0, len(text), source, target, code),
            pair=pair_key(source, target), article_id=article, source=source, target=target,
            source_actor=source, target_actor=target + ("GOV" if n % 3 == 0 else ""),
            cameo_code=code, root_code=root, cameo_name=f"name of {code}", quad_class=quad,  # type: ignore[arg-type]
            goldstein=goldstein, confidence=round(0.5 + (n % 5) / 10, 2),
            evidence=Evidence(sentence_index=n % per_article, start=0, end=len(text), text=text,
                              trigger="acted"),
            event_time=published, article_url=f"https://example.org/{article}",
            article_source="example.org", article_title=f"Title of {article}",
            coder_version=coder_version))
    return events
