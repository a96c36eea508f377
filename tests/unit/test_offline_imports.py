"""The offline commands run without Faust, aiokafka or aiohttp in ``sys.modules``.

(``topics``, ``rebuild`` and ``recode`` need a broker: ``tests/integration/test_cli.py``.)
"""

from __future__ import annotations

import pytest

from schemas import jsonbytes
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

