"""The CAMEO code table (data/cameo_codes.tsv), the data-file reader and verb inflection."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agents.coder.exceptions import CoderDataError

__all__ = ["CameoEntry", "inflect", "load_cameo", "read_rows"]

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One CAMEO code with its weight and quad class."""

    code: str
    root: str
    name: str
    goldstein: float
    quad: int


def read_rows(path: Path, columns: int) -> list[list[str]]:
    """Tab-separated rows of a data file, skipping blank and ``#`` lines."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise CoderDataError(f"{path.name}:{number}: expected {columns} columns: {line!r}")
        rows.append(cells)
    return rows


def load_cameo(path: Path = DATA / "cameo_codes.tsv") -> dict[str, CameoEntry]:
    """Code -> entry, from the CAMEO codebook table."""
    table = {}
    for cells in read_rows(path, 5)[1:]:
        code, root, name, goldstein, quad = cells[:5]
        table[code] = CameoEntry(code, root, name, float(goldstein), int(quad))
    return table


def _regular(word: str) -> list[str]:
    if word.endswith("e"):
        return [word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return [word + "es", word + "ed", word + "ing"]
    if _doubles(word):
        return [word + "s", word + word[-1] + "ed", word + word[-1] + "ing"]
    return [word + "s", word + "ed", word + "ing"]


def _british(word: str) -> list[str]:
    """British doubling of a final l after one vowel: travel -> travelled, travelling (and the
    American forms, which ``_regular`` gives, stay)."""
    if len(word) >= 4 and word.endswith("l") and word[-2] in "aeiou":  # (initial, fuel too)
        return [word + "led", word + "ling"]
    return []


def _doubles(word: str) -> bool:
    """CVC monosyllables double their last consonant (ship -> shipped)."""
    vowels = "aeiou"
    return (
        len(word) >= 3
        and word[-1] not in vowels + "wxy"
        and word[-2] in vowels
        and word[-3] not in vowels
        and sum(c in vowels for c in word) == 1
    )


def inflect(verb: str) -> list[str]:
    """All surface forms of a verb field: ``meet|met|met`` or ``turn down`` or ``!a|b``."""
    if verb.startswith("!"):
        return verb[1:].split("|")
    parts = verb.split("|")
    lemma = parts[0]
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {lemma, *(form + tail for form in _regular(head) + _british(head))}
    for irregular in parts[1:]:
        forms.add(irregular if " " in irregular else irregular + tail)
    regular_past = _regular(head)[1] + tail
    if len(parts) > 1 and regular_past not in {p if " " in p else p + tail for p in parts[1:]}:
        forms.discard(regular_past)
    return sorted(forms)
