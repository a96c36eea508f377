"""Who presides over a meeting rather than takes part in it: "held talks, with Turkey's
Fidan mediating", "with US mediation", "with the minister in the chair", "with Qatar as
mediator". The presider is no party to the talks; it mediates for each party (CAMEO 045)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.cues import supposed

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.refs import ActorRef

__all__ = [
    "BROKERED",
    "DEALS",
    "MEDIATION_NOUNS",
    "PRESIDING",
    "PRESIDING_FORMS",
    "SWAPS",
    "TALKS",
    "brokered_deal",
    "brokers",
    "presided_talks",
    "presiders",
    "presides",
    "talks_presided",
]

PRESIDING = frozenset({"mediate", "mediating", "mediation", "chair", "chairing", "preside", "presiding",
                       "facilitate", "facilitating", "facilitation", "moderate", "moderating",
                       "broker", "brokering", "mediator", "facilitator", "host", "coordinate"})
TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "session", "dialogue",
                   "discussion", "discussions", "summit"})
SWAPS = frozenset({"exchange", "swap", "handover"})  # of prisoners: "coordinated the exchange"
PRESIDING_FORMS = frozenset({f for w in PRESIDING for f in (w, w + "s", w + "d", w + "ed")})
"""Surface forms of ``PRESIDING`` ("mediated", "chairs", "chaired"), for the gate's word sets."""


def presided_talks(words: set[str]) -> bool:
    """A sentence's lowercase ``words`` hold a presiding verb and a meeting ("chaired the
    session"): it may code a mediation of talks told before, with one country named."""
    return not words.isdisjoint(PRESIDING_FORMS) and not words.isdisjoint(TALKS | SWAPS)


def talks_presided(tok: Token) -> bool:
    """``tok`` is the meeting a verb presides over, named with no party ("mediated the talks",
    "chaired the session")."""
    lemma, verb = tok.lemma_.lower(), tok.head.lemma_.lower()
    if lemma in SWAPS and verb == "host":
        return False  # ("hosted the handover": no visit hosted)
    return (tok.dep_ == "dobj" and lemma in TALKS | SWAPS and verb in PRESIDING
            and not any(c.dep_ == "prep" for c in tok.children))


def presides(obj: Token) -> bool:
    """A 'with' object that names who presides over a meeting, not a party to it: "with Fidan
    mediating", "with US mediation", "with the minister in the chair", "with Qatar as mediator"."""
    if obj.lemma_.lower() in PRESIDING or obj.lower_ in PRESIDING:
        return True
    for c in obj.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in PRESIDING:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "as") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in PRESIDING | GUARANTORS for o in c.children):
            return True
    holder = obj.head.head if obj.head.dep_ == "prep" else None  # "signed a deal, with Cuba and
    return holder is not None and any(  # Norway as guarantors": "as" hung on the deal
        c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i
        and any(o.dep_ == "pobj" and o.lemma_.lower() in PRESIDING | GUARANTORS for o in c.children)
        for c in holder.children)


GUARANTORS = frozenset({"guarantor", "observer", "sponsor"})  # "with X as guarantors" (a witness
# may be a party's own leader: "with President Marcos as witness")


MEDIATION_NOUNS = frozenset({"auspex", "auspices", "aegis", "mediation", "mediator", "mediators",
                             "sponsorship", "intermediary", "intermediaries", "facilitation",
                             "chairmanship"})
BROKERED = ("-brokered", "-mediated", "-sponsored", "-facilitated")


def _presiding_objects(tok: Token) -> list[Token]:
    """The phrases of the meeting or agreement ``tok`` that name who presides or brokers: 'with'
    objects that ``presides``, 'under U.S. auspices', 'through Turkish mediators', the
    agreement's own 'U.S.-brokered', and 'talks chaired (hosted, brokered) by X'."""
    nouns = [c for c in tok.children if c.dep_ == "dobj"] + [  # ("agreed to a U.S.-brokered truce")
        o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children if o.dep_ == "pobj"]
    heads = [tok, *nouns] + ([tok.head] if tok.dep_ == "dobj" else [])
    found = []
    for head in heads:
        for p in (c for c in head.children if c.dep_ == "prep"):
            for o in (c for c in p.children if c.dep_ == "pobj"):
                low = p.lower_
                if (low == "with" and presides(o)) or (
                        low in ("under", "through", "via") and o.lemma_.lower() in MEDIATION_NOUNS):
                    found.append(o)
    found += [m for n in (tok, *nouns) for m in n.children
              if m.dep_ in ("amod", "compound", "nmod") and _brokered(m)]
    found += [o for n in (tok, *nouns) for a in n.children  # "talks chaired by St Vincent's
              if a.dep_ == "acl" and a.lemma_.lower() in PRESIDING  # prime minister"
              for p in a.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
    return found


DEALS = frozenset({"deal", "agreement", "accord", "ceasefire", "truce", "plan", "exchange", "swap",
                   "pact", "treaty", "settlement", "release"})


def brokered_deal(tok: Token) -> bool:
    """'under a deal brokered by Moscow', 'in an exchange mediated by Qatar': a participle that
    tells who brokered a deal the sentence reports (not 'a proposed deal brokered by ...')."""
    head = tok.head
    return (tok.tag_ == "VBN" and tok.dep_ == "acl" and head.lemma_.lower() in DEALS
            and not supposed(head))


def brokers(tok: Token) -> bool:
    """The token names who brokered what it modifies: "U.S.-brokered", or "Russian" in
    "a Russian-brokered deal" (the broker, not a party)."""
    mod = tok if tok.dep_ in ("amod", "compound", "nmod") else tok.head
    return mod.dep_ in ("amod", "compound", "nmod") and _brokered(mod)


def _brokered(mod: Token) -> bool:
    """'U.S.-brokered', 'brokered' after a hyphen, or 'US-' joined to 'French-brokered'."""
    return mod.lower_.endswith(BROKERED) or _hyphened(mod) or (mod.lower_.endswith("-") and any(
        c.dep_ == "conj" and _hyphened(c) for c in mod.children))


def _hyphened(mod: Token) -> bool:
    """'brokered' of "a Russian-brokered deal", split by the tokenizer from its broker."""
    return mod.i > 0 and mod.doc[mod.i - 1].text == "-" and f"-{mod.lower_}" in BROKERED


def presiders(tok: Token, countries: list[ActorRef]) -> list[ActorRef]:
    """The ``countries`` (actors of the sentence) named where the meeting or agreement ``tok``
    (its verb, its object noun, or the verb it is the object of) says who presides over it or
    brokered it (``_presiding_objects``)."""
    spans = [_own_span(o) for o in _presiding_objects(tok)]
    return [r for span in spans for r in countries if r.head in span]


def _own_span(obj: Token) -> set[int]:
    """The token indexes of ``obj``'s phrase without its appositions ("St Vincent's prime
    minister, Ralph Gonsalves, the leaders of Venezuela and Guyana ...": the first phrase)."""
    cut = {t.i for c in obj.children if c.dep_ == "appos" for t in c.subtree}
    return {t.i for t in obj.subtree} - cut
