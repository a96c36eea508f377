"""Force nobody claims: the country where it struck foreigners stands for who used it.

"Ten Russian soldiers were killed in Ukraine", "a roadside bombing near Samarra killed a U.S.
soldier", "three US servicemen were killed by a bomb outside the Iraqi city of Basra": no
actor is named for the attack, and event data (GDELT, the PETRARCH coders) code the country of
the scene against the victims' country (UKR->RUS, IRQ->USA). Only for assault, fighting and
mass violence (CAMEO roots 18-20), only when the victims' country is named and the scene is in
another country, and never for accidents ("killed in a car crash in Mexico").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.phrases import ActorRef, SentenceActors
from agents.coder.words import ACCIDENTS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["UNCLAIMED_ROOTS", "scene_of"]

UNCLAIMED_ROOTS = frozenset({"18", "19", "20"})
SCENE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "on"})
SCENE_KINDS = frozenset({"country", "place", "city", "capital"})


def _agents(verb: Token) -> list[Token]:
    """What did it, when no actor is named: a passive's 'by' object ('by an improvised explosive
    device') or an active verb's subject noun ('a roadside bombing')."""
    out = [o for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
           for o in c.children if o.dep_ == "pobj"]
    return out + [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]


def _scene_objects(prep: Token, depth: int = 2) -> list[Token]:
    """Objects of a place preposition, through 'of' ('outside of the city of Basra')."""
    out: list[Token] = []
    for c in prep.children:
        if c.dep_ == "pobj":
            out.append(c)
            out.extend(o for inner in c.children if inner.dep_ == "prep" and inner.lower_ == "of"
                       and depth > 0 for o in _scene_objects(inner, depth - 1))
        elif c.dep_ == "prep" and c.lower_ == "of" and depth > 0:
            out.extend(_scene_objects(c, depth - 1))
    return out


def _claimed_nearby(verb: Token, actors: SentenceActors) -> bool:
    """A clause of the verb names who struck ('killed in Kyiv when a Russian missile struck')."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "conj")]
    return any(t.i in actors.at for c in clauses for s in c.children if s.dep_ == "nsubj"
               for t in s.subtree)


def scene_of(verb: Token, actors: SentenceActors, victims: list[ActorRef]) -> list[ActorRef]:
    """The scene's country of unclaimed force against ``victims`` (module doc): places named by
    the verb's, its agent's or its subject noun's place prepositions ('in', 'near', 'outside
    of' ...), of another country than every victim; [] for accidents, with no victims or with a
    pronoun subject, or when a clause of the verb names who struck."""
    if not victims or any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children):
        return []  # "they killed ...": someone the coder could not resolve
    if _claimed_nearby(verb, actors):
        return []
    heads = [verb, *_agents(verb)]
    words = {o.lemma_.lower() for h in heads for c in h.children if c.dep_ == "prep"
             for o in c.children if o.dep_ == "pobj"} | {h.lemma_.lower() for h in heads}
    if words & ACCIDENTS:
        return []
    mine = {v.country for v in victims}
    found: dict[str, ActorRef] = {}
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in SCENE_PREPS:
                for obj in _scene_objects(c):
                    found.update((p.country, p) for p in actors.place(obj)
                                 if p.kind in SCENE_KINDS and p.country and p.country not in mine)
    return list(found.values()) if len(found) == 1 else []
