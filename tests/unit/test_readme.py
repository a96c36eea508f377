"""The README documents every setting, and CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    documented = set(re.findall(r"DYADWATCH_([A-Z0-9_]+)", README))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields - documented == set(), "settings missing from the README"
    assert documented - fields == set(), "the README names settings that do not exist"


def test_ci_runs_the_readme_test_command() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^(python3\.11 run\.py \S+)", quick_start, flags=re.MULTILINE)
    assert commands == ["python3.11 run.py demo", "python3.11 run.py test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"$PY" run.py test' in ci
