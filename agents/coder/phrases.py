"""Actors on the parse: gazetteer hits mapped onto parsed tokens, and noun phrases read as actors.

A noun phrase is an actor when its head is a gazetteer name ("Russia", "Moscow", "Putin"),
or an agent noun modified by one ("Russia's foreign minister", "Chinese forces", "the
president of Ghana", "her Kenyan counterpart", "Japanese Emperor Naruhito"). In an object
position a possessor or a demonym also names the party acted on ("rejected Pakistan's
demand", "the Pakistani proposal"). Coordinated phrases ("A, B and C") and appositions
("Lavrov, Russia's foreign minister") add their actors.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from agents.coder.attributed import attributed_to
from agents.coder.matcher import ActorHit
from agents.coder.notstates import not_the_country, office_of_organisation
from agents.coder.refs import (
    MODIFIER_DEPS,
    NON_ACTOR_KINDS,
    NOUNS,
    OBJECT_HEADS,
    OWNER_PREPS,
    PEOPLE,
    PLACE_NOUNS,
    ActorRef,
    AgentNouns,
    glued,
    named_place,
    unique_refs,
)
from agents.coder.syntax import subject_of_next, title_holder
from agents.coder.text import Sentence
from agents.coder.words import FORCE_NOUNS, HARDWARE, LEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SentenceActors"]

AIDES = frozenset({"aide", "adviser", "advisor", "assistant"})  # (an ambassador "to" X is not X's)
NATIONS = frozenset({"people", "nation"})  # a country's people as an object: the country

def _a_national(tok: Token) -> bool:
    """A demonym as a noun with "a"/"an" ("freed Trevor Reed, an American"): one national."""
    return tok.dep_ in ("dobj", "appos", "pobj") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children)


class SentenceActors:
    """The actors of one parsed sentence, and the noun-phrase reading over its tokens."""

    def __init__(self, doc: Doc, sent: Sentence, hits: list[ActorHit], agents: AgentNouns) -> None:
        self.doc = doc
        self.text = sent.text  # the doc's text (``doc.text`` builds it anew from every token)
        self.agents = agents
        self.at: dict[int, ActorRef] = {}
        self.coref_at: dict[int, ActorRef] = {}
        self.places_at: dict[int, ActorRef] = {}
        self.dropped: set[int] = set()
        for hit in hits:
            self._place(sent, hit)

    def _place(self, sent: Sentence, hit: ActorHit) -> None:
        if hit.end <= sent.dateline_end():
            return
        span = self.doc.char_span(hit.start - sent.start, hit.end - sent.start, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        root = span.root
        if hit.name is None:  # "the nation", "the state"
            ref = ActorRef("", "", "coref", root.i, span.start, span.end, coref=True)
            self.coref_at.update(dict.fromkeys(range(span.start, span.end), ref))
            return
        name = hit.name
        if name.kind == "title":  # "Vice Foreign Minister Masataka Okano": the office-holder
            holder = title_holder(root)
            ref = ActorRef("", "", "title", holder.i, span.start, holder.i + 1, coref=True)
            self.coref_at.update(dict.fromkeys(range(span.start, holder.i + 1), ref))
            return
        if name.kind == "place":  # a region: only ever where something happens
            ref = ActorRef(name.country, name.country, "place", root.i, span.start, span.end)
            self.places_at.update(dict.fromkeys(range(span.start, span.end), ref))
            return
        if name.kind in NON_ACTOR_KINDS or glued(self.doc, self.text, span.start, span.end):
            return
        if span.start > 0 and self.doc[span.start - 1].lower_ == "ethnic":
            return  # "ethnic Albanians": a people, not the state
        ref = ActorRef(name.country, name.actor, name.kind, root.i, span.start, span.end)
        doc, at = self.doc, self.at
        if not_the_country(doc, at, self.agents, ref) or office_of_organisation(doc, at, ref):
            self.dropped.add(root.i)
            return
        self.at.update(dict.fromkeys(range(span.start, span.end), ref))

    def own(self, tok: Token, strict: bool, loose: bool = False) -> list[ActorRef]:
        """The actor the phrase headed by ``tok`` names (no coordination): see the module doc."""
        ref = self.at.get(tok.i)
        if ref is not None:
            if ref.kind == "demonym" and tok.i == ref.head and tok.tag_ not in ("NNPS", "NNS"):
                return [ref] if _a_national(tok) or _shared_noun(tok) else []
            if ref.kind == "city" and strict:
                return []
            return [ref]
        nominal = tok.lower_ in FORCE_NOUNS or tok.lower_ in ("national", "nationals")  # mistagged
        if tok.pos_ not in NOUNS and not (nominal and tok.dep_ in ("nsubj", "dobj", "pobj")):
            return []  # (a gerund mistagged as a verb: "Indian shelling killed ...")
        role = self.role(tok)
        titled = tok.pos_ == "PROPN" and tok.i not in self.dropped
        found: list[ActorRef] = []
        for child in self._modifiers(tok):
            of = child.dep_ == "pobj"
            inners = self.own(child, True) if child.dep_ == "poss" else self._named(child)
            local = of and (tok.lemma_.lower() in PEOPLE or role is not None)  # "mayor of Hebron"
            if of:
                inners = self.group(child, not local)
            for inner in inners:
                if inner.kind == "city" and not local:
                    continue
                led = child.lower_ in LEADS and child.dep_ == "amod"  # "Saudi-led", "Greek-flagged"
                named = titled or tok.lower_ in FORCE_NOUNS  # "Russian strikes": Russia's
                named = named or (tok.lower_ in HARDWARE and tok.dep_ == "nsubj")  # "Chinese warships held"
                if role is not None or led or (named and inner.kind in ("demonym", "country")):
                    suffix = "" if role in (None, "-") else role
                    actor = inner.country + suffix if inner.kind != "leader" else inner.actor
                    found.append(
                        ActorRef(inner.country, actor, "agent", tok.i, min(child.i, tok.i), tok.i + 1)
                    )
                elif not strict and (child.dep_ == "poss" or of or loose or tok.lower_ in OBJECT_HEADS
                                     or (tok.lower_ in NATIONS and tok.dep_ == "dobj")):  # "thanked
                    # the American people" (not "standing with the Haitian people": a stance)
                    found.append(ActorRef(inner.country, inner.actor, "possessor", tok.i, child.i, tok.i + 1))
        served = [] if found else attributed_to(tok)  # ("a hacking group working for China's ministry")
        found += [ActorRef(a.country, a.country + "SPY", "agent", tok.i, tok.i, tok.i + 1)
                  for o in served for a in self.group(o, False, loose=True)]
        return unique_refs(found)

    def _named(self, tok: Token) -> list[ActorRef]:
        """The gazetteer name at a modifier token and at the modifiers coordinated with it
        ('French and Egyptian warships'), and the leader of an 'X-led' group."""
        ref = self.at.get(tok.i)
        found = [ref] if ref is not None else []
        for child in tok.children:
            if child.dep_ == "conj":
                found.extend(self._named(child))
            elif tok.lower_ in LEADS and child.dep_ in ("npadvmod", "compound", "nmod", "amod"):
                found.extend(self._named(child))  # "the Saudi-led coalition": who leads it
        return found

    def role(self, tok: Token) -> str | None:
        """The agent role of the phrase's head, or of a title compounded with it
        ("President Moshe Katsav", "Foreign Minister Lavrov")."""
        role = self.agents.role(self.doc, tok)
        if role is not None:
            return role
        for child in tok.children:
            if child.dep_ == "compound" and child.i < tok.i:
                role = self.role(child)
                if role is not None:
                    return role
        return None

    def _modifiers(self, tok: Token, depth: int = 3) -> list[Token]:
        """Modifier tokens of the phrase, through chains of compounds ('Syrian President Assad')."""
        found = []
        for c in tok.children:
            if c.dep_ in MODIFIER_DEPS:
                found.append(c)
                # through compounds and noun modifiers: "Chinese steel imports"
                if c.dep_ in ("compound", "nmod", "nummod") and depth > 0 and c.i not in self.at:
                    found.extend(self._modifiers(c, depth - 1))
            elif c.dep_ == "prep" and (
                c.lower_ == "of"
                or (c.lower_ in OWNER_PREPS and tok.lower_ in OBJECT_HEADS)
                or (c.lower_ in ("from", "for") and tok.lemma_.lower() in PEOPLE)
                or (c.lower_ == "to" and tok.lemma_.lower() in AIDES)  # "a senior aide to President X"
            ):
                found.extend(named_place(o) for o in c.children if o.dep_ == "pobj")
        return found

    def group(self, tok: Token, strict: bool, loose: bool = False) -> list[ActorRef]:
        """Actors of the phrase and of the phrases coordinated with it ("A, B and C"), each
        phrase visited once (a list of 150 names is walked without recursion)."""
        found: list[ActorRef] = []
        seen: set[int] = set()
        todo = [tok]
        while todo:
            cur = todo.pop(0)
            if cur.i in seen:
                continue
            own = self.own(cur, strict, loose)
            named = self.at.get(cur.i)
            span = range(named.i0, named.i1) if named is not None else range(cur.i, cur.i + 1)
            seen.update(span)
            found.extend(own)
            for child in (c for i in span for c in self.doc[i].children if c.i not in seen):
                if (child.dep_ == "conj" and subject_of_next(child) is None) or self._misread_conjunct(child):
                    todo.append(child)  # (not "... and [the US] freed ...": the next verb's subject)
                elif child.dep_ == "appos":
                    extra = self.own(child, strict, loose)
                    listed = any(r.kind == "country" for r in extra) and all(
                        r.kind == "country" for r in found
                    )
                    if not found or listed or self._of_last_conjunct(cur, child, strict):
                        todo.append(child)  # ("A and B, China's deputy minister,": B's)
                    else:  # ("Iranian Foreign Minister [Araghchi and US envoy Witkoff]": the
                        todo.extend(c for c in child.children if c.dep_ == "conj"  # names listed)
                                    and subject_of_next(c) is None)
        return unique_refs(found)

    def _of_last_conjunct(self, head: Token, appos: Token, strict: bool) -> bool:
        """An apposition the parser hung on the first of a list but written after a later name
        that names no state ('Perera and Zhang Baoqun, China's deputy minister,'): that name's."""
        before = [c for c in head.children if c.dep_ == "conj" and c.i < appos.i]
        return bool(before) and not self.own(before[-1], strict)

    def _misread_conjunct(self, tok: Token) -> bool:
        """A named person the parser hung as a modifier of the next one, with the 'and' between
        them ('[Tajik President Rahmon and Kyrgyz President] Japarov signed'), or as a title
        compounded with it ('[South Korean President Yoon Suk Yeol and US President] Joe Biden')."""
        if tok.dep_ == "compound" and tok.i < tok.head.i:
            listed = any(t.dep_ == "cc" and t.lower_ == "and" for t in tok.subtree)
        else:
            listed = tok.dep_ == "nmod" and any(c.dep_ == "cc" for c in tok.children)
        if not listed or tok.pos_ != "PROPN":
            return False
        return any(r.kind in ("person", "agent") for r in self.own(tok, True))

    def place(self, tok: Token) -> list[ActorRef]:
        """A place named by the phrase at ``tok``: a region, a city or a country ('in the West
        Bank', 'in Jericho', 'in Lebanon'); possessors and agents are not places, but a region's
        owner is ('in Russia's Bryansk region')."""
        for t in [tok, *(c for c in tok.children if c.dep_ == "compound")]:
            if t.i in self.places_at:  # "in the West Bank", "in Gaza City"
                return [self.places_at[t.i]]
            city = self.at.get(t.i)
            if t.i != tok.i and city is not None and city.kind in ("city", "capital"):
                return [replace(city, kind="place")]  # "near Damascus airport": in Damascus
        region = tok.lemma_.lower() in PLACE_NOUNS  # "in Russia's Bryansk region": Russia's
        inner = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj" for p in self.place(o)]
        named = [replace(p, kind="place") for p in inner if p.country and (region or p.kind == "place")]
        if named:  # "struck the port city of Odesa", "bombed the runways of Beirut airport"
            return named
        return [replace(a, kind="place") if a.kind == "possessor" else a for a in self.group(tok, False)
                if a.kind != "agent" and (a.kind != "possessor" or region)]

    def demonyms_of(self, noun: Token) -> list[ActorRef]:
        """The countries whose demonyms modify ``noun`` ('an Australian offer': Australia)."""
        return [r for c in noun.children if c.dep_ == "amod"
                and (r := self.at.get(c.i)) is not None and r.kind == "demonym"]

    def left_group(self, verb: Token) -> list[ActorRef]:
        """Names listed right before a verb the parse gave no subject ('..., Britain and
        Argentina signed'): skipping auxiliaries and adverbs, then names, commas and 'and'."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].dep_ in ("aux", "auxpass", "advmod", "neg", "npadvmod"):
            i -= 1
        found: list[ActorRef] = []
        while i >= 0:
            tok = self.doc[i]
            ref = self.at.get(i)
            if ref is not None and ref.kind in ("country", "capital", "leader", "person", "seat"):
                if not found or found[-1] is not ref:
                    found.append(ref)
                i = ref.i0 - 1
            elif tok.lower_ in (",", "and", "the") and found:
                i -= 1
            else:
                break
        return unique_refs(found[::-1])

    def agents_before(self, end: int) -> list[ActorRef]:
        """State agents named before token ``end`` ("Japan's prime minister"), for 'he'/'she'."""
        found: list[ActorRef] = []
        for tok in self.doc[:end]:
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod", "poss"):
                found.extend(r for r in self.own(tok, True) if r.kind == "agent")
        return found

    def countries(self) -> list[ActorRef]:
        """Every distinct actor mention of the sentence, in text order (for coreference)."""
        seen: set[int] = set()
        out = []
        for i in sorted(self.at):
            ref = self.at[i]
            if id(ref) not in seen:
                seen.add(id(ref))
                out.append(ref)
        return out


def _shared_noun(tok: Token) -> bool:
    """A demonym the parser made the head of a coordination whose last conjunct is its noun
    ("Kyrgyz and Tajik forces clashed": the Kyrgyz forces), not a person ("the Kyrgyz said")."""
    last = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return bool(last) and any(m.dep_ in ("compound", "amod") and m.i < last[0].i for m in last[0].children)
