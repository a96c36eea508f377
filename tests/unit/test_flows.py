"""The coding agent in Faust's test context (no broker): events out, rejections to dead letters."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest

from schemas.models import DeadLetter, RelationEvent
from streams.app import Pipeline, build_pipeline, wire_agents
from streams.settings import Settings


def _recording_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        ) -> tuple[asyncio.AbstractEventLoop, Pipeline, list[Any]]:
    """A fresh event loop (set as current) and a pipeline whose sends are recorded.

    Event sends are queued until the batch's flush (as the batched sender does), so the
    recorded order also shows that every batch is flushed before the next one starts.
    """
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    pipeline = build_pipeline(Settings(app_id="unit-flows", data_dir=tmp_path, coding_processes=0))
    wire_agents(pipeline)
    sent: list[Any] = []
    queued: list[Any] = []

    async def record(**kwargs: Any) -> None:
        sent.append(kwargs)

    async def queue(**kwargs: Any) -> None:
        queued.append(kwargs)

    async def flush() -> None:
        sent.extend(queued)
        queued.clear()

    async def start() -> None:
        return None

    monkeypatch.setattr(pipeline.event_sender, "start", start)
    monkeypatch.setattr(pipeline.event_sender, "send", queue)
    monkeypatch.setattr(pipeline.event_sender, "flush", flush)
    monkeypatch.setattr(pipeline.dead_letters, "send", record)
    return loop, pipeline, sent


def _run(loop: asyncio.AbstractEventLoop, pipeline: Any, feed: Coroutine[Any, Any, None]) -> None:
    """Run ``feed`` on ``loop``, then close it and the consumer thread's loop Faust leaves open."""
    try:
        loop.run_until_complete(feed)
    finally:
        asyncio.set_event_loop(None)
        loop.close()
        pipeline.app.consumer._thread.thread_loop.close()


def test_code_articles_sends_events_by_pair_and_rejections_as_dead_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop, pipeline, sent = _recording_pipeline(tmp_path, monkeypatch)
    agent = pipeline.app.agents["code_articles"]

    async def feed() -> None:
        async with agent.test_context() as context:
            await context.put(key=b"a1", value=b'{"id": "a1", "text": "Russia rejected Pakistan\'s demand."}')
            await context.put(key=b"bad", value=b"\xff not utf-8")

    _run(loop, pipeline, feed())
    letter, event = sent  # the dead letter goes out at once, the event with its batch's flush
    assert event["key"] == b"PAK-RUS"
    assert RelationEvent.model_validate_json(event["value"]).source == "RUS"
    assert isinstance(letter["value"], DeadLetter) and letter["value"].reason == "invalid_utf8"
    assert base64.b64decode(letter["value"].raw_b64) == b"\xff not utf-8"
    assert pipeline.counters == {"articles_processed": 1, "events_emitted": 1}
    assert pipeline.dead_letter_reasons == {"decode:invalid_utf8": 1}


def test_code_articles_keeps_message_order_across_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop, pipeline, sent = _recording_pipeline(tmp_path, monkeypatch)
    agent = pipeline.app.agents["code_articles"]
    texts = [b'{"id": "a1", "text": "Russia rejected Pakistan\'s demand."}',
             b'{"id": "a2"}',
             b'{"id": "a3", "text": "India condemned China."}',
             b'{"id": "a4", "text": "Japan thanked Brazil."}']

    async def feed() -> None:
        async with agent.test_context() as context:
            for n, value in enumerate(texts):
                await context.put(key=f"a{n + 1}".encode(), value=value, wait=False)
            await asyncio.sleep(0.2)  # longer than a batch waits

    _run(loop, pipeline, feed())
    letters = [item for item in sent if isinstance(item["value"], DeadLetter)]
    events = [item["key"] for item in sent if not isinstance(item["value"], DeadLetter)]
    assert events == [b"PAK-RUS", b"CHN-IND", b"BRA-JPN"]  # the articles' order
    assert [letter["key"] for letter in letters] == [b"a2"]
    assert letters[0]["value"].reason == "invalid_fields"
    assert pipeline.counters == {"articles_processed": 3, "events_emitted": 3}
