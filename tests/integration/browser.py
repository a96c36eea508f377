"""Headless Debian chromium driven by selenium, offline (no driver or browser download)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

__all__ = ["CHROMEDRIVER", "CHROMIUM", "INSTALL_HINT", "chromium", "set_viewport", "wait_for"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = "apt-get install -y chromium chromium-driver"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
)


def require_chromium() -> None:
    """Fail (never skip) with how to install the browser when it is not there."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(f"the live page test drives Debian's chromium headless, and "
                    f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing: "
                    f"install them with `{INSTALL_HINT}` (as root)", pytrace=False)


@contextmanager
def chromium(profile_dir: Path) -> Iterator[WebDriver]:
    """A headless chromium with a fresh profile, quit on exit."""
    require_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def set_viewport(driver: WebDriver, width: int, height: int, *, mobile: bool = False) -> None:
    """The exact CSS viewport (a window size would include no chrome in headless, but be sure)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def wait_for(driver: WebDriver, condition: Callable[[WebDriver], Any], what: str,
             timeout_s: float = 30.0) -> Any:
    """Poll ``condition`` until it is truthy (stale elements are retried), else fail with ``what``."""
    wait = WebDriverWait(driver, timeout_s, poll_frequency=0.2,
                         ignored_exceptions=(StaleElementReferenceException,))
    try:
        return wait.until(condition, message=what)
    except WebDriverException as exc:
        pytest.fail(f"timed out after {timeout_s:.0f} s waiting for {what}: {exc.msg}", pytrace=False)
