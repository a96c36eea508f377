"""Country names, search suggestions, listing filters and alerts read back from day buckets."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from schemas.models import DayBucket, DyadState
from streams.countries import (
    CODER_SOURCES,
    GAZETTEER,
    countries,
    resolve_country,
    resolve_pair,
    resolve_pair_text,
)
from streams.exceptions import BadQuery
from streams.web.listing import alerts_from_buckets, page_rows, parse_row_filter, range_figures
from streams.web.search import suggest


@pytest.mark.parametrize("text", ["India", "IND", "ind", "Indian", "INDIANS", "  india "])
def test_codes_names_and_demonyms_resolve_in_any_case(text: str) -> None:
    assert resolve_country(text) == "IND"


def test_names_come_from_the_gazetteer() -> None:
    names = countries()
    assert len(names.by_code) > 190
    assert {code: names.name(code) for code in ("RUS", "GBR", "FRA", "CHN", "BRA")} == {
        "RUS": "Russia", "GBR": "United Kingdom", "FRA": "France", "CHN": "China", "BRA": "Brazil"}
    assert resolve_pair("guyana", "Venezuelan") == ("GUY", "VEN")
    with pytest.raises(BadQuery, match="unknown country"):
        resolve_country("Atlantis")
    with pytest.raises(BadQuery, match="two different"):
        resolve_pair("India", "IND")


@pytest.mark.parametrize(("code", "name"), [
    ("USA", "United States"), ("GBR", "United Kingdom"), ("ARE", "United Arab Emirates"),
    ("NLD", "Netherlands"), ("BEL", "Belgium"), ("DNK", "Denmark"), ("NOR", "Norway"),
    ("THA", "Thailand"), ("MMR", "Myanmar"), ("LAO", "Laos"), ("BIH", "Bosnia and Herzegovina"),
    ("SWZ", "Eswatini"), ("PRI", "Puerto Rico"), ("CHN", "China"), ("KOR", "South Korea"),
    ("IND", "India"), ("DEU", "Germany"), ("RUS", "Russia"), ("IRN", "Iran"), ("VNM", "Vietnam"),
])
def test_display_names_are_the_common_english_short_names(code: str, name: str) -> None:
    assert countries().name(code) == name
    assert resolve_country(name) == code


@pytest.mark.parametrize("text", ["XYZ", "the", "xxx", "ZZZ"])
def test_three_letters_that_are_no_known_code_are_unknown(text: str) -> None:
    with pytest.raises(BadQuery, match=f"unknown country {text!r}"):
        resolve_country(text)


@pytest.mark.parametrize(("text", "message"), [("Korea", "ambiguous: Korea is KOR or PRK"),
                                               ("korea", "ambiguous: korea is KOR or PRK")])
def test_a_name_of_several_countries_says_which(text: str, message: str) -> None:
    with pytest.raises(BadQuery) as raised:
        resolve_country(text)
    assert str(raised.value) == message


def test_every_code_the_coder_can_emit_is_known() -> None:
    codes = {line.split("\t")[1] for source in (GAZETTEER, *CODER_SOURCES)
             for line in source.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    codes = {code for code in codes if len(code) == 3 and code.isalpha() and code.isupper()}
    assert {"XKX", "PSE", "TWN", "HKG", "MAC", "ESH", "CUW", "SXM"} <= codes
    assert all(resolve_country(code.lower()) == code for code in codes)
    assert countries().name("CUW") == "Curacao" and resolve_country("Curacao") == "CUW"


@pytest.mark.parametrize(("text", "pair"), [("india-pak", ("IND", "PAK")),
                                            ("Russia-Pakistan", ("RUS", "PAK")),
                                            ("IND-PAK", ("IND", "PAK")),
                                            ("Guinea-Bissau-Senegal", ("GNB", "SEN"))])
def test_a_pair_by_names(text: str, pair: tuple[str, str]) -> None:
    assert resolve_pair_text(text) == pair


@pytest.mark.parametrize("text", ["IND", "XXX-PAK", "IND-india", "a-b-c"])
def test_a_bad_pair_names_the_parameter(text: str) -> None:
    with pytest.raises(BadQuery, match=r"^pair"):
        resolve_pair_text(text)


def _row(pair: str, events: int, net: float = 0.0) -> dict[str, object]:
    a, b = pair.split("-")
    return {"pair": pair, "a": a, "b": b, "events": events, "net": net, "tension": float(events)}


ROWS = [_row("IND-PAK", 5, -3.0), _row("IND-RUS", 2, 4.0), _row("PAK-RUS", 9, -1.0),
        _row("CHN-TWN", 1, -2.0)]


@pytest.mark.parametrize("query", ["india pak", "IND-PAK", "Indian / Pakistani", "pakistan and india"])
def test_two_countries_suggest_their_pair_first(query: str) -> None:
    found = suggest(query, ROWS, countries(), 10)
    assert found[0]["kind"] == "pair" and found[0]["pair"] == "IND-PAK"


def test_two_countries_without_a_pair_suggest_each_country() -> None:
    found = suggest("ind pak", [_row("PAK-RUS", 9)], countries(), 10)
    assert {item.get("code") for item in found[:2]} == {"IND", "PAK"}  # (with events first)
    assert suggest("india pakistan", [], countries(), 10)[0]["code"] == "IND"


def test_one_country_suggests_the_country_then_its_busiest_pairs() -> None:
    found = suggest("Indian", ROWS, countries(), 10)
    assert found[0] == {"kind": "country", "code": "IND", "name": "India", "label": "India (IND)",
                        "events": 7}
    pairs = [item["pair"] for item in found if item["kind"] == "pair"]
    assert pairs == ["IND-PAK", "IND-RUS"]
    assert [item.get("code") for item in suggest("tai", ROWS, countries(), 3)][:1] == ["TWN"]
    assert suggest("zzzz", ROWS, countries(), 10) == []


def test_row_filter_parses_and_rejects() -> None:
    f = parse_row_filter({"quad": "3", "since": "2024-05-01", "until": "2024-05-02",
                          "order": "asc", "offset": "2"}, 5)
    assert (f.quad, f.descending, f.offset, f.limit) == (3, False, 2, 5)
    assert f.until == datetime(2024, 5, 3, tzinfo=UTC)
    assert f.as_of(None) == datetime(2024, 5, 2, 23, 59, 59, 999999, tzinfo=UTC)
    assert f.days(date(2024, 5, 2)) and not f.days(date(2024, 5, 3)) and not f.days(date(2024, 4, 30))
    for bad in ({"quad": "5"}, {"order": "up"}, {"since": "may"}, {"offset": "-1"},
                {"since": "2024-05-02", "until": "2024-05-01"}):
        with pytest.raises(BadQuery):
            parse_row_filter(bad, None)


def test_paging_and_order() -> None:
    f = parse_row_filter({"offset": "1"}, 2)
    assert [r["pair"] for r in page_rows(ROWS, "tension", f)] == ["IND-PAK", "IND-RUS"]
    f = parse_row_filter({"order": "asc"}, None)
    assert [r["pair"] for r in page_rows(ROWS, "tension", f)] == ["CHN-TWN", "IND-RUS", "IND-PAK",
                                                                  "PAK-RUS"]


def _bucket(day: int, points: list[tuple[float, float, int]], quad: str = "3") -> DayBucket:
    counted = sum(1 for p in points if p[2] & 3)
    return DayBucket(pair="PAK-RUS", day=date(2024, 5, day), events=counted, mentions=len(points),
                     by_quad={quad: counted}, points=points)


def test_range_figures_count_the_days_of_the_range_and_the_quad() -> None:
    state = DyadState(pair="PAK-RUS", a="PAK", b="RUS")
    buckets = [_bucket(1, [(3600.0, -4.0, 1)]), _bucket(3, [(60.0, 3.0, 2)], quad="1")]
    ranged = parse_row_filter({"since": "2024-05-02"}, None)
    assert range_figures(state, buckets, ranged) == {
        "since": "2024-05-02T00:00:00+00:00", "until": None, "events": 1, "mentions": 1,
        "by_quad": {"1": 1}}
    assert range_figures(state, buckets, parse_row_filter({"since": "2024-05-02", "quad": "3"},
                                                          None)) is None
    assert range_figures(state, buckets, parse_row_filter({"until": "2024-05-01", "quad": "3"},
                                                          None))["events"] == 1  # type: ignore[index]


def test_alerts_read_back_from_points() -> None:
    quiet = _bucket(1, [(3600.0, -4.0, 1)])
    rising = _bucket(2, [(3600.0, -10.0, 1), (7200.0, -8.0, 2), (7300.0, -9.0, 1)])
    alerts = alerts_from_buckets([quiet, rising], 15.0, 7.0)
    assert [alert["day"] for alert in alerts] == ["2024-05-02"]
    assert alerts[0]["event_time"] == "2024-05-02T02:00:00+00:00"
    assert alerts[0]["change"] > 15.0
    assert alerts_from_buckets([quiet, rising], 0.0, 7.0) == []
