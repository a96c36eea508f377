"""Shared fixtures: paths of the seed and the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, object]:
    import orjson

    return dict(orjson.loads((ROOT / "tests" / "data" / "000_expected.json").read_bytes()))
