"""Names given by a naming verb: 'what it called an act of aggression by X', 'called the
attack an act of sabotage', 'what Moscow called Baku's "unfriendly actions"'. What is named
is the object; the name given is not another party.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["NAMED_DEPS", "NAMING_VERBS", "governing_verb", "judged_what_called", "named_author",
           "place_named", "the_name", "what_called"]

NAMED_DEPS = frozenset({"oprd", "dobj", "attr"})
NAMING_VERBS = frozenset({"call", "term", "describe", "dub", "label", "brand"})
JUDGING_VERBS = frozenset({"condemn", "denounce", "protest", "reject", "criticise", "criticize", "slam",
                           "deplore", "decry", "welcome", "praise", "hail", "dismiss", "blast"})


def judged_what_called(call: Token) -> bool:
    """'condemned what it called an act of aggression by X': the judging verb is the act; the
    naming under it is not another one ('opened an inquiry into what it called aggression by
    X' still names one)."""
    return what_called(call) and call.head.lemma_.lower() in JUDGING_VERBS


def place_named(tok: Token) -> bool:
    """``tok`` names where something is ('in Damascus')."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside", "inside")


def governing_verb(tok: Token) -> Token:
    """The nearest verb above ``tok`` (through prepositions and nouns), or ``tok`` at the root."""
    cur = tok.head
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def named_author(call: Token) -> bool:
    """The name 'call' gives says whose act it is: 'what it called aggression by Tajikistan',
    'what Moscow called Baku's "unfriendly actions"' (not 'struck what it called terrorist
    infrastructure in Pakistan': a label, no one's act)."""
    names = [n for n in call.children if n.dep_ in NAMED_DEPS and n.lower_ != "what"]
    by = any(c.dep_ in ("agent", "prep") and c.lower_ == "by" for h in (call, *names) for c in h.children)
    return by or any(c.dep_ == "poss" for n in names for c in n.children)


def the_name(verb: Token, obj: Token) -> bool:
    """``obj`` is the name a naming verb gives, not what it names ('called the attack [an act of
    sabotage]'): its predicate complement, or the second of two objects."""
    if verb.lemma_.lower() not in NAMING_VERBS or what_called(verb):  # ('what Moscow called
        return False  # Baku's "unfriendly actions"': what is named is the name itself)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return obj.dep_ == "oprd" or (len(objects) > 1 and obj.i != objects[0].i)


def what_called(clause: Token) -> bool:
    """'what it called an irresponsible act by the Algerian regime', 'what he termed India's
    aggression': the object is the thing so named."""
    return clause.lemma_.lower() in NAMING_VERBS and any(
        w.lower_ == "what" and w.dep_ in ("dobj", "nsubj", "oprd") for w in clause.children)
