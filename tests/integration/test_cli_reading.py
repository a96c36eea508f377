"""``dyadwatch dead-letters``, ``events --group`` and ``--follow`` against the embedded broker."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest

from schemas import jsonbytes
from streams.cli.demo import wait_processed
from streams.cli.processes import WorkerProcess, settings_env
from streams.settings import Settings
from tests.integration.conftest import SettingsFactory, produce_raw
from tests.integration.test_cli import dyadwatch

pytestmark = pytest.mark.integration

FIRST = {"id": "g-1", "text": "Russia rejected Pakistan's demand for 50,000 rifles."}
SECOND = {"id": "g-2", "text": "India and Russia signed a defence cooperation agreement."}
JUNK = b"\x00not json " * 500


def _lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    assert result.returncode == 0, result.stderr
    return [jsonbytes.loads(line) for line in result.stdout.splitlines()]


def _first_followed_line(settings: Settings, args: list[str], send: Callable[[], None]) -> bytes:
    """Start ``dyadwatch ARGS --follow``, ``send`` once it is reading, its first line."""
    with subprocess.Popen([sys.executable, "-m", "streams.cli", *args, "--follow"],
                          env=settings_env(settings), stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL) as proc:
        timer = threading.Timer(60, proc.kill)
        timer.start()
        try:
            time.sleep(4)  # connected, assigned and positioned at the end
            send()
            assert proc.stdout is not None
            return proc.stdout.readline()
        finally:
            timer.cancel()
            proc.kill()


def test_dead_letters_command_and_follow_from_the_end(
    make_settings: SettingsFactory, start_worker: Callable[[Settings], WorkerProcess],
) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    produce_raw(settings, settings.articles_topic, [(b"junk-1", JUNK)])
    wait_processed(worker, 1)
    (letter,) = _lines(dyadwatch(settings, "dead-letters"))
    assert (letter["stage"], letter["reason"], letter["key"]) == ("decode", "invalid_json", "junk-1")
    assert letter["raw_size"] == len(JUNK) and letter["key_size"] == 6
    raw = str(letter["raw_b64"])
    assert raw.endswith("…") and len(raw) < 100 and letter["topic"] == settings.articles_topic

    line = _first_followed_line(settings, ["dead-letters"], lambda: produce_raw(
        settings, settings.articles_topic, [(b"junk-2", b"[1]")]))
    assert jsonbytes.loads(line)["key"] == "junk-2"  # the new one: --follow starts at the end
    again = _first_followed_line(settings, ["dead-letters", "--from-beginning"], lambda: None)
    assert jsonbytes.loads(again)["key"] == "junk-1"


def test_events_group_resumes_from_its_committed_offsets(
    make_settings: SettingsFactory, start_worker: Callable[[Settings], WorkerProcess],
) -> None:
    settings = make_settings()
    worker = start_worker(settings)
    assert dyadwatch(settings, "publish", "-", stdin=jsonbytes.dumps_line(FIRST)).returncode == 0
    wait_processed(worker, 1)
    first = _lines(dyadwatch(settings, "events", "--group", "reader"))
    assert first and {e["article_id"] for e in first} == {"g-1"}
    assert _lines(dyadwatch(settings, "events", "--group", "reader")) == []  # resumed at the end
    assert dyadwatch(settings, "publish", "-", stdin=jsonbytes.dumps_line(SECOND)).returncode == 0
    wait_processed(worker, 2)
    second = _lines(dyadwatch(settings, "events", "--group", "reader"))
    assert second and {e["article_id"] for e in second} == {"g-2"}
    everything = _lines(dyadwatch(settings, "events"))  # no group: from the beginning
    assert {e["article_id"] for e in everything} == {"g-1", "g-2"}
    other = _lines(dyadwatch(settings, "events", "--group", "another"))
    assert len(other) == len(everything)
