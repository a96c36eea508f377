"""The live page in a real browser against a real worker and event store: seed pairs, evidence,
live updates, then an analyst's work: search, country view, table, map, pair view, CSV."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from streams.cli.demo import seed_articles, wait_processed
from streams.cli.processes import LakeProcess, WorkerProcess
from streams.inputs import read_inputs
from streams.kafka.publish import publish_articles
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.analyst_page import (
    GUYANA_VENEZUELA,
    analyst_articles,
    check_country_search,
    check_csv_download,
    check_event_filters,
    check_map,
    check_pair_outside_top,
    check_table_matches_detail,
    wait_stored,
)
from tests.integration.browser import chromium, set_viewport, wait_for
from tests.integration.conftest import ARTIFACTS, SettingsFactory
from tests.integration.harness import publish_all

pytestmark = pytest.mark.integration
StartWorker = Callable[[Settings], WorkerProcess]

REJECTION = "Russia had rejected the Pakistani proposal"
NEW_ARTICLE = {
    "id": "live-page-bra-jpn", "title": "Japan and Brazil sign a trade agreement",
    "text": "Japan signed a trade agreement with Brazil on Monday.",
    "url": "https://news.example.org/bra-jpn",
}


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    with chromium(tmp_path / "chromium-profile") as driver:
        yield driver


@pytest.fixture
def lake(tmp_path: Path) -> Iterator[Callable[[Settings], LakeProcess]]:
    """``dyadwatch lake`` beside the worker, so the page reads its events from the store."""
    ARTIFACTS.mkdir(exist_ok=True)
    started: list[LakeProcess] = []
    with (ARTIFACTS / "lake-live-page.log").open("ab") as log:
        def factory(settings: Settings) -> LakeProcess:
            started.append(LakeProcess(settings, log=log).start())
            return started[-1]
        yield factory
        for process in started:
            process.stop()


def _publish(settings: Settings, paths: list[str]) -> int:
    report = publish_articles(settings, read_inputs(paths))
    assert report.ok, report.failed
    return len(report.published)


def _text(driver: WebDriver, css: str) -> str:
    return str(driver.execute_script(
        "const n = document.querySelector(arguments[0]); return n ? n.textContent : '';", css))


def _has(driver: WebDriver, css: str) -> bool:
    return bool(driver.find_elements(By.CSS_SELECTOR, css))


def _click(driver: WebDriver, css: str) -> None:
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, css).click() or True, f"a click on {css}")


def _press_enter(driver: WebDriver, css: str) -> None:
    """Focus ``css`` by script (as Tab would) and press Enter on the focused element."""
    def focused(d: WebDriver) -> bool:
        return bool(d.execute_script(
            "const n = document.querySelector(arguments[0]); if (!n) return false;"
            "n.focus(); return document.activeElement === n;", css))
    wait_for(driver, focused, f"focus on {css}")
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def _wait_chosen(driver: WebDriver, title: str, evidence: str) -> None:
    wait_for(driver, lambda d: _text(d, "#pair-title") == title and evidence in _text(d, "#evidence"),
             f"the pair {title} opened with evidence {evidence!r}")


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _check_http(base: str) -> None:
    """Content types and caching: the index revalidates, versioned assets are immutable."""
    status, headers, body = _get(f"{base}/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    script = re.search(rb'src="(/static/page\.js\?v=[0-9a-f]+)"', body)
    assert script, body[:500]
    status, headers, _ = _get(base + script.group(1).decode())
    assert status == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert "immutable" in headers["Cache-Control"]
    status, _, body = _get(f"{base}/static/page.js", {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""
    status, headers, _ = _get(f"{base}/static/page.css")
    assert status == 200 and headers["Content-Type"] == "text/css; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    assert _get(f"{base}/static/missing.js")[0] == 404


def _check_seed_pairs(driver: WebDriver) -> None:
    wait_for(driver, lambda d: _has(d, '#tension-list [data-pair="PAK-RUS"]')
             and _has(d, '#coop-list [data-pair="IND-RUS"]'), "the seed's pairs in the lists")
    wait_for(driver, lambda d: _has(d, '#network .edge[data-pair="PAK-RUS"]')
             and _has(d, '#network .edge[data-pair="IND-RUS"]'), "the seed's pairs in the network")
    wait_for(driver, lambda d: re.fullmatch(r"updated \d\d:\d\d:\d\d", _text(d, "#status")),
             "a whole refresh (updated hh:mm:ss)")
    assert "edge-neg" in str(driver.find_element(
        By.CSS_SELECTOR, '#network .edge[data-pair="PAK-RUS"]').get_attribute("class"))
    for row in driver.find_elements(By.CSS_SELECTOR, "#tension-list .pair, #coop-list .pair"):
        sparkline = row.find_element(By.CSS_SELECTOR, "svg.spark")
        assert sparkline.get_attribute("aria-label")
        has_bars = bool(sparkline.find_elements(By.CSS_SELECTOR, "rect"))
        assert has_bars != ("no history yet" in row.text), row.text


def _check_without_store(driver: WebDriver) -> None:
    """No event store yet: the pair view says so and shows the events kept with the pair."""
    wait_for(driver, lambda d: "The event store has none of this pair" in _text(d, "#events-note")
             and REJECTION in _text(d, "#evidence"), "the page saying the store has no events yet")
    assert not driver.find_element(By.ID, "ev-csv").is_displayed()


def _check_choosing_pairs(driver: WebDriver) -> None:
    _click(driver, '#coop-list [data-pair="IND-RUS"]')
    _wait_chosen(driver, "IND\u2013RUS", "transferred the technology")
    assert REJECTION not in _text(driver, "#evidence")
    _click(driver, '#tension-list [data-pair="PAK-RUS"]')
    _wait_chosen(driver, "PAK\u2013RUS", REJECTION)
    assert "RUS \u2192 PAK" in _text(driver, "#evidence")
    assert "Reject" in _text(driver, "#evidence") and "verbal conflict" in _text(driver, "#evidence")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#evidence mark")]
    assert any(mark.startswith("rejected") for mark in marks)
    _press_enter(driver, '#network .edge[data-pair="IND-RUS"]')
    _wait_chosen(driver, "IND\u2013RUS", "transferred the technology")
    _press_enter(driver, '#tension-list [data-pair="PAK-RUS"]')
    _wait_chosen(driver, "PAK\u2013RUS", REJECTION)
    pressed = driver.find_element(By.CSS_SELECTOR, '#tension-list [data-pair="PAK-RUS"]')
    assert pressed.get_attribute("aria-pressed") == "true"


def _check_hash_and_wording(driver: WebDriver) -> None:
    """The URL's hash selects the pair (set by hand, a link, or Back); the pair's directions
    read "A→B n, B→A m"; the lists show the tension index as the positive number it is."""
    _wait_chosen(driver, "PAK\u2013RUS", REJECTION)
    driver.execute_script("window.location.hash = '#pair=IND-RUS';")
    _wait_chosen(driver, "IND\u2013RUS", "transferred the technology")
    driver.execute_script("window.history.back();")
    _wait_chosen(driver, "PAK\u2013RUS", REJECTION)
    driver.execute_script("window.location.hash = '#pair=rus-ind';")  # any order and case
    _wait_chosen(driver, "IND\u2013RUS", "transferred the technology")
    summary = _text(driver, "#pair-summary")
    assert re.search(r"\(IND\u2192RUS \d+, RUS\u2192IND \d+\)", summary), summary
    value = _text(driver, '#tension-list [data-pair="PAK-RUS"] .pair-value')
    assert re.fullmatch(r"tension \d+\.\d", value), value
    assert "net " in _text(driver, '#tension-list [data-pair="PAK-RUS"] .pair-meta')
    _click(driver, '#tension-list [data-pair="PAK-RUS"]')
    _wait_chosen(driver, "PAK\u2013RUS", REJECTION)


def _check_live_update(driver: WebDriver, settings: Settings, worker: WorkerProcess,
                       tmp_path: Path, published: int) -> None:
    driver.execute_script("window.sameDocument = 'not reloaded';")
    # the page listens to the worker's pushes (GET /stream), it does not poll
    wait_for(driver, lambda d: d.find_element(By.ID, "live").get_attribute("data-mode")
             == "connected", "the page connected to the worker's stream")
    assert _text(driver, "#live").startswith("live")
    article = tmp_path / "bra-jpn.json"
    article.write_bytes(orjson.dumps(NEW_ARTICLE))
    wait_processed(worker, published + _publish(settings, [str(article)]))
    assert fetch_json(settings.web_url, "/dyads/BRA/JPN")["events"] >= 1
    wait_for(driver, lambda d: _has(d, '#coop-list [data-pair="BRA-JPN"]')
             and _has(d, '#network .edge[data-pair="BRA-JPN"]'), "the new pair BRA-JPN on the page")
    assert driver.execute_script("return window.sameDocument;") == "not reloaded"
    assert driver.find_element(By.ID, "live").get_attribute("data-mode") == "connected"
    _click(driver, '#coop-list [data-pair="BRA-JPN"]')
    _wait_chosen(driver, "BRA\u2013JPN", "Japan signed a trade agreement with Brazil")
    link = driver.find_element(By.CSS_SELECTOR, "#evidence a")
    assert link.get_attribute("href") == NEW_ARTICLE["url"]
    assert driver.find_element(By.CSS_SELECTOR, "#evidence mark").text == "signed a trade agreement"


def _screenshot_phone(driver: WebDriver) -> None:
    set_viewport(driver, 390, 844, mobile=True)
    driver.refresh()
    wait_for(driver, lambda d: _has(d, '#tension-list [data-pair="PAK-RUS"]'), "the page on a phone")
    lists = driver.find_element(By.CSS_SELECTOR, ".lists").rect
    network = driver.find_element(By.CSS_SELECTOR, ".network-panel").rect
    assert abs(lists["x"] - network["x"]) < 2 and network["y"] > lists["y"], "one column on a phone"
    width = driver.execute_script("return document.documentElement.scrollWidth;")
    assert width <= 390, f"the phone layout scrolls sideways ({width} px)"
    driver.execute_script("window.scrollTo(0, 0);")
    driver.save_screenshot(str(ARTIFACTS / "live-page-390x844.png"))
    driver.execute_script("document.getElementById('detail').scrollIntoView();")
    driver.save_screenshot(str(ARTIFACTS / "live-page-pair-390x844.png"))


def _check_console(driver: WebDriver) -> None:
    """No script error and no blocked resource (answers with 404 are the page's to handle)."""
    errors = [entry["message"] for entry in driver.get_log("browser")
              if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]]
    assert not errors, errors


def _check_analyst_work(driver: WebDriver, settings: Settings, worker: WorkerProcess,
                        tmp_path: Path, published: int) -> None:
    articles = analyst_articles()
    publish_all(settings, articles)
    wait_processed(worker, published + len(articles))
    wait_stored(settings, GUYANA_VENEZUELA, 3)
    check_country_search(driver, settings)
    check_map(driver, "GUY", ["VEN"])
    check_pair_outside_top(driver)
    check_event_filters(driver)
    check_csv_download(driver, tmp_path / "downloads")
    driver.save_screenshot(str(ARTIFACTS / "live-page-analyst-1280x800.png"))
    check_table_matches_detail(driver)


def test_live_page_shows_pairs_evidence_and_live_updates(
    make_settings: SettingsFactory, start_worker: StartWorker, lake: Callable[[Settings], LakeProcess],
    seeds_dir: Path, browser: WebDriver, tmp_path: Path,
) -> None:
    settings = make_settings(lake_dir=tmp_path / "lake", lake_flush_s=0.2)
    worker = start_worker(settings)
    published = _publish(settings, seed_articles(seeds_dir))
    wait_processed(worker, published)
    _check_http(settings.web_url)

    set_viewport(browser, 1280, 800)
    browser.get(f"{settings.web_url}/")
    _check_seed_pairs(browser)
    _check_without_store(browser)
    lake(settings)
    wait_stored(settings, "PAK-RUS", 1)
    check_map(browser, "RUS", ["PAK", "IND"])
    _check_choosing_pairs(browser)
    _check_hash_and_wording(browser)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "live-page-1280x800.png"))
    _check_live_update(browser, settings, worker, tmp_path, published)
    _check_analyst_work(browser, settings, worker, tmp_path, published + 1)
    _screenshot_phone(browser)
    _check_console(browser)
