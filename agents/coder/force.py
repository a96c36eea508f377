"""Cues of force in the parse around a trigger: force aimed at someone ("fired missiles at X"),
force that answers force ("returned fire", "struck back"), "struck a deal" (no strike), and
objects of force words that no force reaches ("fought a trade war", "overcame the impasse").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.cues import DOCUMENTS
from agents.coder.words import ABSTRACT_OBSTACLES, NONVIOLENT_WARS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["aimed", "answers", "cyber", "dealt", "no_force", "ordered"]

AIMED = frozenset({"on", "against", "at", "into"})


def aimed(tok: Token) -> bool:
    """The act names something it is aimed at ('strikes on Houthi targets'): not a joint act."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in AIMED for h in heads for c in h.children)


def dealt(tok: Token) -> bool:
    """'strike' of a deal, not an attack: 'struck a deal', 'agreements Nauru strikes with ...'."""
    if tok.lemma_.lower() != "strike":
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in tok.children):
        return True
    before = [t for t in tok.doc[max(0, tok.i - 4): tok.i] if t.pos_ == "NOUN"]
    return bool(before) and before[-1].lemma_.lower() in DOCUMENTS


def answers(tok: Token) -> bool:
    """Force that answers force ('returned fire', 'fired back', 'retaliated'): aimed at whoever
    used it first."""
    if tok.lemma_.lower() == "retaliate":
        return True
    if tok.lemma_.lower() == "return" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children):
        return True
    return any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in tok.children)


CYBER = frozenset({"cyberspace", "cyber", "online", "digital", "cyberattack", "cyberattacks", "hacking",
                   "hackers", "malware", "ransomware"})


def cyber(tok: Token) -> bool:
    """An attack in cyberspace ('hackers attacked Germany in cyberspace', 'cyber attacks on
    ...'): no force used, the wrong of a state a speaker accuses (``charges``)."""
    if tok.lower_ in CYBER:
        return True
    near = [c for c in tok.children if c.dep_ in ("prep", "compound", "amod", "nsubj", "npadvmod")]
    words = {w.lower_ for c in near for w in (c, *c.children)}
    return bool(words & CYBER)


def no_force(tok: Token) -> bool:
    """Force words whose object is no target of force: 'fought a bruising trade war', 'had
    overcome the impasse'; wars counted are history: 'fought two wars over Kashmir'."""
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        lemma = c.lemma_.lower()
        words = {lemma, *(m.lower_ for m in c.children if m.dep_ in ("amod", "compound"))}
        if lemma in ABSTRACT_OBSTACLES or (lemma == "war" and words & NONVIOLENT_WARS):
            return True
        if lemma in ("war", "conflict") and any(m.dep_ == "nummod" for m in c.children):
            return True
    return False


def ordered(tok: Token, act: str) -> str | None:
    """The code of own forces ordered somewhere (CAMEO 074 "ordered warplanes to Saudi Arabia"):
    a demand when they are ordered to do something ("ordered French troops to leave"), no act
    when they are ordered into a state ("ordered troops into Ukraine"); other codes as they are."""
    if act != "074" or tok.lemma_.lower() != "order":
        return act
    if any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children):
        return None
    return "100" if any(c.dep_ in ("xcomp", "advcl") for c in tok.children) else act
