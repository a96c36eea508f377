"""Exponential decay on event time, shared by aggregation, alerts and queries."""

from __future__ import annotations

__all__ = ["SECONDS_PER_DAY", "decay_factor"]

SECONDS_PER_DAY = 86_400.0


def decay_factor(elapsed_seconds: float, half_life_days: float) -> float:
    """The weight left after ``elapsed_seconds`` for the half-life."""
    return float(0.5 ** (elapsed_seconds / (half_life_days * SECONDS_PER_DAY)))
