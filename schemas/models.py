"""The project's records, as pydantic v2 models.

Record shapes (JSON, as they travel on the topics)::

    articles         {"id": "seed-000", "text": "...", "title": "...", "published": "2024-05-01T00:00:00Z",
                      "url": "https://...", "source": "example-news"}
    relation-events  {"event_id": "9f1c...", "pair": "PAK-RUS", "article_id": "seed-000",
                      "source": "RUS", "target": "PAK", "source_actor": "RUS", "target_actor": "PAK",
                      "cameo_code": "120", "root_code": "12", "quad_class": 3, "goldstein": -4.0,
                      "evidence": {"sentence_index": 2, "start": 310, "end": 380, "text": "..."},
                      "coder_version": "...", ...}
    dead-letters     {"stage": "decode", "reason": "invalid_json", "detail": "...", "raw_b64": "...", ...}
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

__all__ = [
    "COUNTRY_CODE_PATTERN",
    "Article",
    "DeadLetter",
    "DirectedCounts",
    "DyadState",
    "Evidence",
    "QuadClass",
    "RelationEvent",
    "event_id_for",
    "pair_key",
]

COUNTRY_CODE_PATTERN = r"^[A-Z]{3}$"
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_CODE_PATTERN)]
QuadClass = Literal[1, 2, 3, 4]
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def pair_key(a: str, b: str) -> str:
    """The unordered pair key of two country codes: ``pair_key("PAK", "IND") == "IND-PAK"``."""
    return f"{a}-{b}" if a <= b else f"{b}-{a}"


def event_id_for(
    article_id: str, sentence_index: int, start: int, end: int,
    source: str, target: str, cameo_code: str,
) -> str:
    """Deterministic event id: the same article coded the same way gives the same id."""
    material = f"{article_id}\x1f{sentence_index}\x1f{start}\x1f{end}\x1f{source}\x1f{target}\x1f{cameo_code}"
    return hashlib.blake2b(material.encode("utf-8"), digest_size=12).hexdigest()


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Frozen):
    """A news article as published to the ``articles`` topic."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    id: Annotated[str, StringConstraints(min_length=1, max_length=512)]
    text: Annotated[str, StringConstraints(min_length=1)]
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="The outlet that published it.")

    @field_validator("id")
    @classmethod
    def _id_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("article id is blank")
        return value

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("article text is empty or whitespace only")
        return value

    @field_validator("published")
    @classmethod
    def _published_plausible(cls, value: datetime | None) -> datetime | None:
        if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise ValueError(f"published year {value.year} outside {EARLIEST_YEAR}-{LATEST_YEAR}")
        return value


class Evidence(_Frozen):
    """Where an event was read: ``text == article.text[start:end]`` (the sentence)."""

    sentence_index: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    trigger: str | None = Field(default=None, description="The words that coded the event.")


class RelationEvent(_Frozen):
    """One bilateral relation event: who did what to whom, with its evidence."""

    event_id: str
    pair: str = Field(description="Unordered pair key, e.g. IND-PAK (the topic key).")
    article_id: str
    source: CountryCode = Field(description="ISO 3166-1 alpha-3 of the actor doing it.")
    target: CountryCode = Field(description="ISO 3166-1 alpha-3 of the actor it is done to.")
    source_actor: str = Field(description="CAMEO-style actor code, e.g. PAKMIL.")
    target_actor: str
    cameo_code: str = Field(pattern=r"^\d{2,4}$")
    root_code: str = Field(pattern=r"^\d{2}$")
    cameo_name: str = ""
    quad_class: QuadClass
    goldstein: float = Field(ge=-10.0, le=10.0)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: Evidence
    event_time: datetime | None = Field(
        default=None, description="When it happened: the article's publication time."
    )
    article_url: str | None = None
    article_source: str | None = None
    coder_version: str


class DirectedCounts(BaseModel):
    """Counts of one direction of a pair (A→B)."""

    model_config = ConfigDict(extra="forbid")

    events: int = 0
    by_quad: dict[str, int] = Field(default_factory=dict)
    by_root: dict[str, int] = Field(default_factory=dict)
    goldstein_sum: float = 0.0


class DyadState(BaseModel):
    """The live state of one unordered country pair (the ``dyads`` table value)."""

    model_config = ConfigDict(extra="forbid")

    pair: str
    a: CountryCode
    b: CountryCode
    events: int = 0
    a_to_b: DirectedCounts = Field(default_factory=DirectedCounts)
    b_to_a: DirectedCounts = Field(default_factory=DirectedCounts)
    goldstein_sum: float = 0.0
    goldstein_mean: float = 0.0
    tension: float = Field(default=0.0, description="Decayed sum of negative Goldstein weights.")
    cooperation: float = Field(default=0.0, description="Decayed sum of positive Goldstein weights.")
    net: float = 0.0
    decay_reference: datetime | None = Field(
        default=None, description="Event time the decayed indexes are expressed at."
    )
    last_event_time: datetime | None = None
    article_count: int = Field(default=0, description="Distinct articles that coded an event.")
    recent_events: list[RelationEvent] = Field(default_factory=list)
    seen_event_ids: list[str] = Field(
        default_factory=list,
        description="Ids of the latest events applied (bounded): redelivery changes nothing.",
    )
    seen_article_ids: list[str] = Field(default_factory=list, description="Latest articles (bounded).")


class DeadLetter(_Frozen):
    """Input that could not be processed, kept with its raw bytes and the reason."""

    stage: str = Field(description="Pipeline step that rejected it, e.g. decode, validate, extract.")
    reason: str = Field(description="Short machine-readable tag, e.g. invalid_json.")
    detail: str
    raw_b64: str = Field(description="The raw message value, base64.")
    raw_size: int
    key: str | None = None
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    at: datetime
