#!/usr/bin/env python3
"""Quick start on a machine with only Python 3.11: ``python3 run.py demo`` / ``python3 run.py test``.

Creates ``.venv`` beside this file, installs the project from ``pyproject.toml`` (again only
when ``pyproject.toml`` changed), then runs ``dyadwatch ARGS...`` or, for ``test``, pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
MARKER = VENV / ".installed-pyproject"


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"dyadwatch needs Python 3.11, this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if MARKER.exists() and MARKER.read_text() == _fingerprint():
        return
    print("installing dyadwatch and its test tools from pyproject.toml ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    MARKER.write_text(_fingerprint())


def main(argv: list[str]) -> int:
    if not argv:
        sys.exit("usage: python3 run.py demo | test [pytest args] | <any dyadwatch command>")
    ensure_environment()
    if argv[0] == "test":
        command = [str(BIN / "python"), "-m", "pytest", *argv[1:]]
    else:
        command = [str(BIN / "dyadwatch"), *argv]
    # Replace this process, so that signals (Ctrl-C, SIGTERM) reach the command itself.
    os.chdir(ROOT)
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
