"""Agent nouns of PETRARCH2's ``Phoenix.agents.txt`` that add to ours (``agents.tsv``).

Format (``dictionaries.rst``): ``WORDS [~CODE]`` (underscores join words), ``!SET!`` substitution
sets (``!PERSON!`` = man, men, woman, women, person), ``{PLURAL}`` an irregular plural, ``{}`` no
plural, otherwise PETRARCH forms the regular plural itself; ``MINIST`` is a stem (minister,
ministers, ministry, ministries). Kept: rows whose code starts with a role our ``agents.tsv``
already uses (GOV, MIL, REB, OPP, BUS, CVL, JUD, COP, MED, LEG, EDU, SPY, ELI, REF), as that
role; words already in ``agents.tsv`` are left to it. Used by ``scripts/build_actors.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["agent_rows"]

ROLES = frozenset(
    ["GOV", "MIL", "REB", "OPP", "BUS", "CVL", "JUD", "COP", "MED", "LEG", "EDU", "SPY", "ELI", "REF"]
)
LINE = re.compile(r"^(?P<words>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")
PREPOSITIONS = frozenset(["of", "for", "and", "in", "to", "the", "on", "at", "with"])
STEMS = {"minist": ("minister", "ministers", "ministry", "ministries")}


def _sets(lines: list[str]) -> dict[str, list[str]]:
    found = {}
    for line in lines:
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            found[name.strip().lower()] = [v.strip().lower() for v in values.split(",") if v.strip()]
    return found


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


def _forms(words: str, plural: str | None, sets: dict[str, list[str]]) -> set[str]:
    """Surface forms of one phrase: sets substituted, stems expanded, plurals added."""
    text = words.lower().replace("_", " ").strip()
    found = {text}
    for name, values in sets.items():
        if re.search(re.escape(name) + r"[a-z]", text):
            return set()  # a set inside a word (ADMINIST!MINIST!RATION): not a phrase
        if name in text:
            found = {f.replace(name, v) for f in found for v in values}
            plural = plural if plural is not None else ""  # the set lists its plurals
    found = {" ".join(f.split()) for f in found}
    expanded = set()
    for form in found:
        head, _, last = form.rpartition(" ")
        for word in STEMS.get(last, (last,)):
            expanded.add(f"{head} {word}".strip())
    if plural is None:  # regular plural of a plain noun phrase ("minister for finance" has none)
        plain = {f for f in expanded if PREPOSITIONS.isdisjoint(f.split())}
        expanded |= {_plural(f) for f in plain if not f.endswith(("s", "men", "ies"))}
    elif plural:
        expanded.add(plural.lower().replace("_", " "))
    return {f for f in expanded if re.fullmatch(r"[a-z][a-z' -]*[a-z]", f)}


def agent_rows(source: Path, ours: Path) -> list[tuple[str, str]]:
    """(words, role) rows of ``source`` not in ``ours``, sorted; the first role of a phrase wins."""
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    sets = _sets(lines)
    mine = {line.split("\t")[0] for line in ours.read_text(encoding="utf-8").splitlines() if "\t" in line}
    rows: dict[str, str] = {}
    for line in lines:
        match = LINE.match(line)
        if not match or match["code"][:3] not in ROLES:
            continue
        for form in _forms(match["words"], match["plural"], sets):
            if form not in mine:
                rows.setdefault(form, match["code"][:3])
    return sorted(rows.items())
