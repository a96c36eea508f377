"""GET /stream against a real worker: an article published reaches an open stream as a
``pairs`` event of its pair; ``status`` events carry the consumer lag; unknown parameters are
a 400; a client leaving leaves no error in the worker's log."""

from __future__ import annotations

import asyncio
import http.client
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from jsonschema import Draft202012Validator

from schemas import jsonbytes
from schemas.contract import published_schema
from schemas.models import Article
from streams.cli.processes import WorkerProcess
from streams.kafka.broker import EmbeddedBroker
from streams.settings import Settings
from tests.integration.harness import fresh_settings, publish_all, running_worker

pytestmark = pytest.mark.integration
ARTICLE = Article(id="live-1", text="Russia rejected Pakistan's demand for rifles on Monday.",
                  published="2024-05-01T08:00:00Z")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def live(broker: EmbeddedBroker,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, WorkerProcess]]:
    settings = fresh_settings(broker, tmp_path_factory.mktemp("live"))
    with running_worker(settings) as worker:
        yield settings, worker


def _parse(block: str) -> dict[str, Any]:
    """One SSE block -> {"event", "id", "data", "comment"}."""
    event: dict[str, Any] = {"event": "message", "id": None, "data": None, "comment": None}
    for line in block.split("\n"):
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "":
            event["comment"] = value
        elif name == "data":
            event["data"] = jsonbytes.loads(value)
        elif name in ("event", "id"):
            event[name] = value
    return event


async def _events(response: aiohttp.ClientResponse) -> Any:
    buffer = ""
    async for chunk in response.content.iter_any():
        buffer += chunk.decode()
        while "\n\n" in buffer:
            block, buffer = buffer.split("\n\n", 1)
            yield _parse(block)


async def _watch(settings: Settings, publish: bool, timeout_s: float) -> list[dict[str, Any]]:
    """Open /stream, publish the article (if asked) once it is open, collect events until
    its pair arrived and a periodic status came (or the timeout)."""
    seen: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as session, \
            session.get(f"{settings.web_url}/stream",
                        timeout=aiohttp.ClientTimeout(total=timeout_s)) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/event-stream")
        if publish:
            await asyncio.to_thread(publish_all, settings, [ARTICLE])
        try:
            async for event in _events(response):
                seen.append(event)
                pairs = [row["pair"] for e in seen if e["event"] == "pairs"
                         for row in e["data"]["rows"]]
                statuses = [e for e in seen if e["event"] == "status"]
                if (not publish or "PAK-RUS" in pairs) and len(statuses) >= 2:
                    break
        except TimeoutError:
            pass  # the assertions say what was missing
    return seen


def test_a_published_article_reaches_an_open_stream_as_its_pair(live: tuple[Settings, Any]) -> None:
    settings, _ = live
    started = time.monotonic()
    seen = asyncio.run(_watch(settings, publish=True, timeout_s=90))
    pairs = [e for e in seen if e["event"] == "pairs"]
    rows = [row for e in pairs for row in e["data"]["rows"] if row["pair"] == "PAK-RUS"]
    assert rows, f"no pairs event with PAK-RUS within {time.monotonic() - started:.0f} s: {seen}"
    assert rows[0]["b_to_a"] >= 1 and rows[0]["tension"] > 0
    Draft202012Validator(published_schema("summary")).validate(rows[0])
    assert all(e["id"] for e in pairs) and pairs[0]["data"]["source"] == "local"


def test_status_events_carry_the_consumer_lag(live: tuple[Settings, Any]) -> None:
    settings, _ = live
    seen = asyncio.run(_watch(settings, publish=False, timeout_s=30))
    statuses = [e["data"] for e in seen if e["event"] == "status"]
    first = next(e for e in seen if e["data"] is not None)
    assert len(statuses) >= 2 and first["event"] == "status"  # one at once, then periodic
    for status in statuses:
        assert set(status["lag"]) == {settings.articles_topic, settings.events_topic}
        assert status["lag_total"] == sum(status["lag"].values())
        assert isinstance(status["behind"], bool) and status["status"] in ("ok", "catching_up",
                                                                           "starting")
        assert status["behind"] == (status["status"] != "ok")
    assert statuses[-1]["behind"] is False and statuses[-1]["lag_total"] == 0


def _get(settings: Settings, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(settings.web_host, settings.web_port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_a_client_reconnecting_from_an_unknown_id_is_told_to_resync(
    live: tuple[Settings, Any],
) -> None:
    settings, _ = live

    async def first_events() -> list[dict[str, Any]]:
        seen: list[dict[str, Any]] = []
        async with aiohttp.ClientSession() as session, \
                session.get(f"{settings.web_url}/stream", headers={"Last-Event-ID": "0-1"},
                            timeout=aiohttp.ClientTimeout(total=20)) as response:
            async for event in _events(response):
                seen.append(event)
                if event["event"] == "resync" or len(seen) > 3:
                    break
        return seen

    seen = asyncio.run(first_events())
    resync = [e for e in seen if e["event"] == "resync"]
    assert resync and resync[0]["data"] == {"reason": "reconnected"} and resync[0]["id"]


def test_unknown_parameters_are_a_400(live: tuple[Settings, Any]) -> None:
    settings, _ = live
    for path in ("/stream?since=1", "/stream?x=1&x=2"):
        status, body = _get(settings, path)
        assert status == 400 and b"/stream" in body, body[:200]


def test_clients_leaving_leave_no_error_and_the_worker_serves_on(live: tuple[Settings, Any]) -> None:
    settings, worker = live

    async def open_and_drop(count: int) -> None:
        for _ in range(count):
            async with aiohttp.ClientSession() as session, \
                    session.get(f"{settings.web_url}/stream") as response:
                await response.content.readuntil(b"\n\n")  # the retry line, then drop it

    asyncio.run(open_and_drop(5))
    time.sleep(4)  # the worker notices at its next status write
    status, _ = _get(settings, "/dyads?limit=5")
    assert status == 200
    seen = asyncio.run(_watch(settings, publish=False, timeout_s=30))
    statuses = [e["data"] for e in seen if e["event"] == "status"]
    assert statuses[-1]["subscribers"] == 1  # the dropped ones were let go
    log_name = getattr(worker.log, "name", None)
    text = Path(log_name).read_text(encoding="utf-8", errors="replace") if log_name else ""
    assert "Traceback" not in text and "unhandled error" not in text and "live stream" not in text


def test_a_worker_stops_promptly_with_streams_open(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = fresh_settings(broker, tmp_path)
    with running_worker(settings) as worker:
        connection = http.client.HTTPConnection(settings.web_host, settings.web_port, timeout=30)
        connection.request("GET", "/stream")
        response = connection.getresponse()
        assert response.status == 200 and response.read1(64).startswith(b"retry:")
        started = time.monotonic()
        assert worker.stop(timeout_s=30) is not None
        stopped_in = time.monotonic() - started
        rest = response.read()  # the server ended the stream (no reset, no hang)
        connection.close()
    assert stopped_in < 20, f"the worker took {stopped_in:.1f} s to stop with a stream open"
    assert isinstance(rest, bytes)
