"""Sentences the coder does not code: sports, entertainment, outbreaks (data/discards*.tsv).

``discards.tsv`` is generated from PETRARCH2's Phoenix.discards.txt (MIT, see its header);
``discards_curated.tsv`` holds ours. A sentence containing any phrase (whole words, any case)
yields no event: "India beat Pakistan by five wickets" is cricket, not an assault.
"""

from __future__ import annotations

from pathlib import Path

import ahocorasick

from agents.coder.lexicon import DATA, read_rows

__all__ = ["Discards"]


class Discards:
    """Phrase lookup over sentences (one automaton pass per sentence).

    Raises ``CoderDataError`` (file and line) on a row with fewer than two columns.
    """

    def __init__(
        self, paths: tuple[Path, ...] = (DATA / "discards.tsv", DATA / "discards_curated.tsv")
    ) -> None:
        self.automaton = ahocorasick.Automaton()
        for path in paths:
            for phrase, _scope in (cells[:2] for cells in read_rows(path, 2)):
                self.automaton.add_word(phrase, len(phrase))
        self.automaton.make_automaton()

    def discarded(self, sentence: str) -> bool:
        """True if a discard phrase stands in ``sentence`` as whole words."""
        low = sentence.lower()
        size = len(low)
        for last, length in self.automaton.iter(low):
            start = last - length + 1
            before = low[start - 1] if start else " "
            after = low[last + 1] if last + 1 < size else " "
            if not before.isalnum() and not after.isalnum():
                return True
        return False
