"""The founding article: every expected event, none of its traps, sound events."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from agents.coder import CODER_VERSION, Coder, default_coder
from agents.coder.evaluate import evaluate_files
from schemas import jsonbytes
from schemas.models import Article, RelationEvent, event_id_for, pair_key

ROOT = Path(__file__).resolve().parents[2]
SEED_JSON = ROOT / "tests" / "data" / "000_expected.json"


def _seed_article() -> Article:
    raw = (ROOT / "seeds" / "000_3e3372dc4e4bda20.txt").read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    return Article(id="seed-000", title=title, text=body)


@pytest.fixture(scope="module")
def events() -> list[RelationEvent]:
    return default_coder().extract(_seed_article())


def _by_sentence(events: list[RelationEvent], fragment: str) -> list[RelationEvent]:
    return [e for e in events if fragment in e.evidence.text]


def test_every_expected_event_is_found(events: list[RelationEvent]) -> None:
    expected = jsonbytes.loads(SEED_JSON.read_text(encoding="utf-8"))["events"]
    got = Counter((e.source, e.target, e.quad_class) for e in events)
    for item in expected:
        key = (item["source"], item["target"], item["quad"])
        assert got[key] > 0, f"missing {key} from: {item['sentence']}"
        got[key] -= 1


def test_expected_events_come_from_their_sentences(events: list[RelationEvent]) -> None:
    expected = jsonbytes.loads(SEED_JSON.read_text(encoding="utf-8"))["events"]
    for item in expected:
        found = _by_sentence(events, item["sentence"][-40:])
        assert any(
            (e.source, e.target, e.quad_class, e.root_code)
            == (item["source"], item["target"], item["quad"], item["cameo_root"])
            for e in found
        ), item["sentence"]


def test_seed_scores_perfectly() -> None:
    report = evaluate_files([SEED_JSON])
    assert (report.events.fp, report.events.fn) == (0, 0), report.render()


def test_traps_yield_nothing(events: list[RelationEvent]) -> None:
    triples = {(e.source, e.target, e.root_code) for e in events}
    assert not _by_sentence(events, "do not have any military cooperation") or all(
        {e.source, e.target} != {"PAK", "RUS"} for e in _by_sentence(events, "do not have any")
    )
    assert not _by_sentence(events, "Indian military had seized")
    assert not _by_sentence(events, "Pakistani agencies were unwilling")
    assert not any(e.root_code == "10" for e in events), "a purchase request is not a demand"
    assert ("RUS", "IND", "16") not in triples
    assert not any(e.source_actor == "RUSGOV" for e in events), "'Moscow:' is a dateline"
    nation = _by_sentence(events, "The nation had purchased")
    assert [(e.source, e.target) for e in nation] == [("PAK", "CHN")]
    state = _by_sentence(events, "the state had even held")
    assert {(e.source, e.target) for e in state} == {("PAK", "RUS"), ("RUS", "PAK")}


def test_events_are_well_formed(events: list[RelationEvent]) -> None:
    text = _seed_article().text
    for e in events:
        again = RelationEvent.model_validate(e.model_dump())
        assert again == e
        assert e.source != e.target
        assert e.pair == pair_key(e.source, e.target)
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.evidence.trigger and e.evidence.trigger.split()[0].lower() in e.evidence.text.lower()
        assert e.coder_version == CODER_VERSION
        assert 0.0 < e.confidence <= 1.0
        assert e.cameo_code.startswith(e.root_code)
        assert e.event_id == event_id_for(
            e.article_id,
            e.evidence.sentence_index,
            e.evidence.start,
            e.evidence.end,
            e.source,
            e.target,
            e.cameo_code,
        )


def test_quad_and_goldstein_follow_the_cameo_table(events: list[RelationEvent]) -> None:
    quads = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2)}
    quads |= {**dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
    for e in events:
        assert e.quad_class == quads[int(e.root_code)]
        assert -10.0 <= e.goldstein <= 10.0


def test_ids_are_deterministic_across_coders() -> None:
    first = [e.event_id for e in default_coder().extract(_seed_article())]
    second = [e.event_id for e in Coder().extract(_seed_article())]
    assert first == second
    assert len(set(first)) == len(first)


def test_metadata_is_carried() -> None:
    article = Article(
        id="a1",
        text="Russia rejected the Pakistani demand.",
        url="https://x.test/a",
        source="example-news",
        published="2024-05-01T00:00:00Z",  # type: ignore[arg-type]
    )
    (event,) = default_coder().extract(article)
    assert (event.article_url, event.article_source) == ("https://x.test/a", "example-news")
    assert event.event_time == article.published


def test_coder_package_is_pure() -> None:
    code = (
        "import sys, agents.coder, agents.coder.evaluate;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('faust', 'kafka', 'aiokafka')];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
