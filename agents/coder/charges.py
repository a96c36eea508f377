"""Charges told as reported speech: "Yeltsin said Washington and London had flagrantly violated
the U.N. Charter", "Spain says Morocco broke a long-standing understanding". A wrong that a
speaker says another state did is the speaker's accusation of that state (CAMEO 112, accuse),
and a price it says another state will pay is the speaker's threat ("Netanyahu said Iran would
pay for it": 130). Patterns flagged ``charge`` in ``data/verbs_curated.tsv`` are read here, with
the code of their row. The same words told by no speaker ("Russia violated international law")
name no second state, and are no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.clauses import speech_head
from agents.coder.syntax import first_conjunct

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["charge_statuses", "charged_by"]


def charge_statuses(code: str) -> frozenset[str]:
    """The statuses of the told clause in which a charge is made: a wrong told as done (an
    accusation), a price told as to come (a threat: "would pay")."""
    return frozenset({"intent"}) if code[:2] == "13" else frozenset({"act"})


def charged_by(tok: Token) -> Token | None:
    """The speech verb whose complement tells the wrong ``tok`` (said before it or after it:
    "..., Spain said"), or None when ``tok`` is told by nobody."""
    clause = first_conjunct(tok)
    if clause.dep_ != "ccomp":
        return None
    return speech_head(tok, trailing=True)
