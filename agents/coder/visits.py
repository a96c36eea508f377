"""Cues about meetings and visits in the parse around a trigger: a meeting given up ("pulled
out of the talks", "boycotted the summit"), a travel verb that carries a thing or whose subject
is a craft or troops (no visitor), a call paid or a call made ("called on X at the palace" /
"called on X to ..."), an installation hosted ("hosts a Russian military base": no visitor).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agents.coder.words import HARDWARE, INSTALLATIONS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "abandoned",
    "aid_carriers",
    "aid_senders",
    "arrival",
    "asks",
    "borne_aid",
    "carried",
    "deployed",
    "gives_up",
    "hosts_installation",
    "into_waters",
    "no_meeting",
]

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


CARRIERS = CRAFT | {"convoy", "convoys", "truck", "trucks", "lorries", "airlift", "consignment",
                    "shipment", "shipments", "cargo", "batch", "airdrop", "airdrops"}
# words that tell troops landing were sent on a mission asked for or mandated, not invading
MANDATED = frozenset({"multinational", "peacekeeping", "peacekeepers", "mission", "invited", "invitation",
                      "request", "protection", "stabilisation", "stabilization", "u.n.", "un", "u.n.-backed",
                      "un-backed", "relief", "aid", "rescue", "humanitarian"})
TEAMS = frozenset({"team", "teams", "crew", "crews", "rescuers", "personnel", "specialists", "doctors"})
RESCUE = frozenset({"medical", "search", "rescue", "relief", "humanitarian", "emergency", "doctors"})
AIRFRAME = re.compile(r"^(?:[A-Z][A-Za-z]{0,2}-\d{1,3}[A-Z]?|Hercules|Globemaster|Airbus|Boeing)$")
AID_GOODS = frozenset({
    "aid", "relief", "humanitarian", "supplies", "food", "medicine", "medicines", "tents", "blankets",
    "vaccine", "vaccines", "doses", "rescue", "rescuers", "wheat", "rice", "flour", "assistance",
    "firefighters", "generators",
})


def borne_aid(tok: Token) -> bool:
    """A travel verb whose subject is a craft or convoy bearing aid, or the aid itself ('planes
    from Australia landed in Tonga with relief supplies', 'a ship carrying rice docked in
    Colombo', 'vaccines donated by the United States arrived in Congo'): aid delivered (073)."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    heads = [{s.lower_, *(m.lower_ for m in s.children if m.dep_ == "compound")} for s in subjects]
    teams = any(h & TEAMS for h in heads)  # ("A French medical team arrived in Morocco")
    if not teams and not any(h & (CARRIERS | AID_GOODS) for h in heads) and not any(
            AIRFRAME.match(s.text) for s in subjects):  # (not "Diplomacy and aid: the presidents
        return False  # ... arrived"; "an Indian Air Force C-130 carrying blankets")
    borne = [w for s in subjects for w in s.subtree] + [
        w for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for w in c.subtree]
    return any(w.lower_ in (AID_GOODS | RESCUE if teams else AID_GOODS) for w in borne)


def aid_carriers(tok: Token) -> list[Token]:
    """The subjects of a travel verb that bear aid ("An Indian aid convoy arrived in Nepal": their
    demonyms name the sender); [] when they bear none."""
    return [c for c in tok.children if c.dep_ == "nsubj"] if borne_aid(tok) else []


WATERS = frozenset({"waters", "water", "zone", "eez", "strait", "sea", "seas"})


def into_waters(tok: Token) -> bool:
    """Ships sent into a state's waters ('sent a survey ship into Cypriot waters', 'sent
    warships into the Philippines' exclusive economic zone'): a show of force, not aid."""
    ships = any(c.dep_ == "dobj" and (c.lower_ in CRAFT or c.lemma_.lower() in ("ship", "vessel"))
                for c in tok.children)
    return ships and any(p.dep_ == "prep" and p.lower_ in ("into", "to") and any(
        o.dep_ == "pobj" and o.lower_ in WATERS for o in p.children) for p in tok.children)


def no_meeting(tok: Token, act: str, noun: bool) -> bool:
    """The meeting or visit code ``act`` (04) of ``tok`` names none: a meeting given up ("pulled
    out of the summit", "boycotted the talks"), a travel verb that carries a thing ("flew a drone
    over its positions"), an installation hosted ("hosts a Russian military base")."""
    if abandoned(tok) if noun else gives_up(tok):
        return True
    return (act[:3] == "042" and carried(tok)) or (act[:3] in ("042", "043") and hosts_installation(tok))


def arrival(tok: Token, act: str) -> str:
    """The code of a travel verb's arrival (``act``, a visit) when it is no visit: aid borne
    (073: ``borne_aid``), troops or police landing (074: ``deployed``)."""
    if borne_aid(tok):
        return "073"  # "planes from Australia landed in Tonga with relief supplies"
    if tok.lemma_.lower() == "land" and not any(t.lower_ in MANDATED for t in tok.sent):
        return act  # ("Turkish troops landed in Cyprus": an invasion, not a deployment asked for)
    return "074" if deployed(tok) else act  # "Italian troops of a multinational force landed in Durres"


def aid_senders(tok: Token) -> list[Token]:
    """Who sends the aid a travel verb's subject bears ('relief flights from the UAE', 'doses
    donated by the United States', 'aid sent by Turkey'): the objects of 'from' and 'by'; []
    when the subject bears no aid."""
    if not borne_aid(tok):
        return []
    heads = [c for c in tok.children if c.dep_ == "nsubj"]
    heads += [a for h in heads for a in h.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    return [o for h in heads for p in h.children if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
            for o in p.children if o.dep_ == "pobj"]


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
