"""Cues about the objects and clauses of a trigger that ``roles.Roles`` reads for its targets:
an object the parser took from a list, an owned object, a clause of help, a price to be paid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.refs import prep_objects
from agents.coder.syntax import to_clause
from agents.coder.words import HELPS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["blamed_on", "listed_on", "owned_object", "price_paid", "purpose"]


def blamed_on(verb: Token) -> list[Token]:
    """Whom 'blame' lays a wrong on ('blamed the attack on Israel', 'an attack Iranian leaders
    blamed on Israel'): the object of 'on', hung on the verb or on its object."""
    if verb.lemma_.lower() != "blame":
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [o for h in heads for o in prep_objects(h, ("on",))]


def listed_on(obj: Token) -> bool:
    """A second object after a comma that goes on a list ("held talks on security, U.S. trade
    tariffs and the war": the parser made 'tariffs' an object of 'held')."""
    listed = any(c.dep_ == "cc" for c in obj.children)  # (an apposition is no list: "New START,
    # its last arms control treaty with the United States")
    return listed and obj.doc[obj.left_edge.i - 1].text == "," and any(
        c.dep_ == "dobj" and c.i < obj.i for c in obj.head.children)


def owned_object(verb: Token) -> bool:
    """The verb's object is owned ("Iran's transfer"): a 'to' the parser hung on the verb is the
    object's."""
    return any(d.dep_ == "dobj" and any(c.dep_ == "poss" for c in d.children) for d in verb.children)


def purpose(clause: Token) -> bool:
    """A 'to' clause of help: 'to help defend X', 'to support X' (not 'to fight against X')."""
    return to_clause(clause) and clause.pos_ == "VERB" and clause.lemma_.lower() in HELPS


def price_paid(clause: Token) -> bool:
    """'would pay a (heavy) price': a threat to whoever is to pay it."""
    return clause.lemma_.lower() == "pay" and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in clause.children)
