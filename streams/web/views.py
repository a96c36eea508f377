"""The worker's HTTP API (Faust web views), correct with several workers.

A pair lives on the worker owning its partition: ``/dyads/{A}/{B}`` is routed there.
Lists (``/dyads``, ``/countries/{A}``) ask every worker for its own pairs (``local=1``)
and merge. Errors are JSON ``{"error": "..."}`` with 400/404/503, never a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web as aioweb
from faust.exceptions import SameNode
from faust.web import Request, Response, View
from faust.web.exceptions import ServiceUnavailable

from schemas import jsonbytes
from schemas.models import DyadState, pair_key
from streams.app import Pipeline
from streams.countries import countries, resolve_country, resolve_pair
from streams.exceptions import BadQuery
from streams.state.history import history_rows
from streams.web.live import LiveHub, StreamView
from streams.web.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from streams.web.metrics import MetricsSnapshot, render_metrics
from streams.web.queries import check_params, newest_first, parse_as_of, parse_int, parse_limit
from streams.web.reads import TableReads
from streams.web.search import suggest
from streams.web.store_views import STORE_ROUTES

__all__ = ["ROUTES", "CountryView", "DyadAlertsView", "DyadEventsView", "DyadHistoryView", "DyadView",
           "DyadsView", "HealthView", "MetricsView", "SearchView", "json_errors", "wire_views"]

log = logging.getLogger(__name__)
Handler = Callable[[aioweb.Request], Awaitable[aioweb.StreamResponse]]


RETRY_AFTER_S = 2


def _json(view: View, value: Any, status: int = 200) -> Response:
    return view.bytes(jsonbytes.dumps(value), content_type="application/json", status=status)


def _unavailable(view: View, reason: str) -> Response:
    """503 with ``Retry-After`` and ``{"error", "status": 503, "retry_after_s"}``."""
    body = {"error": reason, "status": 503, "retry_after_s": RETRY_AFTER_S}
    return view.bytes(jsonbytes.dumps(body), content_type="application/json", status=503,
                      headers={"Retry-After": str(RETRY_AFTER_S)})


@aioweb.middleware
async def json_errors(request: aioweb.Request, handler: Handler) -> aioweb.StreamResponse:
    """Unknown paths, bad queries and crashes answer JSON, without a stack trace; a query
    parameter the route does not take is a bad query (``queries.check_params``).

    ``{"error": message, "status": n}``: 400 for ``BadQuery``, the HTTP error's own status
    (404, 405, ...), 500 ``"internal error"`` for anything else (logged with its traceback).
    """
    try:
        route = request.match_info.route.resource
        if route is not None:
            check_params(route.canonical.rstrip("/") or "/", request.query.items())
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


class _PipelineView(View):
    """A view bound to one pipeline's table reads (set by ``wire_views``)."""

    reads: TableReads


class HealthView(_PipelineView):
    """``GET /health``: this worker's state and counters.

    200 ``{"status": "ok" | "catching_up" | "starting", "crashed_agents": {}, "worker": URL,
    "lag": {topic: n}, "counters": {name: n}, "dead_letters_total": n,
    "dead_letters": {"stage:reason": n}, "pairs_local": n}``; ``starting`` until the tables
    are recovered and the coder is loaded (in every coding process), and while a rebalance
    runs, then ``catching_up`` while this worker's consumer lag on ``articles`` or
    ``relation-events`` (``lag``: records not yet processed, summed over its partitions;
    ``streams.kafka.lag``) is above 0, else ``ok``.
    503 with ``"status": "crashed"`` and ``crashed_agents`` (agent -> error) once an agent
    stopped on an error (its input is held back until a restart).
    """

    async def get(self, request: Request) -> Response:
        """200 with the health body (503 if an agent crashed)."""
        body = self.reads.health()
        return _json(self, body, status=503 if body["crashed_agents"] else 200)


class MetricsView(_PipelineView):
    """``GET /metrics``: the counters in the Prometheus text format (``streams.web.metrics``)."""

    async def get(self, request: Request) -> Response:
        """200 ``text/plain; version=0.0.4``."""
        pipeline = self.reads.pipeline
        snapshot = MetricsSnapshot(pipeline.counters, pipeline.dead_letter_reasons,
                                   self.reads.serving(), self.reads.lag(),
                                   pipeline.tally.histograms)
        text = render_metrics(snapshot)
        return self.bytes(text.encode("utf-8"), content_type=METRICS_CONTENT_TYPE)


class DyadsView(_PipelineView):
    """``GET /dyads?sort=&order=&limit=&offset=&quad=&since=&until=&window=&as_of=&all_versions=
    &local=``: the pairs of every worker, ranked and paged.

    200 ``{"sort", "order", "as_of", "total", "offset", "count", "dyads": [PairSummary rows],
    "superseded_pairs", "unreachable_workers"}``, ranked by ``sort`` (one of ``SORT_KEYS``,
    ``order`` desc by default), ``total`` rows of which ``limit`` from ``offset``: without
    ``as_of``, rows expressed at the latest event time of all pairs; with it, each pair as it
    stood then; ``quad`` (1-4) and ``since``/``until`` keep the pairs with an event (of that
    quad) on a UTC day of the range, expressed as of ``until``, each row with ``range``
    (``streams.web.listing``); ``local=1``: only ``{"dyads": [...]}`` of this worker. 400
    (``BadQuery``) on a malformed parameter: ``limit`` 1-1000, ``offset`` ≥ 0, ``window`` 1-30
    days, ``as_of``/``since``/``until`` ISO 8601, ``order`` asc|desc.
    """

    async def get(self, request: Request) -> Response:
        """200 with the ranked rows; raises ``BadQuery`` (400)."""
        limit = parse_limit(request.query.get("limit"))
        return _json(self, await self.reads.ranked(request, "/dyads", None, limit))


class CountryView(_PipelineView):
    """``GET /countries/{code-or-name}``: every pair of one country, as ``/dyads`` (no limit
    unless given). The country is a code or a name, any case (``IND``, ``india``, ``Indian``).

    200 ``{"country": "IND", "name": "India", ...the /dyads body}``; 400 on an unknown
    country or a malformed parameter.
    """

    async def get(self, request: Request, code: str) -> Response:
        """200 with the country's ranked rows; raises ``BadQuery`` (400)."""
        country = resolve_country(code)
        limit = parse_limit(request.query["limit"]) if request.query.get("limit") else None
        body = await self.reads.ranked(request, f"/countries/{country}", country, limit)
        return _json(self, {"country": country, "name": countries().name(country), **body})


class SearchView(_PipelineView):
    """``GET /search?q=&limit=``: suggestions for a country or a pair (``streams.web.search``).

    200 ``{"q", "as_of", "count", "suggestions": [{"kind": "country", "code", "name",
    "label", "events"} | {"kind": "pair", "pair", "a", "b", "label", "events", "net"}]}``;
    ``limit`` 1-50 (default 10); an empty ``q`` suggests nothing. 400 on a bad parameter.
    """

    async def get(self, request: Request) -> Response:
        """200 with the suggestions; raises ``BadQuery`` (400)."""
        query = (request.query.get("q") or "")[:100]
        limit = parse_int("limit", request.query.get("limit"), 10, 1, 50)
        rows, as_of = await self.reads.all_rows() if query.strip() else ([], None)
        found = suggest(query, rows, countries(), limit) if query.strip() else []
        return _json(self, {"q": query, "as_of": as_of, "count": len(found), "suggestions": found})


class _PairView(_PipelineView):
    """A view of one pair, answered by the worker that owns the pair's partition.

    The codes come in either order and any case; 400 (``BadQuery``) if malformed or equal,
    404 ``{"error", "status"}`` if the pair has no events. While the owner of the pair is not
    known, cannot be reached or is recovering its table (a rebalance: a worker joined or
    left), 503 with ``Retry-After`` and ``{"error", "status": 503, "retry_after_s"}``: never
    a 404 for a pair that exists, never a 500.
    """

    async def get(self, request: Request, a: str, b: str) -> Response:
        """Route the request to the owner of the pair, or answer it here."""
        pair = pair_key(*resolve_pair(a, b))
        pipeline = self.reads.pipeline
        try:
            routed = await pipeline.app.router.route_req(pipeline.dyads.name, pair.encode(),
                                                         self.web, request)
            if routed.status == 503:  # the owner's 503: Faust passes the body, not headers
                routed.headers["Retry-After"] = str(RETRY_AFTER_S)
            return routed
        except SameNode:
            pass  # this worker owns the pair
        except ServiceUnavailable:
            return _unavailable(self, f"the worker that holds {pair} is not known yet "
                                      "(the workers are rebalancing): retry")
        except (aiohttp.ClientError, OSError):  # TimeoutError is an OSError
            return _unavailable(self, f"the worker that holds {pair} cannot be reached (a "
                                      "worker left; the others are taking over): retry")
        if not self.reads.serving():
            return _unavailable(self, f"this worker is recovering its tables ({pair} may be "
                                      "among them): retry")
        state = self.reads.local_state(pair)
        if state is None:
            return _json(self, {"error": f"no events for the pair {pair}", "status": 404},
                         status=404)
        return _json(self, self.answer(request, state))

    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        """The JSON body for ``state`` (subclasses)."""
        raise NotImplementedError


class DyadView(_PairView):
    """``GET /dyads/{a}/{b}?window=&as_of=``: the pair's full ``DyadState`` JSON plus
    ``"summary"`` (a ``PairSummary`` at the pair's latest event time, ``change`` over
    ``window`` days, default 1); with ``as_of``: ``{"pair", "a", "b", "as_of", "summary"}``,
    the summary as of that time (only events at or before it), 404 if the pair had none by
    then; 400, 404 as ``_PairView``."""

    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        """The state and its summary; raises ``BadQuery`` (400), ``HTTPNotFound`` (404)."""
        window = parse_int("window", request.query.get("window"), 1, 1, 30)
        as_of = parse_as_of(request.query.get("as_of"))
        summary = self.reads.summary(state, window, as_of)
        if summary is None:
            raise aioweb.HTTPNotFound(reason=f"no events for the pair {state.pair} at or before "
                                             f"as_of {as_of.isoformat() if as_of else ''}")
        if as_of is not None:
            return {"pair": state.pair, "a": state.a, "b": state.b, "as_of": as_of.isoformat(),
                    "summary": summary.model_dump(mode="json")}
        return {**state.model_dump(mode="json"), "summary": summary.model_dump(mode="json")}


class DyadHistoryView(_PairView):
    """``GET /dyads/{a}/{b}/history?days=N``: ``{"pair", "a", "b", "days", "as_of",
    "history": [DayBucket rows without "pair"]}``, one row a day up to the pair's latest
    event day, oldest first, zeros filled; ``days`` 1..``DYADWATCH_HISTORY_DAYS``
    (default 30), else 400."""

    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        """The history rows; raises ``BadQuery`` (400) on a bad ``days``."""
        limit = self.reads.pipeline.settings.history_days
        days = parse_int("days", request.query.get("days"), min(30, limit), 1, limit)
        return history_rows(state, days, lambda day: self.reads.local_bucket(state.pair, day))


class DyadEventsView(_PairView):
    """``GET /dyads/{a}/{b}/events?limit=N``: ``{"pair", "count", "events": [RelationEvent]}``,
    the latest events kept with the pair (``DYADWATCH_RECENT_EVENTS_KEPT``, the latest to
    arrive), newest event time first (equal times: the latest arrival first)."""

    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        """The latest events; raises ``BadQuery`` (400) on a bad ``limit``."""
        kept = max(1, self.reads.pipeline.settings.recent_events_kept)
        limit = parse_int("limit", request.query.get("limit"), kept, 1, kept)
        events = [event.model_dump(mode="json")
                  for event in newest_first(state.recent_events, lambda event: event.event_time)]
        return {"pair": state.pair, "count": len(events[:limit]), "events": events[:limit]}


class DyadAlertsView(_PairView):
    """``GET /dyads/{a}/{b}/alerts``: ``{"pair", "threshold", "count", "alerts": [{"day",
    "event_time", "tension_before", "tension_after", "change", "threshold"}]}``, newest day
    first: the days its tension index rose by more than ``DYADWATCH_ALERT_TENSION_RISE``
    within the day, read back from its kept day buckets with the rule that raises the
    ``dyad-alerts`` records (``streams.web.listing.alerts_from_buckets``)."""

    def answer(self, request: Request, state: DyadState) -> dict[str, Any]:
        """The pair's alerts."""
        alerts = self.reads.alerts(state)
        return {"pair": state.pair, "threshold": self.reads.pipeline.settings.alert_tension_rise,
                "count": len(alerts), "alerts": alerts}


ROUTES: dict[str, type[_PipelineView]] = {
    "/health": HealthView,
    "/metrics": MetricsView,
    "/dyads": DyadsView,
    "/countries/{code}": CountryView,
    "/dyads/{a}/{b}": DyadView,
    "/dyads/{a}/{b}/history": DyadHistoryView,
    "/dyads/{a}/{b}/events": DyadEventsView,
    "/dyads/{a}/{b}/alerts": DyadAlertsView,
    "/search": SearchView,
}


def wire_views(pipeline: Pipeline) -> None:
    """Attach the HTTP API (``ROUTES``, ``/stream``, ``STORE_ROUTES``) and the JSON error
    middleware."""
    app = pipeline.app
    web_app: aioweb.Application = app.web.web_app  # type: ignore[attr-defined]
    web_app.middlewares.append(json_errors)
    reads = TableReads(pipeline)
    for path, view in ROUTES.items():
        app.page(path)(type(view.__name__, (view,), {"reads": reads, "__doc__": view.__doc__}))
    hub = LiveHub(reads, pipeline.changes)
    web_app.on_shutdown.append(hub.close)  # open streams end before aiohttp waits for handlers
    app.page("/stream")(type(StreamView.__name__, (StreamView,),
                             {"hub": hub, "__doc__": StreamView.__doc__}))
    for path, store_view in STORE_ROUTES.items():
        app.page(path)(type(store_view.__name__, (store_view,),
                            {"settings": pipeline.settings, "__doc__": store_view.__doc__}))
