"""Prisoner exchanges told by one release: "Russia released U.S. basketball star Brittney Griner
in exchange for Viktor Bout, the Russian arms dealer". The state of the one released freed the
one it was exchanged for: a second release (CAMEO 0841), to the state of that one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.phrases import SentenceActors
    from agents.coder.refs import ActorRef

__all__ = ["SWAP_NOUNS", "exchanged_for"]

MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
SWAP_NOUNS = frozenset({"exchange", "return", "swap"})  # "in exchange for", "in return for"


def exchanged_for(verb: Token, actors: SentenceActors) -> list[ActorRef]:
    """The states of those a release ``verb`` was made "in exchange for" ("in exchange for an
    Iranian diplomat", "in return for Khan Mohammad, an Afghan"); [] if none is told."""
    found: list[ActorRef] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lower_ in SWAP_NOUNS):
            for_ = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"]
            found += [a for p in for_ for o in p.children if o.dep_ == "pobj" for a in _nationals(o, actors)]
    return found


def _nationals(person: Token, actors: SentenceActors) -> list[ActorRef]:
    """The state of a person named with a nationality, here or in apposition ("Viktor Bout, the
    Russian arms dealer", "Khan Mohammad, an Afghan"); not places told of them ("jailed in
    Belgium")."""
    named = actors.group(person, False)
    if named:
        return named
    heads = [person, *(c for c in person.children if c.dep_ == "appos")]
    words = [w for h in heads for w in (h, *(c for c in h.children if c.dep_ in MODIFIERS))]
    return [ref for w in words if (ref := actors.at.get(w.i)) is not None
            and ref.kind in ("demonym", "country")][:1]
