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
    dyad-alerts      {"alert_id": "PAK-RUS@2024-05-01", "pair": "PAK-RUS", "day": "2024-05-01",
                      "tension_before": 1.2, "tension_after": 17.2, "change": 16.0, "events": [...]}
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from schemas.digests import DigestRing, ring_of

__all__ = [
    "COUNTRY_CODE_PATTERN",
    "Article",
    "DayBucket",
    "DeadLetter",
    "DirectedCounts",
    "DyadAlert",
    "DyadState",
    "Evidence",
    "MentionRecord",
    "QuadClass",
    "RelationEvent",
    "UtcDatetime",
    "coder_version_key",
    "event_id_for",
    "pair_key",
]


def _as_utc(value: datetime) -> datetime:
    """A time with no timezone ("2025-06-02T23:30:00", "2025-06-02") is read as UTC; one with
    a timezone is kept as given. Every stored time is then comparable with every other."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]
"""A datetime that always carries a timezone (naive input is UTC)."""

COUNTRY_CODE_PATTERN = r"^[A-Z]{3}$"
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_CODE_PATTERN)]
QuadClass = Literal[1, 2, 3, 4]
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
LEGACY_EVENT_IDS = "seen_event_ids"
LEGACY_CLOSES = "closes"  # daily closes of states written before change came from the buckets
LEGACY_ARTICLE_IDS = "seen_article_ids"


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


def coder_version_key(version: str) -> tuple[int, ...]:
    """Comparable form of a coder version, ``"dyadwatch-coder/0.2.0"`` → ``(0, 2, 0)``.

    Versions without numbers sort first, so any released coder supersedes them.
    """
    numbers = version.rsplit("/", 1)[-1].split("+", 1)[0].split(".")
    return tuple(int(part) for part in numbers if part.isdigit())


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Frozen):
    """A news article as published to the ``articles`` topic."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    id: Annotated[str, StringConstraints(min_length=1, max_length=512)]
    text: Annotated[str, StringConstraints(min_length=1)]
    title: str | None = None
    published: UtcDatetime | None = None
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
    text_size: int | None = Field(None, description="Full length of a cut ``text`` (ends …).")


class RelationEvent(_Frozen):
    """One bilateral relation event: who did what to whom, with its evidence."""

    event_id: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    pair: str = Field(description="Unordered pair key, e.g. IND-PAK (the topic key).")
    article_id: Annotated[str, StringConstraints(min_length=1, max_length=512)]
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
    event_time: UtcDatetime | None = Field(
        default=None, description="When it happened: the article's publication time."
    )
    article_url: str | None = None
    article_source: str | None = None
    article_title: str | None = Field(
        default=None, description="The article's title, stamped by the worker (None if untitled)."
    )
    coder_version: str

    @model_validator(mode="after")
    def _pair_of_its_countries(self) -> RelationEvent:
        if self.pair != pair_key(self.source, self.target) or self.source == self.target:
            raise ValueError(f"pair {self.pair[:40]!r} is not the unordered pair of "
                             f"{self.source} and {self.target}")
        return self


class DirectedCounts(BaseModel):
    """Counts of one direction of a pair (A→B)."""

    model_config = ConfigDict(extra="forbid")

    events: int = 0
    by_quad: dict[str, int] = Field(default_factory=dict)
    by_root: dict[str, int] = Field(default_factory=dict)
    goldstein_sum: float = 0.0


class MentionRecord(BaseModel):
    """One event seen by several reports: same source, target, root code and day."""

    model_config = ConfigDict(extra="forbid")

    first_article: str = Field(description="The article whose events count in the indexes.")
    mentions: int = 0
    articles: int = 0
    sources: int = 0
    article_ids: list[str] = Field(default_factory=list, description="Latest articles (bounded).")
    source_names: list[str] = Field(default_factory=list, description="Latest sources (bounded).")


class DyadState(BaseModel):
    """The live state of one unordered country pair (the ``dyads`` table value)."""

    model_config = ConfigDict(extra="forbid")

    pair: str
    a: CountryCode
    b: CountryCode
    coder_version: str = Field(default="", description="Coder version of the events counted.")
    events: int = Field(default=0, description="Distinct events (each counted once).")
    mentions: int = Field(default=0, description="Reports of those events, repeats included.")
    a_to_b: DirectedCounts = Field(default_factory=DirectedCounts)
    b_to_a: DirectedCounts = Field(default_factory=DirectedCounts)
    goldstein_sum: float = 0.0
    goldstein_mean: float = 0.0
    tension: float = Field(default=0.0, description="Decayed sum of negative Goldstein weights.")
    cooperation: float = Field(default=0.0, description="Decayed sum of positive Goldstein weights.")
    net: float = 0.0
    decay_reference: UtcDatetime | None = Field(
        default=None, description="Event time the decayed indexes are expressed at."
    )
    last_event_time: UtcDatetime | None = None
    article_count: int = Field(default=0, description="Distinct articles that coded an event.")
    source_count: int = Field(default=0, description="Distinct outlets that reported an event.")
    recent_events: list[RelationEvent] = Field(default_factory=list)
    seen_event_digests: DigestRing = Field(
        default="",
        description="Fingerprints of the latest event ids applied, newest last (digest ring, "
                    "bounded): redelivery changes nothing.",
    )
    seen_article_digests: DigestRing = Field(
        default="",
        description="Fingerprints of the latest article ids counted, newest last (digest ring, "
                    "bounded): an article counts once.",
    )
    seen_sources: list[str] = Field(default_factory=list, description="Latest sources (bounded).")
    mention_records: dict[str, MentionRecord] = Field(
        default_factory=dict, description="Recent events by SRC>TGT:root:day (bounded window)."
    )
    history_days: list[date] = Field(
        default_factory=list, description="Days held in the dyad-days table (ascending)."
    )
    day: date | None = Field(default=None, description="Latest event day (UTC).")
    day_start_tension: float = Field(default=0.0, description="Tension index at 00:00 of ``day``.")
    day_tension_events: list[RelationEvent] = Field(
        default_factory=list, description="Latest events that raised tension on ``day`` (bounded)."
    )
    alerted_day: date | None = None

    @model_validator(mode="before")
    @classmethod
    def _legacy_id_lists(cls, data: Any) -> Any:
        """States written before digest rings held full ids in lists: fold them into rings.
        States written before ``change`` came from the day buckets kept daily ``closes``: dropped."""
        if isinstance(data, dict) and LEGACY_CLOSES in data:
            data = {key: value for key, value in data.items() if key != LEGACY_CLOSES}
        if isinstance(data, dict) and (LEGACY_EVENT_IDS in data or LEGACY_ARTICLE_IDS in data):
            data = dict(data)
            for legacy, ring in ((LEGACY_EVENT_IDS, "seen_event_digests"),
                                 (LEGACY_ARTICLE_IDS, "seen_article_digests")):
                ids = data.pop(legacy, None)
                if isinstance(ids, list):
                    data[ring] = ring_of(str(item) for item in ids) + str(data.get(ring, ""))
                elif ids is not None:
                    raise ValueError(f"{legacy} must be a list of ids")
        return data


class DayBucket(BaseModel):
    """One pair, one UTC day: a tumbling window of the ``dyad-days`` table (key ``PAIR@DAY``)."""

    model_config = ConfigDict(extra="forbid")

    pair: str
    day: date
    events: int = 0
    mentions: int = 0
    a_to_b: int = 0
    b_to_a: int = 0
    tension: float = Field(default=0.0, description="Negative Goldstein weights of the day, undecayed.")
    cooperation: float = Field(default=0.0, description="Positive weights of the day, undecayed.")
    net: float = 0.0
    by_quad: dict[str, int] = Field(default_factory=dict)
    points: list[tuple[float, float, int]] = Field(
        default_factory=list,
        description="Each report of the day as (seconds after 00:00 UTC, Goldstein, flags), in "
                    "time order; flags: 1 counted a to b, 2 counted b to a, 4 new article, "
                    "8 new outlet (point-in-time reads, streams.state.pointintime).",
    )
    coder_version: str = Field(default="", description="Coder version of the day's events.")
    event_digests: DigestRing = Field("", description="Every event id applied to the day.")
    reports: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Per act (SRC>TGT:root): reports per article digest.")


class DyadAlert(_Frozen):
    """A pair's tension index rose by more than the threshold within one day."""

    alert_id: str = Field(description="PAIR@DAY: at most one alert per pair and day.")
    pair: str
    a: CountryCode
    b: CountryCode
    day: date
    tension_before: float = Field(description="Tension index at 00:00 of the day.")
    tension_after: float
    change: float
    threshold: float
    event_time: UtcDatetime | None = None
    events: list[RelationEvent] = Field(description="The events of the day that raised tension.")


class DeadLetter(_Frozen):
    """Input that could not be processed, kept with its raw bytes and the reason."""

    stage: str = Field(description="Pipeline step that rejected it, e.g. decode, validate, extract.")
    reason: str = Field(description="Short machine-readable tag, e.g. invalid_json.")
    detail: str
    raw_b64: str = Field(description="The raw message value, base64.")
    raw_size: int
    key: str | None = Field(None, description="The record's key (its first 1,024 bytes).")
    key_size: int | None = Field(None, description="Full size of the key in bytes.")
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    at: UtcDatetime
