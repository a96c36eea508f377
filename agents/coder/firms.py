"""A country's name that names a firm, not the state: "German plastics maker Covestro", "Abu
Dhabi National Oil Co", "the Commonwealth Bank of Australia" (firms are never actors)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.refs import ActorRef
from agents.coder.words import COMPANY, FIRMS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["names_a_firm"]


def names_a_firm(doc: Doc, ref: ActorRef) -> bool:
    """A country's name or demonym that names a firm: it modifies a noun of what firms do
    ("German plastics maker Covestro"), opens a capitalised name that ends in a company word
    ("Abu Dhabi National Oil Co") or ends one ("the Commonwealth Bank of Australia")."""
    if ref.i0 >= 2 and doc[ref.i0 - 1].lower_ == "of" and doc[ref.i0 - 2].lower_ in COMPANY | FIRMS:
        return doc[ref.i0 - 2].is_title  # "the Commonwealth Bank of Australia" (not "a bank of Iran")
    head = doc[ref.head]
    while head.dep_ in ("amod", "compound") and head.head.i > head.i:
        head = head.head
        if head.lower_ in FIRMS:
            return True
    words = doc[ref.i1 : ref.i1 + 4]
    for tok in words:
        if not tok.is_title:
            return False
        if tok.lower_.rstrip(".") in COMPANY | {"co", "inc", "ltd", "plc"}:
            return True
    return False
