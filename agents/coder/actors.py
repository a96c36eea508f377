"""Dated people, organisations, cities, US states and first names for the coder.

Data (``agents/coder/data``, see its README): ``gazetteer.tsv`` (countries, demonyms, capitals,
seats, places, blocks), ``people_curated.tsv`` (ours) over ``people.tsv`` (PETRARCH2, generated),
``organisations.tsv`` (IGOs, NGOs, armed groups), ``cities.tsv`` (GeoNames), ``us_states.tsv``,
``first_names.tsv``. Nothing is downloaded; the loaders raise ``CoderDataError`` on short rows.

Precedence for one name: a gazetteer entry (not a leader) alone; else organisations, curated
people, generated people (only before the curated rows' earliest start for that name) together,
resolved by date at match time (``pick``); else a city.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from agents.coder.gazetteer import ActorName, load_names, name_key
from agents.coder.lexicon import DATA, read_rows

__all__ = [
    "ORGANISATION_KINDS",
    "load_actors",
    "load_cities",
    "load_first_names",
    "load_organisations",
    "load_people",
    "load_us_states",
    "load_word_set",
    "pick",
]

ORGANISATION_KINDS = frozenset({"igo", "ngo", "armed_group"})
Names = dict[str, list[ActorName]]


@cache
def _day(text: str) -> date | None:
    return None if text == "-" else date.fromisoformat(text)


def _dated_rows(path: Path, kind: str | None) -> Names:
    """name key -> entries of a 5-column dated file (name, country|kind, code, from, to)."""
    found: Names = {}
    for name, second, code, start, end in (c[:5] for c in read_rows(path, 5)):
        if kind is None:  # organisations: second column is the kind, never a country
            entry = ActorName.make(name, "", second, code, _day(start), _day(end))
        else:
            country = "" if second == "-" else second
            entry = ActorName.make(name, country, kind, code, _day(start), _day(end))
        found.setdefault(name_key(name), []).append(entry)
    return found


def _clip(rows: list[ActorName], first: date | None) -> list[ActorName]:
    """Generated rows kept only before ``first`` (None: curated rows cover all time)."""
    kept = []
    for row in rows:
        if not row.dated:
            kept.append(row)  # PETRARCH's default code: the fallback outside every range
        elif first is not None and (row.valid_from is None or row.valid_from < first):
            end = row.valid_to if row.valid_to is not None and row.valid_to < first else first - timedelta(1)
            kept.append(ActorName.make(row.name, row.country, row.kind, row.actor, row.valid_from, end))
    return kept


def load_people(generated: Path = DATA / "people.tsv", curated: Path = DATA / "people_curated.tsv") -> Names:
    """name key -> person entries: curated rows (file order), then generated rows, newest first.

    For a name in the curated file, generated rows count only before its earliest curated start.
    """
    ours = _dated_rows(curated, "person")
    theirs = _dated_rows(generated, "person")
    people: Names = {}
    for key in ours.keys() | theirs.keys():
        mine = ours.get(key, [])
        rest = theirs.get(key, [])
        if mine:
            starts = [row.valid_from for row in mine]
            rest = _clip(rest, None if None in starts else min(s for s in starts if s is not None))
        people[key] = [*mine, *sorted(rest, key=lambda r: r.valid_from or date.min, reverse=True)]
    for rows in list(people.values()):
        variant = _korean_given_name(rows[0].name) if all(r.country in KOREAS for r in rows) else None
        if variant is not None and name_key(variant) not in people:
            people[name_key(variant)] = [_renamed(r, variant) for r in rows]
    return people


KOREAS = frozenset({"KOR", "PRK"})


def _korean_given_name(name: str) -> str | None:
    """A Korean name as the news writes it ("Kim Dae-jung") when PETRARCH2 spells its given
    name as two words ("Kim Dae Jung"), or None."""
    parts = name.split()
    if len(parts) != 3 or not all(p.isalpha() and p[:1].isupper() for p in parts):
        return None
    return f"{parts[0]} {parts[1]}-{parts[2].lower()}"


def _renamed(row: ActorName, name: str) -> ActorName:
    return ActorName.make(name, row.country, row.kind, row.actor, row.valid_from, row.valid_to)


def load_organisations(path: Path = DATA / "organisations.tsv") -> Names:
    """name key -> organisation entries (kind igo | ngo | armed_group, country "")."""
    return _dated_rows(path, None)


def load_cities(path: Path = DATA / "cities.tsv") -> dict[str, ActorName]:
    """name key -> city entry (kind city, actor = the country code)."""
    return {name_key(c[0]): ActorName.make(c[0], c[1], "city", "-") for c in read_rows(path, 3)}


def load_word_set(path: Path) -> frozenset[str]:
    """Lowercased first column of a file: ``us_states.tsv``, ``first_names.tsv``."""
    return frozenset(cells[0].lower() for cells in read_rows(path, 1))


def load_us_states(path: Path = DATA / "us_states.tsv") -> frozenset[str]:
    """The 50 US states and DC, lowercased ("georgia": "the Georgia state legislature" is no country)."""
    return load_word_set(path)


def load_first_names(path: Path = DATA / "first_names.tsv") -> frozenset[str]:
    """First names, lowercased ("jordan", "chad", "israel": "Jordan Mills" is a person)."""
    return load_word_set(path)


def load_actors(data: Path = DATA) -> dict[str, list[ActorName]]:
    """name key -> candidate entries for ``Matcher`` (precedence in the module docstring)."""
    gazetteer = {k: v for k, v in load_names(data / "gazetteer.tsv").items() if v.kind != "leader"}
    orgs = load_organisations(data / "organisations.tsv")
    people = load_people(data / "people.tsv", data / "people_curated.tsv")
    actors: dict[str, list[ActorName]] = {key: [entry] for key, entry in gazetteer.items()}
    for key in orgs.keys() | people.keys():
        if key not in actors:
            actors[key] = [*orgs.get(key, []), *people.get(key, [])]
    for key, city in load_cities(data / "cities.tsv").items():
        actors.setdefault(key, [city])
    return actors


def pick(names: Sequence[ActorName], when: date | None) -> ActorName | None:
    """The entry of a name valid at ``when``: the first dated entry whose range holds it (lists
    are ordered organisations, curated, generated newest first), else an undated one, else None.
    Without a date: the first open-ended entry, else an undated one, else the latest-ending.
    """
    undated = next((n for n in names if not n.dated), None)
    if when is not None:
        return next((n for n in names if n.dated and n.valid_at(when)), undated)
    current = next((n for n in names if n.dated and n.valid_to is None), None)
    if current or undated:
        return current or undated
    return max(names, key=lambda n: n.valid_to or date.max, default=None)
