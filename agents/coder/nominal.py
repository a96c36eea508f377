"""Event nouns and the acts of several parties: "talks between A and B", "Israeli air
strikes on Gaza", "the expulsion of a diplomat by Kyiv", "drills around Taiwan"; which roots
are joint ("A and B met"), mutual ("A met with B") or one way.

``NounEvents`` is a base of the trigger coder (``events._Coding``): it reads the pairs of an
event noun from its modifiers ("Israeli"), its "by" agent, its "between" parties, its
prepositional targets and, failing those, the verb it is the object of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.cues import near_objects
from agents.coder.force import aimed
from agents.coder.refs import ActorRef
from agents.coder.roles import Roles
from agents.coder.syntax import clause_of, each_way
from agents.coder.verbwords import LIGHT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["FORCE_ROOTS", "JOINT_ROOTS", "MUTUAL_ROOTS", "ONE_WAY", "NounEvents"]

ALONE = frozenset({"abstain"})  # acts a state does on its own, never with the others named with it
JOINT_ROOTS = frozenset({"03", "04", "05", "06", "08", "19"})  # "A and B met / traded fire"
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
ONE_WAY = frozenset({"042", "043", "051", "054", "064", "0314", "0214", "1214"})  # sharing intelligence,
# standing with a country (051), recognising one (054) go one way
RECOGNISING = frozenset({"recognize", "recognise", "recognition"})
FORCE_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})  # a foreign place can be the target
EXCHANGED = frozenset({"fire", "gunfire", "shot", "shots", "blow", "blows", "salvo", "salvos", "artillery",
                       "barrage", "barrages", "rocket", "rockets"})  # "traded fire": at each other


class NounEvents(Roles):
    """Pairs of event nouns, and the joint and near readings of a trigger."""

    def _near(self, tok: Token) -> list[ActorRef]:
        """The countries a show of force is held around or near ('drills around Taiwan')."""
        return [a for o in near_objects(tok) for a in self.actors.group(o, True) if a.country]

    def _shown_to(self, tok: Token) -> bool:
        """Drills held near a country that takes no part ('drills around Taiwan'), not off the
        coast of one of those drilling ('Israeli, Turkish and US warships ... off Israel's coast')."""
        drilling = {a.country for a in self._noun_subjects(tok)}
        return any(a.country not in drilling for a in self._near(tok))

    def _joint(self, tok: Token, code: str) -> bool:
        """An act of the subjects together: meeting, agreeing, cooperating; fighting each
        other ('traded fire') only when the act is not aimed at a third party."""
        if _reciprocal(tok, code):  # "Ukraine and Hungary each expelled two diplomats"
            return True
        if tok.lemma_.lower() in ALONE:  # "with Cuba and Yemen abstaining": each on its own
            return False
        if _each(tok):  # "Poland and Norway each freed one man": two acts, not one between them
            return False
        if code[:3] in ("042", "043") and not self.trig.noun:  # "the two presidents flew in for
            return False  # the meeting": each travels to a third (a state visit of one to the other
            # told as a noun goes both ways: a visit and its hosting)
        if any(c.dep_ == "dative" for c in tok.children):
            return False  # "A and B promised the group further cuts": to a third, not each other
        if any(c.dep_ == "dobj" and any(p.dep_ == "prep" and p.lower_ in ("between", "among")
                                        for p in c.children) for c in tok.children):
            return False  # "Egypt, Qatar and the US announced a deal between Israel and Hamas"
        if code[:2] == "19" and any(c.dep_ == "dobj" and c.lemma_.lower() not in EXCHANGED
                                    for c in tok.children):
            return False  # "US and British warplanes shot down the drones": together, at a third
        if any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in tok.children):
            return False  # "Ottawa and Beijing struck back": each at whoever struck first
        if code[:3] == "054" and tok.lemma_.lower() in RECOGNISING:  # "Britain and Belgium
            return False  # announced their recognition": of a third ("each other" is told)
        if code[:3] == "052":  # "South Korea and Japan defended their curbs": each its own (each
            return False  # other's is told: "defended each other")
        return code[:2] in JOINT_ROOTS and not (code[:2] == "19" and aimed(tok))

    def _thing(self, tok: Token) -> bool:
        """A common noun that names no one: no actor, no office ('sanctions', 'assurances')."""
        named = tok.i in self.actors.at or self.actors.agents.role(self.doc, tok) is not None
        return tok.pos_ == "NOUN" and not named

    def _names_a_thing(self, tok: Token) -> bool:
        """'calls new US oil sanctions an unfriendly act', 'which it called an act of aggression
        by Russia': 'call' whose object is a thing, not a person, an office or a state, names it."""
        if self.trig.noun or tok.lemma_.lower() != "call":
            return False
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        return len(objects) > 1 or (bool(objects) and self._thing(objects[0]))  # (two: a name given)

    def _received_a_thing(self, tok: Token) -> bool:
        """'received assurances from Beijing', 'received "with surprise" the tone': what is
        received is not a visitor."""
        if self.trig.noun or tok.lemma_.lower() != "receive":
            return False
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)  # ("Xi was received with
        if not objects and not passive:  # military honours": a visitor) ('received "with
            return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)  # surprise the
            # offensive tone"': the tone under "with")
        return any(self._thing(c) for c in objects)

    def _brokers(self, tok: Token, parties: list[ActorRef]) -> list[tuple[ActorRef, ActorRef]]:
        """The mediator who owns a mediation noun ('Qatar's', 'its', 'Turkish') to each party
        'between' whom it is; none when no mediator is named (the parties broker nothing)."""
        owners = [a for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                  for a in (self.resolve(c) if c.pos_ == "PRON" else self.actors.own(c, True))]
        owners = owners or self.actors.demonyms_of(tok)  # ("Turkish mediation")
        return [(o, p) for o in owners for p in parties if o.country != p.country]

    def _noun_pairs(self, tok: Token, code: str) -> tuple[list[tuple[ActorRef, ActorRef]], str]:
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        between = [  # (the parser may hang 'between' on the object: "an exchange of captives
            a  # between Russia and Ukraine")
            for h in (tok, *(o for o in of if o.dep_ == "pobj"))
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("between", "among")
            for o in c.children
            if o.dep_ == "pobj"
            for a in self.actors.group(o, True)
        ]
        hosted = clause_of(tok).i != tok.i and self.status != "act"  # "offered to host talks between"
        if len({a.country for a in between}) >= 2 and code[:3] == "045":  # "Qatar's mediation between
            return ([] if hosted else self._brokers(tok, between)), "parse"  # Russia and Ukraine"
        if len({a.country for a in between}) >= 2:
            return ([] if hosted else each_way(between)), "parse"
        if any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children):
            return [], "parse"  # "mediated talks between Rwanda and the M23": not the mediator's
        own = [
            a
            for c in tok.children
            if c.dep_ in ("poss", "amod", "compound")
            for a in self.actors.own(c, True)
        ] or [a for a in self.actors.own(tok, True) if a.kind == "agent"]  # "Israeli air strikes"
        by = [  # "the expulsion of a diplomat by Kyiv" (the parser may hang 'by' on the object)
            a
            for h in (tok, *of)
            for c in h.children
            if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for o in c.children
            if o.dep_ == "pobj"
            for a in self.actors.group(o, True)
        ]
        visitors = [a for o in of if o.dep_ == "pobj" for a in self.actors.group(o, True)
                    if code[:3] == "042" and a.kind != "city"]  # "the visit of Premier Li Peng to India"
        sources = by or own or visitors or self._noun_subjects(tok)
        targets = [t for t, _ in self._prep_objects(tok) if t.country]  # organisations: no pair
        if code == "150" and not targets:
            targets = self._near(tok)
        verb = clause_of(tok)
        if not targets and verb.i != tok.i and verb.lemma_.lower() in LIGHT_VERBS:
            targets = [t for t, _ in self._prep_objects(verb)]  # "launched an offensive in its war with Iraq"
        if not targets and (code[:2] in PATIENT_ROOTS or code[:3] == "084"):
            targets = [a for o in of if o.dep_ == "pobj" for a in self.actors.group(o, False)
                       if a.kind != "city"]  # "announced the expulsion of six Canadian diplomats"
        if by:
            targets += [
                a
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
                for a in self.actors.group(o, False)
            ]
        if sources and targets:
            mutual = ("mutual" in self.flags or code[:2] in MUTUAL_ROOTS) and self.status == "act"
            mutual = mutual and code not in ONE_WAY and code[:2] != "16"  # (ending talks: one side's)
            return [
                p for s in sources for t in targets for p in ([(s, t), (t, s)] if mutual else [(s, t)])
            ], "parse"
        if len({s.country for s in sources}) >= 2 and self._joint(tok, code):
            return each_way(sources), "joint"
        if sources and ("loc" in self.flags or code[:2] in FORCE_ROOTS):
            places = self._places(verb if verb.i != tok.i else tok) or self._places(tok)
            return [(s, p) for s in sources for p in places], "parse"
        return [], "parse"


PATIENT_ROOTS = frozenset({"16", "17", "18", "19"})  # acts done to whom "of" names


def _each(verb: Token) -> bool:
    """'A and B each ...' (on the verb or its subject)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.lower_ == "each" for h in (verb, *subjects) for c in h.children)


def _reciprocal(verb: Token, code: str) -> bool:
    """'each expelled two diplomats', 'expelled each other's diplomats': the subjects did it to
    each other ('each' alone only for expulsions, words, and releases in a swap: 'Poland and
    Norway each freed one man' freed nobody of each other's)."""
    swap = code[:2] == "08" and any(t.lemma_.lower() in ("exchange", "swap") for t in verb.subtree)
    if _each(verb) and (swap or code[:3] in ("161", "174") or code[:2] in ("11", "12")):
        return True
    if verb.lemma_.lower() == "recall" and any(  # "Mali and Algeria recalled their ambassadors":
            c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ == "their" for p in c.children)
            and not any(p.dep_ == "prep" for p in c.children) for c in verb.children):  # each its own
        return not any(c.dep_ == "prep" and c.lower_ in ("from", "to") for c in verb.children)
    doc = verb.doc
    others = [doc[t.i + 1] for t in verb.subtree
              if t.lower_ == "each" and verb.i < t.i < len(doc) - 1 and doc[t.i + 1].lower_ == "other"]
    return any(o.dep_ in ("dobj", "poss") or (o.dep_ == "pobj" and o.head.head.i == verb.i
                                              and o.head.lower_ in ("with", "against", "at", "on", "to"))
               for o in others)  # not "within minutes of each other"
