"""The pure parts of the live stream: SSE framing, coalescing of changed pairs, bounded
subscriber queues (no broker, no worker)."""

from __future__ import annotations

import asyncio

import pytest

from schemas import jsonbytes
from streams.state.changes import PairChanges
from streams.web.live import QUEUE_MAX, Subscriber, sse_comment, sse_event


def test_an_event_is_named_identified_and_one_json_line() -> None:
    frame = sse_event("pairs", {"rows": [{"pair": "IND-PAK", "note": "a\nb"}]}, "b1-7")
    text = frame.decode()
    assert text.endswith("\n\n") and text.count("\n\n") == 1
    lines = text.rstrip("\n").split("\n")
    assert lines[:2] == ["event: pairs", "id: b1-7"] and lines[2].startswith("data: ")
    assert jsonbytes.loads(lines[2][len("data: "):]) == {"rows": [{"pair": "IND-PAK", "note": "a\nb"}]}
    assert "id:" not in sse_event("status", {}, None).decode()


def test_a_comment_is_one_line_whatever_its_text() -> None:
    assert sse_comment("hb") == b": hb\n\n"
    assert sse_comment("a\nb") == b": a b\n\n"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_changes_are_ignored_until_someone_listens_then_coalesced() -> None:
    clock = Clock()
    changes = PairChanges(0.25, clock)
    changes.note(["IND-PAK"])
    assert changes.pending == set()  # nobody listens: nothing accumulates
    changes.listen()
    changes.note(["IND-PAK", "PAK-RUS"])
    changes.note(["IND-PAK"])
    assert changes.delay() == 0 and changes.take() == {"IND-PAK", "PAK-RUS"}
    changes.note(["CHN-USA"])
    assert changes.delay() == pytest.approx(0.25)
    clock.now += 0.1
    assert changes.delay() == pytest.approx(0.15)
    clock.now += 0.2
    assert changes.delay() == 0 and changes.take() == {"CHN-USA"}
    changes.stop_listening()
    changes.note(["X"])
    assert changes.pending == set() and changes.take() == set()


def test_next_batch_waits_without_polling_and_spaces_batches() -> None:
    async def scenario() -> list[tuple[float, set[str]]]:
        changes = PairChanges(0.2)
        loop = asyncio.get_running_loop()
        got: list[tuple[float, set[str]]] = []

        async def reader() -> None:
            for _ in range(2):
                pairs = await changes.next_batch()
                got.append((loop.time(), pairs))

        task = loop.create_task(reader())
        await asyncio.sleep(0.05)
        assert not got  # nothing changed: it waits
        start = loop.time()
        for n in range(20):  # a burst: one batch, then the rest coalesced into the next
            changes.note([f"P{n % 3}"])
            await asyncio.sleep(0.01)
        await asyncio.wait_for(task, 2)
        return [(at - start, pairs) for at, pairs in got]

    (first_at, first), (second_at, second) = asyncio.run(scenario())
    assert first_at < 0.1 and first == {"P0"}
    assert second_at - first_at >= 0.19 and second <= {"P0", "P1", "P2"} and len(second) >= 2


def test_a_slow_subscriber_gets_resync_not_a_growing_queue() -> None:
    async def scenario() -> list[bytes | None]:
        subscriber = Subscriber()
        resync = sse_event("resync", {"reason": "slow_client"}, "b-1")
        for n in range(QUEUE_MAX + 10):
            subscriber.offer(sse_event("pairs", {"n": n}), resync)
        assert subscriber.resyncs == 1 and subscriber.queue.qsize() == 10
        return [subscriber.queue.get_nowait() for _ in range(subscriber.queue.qsize())]

    frames = asyncio.run(scenario())
    assert frames[0] is not None and frames[0].startswith(b"event: resync")
    assert len(frames) == 10 and all(f is not None and b"pairs" in f for f in frames[1:])
