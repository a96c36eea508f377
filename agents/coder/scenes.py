"""Places in the roles of an event: where force is used or people held, and whose force.

``Scenes`` (a base of ``roles.Roles``): foreign places where force is used or a protest held
(targets: "bombed Gaza", "a hospital in Kharkiv was struck by Russian drones"), who used the
force named in a passive's "in/by" phrase ("killed in Israeli tank shelling", "hit by U.S.
bombs"), and where the released had been held ("an American teacher held in Russia ... was
released": Russia released him).

``scene_of``: force nobody claims; the country where it struck foreigners stands for who used it.

"Ten Russian soldiers were killed in Ukraine", "a roadside bombing near Samarra killed a U.S.
soldier", "three US servicemen were killed by a bomb outside the Iraqi city of Basra": no
actor is named for the attack, and event data (GDELT, the PETRARCH coders) code the country of
the scene against the victims' country (UKR->RUS, IRQ->USA). Only for assault, fighting and
mass violence (CAMEO roots 18-20), only when the victims' country is named and the scene is in
another country, and never for accidents ("killed in a car crash in Mexico").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.naming import NAMING_VERBS, what_called
from agents.coder.phrases import SentenceActors
from agents.coder.refs import ActorRef
from agents.coder.words import ACCIDENTS, FORCE_NOUNS, HARDWARE, MUNITIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["FORCE", "HELD", "PLACE_PREPS", "SCENE_KINDS", "UNCLAIMED_ROOTS", "Scenes", "scene_of"]

FORCE = frozenset({"15", "17", "18", "19", "20"})  # "fired at X": 'at' names a target of force only
PLACE_PREPS = frozenset({"in", "at", "into", "near", "inside", "across", "around", "outside", "on"})
HELD = frozenset({"hold", "detain", "jail", "imprison", "arrest", "keep"})
UNCLAIMED_ROOTS = frozenset({"18", "19", "20"})
MISSIONS = frozenset({"embassy", "consulate", "mission", "chancery"})  # ("stormed the Swedish
# embassy in Baghdad": the host's ground)
SCENE_PREPS = PLACE_PREPS - {"into"}  # where force struck ('into' is where it was aimed)
SCENE_KINDS = frozenset({"country", "place", "city", "capital"})  # a place a state acts in


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
    heads += [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in MISSIONS]
    words = {o.lemma_.lower() for h in heads for c in h.children if c.dep_ == "prep"
             for o in c.children if o.dep_ == "pobj"} | {h.lemma_.lower() for h in heads
                                                        if h.pos_ != "VERB"}  # ("stormed": no storm)
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


class Scenes:
    """Place roles of one trigger (``doc``, ``actors`` and ``code`` set by ``roles.Roles``)."""

    doc: Doc
    actors: SentenceActors
    code: str

    def _holders(self, tok: Token) -> list[ActorRef]:
        """Where the released had been held: the places of a detention verb in the subject's
        phrase ('an American teacher held in Russia since 2021')."""
        return [p for c in tok.children if c.dep_ == "nsubjpass" for p in self._held_in(c)]

    def _held_in(self, phrase: Token, verbs: frozenset[str] = HELD) -> list[ActorRef]:
        """The places of the detention verbs (``verbs``) in ``phrase``'s subtree ('... held in
        Russia since 2021', '... who was detained in Beijing')."""
        held = [t for t in phrase.subtree if t.pos_ == "VERB" and t.lemma_.lower() in verbs]
        return [p for t in held for p in self._places(t) if p.kind in SCENE_KINDS]

    def _force_users(self, tok: Token) -> tuple[list[ActorRef], list[Token]]:
        """Who used the force named in the verb's 'in/by' phrase ('killed in Israeli tank
        shelling'), and the force nouns the parser split off as clauses of their own ('in
        Israeli' + 'shelling in Gaza'), whose places count too."""
        found: list[ActorRef] = []
        split: list[Token] = []
        for o in (o for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                  for o in c.children if o.dep_ == "pobj"):
            if o.lower_ in FORCE_NOUNS | HARDWARE | MUNITIONS:  # "hit by U.S. bunker-busting bombs"
                found.extend(self.actors.own(o, True) or [
                    r for c in o.children if c.dep_ in ("amod", "compound")
                    and (r := self.actors.at.get(c.i)) is not None and r.kind in ("demonym", "country")])
                continue
            after = [t for t in self.doc[o.i + 1 : o.i + 3]
                     if t.lower_ in FORCE_NOUNS and t.head.i == tok.i]
            named = [self.actors.at.get(t.i) for t in [o, *o.children]
                     if t.dep_ in ("pobj", "amod", "compound")]
            users = [r for r in named if r is not None and r.kind == "demonym"]
            if users and after:
                found.extend(users[:1])
                split.extend(after)
        return found, split

    def _places(self, tok: Token, more: frozenset[str] | set[str] = frozenset(),
                skip: frozenset[str] = frozenset()) -> list[ActorRef]:
        """Foreign places where force is used or a protest held ('rioted at a jail in northern
        Israel', 'strengthened its forces in Lebanon'): the verb's and its object's preps
        (``PLACE_PREPS`` and ``more``, less ``skip``: 'a summit in Geneva on Iran')."""
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        objects += [o for c in objects if c.lemma_.lower() == "control" for p in c.children
                    if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        # ("seized control of a plant in Ukraine": the plant's place)
        named = [c for c in tok.children if c.dep_ == "ccomp" and what_called(c)]  # "struck what it
        objects += [n for c in named for n in _names_given(c)]  # described as a camp inside Pakistan"
        when: list[Token] = []  # "killed 23 people when they blew themselves up in Tel Aviv"
        if self.code[:2] in FORCE:
            when = [c for c in tok.children if c.dep_ == "advcl"
                    and any(m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in c.children)]
        when_objects = [o for c in when for o in c.children if o.dep_ == "dobj"]
        heads = [tok, *objects, *when, *when_objects, *named]
        out: list[ActorRef] = []
        if self.code[:2] in FORCE:  # "bombed Gaza", "shelled the West Bank"
            out.extend(p for h in objects + when_objects for p in self.actors.place(h) if p.kind == "place")
        preps = (PLACE_PREPS | {"against"} | more) - skip
        for head in heads:
            for c in head.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    out.extend(self._place_objects(c, 2, PLACE_PREPS - skip))
        return out

    def _place_objects(self, prep: Token, depth: int, preps: frozenset[str] = PLACE_PREPS) -> list[ActorRef]:
        out: list[ActorRef] = []
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.lemma_.lower() in NAMING_VERBS and depth > 0:  # "strikes on
                out.extend(p for c in obj.children if c.dep_ == "prep" and c.lower_ in preps  # what it
                           for p in self._place_objects(c, depth - 1, preps))  # called hideouts in Iran"
            if obj.dep_ != "pobj":
                continue
            out.extend(self.actors.place(obj))
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ in preps | {"of"} and depth > 0:
                    out.extend(self._place_objects(inner, depth - 1, preps))
        return out


def _names_given(call: Token) -> list[Token]:
    """The name a naming clause gives ('what it called [a camp]', 'described as [a camp]')."""
    return [n for c in call.children if c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as")
            for n in ([c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"])]
