"""Material cooperation and conflict: arms deliveries and exchanges of fire."""

from __future__ import annotations

import pytest

from tests.unit.factories import coded_triples


def code(text: str) -> set[tuple[str, str, str]]:
    return set(coded_triples(text))


@pytest.mark.parametrize("text", [
    "Germany has sent 50 tanks to Ukraine.",
    "Norway sent air defence systems and ammunition to Poland last week.",
])
def test_sending_weapons_is_military_aid(text: str) -> None:
    coded = code(text)
    assert len(coded) == 1
    (source, target, cameo), = coded
    assert cameo == "072" and source != target


@pytest.mark.parametrize("text", [
    "India and Pakistan exchanged fire along the border on Sunday.",
    "Indian and Pakistani troops exchanged fire along the Line of Control.",
])
def test_exchange_of_fire_is_fighting_both_ways(text: str) -> None:
    assert {(s, t) for s, t, c in code(text) if c.startswith("19")} == {("IND", "PAK"), ("PAK", "IND")}


def test_refused_delivery_is_not_aid() -> None:
    assert not {c for _, _, c in code("Germany has not sent tanks to Ukraine.") if c.startswith("07")}


@pytest.mark.parametrize(("text", "pair"), [
    ("Russia launched a missile attack on Kyiv overnight.", ("RUS", "UKR")),
    ("Israel carried out air strikes against Damascus.", ("ISR", "SYR")),
    ("The United States carried out airstrikes in Yemen on Tuesday.", ("USA", "YEM")),
])
def test_attacks_on_a_capital_or_in_a_country_target_that_country(
    text: str, pair: tuple[str, str],
) -> None:
    assert {(s, t) for s, t, c in code(text) if c.startswith(("18", "19", "20"))} == {pair}


def test_a_capital_after_on_is_no_target_outside_attacks() -> None:
    assert code("China held talks on trade with officials from Moscow.") == set()


def test_hardware_bought_is_goods_not_a_partner() -> None:
    assert code("India bought Russian tanks.") == set()
    assert {(s, t) for s, t, _ in code("India bought Russian tanks from Moscow.")} == {("IND", "RUS")}


def test_hardware_attacked_is_a_target() -> None:
    assert {(s, t) for s, t, _ in code("Ukraine attacked Russian warships in the Black Sea.")} == {
        ("UKR", "RUS")}
