"""The Faust agent that folds relation events into the pair tables (and raises alerts).

Like the coding agent (``agents.coding``) it is handed what it reads and writes
(``AggregationPorts``); the app (``streams.app``) wires both. The fold itself is the pure
``streams.state.ledger.fold_event`` over a ``TableLedger``: the same path ``rebuild`` runs.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import faust
from faust.streams import _current_event

from agents.coding import ARTICLE_TIMESTAMP_HEADER
from agents.dead_letters import DeadLetterOutlet, RecordSink, Tally, hold_batch
from agents.steps import Rejection, check_event_time, decode_event, event_time_from_timestamp
from schemas.contract import schema_header
from schemas.models import DyadAlert
from streams.state.aggregate import Outcome
from streams.state.ledger import fold_event
from streams.state.objects import TableObjects
from streams.state.policy import AggregationPolicy
from streams.state.tables import TableLedger

__all__ = ["AggregationPorts", "wire_aggregation"]


@dataclass(frozen=True)
class AggregationPorts:
    """What the aggregation agent reads (``events``: relation events keyed by pair) and
    writes: the ``dyads`` and ``dyad-days`` tables, ``alerts`` (``DyadAlert`` keyed by pair),
    dead letters and the worker's tally. Batches hold up to ``batch_max`` events, or what
    arrived within ``batch_within_s`` seconds. ``on_changed`` (``PairChanges.note``) is told
    the pairs whose state moved, once each pair group of a batch is written (the live stream);
    ``on_written`` (``RowCache.forget``) the pairs written, whatever moved, right after the
    write (no await in between)."""

    events: faust.TopicT
    dyads: Any
    days: Any
    alerts: RecordSink
    dead_letters: DeadLetterOutlet
    tally: Tally
    policy: AggregationPolicy
    batch_max: int
    batch_within_s: float
    future_tolerance_s: float = 86_400.0
    on_changed: Callable[[Iterable[str]], None] | None = None
    on_written: Callable[[Iterable[str]], None] | None = None
    objects: TableObjects | None = None


def wire_aggregation(app: faust.App, ports: AggregationPorts) -> None:
    """Attach the ``aggregate_events`` agent to ``app``."""

    @app.agent(ports.events, name="aggregate_events")
    async def aggregate_events(stream: Any) -> None:
        """relation-events → dyads + dyad-days tables (+ dyad-alerts), in batches; on an
        error the batch is held back (never committed) and the agent stops (``/health``)."""
        async for batch in stream.take_events(ports.batch_max, ports.batch_within_s):
            ports.tally.observe("batch_size", "aggregate_events", len(batch), unit="records")
            try:
                with ports.tally.handling("aggregate_events", [event.message for event in batch]):
                    for group in _by_partition_and_pair(batch):
                        await _aggregate_group(ports, group)
            except Exception as exc:
                hold_batch([event.message for event in batch], ports.tally, "aggregate_events",
                           exc)
                await asyncio.Event().wait()  # stopped: nothing after this batch is committed


def started_at(message: Any) -> float | None:
    """When the event's article reached the broker (``ARTICLE_TIMESTAMP_HEADER``), in epoch
    seconds; else the event record's own timestamp; None if neither is known."""
    headers = message.headers or ()
    for name, value in headers.items() if isinstance(headers, Mapping) else headers:
        if name == ARTICLE_TIMESTAMP_HEADER:
            try:
                return int(value) / 1000
            except ValueError:
                break
    return float(message.timestamp) if message.timestamp else None


def _by_partition_and_pair(batch: list[Any]) -> list[list[Any]]:
    """Events grouped by (partition, key), log order kept inside each group."""
    groups: dict[tuple[int, bytes | None], list[Any]] = {}
    for event in batch:
        groups.setdefault((event.message.partition, event.message.key), []).append(event)
    return list(groups.values())


def _make_current(event: Any) -> None:
    """Make ``event`` the current event of this task, for the tables.

    Faust's RocksDB store reads and writes the partition of the current event, and table
    changelog records go to that partition; in a batch the current event is whichever was
    consumed last, so each pair group points it at its own event. Only the context variable
    the tables read is set: the stream's own ``current_event`` attribute belongs to the
    batching consumer task, which records the event of every message it buffers from it.
    """
    _current_event.set(weakref.ref(event))


async def _aggregate_group(ports: AggregationPorts, group: list[Any]) -> None:
    """Fold one pair's events; its table reads and writes use that pair's partition."""
    _make_current(group[-1])
    ledger = TableLedger(ports.dyads, ports.days, ports.objects)
    alerts: list[DyadAlert] = []
    changed: set[str] = set()
    for event in group:
        message = event.message
        relation = decode_event(message.value, message.key)
        if not isinstance(relation, Rejection):
            relation = check_event_time(relation, event_time_from_timestamp(message.timestamp),
                                        ports.future_tolerance_s)
        if isinstance(relation, Rejection):
            await ports.dead_letters.reject(relation, message)
            continue
        applied = fold_event(ledger, relation, ports.policy)
        ports.tally.count("events_folded")
        ports.tally.count(f"events_{applied.outcome.value}")
        start = started_at(message)
        if start is not None:
            ports.tally.observe("end_to_end_latency_seconds", "aggregate_events",
                                max(0.0, time.time() - start))
        if applied.alert is not None:
            alerts.append(applied.alert)
        if applied.outcome in (Outcome.COUNTED, Outcome.MENTION):
            changed.add(relation.pair)
    _make_current(group[-1])  # awaits above may have moved it
    written = ledger.flush()
    if ports.on_written is not None:
        ports.on_written(written)
    if changed and ports.on_changed is not None:
        ports.on_changed(changed)
    for alert in alerts:
        await ports.alerts.send(key=alert.pair.encode(), value=alert,
                                headers=[schema_header(DyadAlert)])
        ports.tally.count("alerts_raised")
