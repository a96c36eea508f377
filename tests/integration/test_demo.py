"""The quick start's main job, exactly as users run it (with free ports)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from streams.cli.processes import settings_env
from streams.settings import Settings
from tests.integration.conftest import free_port

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def test_demo_once_prints_the_live_pair_table() -> None:
    settings = Settings(embedded_broker_port=free_port(), web_port=free_port())
    result = subprocess.run([sys.executable, "-m", "streams.cli", "demo", "--once"], cwd=ROOT,
                            env=settings_env(settings), capture_output=True, timeout=180)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    rows = {line.split()[0]: line.split() for line in out.splitlines()
            if line[:7].count("-") == 1 and line.split()[0].isupper()}
    assert float(rows["PAK-RUS"][4]) > 0, out  # tension
    assert float(rows["IND-RUS"][5]) > 0 and float(rows["IND-RUS"][4]) == 0, out
    assert "CHN-IND" not in rows
    assert f"({settings.coding_processes} coding process" in out  # the pool, one per core
    stored = [line for line in out.splitlines() if line.startswith("event store: ")]
    assert stored and int(stored[0].split()[2]) >= 18, out  # the seed's 18 events, in the store
    # --once removes the store's folder on exit: say so, and give no command to query it later
    assert "removed when the demo exits" in stored[0] and "DYADWATCH_LAKE_DIR=" not in out, out
