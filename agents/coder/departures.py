"""Envoys made to leave: "The Estonian ambassador was ordered to leave Russia", "The ambassador
must leave the territory of the Russian Federation", "Russian Ambassador Lipayev would also have
to leave Estonia". The state left expels the envoy's state (CAMEO 174, whatever the modal: the
departure is decided). Patterns flagged ``leave`` in ``data/verbs_curated.tsv`` are read here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from agents.coder.cues import ENVOYS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.phrases import SentenceActors
    from agents.coder.refs import ActorRef

__all__ = ["OBLIGING", "departure"]

# verbs that make the one they name leave ("was ordered to leave", "were told to leave")
OBLIGING = frozenset({"order", "tell", "ask", "instruct", "require", "force", "give", "direct"})
_MODALS = frozenset({"must"})


def _obliged(leave: Token) -> Token | None:
    """The verb whose subject is obliged to leave: ``leave`` itself under "must", "have" in "has
    to leave", the obliging verb of "was ordered to leave"; None for a departure by choice."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in leave.children):
        return leave
    head = leave.head
    if leave.dep_ == "xcomp" and head.lemma_.lower() == "have":
        return head
    if leave.dep_ == "xcomp" and head.lemma_.lower() in OBLIGING:
        return head if any(c.dep_ == "nsubjpass" for c in head.children) else None
    return None


def _envoy_states(verb: Token, actors: SentenceActors) -> list[ActorRef]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    envoy = [s for s in subjects if any(t.lemma_.lower() in ENVOYS for t in s.subtree)]
    return [a for s in envoy for a in actors.group(s, False) if a.country]


def departure(leave: Token, actors: SentenceActors,
              resolve: Callable[[Token], list[ActorRef]]) -> list[tuple[ActorRef, ActorRef]]:
    """(state left, envoy's state) pairs of an envoy obliged to leave, or none. The place left
    is the object of 'leave' ("Russia", "the territory of the Russian Federation", "the
    country": the state named before)."""
    verb = _obliged(leave)
    if verb is None:
        return []
    envoys = _envoy_states(verb, actors)
    places: list[ActorRef] = []
    for obj in (c for c in leave.children if c.dep_ == "dobj"):
        places += [a for a in actors.place(obj) if a.country] or [
            a for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for a in actors.place(o) if a.country]
        places += [] if places else [a for a in resolve(obj) if a.country]
    return [(p, e) for p in places[:1] for e in envoys if p.country != e.country]
