"""The Prometheus text of ``/metrics`` and dead letters that must fit in one record."""

from __future__ import annotations

import base64
from types import SimpleNamespace

from agents.dead_letters import Tally, dead_letter_for, raw_bytes_kept
from agents.steps import Rejection
from streams.web.metrics import COUNTERS, MetricsSnapshot, render_metrics


def _samples(text: str) -> dict[str, float]:
    return {name: float(value) for name, value in
            (line.rsplit(" ", 1) for line in text.splitlines() if not line.startswith("#"))}


def test_every_counter_is_exposed_even_before_it_counts() -> None:
    samples = _samples(render_metrics(MetricsSnapshot({"articles_processed": 3}, {}, up=False)))
    assert samples["dyadwatch_articles_processed_total"] == 3
    assert all(samples[f"dyadwatch_{name}_total"] == 0 for name in COUNTERS
               if name != "articles_processed")
    assert samples["dyadwatch_up"] == 0


def test_dead_letters_are_labelled_by_stage_and_reason_and_escaped() -> None:
    snapshot = MetricsSnapshot({}, {"decode:invalid_json": 2, 'odd:a"b\\c': 1}, up=True)
    text = render_metrics(snapshot, process=False)
    samples = _samples(text)
    assert samples['dyadwatch_dead_letters_total{reason="invalid_json",stage="decode"}'] == 2
    assert samples['dyadwatch_dead_letters_total{reason="a\\"b\\\\c",stage="odd"}'] == 1
    assert text.endswith("\n") and "# TYPE dyadwatch_dead_letters_total counter" in text
    for line in text.splitlines():
        if line.startswith("# TYPE"):
            assert line.split()[-1] in ("counter", "gauge", "histogram")


def test_lag_histograms_and_process_metrics() -> None:
    tally = Tally()
    for size in (1, 30, 30):
        tally.observe("batch_size", "aggregate_events", size, unit="records")
    tally.observe("end_to_end_latency_seconds", "aggregate_events", 0.3)
    snapshot = MetricsSnapshot({}, {}, up=True, lag={"articles": {0: 5, 3: 0}},
                               histograms=tally.histograms)
    samples = _samples(render_metrics(snapshot))
    assert samples['dyadwatch_consumer_lag{partition="0",topic="articles"}'] == 5
    assert samples['dyadwatch_consumer_lag{partition="3",topic="articles"}'] == 0
    assert samples['dyadwatch_batch_size_bucket{agent="aggregate_events",le="20.0"}'] == 1
    assert samples['dyadwatch_batch_size_bucket{agent="aggregate_events",le="+Inf"}'] == 3
    assert samples['dyadwatch_batch_size_sum{agent="aggregate_events"}'] == 61
    latency = 'dyadwatch_end_to_end_latency_seconds_bucket{agent="aggregate_events",le="0.5"}'
    assert samples[latency] == 1
    assert samples["process_cpu_seconds_total"] > 0
    assert samples["process_resident_memory_bytes"] > 1_000_000


def _message(value: bytes) -> SimpleNamespace:
    return SimpleNamespace(value=value, key=b"k\xff", topic="articles", partition=0, offset=9)


def test_dead_letter_keeps_raw_bytes_whole_when_they_fit() -> None:
    raw = bytes(range(256))
    letter = dead_letter_for(Rejection("decode", "invalid_utf8", "bad"), _message(raw), 1000)
    assert base64.b64decode(letter.raw_b64) == raw and letter.raw_size == 256
    assert letter.key == "k\ufffd" and letter.detail == "bad"


def test_dead_letter_of_a_huge_value_keeps_its_first_bytes_and_fits_one_record() -> None:
    limit = 1_000_000
    raw = b"x" * 3_000_000
    kept = raw_bytes_kept(limit)
    letter = dead_letter_for(Rejection("validate", "text_too_long", "d" * 10_000),
                             _message(raw), kept)
    assert base64.b64decode(letter.raw_b64) == raw[:kept] and letter.raw_size == len(raw)
    assert f"truncated to its first {kept} of {len(raw)} bytes" in letter.detail
    assert len(letter.model_dump_json()) < limit
