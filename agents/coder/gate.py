"""The cheap gate before the parser: can a sentence hold a trigger at all?

A word admits a sentence alone when it is a surface form of an event noun or of a verb with a
usable pattern that needs no further words ("attacked", "summit"); a form whose patterns all
need words after it ("said" only codes as "said ... ready to") admits it only when one of those
words (or its plural) stands in the sentence too. Most sentences of the news mention a speech
verb; this keeps them from the parser unless a pattern could match. A speech verb with "must"
or "should" ("Britain said Iran must stop enriching uranium") is admitted too: a demand; so is
one with a copula and a word of reproach or virtue ("China said Japan's move was illegal"): a
verdict (``verdicts``).
"""

from __future__ import annotations

import re

from agents.coder.clauses import SPEECH
from agents.coder.patterns import TriggerFinder
from agents.coder.verdicts import BLAMING, GRATEFUL, VIRTUES
from agents.coder.vocab import Vocabulary
from agents.coder.words import REPROACHES

__all__ = ["FORCE_TOLD", "JUDGED_FORCE", "TriggerGate"]

OBLIGATION_WORDS = frozenset({"must", "should"})
COPULAS = frozenset({"is", "was", "were", "are", "been"})
FINDING_FORMS = frozenset({"concluded", "concludes", "found", "finds", "determined", "assessed",
                           "established"})
VERDICT_WORDS = REPROACHES | VIRTUES | BLAMING | {"behind", "blame"}


def _speech_forms() -> frozenset[str]:
    """Surface forms of the speech verbs ('said', 'tells', 'warned')."""
    forms = {"said", "told"}
    for lemma in SPEECH:
        forms.update(_variants(lemma))
        forms.add(lemma + ("d" if lemma.endswith("e") else "ed"))
    return frozenset(forms)


def _variants(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


SPEECH_FORMS = _speech_forms()


class TriggerGate:
    """Surface forms that admit a sentence alone, and those that need a pattern word beside them."""

    def __init__(self, vocab: Vocabulary, finder: TriggerFinder) -> None:
        """Built once from the vocabulary and the finder's usable patterns (``TriggerFinder``)."""
        self.alone: set[str] = set()
        self.needs: dict[str, set[str]] = {}
        verbs = vocab.lemmas()
        for form, lemmas in vocab.surface_forms().items():
            first = form.split(" ")[0]
            for lemma in lemmas:
                rows = finder.usable(lemma) if lemma in verbs else vocab.nominal.get(lemma, ())
                if any(not p.post for p in rows) or lemma in vocab.nominal:
                    self.alone.add(first)
                for p in rows:
                    if p.post:
                        word = p.post[0].split("_")[0]  # ("persona_non_grata": see parse.PARSE_ALIASES)
                        self.needs.setdefault(first, set()).update(_variants(word))

    def admits(self, words: set[str]) -> bool:
        """True if the sentence's lowercased ``words`` may hold a trigger."""
        if not words.isdisjoint(self.alone):
            return True
        if not words.isdisjoint(OBLIGATION_WORDS) and not words.isdisjoint(SPEECH_FORMS):
            return True
        if words & (SPEECH_FORMS | FINDING_FORMS) and words & COPULAS and words & VERDICT_WORDS:
            return True
        if words & COPULAS and words & GRATEFUL:  # "Brazil was grateful to Uruguay"
            return True
        return any(not words.isdisjoint(self.needs[w]) for w in words if w in self.needs)


# an act of force a later sentence judges ("Jordan condemned the raid"): the sentences before it
# that tell an act of force with its author alone ("Israeli troops raided the mosque") are parsed
# for its author (``discourse.Discourse.acted``)
JUDGED_FORCE = re.compile(
    r"\b(?:condemn|denounc|criticis|criticiz|deplor|decri|slamm|call|describ|term)\w*\s+"
    r"(?:[\w'\-]+\s+){0,4}?(?:the|this|that|these|those)\s+(?:[a-z\-]+\s+)?"
    r"(?:attack|strike|incursion|shelling|bombing|raid|downing|killing|seizure|drill|exercise|deployment)s?\b")
FORCE_TOLD = re.compile(
    r"\b(?:attack|strik|struck|bomb|shell|raid|storm|fire|fired|shot|shoot|launch|invad|seiz|detain|arrest|"
    r"deploy|drill|kill|hit|down)\w*", re.IGNORECASE)
