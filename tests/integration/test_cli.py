"""The commands users type, run as processes against the embedded broker."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from schemas import jsonbytes
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess, settings_env
from streams.settings import Settings
from tests.integration.conftest import SettingsFactory
from tests.offline import run_probed

pytestmark = pytest.mark.integration

ARTICLES = [
    {"id": "cli-1", "text": "Russia rejected Pakistan's demand for 50,000 rifles."},
    {"id": "cli-2", "text": "India and Russia signed a defence cooperation agreement on Monday."},
]


def dyadwatch(settings: Settings, *args: str, stdin: bytes | None = None
              ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], input=stdin,
                          env=settings_env(settings), capture_output=True, timeout=120)


def test_publish_events_and_query_commands(
    make_settings: SettingsFactory, start_worker: Callable[[Settings], WorkerProcess],
) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    lines = b"".join(jsonbytes.dumps_line(article) for article in ARTICLES)
    published = dyadwatch(settings, "publish", "-", stdin=lines)
    assert published.returncode == 0, published.stderr
    wait_processed(worker, len(ARTICLES))

    events = dyadwatch(settings, "events", "--from-beginning", "--pair", "RUS-PAK")
    assert events.returncode == 0, events.stderr
    decoded = [jsonbytes.loads(line) for line in events.stdout.splitlines()]
    assert decoded and all(e["pair"] == "PAK-RUS" for e in decoded)
    assert {(e["source"], e["target"], e["quad_class"]) for e in decoded} == {("RUS", "PAK", 3)}
    by_name = dyadwatch(settings, "events", "--from-beginning", "--pair", "russia-pak")
    assert by_name.returncode == 0 and by_name.stdout == events.stdout, by_name.stderr
    unknown = dyadwatch(settings, "events", "--from-beginning", "--pair", "XXX-PAK")
    assert unknown.returncode == 1 and b"--pair: unknown country 'XXX'" in unknown.stderr

    query = dyadwatch(settings, "query", "RUS", "PAK")
    assert query.returncode == 0, query.stderr
    assert b"PAK-RUS" in query.stdout and b"RUS -> PAK" in query.stdout
    table = dyadwatch(settings, "query", "--top", "cooperation", "--json")
    assert jsonbytes.loads(table.stdout)["dyads"][0]["pair"] == "IND-RUS"
    missing = dyadwatch(settings, "query", "CHN", "IND")
    assert missing.returncode == 1 and b"404" in missing.stderr

    history = dyadwatch(settings, "query", "PAK", "RUS", "--history", "--days", "3")
    assert history.returncode == 0, history.stderr
    rows = history.stdout.decode().splitlines()
    assert rows[0].startswith("PAK-RUS: 3 days") and len(rows) == 2 + 3
    assert rows[-1].split()[1:3] == ["1", "1"]  # today: one event, one mention
    rebuilt = dyadwatch(settings, "rebuild", "--check")
    assert rebuilt.returncode == 0 and b"0 differences" in rebuilt.stderr, rebuilt.stderr
    alerts = dyadwatch(settings, "alerts", "--from-beginning")
    assert alerts.returncode == 0 and alerts.stdout == b""  # nothing rose by 15 in a day


def test_publish_reports_each_failure_and_exits_non_zero(
    make_settings: SettingsFactory, broker: object, tmp_path: object,
) -> None:
    settings = make_settings()
    from streams.kafka.topics import ensure_topics

    ensure_topics(settings)
    lines = b'{"id": "ok", "text": "fine"}\nnot json\n{"id": "", "text": "x"}\n'
    result = dyadwatch(settings, "publish", "-", "/no/such/file.txt", stdin=lines)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "published 1, failed 3" in err
    assert "<stdin>:2" in err and "<stdin>:3" in err and "/no/such/file.txt" in err


@pytest.mark.parametrize("args", [("topics",), ("rebuild",), ("recode",)])
def test_broker_commands_load_no_stream_framework(
    make_settings: SettingsFactory, broker: object, args: tuple[str, ...],
) -> None:
    settings = make_settings()
    from streams.kafka.topics import ensure_topics

    ensure_topics(settings)
    result, loaded = run_probed(*args, env=settings_env(settings))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert loaded == [], f"dyadwatch {' '.join(args)} loaded {loaded}"
