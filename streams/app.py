"""The Faust application: topics and tables declared in one place, from the settings.

::

    articles (key: article id)  ──code_articles──▶  relation-events (key: pair "IND-PAK")
                     │                                       │
                     └──────────▶ dead-letters ◀──────────── aggregate_events ──▶ dyads table
                                                                            ├──▶ dyad-days table
                                                                            └──▶ dyad-alerts
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import faust
from faust.auth import SASLCredentials, SSLCredentials

from streams.aggregate import AggregationPolicy
from streams.codec import CODEC_NAME, register_codec
from streams.exceptions import ConfigurationError
from streams.sender import BatchedSender
from streams.settings import Settings
from streams.transport import FastFetchApp

__all__ = [
    "DAYS_TABLE",
    "DYADS_TABLE",
    "Pipeline",
    "aggregation_policy",
    "build_pipeline",
    "changelog_topic_name",
]

DYADS_TABLE = "dyads"
DAYS_TABLE = "dyad-days"


def changelog_topic_name(settings: Settings, table: str = DYADS_TABLE) -> str:
    """The name Faust gives a table's changelog topic."""
    return f"{settings.app_id}-{table}-changelog"


def aggregation_policy(settings: Settings) -> AggregationPolicy:
    """How pair state is folded, from the settings (the worker and rebuilds share it)."""
    return AggregationPolicy(
        half_life_days=settings.half_life_days, recent_events_kept=settings.recent_events_kept,
        mention_window_days=settings.mention_window_days, history_days=settings.history_days,
        alert_tension_rise=settings.alert_tension_rise,
    )


@dataclass
class Pipeline:
    """The app with its topics, tables and per-worker counters."""

    settings: Settings
    app: faust.App
    articles: faust.TopicT
    events: faust.TopicT
    dead_letters: faust.TopicT
    alerts: faust.TopicT
    dyads: Any
    days: Any
    event_sender: BatchedSender
    counters: dict[str, int] = field(default_factory=dict)
    dead_letter_reasons: dict[str, int] = field(default_factory=dict)

    def count(self, name: str, by: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + by


def _credentials(settings: Settings) -> Any:
    if settings.security_protocol.startswith("SASL"):
        password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
        return SASLCredentials(
            username=settings.sasl_username or "", password=password,
            mechanism=settings.sasl_mechanism,
            ssl_context=_ssl_context(settings) if settings.security_protocol == "SASL_SSL" else None,
        )
    if settings.security_protocol == "SSL":
        return SSLCredentials(_ssl_context(settings))
    return None


def _ssl_context(settings: Settings) -> Any:
    import ssl

    cafile = str(settings.ssl_cafile) if settings.ssl_cafile else None
    try:
        context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=cafile)
        if settings.ssl_certfile is not None:
            keyfile = str(settings.ssl_keyfile) if settings.ssl_keyfile else None
            context.load_cert_chain(str(settings.ssl_certfile), keyfile)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigurationError(f"cannot load the SSL files (DYADWATCH_SSL_*): {exc}") from exc
    return context


def _new_app(settings: Settings) -> FastFetchApp:
    brokers = ";".join(f"kafka://{server}" for server in settings.bootstrap_servers.split(","))
    app = FastFetchApp(
        settings.app_id,
        broker=brokers,
        broker_credentials=_credentials(settings),
        store="rocksdb://",
        datadir=settings.worker_data_dir,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        canonical_url=settings.canonical_url,
        web_enabled=True,
        processing_guarantee="at_least_once",
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        broker_rebalance_timeout=settings.rebalance_timeout_s,
        producer_max_batch_size=settings.producer_max_batch_size,
        producer_max_request_size=settings.max_message_bytes,
        topic_allow_declare=False,
        topic_disable_leader=True,
        topic_partitions=settings.events_partitions,
        topic_replication_factor=settings.replication_factor,
        table_cleanup_interval=60.0,
        consumer_auto_offset_reset="earliest",
        key_serializer="raw",
        value_serializer="raw",
    )
    app.configure_fetch_wait(settings.fetch_max_wait_ms)
    return app


def build_pipeline(settings: Settings) -> Pipeline:
    """Declare the app, its topics and its table; agents and views are wired separately."""
    register_codec()
    app = _new_app(settings)
    articles = app.topic(settings.articles_topic, key_type=bytes, value_type=bytes,
                         key_serializer="raw", value_serializer="raw",
                         partitions=settings.articles_partitions)
    events = app.topic(settings.events_topic, key_type=bytes, value_type=bytes,
                       key_serializer="raw", value_serializer="raw",
                       partitions=settings.events_partitions)
    dead_letters = app.topic(settings.dead_letters_topic, key_serializer="raw",
                             value_serializer=CODEC_NAME, partitions=1)
    alerts = app.topic(settings.alerts_topic, key_serializer="raw", value_serializer=CODEC_NAME,
                       partitions=1)
    dyads = _table(app, settings, DYADS_TABLE,
                   "Live state per unordered country pair (key: b'IND-PAK').")
    days = _table(app, settings, DAYS_TABLE,
                  "Daily tumbling windows per pair (key: b'IND-PAK@2024-05-01').")
    event_sender = BatchedSender(app, settings.events_topic, settings.events_batch_bytes)
    return Pipeline(settings, app, articles, events, dead_letters, alerts, dyads, days, event_sender)


def _rocksdb_options(settings: Settings) -> dict[str, Any]:
    """Bounded RocksDB memory per table partition (Faust's defaults: 3 x 64 MB memtables and
    a 2 GB block cache, each per partition, which a long run fills with overwritten states)."""
    mb = 1024 * 1024
    return {"write_buffer_size": settings.table_write_buffer_mb * mb, "max_write_buffer_number": 2,
            "block_cache_size": settings.table_block_cache_mb * mb,
            "block_cache_compressed_size": settings.table_block_cache_mb * mb}


def _table(app: faust.App, settings: Settings, name: str, help_text: str) -> Any:
    table: Any = app.Table(name, partitions=settings.events_partitions, key_type=bytes,
                           help=help_text, options=_rocksdb_options(settings))
    # Faust derives a table's value serializer from value_type only ("json" otherwise);
    # set ours before the store and the changelog topic (both created lazily) exist.
    table.value_serializer = CODEC_NAME
    return table
