"""The worker's HTTP API (Faust web views), correct with several workers.

A pair lives on the worker owning its partition: ``/dyads/{A}/{B}`` is routed there.
Lists (``/dyads``, ``/countries/{A}``) ask every worker for its own pairs (``local=1``)
and merge. Errors are JSON ``{"error": "..."}`` with 400/404/503, never a stack trace.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web as aioweb
from faust.exceptions import SameNode
from faust.web import Request, Response, View
from faust.web.exceptions import ServiceUnavailable

from schemas import jsonbytes
from schemas.models import DayBucket, DyadState
from streams.app import Pipeline
from streams.state.history import bucket_key, history_rows
from streams.web.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from streams.web.metrics import render_metrics
from streams.web.queries import (
    BadQuery,
    current_coder_rows,
    express_rows,
    pair_summary,
    parse_as_of,
    parse_country,
    parse_int,
    parse_limit,
    parse_pair,
    parse_sort,
    summarize,
    top_rows,
)

__all__ = ["ROUTES", "wire_views"]

log = logging.getLogger(__name__)
Handler = Callable[[aioweb.Request], Awaitable[aioweb.StreamResponse]]


def _json(view: View, value: Any, status: int = 200) -> Response:
    return view.bytes(jsonbytes.dumps(value), content_type="application/json", status=status)


@aioweb.middleware
async def json_errors(request: aioweb.Request, handler: Handler) -> aioweb.StreamResponse:
    """Unknown paths, bad queries and crashes answer JSON, without a stack trace."""
    try:
        return await handler(request)
    except BadQuery as exc:
        status, message = 400, str(exc)
    except aioweb.HTTPException as exc:
        if exc.status < 400:
            raise
        status, message = exc.status, exc.reason
    except Exception:
        log.exception("unhandled error on %s", request.path)
        status, message = 500, "internal error"
    return aioweb.Response(body=jsonbytes.dumps({"error": message, "status": status}),
                           status=status, content_type="application/json")


class _Views:
    """Table reads shared by the views of one pipeline."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.table = pipeline.dyads

    def local_rows(self, country: str | None = None, window_days: float = 1.0) -> list[dict[str, Any]]:
        half_life = self.pipeline.settings.half_life_days
        rows = [summarize(value, window_days, half_life) for value in self.table.values()]
        if country is not None:
            rows = [row for row in rows if country in (row["a"], row["b"])]
        return rows

    def health(self) -> dict[str, Any]:
        app, dead = self.pipeline.app, self.pipeline.dead_letter_reasons
        recovered = app.tables.recovery.completed.is_set()  # type: ignore[attr-defined]
        return {
            "status": "ok" if recovered and not app.rebalancing else "starting",
            "worker": str(app.conf.canonical_url),
            "counters": self.pipeline.counters,
            "dead_letters_total": sum(dead.values()),
            "dead_letters": dead,
            "pairs_local": sum(1 for _ in self.table),
        }

    async def listing(self, request: Request, path: str,
                      country: str | None) -> tuple[list[dict[str, Any]], list[str]]:
        """This worker's rows, plus every other worker's unless the request is ``local=1``."""
        window = parse_int("window", request.query.get("window"), 1, 1, 30)
        rows = self.local_rows(country, window)
        if request.query.get("local") == "1":
            return rows, []
        return await self.gather_rows(path, {"window": str(window)}, rows)

    async def ranked(self, request: Request, path: str, country: str | None,
                     limit: int | None) -> dict[str, Any]:
        """The merged listing, expressed at one time and sorted (the body of a list view)."""
        sort = parse_sort(request.query.get("sort"))
        as_of = parse_as_of(request.query.get("as_of"))
        rows, failed = await self.listing(request, path, country)
        if request.query.get("local") == "1":
            return {"dyads": rows}
        superseded = 0
        if request.query.get("all_versions") != "1":
            rows, superseded = current_coder_rows(rows)
        rows, as_of_text = express_rows(rows, as_of, self.pipeline.settings.half_life_days)
        top = top_rows(rows, sort, limit or len(rows) or 1)
        return {"sort": sort, "as_of": as_of_text, "count": len(top), "dyads": top,
                "superseded_pairs": superseded, "unreachable_workers": failed}

    def local_state(self, pair: str) -> DyadState | None:
        raw = self.table.get(pair.encode())
        return None if raw is None else DyadState.model_validate(raw)

    def local_bucket(self, pair: str, day: Any) -> DayBucket | None:
        raw = self.pipeline.days.get(bucket_key(pair, day).encode())
        return None if raw is None else DayBucket.model_validate(raw)

    def other_workers(self) -> list[str]:
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


class _PipelineView(View):
    """A view bound to one pipeline's reads (set by ``wire_views``)."""

    reads: _Views


class HealthView(_PipelineView):
    async def get(self, request: Request) -> Response:
        return _json(self, self.reads.health())


class MetricsView(_PipelineView):
    async def get(self, request: Request) -> Response:
        pipeline = self.reads.pipeline
        health = self.reads.health()
        text = render_metrics(pipeline.counters, pipeline.dead_letter_reasons,
                              up=health["status"] == "ok")
        return self.bytes(text.encode("utf-8"), content_type=METRICS_CONTENT_TYPE)


class DyadsView(_PipelineView):
    async def get(self, request: Request) -> Response:
        limit = parse_limit(request.query.get("limit"))
        return _json(self, await self.reads.ranked(request, "/dyads", None, limit))


class CountryView(_PipelineView):
    async def get(self, request: Request, code: str) -> Response:
        country = parse_country(code)
        body = await self.reads.ranked(request, f"/countries/{country}", country, None)
        return _json(self, {"country": country, **body})


class _PairView(_PipelineView):
    """A view of one pair, answered by the worker that owns the pair's partition."""

    async def get(self, request: Request, a: str, b: str) -> Response:
        pair = parse_pair(a, b)
        pipeline = self.reads.pipeline
        try:
            return await pipeline.app.router.route_req(pipeline.dyads.name, pair.encode(),
                                                       self.web, request)
        except (SameNode, ServiceUnavailable):
            pass  # this worker owns the pair (or routing metadata is not there yet)
        state = self.reads.local_state(pair)
        if state is None:
            return _json(self, {"error": f"no events for the pair {pair}", "status": 404},
                         status=404)
        return _json(self, self.answer(request, state))

    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        raise NotImplementedError


class DyadView(_PairView):
    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        summary = pair_summary(state, 1.0, self.reads.pipeline.settings.half_life_days)
        return {**state.model_dump(mode="json"), "summary": summary.model_dump(mode="json")}


class DyadHistoryView(_PairView):
    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        limit = self.reads.pipeline.settings.history_days
        days = parse_int("days", request.query.get("days"), min(30, limit), 1, limit)
        return history_rows(state, days, lambda day: self.reads.local_bucket(state.pair, day))


class DyadEventsView(_PairView):
    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        kept = max(1, self.reads.pipeline.settings.recent_events_kept)
        limit = parse_int("limit", request.query.get("limit"), kept, 1, kept)
        events = [event.model_dump(mode="json") for event in reversed(state.recent_events)]
        return {"pair": state.pair, "count": len(events[:limit]), "events": events[:limit]}


ROUTES: dict[str, type[_PipelineView]] = {
    "/health": HealthView,
    "/metrics": MetricsView,
    "/dyads": DyadsView,
    "/countries/{code}": CountryView,
    "/dyads/{a}/{b}": DyadView,
    "/dyads/{a}/{b}/history": DyadHistoryView,
    "/dyads/{a}/{b}/events": DyadEventsView,
}


def wire_views(pipeline: Pipeline) -> None:
    """Attach the HTTP API to the pipeline's app."""
    app = pipeline.app
    web_app: aioweb.Application = app.web.web_app  # type: ignore[attr-defined]
    web_app.middlewares.append(json_errors)
    reads = _Views(pipeline)
    for path, view in ROUTES.items():
        app.page(path)(type(view.__name__, (view,), {"reads": reads}))
