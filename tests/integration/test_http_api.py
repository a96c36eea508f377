"""The HTTP API under malformed requests: 400/404/405 as JSON, never a stack trace; and it
listens on the loopback interface only unless configured otherwise."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import pytest

from schemas import jsonbytes
from streams.cli.demo import wait_processed
from streams.kafka.broker import EmbeddedBroker
from streams.settings import Settings
from tests.integration.harness import fresh_settings, publish_all, running_worker, varied_articles

pytestmark = pytest.mark.integration

BAD_REQUESTS: list[tuple[str, str, int]] = [
    ("GET", "/dyads/RU/PAK", 400),
    ("GET", "/dyads/RUSS/PAK", 400),
    ("GET", "/dyads/PAK/PAK", 400),
    ("GET", "/dyads/123/PAK", 400),
    ("GET", "/dyads/%C3%84%C3%96%C3%9C/PAK", 400),
    ("GET", "/dyads/%D0%A0%D0%A4%D0%AF/PAK", 400),
    ("GET", "/countries/%E4%B8%AD%E5%9B%BD", 400),
    ("GET", "/countries/R", 400),
    ("GET", "/countries/%00%00%00", 400),
    ("GET", "/countries/%27%3B--", 400),
    ("GET", "/dyads/%2e%2e/%2e%2e", 400),
    ("GET", "/dyads?limit=100000000000000000000000000000", 400),
    ("GET", "/dyads?limit=1001", 400),
    ("GET", "/dyads?limit=0", 400),
    ("GET", "/dyads?limit=-5", 400),
    ("GET", "/dyads?limit=ten", 400),
    ("GET", "/dyads?limit=1e3", 400),
    ("GET", "/dyads?sort=drop%20table", 400),
    ("GET", "/dyads?sort=%C3%A9", 400),
    ("GET", "/countries/PAK?sort=none", 400),
    ("GET", "/dyads/CHN/IND", 404),
    ("GET", "/nope", 404),
    ("GET", "/dyads/RUS/PAK/extra", 404),
    ("GET", "/../../etc/passwd", 404),
    ("GET", "/dyads/..%2F..%2Fetc/passwd", 400),
    ("GET", "/static/../../../etc/passwd", 404),
    ("GET", "/%2e%2e/%2e%2e/etc/passwd", 404),
    ("GET", "/countries/" + "A" * 2000, 400),
    ("GET", "/" + "x" * 2000, 404),
    ("POST", "/dyads", 405),
    ("DELETE", "/dyads/RUS/PAK", 405),
]


@pytest.fixture(scope="module")
def api(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    settings = fresh_settings(broker, tmp_path_factory.mktemp("api"))
    with running_worker(settings) as worker:
        articles = varied_articles(5)
        publish_all(settings, articles)
        wait_processed(worker, len(articles))
        yield settings


def _request(settings: Settings, method: str, path: str) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection(settings.web_host, settings.web_port, timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type") or "", response.read()
    finally:
        connection.close()


@pytest.mark.parametrize(("method", "path", "status"), BAD_REQUESTS,
                         ids=[f"{m} {p[:60]}" for m, p, _ in BAD_REQUESTS])
def test_bad_request_answers_json_error_without_stack_trace(
    api: Settings, method: str, path: str, status: int,
) -> None:
    got, content_type, body = _request(api, method, path)
    assert got == status, body[:300]
    assert content_type.startswith("application/json")
    answer = jsonbytes.loads(body)
    assert answer["status"] == status and isinstance(answer["error"], str) and answer["error"]
    assert b"Traceback" not in body and b'File "' not in body and b"/etc/passwd:" not in body


def test_good_requests_still_answer(api: Settings) -> None:
    status, _, body = _request(api, "GET", "/dyads?limit=1000")
    assert status == 200 and jsonbytes.loads(body)["count"] > 0


def _listening_addresses(port: int) -> set[str]:
    """Local addresses listening on ``port``, from /proc/net/tcp and tcp6 (hex, as the kernel)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, _, hex_port = fields[1].partition(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_api_listens_on_loopback_only_by_default(api: Settings) -> None:
    assert Settings.model_fields["web_host"].default == "127.0.0.1" == api.web_host
    assert _listening_addresses(api.web_port) == {"0100007F"}  # 127.0.0.1, nothing else
