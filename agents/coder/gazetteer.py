"""Actor names (data/gazetteer.tsv) and agent nouns (data/agents.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agents.coder.lexicon import DATA, read_rows
from agents.coder.words import FILLER_STOP

__all__ = ["COREF_PHRASES", "ActorName", "Agents", "load_names"]

COREF_PHRASES = ("the nation", "the country", "the state")


@dataclass(frozen=True, slots=True)
class ActorName:
    """One gazetteer name: its ISO3 country, kind and CAMEO-style actor code."""

    name: str
    country: str
    kind: str
    actor: str
    exact: bool  # short all-caps forms (US, UK, PRC) must match exactly
    capitals: tuple[int, ...]  # positions that must be capitals in the text

    def matches_case(self, surface: str) -> bool:
        """Capitals of the name must be capitals in the text; short all-caps forms exactly."""
        if self.exact:
            return surface == self.name
        return all(map(str.isupper, map(surface.__getitem__, self.capitals)))


def load_names(path: Path = DATA / "gazetteer.tsv") -> dict[str, ActorName]:
    """Lowercased name -> entry."""
    names = {}
    for name, country, kind, actor in (cells[:4] for cells in read_rows(path, 4)):
        code = country if actor == "-" else actor
        exact = name.isupper() and len(name.replace(".", "")) <= 5
        capitals = tuple(i for i, char in enumerate(name) if char.isupper())
        names[name.lower().replace("’", "'")] = ActorName(name, country, kind, code, exact, capitals)
    return names


class Agents:
    """Agent nouns ("foreign ministry" -> GOV) looked up on tokens after a country mention."""

    def __init__(self, path: Path = DATA / "agents.tsv") -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, role in (c[:2] for c in read_rows(path, 2)):
            key = tuple(words.split())
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

    def after(self, lows: list[str], i: int) -> tuple[str, int] | None:
        """An agent phrase at ``i`` or after at most two modifier words ("junior foreign minister")."""
        by_first = self.by_first
        for j in range(i, min(i + 3, len(lows))):
            low = lows[j]
            found = self.at(lows, j) if low in by_first else None
            if found:
                return found
            if not low.isalpha() or low in FILLER_STOP:
                return None
        return None
