"""Sentences the coder does not code: sports, entertainment, outbreaks (data/discards*.tsv).

``discards.tsv`` is generated from PETRARCH2's Phoenix.discards.txt (MIT, see its header);
``discards_curated.tsv`` holds ours. A sentence containing any phrase (whole words, any case)
yields no event: "India beat Pakistan by five wickets" is cricket, not an assault; so does a
sentence with a match's score or margin beside a verb of winning ("defeated Japan 2-1"). A phrase
of scope ``keep`` cancels the discards inside it: "in the final" is a match report, "in the
final status talks" is diplomacy. A curated phrase of scope ``drop`` removes a generated one:
"Japan sent relief supplies to the Philippines after the typhoon" is aid, not weather.
"""

from __future__ import annotations

import re
from pathlib import Path

import ahocorasick

from agents.coder.lexicon import DATA, read_rows

__all__ = ["Discards"]

# a match's result: a score, a margin or a round beside a verb of winning ("defeated Japan 2-1
# in a friendly", "beat Australia by 184 runs", "beating hosts France by one point in the
# quarter-finals")
_RESULT = re.compile(r"\b(?:beat|beats|beaten|beating|defeat|defeats|defeated|defeating|won|wins|"
                     r"winning|lost|loses|losing|drew|draws|edged|thrashed|routed|held)\b")
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b|\bby (?:\d+|one|two|three|a single) (?:runs?|wickets?|"
                    r"goals?|points?|tries|try)\b|\bin (?:overtime|extra time|a friendly|a "
                    r"penalty shoot-?out|the (?:quarter-?finals?|semi-?finals?|group stage))\b")


class Discards:
    """Phrase lookup over sentences (one automaton pass per sentence).

    Raises ``CoderDataError`` (file and line) on a row with fewer than two columns.
    """

    def __init__(
        self, paths: tuple[Path, ...] = (DATA / "discards.tsv", DATA / "discards_curated.tsv")
    ) -> None:
        self.automaton = ahocorasick.Automaton()
        for path in paths:
            for phrase, scope in (cells[:2] for cells in read_rows(path, 2)):
                if scope == "drop":
                    self.automaton.remove_word(phrase)
                else:
                    self.automaton.add_word(phrase, (len(phrase), scope == "keep"))
        self.automaton.make_automaton()

    def discarded(self, sentence: str) -> bool:
        """True if a discard phrase stands in ``sentence`` as whole words, outside every
        ``keep`` phrase."""
        low = sentence.lower()
        if _SCORE.search(low) and _RESULT.search(low):
            return True  # a match report
        size = len(low)
        found: list[tuple[int, int]] = []
        kept: list[tuple[int, int]] = []
        for last, (length, keep) in self.automaton.iter(low):
            start = last - length + 1
            before = low[start - 1] if start else " "
            after = low[last + 1] if last + 1 < size else " "
            if not before.isalnum() and not after.isalnum():
                (kept if keep else found).append((start, last))
        return any(not any(k0 <= s and e <= k1 for k0, k1 in kept) for s, e in found)
