"""Actor names (data/gazetteer.tsv) and agent nouns (data/agents.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import compress, count
from pathlib import Path

from agents.coder.lexicon import DATA, read_rows

__all__ = ["COREF_PHRASES", "PETRARCH_AGENTS", "REGIONS", "TITLE_PHRASES", "ActorName", "Agents",
           "load_names", "load_regions", "name_key"]

# phrases that stand for a country named before ("the nation"), and a state's organs named
# without their country ("The foreign ministry also summoned the Russian ambassador"); not "the
# government" or "the president": common in every sentence of the news, they would send a
# twelfth more sentences to the parser for few events
COREF_PHRASES: tuple[str, ...] = (
    "the nation", "the country", "the state", "the kingdom", "the island nation",
    "the foreign ministry", "the defence ministry", "the defense ministry",
    "the interior ministry", "the navy", "the coast guard", "police", "prosecutors",
    "the authorities", "the foreign office", "the ministry of foreign affairs",
    "the ministry of external affairs", "the external affairs ministry",
    "the foreign affairs ministry", "the ministry of defence", "the ministry of defense",
    "the presidential office", "the commerce ministry", "the trade ministry",
    "the royal government", "the jcs", "the joint chiefs of staff", "the general staff",
    "the department of foreign affairs", "the ministry of national defense",
    "the ministry of national defence", "the ministry",  # (bare: only a ministry named before)
)


# a state's office before a name, with no country ("Vice Foreign Minister Masataka Okano"): in
# news copy the outlet's or the dateline's own office-holder (``discourse``); only capitalised
# and followed by a capitalised name (``matcher``); a country or a known person next to it wins
TITLE_PHRASES: tuple[str, ...] = (
    *(f"{rank}{office}" for rank in ("", "vice ", "deputy ", "first deputy ", "state ")
      for office in ("foreign minister", "defence minister", "defense minister", "interior minister",
                     "home minister", "trade minister", "commerce minister", "finance minister",
                     "economy minister", "prime minister", "foreign secretary", "defence secretary",
                     "defense secretary", "home secretary", "external affairs minister",
                     "foreign affairs minister", "national security adviser", "national security advisor")),
    "president", "vice president", "chief cabinet secretary", "secretary of state",
    "foreign ministry spokesman", "foreign ministry spokeswoman", "foreign ministry spokesperson",
    "army chief", "chief of army staff", "chief of defence staff", "chief of defense staff",
)


def load_regions(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Region words -> member states (ISO3), from ``data/regions.tsv`` (UN M49 and the
    conventional groupings named there): "the Gulf state" is one of them."""
    return {cells[0]: frozenset(cells[1].split()) for cells in read_rows(path or DATA / "regions.tsv", 2)}


REGIONS = load_regions()
STATE_NOUNS = ("country", "nation", "state", "kingdom", "republic", "emirate", "island nation",
               "neighbour", "neighbor")
# a state named by its region ("the South American country", "the Gulf state"): one of them
COREF_PHRASES += tuple(f"the {region} {noun}" for region in REGIONS for noun in STATE_NOUNS)
PETRARCH_AGENTS = DATA / "agents_petrarch.tsv"  # generated from PETRARCH2's Phoenix.agents.txt


@dataclass(frozen=True, slots=True)
class ActorName:
    """One actor name: its country, kind, CAMEO-style actor code and optional validity.

    kind: country | demonym | people | capital | seat | leader | place | block (gazetteer.tsv),
    person (dated office-holder), city, igo | ngo | armed_group (organisations: ``country`` is
    "" so they never make a country pair). ``country`` is ISO3 or one of our codes for states
    without one (XKX Kosovo, ...: data/README.md). ``valid_from``/``valid_to`` are inclusive;
    None = unbounded; both None = valid at any date.
    """

    name: str
    country: str
    kind: str
    actor: str
    exact: bool  # short all-caps forms (US, UK, PRC) must match exactly
    capitals: tuple[int, ...]  # positions that must be capitals in the text
    valid_from: date | None = None
    valid_to: date | None = None

    @classmethod
    def make(
        cls,
        name: str,
        country: str,
        kind: str,
        actor: str,
        start: date | None = None,
        end: date | None = None,
    ) -> ActorName:
        """An entry with its case rules derived from ``name`` (actor "-" = the country code)."""
        code = country if actor == "-" else actor
        exact, capitals = _case_rules(name)
        return cls(name, country, kind, code, exact, capitals, start, end)

    @property
    def dated(self) -> bool:
        """True when the entry holds only for a range of dates."""
        return self.valid_from is not None or self.valid_to is not None

    def valid_at(self, when: date) -> bool:
        """Whether ``when`` falls in the entry's (inclusive) range."""
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )

    def matches_case(self, surface: str) -> bool:
        """Capitals of the name must be capitals in the text; short all-caps forms exactly."""
        if self.exact:
            return surface == self.name
        return all(map(str.isupper, map(surface.__getitem__, self.capitals)))


@cache
def _case_rules(name: str) -> tuple[bool, tuple[int, ...]]:
    """(short all-caps form?, positions of capitals) of a name."""
    exact = name.isupper() and len(name.replace(".", "")) <= 5
    return exact, tuple(compress(count(), map(str.isupper, name)))


def name_key(name: str) -> str:
    """The automaton key of a name: lowercased, typographic apostrophes made plain."""
    return name.lower().replace("’", "'")


def load_names(path: Path = DATA / "gazetteer.tsv") -> dict[str, ActorName]:
    """Lowercased name -> entry, from gazetteer.tsv (undated). Raises CoderDataError on short rows."""
    names = {}
    for name, country, kind, actor in (cells[:4] for cells in read_rows(path, 4)):
        names[name_key(name)] = ActorName.make(name, country, kind, actor)
    return names


class Agents:
    """Agent nouns ("foreign ministry" -> GOV) looked up on tokens after a country mention."""

    def __init__(self, path: Path = DATA / "agents.tsv", extra: Path | None = None) -> None:
        """``extra``: more rows (e.g. ``PETRARCH_AGENTS``) under ours; a phrase in ours keeps our role."""
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        seen: set[tuple[str, ...]] = set()
        rows = read_rows(path, 2) + (read_rows(extra, 2) if extra else [])
        for words, role in (c[:2] for c in rows):
            key = tuple(words.split())
            if key not in seen:
                seen.add(key)
                self.by_first.setdefault(key[0], []).append((key, role))
        for options in self.by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def at(self, lows: list[str], i: int) -> tuple[str, int] | None:
        """The agent phrase starting at token ``i``: (role, end token), longest first."""
        for key, role in self.by_first.get(lows[i], ()):
            size = len(key)
            if size == 1 or tuple(lows[i : i + size]) == key:
                return role, i + size
        return None

    def phrases(self) -> dict[tuple[str, ...], str]:
        """Every agent phrase (lowercased words) with its role: ``("foreign", "ministry")`` -> ``GOV``."""
        return {key: role for options in self.by_first.values() for key, role in options}
