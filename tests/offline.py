"""Run a ``dyadwatch`` command in a child process and report which stream frameworks it loaded.

The offline commands (``extract``, ``eval``, ``schema``, ``settings``, and ``topics``,
``rebuild``, ``recode`` which talk to Kafka with kafka-python only) must not load Faust,
aiokafka or aiohttp: ``import-linter`` holds that statically (pyproject.toml), this holds it
at run time, imports inside functions included.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ("faust", "aiokafka", "aiohttp", "mode")
MARKER = "LOADED_FRAMEWORKS="

_PROBE = f"""
import sys
from streams.cli.main import main
try:
    code = main(sys.argv[1:])
finally:
    loaded = sorted(name for name in {FRAMEWORKS!r} if name in sys.modules)
    print({MARKER!r} + ",".join(loaded), file=sys.stderr)
sys.exit(code)
"""


def run_probed(*args: str, stdin: bytes | None = None, env: Mapping[str, str] | None = None,
               ) -> tuple[subprocess.CompletedProcess[bytes], list[str]]:
    """Run ``dyadwatch ARGS`` in a child process: its result and the frameworks it loaded."""
    result = subprocess.run([sys.executable, "-c", _PROBE, *args], input=stdin, cwd=ROOT,
                            env=None if env is None else dict(env), capture_output=True,
                            timeout=120)
    lines = [line for line in result.stderr.decode().splitlines() if line.startswith(MARKER)]
    assert lines, f"the probe did not report: {result.stderr.decode()[-2000:]}"
    loaded = lines[-1].removeprefix(MARKER)
    return result, [name for name in loaded.split(",") if name]
