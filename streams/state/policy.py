"""How pair state is kept (``AggregationPolicy``), and that policy from the settings.

The worker's aggregation agent and ``dyadwatch rebuild`` both fold with
``aggregation_policy(settings)``, so both reach the same state. Pure: no Faust, no Kafka.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.settings import Settings

__all__ = ["AggregationPolicy", "aggregation_policy"]


@dataclass(frozen=True, slots=True)
class AggregationPolicy:
    """How state is kept: decay, how much each pair remembers, when to alert."""

    half_life_days: float = 7.0
    recent_events_kept: int = 10
    seen_ids_kept: int = 2_000  # event fingerprints (and outlet names) each pair remembers
    articles_kept: int = 500  # article fingerprints each pair remembers
    mention_window_days: int = 3
    history_days: int = 90
    alert_tension_rise: float = 15.0
    names_kept: int = 50
    evidence_chars: int = 2_000  # longest evidence sentence kept (schemas.bounds)


def aggregation_policy(settings: Settings) -> AggregationPolicy:
    """How pair state is folded, from the settings (the worker and rebuilds share it)."""
    return AggregationPolicy(
        half_life_days=settings.half_life_days, recent_events_kept=settings.recent_events_kept,
        mention_window_days=settings.mention_window_days, history_days=settings.history_days,
        alert_tension_rise=settings.alert_tension_rise, evidence_chars=settings.evidence_chars,
    )
