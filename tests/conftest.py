"""Shared fixtures: paths of the seed and the shared evaluation data.

``seed_expected`` is ``tests/data/000_expected.json``, an analyst's reading of the seed, with
its ``file`` resolved to the article's absolute path in ``seeds/``.
"""

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

    path = ROOT / "tests" / "data" / "000_expected.json"
    expected = dict(orjson.loads(path.read_bytes()))
    expected["file"] = str((path.parent / expected["file"]).resolve())  # the article in seeds/
    return expected
