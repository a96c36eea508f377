"""Read PETRARCH2 / Phoenix actor dictionaries (TABARI format) into plain records.

Source: openeventdata/petrarch2, ``petrarch2/data/dictionaries/``, commit
676801cd9cb2924bbbad09f86d15c9323e7097bf (MIT licence), vendored in
``../shared/vendor/petrarch2-dictionaries`` (syntax in its ``dictionaries.rst``).

A record is a primary phrase, its ``+`` synonyms and its ``[CODE]`` / ``[CODE range]``
restrictions (on the phrase lines or on following tab-indented lines). Ranges are
``YYMMDD-YYMMDD``, ``<YYMMDD`` (before, inclusive) or ``>YYMMDD`` (after, inclusive); two-digit
years 00-29 are read as 20xx, 30-99 as 19xx (PETRARCH's rule); eight-digit dates are YYYYMMDD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["Record", "Restriction", "proper_case", "read_records"]

SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
BRACKET = re.compile(r"\[([^\]]*)\]")
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "at",
        "ash",
        "bin",
        "ibn",
        "bint",
        "de",
        "da",
        "das",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "di",
        "la",
        "le",
        "van",
        "von",
        "y",
        "the",
        "of",
        "and",
        "for",
    ]
)
ABBREVIATIONS = frozenset(["US", "UK", "UN", "EU", "AU", "NATO", "USA"])


@dataclass(frozen=True, slots=True)
class Restriction:
    """One ``[CODE range]``: the code and its inclusive validity (None = unbounded)."""

    code: str
    start: date | None
    end: date | None
    dated: bool


@dataclass(slots=True)
class Record:
    """One dictionary entry: its phrases (primary first), restrictions and comment."""

    phrases: list[str]
    restrictions: list[Restriction] = field(default_factory=list)
    comment: str = ""


def parse_date(text: str) -> date:
    """``YYMMDD`` or ``YYYYMMDD`` -> date; invalid month/day fall back to 1. Raises ValueError."""
    digits = text.strip()
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
    elif len(digits) == 8:
        year = int(digits[:4])
    else:
        raise ValueError(f"bad PETRARCH date {text!r}")
    month, day = int(digits[-4:-2]), int(digits[-2:])
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, min(max(month, 1), 12), 1)


def parse_restriction(body: str) -> Restriction | None:
    """``CODE``, ``CODE a-b``, ``CODE <a``, ``CODE >a`` -> Restriction; None if empty or unreadable."""
    parts = body.split()
    if not parts or not parts[0].isalnum():
        return None
    code, span = parts[0], "".join(parts[1:])
    try:
        if not span:
            return Restriction(code, None, None, False)
        if span.startswith("<"):
            return Restriction(code, None, parse_date(span[1:]), True)
        if span.startswith(">"):
            return Restriction(code, parse_date(span[1:]), None, True)
        first, last = span.split("-")
        return Restriction(code, parse_date(first), parse_date(last), True)
    except ValueError:
        return None


def _split_line(line: str) -> tuple[str, list[Restriction], str]:
    """A line -> (phrase text, restrictions on it, comment)."""
    cut = min((i for i in (line.find("#"), line.find(";")) if i >= 0), default=len(line))
    text, comment = line[:cut], line[cut:].lstrip("#; ").strip()
    found = [parse_restriction(m) for m in BRACKET.findall(text)]
    phrase = BRACKET.sub(" ", text).strip()
    return phrase, [r for r in found if r is not None], comment


def read_records(path: Path) -> list[Record]:
    """All records of a TABARI-format actor dictionary, in file order."""
    records: list[Record] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        phrase, restrictions, comment = _split_line(raw)
        if raw[0] in " \t" and not phrase:
            if records:
                records[-1].restrictions.extend(restrictions)
        elif raw.startswith("+"):
            if records and phrase.strip("+ "):
                records[-1].phrases.append(phrase.lstrip("+").strip())
                records[-1].restrictions.extend(restrictions)
        elif phrase and _same_block(records, phrase, restrictions):
            records[-1].phrases.append(phrase)  # "BORIS_YELTSIN_" then "PRESIDENT_BORIS_YELTSIN"
            records[-1].restrictions.extend(restrictions)  # then the dates: one person's names
        elif phrase:
            records.append(Record([phrase], restrictions, comment))
    return records


def _same_block(records: list[Record], phrase: str, restrictions: list[Restriction]) -> bool:
    """A primary line that continues the record before it: that record has no code or date of
    its own yet, this line has none either, and the two share a name (PETRARCH2's country actors
    list some people's spellings as primary lines over one block of dates, without "+")."""
    if not records or records[-1].restrictions or restrictions:
        return False
    words = {w for p in records[-1].phrases for w in _words(p)}
    return bool(words & _words(phrase))


def _words(phrase: str) -> set[str]:
    return {w for w in re.split(r"[_\s]+", phrase.upper()) if len(w.strip(".")) > 2}


def proper_case(phrase: str) -> str:
    """``GEORGE_H._W._BUSH_`` -> ``George H. W. Bush``; particles lower (``al-Assad``), US/UN kept."""
    words = phrase.replace("_", " ").split()
    return " ".join(_word(word) for word in words)


def _word(word: str) -> str:
    upper = word.upper()
    if upper in ABBREVIATIONS or ("." in upper and len(upper.replace(".", "")) <= 2):
        return upper
    parts = re.split(r"([-'])", word.lower())
    out = []
    for i, part in enumerate(parts):
        keep_low = part in PARTICLES and (i + 1 < len(parts) and parts[i + 1] == "-")
        keep_low = keep_low or (i > 0 and parts[i - 1] == "'" and len(part) <= 1)  # children's
        out.append(part if keep_low or part in "-'" else part[:1].upper() + part[1:])
    text = "".join(out)
    return text.lower() if word.lower() in PARTICLES else text
