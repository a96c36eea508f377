"""One coded dyad of a sentence (``Found``) and how sure the coder is of it.

``confidence`` starts from how the dyad was found (``PATH_WEIGHT``: the parse, a joint act of
coordinated subjects, a speaker, a fallback) and the trigger (a verb 0.9, an event noun 0.75),
and is lowered for each side named only indirectly (``SIDE_WEIGHT``: a possessor, a city, a
capital, a demonym; a pronoun or "the nation": 0.8).
"""

from __future__ import annotations

from dataclasses import dataclass

from agents.coder.refs import ActorRef

__all__ = ["PATH_WEIGHT", "SIDE_WEIGHT", "Found", "confidence", "is_state", "private_envoy"]

PRIVATE_ROLES = frozenset({"CVL", "MED", "BUS", "EDU", "REF", "NGO"})  # not a state's agents
PATH_WEIGHT = {"parse": 1.0, "joint": 0.95, "speaker": 0.8, "fallback": 0.6}

SIDE_WEIGHT = {"possessor": 0.85, "city": 0.8, "capital": 0.9, "demonym": 0.85}


@dataclass(slots=True)
class Found:
    """One coded dyad: source and target actors, CAMEO code, confidence, evidence span, path."""

    source: ActorRef
    target: ActorRef
    code: str
    confidence: float
    start: int  # token range of the evidence trigger
    end: int
    path: str  # parse | joint | speaker | coref


def is_state(actor: ActorRef) -> bool:
    """A state speaking: a country, its capital or seat of power, a leader or a government."""
    return actor.kind in ("country", "capital", "seat", "leader") or actor.actor[3:6] == "GOV"


def private_envoy(source: ActorRef, code: str) -> bool:
    """Tourists, students or firms visiting or praising a country make no diplomacy: the
    source of a consultation or of diplomatic cooperation (roots 04, 05) is a state's."""
    return code[:2] in ("04", "05") and source.actor[3:6] in PRIVATE_ROLES


def confidence(base: float, *sides: ActorRef) -> float:
    """``base`` lowered for each side named indirectly, to two places (0..1)."""
    for side in sides:
        base *= 0.8 if side.coref else 1.0
        base *= SIDE_WEIGHT.get(side.kind, 1.0)
    return round(base, 2)
