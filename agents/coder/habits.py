"""Clauses that tell a standing state or a habit, not the news: the perfect with "long" or
"always" ("Armenia has long accused Russia"), the past perfect with "already" ("had already
closed"), and the simple present with a rate or a routine ("supplies ... a year")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.dating import WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["habitual"]

HABITS = frozenset({"long", "since", "always", "traditionally", "historically", "repeatedly", "often",
                    "frequently"})
RATE_UNITS = frozenset({"year", "month", "week", "day"})
ROUTINE = frozenset({"annually", "yearly", "usually", "routinely", "regularly", "traditionally", "normally"})


def habitual(tok: Token) -> bool:
    """The perfect with 'long', 'since', 'always', 'repeatedly' ... tells a standing state or a
    habit, not the news: 'Armenia has long accused Russia', 'has since been deepening ties'; the
    past perfect with 'already' tells what came before it: 'had already closed'."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and not any(c.dep_ == "aux" for c in tok.children):
        tok = tok.head  # "has since canceled ... and accused Moscow": the auxiliary is shared
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
    habit = any(c.dep_ == "advmod" and c.lower_ in HABITS for c in tok.children)
    already = any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) and any(
        c.dep_ == "advmod" and c.lower_ == "already" for c in tok.children) and not any(
        t.lower_ in WEEKDAYS for t in tok.subtree)  # ("had already expelled X on Sunday": this week)
    return (perfect and habit) or already or _recurring(tok)  # "had already closed ...": before


def _recurring(tok: Token) -> bool:
    """The simple present with a rate or a habit: 'Russia supplies Moldova with about 2 billion
    cubic metres of gas a year', 'China usually sends ...': how things go, not the news."""
    if tok.tag_ not in ("VBZ", "VBP"):
        return False
    rate = any(c.dep_ == "npadvmod" and c.lemma_.lower() in RATE_UNITS and any(
        d.lower_ in ("a", "an", "per", "each", "every") for d in c.children) for c in tok.subtree)
    habit = any(c.dep_ == "advmod" and c.lower_ in ROUTINE for c in tok.children)
    return rate or habit
