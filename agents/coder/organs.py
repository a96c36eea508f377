"""Where an organ named alone is, and which country's organ a later phrase names again:
the words an owned organ is named by later ("Iran's foreign ministry": "ministry"), the state an
envoy is posted to, the place an organ acts in. Read by ``discourse.Discourse``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.refs import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["POSTED", "host_named", "organ_words", "phrase_head", "placed", "seated"]

POSTED = frozenset({"ambassador", "envoy", "mission", "embassy", "chargé", "charge"})


def organ_words(doc: Doc, ref: ActorRef) -> frozenset[str]:
    """The words an organ a country owns is named by later: "South Korea's Joint Chiefs of
    Staff (JCS)" gives "staff" and "jcs", "Iran's foreign ministry" gives "ministry"."""
    tok = doc[ref.head]
    if tok.dep_ not in ("poss", "compound", "amod") or tok.head.i <= tok.i:
        return frozenset()
    organ = tok.head
    words = {organ.lower_}
    words |= {t.lower_ for t in doc[organ.i + 1: organ.i + 3]
              if t.is_upper and len(t) > 1 and doc[t.i - 1].text == "("}
    return frozenset(words)


def host_named(doc: Doc, here: list[ActorRef]) -> list[ActorRef]:
    """The state an envoy of another is posted to ('the Ambassador of Myanmar to Bangladesh',
    'the missions of the Russian Federation in the Republic of Bulgaria'): where an organ named
    alone in the same sentence is."""
    for t in doc:
        if t.lemma_.lower() not in POSTED:
            continue
        near = [*t.children, *(t.head.children if t.dep_ == "dobj" else [])]  # ("summoned the
        for p in (c for c in near if c.dep_ == "prep" and c.lower_ in ("to", "in")):  # Ambassador
            # of Peru [to Bolivia]": the parser may hang it on the verb)
            span = {w.i for o in p.children if o.dep_ == "pobj" for w in o.subtree}
            hosts = [r for r in here if r.head in span and r.kind != "city"]  # ("in Accra": Ghana)
            if hosts:
                return hosts[:1]
    return []


def placed(doc: Doc, here: list[ActorRef], tok: Token) -> list[ActorRef]:
    """The city, capital or country named by an 'in' adjunct of the verb whose subject ``tok``
    (an organ named alone: "police", "the authorities") is: where they act."""
    head = phrase_head(tok)
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    spots = {o.i for p in head.head.children if p.dep_ == "prep" and p.lower_ == "in"
             for o in p.children if o.dep_ == "pobj"}
    return [r for r in here if r.head in spots and r.kind in ("city", "capital", "country")]


def seated(doc: Doc, here: list[ActorRef], tok: Token) -> list[ActorRef]:
    """The capital or city an organ named alone sits in ("the foreign ministry in Baghdad",
    "The Foreign Office in Berlin"): the organ is that city's state's. An envoy or a mission
    "in" a capital is posted there and is not (``POSTED``)."""
    head = phrase_head(tok)
    if head.lemma_.lower() in POSTED:
        return []
    spots = {o.i for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
             for o in p.children if o.dep_ == "pobj"}
    return [r for r in here if r.head in spots and r.kind in ("city", "capital")]


def phrase_head(tok: Token) -> Token:
    """The noun a modifier belongs to ('Qatari' of 'Qatari Prime Minister ... Al Thani')."""
    for _ in range(6):
        if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok
