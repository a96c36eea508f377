"""Queries during a rebalance (issue 15): while a second worker joins and after it dies, every
pair answers 200 or 503 with ``Retry-After`` and a JSON reason, never a wrong 404 or a 500."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from schemas import jsonbytes
from schemas.models import Article
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess
from streams.kafka.broker import EmbeddedBroker
from streams.settings import Settings
from tests.integration.conftest import ARTIFACTS, free_port
from tests.integration.harness import fresh_settings, publish_all, running_worker

pytestmark = pytest.mark.integration

LINES = ["Russia rejected Pakistan's demand for rifles.",
         "France and Germany signed a trade agreement in Paris.",
         "Japan condemned China's missile test.",
         "Turkey accused Greece of violating its airspace.",
         "India and Russia signed a defence cooperation agreement.",
         "Brazil hosted talks with Argentina on energy cooperation."]
PATHS = ["/dyads/PAK/RUS", "/dyads/DEU/FRA", "/dyads/CHN/JPN", "/dyads/GRC/TUR",
         "/dyads/IND/RUS", "/dyads/ARG/BRA"]
Answer = tuple[int, str | None, str]


def _ask(url: str) -> Answer:
    """(status, Retry-After, error) of one GET; status 0 if nothing listens yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, None, ""
    except urllib.error.HTTPError as exc:
        body = jsonbytes.loads(exc.read() or b"{}")
        return exc.code, exc.headers.get("Retry-After"), str(body.get("error", ""))
    except (urllib.error.URLError, OSError):
        return 0, None, ""


def _watch(urls: list[str], done: Callable[[list[Answer]], bool],
           timeout_s: float = 90.0) -> list[Answer]:
    """Ask every pair on every worker in rounds until a round satisfies ``done``."""
    answers: list[Answer] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        round_ = [_ask(url + path) for url in urls for path in PATHS]
        answers += round_
        if done(round_):
            return answers
    raise AssertionError(f"never settled: {Counter(a[0] for a in answers)}")


def _never_wrong(answers: list[Answer]) -> None:
    assert {status for status, _, _ in answers} <= {0, 200, 503}, Counter(answers)
    for status, retry_after, error in answers:
        if status == 503:
            assert retry_after and error and "retry" in error, Counter(answers)


def test_pairs_answer_200_or_503_while_a_worker_joins_and_after_it_dies(
    broker: EmbeddedBroker, tmp_path: Path,
) -> None:
    first = fresh_settings(broker, tmp_path / "data")
    articles = [Article(id=f"l{n}", text=line, published="2024-05-01T09:00:00Z")
                for n, line in enumerate(LINES)]
    second: Settings = first.model_copy(update={"web_port": free_port()})
    with running_worker(first) as worker:
        publish_all(first, articles)
        wait_processed(worker, len(articles))
        urls = [first.web_url, second.web_url]
        log_path = ARTIFACTS / f"worker-{second.app_id}-{second.web_port}.log"
        with log_path.open("ab") as log:
            joining = WorkerProcess(second, log=log).start()
            try:
                joined = _watch(urls, lambda r: all(status == 200 for status, _, _ in r))
                joining.kill()  # a worker dies: the survivor takes its partitions over
                left = _watch(urls[:1], lambda r: all(status == 200 for status, _, _ in r))
            finally:
                joining.stop()
    _never_wrong(joined)
    _never_wrong(left)
