"""One trigger coded: its status from its clause, its CAMEO code, and the pairs of actors its
roles give (``roles.py``); joint acts ("A and B agreed") each way; the speaker of a speech
verb for a reported act with no target ("Chile said Peru had rejected the offer" ->
PER->CHL). ``reader.TriggerReader`` finds a sentence's triggers and runs one per trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.acts import judged_act
from agents.coder.clauses import GOVERNOR_OF, speech_head, status
from agents.coder.codes import halted, modal_code, refine
from agents.coder.companions import companions
from agents.coder.cues import (
    conditions,
    content_of_document,
    describes,
    exhorts_both,
    halting,
    misread_passive,
    named_as_reason,
    naming,
    questioned,
    reason_given,
    reproach,
    sent_home,
    standing_claim,
    supposed,
    under_document,
)
from agents.coder.flagged import FlaggedActs
from agents.coder.force import answers, dealt, no_force, ordered
from agents.coder.found import PATH_WEIGHT, Found, confidence, is_state, private_envoy
from agents.coder.meetings import brokered_deal
from agents.coder.memory import someone
from agents.coder.naming import judged_what_called, named_author, what_called
from agents.coder.nominal import FORCE_ROOTS, JOINT_ROOTS, MUTUAL_ROOTS, ONE_WAY
from agents.coder.patterns import right_words
from agents.coder.refs import ActorRef
from agents.coder.roles import Resolver
from agents.coder.scenes import FORCE, UNCLAIMED_ROOTS, scene_of
from agents.coder.syntax import (
    GROUP_MAX,
    acts_on_itself,
    at_border,
    at_open_sea,
    clause_of,
    co_mediator,
    each_way,
    misread_visiting,
)
from agents.coder.verbwords import INTENSIFIERS
from agents.coder.verdicts import blamed_for
from agents.coder.visits import aid_carriers, aid_senders, arrival, asks, deployed, into_waters, no_meeting
from agents.coder.words import CONFLICTS, MEETINGS, STATIVE, TOPIC_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Found", "Resolver", "TriggerCoding"]

GREETINGS = frozenset({"welcome", "greet"})  # of a person: a visit hosted; of a decision: praise




PROTESTS = frozenset({"protest", "lodge", "complain", "condemn", "summon", "denounce", "accuse"})
DRILLS = frozenset({"drill", "exercise", "manoeuvre", "maneuver", "game", "patrol"})
REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself"})  # "had attacked themselves"

DELIBERATION = frozenset({"consider", "weigh", "mull", "contemplate", "study", "debate", "eye"})
HELD_BEFORE = frozenset({"after", "following", "during"})  # a meeting noun these govern was held
WISHES = frozenset(k for k, v in GOVERNOR_OF.items() if v in ("intent", "appeal", "try", "threat")) - {
    "offer"
}

class TriggerCoding(FlaggedActs):
    """Codes one trigger: status, code, pairs (``reader.TriggerReader`` runs one per trigger)."""

    final: str | None = None  # the code the act was coded with, once its pairs are sought

    def run(self) -> list[Found]:
        """The trigger's coded dyads (none if its clause or its words say it is no act)."""
        tok = self.trig.tok
        if reason_given(tok) or (self.trig.noun and (named_as_reason(tok) or blamed_for(tok))) \
                or exhorts_both(tok) or questioned(tok):
            return []
        self.status = self._status(tok, clause_of(tok))
        flagged = self._flagged(tok)
        if flagged is not None:
            return flagged
        code = self._code(tok)
        return self._coded(tok, code) if code is not None else []

    def _code(self, tok: Token) -> str | None:
        """The CAMEO code of the act, from its pattern, its clause's status and its words."""
        act = ordered(tok, self.told_alone or self.trig.pattern.code)
        act = arrival(tok, act) if act is not None and act[:3] == "042" else act  # (aid, troops)
        if act is None or self._not_an_act(tok, act):
            return None
        gerund = tok.dep_ in ("dobj", "pobj")  # "ending five days of fighting"
        if (self.trig.noun or gerund) and halting(tok):  # "paused military aid to Ukraine": 1622
            act = halted(refine(act, {t.lower_ for t in tok.subtree})) or act
        code = modal_code(act, self.status)
        if code is None:
            return None
        if naming(tok) or self._names_a_thing(tok) or (tok.lemma_.lower() == "call" and what_called(tok)):
            if judged_what_called(tok) or (what_called(tok) and not named_author(tok)) or not (
                    reproach(tok) or judged_act(tok)):
                return None  # ("condemned what it called ...": the condemnation is the act)
            return "111"  # "called the Chinese manoeuvres 'dangerous and unlawful'": a criticism
        return self._refined(tok, code)  # (the words of a name given refine nothing)

    def _coded(self, tok: Token, code: str) -> list[Found]:
        """The act's dyads, and the acts told with it (``companions``)."""
        self.code = self.final = code
        pairs, path = self._pairs(tok, code)
        mutual = code[:2] in JOINT_ROOTS or bool(self.flags & {"mutual", "sym"})
        if path != "joint" and not mutual and acts_on_itself(tok, pairs):
            return []  # "Mali, Niger and Burkina Faso condemned the downing as an act of
            # aggression against their whole confederation": not against each other
        if code == "140" and pairs and all(is_state(s) for s, _ in pairs):
            code = "114"  # "Vietnam protested China's construction": a state complains officially
        if (code[:2] in ("10", "13") or code[:3] == "042") and sent_home(tok):  # (not "sent an envoy")
            code = "174"  # "ordered six Canadian diplomats to leave": an expulsion
        if code[:2] == "07":  # "sending millions of Israelis into shelters": whom it sends, no recipient
            sent = {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
            pairs = [(s, t) for s, t in pairs if not (t.kind in ("people", "possessor") and t.head in sent)]
        if code[:3] == "045":  # "brokered the truce together with the United States": no party
            pairs = [(s, t) for s, t in pairs
                     if not (co_mediator(self.doc[t.head], tok) or co_mediator(self.doc[s.head], tok))]
        if code == "074" and pairs and all(at_border(self.doc[t.head]) for _, t in pairs):
            code = "150"  # "ordered troops to the border with Colombia": force shown, not lent
        if code == "051" and tok.lemma_.lower() in GREETINGS and pairs and all(
                someone(t) and not t.coref for _, t in pairs):  # (not "welcomed the release")
            code = "043"  # "welcomed Xi", "was greeted by Trump": a visitor welcomed is hosted
        start, end = min(tok.i, self.trig.last), max(tok.i, self.trig.last) + 1
        base = (0.75 if self.trig.noun else 0.9) * PATH_WEIGHT[path]
        chairs = self._presiders(tok) if (code[:2] in ("04", "08") or code == "057") and pairs else []
        coded = companions(tok, code, pairs, chairs, self.actors, self.trig.noun)
        return [
            Found(s, t, c, confidence(base, s, t), start, end, path)
            for s, t, c in coded
            if s.country != t.country and s.country and t.country and not private_envoy(s, code)
        ]

    def _status(self, tok: Token, governor: Token) -> str:
        """The trigger's status (``clauses.status``) with what the sentence around it adds."""
        if self.trig.pattern.code[:3] == "045" and brokered_deal(tok):
            return "act"  # "agreed to end the fighting under a deal brokered by Moscow": it was
        found = status(governor if self.trig.noun else tok)
        wish = governor.lemma_.lower() in WISHES | DELIBERATION and found != "refuse"  # (refused
        # to commit to aid; "is considering new sanctions": weighed, not imposed)
        wish = wish and not (tok.dep_ == "pobj" and tok.head.lower_ in HELD_BEFORE)  # ("agreed to
        # a ceasefire after talks in Moscow": the talks were held)
        if self.trig.noun and governor.i != tok.i and wish:
            return "off"  # "India wants talks with China": wanted, not held
        if (self.trig.noun and supposed(tok)) or content_of_document(tok):
            return "off"  # "an attack on Taiwan could prompt ...", "a treaty settling the border"
        if describes(tok) and self.actors.group(tok.head, True):
            return "off"  # "Mali and Niger, which have formed an alliance, said ...": background
        if under_document(governor):
            return "off"  # "Under the treaty, Australia will provide ...": its terms
        if found != "intent":
            return found
        code = self.trig.pattern.code
        if code[:3] == "087" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "agree":
            return "act"  # "agreed to halt hostilities": a ceasefire agreed is declared
        if code[:2] >= "14" and conditions(tok, 0):
            return "threat"  # "would put tariffs on Denmark if it stood in the way"
        return found

    def _not_an_act(self, tok: Token, act: str) -> bool:
        """What the trigger's words name is not the act its pattern codes."""
        if "03" <= act[:2] <= "08" and tok.lemma_.lower() not in TOPIC_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in CONFLICTS for c in tok.children):
            return True  # "deepening a trade conflict": no cooperation ("discussed the dispute" is)
        if not self.trig.pattern.post and tok.lemma_.lower() in INTENSIFIERS and not any(
                c.dep_ == "dobj" for c in tok.children):
            return True  # "as the row escalates": what grows is named by no object
        if act[:3] in ("042", "043") and self._received_a_thing(tok):
            return True  # "received assurances from Beijing": no visit hosted
        if act[:2] == "04" and no_meeting(tok, act, self.trig.noun):
            return True  # "boycotted the talks", "flew a drone over ...", "hosts a Russian base"
        if act[:2] in ("18", "19") and (dealt(tok) or no_force(tok)):
            return True  # "struck a deal", "fought a trade war", "overcome the impasse"
        if act[:3] == "110" and standing_claim(tok):
            return True  # "claims Taiwan as its own"
        return tok.lemma_.lower() == "approach" and any(  # "approached oil vessels": a move,
            c.dep_ == "dobj" and not self.actors.group(c, False) for c in tok.children)  # no démarche

    def _refined(self, tok: Token, code: str) -> str:
        """The code its object's words and the scene make more precise."""
        code = refine(code, {t.lower_ for t in right_words(tok, 12)} | {tok.lower_})
        if code == "042" and deployed(tok):
            return "074"  # "Nigerian troops arrived in Monrovia": sent there, not a visit
        if code == "020" and tok.lemma_.lower() == "call" and not asks(tok):
            return "042"  # "called on Prime Minister Shehbaz Sharif at the PM House": a call paid
        if self.trig.noun and code[:2] == "06" and tok.lemma_.lower() in DRILLS and self._shown_to(tok):
            return "150"  # "held military drills around Taiwan": a show of force, not a joint drill
        if code[:2] == "07" and into_waters(tok):
            return "150"  # "sent a survey ship into Cypriot waters": force shown, not aid
        aimed_at = (tok, *(c for c in tok.children if c.dep_ == "dobj"))  # (not "sent troops to
        if code[:2] == "07" and any(c.dep_ == "prep" and c.lower_ == "against"  # Russia to fight
                                    for h in aimed_at for c in h.children):  # against Ukraine")
            return "190"  # "sent F-16 fighter jets against Cambodian military targets": force
        if code[:2] == "19" and tok.lemma_.lower() == "clash" and any(
                c.dep_ == "prep" and o.lemma_.lower() in MEETINGS for c in tok.children for o in c.children):
            return "111"  # "clashed in a heated Oval Office meeting": words, not force
        return code

    def _pairs(self, tok: Token, code: str) -> tuple[list[tuple[ActorRef, ActorRef]], str]:
        if self.trig.noun:
            return self._noun_pairs(tok, code)
        if misread_visiting(tok):  # "Li Qiang met visiting Pakistani Prime Minister Sharif": his visit
            visitors = [a for c in tok.children if c.dep_ == "dobj" for a in self.actors.group(c, False)]
            hosts = self._subjects(tok.head)
            return [(v, h) for v in visitors for h in hosts if v.country != h.country], "parse"
        stative = tok.lemma_.lower() in STATIVE
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and not stative:
            return self._passive(tok), "parse"
        if misread_passive(tok, code):  # "British couple X and Y, detained while travelling, ..."
            return self._passive(tok, [a for c in tok.children if c.dep_ == "nsubj"
                                       for a in self.actors.group(c, False)]), "parse"
        reduced = tok.dep_ == "acl" and tok.tag_ == "VBN"  # "soldiers killed by ...": passive
        if reduced and not any(c.dep_ == "dobj" for c in tok.children):  # (not "X bombed Y")
            parties = self.actors.group(tok.head, False)
            if not parties and code[:3] == "045":  # "signed a deal brokered by the US"
                parties = self._mediated(tok.head)
            return self._passive(tok, parties), "parse"
        subjects = self._subjects(tok)
        if not subjects and code == "073":  # "relief flights from the UAE landed", "an Indian aid convoy"
            subjects = [a for o in aid_senders(tok) for a in self.actors.group(o, True)] or [
                d for c in aid_carriers(tok) for d in self.actors.demonyms_of(c)]
        targets = [(t, prep) for t, prep in self._targets(tok, code) if t.country]
        if not subjects and targets and code[:2] in UNCLAIMED_ROOTS:  # "a bombing near Samarra killed"
            subjects = scene_of(tok, self.actors, [t for t, _ in targets])
        return self._direct(tok, code, subjects, targets)

    def _direct(
        self, tok: Token, code: str, subjects: list[ActorRef], targets: list[tuple[ActorRef, str]]
    ) -> tuple[list[tuple[ActorRef, ActorRef]], str]:
        if self.status == "appeal" and tok.dep_ == "xcomp":
            # "urged Russia to supply arms", "urged Russia to withdraw from Georgia": the one
            # urged is the target
            urged = [(a, "obj") for c in tok.head.children if c.dep_ == "dobj"
                     for a in self._phrase(c, tok.head, strict=True)]
            targets = urged or targets
        if subjects and not targets and self.status == "act" and code[:2] in FORCE:
            self.lone = [(s, code) for s in subjects if not s.coref]  # ("Israeli troops stormed
            # the mosque": the author of "the incursion" a later sentence condemns)
        sources, aims = len({s.country for s in subjects}), len({t.country for t, _ in targets})
        if aims > 2 * GROUP_MAX or (aims > GROUP_MAX and sources > 1) or (
                sources > GROUP_MAX and (aims > 1 or sources > 2 * GROUP_MAX)):
            # "Russia condemned <forty countries>": multilateral, not bilateral; up to twelve
            # states named as one's targets ("congratulates Argentina, Egypt, ... and the UAE")
            # or up to twelve that each condemn one are each one's act
            return [], "parse"
        if subjects and targets:
            mutual = ("mutual" in self.flags or code[:2] in MUTUAL_ROOTS) and self.status == "act"
            mutual = mutual and code not in ONE_WAY and code[:2] != "16"  # (ending talks: one side's)
            pairs = []
            for s in subjects:
                for t, prep in targets:
                    if "recv" in self.flags:
                        if prep == "from":  # "received a call from X": X -> subject (and back
                            pairs += [(t, s), (s, t)] if "mutual" in self.flags else [(t, s)]
                        continue  # for a call: the two spoke)
                    pairs.append((s, t))
                    if mutual and (prep == "with" or "mutual" in self.flags):
                        pairs.append((t, s))
            return pairs, "parse"
        if len({s.country for s in subjects}) >= 2 and ("sym" in self.flags or self._joint(tok, code)):
            return each_way(subjects), "joint"
        if subjects and code[:2] in ("18", "19", "20") and answers(tok):
            mine = {s.country for s in subjects}  # "..., and South Korean forces returned fire"
            others = {r.country: r for r in self.actors.countries() if r.country and r.country not in mine}
            if len(others) == 1:
                return [(s, t) for s in subjects for t in others.values()], "parse"
        if subjects and code[:2] == "13":  # "threatened to retaliate if the US deploys ..."
            conditioned = [a for clause in conditions(tok) for a in self._subjects(clause)]
            if conditioned:
                return [(s, t) for s in subjects for t in conditioned], "parse"
        speaker = speech_head(tok)
        reflexive = any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in tok.children)
        if subjects and speaker is not None and code[:2] >= "10" and code[:2] != "15" and not reflexive \
                and not at_open_sea(tok):  # ("Japan says North Korea fired a missile into the sea")
            said = self._subjects(speaker)
            return [(s, t) for s in subjects for t in said], "speaker"
        visit = self.trig.pattern.code in ("042", "044")  # "attended a summit in Brazil": a visit there
        if subjects and (code[:2] in FORCE_ROOTS or code[:2] == "07" or "loc" in self.flags or visit):
            # "(refused to) deploy peacekeepers in Iraq", "offered to send peacekeepers to Gaza"
            places = self._places(tok, {"to", "into"} if "loc" in self.flags or visit else set(),
                                  frozenset({"on", "around", "across"}) if visit else frozenset())
            if visit:  # "to attend the Beijing Olympics"
                places += [r for c in tok.children if c.dep_ == "dobj" for m in c.children
                           if m.dep_ == "compound" and (r := self.actors.at.get(m.i)) is not None
                           and r.kind in ("city", "capital")]
            joint = {s.country for s in subjects} if code[:2] in FORCE_ROOTS else set()
            places = [p for p in places if len(joint) < 2 or p.country not in joint]  # ("Ugandan
            if places:  # and Congolese troops launched joint strikes ... in eastern Congo")
                return [(s, p) for s in subjects for p in places], "parse"
        protest = tok.head.lemma_.lower() in PROTESTS and tok.head.i != tok.i
        if subjects and code[:2] in FORCE_ROOTS and tok.dep_ == "advcl" and protest:
            # "India protested to Pakistan after Pakistani troops fired across the border"
            mine = {s.country for s in subjects}
            answered = [m for m in self._subjects(tok.head) if m.country not in mine]
            if answered:
                return [(s, m) for s in subjects for m in answered], "parse"
        if subjects and self.status in ("act", "appeal", "intent"):
            return [(s, t) for s in subjects for t in self._nearby(tok, subjects)], "fallback"
        return [], "parse"
