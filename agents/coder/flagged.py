"""Acts whose pattern row carries a flag that codes them apart (``data/verbs_curated.tsv``):
``leave`` (an envoy obliged to leave: the expulsion, ``departures``), ``reprisal`` (an answer
promised: a threat, ``reprisals``) and ``charge`` (a wrong or a price told by a speaker: the
speaker's accusation or threat, ``charges``). ``events.TriggerCoding`` asks here first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.charges import charge_statuses
from agents.coder.clauses import speech_head
from agents.coder.departures import departure
from agents.coder.found import Found, confidence
from agents.coder.nominal import NounEvents
from agents.coder.reprisals import THREATS, answered, reprisal_code

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FlaggedActs"]


class FlaggedActs(NounEvents):
    """The flagged readings of one trigger (``status`` set by the caller before they are read)."""

    def _flagged(self, tok: Token) -> list[Found] | None:
        """The dyads of a flagged act (none when its status rules it out), or None when the
        trigger's pattern carries none of these flags."""
        if "leave" in self.flags:  # "the ambassador must leave Russia": Russia expels him
            return self._departure(tok) if self.status not in ("off", "refuse") else []
        if "reprisal" in self.flags:  # "Moscow would respond to the expulsions": a threat
            return self._reprisal(tok) if self.status in THREATS else []
        if "charge" in self.flags:  # "Spain says Morocco broke the understanding": Spain accuses
            return self._charge(tok) if self.status in charge_statuses(self.trig.pattern.code) else []
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

    def _charge(self, tok: Token) -> list[Found]:
        """``charges``: a wrong a speaker says another state did (the speaker's accusation), or a
        price it says another state will pay (the speaker's threat)."""
        speakers = self._subjects(head) if (head := speech_head(tok, trailing=True)) is not None else []
        mine = {s.country for s in speakers}
        return [Found(s, t, self.trig.pattern.code, confidence(0.8, s, t), tok.i, tok.i + 1, "parse")
                for s in speakers for t in self._subjects(tok)
                if s.country and t.country and t.country not in mine]
