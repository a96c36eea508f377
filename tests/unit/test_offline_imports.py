"""The offline commands run without Faust, aiokafka or aiohttp in ``sys.modules``.

(``topics``, ``rebuild`` and ``recode`` need a broker: ``tests/integration/test_cli.py``.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from schemas import jsonbytes
from streams.lake.store import Writer
from tests.offline import run_probed

ARTICLE = jsonbytes.dumps_line({"id": "a", "text": "Russia rejected Pakistan's demand."})


@pytest.mark.parametrize("args", [
    ("extract", "-"),
    ("eval", "tests/data/000_expected.json"),
    ("schema", "events"),
    ("schema", "summary"),
    ("settings",),
])
def test_offline_command_loads_no_stream_framework(args: tuple[str, ...]) -> None:
    result, loaded = run_probed(*args, stdin=ARTICLE)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert loaded == [], f"dyadwatch {' '.join(args)} loaded {loaded}"



@pytest.mark.parametrize("args", [
    ("sql", "SELECT count(*) FROM events", "--format", "json"),
    ("sql", "SELECT * FROM pair_days", "--format", "csv"),
    ("export", "--format", "jsonl", "--country", "RUS"),
])
def test_store_commands_load_no_stream_framework(args: tuple[str, ...], tmp_path: Path) -> None:
    with Writer(tmp_path / "lake"):  # an empty store, as `dyadwatch lake` leaves it at start
        pass
    env = {**os.environ, "DYADWATCH_LAKE_DIR": str(tmp_path / "lake")}
    result, loaded = run_probed(*args, env=env)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert loaded == [], f"dyadwatch {' '.join(args)} loaded {loaded}"


@pytest.mark.parametrize("args", [("sql", "DROP TABLE events"), ("sql", "SELECT nope FROM events"),
                                  ("export", "--since", "tomorrow"), ("export", "--format", "parquet"),
                                  ("export", "--since", "2026-11-30", "--until", "2026-11-20"),
                                  ("export", "--country", "XYZ"), ("export", "--pair", "Korea-PAK")])
def test_store_commands_fail_in_one_line(args: tuple[str, ...], tmp_path: Path) -> None:
    with Writer(tmp_path / "lake"):
        pass
    env = {**os.environ, "DYADWATCH_LAKE_DIR": str(tmp_path / "lake")}
    result, _ = run_probed(*args, env=env)
    errors = [line for line in result.stderr.decode().splitlines() if not line.startswith("LOADED_")]
    assert result.returncode == 1 and len(errors) == 1 and "Traceback" not in errors[0], errors
