"""Acts told with another: the broker's mediation for each party of talks it chairs or a deal
it brokered ("with Fidan mediating", "a U.S.-brokered agreement": 045 to each party, the broker
no party itself); the second release of a prisoner exchange ("released Griner in exchange for
Bout, the Russian arms dealer"); the visit of a visitor hosted ("Merz hosted Tusk": 042) and the
hosting of an office-holder's arrival ("Erdogan arrived in Athens": 043); the accusation a
denial answers, when its accuser is named ("rejected accusations by Darmanin that it had
forged ties": France accused Azerbaijan, 112).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.found import private_envoy
from agents.coder.memory import someone
from agents.coder.swaps import exchanged_for
from agents.coder.words import ARRIVALS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.phrases import SentenceActors
    from agents.coder.refs import ActorRef

__all__ = ["companions"]

CHARGES = frozenset({"accusation", "allegation", "claim", "charge"})  # what a denial answers

Pair = tuple["ActorRef", "ActorRef"]


def companions(tok: Token, code: str, pairs: list[Pair], chairs: list[ActorRef],
               actors: SentenceActors, noun: bool) -> list[tuple[ActorRef, ActorRef, str]]:
    """The (source, target, code) of the act ``code`` of trigger ``tok`` over ``pairs``, less
    pairs with a presider in ``chairs``, and the acts told with it (see the module doc)."""
    coded = [(s, t, code) for s, t in pairs]
    if chairs:
        held = {c.country for c in chairs}  # (who chairs is no party: "talks chaired by X")
        coded = [(s, t, c) for s, t, c in coded if s.country not in held and t.country not in held]
        parties = {r.country: r for pair in pairs for r in pair if r.country not in held}
        coded += [(p, r, "045") for p in chairs for r in parties.values()]
    if noun:
        return coded
    if code[:3] == "084":  # "released Griner in exchange for Bout, the Russian arms dealer": the
        coded += [(t, z, "0841") for _, t in pairs  # US freed Bout
                  for z in exchanged_for(tok, actors) if z.country != t.country]
    if code == "043":  # "Merz hosted Tusk in Berlin": Tusk visited
        coded += [(t, s, "042") for s, t in pairs if (t, s) not in pairs]
    if code == "016" and any(c.dep_ == "dobj" and c.lemma_.lower() in CHARGES for c in tok.children):
        coded += [(t, s, "112") for s, t in pairs if not t.coref]  # ("rejected Germany's accusation")
    if code == "042" and tok.lemma_.lower() in ARRIVALS:  # "Erdogan arrived in Athens": Greece
        coded += [(t, s, "043") for s, t in pairs if (t, s) not in pairs and someone(s)  # hosts
                  and not private_envoy(s, code)]  # him (an office-holder; not "a Kenyan
    return coded  # activist arrived in ...")
