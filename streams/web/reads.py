"""The worker's table reads behind the HTTP views: its own rows, and every worker's, merged.

A pair lives on the worker owning its partition; a listing asks every other worker for its
own rows (``local=1``) through the app's HTTP client and merges them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import aiohttp
from faust.web import Request

from schemas import jsonbytes
from schemas.models import DayBucket, DyadState
from schemas.summary import PairSummary
from streams.app import Pipeline
from streams.kafka.lag import consumer_lag, lag_by_topic
from streams.state.history import bucket_key
from streams.state.objects import ABSENT, Absent
from streams.state.tables import read_row
from streams.web.listing import (
    RowFilter,
    alerts_from_buckets,
    page_rows,
    parse_row_filter,
    range_figures,
)
from streams.web.queries import (
    current_coder_rows,
    express_rows,
    load_state,
    pair_summary,
    parse_as_of,
    parse_int,
    parse_sort,
    summary_at,
)

__all__ = ["TableReads"]


class TableReads:
    """Table reads shared by the views of one pipeline (``PairSummary`` rows as JSON dicts)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.table = pipeline.dyads

    def local_rows(self, country: str | None = None, window_days: int = 1,
                   as_of: datetime | None = None,
                   row_filter: RowFilter | None = None) -> list[dict[str, Any]]:
        """This worker's ``PairSummary`` rows (JSON dicts), of ``country`` only if given; as of
        ``as_of`` if given (pairs without an event by then left out); kept by ``row_filter``
        (with a quad or time range, each row gains ``range``: ``listing.range_figures``).
        Rows at the pairs' own latest events come from the pipeline's ``RowCache`` while the
        worker serves (computed, then kept, for a pair not written since)."""
        ranged = row_filter is not None and row_filter.ranged
        cache = self.pipeline.rows if as_of is None and not ranged and self.serving() else None
        if cache is not None:
            cache.valid_for(self.pipeline.app.rebalancing_count)
        rows = []
        for key in self.table:
            pair = key.decode()
            if country is not None and country not in pair.split("-"):
                continue
            row = None if cache is None else cache.get(pair, window_days)
            if row is None:
                row = self._computed_row(key, window_days, as_of, row_filter)
                if row is not None and cache is not None:
                    cache.put(pair, window_days, row)
            if row is not None:
                rows.append(row)
        return rows

    def _computed_row(self, key: bytes, window_days: int, as_of: datetime | None,
                      row_filter: RowFilter | None) -> dict[str, Any] | None:
        """The pair's row as ``local_rows`` lists it (None: left out), read from the tables."""
        kept = self._kept_state(key.decode())
        if kept is ABSENT:
            value = self.table.get(key)
            kept = None if value is None else load_state(value)
        if not isinstance(kept, DyadState):
            return None
        state = kept
        buckets = self.local_buckets(state)
        in_range = None
        if row_filter is not None and row_filter.ranged:
            in_range = range_figures(state, buckets, row_filter)
            if in_range is None:
                return None
        summary = self.summary(state, window_days, as_of, buckets)
        if summary is None:
            return None
        row = summary.model_dump(mode="json")
        return row if in_range is None else {**row, "range": in_range}

    def rows_of(self, pairs: list[str]) -> list[dict[str, Any]]:
        """The ``PairSummary`` rows (JSON dicts, ``change`` over 1 day) of those of ``pairs``
        this worker holds, each at its own latest event time."""
        rows = []
        for pair in pairs:
            state = self.local_state(pair)
            summary = None if state is None else self.summary(state, 1.0, None)
            if summary is not None:
                rows.append(summary.model_dump(mode="json"))
        return rows

    def summary(self, state: DyadState, window_days: float, as_of: datetime | None,
                buckets: list[DayBucket] | None = None) -> PairSummary | None:
        """The pair's summary, as of ``as_of`` if given (None: no event by then)."""
        half_life = self.pipeline.settings.half_life_days
        buckets = self.local_buckets(state) if buckets is None else buckets
        if as_of is None:
            return pair_summary(state, buckets, window_days, half_life)
        return summary_at(state, buckets, as_of, window_days, half_life)

    def alerts(self, state: DyadState) -> list[dict[str, Any]]:
        """The pair's alerts read back from its day buckets (``listing.alerts_from_buckets``)."""
        settings = self.pipeline.settings
        return alerts_from_buckets(self.local_buckets(state), settings.alert_tension_rise,
                                   settings.half_life_days)

    def local_buckets(self, state: DyadState) -> list[DayBucket]:
        """The pair's day buckets held in this worker's ``dyad-days`` table."""
        found = (self.local_bucket(state.pair, day) for day in state.history_days)
        return [bucket for bucket in found if bucket is not None]

    def serving(self) -> bool:
        """True once this worker's tables are recovered and no rebalance is running."""
        app = self.pipeline.app
        recovered = app.tables.recovery.completed.is_set()  # type: ignore[attr-defined]
        return bool(recovered and not app.rebalancing)

    def input_topics(self) -> list[str]:
        """The topics the agents read: articles and relation events."""
        return [self.pipeline.articles.get_topic_name(), self.pipeline.events.get_topic_name()]

    def lag(self) -> dict[str, dict[int, int]]:
        """This worker's consumer lag on the input topics: ``{topic: {partition: n}}``."""
        return consumer_lag(self.pipeline.app, self.input_topics())

    def health(self) -> dict[str, Any]:
        """The body of ``GET /health`` (see ``HealthView``)."""
        app, dead = self.pipeline.app, self.pipeline.dead_letter_reasons
        crashed = self.pipeline.tally.crashed
        lag = lag_by_topic(self.lag(), self.input_topics())
        status = "starting"
        if self.serving() and self.pipeline.coding_ready:  # tables recovered, coders loaded
            status = "catching_up" if any(lag.values()) else "ok"
        return {
            "status": "crashed" if crashed else status,
            "crashed_agents": crashed,
            "worker": str(app.conf.canonical_url),
            "lag": lag,
            "counters": self.pipeline.counters,
            "dead_letters_total": sum(dead.values()),
            "dead_letters": dead,
            "pairs_local": sum(1 for _ in self.table),
        }

    async def listing(self, path: str, country: str | None, query: Mapping[str, str],
                      row_filter: RowFilter) -> tuple[list[dict[str, Any]], list[str]]:
        """This worker's rows, plus every other worker's unless the request is ``local=1``."""
        window = parse_int("window", query.get("window"), 1, 1, 30)
        as_of = row_filter.as_of(parse_as_of(query.get("as_of")))
        rows = self.local_rows(country, window, as_of, row_filter)
        if query.get("local") == "1":
            return rows, []
        params = {"window": str(window), **row_filter.remote()}
        if as_of is not None:
            params["as_of"] = as_of.isoformat()
        return await self.gather_rows(path, params, rows)

    async def ranked(self, request: Request, path: str, country: str | None,
                     limit: int | None) -> dict[str, Any]:
        """The merged listing, expressed at one time, sorted and paged (the body of a list
        view: ``sort``, ``order``, ``as_of``, ``total`` rows, ``offset``, ``count`` on this
        page, ``dyads``, ``superseded_pairs``, ``unreachable_workers``)."""
        query = request.query
        sort = parse_sort(query.get("sort"))
        row_filter = parse_row_filter(query, limit)
        as_of = row_filter.as_of(parse_as_of(query.get("as_of")))
        rows, failed = await self.listing(path, country, query, row_filter)
        if query.get("local") == "1":
            return {"dyads": rows}
        superseded = 0
        if query.get("all_versions") != "1":
            rows, superseded = current_coder_rows(rows)
        rows, as_of_text = express_rows(rows, as_of, self.pipeline.settings.half_life_days)
        page = page_rows(rows, sort, row_filter)
        return {"sort": sort, "order": "desc" if row_filter.descending else "asc",
                "as_of": as_of_text, "total": len(rows), "offset": row_filter.offset,
                "count": len(page), "dyads": page, "superseded_pairs": superseded,
                "unreachable_workers": failed}

    async def all_rows(self) -> tuple[list[dict[str, Any]], str | None]:
        """Every current pair of every worker, expressed at one time, and that time."""
        rows, _ = await self.listing("/dyads", None, {}, RowFilter())
        rows, _ = current_coder_rows(rows)
        return express_rows(rows, None, self.pipeline.settings.half_life_days)

    def local_state(self, pair: str) -> DyadState | None:
        """The pair's state in this worker's table, or None."""
        kept = self._kept_state(pair)
        if kept is not ABSENT:
            return kept if isinstance(kept, DyadState) else None
        raw = self.table.get(pair.encode())
        return None if raw is None else read_row(DyadState, raw)

    def local_bucket(self, pair: str, day: Any) -> DayBucket | None:
        """The pair's day bucket (``dyad-days``) in this worker's table, or None."""
        key = bucket_key(pair, day)
        objects = self.pipeline.objects
        kept = objects.buckets.get(key) if objects is not None and self.serving() else ABSENT
        if kept is not ABSENT:
            return kept if isinstance(kept, DayBucket) else None
        raw = self.pipeline.days.get(key.encode())
        return None if raw is None else read_row(DayBucket, raw)

    def _kept_state(self, pair: str) -> DyadState | Absent | None:
        """The pair's state as the ledger last wrote it (``TableObjects``), or ``ABSENT``."""
        objects = self.pipeline.objects
        return objects.states.get(pair) if objects is not None and self.serving() else ABSENT

    def other_workers(self) -> list[str]:
        """The canonical URLs of the other workers holding table partitions."""
        app = self.pipeline.app
        me = str(app.conf.canonical_url).rstrip("/")
        hosts = {str(host).rstrip("/") for host in app.router.tables_metadata()}
        return sorted(host for host in hosts if host != me)

    async def gather_rows(self, path: str, params: dict[str, str],
                          local: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
        """Local rows plus every other worker's (``local=1``); unreachable workers listed."""
        client = self.pipeline.app.http_client
        hosts = self.other_workers()

        async def fetch(host: str) -> list[dict[str, Any]]:
            async with client.get(f"{host}{path}", params={**params, "local": "1"},
                                  timeout=aiohttp.ClientTimeout(total=5)) as response:
                response.raise_for_status()
                body = jsonbytes.loads(await response.read())
                return list(body["dyads"])

        results = await asyncio.gather(*(fetch(host) for host in hosts), return_exceptions=True)
        rows, failed = list(local), []
        for host, result in zip(hosts, results, strict=True):
            if isinstance(result, BaseException):
                failed.append(f"{host}: {type(result).__name__}")
            else:
                rows.extend(result)
        return rows, failed
