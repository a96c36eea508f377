"""Reprisals promised: "Moscow would respond to the expulsions", "the Taliban vowed to retaliate
against Pakistan", "Russia will retaliate by reducing Poland's diplomatic presence". An answer
announced before it is given is a threat (CAMEO 13) to whoever it answers; patterns flagged
``reprisal`` in ``data/verbs_curated.tsv`` are read here. The same verb told as done ("Russia
retaliated") names no act of its own: the act it was done by ("by expelling ...") is coded.

The threat's sub-code comes from the words of the verb's phrase after it, the means named or
the act answered in kind: force or war (138, threaten with military force), diplomatic presence
or relations (1313, threaten to reduce or break relations), tariffs, sanctions or trade (1312,
threaten with sanctions or embargo), else 130.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.phrases import SentenceActors
    from agents.coder.refs import ActorRef

__all__ = ["ANSWERED_PREPS", "THREATS", "answered", "reprisal_code"]

ANSWERED_PREPS = frozenset({"to", "against", "for"})  # "respond to X's move", "retaliate against X"
THREATS = frozenset({"intent", "threat"})  # statuses in which a reprisal is a threat
_MEANS: tuple[tuple[str, frozenset[str]], ...] = (
    ("138", frozenset({"military", "militarily", "force", "forces", "war", "armed", "arms", "missile",
                       "missiles", "strike", "strikes", "troops", "weapons", "nuclear", "firepower"})),
    ("1313", frozenset({"diplomatic", "diplomats", "presence", "relations", "ties", "ambassador",
                        "embassy", "consulate", "consular", "envoy", "envoys", "mission"})),
    ("1312", frozenset({"tariff", "tariffs", "sanction", "sanctions", "trade", "duties", "embargo",
                        "reciprocity", "economic", "imports", "exports"})),
)


def reprisal_code(verb: Token) -> str:
    """The CAMEO code of the reprisal ``verb`` promises, from the words of its phrase after it."""
    words = {t.lower_ for t in verb.subtree if t.i > verb.i}
    return next((code for code, means in _MEANS if words & means), "130")


def answered(verb: Token, actors: SentenceActors, resolve: Callable[[Token], list[ActorRef]],
             mine: set[str]) -> list[ActorRef]:
    """The states the reprisal answers: the object of "to/against/for" (a state, its act:
    "Israel's attack", "any Israeli attack", or an act told before: "the expulsions"); none
    when no such object names another state than ``mine`` (the reprisal's authors)."""
    found: list[ActorRef] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ANSWERED_PREPS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found += actors.group(obj, False) or [
                a for t in obj.subtree for a in actors.own(t, False)] or resolve(obj)
    return [a for a in found if a.country and a.country not in mine]
