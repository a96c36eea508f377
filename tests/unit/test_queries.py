from __future__ import annotations

import pytest

from streams.web.queries import (
    BadQuery,
    event_newest_first,
    parse_country,
    parse_limit,
    parse_pair,
    parse_sort,
    top_rows,
)


def test_pairs_parse_in_either_order_and_any_case() -> None:
    assert parse_pair("rus", "PAK") == parse_pair("PAK", "RUS") == "PAK-RUS"
    assert parse_country("ind") == "IND"


@pytest.mark.parametrize(("a", "b"), [("RU", "PAK"), ("RUSS", "PAK"), ("R1S", "PAK"), ("PAK", "pak")])
def test_malformed_pairs_are_bad_queries(a: str, b: str) -> None:
    with pytest.raises(BadQuery):
        parse_pair(a, b)


@pytest.mark.parametrize("value", ["0", "-1", "abc", "100000"])
def test_bad_limits(value: str) -> None:
    with pytest.raises(BadQuery):
        parse_limit(value)


def test_sort_and_top_rows() -> None:
    assert parse_sort(None) == "tension"
    with pytest.raises(BadQuery):
        parse_sort("volume!")
    rows = [{"pair": p, "tension": t} for p, t in [("A-B", 1.0), ("C-D", 3.0), ("B-C", 3.0)]]
    assert [r["pair"] for r in top_rows(rows, "tension", 2)] == ["B-C", "C-D"]


def test_latest_events_newest_event_time_first_ties_by_arrival() -> None:
    arrived = [{"id": "a", "event_time": "2024-05-03T00:00:00Z"}, {"id": "b", "event_time": None},
               {"id": "c", "event_time": "2024-05-01T00:00:00Z"},
               {"id": "d", "event_time": "2024-05-03T00:00:00Z"},
               {"id": "e", "event_time": "2024-05-02T00:00:00+00:00"}]
    assert [e["id"] for e in event_newest_first(arrived)] == ["d", "a", "e", "c", "b"]


def test_format_dyad_lists_latest_events_newest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from streams.cli import render
    from tests.unit.factories import make_event

    monkeypatch.setattr(render, "format_rows", lambda rows: "")
    old = make_event(root="12", days=0)
    new = make_event(root="19", quad=4, goldstein=-10.0, days=8, article_id="a2")
    arrived = [new.model_dump(mode="json"), old.model_dump(mode="json")]  # the newer came first
    lines = [line for line in render.format_dyad({"summary": {}, "recent_events": arrived}).splitlines()
             if " -> " in line]
    assert [line.split()[3] for line in lines] == ["190", "120"]
