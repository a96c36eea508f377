"""Errors a user causes answer in one line on stderr, never a traceback (issue 15).

The commands run in a subprocess, as a user runs them; no broker is started: the broker
address is a closed port.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

NO_BROKER = {"DYADWATCH_BOOTSTRAP_SERVERS": "127.0.0.1:1", "DYADWATCH_CONNECT_TIMEOUT_S": "2"}


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_")}
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], env={**clean, **(env or {})},
                          capture_output=True, text=True, timeout=60)


def _one_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


@pytest.mark.parametrize("args", [("events",), ("alerts",), ("rebuild",), ("dead-letters",),
                                  ("events", "--follow", "--group", "g"), ("topics",)])
def test_broker_down_is_one_line_within_the_connect_timeout(args: tuple[str, ...]) -> None:
    started = time.monotonic()
    result = _run(*args, env=NO_BROKER)
    assert time.monotonic() - started < 15
    _one_line(result, "cannot reach Kafka at 127.0.0.1:1", "DYADWATCH_BOOTSTRAP_SERVERS")


@pytest.mark.parametrize("pair", ["IND", "IND-", "IND-PAKI", "IND-IND", "1ND-PAK"])
def test_bad_pair_is_one_line(pair: str) -> None:
    _one_line(_run("events", "--pair", pair, env=NO_BROKER))


def test_missing_eval_file_is_one_line(tmp_path: Path) -> None:
    _one_line(_run("eval", str(tmp_path / "gold.jsonl")), "no such file", "gold.jsonl")


@pytest.mark.parametrize("content", ['{"x": 1}\n', "not json\n", '[1, 2]\n', "\xff\n"])
def test_malformed_eval_file_is_one_line(tmp_path: Path, content: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="latin-1")
    _one_line(_run("eval", str(gold)), "gold.jsonl")


@pytest.mark.parametrize(("line", "words"), [
    ('{"text": "x", "events": [', ("gold.jsonl:2", "not a JSON record")),
    ('{"text": "x", "event": []}', ("gold.jsonl:2", "'events' list")),
    ('{"text": "x", "events": [{"source": "RUS", "target": "UKR", "quad": "three"}]}',
     ("gold.jsonl:2", 'quad "three" is not 1-4')),
    ('{"text": "x", "events": [{"source": "RUS", "target": "UKR", "quad": 7}]}',
     ("gold.jsonl:2", "quad 7 is not 1-4")),
    ('{"text": "x", "events": [{"source": "Russia", "target": "pak", "quad": 3}]}',
     ("gold.jsonl:2", '"Russia" is not an ISO 3166-1 alpha-3 code')),
    ('{"text": "x", "events": [{"src": "RUS", "target": "PAK", "quad": 3}]}',
     ("gold.jsonl:2", "needs 'source'")),
    ('{"text": "x", "published": "last Tuesday", "events": []}', ("gold.jsonl:2", "published")),
    ('{"text": "x", "events": [{"source": "RUS", "target": "UKR", "quad": 1, "code": "190"}]}',
     ("gold.jsonl:2", 'code "190" is of quad 4, not 1')),
    ('{"text": "x", "events": [{"source": "RUS", "target": "UKR", "quad": 2, "code": "0"}]}',
     ("gold.jsonl:2", 'code "0" is not a CAMEO code')),
    ('{"text": "x", "events": [{"source": "GER", "target": "RUS", "quad": 3}]}',
     ("gold.jsonl:2", '"GER" is no country code the coder knows')),
    ('{"text": "x", "events": [{"source": "DEU", "target": "RUS", "qaud": 3}]}',
     ("gold.jsonl:2", "needs 'quad'")),
    ('{"text": "x", "events": [{"source": "DEU", "target": "RUS", "quad": 1, "code": 111}]}',
     ("gold.jsonl:2", "code 111 is a number")),
    ('{"text": "x", "events": [], "ambiguous_events": "IND-CHN"}',
     ("gold.jsonl:2", "'ambiguous_events' must be a list")),
])
def test_a_bad_gold_record_is_named_by_file_and_line(tmp_path: Path, line: str,
                                                     words: tuple[str, ...]) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "Russia attacked Ukraine.", "events": []}\n' + line + "\n", encoding="utf-8")
    _one_line(_run("eval", str(gold)), *words)


def test_a_seed_record_naming_a_missing_article_is_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "seed.json"
    gold.write_text('{"file": "missing.txt", "events": []}', encoding="utf-8")
    _one_line(_run("eval", str(gold)), "seed.json: its 'file' missing.txt is not found")


def test_gold_files_empty_not_utf8_or_with_a_byte_order_mark(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    _one_line(_run("eval", str(empty)), "empty.jsonl: empty: no gold records")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"text": "ok", "events": []}\n{"text": "caf\xe9", "events": []}\n')
    _one_line(_run("eval", str(latin)), "latin.jsonl:2: not UTF-8 text (byte 13 is 0xe9)")
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b'\xef\xbb\xbf{"text": "Russia attacked Ukraine.", "events": '
                    b'[{"source": "RUS", "target": "UKR", "quad": 4}]}\n')
    done = _run("eval", str(bom))
    assert done.returncode == 0 and "event       1     0     0" in done.stdout, done.stderr


def test_a_folder_given_to_eval_is_one_line(tmp_path: Path) -> None:
    _one_line(_run("eval", str(tmp_path)), "a folder, not a gold file")


@pytest.mark.parametrize(("name", "value"), [("DYADWATCH_WEB_PORT", "abc"),
                                             ("DYADWATCH_CONNECT_TIMEOUT_S", "-1"),
                                             ("DYADWATCH_SECURITY_PROTOCOL", "TLS")])
def test_bad_setting_names_the_variable(name: str, value: str) -> None:
    line = _one_line(_run("events", env={name: value}), name)
    assert "bad setting" in line


def test_a_reader_that_leaves_early_is_no_error() -> None:
    """``dyadwatch schema | head -c 0``: the closed pipe ends the command quietly."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_")}
    process = subprocess.Popen([sys.executable, "-m", "streams.cli", "schema"], env=clean,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader goes away before the command writes anything
    with process.stderr:
        stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert stderr == ""


@pytest.mark.parametrize("command", ["worker", "demo"])
def test_a_taken_http_port_is_one_line(command: str) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = _run(command, env={**NO_BROKER, "DYADWATCH_WEB_HOST": "127.0.0.1",
                                    "DYADWATCH_WEB_PORT": port})
    _one_line(result, f"127.0.0.1:{port} is already in use")


@pytest.mark.parametrize(("args", "words"), [
    (("query", "--limit", "-3"), ("--limit", "between 1 and")),
    (("query", "--as-of", "notadate"), ("--as-of", "ISO 8601")),
    (("broker", "--port", "99999"), ("--port", "between 1 and 65535")),
])
def test_a_bad_argument_is_told_before_anything_is_reached(args: tuple[str, ...],
                                                           words: tuple[str, ...]) -> None:
    result = _run(*args, env=NO_BROKER)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert all(word in result.stderr.strip().splitlines()[-1] for word in words), result.stderr


def test_a_missing_seeds_folder_is_one_line_before_the_broker_starts(tmp_path: Path) -> None:
    started = time.monotonic()
    _one_line(_run("demo", "--once", "--seeds", str(tmp_path / "none")), "seeds folder", "not found")
    assert time.monotonic() - started < 15


def test_every_command_help_opens_with_its_summary() -> None:
    for command in ("broker", "worker", "publish", "topics", "settings", "recode", "demo", "lake", "rebuild"):
        result = _run(command, "--help")
        assert result.returncode == 0 and result.stdout.splitlines()[2].strip(), (command, result.stdout)
