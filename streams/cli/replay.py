"""Event sourcing: rebuild the pair tables from the log, re-code the articles.

``rebuild`` folds ``relation-events`` from offset 0 through the same ``fold_event`` the worker
runs, into memory; ``differences`` compares that with a live worker field by field.
``recode`` reads every article on ``articles`` again, codes it with the current coder and
publishes the events, stamped with that coder's version: the workers' tables follow, since
events of a newer coder supersede a pair's older state (``streams.state.aggregate``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from kafka.errors import KafkaError

from agents.steps import (
    ArticleCoder,
    Rejection,
    check_article_time,
    check_event_time,
    code_article,
    decode_article,
    decode_event,
    event_time_from_timestamp,
)
from schemas.contract import schema_header
from schemas.models import DyadAlert, RelationEvent
from streams.catalog import catalog
from streams.exceptions import PublishError, QueryError
from streams.kafka.consume import read_records
from streams.kafka.publish import close_producer, new_producer
from streams.settings import Settings
from streams.state.history import history_rows
from streams.state.ledger import MemoryLedger, fold_event
from streams.state.policy import aggregation_policy
from streams.web.client import fetch_json

__all__ = ["RebuildReport", "RecodeReport", "differences", "rebuild", "recode"]


@dataclass
class RebuildReport:
    """The tables recomputed from the log, and what the log held."""

    ledger: MemoryLedger = field(default_factory=MemoryLedger)
    outcomes: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    alerts: list[DyadAlert] = field(default_factory=list)

    def render(self) -> str:
        """One line: pairs, days, events by outcome, rejections and alerts."""
        counts = ", ".join(f"{name} {n}" for name, n in sorted(self.outcomes.items()))
        rejected = sum(self.rejected.values())
        return (f"pairs {len(self.ledger.states)}, days {len(self.ledger.buckets)}, "
                f"events: {counts or 'none'}; rejected {rejected}; alerts {len(self.alerts)}")


def rebuild(settings: Settings) -> RebuildReport:
    """Fold ``relation-events`` from offset 0 to its current end, as the worker does.

    Raises ``BrokerError`` if the topic does not exist or the
    broker cannot be reached.
    """
    report, policy = RebuildReport(), aggregation_policy(settings)
    events_topic = catalog(settings).events.name
    for record in read_records(settings, events_topic, from_beginning=True, follow=False):
        relation = decode_event(record.value, record.key)
        if not isinstance(relation, Rejection):
            received = event_time_from_timestamp(record.timestamp / 1000)
            relation = check_event_time(relation, received, settings.future_tolerance_s)
        if isinstance(relation, Rejection):
            report.rejected[f"{relation.stage}:{relation.reason}"] += 1
            continue
        applied = fold_event(report.ledger, relation, policy)
        report.outcomes[applied.outcome.value] += 1
        if applied.alert is not None:
            report.alerts.append(applied.alert)
    return report


def _diff(where: str, live: Any, rebuilt: Any) -> list[str]:
    if isinstance(live, dict) and isinstance(rebuilt, dict):
        out = []
        for name in sorted(set(live) | set(rebuilt)):
            out += _diff(f"{where}.{name}", live.get(name, "<missing>"), rebuilt.get(name, "<missing>"))
        return out
    if live != rebuilt:
        return [f"{where}: live {str(live)[:120]} != rebuilt {str(rebuilt)[:120]}"]
    return []


def differences(report: RebuildReport, base_url: str, settings: Settings) -> list[str]:
    """Every field where the live worker's tables differ from the rebuilt ones."""
    listed = fetch_json(base_url, "/dyads", {"limit": "1000"})
    live_pairs = {row["pair"] for row in listed["dyads"]}
    found = [f"{pair}: live only" for pair in sorted(live_pairs - set(report.ledger.states))]
    for pair, state in sorted(report.ledger.states.items()):
        a, b = pair.split("-")
        try:
            live = fetch_json(base_url, f"/dyads/{a}/{b}")
        except QueryError as exc:
            found.append(f"{pair}: rebuilt only ({exc})")
            continue
        live.pop("summary", None)
        found += _diff(pair, live, state.model_dump(mode="json"))
        days = settings.history_days
        live_history = fetch_json(base_url, f"/dyads/{a}/{b}/history", {"days": str(days)})
        rebuilt_history = history_rows(state, days, partial(report.ledger.load_bucket, pair))
        found += _diff(f"{pair}.history", live_history, rebuilt_history)
    return found


@dataclass
class RecodeReport:
    """What ``recode`` did: articles read, articles rejected, events published."""

    articles: int = 0
    rejected: int = 0
    events: int = 0


def recode(settings: Settings, coder: ArticleCoder,
           progress: Callable[[RecodeReport], None] | None = None) -> RecodeReport:
    """Code every article on ``articles`` again and publish its events (acks from all replicas).

    ``progress`` is called after each article. Raises ``PublishError`` if Kafka cannot be
    reached or an event is not acknowledged, ``BrokerError`` if ``articles`` does not exist.
    """
    report, names = RecodeReport(), catalog(settings)
    try:
        producer = new_producer(settings, settings.publish_timeout_s)
    except KafkaError as exc:
        raise PublishError(f"cannot reach Kafka at {settings.bootstrap_servers}: {exc}") from exc
    futures: list[Any] = []
    try:
        for record in read_records(settings, names.articles.name, from_beginning=True,
                                   follow=False):
            report.articles += 1
            article = decode_article(record.value, max_chars=settings.max_article_chars)
            fallback = event_time_from_timestamp(record.timestamp / 1000)
            if not isinstance(article, Rejection):
                article = check_article_time(article, fallback, settings.future_tolerance_s)
            coded = article if isinstance(article, Rejection) else code_article(
                article, coder, fallback, settings.evidence_chars)
            if isinstance(coded, Rejection):
                report.rejected += 1  # already on dead-letters from the live run
                continue
            for event in coded:
                futures.append(producer.send(names.events.name, key=event.pair.encode(),
                                             value=event.__pydantic_serializer__.to_json(event),
                                             headers=[schema_header(RelationEvent)]))
                report.events += 1
            if progress is not None:
                progress(report)
        producer.flush(timeout=settings.publish_timeout_s)
        for future in futures:
            future.get(timeout=settings.publish_timeout_s)  # raises if it was not acknowledged
    except KafkaError as exc:
        raise PublishError(f"recode stopped: {type(exc).__name__}: {exc}") from exc
    finally:
        close_producer(producer, 5.0)
    return report
