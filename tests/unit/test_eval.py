"""Scoring logic of agents.coder.evaluate on tiny hand-made gold files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from agents.coder.evaluate import evaluate_files, score_record
from schemas import jsonbytes

ROOT = Path(__file__).resolve().parents[2]


def test_multiset_match() -> None:
    gold = [("RUS", "PAK", 3), ("RUS", "PAK", 3), ("IND", "USA", 2)]
    result = score_record("r", [("RUS", "PAK", 3)] * 3, gold, [])
    assert (result.events.tp, result.events.fp, result.events.fn) == (2, 1, 1)
    assert (result.pairs.tp, result.pairs.fp, result.pairs.fn) == (1, 0, 1)


def test_ambiguous_counts_neither_way() -> None:
    amb = [("PAK", "RUS", 1)]
    matched = score_record("r", [("PAK", "RUS", 1)], [], amb)
    assert (matched.events.tp, matched.events.fp, matched.events.fn) == (0, 0, 0)
    assert (matched.pairs.tp, matched.pairs.fp, matched.pairs.fn) == (0, 0, 0)
    unmatched = score_record("r", [], [], amb)
    assert unmatched.events.fn == 0
    twice = score_record("r", [("PAK", "RUS", 1)] * 2, [], amb)
    assert twice.events.fp == 1


def test_quad_and_direction_matter() -> None:
    result = score_record("r", [("PAK", "RUS", 3)], [("RUS", "PAK", 3)], [])
    assert (result.events.tp, result.events.fp, result.events.fn) == (0, 1, 1)
    assert result.pairs.tp == 1


def _write(tmp: Path, records: list[dict[str, object]]) -> Path:
    path = tmp / "gold.jsonl"
    path.write_text("\n".join(jsonbytes.dumps(r).decode() for r in records) + "\n", encoding="utf-8")
    return path


def test_files_ignore_non_country_gold(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {
                "id": "1",
                "text": "Russia rejected the Pakistani demand.",
                "events": [
                    {"source": "RUS", "target": "PAK", "quad": 3, "code": "120"},
                    {"source": "RUS", "target": None, "quad": 3, "code": "120"},
                    {"source": "RUS", "target": "RUS", "quad": 3, "code": "120"},
                ],
            },
            {"id": "2", "text": "The weather was fine in Paris.", "events": []},
            {
                "id": "3",
                "text": "Egypt praised Jordan.",
                "events": [{"source": "EGY", "target": "JOR", "quad": 4, "code": "190"}],
            },
        ],
    )
    report = evaluate_files([path])
    assert report.records == 3
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 1)
    assert report.precision == 0.5 and report.recall == 0.5 and report.f1 == 0.5
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (2, 0, 0)
    table = report.render()
    assert "event" in table and "pair" in table


def test_seed_style_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A title\nRussia rejected the Pakistani demand.\n", "utf-8")
    gold = {
        "id": "s",
        "file": "a.txt",
        "events": [{"source": "RUS", "target": "PAK", "quad": 3, "cameo_root": "12"}],
        "ambiguous_events": [{"source": "PAK", "target": "RUS", "quad": 1}],
    }
    (tmp_path / "a.json").write_text(jsonbytes.dumps(gold).decode(), "utf-8")
    report = evaluate_files([tmp_path / "a.json"])
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 0)


def test_module_runs_as_a_script(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"id": "1", "text": "Egypt praised Jordan.", "events": []}])
    done = subprocess.run(
        [sys.executable, "-m", "agents.coder.evaluate", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "precision" not in done.stderr
    assert any(line.startswith("event ") for line in done.stdout.splitlines())


def test_an_all_negative_set_says_its_figures_are_undefined(tmp_path: Path) -> None:
    gold = tmp_path / "negative.jsonl"
    gold.write_text('{"text": "Football fans cheered in Paris.", "events": []}\n', encoding="utf-8")
    rendered = evaluate_files([gold]).render()
    assert "0.000" not in rendered and "n/a" in rendered and "undefined" in rendered


def test_verbose_listing_shows_each_false_event_with_its_code_and_sentence(tmp_path: Path) -> None:
    path = _write(tmp_path, [{
        "id": "v1", "text": "Egypt praised Jordan. Russia rejected the Pakistani demand.",
        "events": [{"source": "PAK", "target": "IND", "quad": 3, "code": "120"},
                   {"source": "RUS", "target": "PAK", "quad": 3, "code": "120"}],
    }])
    (record,) = evaluate_files([path]).details
    assert record.render().splitlines() == [
        "v1",
        '  false  EGY->JOR quad 1 051: "Egypt praised Jordan." (trigger "praised")',
        "  missed PAK->IND quad 3",
    ]
    done = subprocess.run([sys.executable, "-m", "streams.cli", "eval", "-v", str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith(record.render() + "\n")
