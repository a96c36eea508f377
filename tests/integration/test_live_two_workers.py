"""GET /stream with two workers: a subscriber of one worker receives every pair, its own
pushed as folded (``source: local``) and the other worker's through the periodic gather
(``source: gather``), within the documented delay."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import aiohttp
import pytest

from schemas.models import Article
from streams.cli.processes import WorkerProcess
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import SettingsFactory
from tests.integration.harness import publish_all
from tests.integration.test_live_stream import _events

pytestmark = pytest.mark.integration
TEXTS = [
    "France and Germany signed a trade agreement in Paris.",
    "Japan condemned North Korea's missile launch on Tuesday.",
    "Brazil hosted talks with Argentina on energy cooperation.",
    "Turkey accused Greece of violating its airspace.",
    "Russia rejected Pakistan's demand for rifles.",
    "India praised Japan for its aid after the flood.",
    "Egypt expelled the ambassador of Israel.",
    "China threatened Taiwan with sanctions.",
]


async def _collect(url: str, until: Callable[[dict[str, str]], bool],
                   publish: Callable[[], None], timeout_s: float) -> dict[str, str]:
    """pair -> source of its first push, until ``until`` holds or the timeout."""
    first: dict[str, str] = {}
    async with aiohttp.ClientSession() as session, \
            session.get(f"{url}/stream", timeout=aiohttp.ClientTimeout(total=timeout_s)) as response:
        await asyncio.to_thread(publish)
        try:
            async for event in _events(response):
                if event["event"] == "pairs":
                    for row in event["data"]["rows"]:
                        first.setdefault(row["pair"], event["data"]["source"])
                    if until(first):
                        break
        except TimeoutError:
            pass
    return first


def _listing(settings: Settings) -> set[str]:
    return {row["pair"] for row in fetch_json(settings.web_url, "/dyads", {"limit": "1000"})["dyads"]}


def test_a_subscriber_gets_the_other_workers_pairs_by_the_gather(
    make_settings: SettingsFactory, start_worker: Callable[[Settings], WorkerProcess],
) -> None:
    first = make_settings()
    second = first.model_copy(update={"web_port": make_settings().web_port})
    workers = [start_worker(first), start_worker(second)]
    articles = [Article(id=f"two-{n}", text=text, published=f"2024-05-0{n % 7 + 1}T08:00:00Z")
                for n, text in enumerate(TEXTS)]  # type: ignore[arg-type]
    expected: set[str] = set()

    def publish() -> None:
        publish_all(first, articles)

    def complete(seen: dict[str, str]) -> bool:
        nonlocal expected
        if not expected or not expected <= set(seen):
            expected = _listing(first)
        return bool(expected) and expected <= set(seen) and len(expected) >= 4

    started = time.monotonic()
    seen = asyncio.run(_collect(first.web_url, complete, publish, timeout_s=90))
    took = time.monotonic() - started
    assert expected and expected <= set(seen), f"missing {expected - set(seen)} after {took:.0f} s"
    local = {h["worker"]: h["pairs_local"] for h in (w.health() or {} for w in workers)}
    if all(local.values()):  # both workers hold pairs: both paths were used
        assert set(seen.values()) == {"local", "gather"}, seen
    else:
        pytest.skip(f"one worker held every pair ({local}); the gather path was not exercised")
