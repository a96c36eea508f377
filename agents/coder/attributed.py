"""Spies and hacking groups named by whom they work for: 'a hacking group working for China's
Ministry of State Security', 'hackers linked to the Russian state', 'a state-sponsored actor
from China', 'agents backed by Iran'. The state they serve is the actor (its intelligence
agent, SPY): news attributes such acts to the state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["attributed_to"]

SERVANTS = frozenset({"hacker", "spy", "operative", "agent", "group", "actor", "network", "unit", "cell"})
COLLECTIVES = frozenset({"group", "actor", "network", "unit", "cell"})  # (a cyber or spy one only)
CYBER_MODIFIERS = frozenset({"hacking", "hacker", "cyber", "espionage", "spy", "sponsored", "backed",
                             "state-sponsored", "state-backed", "apt"})
LINKS = frozenset({"work", "link", "back", "sponsor", "tie", "affiliate", "connect", "direct", "run",
                   "operate", "act", "serve"})


def attributed_to(tok: Token) -> list[Token]:
    """The tokens naming whom the spy or hacking group headed by ``tok`` works for (the objects
    of 'working for', 'linked to', 'backed by', and of 'from' after a sponsored actor); [] for
    any other phrase ('rebels backed by Rwanda' are rebels, not Rwanda)."""
    lemma = tok.lemma_.lower()
    if lemma not in SERVANTS:
        return []
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "npadvmod")}
    if lemma in COLLECTIVES and not modifiers & CYBER_MODIFIERS:
        return []
    links = [a for a in tok.children if a.dep_ == "acl" and a.lemma_.lower() in LINKS]
    preps = [p for a in links for p in a.children if p.dep_ in ("prep", "agent")
             and p.lower_ in ("for", "to", "by", "with")]
    if modifiers & {"sponsored", "backed", "state-sponsored", "state-backed"}:
        preps += [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "from"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]
