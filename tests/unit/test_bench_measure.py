"""The pipeline benchmark's pure helpers: percentiles, steady rates, payloads, changelog reading."""

from __future__ import annotations

import math

import pytest

from agents.coder import Coder
from bench.ceiling import PrecomputedCoder
from bench.measure import FirstSightings, article_payloads, article_ring_in_state, percentile, steady_rate
from schemas import jsonbytes
from schemas.digests import fingerprint, ring_of
from schemas.models import Article, DyadState


def test_percentile_interpolates_between_closest_ranks() -> None:
    values = [40.0, 10.0, 30.0, 20.0]
    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 40.0
    assert percentile(values, 50) == 25.0
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)
    assert percentile([7.0], 99) == 7.0


def test_percentile_of_nothing_is_nan_and_bad_q_is_an_error() -> None:
    assert math.isnan(percentile([], 50))
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_steady_rate_ignores_start_up_and_tail() -> None:
    # 5 s start-up with nothing done, then 100 items/s, then a slow tail
    samples = [(0.0, 0), (5.0, 0)] + [(5.0 + s, 100 * s) for s in range(1, 11)] + [(30.0, 1000)]
    assert steady_rate(samples, 1000) == pytest.approx(100.0)


def test_steady_rate_interpolates_between_samples() -> None:
    samples = [(0.0, 0), (10.0, 1000)]
    assert steady_rate(samples, 1000) == pytest.approx(100.0)
    assert math.isnan(steady_rate([(0.0, 0), (1.0, 50)], 1000))  # never reached 90%


def test_article_payloads_cycle_templates_with_their_own_ids() -> None:
    templates = [Article(id="t1", text="Russia rejected Pakistan's demand.", title="T"),
                 Article(id="t2", text="India thanked Japan.")]
    payloads = article_payloads(templates, 3, "run")
    assert [article_id for article_id, _ in payloads] == ["run-000000", "run-000001", "run-000002"]
    decoded = [Article.model_validate(jsonbytes.loads(raw)) for _, raw in payloads]
    assert [a.id for a in decoded] == ["run-000000", "run-000001", "run-000002"]
    assert [a.text for a in decoded] == [templates[0].text, templates[1].text, templates[0].text]
    assert decoded[0].title == "T" and decoded[1].title is None


def _state(article_ids: list[str]) -> bytes:
    state = DyadState(pair="PAK-RUS", a="PAK", b="RUS", seen_article_digests=ring_of(article_ids),
                      seen_event_digests=ring_of(["e1"]), seen_sources=["wire"])
    return state.__pydantic_serializer__.to_json(state)


def test_article_ring_in_state_reads_the_field_or_the_whole_state() -> None:
    assert article_ring_in_state(_state(["a1", "a2"])) == ring_of(["a1", "a2"])
    assert article_ring_in_state(_state([])) == ""
    spaced = b'{"pair": "PAK-RUS", "seen_article_digests": "' + ring_of(["a3"]).encode() + b'"}'
    assert article_ring_in_state(spaced) == ring_of(["a3"])
    assert article_ring_in_state(b'{"pair": "PAK-RUS"}') == ""


def test_first_sightings_reports_each_article_once_per_pair() -> None:
    sightings = FirstSightings()
    a1, a2, a3, a4 = (fingerprint(f"a{n}") for n in range(1, 5))
    assert sightings.new_digests(b"PAK-RUS", ring_of(["a1"])) == [a1]
    assert sightings.new_digests(b"PAK-RUS", ring_of(["a1"])) == []
    assert sightings.new_digests(b"PAK-RUS", ring_of(["a1", "a2", "a3"])) == [a2, a3]
    assert sightings.new_digests(b"IND-PAK", ring_of(["a2"])) == [a2]
    assert sightings.new_digests(b"PAK-RUS", ring_of(["a3", "a4"])) == [a4]  # older entries dropped
    assert sightings.new_digests(b"PAK-RUS", "") == []


def test_precomputed_coder_gives_what_the_coder_gives_for_the_same_text() -> None:
    # The shape-ceiling worker must send exactly the records the real worker sends.
    template = Article(id="template", text=(
        "Russia rejected Pakistan's demand for rifles. India and Russia signed a defence pact."),
        published="2024-05-01T08:00:00Z", source="wire")
    coder = PrecomputedCoder([template])
    article = template.model_copy(update={"id": "copy-7", "source": "other"})
    assert coder.extract(article) == Coder().extract(article)
    assert len(coder.extract(article)) >= 2
    unknown = Article(id="new", text="China condemned Japan's naval drills.")
    assert coder.extract(unknown) == Coder().extract(unknown)
