"""The analyst's checks of the live page (search, country view, table, map, pair view, CSV),
driven by test_live_page.py against a real worker and a real event store."""

from __future__ import annotations

import csv
import io
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from schemas.models import Article
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.browser import wait_for
from tests.integration.harness import varied_articles

__all__ = ["GUYANA_VENEZUELA", "analyst_articles", "check_country_search", "check_csv_download",
           "check_event_filters", "check_map", "check_pair_outside_top", "check_table_matches_detail",
           "wait_stored"]

GUYANA_VENEZUELA = "GUY-VEN"
NO_DATA = "#d4d6da"


def analyst_articles(count: int = 40) -> list[Article]:
    """Varied articles over the last two weeks, and three about Guyana and Venezuela (one a
    threat, two an agreement), so that pair is small and lies outside the highlight lists."""
    now = datetime.now(UTC).replace(microsecond=0)
    rng = random.Random(11)
    articles = [a.model_copy(update={"published": now - timedelta(hours=rng.randint(30, 24 * 14))})
                for a in varied_articles(count, seed=5)]
    texts = [("gv-threat", 9, "Venezuela threatened Guyana with military action over the "
                              "Essequibo region."),
             ("gv-deal", 4, "Guyana and Venezuela signed an agreement to settle the border "
                            "dispute peacefully.")]
    for ident, days, text in texts:
        articles.append(Article(id=ident, text=text, title=f"Guyana and Venezuela ({ident})",
                                url=f"https://news.example.org/{ident}",
                                published=now - timedelta(days=days)))
    return articles


def wait_stored(settings: Settings, pair: str, events: int, timeout_s: float = 60.0) -> None:
    """Until the event store (read through ``GET /events``) holds ``events`` of ``pair``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if fetch_json(settings.web_url, "/events", {"pair": pair})["count"] >= events:
                return
        except Exception:  # the store may not exist yet
            pass
        time.sleep(0.3)
    raise AssertionError(f"the event store did not get {events} events of {pair} in {timeout_s:.0f} s")


def _text(driver: WebDriver, css: str) -> str:
    return str(driver.execute_script(
        "const n = document.querySelector(arguments[0]); return n ? n.textContent : '';", css))


def _search(driver: WebDriver, text: str, value: str) -> None:
    """Type ``text`` into the search box and pick the suggestion for ``value`` with the keys."""
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(text)
    shown = f'#search-results[data-q="{text}"]:not([hidden]) [data-value="{value}"]'
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, shown),
             f"the suggestion {value} for {text!r}")
    options = [o.get_attribute("data-value") for o in
               driver.find_elements(By.CSS_SELECTOR, "#search-results [data-kind]")]
    for _ in range(options.index(value) + 1):
        box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)


def check_country_search(driver: WebDriver, settings: Settings) -> None:
    """Search "guyana" (a name, lower case): the table becomes Guyana's pairs, exactly as
    ``/countries/Guyanese`` (a demonym) lists them."""
    _search(driver, "guyana", "GUY")
    wait_for(driver, lambda d: "country=GUY" in d.current_url
             and d.find_elements(By.CSS_SELECTOR, f'#pairs-table tbody tr[data-pair="{GUYANA_VENEZUELA}"]'),
             "Guyana's pairs in the table")
    expected = fetch_json(settings.web_url, "/countries/Guyanese")
    shown = [row.get_attribute("data-pair") for row in
             driver.find_elements(By.CSS_SELECTOR, "#pairs-table tbody tr[data-pair]")]
    assert shown == [row["pair"] for row in expected["dyads"]][:15]
    assert "pairs of Guyana" in _text(driver, "#table-caption")


def check_map(driver: WebDriver, country: str, partners: list[str]) -> None:
    """The map is coloured for ``country``: each partner has a data colour, others grey."""
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f'#map path.chosen[data-code="{country}"]'),
             f"the map of {country}")
    for code in partners:
        path = driver.find_element(By.CSS_SELECTOR, f'#map path[data-code="{code}"]')
        assert path.get_attribute("data-class") not in (None, "none"), code
        assert path.get_attribute("fill") != NO_DATA and path.get_attribute("role") == "button"
    greys = driver.find_elements(By.CSS_SELECTOR, '#map path[data-class="none"]')
    assert len(greys) > 100 and all(g.get_attribute("fill") == NO_DATA for g in greys[:20])
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map path")) >= 170
    assert "no events with" in _text(driver, "#map-legend")


def check_pair_outside_top(driver: WebDriver) -> None:
    """Search "guyana venez": the pair, outside both highlight lists, opens with its evidence."""
    for css in ("#tension-list", "#coop-list"):
        assert not driver.find_elements(By.CSS_SELECTOR, f'{css} [data-pair="{GUYANA_VENEZUELA}"]')
    _search(driver, "guyana venez", GUYANA_VENEZUELA)
    wait_for(driver, lambda d: _text(d, "#pair-title") == "GUY\u2013VEN"
             and "Essequibo" in _text(d, "#evidence") and "signed an agreement" in _text(d, "#evidence"),
             "the pair GUY-VEN with its events")
    assert "As of " in _text(driver, "#pair-summary")
    shown = driver.find_elements(By.CSS_SELECTOR, "#evidence li.event")
    times = [li.get_attribute("data-time") for li in shown]
    assert times == sorted(times, reverse=True), "events newest first by event time"
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#evidence a")]
    assert "https://news.example.org/gv-threat" in links
    assert driver.find_elements(By.CSS_SELECTOR, "#timeline .axis-title")


def _set_date(driver: WebDriver, field: str, day: date) -> None:
    driver.execute_script("const n = document.getElementById(arguments[0]); n.value = arguments[1];"
                          "n.dispatchEvent(new Event('change', {bubbles: true}));", field, day.isoformat())


def check_event_filters(driver: WebDriver) -> None:
    """Quad 3 (verbal conflict) and a date range keep only the threat."""
    Select(driver.find_element(By.ID, "ev-quad")).select_by_value("3")
    wait_for(driver, lambda d: "signed an agreement" not in _text(d, "#evidence")
             and "Essequibo" in _text(d, "#evidence"), "the events of quad 3")
    shown = driver.find_elements(By.CSS_SELECTOR, "#evidence li.event")
    quads = {li.get_attribute("data-quad") for li in shown}
    assert quads == {"3"}
    threat = (datetime.now(UTC) - timedelta(days=9)).date()
    for field, day in (("ev-since", threat - timedelta(days=1)), ("ev-until", threat + timedelta(days=1))):
        _set_date(driver, field, day)
    wait_for(driver, lambda d: "until=" in str(d.find_element(By.ID, "ev-csv").get_attribute("href"))
             and "Essequibo" in _text(d, "#evidence"), "the events of quad 3 in the date range")
    _set_date(driver, "ev-since", threat + timedelta(days=1))
    wait_for(driver, lambda d: "no events match" in _text(d, "#evidence"), "no event after the threat")
    _set_date(driver, "ev-since", threat - timedelta(days=1))
    wait_for(driver, lambda d: "Essequibo" in _text(d, "#evidence"), "the threat again")


def check_csv_download(driver: WebDriver, folder: Path) -> None:
    """The CSV link downloads exactly what is shown: the pair, quad 3, the date range."""
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    driver.find_element(By.ID, "ev-csv").click()
    target = folder / f"{GUYANA_VENEZUELA}-events.csv"
    wait_for(driver, lambda d: target.exists() and target.stat().st_size > 0, f"the download {target.name}")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 1, rows
    assert rows[0]["source"] == "VEN" and rows[0]["target"] == "GUY" and rows[0]["quad_class"] == "3"
    assert "Essequibo" in rows[0]["sentence"]


def check_table_matches_detail(driver: WebDriver) -> None:
    """Open a pair from the table: its tension is the same number in the table and the panel."""
    driver.find_element(By.ID, "tb-clear-country").click()
    wait_for(driver, lambda d: "country=" not in d.current_url and len(d.find_elements(
        By.CSS_SELECTOR, "#pairs-table tbody tr[data-pair]")) == 15, "every pair in the table")
    row = driver.find_elements(By.CSS_SELECTOR, "#pairs-table tbody tr[data-pair]")[2]
    pair, tension = row.get_attribute("data-pair"), row.find_elements(By.CSS_SELECTOR, "td")[1].text
    row.find_element(By.CSS_SELECTOR, "button").click()
    a, b = str(pair).split("-")
    wait_for(driver, lambda d: _text(d, "#pair-title") == f"{a}\u2013{b}", f"the pair {pair} opened")
    wait_for(driver, lambda d: d.find_element(By.ID, "pair-summary").get_attribute("data-tension") == tension,
             f"tension {tension} of {pair} in the panel too")
    driver.find_element(By.CSS_SELECTOR, '#pairs-table th button[data-sort="net"]').click()
    sorted_by = '#pairs-table th[aria-sort="descending"] button'
    wait_for(driver, lambda d: d.find_element(By.CSS_SELECTOR, sorted_by).get_attribute("data-sort")
             == "net", "the table sorted by net")
    driver.find_element(By.ID, "tb-next").click()
    wait_for(driver, lambda d: _text(d, "#tb-range").startswith("pairs 16\u2013"), "the second page")
