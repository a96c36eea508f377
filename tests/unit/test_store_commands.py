"""``dyadwatch sql`` and ``export`` as processes over a real store (no broker): a missing
store, an existing output file, a closed pipe, file access outside the store, names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from streams.cli.store_commands import _reader_gone
from streams.lake.columns import flat_row
from streams.lake.store import Writer
from tests.lake_events import synthetic_events

ROOT = Path(__file__).resolve().parent.parent.parent


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], cwd=ROOT, capture_output=True,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store") / "lake"
    with Writer(root) as writer:
        writer.append([flat_row(event, 0, n) for n, event in enumerate(synthetic_events(200, days=3))])
    return root


def _one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and result.stdout == b"", result.stderr
    return lines[0]


@pytest.mark.parametrize("args", [("sql", "SELECT count(*) FROM events"), ("export",),
                                  ("export", "--format", "jsonl", "--country", "India")])
def test_no_store_is_one_line_and_exit_1(tmp_path: Path, args: tuple[str, ...]) -> None:
    missing = tmp_path / "nonexistent"
    line = _one_line(_run(*args, "--store", str(missing)))
    assert line.endswith(f"no event store at {missing} (run `dyadwatch lake` or the demo)")
    empty = tmp_path / "empty"
    empty.mkdir()
    line = _one_line(_run(*args, env={"DYADWATCH_LAKE_DIR": str(empty)}))
    assert f"no event store at {empty}" in line


def test_an_empty_store_that_lake_opened_is_a_store(tmp_path: Path) -> None:
    with Writer(tmp_path / "lake"):
        pass
    result = _run("sql", "SELECT count(*) AS n FROM events", "--format", "json",
                  "--store", str(tmp_path / "lake"))
    assert result.returncode == 0 and result.stdout.strip() == b'{"n":0}', result.stderr


def test_export_refuses_to_overwrite_a_file_unless_forced(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    target.write_text("keep me\n")
    line = _one_line(_run("export", "--store", str(store), "-o", str(target)))
    assert line.endswith(f"{target} exists: pass --force to overwrite it")
    assert target.read_text() == "keep me\n"
    forced = _run("export", "--store", str(store), "-o", str(target), "--force")
    assert forced.returncode == 0 and b"exported 200 events" in forced.stderr
    assert target.read_text().startswith('"event_id"')


def test_a_closed_pipe_is_noticed() -> None:
    read, write = os.pipe()
    with os.fdopen(write, "w") as writer:
        assert not _reader_gone(writer)
        os.close(read)
        assert _reader_gone(writer)


def test_export_takes_country_names(store: Path) -> None:
    by_name = _run("export", "--store", str(store), "--format", "jsonl", "--country", "India",
                   "--pair", "india-pak")
    by_code = _run("export", "--store", str(store), "--format", "jsonl", "--country", "IND",
                   "--pair", "IND-PAK")
    assert by_name.returncode == by_code.returncode == 0, by_name.stderr
    assert by_name.stdout == by_code.stdout and by_name.stdout.count(b"\n") > 0


def test_sql_cannot_read_files_outside_the_store(store: Path) -> None:
    line = _one_line(_run("sql", "SELECT * FROM read_csv('/etc/passwd')", "--store", str(store)))
    assert "Permission Error" in line and "root:" not in line
    ok = _run("sql", "SELECT count(*) AS n FROM events", "--format", "json", "--store", str(store))
    assert ok.returncode == 0 and ok.stdout.strip() == b'{"n":200}', ok.stderr
