"""The HTTP API under malformed requests: 400/404/405 as JSON, never a stack trace; and it
listens on the loopback interface only unless configured otherwise."""

from __future__ import annotations

import http.client
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from schemas import jsonbytes
from schemas.models import Article
from streams.cli.demo import wait_processed
from streams.cli.processes import settings_env
from streams.countries import countries
from streams.kafka.broker import EmbeddedBroker
from streams.lake.columns import flat_row
from streams.lake.store import Writer
from streams.settings import Settings
from tests.integration.conftest import read_all
from tests.integration.harness import fresh_settings, publish_all, running_worker, varied_articles
from tests.lake_events import synthetic_events

pytestmark = pytest.mark.integration
STORED = 3000
DYADWATCH = Path(sys.executable).with_name("dyadwatch")
IN_ORDER = [  # CHL-PER: tension 2 on 1 March, then a rise of ~4 on 5 March (an alert above 3)
    Article(id="cp1", text="Chile condemned Peru over the missile test.",
            published=datetime(2024, 3, 1, 9, tzinfo=UTC)),
    Article(id="cp2", text="Chile expelled the ambassador of Peru.\n\nPeru accused Chile of "
            "violating the ceasefire.", published=datetime(2024, 3, 5, 10, tzinfo=UTC)),
]
OUT_OF_ORDER = [  # ARG-BRA: the newer article arrives first
    Article(id="ab1", text="Brazil condemned Argentina over the border dispute.",
            published=datetime(2024, 6, 10, 9, tzinfo=UTC)),
    Article(id="ab2", text="Argentina accused Brazil of spying on its diplomats.",
            published=datetime(2024, 6, 1, 9, tzinfo=UTC)),
]

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
    # unknown, repeated or malformed parameters: never silently ignored
    ("GET", "/dyads?from=2024-01-01", 400),
    ("GET", "/dyads?since=someday", 400),
    ("GET", "/dyads?since=2024-05-03&until=2024-05-01", 400),
    ("GET", "/dyads?order=up", 400),
    ("GET", "/dyads?quad=5", 400),
    ("GET", "/dyads?offset=-1", 400),
    ("GET", "/countries/Atlantis", 400),
    ("GET", "/countries/XYZ", 400),
    ("GET", "/countries/the", 400),
    ("GET", "/countries/Korea", 400),
    ("GET", "/dyads/XXX/PAK", 400),
    ("GET", "/events?country=XYZ", 400),
    ("GET", "/events?pair=Atlantis-PAK", 400),
    ("GET", "/dyads/India/Atlantis", 400),
    ("GET", "/dyads/India/Indian", 400),
    ("GET", "/search?q=x&x=1", 400),
    ("GET", "/search?limit=99", 400),
    ("GET", "/dyads/RUS/PAK/alerts?days=1", 400),
    ("GET", "/dyads?format=csv", 400),
    ("GET", "/dyads?limit=5&limit=6", 400),
    ("GET", "/dyads?all_versions=yes", 400),
    ("GET", "/dyads?as_of=yesterday", 400),
    ("GET", "/countries/PAK?country=PAK", 400),
    ("GET", "/countries/PAK?limit=0", 400),
    ("GET", "/health?verbose=1", 400),
    ("GET", "/metrics?x=1", 400),
    ("GET", "/dyads/RUS/PAK?days=3", 400),
    ("GET", "/dyads/RUS/PAK/events?since=2024-01-01", 400),
    ("GET", "/dyads/RUS/PAK/history?limit=3", 400),
    ("GET", "/?pair=RUS-PAK", 400),
    ("GET", "/static/page.js?w=1", 400),
    ("GET", "/events?nope=1", 400),
    ("GET", "/events?format=csv", 400),
    ("GET", "/events?limit=1001", 400),
    ("GET", "/events?limit=0", 400),
    ("GET", "/events?country=RU", 400),
    ("GET", "/events?pair=RUS-RUS", 400),
    ("GET", "/events?since=tomorrow", 400),
    ("GET", "/events?root=6", 400),
    ("GET", "/events?quad=7", 400),
    ("GET", "/events?min_confidence=high", 400),
    ("GET", "/events?cursor=%21%21", 400),
    ("GET", "/events.csv?until=never", 400),
    ("GET", "/events?since=2026-11-30&until=2026-11-20", 400),
    ("GET", "/events.csv?since=2026-11-30&until=2026-11-20", 400),
    ("POST", "/dyads", 405),
    ("DELETE", "/dyads/RUS/PAK", 405),
]


@pytest.fixture(scope="module")
def api(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    # a low alert threshold, so the varied articles raise a few alerts
    settings = fresh_settings(broker, tmp_path_factory.mktemp("api"), alert_tension_rise=3.0)
    rows = [flat_row(event, 0, n) for n, event in enumerate(synthetic_events(STORED, days=4))]
    with Writer(settings.lake_path) as writer:
        writer.append(rows)
    with running_worker(settings) as worker:
        articles = varied_articles(12)
        publish_all(settings, articles)
        wait_processed(worker, len(articles))
        for article in [*IN_ORDER, *OUT_OF_ORDER]:  # one at a time: their events arrive in publish order
            publish_all(settings, [article])
            articles.append(article)
            wait_processed(worker, len(articles))
        yield settings


def _request(settings: Settings, method: str, path: str,
             headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection(settings.web_host, settings.web_port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
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


def test_events_filtered_and_paged_from_the_store(api: Settings) -> None:
    seen, cursor = [], ""
    while True:
        status, _, body = _request(api, "GET", f"/events?country=RUS&limit=250{cursor}")
        assert status == 200, body[:300]
        page = jsonbytes.loads(body)
        seen += [(row["event_time"], row["event_id"]) for row in page["events"]]
        if page["next_cursor"] is None:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert len(seen) == len(set(seen)) > 250 and seen == sorted(seen, reverse=True)
    status, _, body = _request(api, "GET", "/events?pair=PAK-RUS&root=06&quad=2&min_confidence=0.6"
                                           "&since=2024-05-02&until=2024-05-03&q=acted")
    rows = jsonbytes.loads(body)["events"]
    assert rows and all(r["pair"] == "PAK-RUS" and r["cameo_code"] == "062" and r["confidence"] >= 0.6
                        and r["day"] in ("20240502", "20240503") for r in rows)
    status, _, body = _request(api, "GET", "/events?limit=1000")
    assert jsonbytes.loads(body)["count"] == 1000


def test_events_q_is_plain_text(api: Settings) -> None:
    for q in ("%25", "_", "%25acted%25"):
        status, _, body = _request(api, "GET", f"/events?q={q}")
        assert status == 200 and jsonbytes.loads(body)["count"] == 0, q
    status, _, body = _request(api, "GET", "/events?q=ACTED&limit=5")
    assert jsonbytes.loads(body)["count"] == 5
    status, _, body = _request(api, "GET", "/events?since=2026-11-30&until=2026-11-20")
    assert jsonbytes.loads(body)["error"] == "since must be before until"


def test_pair_events_newest_event_time_first(api: Settings) -> None:
    events = _get(api, "/dyads/BRA/ARG/events")["events"]
    assert [e["article_id"] for e in events] == ["ab1", "ab2"]  # arrived ab1 first, yet newest
    events = _get(api, "/dyads/CHL/PER/events")["events"]
    times = [e["event_time"] for e in events]
    assert len(times) >= 2 and times == sorted(times, reverse=True)
    shown = subprocess.run([str(DYADWATCH), "query", "Brazil", "Argentina"], env=settings_env(api),
                           capture_output=True, timeout=60, check=True).stdout.decode()
    assert shown.index("[ab1]") < shown.index("[ab2]")


def test_events_as_csv(api: Settings) -> None:
    by_header = _request(api, "GET", "/events?root=06&limit=20", {"Accept": "text/csv"})
    by_path = _request(api, "GET", "/events.csv?root=06&limit=20")
    assert by_header[0] == by_path[0] == 200 and by_header[1].startswith("text/csv")
    assert by_header[2] == by_path[2]
    lines = by_path[2].decode().splitlines()
    assert len(lines) == 21 and lines[0].startswith('"event_id","day"') and '"062","06"' in lines[1]


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


def _get(api: Settings, path: str) -> Any:
    status, _, body = _request(api, "GET", path)
    assert status == 200, (path, body[:300])
    return jsonbytes.loads(body)


def test_countries_by_name_search_and_the_cli_agree(api: Settings) -> None:
    everything = _get(api, "/dyads?sort=events&limit=1000")["dyads"]
    busiest = everything[0]
    code = busiest["a"]
    name = countries().name(code)
    by_code = _get(api, f"/countries/{code}")
    for spelling in (name, name.upper(), name.lower()):
        by_name = _get(api, f"/countries/{urllib.parse.quote(spelling)}")
        assert by_name["country"] == code and by_name["name"] == name
        assert by_name["dyads"] == by_code["dyads"] and by_name["total"] == by_code["total"] > 0
    found = _get(api, f"/search?q={urllib.parse.quote(name[:3])}")["suggestions"]
    assert {"kind": "country", "code": code} in [{"kind": i["kind"], "code": i.get("code")}
                                                 for i in found]
    other = countries().name(busiest["b"])
    query = urllib.parse.quote(f"{name.lower()} {other.lower()}")  # a prefix may fit several
    first = _get(api, f"/search?q={query}&limit=3")["suggestions"][0]
    assert first["kind"] == "pair" and first["pair"] == busiest["pair"]
    assert _get(api, f"/search?q={busiest['pair']}")["suggestions"][0]["pair"] == busiest["pair"]
    assert _get(api, "/search?q=")["suggestions"] == []
    result = subprocess.run([str(DYADWATCH), "query", name, "--json"], env=settings_env(api),
                            capture_output=True, timeout=60, check=True)
    assert jsonbytes.loads(result.stdout)["dyads"] == by_code["dyads"]
    result = subprocess.run([str(DYADWATCH), "query", name, other, "--json"], env=settings_env(api),
                            capture_output=True, timeout=60, check=True)
    assert jsonbytes.loads(result.stdout)["pair"] == busiest["pair"]
    bad = subprocess.run([str(DYADWATCH), "query", "Atlantis"], env=settings_env(api),
                         capture_output=True, timeout=60)
    assert bad.returncode == 1 and b"unknown country 'Atlantis'" in bad.stderr


@pytest.mark.parametrize(("path", "message"), [
    ("/countries/XYZ", "unknown country 'XYZ'"),
    ("/countries/the", "unknown country 'the'"),
    ("/dyads/XXX/PAK", "unknown country 'XXX'"),
    ("/countries/Korea", "ambiguous: Korea is KOR or PRK"),
    ("/countries/korea", "ambiguous: korea is KOR or PRK"),
    ("/events?country=XYZ", "country: unknown country 'XYZ'"),
])
def test_unknown_and_ambiguous_countries_are_named(api: Settings, path: str, message: str) -> None:
    status, _, body = _request(api, "GET", path)
    assert status == 400 and message in jsonbytes.loads(body)["error"]


def test_query_of_an_unknown_code_is_one_line_and_exit_1(api: Settings) -> None:
    for argv, message in ((["XYZ"], b"unknown country 'XYZ'"), (["Korea"], b"ambiguous: Korea is KOR or PRK"),
                          (["XXX", "PAK"], b"unknown country 'XXX'")):
        bad = subprocess.run([str(DYADWATCH), "query", *argv], env=settings_env(api),
                             capture_output=True, timeout=60)
        assert bad.returncode == 1 and bad.stdout == b"", bad.stdout
        assert message in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_store_filters_take_country_names(api: Settings) -> None:
    for by_name, by_code in (("country=India", "country=IND"), ("pair=Russia-Pakistan", "pair=PAK-RUS"),
                             ("source=russian&target=pakistan", "source=RUS&target=PAK")):
        named = _request(api, "GET", f"/events?{by_name}&limit=50")
        coded = _request(api, "GET", f"/events?{by_code}&limit=50")
        assert named[0] == coded[0] == 200, named[2][:300]
        assert named[2] == coded[2] and jsonbytes.loads(named[2])["count"] > 0
    assert _request(api, "GET", "/events.csv?country=India&limit=5")[2] == \
        _request(api, "GET", "/events.csv?country=IND&limit=5")[2]


def test_listing_pages_orders_and_filters(api: Settings) -> None:
    whole = _get(api, "/dyads?sort=net&limit=1000")
    assert whole["total"] == whole["count"] == len(whole["dyads"]) > 4
    pages = [_get(api, f"/dyads?sort=net&limit=3&offset={n}")["dyads"] for n in range(0, whole["total"], 3)]
    assert [row["pair"] for page in pages for row in page] == [row["pair"] for row in whole["dyads"]]
    ascending = _get(api, "/dyads?sort=net&order=asc&limit=1000")["dyads"]
    assert [row["net"] for row in ascending] == sorted(row["net"] for row in whole["dyads"])
    quad = _get(api, "/dyads?quad=4&limit=1000")
    assert quad["dyads"] and all(row["range"]["by_quad"].get("4", 0) > 0 for row in quad["dyads"])
    assert quad["total"] <= whole["total"]
    times = sorted(row["last_event_time"] for row in whole["dyads"])
    middle = times[len(times) // 2][:10]
    early = _get(api, f"/dyads?until={middle}&limit=1000")
    assert early["as_of"].startswith(middle + "T23:59:59")
    assert 0 < early["total"] < whole["total"]
    assert all(row["last_event_time"][:10] <= middle for row in early["dyads"])
    late = _get(api, f"/dyads?since={middle}&limit=1000")
    assert all(row["range"]["events"] > 0 for row in late["dyads"])
    assert late["total"] < whole["total"] or early["total"] < whole["total"]


def test_detail_at_the_listing_as_of_shows_the_same_numbers(api: Settings) -> None:
    listing = _get(api, "/dyads?sort=tension&limit=1000")
    for row in listing["dyads"][:5]:
        a, b = row["pair"].split("-")
        detail = _get(api, f"/dyads/{a}/{b}?as_of={urllib.parse.quote(listing['as_of'])}")
        assert detail["as_of"] == listing["as_of"]
        for figure in ("tension", "cooperation", "net", "events"):
            assert abs(detail["summary"][figure] - row[figure]) < 0.01, (row["pair"], figure)
        alerts = _get(api, f"/dyads/{a}/{b}/alerts")
        assert alerts["pair"] == row["pair"] and alerts["count"] == len(alerts["alerts"])
        assert all(alert["change"] > alerts["threshold"] for alert in alerts["alerts"])


def test_pair_alerts_are_the_alerts_on_the_topic(api: Settings) -> None:
    """A pair whose events arrived in event-time order: its served alerts are the alerts of
    ``dyad-alerts``. (Read back in event-time order, served alerts differ from the live ones
    when events arrive late: the live rule only checks the pair's latest day; README.)"""
    on_topic = [jsonbytes.loads(value) for _, value in read_all(api, api.alerts_topic)]
    expected = [a for a in on_topic if a["pair"] == "CHL-PER"]
    body = _get(api, "/dyads/Chile/Peru/alerts")
    served = body["alerts"]
    assert [a["day"] for a in served] == [a["day"] for a in expected] == ["2024-03-05"]
    for figure in ("change", "tension_before", "tension_after"):
        assert abs(served[0][figure] - expected[0][figure]) < 0.001, figure
    assert body["threshold"] == 3.0
    for row in _get(api, "/dyads?limit=1000")["dyads"]:
        alerts = _get(api, f"/dyads/{row['a']}/{row['b']}/alerts")["alerts"]
        assert all(alert["change"] > 3.0 for alert in alerts)
