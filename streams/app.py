"""The Faust application: its topics and tables declared from the catalog, its agents wired.

::

    articles (key: article id)  ──code_articles──▶  relation-events (key: pair "IND-PAK")
                     │                                       │
                     └──────────▶ dead-letters ◀──────────── aggregate_events ──▶ dyads table
                                                                            ├──▶ dyad-days table
                                                                            └──▶ dyad-alerts

Names and partition counts come from ``streams.catalog``; client settings from
``streams.kafka.clients``. ``code_articles`` is ``agents.coding``, ``aggregate_events`` is
``streams.state.aggregation``: each is handed its topics and sender (``wire_agents``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import faust

from agents.coder import default_coder
from agents.coding import CodingPorts, wire_coding
from agents.dead_letters import DeadLetterOutlet, Tally
from agents.pool import CoderFactory, CodingPool, CodingService, InlineCoding
from agents.steps import CodingLimits
from streams.catalog import TableSpec, catalog
from streams.kafka.clients import aiokafka_auth, faust_broker_url
from streams.kafka.codec import CODEC_NAME, register_codec
from streams.kafka.sender import BatchedSender
from streams.kafka.stall import wire_stall_guard
from streams.kafka.transport import WorkerApp, faust_credentials
from streams.settings import Settings
from streams.state.aggregation import AggregationPorts, wire_aggregation
from streams.state.changes import PairChanges
from streams.state.objects import TableObjects
from streams.state.policy import aggregation_policy
from streams.state.rowcache import RowCache

__all__ = ["Pipeline", "build_pipeline", "coding_service", "wire_agents"]


@dataclass
class Pipeline:
    """The app with its topics (Faust ``TopicT``), tables, event sender and per-worker tally."""

    settings: Settings
    app: faust.App
    articles: faust.TopicT
    events: faust.TopicT
    dead_letters: faust.TopicT
    alerts: faust.TopicT
    dyads: Any
    days: Any
    event_sender: BatchedSender
    tally: Tally = field(default_factory=Tally)
    coding: CodingService | None = None  # set by wire_agents
    changes: PairChanges = field(default_factory=PairChanges)  # pairs folded: the live stream
    rows: RowCache = field(default_factory=RowCache)  # listing rows until their pair is written
    objects: TableObjects | None = None  # decoded states and buckets as last written

    @property
    def coding_ready(self) -> bool:
        """True once the coder is loaded (every coding process's), or if nothing codes here."""
        return self.coding is None or self.coding.ready

    @property
    def counters(self) -> dict[str, int]:
        """The worker's counters since it started: name -> count."""
        return self.tally.counters

    @property
    def dead_letter_reasons(self) -> dict[str, int]:
        """Dead letters sent since the worker started: ``"stage:reason"`` -> count."""
        return self.tally.dead_letter_reasons

    def count(self, name: str, by: int = 1) -> None:
        """Add ``by`` to the counter ``name``."""
        self.tally.count(name, by)


def _new_app(settings: Settings) -> WorkerApp:
    app = WorkerApp(
        settings.app_id,
        broker=faust_broker_url(settings),
        broker_credentials=faust_credentials(aiokafka_auth(settings)),
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
    """Declare the app, its topics and its tables; agents and views are wired separately.

    Raises ``ConfigurationError`` if the SSL files of the settings cannot be loaded.
    """
    register_codec()
    app, names = _new_app(settings), catalog(settings)
    articles = app.topic(names.articles.name, key_type=bytes, value_type=bytes,
                         key_serializer="raw", value_serializer="raw",
                         partitions=names.articles.partitions)
    events = app.topic(names.events.name, key_type=bytes, value_type=bytes,
                       key_serializer="raw", value_serializer="raw",
                       partitions=names.events.partitions)
    dead_letters = app.topic(names.dead_letters.name, key_serializer="raw",
                             value_serializer=CODEC_NAME, partitions=names.dead_letters.partitions)
    alerts = app.topic(names.alerts.name, key_serializer="raw", value_serializer=CODEC_NAME,
                       partitions=names.alerts.partitions)
    dyads, days = _table(app, settings, names.dyads), _table(app, settings, names.days)
    event_sender = BatchedSender(app, names.events.name, settings.events_batch_bytes)
    objects = TableObjects(settings.table_states_kept, settings.table_buckets_kept,
                           lambda: app.rebalancing_count)
    return Pipeline(settings, app, articles, events, dead_letters, alerts, dyads, days, event_sender,
                    objects=objects)


def coding_service(settings: Settings, factory: CoderFactory = default_coder) -> CodingService:
    """``DYADWATCH_CODING_PROCESSES`` coder processes (``CodingPool``), or the event loop if 0."""
    limits = CodingLimits(settings.max_article_chars, settings.future_tolerance_s,
                          settings.evidence_chars)
    if settings.coding_processes == 0:
        return InlineCoding(factory, limits)
    return CodingPool(settings.coding_processes, factory, limits, settings.coding_timeout_s)


def wire_agents(pipeline: Pipeline, factory: CoderFactory = default_coder) -> None:
    """Attach the two agents to the pipeline's app; ``factory`` builds the coder of each coding
    process (a picklable module-level function; ``agents.coder.default_coder`` by default)."""
    settings, tally = pipeline.settings, pipeline.tally
    outlet = DeadLetterOutlet(pipeline.dead_letters, tally, settings.max_message_bytes)
    pipeline.coding = coding_service(settings, factory)
    wire_coding(pipeline.app, CodingPorts(pipeline.articles, pipeline.event_sender, outlet, tally),
                pipeline.coding)
    wire_aggregation(pipeline.app, AggregationPorts(
        pipeline.events, pipeline.dyads, pipeline.days, pipeline.alerts, outlet, tally,
        aggregation_policy(settings), settings.aggregate_batch_max,
        settings.aggregate_batch_within_ms / 1000, settings.future_tolerance_s,
        pipeline.changes.note, pipeline.rows.forget, pipeline.objects))
    wire_stall_guard(pipeline.app, tally, [settings.articles_topic, settings.events_topic])


def _rocksdb_options(settings: Settings) -> dict[str, Any]:
    """Bounded RocksDB memory per table partition (Faust's defaults: 3 x 64 MB memtables and
    a 2 GB block cache, each per partition, which a long run fills with overwritten states)."""
    mb = 1024 * 1024
    return {"write_buffer_size": settings.table_write_buffer_mb * mb, "max_write_buffer_number": 2,
            "block_cache_size": settings.table_block_cache_mb * mb,
            "block_cache_compressed_size": settings.table_block_cache_mb * mb}


def _table(app: faust.App, settings: Settings, spec: TableSpec) -> Any:
    table: Any = app.Table(spec.name, partitions=spec.partitions, key_type=bytes,
                           help=spec.help, options=_rocksdb_options(settings))
    # Faust derives a table's value serializer from value_type only ("json" otherwise); set
    # "raw" before the store and the changelog topic (both created lazily) exist: the ledger
    # writes each row's JSON bytes itself, once for both (``streams.state.tables.row_bytes``).
    table.value_serializer = "raw"
    return table
