"""Point-in-time reads on the real embedded broker: ``as_of`` and ``change`` with late events.

Two pairs get the same events (same times, same Goldstein scores): RUS-PAK in event-time
order, IND-CHN out of order (the latest first, then the earlier ones late). Their figures, as
of any time, and their ``change`` must be identical.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from schemas import jsonbytes
from schemas.models import RelationEvent
from streams.cli.processes import WorkerProcess, settings_env
from streams.cli.replay import differences, rebuild
from streams.exceptions import QueryError
from streams.settings import Settings
from streams.web.client import fetch_json
from tests.integration.conftest import SettingsFactory, produce_raw
from tests.unit.factories import T0, make_event

pytestmark = pytest.mark.integration
StartWorker = Callable[[Settings], WorkerProcess]

# (days after T0, Goldstein, root, quad, article)
SCRIPT = [(0.0, -4.0, "12", 3, "a1"), (0.5, 3.0, "05", 1, "a2"), (2.0, -10.0, "19", 4, "a3"),
          (2.25, -2.0, "11", 3, "a4"), (4.0, -6.5, "17", 3, "a5")]
ORDERS = {("RUS", "PAK"): [0, 1, 2, 3, 4], ("IND", "CHN"): [4, 2, 0, 3, 1]}


def _events(source: str, target: str) -> list[RelationEvent]:
    events = [make_event(source, target, days=days, goldstein=goldstein, root=root, quad=quad,
                         article_id=f"{source}-{article}")
              for days, goldstein, root, quad, article in SCRIPT]
    return [events[i] for i in ORDERS[(source, target)]]


def _wait_folded(worker: WorkerProcess, events: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (worker.health() or {}).get("counters", {}).get("events_folded", 0) >= events:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {events} events folded: {worker.health()}")


def _figures(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[name] for name in ("events", "volume", "tension", "cooperation", "change",
                                        "last_event_time", "indexes_at"))


def test_as_of_and_change_do_not_depend_on_arrival_order(make_settings: SettingsFactory,
                                                         start_worker: StartWorker) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    records = [(event.pair.encode(), jsonbytes.dumps(event.model_dump(mode="json")))
               for source, target in ORDERS for event in _events(source, target)]
    produce_raw(settings, settings.events_topic, records)
    _wait_folded(worker, len(records))
    url = settings.web_url

    before = fetch_json(url, "/dyads", {"as_of": "2024-04-30"})
    assert (before["count"], before["dyads"]) == (0, [])
    with pytest.raises(QueryError, match=r"404.*no events for the pair PAK-RUS at or before"):
        fetch_json(url, "/dyads/RUS/PAK", {"as_of": "2024-04-30T23:00:00Z"})
    with pytest.raises(QueryError, match=r"400.*as_of"):
        fetch_json(url, "/dyads", {"as_of": "last week"})

    between = (T0 + timedelta(days=2, hours=3)).isoformat()
    listed = fetch_json(url, "/dyads", {"as_of": between, "window": "1"})
    rows = {row["pair"]: row for row in listed["dyads"]}
    assert set(rows) == {"PAK-RUS", "CHN-IND"} and listed["as_of"] == between
    assert rows["PAK-RUS"]["events"] == 3  # a4 and a5 come after as_of
    assert rows["PAK-RUS"]["tension"] == pytest.approx(
        4.0 * 0.5 ** (2.125 / 7) + 10.0 * 0.5 ** (0.125 / 7), abs=1e-4)
    assert _figures(rows["PAK-RUS"]) == _figures(rows["CHN-IND"])
    one = fetch_json(url, "/dyads/PAK/RUS", {"as_of": between})
    assert one["summary"]["events"] == 3 and one["as_of"] == between

    for window in ("1", "3"):
        latest = {row["pair"]: row for row in
                  fetch_json(url, "/dyads", {"sort": "change", "window": window})["dyads"]}
        assert latest["PAK-RUS"]["change"] == latest["CHN-IND"]["change"]
        pair_views = [fetch_json(url, f"/dyads/{a}/{b}", {"window": window})["summary"]["change"]
                      for a, b in ORDERS]
        assert pair_views[0] == pair_views[1] != 0.0

    assert differences(rebuild(settings), url, settings) == []
    _check_cli(settings, between)


def _check_cli(settings: Settings, between: str) -> None:
    """``dyadwatch query --as-of``: the listing and one pair, as they stood then."""
    def query(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "streams.cli", "query", *args],
                              env=settings_env(settings), capture_output=True, timeout=120)

    empty = query("--as-of", "2024-04-30", "--json")
    assert empty.returncode == 0 and jsonbytes.loads(empty.stdout)["dyads"] == []
    pair = query("PAK", "RUS", "--as-of", between, "--json")
    assert pair.returncode == 0 and jsonbytes.loads(pair.stdout)["summary"]["events"] == 3
    missing = query("PAK", "RUS", "--as-of", "2024-04-30")
    assert missing.returncode != 0 and b"no events for the pair PAK-RUS" in missing.stderr
