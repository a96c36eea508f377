"""Cues about meetings and visits in the parse around a trigger: a meeting given up ("pulled
out of the talks", "boycotted the summit"), a travel verb that carries a thing or whose subject
is a craft or troops (no visitor), a call paid or a call made ("called on X at the palace" /
"called on X to ..."), an installation hosted ("hosts a Russian military base": no visitor).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.words import HARDWARE, INSTALLATIONS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["abandoned", "asks", "carried", "deployed", "gives_up", "hosts_installation"]

# verbs that give up a meeting: "boycotted the summit", "shelved plans for a summit"; "pull" and
# "walk" only with "out" ("pulled out of the talks"), "call" only with "off"
GIVE_UP = frozenset({"boycott", "skip", "shelve", "cancel", "postpone", "scrap", "abandon", "snub",
                     "quit", "suspend", "delay", "scuttle", "drop", "withdraw", "leave", "pull", "walk",
                     "call"})
PARTICLE_OF = {"pull": "out", "walk": "out", "call": "off", "leave": "out"}
CARRY_VERBS = frozenset({"fly", "sail", "drive", "steer"})
CRAFT = HARDWARE | {"plane", "planes", "airliner", "flight", "flights", "ship", "ships", "vessel", "vessels"}
TROOPS = frozenset({"troops", "forces", "soldiers", "marines", "paratroopers", "units"})
DEPLOYED = TROOPS | {"police", "policemen", "peacekeepers", "gendarmes", "contingent", "battalion"}


def carried(tok: Token) -> bool:
    """A travel verb with a thing as its object ('flew a drone over ...', 'sailed a warship')
    or its subject ('a Russian drone flew to Romania', 'a missile landed in Poland'): no visit."""
    landed = tok.lemma_.lower() == "land"  # ("Italian troops landed in the port of Durres")
    for subject in (c for c in tok.children if c.dep_ == "nsubj"):  # ("a plane carrying aid": a
        # compound; "New Zealand and Australian military aircraft": a conjunct)
        words = {subject.lower_, *(m.lower_ for m in subject.children if m.dep_ in ("compound", "conj"))}
        if words & CRAFT or (landed and words & TROOPS):
            return True
    return tok.lemma_.lower() in CARRY_VERBS and any(c.dep_ == "dobj" for c in tok.children)


def deployed(tok: Token) -> bool:
    """A travel verb whose subject is troops or police ('Nigerian troops arrived in Monrovia',
    'the first 200 Kenyan police officers arrived in Port-au-Prince'): a deployment, no visit."""
    return any(c.dep_ == "nsubj" and {c.lower_, *(m.lower_ for m in c.children if m.dep_ in (
        "compound", "conj"))} & DEPLOYED for c in tok.children)


def asks(call: Token) -> bool:
    """'called on X to ...' or 'called on X for ...' asks; 'called on X at the palace' visits."""
    words = [w for w in call.subtree if w.i > call.i]
    return any(w.lower_ == "to" and w.head.pos_ in ("VERB", "AUX") and w.dep_ == "aux" for w in words) \
        or any(w.lower_ in ("for", "that") for w in words)


def abandoned(noun: Token) -> bool:
    """A meeting noun given up by the verb above it ('pulled out of the summit', 'walked out of
    the conference', 'boycotted the talks', 'shelved plans for a summit with Putin'): no meeting."""
    cur, words = noun, [noun.lower_]
    for _ in range(5):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("dobj", "pobj", "prep", "prt", "advmod", "nsubjpass"):
            return False
        if head.pos_ in ("VERB", "AUX"):
            return gives_up(head, words)
        words.append(head.lower_)
        cur = head
    return False


def gives_up(verb: Token, words: list[str] | None = None) -> bool:
    """``verb`` gives up what it governs ('boycotted', 'pulled out of', 'called off'); ``words``:
    those on the way down to what is given up ('out', 'of' ...)."""
    lemma = verb.lemma_.lower()
    particle = PARTICLE_OF.get(lemma)
    near = [*(words or []), *(c.lower_ for c in verb.children)]
    return lemma in GIVE_UP and (particle is None or particle in near)


def hosts_installation(tok: Token) -> bool:
    """'which hosts a Russian military base': what is hosted is no visitor."""
    return tok.lemma_.lower() == "host" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in INSTALLATIONS for c in tok.children)
