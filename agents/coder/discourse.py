"""Coreference across an article: pronouns ("Iraq said it would ..."), "the nation", and "the
two leaders / countries / sides" standing for the last two countries named.

Only subjects and actors of the last ``WINDOW`` sentences are candidates; a pronoun prefers an
actor named earlier in its own sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from agents.coder.events import Resolver
from agents.coder.phrases import ActorRef, SentenceActors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Discourse"]

WINDOW = 3
OWNER_OF = {"its": "it", "his": "he", "her": "she"}  # a possessive resolves as its pronoun
PAIR_NOUNS = frozenset(
    [
        "leaders",
        "countries",
        "sides",
        "nations",
        "governments",
        "presidents",
        "ministers",
        "neighbours",
        "neighbors",
        "states",
        "parties",
        "capitals",
        "premiers",
        "delegations",
        "counterparts",
        "powers",
    ]
)
COUNTRY_KINDS = frozenset({"country", "capital", "seat", "agent", "people", "possessor"})
PERSON_KINDS = frozenset({"leader", "person", "agent"})


class Discourse:
    """What earlier sentences named, for the coreference of later ones."""

    def __init__(self) -> None:
        self.memory: list[tuple[int, ActorRef]] = []

    def remember(self, index: int, refs: list[ActorRef]) -> None:
        """Actors named in sentence ``index``, in text order."""
        self.memory.extend((index, ref) for ref in refs if ref.country and not ref.coref)

    def resolver(self, index: int, doc: Doc, actors: SentenceActors) -> Resolver:
        """A function from a pronoun / coreferring phrase token to the actors it stands for."""
        here = actors.countries()

        def resolve(tok: Token) -> list[ActorRef]:
            low = OWNER_OF.get(tok.lower_, tok.lower_) if tok.dep_ == "poss" else tok.lower_
            if tok.i in actors.coref_at:
                named = {r.country for r in here}
                return self._latest(index, lambda r: r.country not in named, tok, 1)
            if low in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in tok.children):
                return self._two(index, here, tok)
            if low in ("it", "he", "she"):
                kinds = COUNTRY_KINDS if low == "it" else PERSON_KINDS
                before = [r for r in here if r.head < tok.i and r.kind in kinds]
                if low != "it":  # "Japan's prime minister visited Seoul, where he and ..."
                    before = sorted(before + actors.agents_before(tok.i), key=lambda r: r.head)
                if before:
                    return [_coref(before[-1], tok)]
                return self._latest(index, lambda r: r.kind in kinds, tok, 1, window=2)
            return []

        return resolve

    def _latest(self, index: int, ok: object, tok: Token, n: int, window: int = WINDOW) -> list[ActorRef]:
        test = ok if callable(ok) else (lambda r: True)
        found: list[ActorRef] = []
        for sent_index, ref in reversed(self.memory):
            if sent_index >= index:
                continue
            if sent_index < index - window:
                break
            if test(ref) and ref.country not in {f.country for f in found}:
                found.append(_coref(ref, tok))
                if len(found) == n:
                    break
        return found

    def _two(self, index: int, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        found: list[ActorRef] = []
        for ref in reversed([r for r in here if r.head < tok.i]):
            if ref.country not in {f.country for f in found}:
                found.append(_coref(ref, tok))
        if len(found) < 2:
            more = self._latest(
                index, lambda r: r.country not in {f.country for f in found}, tok, 2 - len(found)
            )
            found.extend(more)
        return found if len(found) == 2 else []


def _coref(ref: ActorRef, tok: Token) -> ActorRef:
    return replace(ref, head=tok.i, i0=tok.i, i1=tok.i + 1, coref=True)
