"""``GET /stream``: the live table pushed as server-sent events (``text/event-stream``).

Events (each ``data`` one line of JSON)::

    event: pairs   id: <boot>-<n>   data: {"rows": [PairSummary rows], "source": "local" | "gather"}
    event: status  data: {"worker", "status", "serving", "lag": {topic: n}, "lag_total", "behind",
                          "subscribers", "at"}
    event: resync  id: <boot>-<n>   data: {"reason": "slow_client" | "reconnected"}
    : hb           (a comment: keeps proxies from closing an idle connection)

``pairs`` comes when the aggregation agent folded events (``PairChanges``: batches at most
every 250 ms), with the rows of this worker's changed pairs, each expressed at its own latest
event (``indexes_at``), as ``/dyads?local=1`` gives them; pairs held by other workers come from
a gather every ``GATHER_S`` seconds (only the rows that changed since the last gather).
``status`` comes every ``STATUS_S`` seconds: this worker's consumer lag, as ``/health``.
Each subscriber has a bounded queue (``QUEUE_MAX`` events): a client that does not keep up
gets ``resync`` (refetch ``/dyads``) instead of a growing queue; so does a client reconnecting
with a ``Last-Event-ID`` other than the latest id. A closed connection is noticed at the next
write (within ``STATUS_S``) and the subscriber dropped; the worker's shutdown ends every stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web as aioweb
from faust.web import Request, View

from schemas import jsonbytes
from streams.state.changes import PairChanges
from streams.web.reads import TableReads

__all__ = ["GATHER_S", "HEARTBEAT_S", "QUEUE_MAX", "STATUS_S", "LiveHub", "StreamView",
           "Subscriber", "sse_comment", "sse_event"]

log = logging.getLogger(__name__)
STATUS_S = 3.0
GATHER_S = 5.0
HEARTBEAT_S = 15.0
QUEUE_MAX = 64
RETRY_MS = 2000


def sse_event(event: str, data: Any, event_id: str | None = None) -> bytes:
    """One server-sent event: ``event: NAME\\n[id: ID\\n]data: JSON\\n\\n`` (``data`` as
    compact JSON, one line per line of it, so a newline never ends the event early)."""
    lines = [f"event: {event}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines += [f"data: {line}" for line in jsonbytes.dumps(data).decode().split("\n")]
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def sse_comment(text: str) -> bytes:
    """A comment line (ignored by ``EventSource``): ``: TEXT\\n\\n``."""
    return f": {' '.join(text.splitlines())}\n\n".encode()


@dataclass(eq=False)
class Subscriber:
    """One open ``/stream``: a bounded queue of framed events (bytes). ``None`` in the queue
    means the stream ends (shutdown)."""

    queue: asyncio.Queue[bytes | None] = field(default_factory=lambda: asyncio.Queue(QUEUE_MAX))
    resyncs: int = 0

    def offer(self, frame: bytes, resync: bytes) -> None:
        """Queue ``frame``; if the queue is full, drop what waits and queue ``resync`` instead."""
        try:
            self.queue.put_nowait(frame)
        except asyncio.QueueFull:
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(resync)
            self.resyncs += 1


class LiveHub:
    """The subscribers of one worker's ``/stream`` and the tasks that feed them (started with
    the first subscriber; they stop when the last leaves or the web server shuts down)."""

    def __init__(self, reads: TableReads, changes: PairChanges) -> None:
        self.reads = reads
        self.changes = changes
        self.subscribers: set[Subscriber] = set()
        self.boot = format(int(time.time() * 1000), "x")
        self.sequence = 0
        self.remote_rows: dict[str, bytes] = {}
        self.tasks: list[asyncio.Task[None]] = []
        self.closed = False

    def next_id(self) -> str:
        """The next event id: ``<boot>-<n>`` (boot: this hub's start, hex milliseconds)."""
        self.sequence += 1
        return f"{self.boot}-{self.sequence}"

    def last_id(self) -> str:
        """The id of the latest event sent (``<boot>-0`` before any)."""
        return f"{self.boot}-{self.sequence}"

    def subscribe(self) -> Subscriber:
        """A new subscriber; starts the feeding tasks if it is the first. Once the hub is closed
        (shutdown), the subscriber's stream ends at once."""
        subscriber = Subscriber()
        if self.closed:
            subscriber.queue.put_nowait(None)
            return subscriber
        self.subscribers.add(subscriber)
        if not self.tasks:
            self.changes.listen()
            self.tasks = [self._spawn(self._push_changes()), self._spawn(self._push_status()),
                          self._spawn(self._gather_remote())]
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Drop ``subscriber``; the last one out stops the tasks."""
        self.subscribers.discard(subscriber)
        if not self.subscribers:
            self._stop_tasks()

    async def close(self, app: Any = None) -> None:
        """End every stream (``web_app.on_shutdown``: aiohttp would wait for them otherwise)."""
        self.closed = True
        for subscriber in list(self.subscribers):
            while subscriber.queue.full():
                subscriber.queue.get_nowait()
            subscriber.queue.put_nowait(None)
        self._stop_tasks()

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(coroutine)

    def _stop_tasks(self) -> None:
        for task in self.tasks:
            task.cancel()
        self.tasks = []
        self.changes.stop_listening()

    def broadcast(self, event: str, data: Any, *, with_id: bool) -> None:
        """Offer one event to every subscriber (a full queue turns into ``resync``)."""
        frame = sse_event(event, data, self.next_id() if with_id else None)
        resync = sse_event("resync", {"reason": "slow_client"}, self.last_id())
        for subscriber in list(self.subscribers):
            subscriber.offer(frame, resync)

    def status(self) -> dict[str, Any]:
        """The ``status`` event's body: this worker's state (``starting``, ``catching_up``,
        ``ok``, ``crashed``: as ``/health``), consumer lag on its input topics (records), ``behind`` (not
        ``ok``), the open streams (``subscribers``) and the time (ISO 8601, UTC)."""
        lag = {topic: sum(parts.values()) for topic, parts in self.reads.lag().items()}
        for topic in self.reads.input_topics():
            lag.setdefault(topic, 0)
        serving = self.reads.serving() and self.reads.pipeline.coding_ready
        total = sum(lag.values())
        state = "starting" if not serving else "catching_up" if total else "ok"
        if self.reads.pipeline.tally.crashed:
            state = "crashed"  # an agent stopped: its input is held back (``/health``: 503)
        return {"worker": str(self.reads.pipeline.app.conf.canonical_url), "status": state,
                "serving": serving, "lag": lag, "lag_total": total,
                "behind": state != "ok", "subscribers": len(self.subscribers),
                "at": datetime.now(UTC).isoformat()}

    async def _push_changes(self) -> None:
        while True:
            pairs = await self.changes.next_batch()
            with _logged("pairs"):
                rows = self.reads.rows_of(sorted(pairs))
                if rows:
                    self.broadcast("pairs", {"rows": rows, "source": "local"}, with_id=True)

    async def _push_status(self) -> None:
        while True:
            await asyncio.sleep(STATUS_S)
            with _logged("status"):
                self.broadcast("status", self.status(), with_id=False)

    async def _gather_remote(self) -> None:
        while True:
            await asyncio.sleep(GATHER_S)
            with _logged("gather"):
                if not self.reads.other_workers():
                    continue
                rows, _ = await self.reads.gather_rows("/dyads", {"window": "1"}, [])
                changed = [row for row in rows if self._remote_changed(row)]
                if changed:
                    self.broadcast("pairs", {"rows": changed, "source": "gather"}, with_id=True)

    def _remote_changed(self, row: dict[str, Any]) -> bool:
        body = jsonbytes.dumps(row)
        known = self.remote_rows.get(row["pair"])
        self.remote_rows[row["pair"]] = body
        return known != body


@contextlib.contextmanager
def _logged(what: str) -> Iterator[None]:
    """A failed step of a feeding task (a rebalance moved a table) is logged; the task goes on."""
    try:
        yield
    except Exception as exc:
        log.warning("live stream: %s skipped: %s: %s", what, type(exc).__name__, exc)


class StreamView(View):
    """``GET /stream``: server-sent events of the live table (``streams.web.live``): ``pairs``
    (``{"rows": [PairSummary rows], "source"}``), ``status`` (consumer lag, ``behind``),
    ``resync``; heartbeat comments. Takes no query parameter (else 400)."""

    hub: LiveHub

    async def get(self, request: Request) -> aioweb.StreamResponse:
        """200 ``text/event-stream``, open until the client leaves or the worker stops."""
        raw: aioweb.Request = request  # type: ignore[assignment]
        response = aioweb.StreamResponse(headers={
            "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no", "X-Content-Type-Options": "nosniff"})
        hub = self.hub
        subscriber = hub.subscribe()
        try:
            await response.prepare(raw)
            await response.write(f"retry: {RETRY_MS}\n\n".encode() + sse_event(
                "status", hub.status(), None))
            last = raw.headers.get("Last-Event-ID")
            if last and last != hub.last_id():
                await response.write(sse_event("resync", {"reason": "reconnected"}, hub.last_id()))
            await _pump(subscriber, response)
        except ConnectionError:  # the client went away (aiohttp: ClientConnectionResetError)
            pass
        finally:
            hub.unsubscribe(subscriber)
        return response


async def _pump(subscriber: Subscriber, response: aioweb.StreamResponse) -> None:
    """Write the subscriber's events until the stream ends; a heartbeat when idle."""
    while True:
        try:
            frame = await asyncio.wait_for(subscriber.queue.get(), HEARTBEAT_S)
        except TimeoutError:
            frame = sse_comment("hb")
        if frame is None:
            with contextlib.suppress(ConnectionError):
                await response.write_eof()
            return
        await response.write(frame)
