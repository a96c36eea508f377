"""static/live.js in a real browser against a real worker: DyadLive.connect gets the listing,
status events and a published article's pair pushed; with the worker gone it falls back to
polling, which delivers the listing again once a worker answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from schemas.models import Article
from streams.kafka.broker import EmbeddedBroker
from tests.integration.browser import chromium, wait_for
from tests.integration.harness import fresh_settings, publish_all, running_worker

pytestmark = pytest.mark.integration
ARTICLE = Article(id="live-js-1", text="Russia rejected Pakistan's demand for rifles on Monday.",
                  published="2024-05-01T08:00:00Z")  # type: ignore[arg-type]
CONNECT = """
const script = document.createElement("script");
script.src = "/static/live.js";
script.onload = () => {
  window.got = { pairs: [], status: [], states: [] };
  window.live = DyadLive.connect({
    onPairs: (rows, info) => got.pairs.push({ pairs: rows.map((r) => r.pair), full: info.full }),
    onStatus: (status) => got.status.push(status),
    onState: (state) => got.states.push(state),
    pollMs: 500,
  });
};
document.head.append(script);
"""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    with chromium(tmp_path / "chromium-profile") as driver:
        yield driver


def _got(driver: WebDriver) -> dict[str, Any]:
    value = driver.execute_script("return window.got || null;")
    return value if isinstance(value, dict) else {"pairs": [], "status": [], "states": []}


def _pushed(driver: WebDriver, pair: str, *, full: bool, after: int = 0) -> bool:
    pushes = _got(driver)["pairs"][after:]
    return any(pair in push["pairs"] and push["full"] is full for push in pushes)


def test_live_js_streams_then_falls_back_to_polling(broker: EmbeddedBroker, tmp_path: Path,
                                                    browser: WebDriver) -> None:
    settings = fresh_settings(broker, tmp_path / "data")
    with running_worker(settings):
        browser.get(f"{settings.web_url}/health")  # any page of the worker: same origin
        browser.execute_script(CONNECT)
        wait_for(browser, lambda d: "connected" in _got(d)["states"], "the stream connected")
        wait_for(browser, lambda d: any(p["full"] for p in _got(d)["pairs"]), "the first listing")
        wait_for(browser, lambda d: _got(d)["status"], "a status event")
        status = _got(browser)["status"][-1]
        assert {"lag", "lag_total", "behind", "status"} <= set(status)
        publish_all(settings, [ARTICLE])
        wait_for(browser, lambda d: _pushed(d, "PAK-RUS", full=False), "PAK-RUS pushed", 60)
    wait_for(browser, lambda d: "polling" in _got(d)["states"], "the fallback to polling", 40)
    assert _got(browser)["states"][:2] == ["connected", "reconnecting"]
    wait_for(browser, lambda d: any(s["status"] == "unreachable" for s in _got(d)["status"]),
             "polling reporting the worker unreachable")
    before = len(_got(browser)["pairs"])
    with running_worker(settings):
        wait_for(browser, lambda d: _pushed(d, "PAK-RUS", full=True, after=before),
                 "the listing by polling", 60)
    assert _got(browser)["states"][-1] == "polling"
    browser.execute_script("window.live.close();")
