"""The coder meets its targets on the shared development set and the seed (issue targets).

CI always has ``../shared`` beside the project; elsewhere, point DYADWATCH_SHARED_DIR at it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agents.coder.evaluate import evaluate_files

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DYADWATCH_SHARED_DIR", ROOT.parent / "shared"))


@pytest.fixture(scope="module")
def dev_set() -> Path:
    path = SHARED / "eval" / "dev.jsonl"
    if not path.is_file():
        pytest.fail(f"{path} not found: the development set lives in ../shared/eval/")
    return path


def test_dev_set_precision_and_f1(dev_set: Path) -> None:
    report = evaluate_files([dev_set])
    assert report.events.precision >= 0.80, report.render()
    assert report.events.f1 >= 0.60, report.render()


def test_seed_every_event_no_trap() -> None:
    report = evaluate_files([ROOT / "tests" / "data" / "000_expected.json"])
    assert (report.events.fn, report.events.fp) == (0, 0), report.render()
