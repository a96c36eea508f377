"""Charges told as reported speech: "Yeltsin said Washington and London had flagrantly violated
the U.N. Charter", "Spain says Morocco broke a long-standing understanding". A wrong that a
speaker says another state did is the speaker's accusation of that state (CAMEO 112, accuse),
and a price it says another state will pay is the speaker's threat ("Netanyahu said Iran would
pay for it": 130). Patterns flagged ``charge`` in ``data/verbs_curated.tsv`` are coded with the
code of their row (``flagged.FlaggedActs``); the speaker is that of ``clauses.speech_head``, said
before the wrong or after it ("..., Spain said"). The same words told by no speaker ("Russia
violated international law") name no second state, and are no event.
"""

from __future__ import annotations

__all__ = ["TOLD_ALONE", "charge_statuses"]

# a charge told by no state (or by no one) that is coded as the act it names: a hack is coercion
# ("North Korea tried to hack into the computers of South Korean officers, officials said")
TOLD_ALONE = {"hack": "170"}


def charge_statuses(code: str) -> frozenset[str]:
    """The statuses of the told clause in which a charge is made: a wrong told as done (an
    accusation), a price told as to come (a threat: "would pay")."""
    return frozenset({"intent"}) if code[:2] == "13" else frozenset({"act", "try"})  # ("had tried to
    # meddle in the election": the attempt is the wrong)

