"""Names of a country that do not name the state: a first name ('Jordan Mills'), a US state
('the Georgia state legislature'), a firm ('Turkish Airlines'), a sea ('the Sea of Japan'); and
people titled by an organisation's office, who act for it, not for their country."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.firms import names_a_firm
from agents.coder.refs import (
    CALENDAR,
    ORGANISATION_KINDS,
    US_STATE_CUES,
    US_STATE_NAMES,
    ActorRef,
    AgentNouns,
    after_us_city,
)
from agents.coder.words import COMPANY, WATERS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["not_the_country", "office_of_organisation"]


def not_the_country(doc: Doc, at: dict[int, ActorRef], agents: AgentNouns, ref: ActorRef) -> bool:
    """A first name ('Jordan Mills'), a US state ('the Georgia state legislature'), a company,
    a sea or gulf ('the Sea of Japan', 'the South China Sea', 'the Persian Gulf'); ``at`` maps
    token indices to the sentence's actors."""
    nxt = doc[ref.i1] if ref.i1 < len(doc) else None
    of_water = ref.i0 >= 2 and doc[ref.i0 - 1].lower_ == "of" and doc[ref.i0 - 2].lower_ in WATERS
    if of_water or (nxt is not None and nxt.lower_ in WATERS):
        return True
    if nxt is None or ref.kind not in ("country", "capital", "demonym"):
        return False
    if nxt.lower_ in COMPANY and nxt.is_title:  # "Turkish Airlines", not "Indian airlines"
        return True
    if names_a_firm(doc, ref):  # "German plastics maker Covestro", "Abu Dhabi National Oil Co"
        return True
    cue = doc[ref.i1 + 1] if nxt.lower_ == "'s" and ref.i1 + 1 < len(doc) else nxt
    if doc[ref.i0].lower_ in US_STATE_NAMES and (cue.lower_ in US_STATE_CUES or after_us_city(doc, ref)):
        return True
    if not (nxt.pos_ == "PROPN" and nxt.is_title and ref.i1 - ref.i0 == 1 and ref.kind == "country"):
        return False
    if nxt.lower_ in CALENDAR:
        return False
    names = [t for t in doc[ref.i1 : ref.i1 + 3] if t.pos_ == "PROPN" and t.is_title]
    return all(agents.role(doc, t) is None and t.i not in at for t in names)


def office_of_organisation(doc: Doc, at: dict[int, ActorRef], ref: ActorRef) -> bool:
    """A person titled by an organisation's office acts for it, not for his country
    ('African Union Commission chairperson Moussa Faki', 'UN envoy Staffan de Mistura')."""
    if ref.kind != "person":
        return False
    for tok in doc[max(0, ref.i0 - 6) : ref.i0]:
        org = at.get(tok.i)
        if org is None or org.kind not in ORGANISATION_KINDS:
            continue
        head = tok
        while head.dep_ in ("compound", "amod", "nmod") and head.i < ref.i0:
            head = head.head
        if ref.i0 <= head.i < ref.i1:
            return True
    return False
