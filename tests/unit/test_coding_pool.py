"""The coding pool (agents.pool) with a stand-in coder: order, chunks, crashes, a killed process.

No broker: real processes of a real ``ProcessPoolExecutor`` (fork server), a coder that sleeps
a little and codes nothing, or dies on the text ``die``. The worker-level test of a killed
coding process is ``tests/integration/test_coding_pool.py``.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import time
from collections.abc import Sequence

import pytest

from agents.pool import (
    CRASH_REASON,
    MAX_CHUNK,
    TIMEOUT_REASON,
    CodingPool,
    InlineCoding,
    Item,
    chunk_spans,
)
from agents.steps import Coded, CodingLimits, Rejection
from schemas import jsonbytes
from schemas.models import Article, RelationEvent
from tests.unit.factories import make_event


class StandInCoder:
    """One event per article, its id the article's; sleeps up to 20 ms; ``die`` kills the process."""

    def extract(self, article: Article) -> list[RelationEvent]:
        if article.text == "die":
            os._exit(3)
        time.sleep(random.random() * 0.02)
        return [make_event().model_copy(update={"article_id": article.id})]


def stand_in_coder() -> StandInCoder:
    return StandInCoder()


def _items(texts: Sequence[str]) -> list[Item]:
    return [(jsonbytes.dumps({"id": f"a{n}", "text": text}), None) for n, text in enumerate(texts)]


def _article_id(coded: Coded) -> str:
    assert not isinstance(coded, Rejection), coded
    return RelationEvent.model_validate_json(coded[0][1]).article_id


async def _code_all(pool: CodingPool | InlineCoding, items: list[Item]) -> list[Coded]:
    return [coded async for coded in pool.code(items)]


def test_pool_answers_in_the_batch_order_with_two_processes() -> None:
    async def run() -> tuple[list[Coded], bool]:
        pool = CodingPool(2, stand_in_coder, CodingLimits(100))
        try:
            await pool.start()
            return await _code_all(pool, _items(["x"] * 30 + [""])), pool.ready
        finally:
            pool.close()

    results, ready = asyncio.run(run())
    assert ready
    assert [_article_id(coded) for coded in results[:30]] == [f"a{n}" for n in range(30)]
    assert isinstance(results[30], Rejection) and results[30].reason == "invalid_fields"


@pytest.mark.parametrize(("count", "processes"), [(0, 2), (1, 2), (10, 2), (100, 2), (100, 1), (37, 3)])
def test_chunks_cover_the_batch_in_order_and_end_with_single_articles(count: int, processes: int) -> None:
    spans = chunk_spans(count, processes)
    assert [n for span in spans for n in span] == list(range(count))
    assert all(1 <= len(span) <= MAX_CHUNK for span in spans)
    assert [len(span) for span in spans] == sorted((len(span) for span in spans), reverse=True)
    assert all(len(span) == 1 for span in spans[-processes:])  # no process waits for a long one


def test_chunk_sizes_follow_the_articles_left() -> None:
    assert [len(span) for span in chunk_spans(10, 2)] == [3, 2, 2, 1, 1, 1]
    assert [len(span) for span in chunk_spans(100, 2)][:3] == [MAX_CHUNK] * 3


def test_an_article_that_kills_its_process_in_a_chunk_is_isolated_and_the_rest_coded() -> None:
    texts = ["x"] * 30
    texts[1] = "die"  # inside the first chunk, with articles before and after it

    async def run() -> list[Coded]:
        pool = CodingPool(2, stand_in_coder, CodingLimits(100))
        try:
            await pool.start()
            assert len(chunk_spans(len(texts), 2)[0]) > 2
            return await _code_all(pool, _items(texts))
        finally:
            pool.close()

    results = asyncio.run(run())
    crashed = results[1]
    assert isinstance(crashed, Rejection) and (crashed.stage, crashed.reason) == ("extract", CRASH_REASON)
    assert [_article_id(c) for n, c in enumerate(results) if n != 1] == [f"a{n}" for n in range(30) if n != 1]


def test_an_article_that_kills_its_process_is_dead_lettered_and_the_rest_coded() -> None:
    async def run() -> tuple[list[Coded], int]:
        pool = CodingPool(2, stand_in_coder, CodingLimits(100))
        try:
            await pool.start()
            first = await _code_all(pool, _items(["x", "x", "die", "x", "x", "x"]))
            again = await _code_all(pool, _items(["x", "x"]))  # the pool still works
            return first + again, pool.restarts
        finally:
            pool.close()

    results, restarts = asyncio.run(run())
    crashed = results[2]
    assert isinstance(crashed, Rejection) and (crashed.stage, crashed.reason) == ("extract", CRASH_REASON)
    assert [_article_id(results[n]) for n in (0, 1, 3, 4, 5)] == ["a0", "a1", "a3", "a4", "a5"]
    assert [_article_id(coded) for coded in results[6:]] == ["a0", "a1"]
    assert restarts >= 2


def test_a_new_pool_starts_every_process_with_its_first_task() -> None:
    # none is started later, while the executor's manager thread may be walking them
    executor = CodingPool(3, stand_in_coder, CodingLimits(100))._new_executor()
    try:
        assert executor.submit(os.getpid).result(timeout=120) > 0
        assert len(executor._processes) == 3  # the test reaches in for the processes
    finally:
        executor.shutdown()


def test_a_process_killed_from_outside_loses_no_article() -> None:
    async def run() -> tuple[list[Coded], int]:
        pool = CodingPool(2, stand_in_coder, CodingLimits(100))
        try:
            await pool.start()
            assert pool.executor is not None
            victim = next(iter(pool.executor._processes))  # the test reaches in for a pid
            results = pool.code(_items(["x"] * 40))
            coded = [await anext(results)]
            os.kill(victim, signal.SIGKILL)
            coded += [item async for item in results]
            return coded, pool.restarts
        finally:
            pool.close()

    results, restarts = asyncio.run(run())
    assert restarts == 1
    assert [_article_id(coded) for coded in results] == [f"a{n}" for n in range(40)]


def test_inline_coding_codes_in_the_loop() -> None:
    async def run() -> list[Coded]:
        inline = InlineCoding(stand_in_coder, CodingLimits(100))
        await inline.start()
        return await _code_all(inline, _items(["x", "x"]))

    assert [_article_id(coded) for coded in asyncio.run(run())] == ["a0", "a1"]


def test_a_pool_needs_a_process() -> None:
    with pytest.raises(ValueError, match="at least one"):
        CodingPool(0, stand_in_coder, CodingLimits(100))


class HangingCoder(StandInCoder):
    """As ``StandInCoder``; ``hang`` never returns (a process stuck in native code)."""

    def extract(self, article: Article) -> list[RelationEvent]:
        if article.text == "hang":
            time.sleep(3600)
        return super().extract(article)


def hanging_coder() -> HangingCoder:
    return HangingCoder()


def test_a_process_that_never_answers_is_replaced_and_its_article_dead_lettered() -> None:
    async def run() -> tuple[list[Coded], int]:
        pool = CodingPool(2, hanging_coder, CodingLimits(100), timeout_s=2.0)
        try:
            await pool.start()
            first = await _code_all(pool, _items(["x", "hang", "x", "x"]))
            again = await _code_all(pool, _items(["x", "x"]))  # the new processes work
            return first + again, pool.restarts
        finally:
            pool.close()

    results, restarts = asyncio.run(run())
    hung = results[1]
    assert isinstance(hung, Rejection) and hung.reason == TIMEOUT_REASON
    assert [_article_id(c) for n, c in enumerate(results) if n != 1] == ["a0", "a2", "a3", "a0", "a1"]
    assert restarts == 2  # once with the batch, once coding the article alone


def test_a_hung_article_in_a_chunk_is_dead_lettered_and_its_chunk_mates_coded() -> None:
    texts = ["x", "hang", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]

    async def run() -> list[Coded]:
        pool = CodingPool(2, hanging_coder, CodingLimits(100), timeout_s=1.0)
        try:
            await pool.start()
            assert len(chunk_spans(len(texts), 2)[0]) == 3  # "hang" is in the middle of it
            return await _code_all(pool, _items(texts))
        finally:
            pool.close()

    results = asyncio.run(run())
    hung = results[1]
    assert isinstance(hung, Rejection) and hung.reason == TIMEOUT_REASON
    assert [_article_id(c) for n, c in enumerate(results) if n != 1] == [f"a{n}" for n in range(12) if n != 1]
