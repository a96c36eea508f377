"""Reactions told in the sentence of the act they answer: "Thailand extradited Bout to the
United States, and Moscow denounced the move as illegal", "Iraq ordered the inspectors to
leave, a decision Clinton called unacceptable", "war games that Taipei denounced as an attempt
to intimidate voters". A criticism (CAMEO 11) whose object is the act just told, named by 'it',
by a noun with a demonstrative or by the act noun a relative clause hangs on, is aimed at the
act's author: the source of the nearest act coded before it in the sentence, when that act can
be what the noun names ("the incursion" is no break of relations). ``reader.TriggerReader``
runs this for a criticism its roles found no target for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.acts import ACT_NOUNS, DEMONSTRATIVES
from agents.coder.refs import prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.found import Found
    from agents.coder.refs import ActorRef

__all__ = ["NAMING", "answered", "author_before", "authors", "drawn"]

# nouns for an act that are no event nouns of ``acts.ACT_NOUNS``: "a policy Haiti denounced"
TOLD_ACTS = frozenset({"policy", "exercise", "game", "deportation", "execution", "verdict", "ruling",
                       "law", "referendum", "vote", "election", "remark", "comment", "sale",
                       "extradition", "interception", "seizure"})
NAMING = frozenset({"call", "describe", "term", "label", "brand", "dub"})
DRAWING = frozenset({"draw", "prompt", "spark", "provoke", "trigger", "bring", "earn", "elicit"})
# a reaction drawn "from" a state: its code (an official protest, else a criticism)
DRAWN = {"protest": "114", "protests": "114", "complaint": "114", "objection": "114", "objections": "114",
         "denunciation": "111", "condemnation": "111", "condemnations": "111", "criticism": "111",
         "rebuke": "111", "rebukes": "111", "outrage": "111", "anger": "111", "censure": "111"}


def answered(tok: Token, coded: dict[int, list[Found]]) -> Token | None:
    """The token naming what the criticism at ``tok`` judges when it is an act the sentence
    told before (the relative clause's noun, 'it', 'the move'), else None."""
    if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
        head = tok.head
        told = head.lemma_.lower() in ACT_NOUNS.keys() | TOLD_ACTS or head.i in coded or (
            head.dep_ == "dobj" and head.head.i in coded and any(c.lower_ == "which" for c in tok.children))
        # ("seized a Russian tanker, which Moscow denounced as piracy": the seizure)
        return head if told else None
    return next((c for c in tok.children if c.dep_ == "dobj" and (c.lower_ == "it" or (
        c.lemma_.lower() in ACT_NOUNS.keys() | TOLD_ACTS
        and any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in c.children)))), None)


def authors(coded: list[Found]) -> list[Found]:
    """The dyads of a trigger that are its author's act: a visit's hosting (043), told with the
    visit, is no act of the visitor's."""
    return [f for f in coded if f.code != "043"]


def author_before(tok: Token, judged: Token, coded: dict[int, list[Found]],
                  judges: list[ActorRef]) -> list[ActorRef]:
    """The source of the act coded nearest before ``tok`` in the sentence, if that act can be
    what ``judged`` names and is not the judges' own ([] otherwise; ``authors``)."""
    before = [i for i in coded if i < tok.i]
    if not before:
        return []
    acts = authors(coded[judged.i if judged.i in coded else max(before)])
    roots = ACT_NOUNS.get(judged.lemma_.lower())
    mine = {j.country for j in judges}
    return [f.source for f in acts if (roots is None or f.code[:2] in roots)
            and f.source.country not in mine][:1]


def drawn(tok: Token) -> tuple[list[Token], int, str] | None:
    """'..., drawing a furious denunciation from Israel', 'The expulsion by Ankara drew a sharp
    protest from Athens': (who reacts, the token of the act reacted to, the reaction's CAMEO
    code) when ``tok`` is a verb that draws a reaction from a state, else None. The act is the
    clause the participle hangs on, or the verb's subject."""
    if tok.lemma_.lower() not in DRAWING:
        return None
    for noun in (c for c in tok.children if c.dep_ == "dobj" and c.lower_ in DRAWN and not any(
            d.lower_ in ("no", "little") for d in c.children)):  # (not "drawing no protest from London")
        reactors = prep_objects(noun, ("from",))
        if not reactors:
            continue
        if tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i < tok.i:
            return reactors, tok.head.i, DRAWN[noun.lower_]
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return reactors, subject.i, DRAWN[noun.lower_]
    return None
