"""Prepositional objects as targets: of the verb and of its object noun ('sanctions on Moscow',
'aid to Myanmar', 'talks with X'), through 'of'/'in'/'on' chains, participles ('visas issued
to Pakistani nationals', 'the raids carried out by Israel'), and the groups and pronouns they
stand for ('with both leaders', 'called on them'). The base of ``roles.Roles``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.meetings import brokers, presides
from agents.coder.refs import ActorRef
from agents.coder.scenes import FORCE
from agents.coder.subjects import Subjects
from agents.coder.syntax import group_size
from agents.coder.words import (
    ALONGSIDE,
    BORDERS,
    MEASURES,
    MEETINGS,
    TARGET_PREPS,
    TRADE,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PrepObjects"]

QUARRELS = frozenset({"clash", "spar", "quarrel", "row", "feud", "argue", "disagree", "differ", "bicker",
                      "wrangle", "squabble", "dispute"})  # an "over" phrase is the topic

BIDDING = frozenset({"request", "invitation", "behest", "urging", "initiative"})  # "at X's request"
THANKS = frozenset({"051"})  # praise and thanks: for what someone did


VETOES = frozenset({"veto", "block", "oppose", "reject", "resist"})  # a measure stopped spares its target


class PrepObjects(Subjects):
    """Prepositional-object finders of one trigger (``Roles`` sets ``trig``, ``code``,
    ``actors``, ``resolve``)."""

    code: str

    def _prep_objects(self, noun: Token, depth: int = 3) -> list[tuple[ActorRef, str]]:
        """Prepositional objects of an object noun, through 'of' and 'in' chains ('the supply of
        rifles from Russia', 'an offensive in its war with Iraq'); 'aid for Bosnia'."""
        out: list[tuple[ActorRef, str]] = []
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and depth > 0:  # "visas issued to Pakistani
                out.extend(a for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "for")
                           for a in self._prep_object(p, inner=True))  # nationals"
            if c.dep_ == "acl" and c.tag_ == "VBG" and self.code[:2] == "05":  # "signed agreements
                heads = [c, *(o for o in c.children if o.dep_ == "dobj")]  # establishing relations
                withs = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with"]
                out.extend(a for p in withs for a in self._prep_object(p, inner=True))  # with Israel"
            if c.dep_ == "prep" and c.lower_ == "for" and self.code[:3] in THANKS:  # "expressed
                out.extend(a for o in c.children if o.dep_ == "pobj"  # gratitude for the aid
                           for a in self._authors(o))  # extended by India"
            if c.dep_ != "prep":
                continue
            out.extend(self._prep_object(c, inner=True))
            if c.lower_ in ("of", "in", "on") and depth > 0:  # "tariffs on goods from Canada"
                for inner in c.children:
                    if inner.dep_ in ("pobj", "pcomp"):
                        out.extend(self._prep_objects(inner, depth - 1))
                        objs = [o for o in inner.children if o.dep_ == "dobj"]
                        out.extend(p for o in objs for p in self._prep_objects(o, depth - 1))
        return out

    def _authors(self, noun: Token) -> list[tuple[ActorRef, str]]:
        """Who did what a noun names, told by a participle's agent ('the raids carried out by
        Israel', 'the assistance extended by India')."""
        return [(a, "by") for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for p in c.children if p.dep_ == "agent"
                for o in p.children if o.dep_ == "pobj" for a in self.actors.group(o, True)]

    def _prep_object(self, prep: Token, inner: bool = False) -> list[tuple[ActorRef, str]]:
        low = prep.lower_
        target_prep = self.trig.pattern.target_prep
        wanted = low in TARGET_PREPS or low == target_prep or (low == "from" and self._from_ok())
        wanted = wanted or (low == "at" and self.code[:2] in FORCE)
        wanted = wanted or (inner and low == "for")
        amount = prep.head.pos_ == "NUM" or prep.head.lower_ in ("billion", "million", "trillion", "worth")
        goods = inner and low in ("of", "from") and (prep.head.lower_ in TRADE or amount)  # "imports
        # of Russian oil", "tariffs on C$30 billion of U.S. goods"
        wanted = wanted or goods
        meeting = prep.head.lemma_.lower() in MEETINGS  # "host a meeting between A and B", not "discuss
        between = "between" in self.trig.pattern.flags or (inner and meeting)  # an arrangement between"
        wanted = wanted or (low in ("between", "among") and between)  # "host a meeting between A and B"
        if prep.dep_ == "dative":
            wanted = True
        if low == "with" and prep.i >= 2 and prep.doc[prep.i - 1].lower_ in ALONGSIDE \
                and prep.doc[prep.i - 2].lower_ == "in":
            wanted = False  # "broke relations with Ecuador in solidarity with Mexico": a side taken
        if low == "with" and any(c.dep_ == "pobj" and presides(c) for c in prep.children):
            wanted = False  # "held talks, with Turkey's Fidan mediating / in the chair": no party
        objects = {c.lemma_.lower() for c in prep.head.children if c.dep_ == "dobj"}
        measured = objects | {prep.head.lemma_.lower()}
        topic = measured.isdisjoint(MEASURES) and target_prep != "on"  # "lifted tariffs on X"
        if low == "on" and "03" <= self.code[:2] <= "09" and topic:
            wanted = False  # "held talks on Ukraine", "cooperation on China": the topic
        if low == "at" and any(o.lemma_.lower() in BIDDING for o in prep.children):
            wanted = False  # "arrested Meng at Washington's request": who asked, not who was hit
        if inner and prep.head.lemma_.lower() in MEASURES and prep.head.head.lemma_.lower() in VETOES \
                and prep.head.i != self.trig.tok.i:
            wanted = False  # "threatened to veto EU sanctions against Russia": Russia is spared
        if low == "over" and prep.head.lemma_.lower() in QUARRELS:
            wanted = False  # "Biden and Xi clash over Taiwan": what they quarrel about
        if not wanted:
            return []
        loose = goods or low in ("on", "against", "to", "toward", "towards")  # "tariffs on Chinese cars"
        loose = loose or (low in ("at", "into") and self.code[:2] in FORCE)  # "fired at Israeli cities"
        return [
            (a, low)
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.lemma_.lower() not in BORDERS
            for a in self._prep_referents(obj, loose)
            if (a.kind != "city" or self.code[:2] >= "17") and not brokers(self.doc[a.i0])
            and not (low == "over" and self.doc[a.i0].dep_ == "compound")  # ("over Iraq strikes",
            # "over Taiwan arms sales": what the act is about, not whom it is aimed at)
        ]

    def _prep_referents(self, obj: Token, loose: bool) -> list[ActorRef]:
        """The actors a prepositional object names, or refers to: "against the South American
        country" (a coreferring phrase), "with both leaders", "with the advisers of both
        countries" (a group told before)."""
        named = self.actors.group(obj, False, loose=loose)
        if named:
            return named
        if obj.i in self.actors.coref_at or group_size(obj) or obj.lower_ in ("them", "him", "her"):
            return self.resolve(obj)  # ("called on them", "spoke with him")
        return [a for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"  # ("with the
                for o in p.children if o.dep_ == "pobj" and group_size(o)  # advisers of both
                for a in self.resolve(o)]  # countries")

    def _from_ok(self) -> bool:
        """'from X' names the other party of requests and acquisitions ('demanded the supply of
        rifles from Russia', 'bought jets from France'), and the giver after 'received'."""
        p = self.trig.pattern
        if self.code[:2] == "02":
            return True
        return "from" in p.flags or "recv" in p.flags or p.target_prep == "from" or p.source_prep == "from"
