"""Every setting, read from ``DYADWATCH_*`` environment variables (pydantic settings).

The README lists them all; ``dyadwatch settings`` prints the values in force (secrets masked).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "unknown_variables", "usable_cores"]

PREFIX = "DYADWATCH_"
OTHER_VARIABLES = frozenset({"DYADWATCH_SHARED_DIR"})  # the evaluation sets' folder (tests, bench)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. a container's cpuset), >= 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Settings(BaseSettings):
    """Frozen settings; override any field with ``DYADWATCH_<FIELD>`` (case-insensitive)."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="ignore")

    # Broker and clients
    bootstrap_servers: str = Field("127.0.0.1:9092", description="Kafka host:port[,host:port]")
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = Field(None, description="Client certificate (PEM), SSL only.")
    ssl_keyfile: Path | None = Field(None, description="Private key of ssl_certfile (PEM).")
    max_message_bytes: int = Field(
        1_000_000, ge=16_384,
        description="Largest record the publisher and the worker send (Kafka's default too).",
    )
    client_session_timeout_ms: int = Field(3000, ge=1000)
    connect_timeout_s: float = Field(
        5.0, gt=0, description="How long events, alerts, dead-letters, rebuild and topics wait for Kafka.")
    publish_timeout_s: float = Field(30.0, gt=0, description="How long publish waits for acks.")

    # Topics
    app_id: str = "dyadwatch"
    articles_topic: str = "articles"
    events_topic: str = "relation-events"
    dead_letters_topic: str = "dead-letters"
    alerts_topic: str = "dyad-alerts"
    articles_partitions: int = Field(4, ge=1)
    events_partitions: int = Field(4, ge=1)
    replication_factor: int = Field(1, ge=1)
    retention_ms: int = Field(
        -1, ge=-1,
        description="retention.ms of articles and relation-events when created (-1: forever).")

    # Worker
    web_host: str = "127.0.0.1"
    web_port: int = Field(6066, ge=1, le=65535)
    advertised_host: str | None = Field(
        None, description="Host other workers reach this one at (default: web_host)."
    )
    data_dir: Path = Path(".dyadwatch")
    session_timeout_s: float = Field(3.0, gt=0)
    heartbeat_interval_s: float = Field(0.5, gt=0)
    rebalance_timeout_s: float = Field(20.0, gt=0)
    fetch_max_wait_ms: int = Field(50, ge=0)
    producer_max_batch_size: int = Field(1, ge=1)
    events_batch_bytes: int = Field(65_536, ge=1)
    max_article_chars: int = Field(1_000_000, ge=1)
    coding_processes: int = Field(
        default_factory=usable_cores, ge=0,
        description="Coder processes of a worker (default: the machine's cores); 0 codes in "
                    "the worker's event loop (tests, debugging: it stalls the HTTP API).",
    )
    coding_timeout_s: float = Field(
        120.0, gt=0,
        description="Longest wait for a coding process's answer on one task (up to 4 articles, "
                    "~50 ms each), in seconds; past it the pool's processes are replaced and the "
                    "task's articles coded again alone, an article then dead-lettered (reason "
                    "coder_timeout) if it times out again.",
    )
    evidence_chars: int = Field(
        2_000, ge=100, description="Longest evidence sentence an event and pair state keep.")
    future_tolerance_s: float = Field(
        86_400.0, ge=0,
        description="How far a published or event time may lie after its record's timestamp.",
    )
    half_life_days: float = Field(7.0, gt=0)
    recent_events_kept: int = Field(10, ge=0)
    history_days: int = Field(90, ge=2, le=3660, description="Daily history kept per pair.")
    mention_window_days: int = Field(
        3, ge=0, description="How long a repeated report still counts as a mention, in days."
    )
    alert_tension_rise: float = Field(
        15.0, ge=0, description="Tension rise within a day that raises an alert (0: never)."
    )
    table_write_buffer_mb: int = Field(
        4, ge=1, description="RocksDB memtable size per table partition (two are kept)."
    )
    table_block_cache_mb: int = Field(8, ge=1, description="RocksDB read cache per table partition.")
    table_states_kept: int = Field(
        500, ge=0, description="Pair states kept decoded beside the dyads table (~80 KB each), "
        "least recently used dropped first; 0: decode every read."
    )
    table_buckets_kept: int = Field(
        5_000, ge=0, description="Day buckets kept decoded beside the dyad-days table (~8 KB "
        "each), least recently used dropped first; 0: decode every read."
    )
    aggregate_batch_max: int = Field(200, ge=1)
    aggregate_batch_within_ms: int = Field(20, ge=1)
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    @field_validator("log_level", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        """``DYADWATCH_LOG_LEVEL=INFO`` is ``info``: the level in any case."""
        return value.lower() if isinstance(value, str) else value

    # Event store (dyadwatch lake, sql, export, GET /events)
    lake_dir: Path | None = Field(
        None, description="The event store's folder (default: <data_dir>/lake)."
    )
    lake_group: str | None = Field(
        None, description="Consumer group of dyadwatch lake (default: <app_id>-lake)."
    )
    lake_flush_events: int = Field(5000, ge=1, description="Events buffered before a write.")
    lake_flush_s: float = Field(2.0, gt=0, description="Longest wait before buffered events are written.")
    lake_compact_files: int = Field(8, ge=2, description="Files of one day that trigger its compaction.")

    # Embedded broker
    embedded_broker_host: str = "127.0.0.1"
    embedded_broker_port: int = Field(9092, ge=1, le=65535)

    @property
    def worker_data_dir(self) -> str:
        """This worker's table store folder (one per web port, so workers never share it)."""
        return str(self.data_dir / f"worker-{self.web_port}")

    @property
    def lake_path(self) -> Path:
        """The event store's folder: ``lake_dir``, or ``<data_dir>/lake``."""
        return self.lake_dir if self.lake_dir is not None else self.data_dir / "lake"

    @property
    def lake_group_id(self) -> str:
        """The consumer group of ``dyadwatch lake``: ``lake_group`` or ``<app_id>-lake``."""
        return self.lake_group or f"{self.app_id}-lake"

    @property
    def canonical_url(self) -> str:
        """The URL other workers use to route table queries to this one."""
        return f"http://{self.advertised_host or self.web_host}:{self.web_port}"

    @property
    def web_url(self) -> str:
        """The URL of this worker's HTTP API on its bind address, e.g. ``http://127.0.0.1:6066``."""
        return f"http://{self.web_host}:{self.web_port}"

    def derived_defaults(self) -> dict[str, tuple[str, str]]:
        """The settings left unset whose value is derived from others, as name → (the value
        in use, where it comes from): ``lake_dir``, ``lake_group``, ``advertised_host``."""
        derived = {"lake_dir": (str(self.lake_path), "<DYADWATCH_DATA_DIR>/lake"),
                   "lake_group": (self.lake_group_id, "<DYADWATCH_APP_ID>-lake"),
                   "advertised_host": (self.web_host, "DYADWATCH_WEB_HOST")}
        return {name: value for name, value in derived.items() if getattr(self, name) is None}

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict, secrets masked: safe to log or print."""
        values = self.model_dump(mode="json")
        if self.sasl_password is not None:
            values["sasl_password"] = "**********"
        return values


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once from the environment."""
    return Settings()


def unknown_variables(environ: Mapping[str, str] | None = None) -> list[str]:
    """One line for each ``DYADWATCH_*`` variable of ``environ`` (default: this process's
    environment) that names no setting, which pydantic would ignore without a word: the name,
    and the setting it most likely meant ("DYADWATCH_WEBPORT ... did you mean
    DYADWATCH_WEB_PORT?"). Empty when every such variable is a setting."""
    names = {PREFIX + field.upper() for field in Settings.model_fields}
    lines = []
    for key in sorted(os.environ if environ is None else environ):
        upper = key.upper()
        if not upper.startswith(PREFIX) or upper in names or upper in OTHER_VARIABLES:
            continue
        close = difflib.get_close_matches(upper, sorted(names), n=1, cutoff=0.75)
        hint = f" (did you mean {close[0]}?)" if close else ""
        lines.append(f"{key} names no setting and is ignored{hint}")
    return lines
