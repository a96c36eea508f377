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
from streams.app import Pipeline
from streams.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from streams.metrics import render_metrics
from streams.queries import (
    BadQuery,
    parse_country,
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

    def local_rows(self, country: str | None = None) -> list[dict[str, Any]]:
        rows = [summarize(value) for value in self.table.values()]
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
            "pairs_local": len(self.local_rows()),
        }

    async def listing(self, request: Request, path: str, country: str | None,
                      params: dict[str, str]) -> tuple[list[dict[str, Any]], list[str]]:
        """This worker's rows, plus every other worker's unless the request is ``local=1``."""
        rows = self.local_rows(country)
        if request.query.get("local") == "1":
            return rows, []
        return await self.gather_rows(path, params, rows)

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
        sort = parse_sort(request.query.get("sort"))
        limit = parse_limit(request.query.get("limit"))
        rows, failed = await self.reads.listing(request, "/dyads", None,
                                                {"sort": sort, "limit": str(limit)})
        top = top_rows(rows, sort, limit)
        return _json(self, {"sort": sort, "count": len(top), "dyads": top,
                            "unreachable_workers": failed})


class CountryView(_PipelineView):
    async def get(self, request: Request, code: str) -> Response:
        country = parse_country(code)
        sort = parse_sort(request.query.get("sort"))
        rows, failed = await self.reads.listing(request, f"/countries/{country}", country, {})
        top = top_rows(rows, sort, len(rows) or 1)
        return _json(self, {"country": country, "count": len(top), "dyads": top,
                            "unreachable_workers": failed})


class DyadView(_PipelineView):
    async def get(self, request: Request, a: str, b: str) -> Response:
        pair = parse_pair(a, b)
        pipeline = self.reads.pipeline
        try:
            return await pipeline.app.router.route_req(pipeline.dyads.name, pair.encode(),
                                                       self.web, request)
        except (SameNode, ServiceUnavailable):
            pass  # this worker owns the pair (or routing metadata is not there yet)
        state = pipeline.dyads.get(pair.encode())
        if state is None:
            return _json(self, {"error": f"no events for the pair {pair}", "status": 404},
                         status=404)
        return _json(self, {**state, "summary": summarize(state)})


ROUTES: dict[str, type[_PipelineView]] = {
    "/health": HealthView,
    "/metrics": MetricsView,
    "/dyads": DyadsView,
    "/countries/{code}": CountryView,
    "/dyads/{a}/{b}": DyadView,
}


def wire_views(pipeline: Pipeline) -> None:
    """Attach the HTTP API to the pipeline's app."""
    app = pipeline.app
    web_app: aioweb.Application = app.web.web_app  # type: ignore[attr-defined]
    web_app.middlewares.append(json_errors)
    reads = _Views(pipeline)
    for path, view in ROUTES.items():
        app.page(path)(type(view.__name__, (view,), {"reads": reads}))
