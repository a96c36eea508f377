"""``GET /events`` and ``GET /events.csv``: filtered events from the event store (``streams.lake``).

Any worker answers from the store folder it is configured with (``DYADWATCH_LAKE_DIR``,
written by ``dyadwatch lake``); DuckDB runs in a thread so the worker's loop never waits on it.
"""

from __future__ import annotations

import asyncio

from faust.web import Request, Response, View

from schemas import jsonbytes
from streams.lake.filters import parse_filter
from streams.lake.query import events_csv, events_page
from streams.settings import Settings

__all__ = ["STORE_ROUTES", "EventsCsvView", "EventsView"]

CSV = "text/csv"


class _StoreView(View):
    """A view reading the store of ``settings`` (set by ``streams.web.views.wire_views``)."""

    settings: Settings

    async def csv(self, request: Request) -> Response:
        """200 ``text/csv``: the page's rows; raises ``BadQuery`` (400)."""
        where = parse_filter(dict(request.query), paged=True)
        body = await asyncio.to_thread(events_csv, self.settings.lake_path, where)
        return self.bytes(body, content_type=CSV)


class EventsView(_StoreView):
    """``GET /events?country=&pair=&source=&target=&since=&until=&root=&quad=&min_confidence=&q=
    &limit=&cursor=``: the store's current events, newest first by event time.

    200 ``{"count": n, "events": [rows of the events view, plus pair and cameo_name],
    "next_cursor": str | null}`` (``limit`` 1-1000, default 100; pass ``next_cursor`` as
    ``cursor`` for the next page); ``Accept: text/csv`` answers CSV as ``/events.csv``. 400
    ``{"error", "status"}`` on an unknown or malformed parameter.
    """

    async def get(self, request: Request) -> Response:
        """200 with one page (JSON, or CSV if asked); raises ``BadQuery`` (400)."""
        if "text/csv" in request.headers.get("Accept", ""):
            return await self.csv(request)
        where = parse_filter(dict(request.query), paged=True)
        page = await asyncio.to_thread(events_page, self.settings.lake_path, where)
        return self.bytes(jsonbytes.dumps(page), content_type="application/json")


class EventsCsvView(_StoreView):
    """``GET /events.csv?...``: the page of ``/events`` as CSV (header line; codes as written,
    e.g. ``062``); 400 JSON on an unknown or malformed parameter."""

    async def get(self, request: Request) -> Response:
        """200 ``text/csv``; raises ``BadQuery`` (400)."""
        return await self.csv(request)


STORE_ROUTES: dict[str, type[_StoreView]] = {"/events": EventsView, "/events.csv": EventsCsvView}
