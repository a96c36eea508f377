"""Acts whose pattern row carries a flag that codes them apart (``data/verbs_curated.tsv``):
``leave`` (an envoy obliged to leave: the expulsion, ``departures``), ``reprisal`` (an answer
promised: a threat, ``reprisals``) and ``charge`` (a wrong or a price told by a speaker: the
speaker's accusation or threat, ``charges``); force used in cyberspace is read as a charge
(``force.cyber``). ``events.TriggerCoding`` asks here first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.charges import TOLD_ALONE, charge_statuses
from agents.coder.clauses import speech_head
from agents.coder.departures import departure
from agents.coder.force import cyber
from agents.coder.found import Found, confidence
from agents.coder.nominal import FORCE_ROOTS, NounEvents
from agents.coder.reprisals import THREATS, answered, reprisal_code

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FlaggedActs"]


class FlaggedActs(NounEvents):
    """The flagged readings of one trigger (``status`` set by the caller before they are read)."""

    told_alone: str | None = None  # the code of a charge told by no state, coded as the act

    def _flagged(self, tok: Token) -> list[Found] | None:
        """The dyads of a flagged act (none when its status rules it out), or None when the
        trigger's pattern carries none of these flags."""
        if self.trig.pattern.code[:2] in FORCE_ROOTS and cyber(tok):  # "hackers attacked Germany in
            return self._charge(tok, "112") if self.status in ("act", "try") else []  # cyberspace"
        if "leave" in self.flags:  # "the ambassador must leave Russia": Russia expels him
            return self._departure(tok) if self.status not in ("off", "refuse") else []
        if "reprisal" in self.flags:  # "Moscow would respond to the expulsions": a threat
            return self._reprisal(tok) if self.status in THREATS else []
        if "charge" in self.flags:  # "Spain says Morocco broke the understanding": Spain accuses
            if self.status not in charge_statuses(self.trig.pattern.code):
                return []
            charged = self._charge(tok)
            self.told_alone = None if charged else TOLD_ALONE.get(tok.lemma_.lower())
            return None if self.told_alone else charged  # (no state's charge: the act itself)
        return None

    def _departure(self, tok: Token) -> list[Found]:
        """``departures.departure``: an envoy obliged to leave, coded as the expulsion (174)."""
        return [Found(s, t, self.trig.pattern.code, confidence(0.85, s, t), tok.i, tok.i + 1, "parse")
                for s, t in departure(tok, self.actors, self.resolve)]

    def _reprisal(self, tok: Token) -> list[Found]:
        """``reprisals``: a reprisal promised, a threat to the state it answers (else to the one
        other state of the verb's phrase)."""
        subjects = self._subjects(tok)
        mine = {s.country for s in subjects}
        targets = answered(tok, self.actors, self.resolve, mine) or self._nearby(tok, subjects)
        code = reprisal_code(tok)
        return [Found(s, t, code, confidence(0.8, s, t), tok.i, tok.i + 1, "parse")
                for s in subjects for t in targets if s.country and t.country and t.country != s.country]

    def _charge(self, tok: Token, code: str | None = None) -> list[Found]:
        """``charges``: a wrong a speaker says another state did (the speaker's accusation), or a
        price it says another state will pay (the speaker's threat); ``code``: the row's if None."""
        code = code or self.trig.pattern.code
        head = speech_head(tok, trailing=True)
        if head is None and tok.dep_ == "xcomp":  # "said Russia had tried to meddle in the vote"
            head = speech_head(tok.head, trailing=True)
        if head is not None and head.pos_ not in ("VERB", "AUX"):
            head = None  # ("a media report that Brazil had hacked ...": no state speaks)
        speakers = self._subjects(head) if head is not None else []
        mine = {s.country for s in speakers}
        return [Found(s, t, code, confidence(0.8, s, t), tok.i, tok.i + 1, "parse")
                for s in speakers for t in self._subjects(tok)
                if s.country and t.country and t.country not in mine]
