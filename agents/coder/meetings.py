"""Who presides over a meeting rather than takes part in it: "held talks, with Turkey's
Fidan mediating", "with US mediation", "with the minister in the chair", "with Qatar as
mediator". The presider is no party to the talks; it mediates for each party (CAMEO 045)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.refs import ActorRef

__all__ = ["PRESIDING", "presiders", "presides"]

PRESIDING = frozenset({"mediate", "mediating", "mediation", "chair", "chairing", "preside", "presiding",
                       "facilitate", "facilitating", "facilitation", "moderate", "moderating",
                       "broker", "brokering", "mediator", "facilitator", "host"})


def presides(obj: Token) -> bool:
    """A 'with' object that names who presides over a meeting, not a party to it: "with Fidan
    mediating", "with US mediation", "with the minister in the chair", "with Qatar as mediator"."""
    if obj.lemma_.lower() in PRESIDING or obj.lower_ in PRESIDING:
        return True
    for c in obj.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in PRESIDING:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "as") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in PRESIDING for o in c.children):
            return True
    return False


def presiders(tok: Token, countries: list[ActorRef]) -> list[ActorRef]:
    """The ``countries`` (actors of the sentence) named in a 'with' object of the meeting
    ``tok`` (its verb, its object noun, or the verb it is the object of) that ``presides``."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    verbs += [tok.head] if tok.dep_ == "dobj" else []
    objs = [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj" and presides(o)]
    return [r for o in objs for r in countries if o.left_edge.i <= r.head <= o.right_edge.i]
