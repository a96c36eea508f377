"""Build agents/coder/data/gazetteer.tsv from maintained packages plus our curated additions.

Sources: ``countryinfo`` (names, alternative spellings, capitals, demonyms, ISO codes) and
``pycountry`` (ISO 3166-1 names, common and official names), merged with the readable
``agents/coder/data/actors_curated.tsv`` (short forms, seats of power, overrides) and, as kind
``leader``, every name of ``people_curated.tsv`` with its current (open-ended) or latest code
(the dated loader in ``agents/coder/actors.py`` reads the dates; ``load_names`` does not).
A name that several countries share ("French", "Chinese") goes to the most populous one when it
is at least ten times the next (territories share their sovereign's demonym), else it is dropped.

Usage: ``python scripts/build_gazetteer.py`` (needs the optional ``gazetteer`` extras).
The output is committed; the coder reads it at run time and never imports these packages.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

__all__ = ["build", "main"]

DATA = Path(__file__).resolve().parent.parent / "agents" / "coder" / "data"
CURATED = DATA / "actors_curated.tsv"
PEOPLE = DATA / "people_curated.tsv"
OUTPUT = DATA / "gazetteer.tsv"
NAME_OK = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
Entry = tuple[str, str, str]  # country, kind, actor


def _is_code(name: str) -> bool:
    return len(name) <= 3 and name.isupper()


def _plural(demonym: str) -> str | None:
    return demonym + "s" if demonym.endswith(("an", "i")) else None


def _generated() -> dict[str, set[Entry]]:
    import countryinfo  # optional dependency, build time only
    import pycountry

    found: dict[str, set[Entry]] = {}
    population: dict[str, int] = {}

    def add(name: object, iso3: str, kind: str, actor: str = "-") -> None:
        if isinstance(name, list):
            name = name[0] if len(name) == 1 else None
        if isinstance(name, str) and NAME_OK.match(name) and not _is_code(name):
            found.setdefault(name.strip(), set()).add((iso3, kind, actor))

    for country in countryinfo.all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        population[iso3] = int(info.get("population") or 0)
        add(info.get("name"), iso3, "country")
        for alt in info.get("altSpellings") or []:
            add(alt, iso3, "country")
        add(info.get("capital"), iso3, "capital", iso3 + "GOV")
        demonym = info.get("demonym")
        if demonym:
            add(demonym, iso3, "demonym")
            add(_plural(demonym), iso3, "people")
    for record in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            add(getattr(record, attr, None), record.alpha_3, "country")
    return {name: _resolve(entries, population) for name, entries in found.items()}


def _resolve(entries: set[Entry], population: dict[str, int]) -> set[Entry]:
    countries = sorted({e[0] for e in entries}, key=lambda c: -population.get(c, 0))
    if len(countries) > 1:
        if population.get(countries[0], 0) < 10 * population.get(countries[1], 0) + 1:
            return set()
        entries = {e for e in entries if e[0] == countries[0]}
    return entries


def _curated() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, country, kind, actor = line.split("\t")
            rows.append((name, country, kind, actor))
    return rows


def _leaders() -> dict[str, Entry]:
    """people_curated.tsv names -> (country, "leader", code) of the open-ended or latest range."""
    best: dict[str, tuple[str, Entry]] = {}
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, country, code, _start, end = line.split("\t")[:5]
            key = "9999-99-99" if end == "-" else end
            if country != "-" and key >= best.get(name, ("", ("", "", "")))[0]:
                best[name] = (key, (country, "leader", code))
    return {name: entry for name, (_key, entry) in best.items()}


def build() -> list[tuple[str, str, str, str]]:
    """Merge the generated names with the curated files; return sorted rows."""
    merged: dict[str, Entry] = {}
    for name, entries in _generated().items():
        if entries:
            merged[name] = sorted(entries, key=lambda e: e[1] != "country")[0]
    merged.update(_leaders())
    for name, country, kind, actor in _curated():
        if country == "-" and kind != "block":
            merged.pop(name, None)
        else:
            merged[name] = (country, kind, actor)
    return sorted((name, *entry) for name, entry in merged.items())


def main() -> int:
    rows = build()
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("countryinfo", "pycountry"))
    header = [
        "# dyadwatch actor gazetteer. GENERATED by scripts/build_gazetteer.py: do not edit by hand.",
        f"# Sources: {versions} (names, spellings, capitals, demonyms, ISO 3166-1),",
        "# merged with agents/coder/data/actors_curated.tsv (short forms, seats, overrides) and",
        "# agents/coder/data/people_curated.tsv (leaders: current or latest code, undated).",
        "# Columns: name, country (ISO3), kind, actor ('-' = the country code).",
    ]
    body = ["\t".join(row) for row in rows]
    OUTPUT.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} names to {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
