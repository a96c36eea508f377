"""The topic and table catalog: every name, partition count and changelog, from the settings.

Pure (no Faust, no Kafka client): the Faust app (``streams.app``), ``dyadwatch topics``
(``streams.kafka.topics``), ``rebuild`` and ``recode`` all read their names here, so a topic
is declared once. Shapes::

    topic_specs(Settings())  ->  [TopicSpec("articles", 4, {"retention.ms": "-1"}),
                                  TopicSpec("relation-events", 4, {"retention.ms": "-1"}),
                                  TopicSpec("dead-letters", 1, {}), TopicSpec("dyad-alerts", 1, {}),
                                  TopicSpec("dyadwatch-dyads-changelog", 4, {"cleanup.policy": "compact"}),
                                  TopicSpec("dyadwatch-dyad-days-changelog", 4, {...})]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.settings import Settings

__all__ = ["DAYS_TABLE", "DYADS_TABLE", "Catalog", "TableSpec", "TopicSpec", "catalog",
           "changelog_topic_name", "topic_specs"]

DYADS_TABLE = "dyads"
DAYS_TABLE = "dyad-days"
COMPACT = {"cleanup.policy": "compact"}


@dataclass(frozen=True)
class TopicSpec:
    """One topic: its name, partition count and topic configuration (e.g. compaction)."""

    name: str
    partitions: int
    configs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TableSpec:
    """One Faust table: its name, help text, partitions and changelog topic."""

    name: str
    help: str
    partitions: int
    changelog: TopicSpec


@dataclass(frozen=True)
class Catalog:
    """The project's four topics and two tables (each table with its changelog topic)."""

    articles: TopicSpec
    events: TopicSpec
    dead_letters: TopicSpec
    alerts: TopicSpec
    dyads: TableSpec
    days: TableSpec

    def topics(self) -> list[TopicSpec]:
        """Every topic, the changelogs included, in creation order."""
        return [self.articles, self.events, self.dead_letters, self.alerts,
                self.dyads.changelog, self.days.changelog]


def changelog_topic_name(settings: Settings, table: str = DYADS_TABLE) -> str:
    """The name Faust gives a table's changelog topic: ``{app_id}-{table}-changelog``."""
    return f"{settings.app_id}-{table}-changelog"


def _table(settings: Settings, name: str, help_text: str) -> TableSpec:
    partitions = settings.events_partitions  # co-partitioned with relation-events
    changelog = TopicSpec(changelog_topic_name(settings, name), partitions, dict(COMPACT))
    return TableSpec(name, help_text, partitions, changelog)


def catalog(settings: Settings) -> Catalog:
    """The catalog of these settings (topic names and partition counts are settings).

    ``articles`` and ``relation-events`` are the record ``rebuild``, ``recode`` and history
    are derived from: they are created with ``retention.ms`` = ``DYADWATCH_RETENTION_MS``
    (default -1, kept forever) instead of the broker's default (Kafka: 7 days); the table
    changelogs are compacted.
    """
    kept = {"retention.ms": str(settings.retention_ms)}
    return Catalog(
        articles=TopicSpec(settings.articles_topic, settings.articles_partitions, kept),
        events=TopicSpec(settings.events_topic, settings.events_partitions, kept),
        dead_letters=TopicSpec(settings.dead_letters_topic, 1),
        alerts=TopicSpec(settings.alerts_topic, 1),
        dyads=_table(settings, DYADS_TABLE,
                     "Live state per unordered country pair (key: b'IND-PAK')."),
        days=_table(settings, DAYS_TABLE,
                    "Daily tumbling windows per pair (key: b'IND-PAK@2024-05-01')."),
    )


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """Every topic the project uses, with its partitions and configuration."""
    return catalog(settings).topics()
