"""The read model of a pair's summary: one row of ``GET /dyads`` and ``dyadwatch query``.

Each figure is declared once, here: its type, what it means (``description``), its unit and
whether it decays with event time (``json_schema_extra``: ``unit``, ``decays``; ``column``:
its width in the terminal table, for the figures ``dyadwatch query`` shows). The HTTP API
builds its rows from this model (``streams.web.queries.pair_summary``), listings decay the
figures marked ``decays`` to a common time, the terminal table takes its columns from it
(``streams.cli.render``), the live page reads those rows, and ``dyadwatch schema summary``
prints its JSON Schema. Adding a figure means adding a field here and computing it in
``pair_summary``. Row (JSON)::

    {"pair": "PAK-RUS", "a": "PAK", "b": "RUS", "events": 2, "volume": 3, "a_to_b": 0,
     "b_to_a": 2, "tension": 7.41, "cooperation": 0.0, "net": -7.41, "change": 7.41,
     "goldstein_mean": -4.0, "articles": 2, "sources": 1, "coder_version": "...",
     "last_event_time": "2024-05-01T08:00:00+00:00", "indexes_at": "2024-05-01T08:00:00+00:00"}
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from schemas.models import CountryCode

__all__ = ["Figure", "IsoTime", "PairSummary"]

IsoTime = Annotated[datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str,
                                              when_used="json")]
"""A datetime written as ``datetime.isoformat()`` in JSON (``+00:00``, not ``Z``)."""

Figure = Annotated[float, PlainSerializer(lambda value: round(value, 4) + 0.0, return_type=float,
                                         when_used="json")]
"""A figure written to 4 decimal places in JSON, never as ``-0.0``."""

EVENTS, GOLDSTEIN = "events", "Goldstein points"


def _figure(description: str, unit: str | None, *, decays: bool = False,
            column: int | None = None) -> Any:
    extra: dict[str, Any] = {"unit": unit, "decays": decays}
    if column is not None:
        extra["column"] = column
    return Field(description=description, json_schema_extra=extra)


class PairSummary(BaseModel):
    """The short row of one pair's state, its decayed figures expressed at ``indexes_at``."""

    model_config = ConfigDict(extra="forbid")

    pair: str = _figure("Unordered pair key, e.g. IND-PAK.", None, column=8)
    a: CountryCode = _figure("The pair's first country (ISO 3166-1 alpha-3).", None)
    b: CountryCode = _figure("The pair's second country (ISO 3166-1 alpha-3).", None)
    events: int = _figure("Distinct events, each counted once.", EVENTS, column=6)
    volume: int = _figure("Reports of those events, repeats included (mentions).", "reports")
    a_to_b: int = _figure("Distinct events done by a to b.", EVENTS, column=6)
    b_to_a: int = _figure("Distinct events done by b to a.", EVENTS, column=6)
    tension: Figure = _figure("Decayed sum of the negative Goldstein weights.", GOLDSTEIN,
                             decays=True, column=8)
    cooperation: Figure = _figure("Decayed sum of the positive Goldstein weights.", GOLDSTEIN,
                                 decays=True, column=11)
    net: Figure = _figure("cooperation - tension.", GOLDSTEIN, decays=True, column=8)
    change: Figure = _figure("Rise of tension over the window (days) before indexes_at, from "
                            "the events' own times (arrival order does not matter).",
                            GOLDSTEIN, decays=True)
    goldstein_mean: Figure = _figure("Mean Goldstein score of the distinct events (-10..10).",
                                    GOLDSTEIN)
    articles: int = _figure("Distinct articles that coded an event.", "articles", column=8)
    sources: int = _figure("Distinct outlets that reported an event.", "outlets")
    coder_version: str = _figure("Coder version of the events counted.", None)
    last_event_time: IsoTime | None = _figure("Latest event time (UTC).", "ISO 8601")
    indexes_at: IsoTime | None = _figure("Event time the decayed figures are expressed at: the "
                                         "pair's latest event, or as_of.", "ISO 8601")

    @classmethod
    def figure(cls, name: str) -> dict[str, Any]:
        """The declared extras of one field: ``{"unit": ..., "decays": ..., ["column": width]}``."""
        extra = cls.model_fields[name].json_schema_extra
        return dict(extra) if isinstance(extra, dict) else {}

    @classmethod
    def decaying(cls) -> tuple[str, ...]:
        """The figures that decay with event time, in field order."""
        return tuple(name for name in cls.model_fields if cls.figure(name).get("decays"))

    @classmethod
    def columns(cls) -> tuple[tuple[str, int, str], ...]:
        """The terminal table's columns: (field, width, format spec: ``s``, ``d`` or ``.2f``)."""
        formats = {str: "s", int: "d", float: ".2f"}
        return tuple((name, cls.figure(name)["column"], formats[field.annotation])  # type: ignore[index]
                     for name, field in cls.model_fields.items() if "column" in cls.figure(name))
