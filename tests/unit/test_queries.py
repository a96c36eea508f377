from __future__ import annotations

import pytest

from streams.web.queries import BadQuery, parse_country, parse_limit, parse_pair, parse_sort, top_rows


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
