"""Who did it and to whom, read off the dependency arcs around one trigger.

Roles: the subject (``nsubj``; inherited through ``xcomp``/``conj``/``advcl`` and "by
<gerund>"; the noun a relative clause describes), the passive agent (``by X``; ``from X`` after
expel-like verbs; else, for arrests and attacks, the place) and passive subject, the direct
object and dative, prepositional objects of the verb and of its object noun (``to/with/
against/on/at X``: "sanctions on Moscow", "aid to Myanmar"; ``from X`` for requests and
acquisitions; read by ``preps.PrepObjects``), and foreign places where force is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.clauses import speech_head
from agents.coder.meetings import presiders
from agents.coder.naming import JUDGING_VERBS, NAMED_DEPS, NAMING_VERBS, the_name, what_called
from agents.coder.objects import blamed_on, listed_on, owned_object, price_paid, purpose
from agents.coder.patterns import Trigger, right_words
from agents.coder.phrases import SentenceActors
from agents.coder.preps import PrepObjects
from agents.coder.refs import ActorRef
from agents.coder.scenes import FORCE, PLACE_PREPS, SCENE_KINDS, UNCLAIMED_ROOTS, scene_of
from agents.coder.scenes import HELD as HELD_VERBS
from agents.coder.subjects import Resolver, verb_as_compound
from agents.coder.syntax import (
    ADJUNCT_PREPS,
    after_clause,
    clause_of,
    directive,
    each_way,
    first_conjunct,
    misread_visiting,
    object_as_subject,
    onlookers,
    relative_subjects,
    second_subject,
    signed_unsaid,
)
from agents.coder.words import (
    ACQUIRE,
    ARRESTS,
    BORDERS,
    FORCE_NOUNS,
    HARDWARE,
    JOINT,
    PASSIVE_FROM,
    TOPIC_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Resolver", "Roles"]



BARE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "cc", "conj", "punct", "neg", "advmod",
                       "prt"})
HELD = frozenset({"084", "173"})  # freed or arrested: "freed a Russian hacker"
STATE_ONLY = frozenset({"summon", "expel", "declare", "deport"})  # what only a state does to envoys
VERBAL_CONFLICT = frozenset({"10", "11", "12", "13", "14"})  # reproaches aim at who is told of
OFFICES = frozenset({"ministry", "office"})  # where envoys are summoned: the state that summons
RELEASES = frozenset({"release", "return", "freedom"})  # asked for: of people someone holds
DETAINING = HELD_VERBS | {"seize", "capture", "abduct", "kidnap"}  # (people held, and taken)
AFTERMATH = frozenset({"after", "following", "since", "amid", "despite"})  # (an act told as the time


class Roles(PrepObjects):
    """The role finders of one trigger in one parsed sentence; ``code`` and ``status`` are set
    by the caller before roles are read."""

    def __init__(self, doc: Doc, actors: SentenceActors, trig: Trigger, resolve: Resolver) -> None:
        self.doc, self.actors, self.trig, self.resolve = doc, actors, trig, resolve
        self.flags = trig.pattern.flags
        self.status = "act"
        self.code = trig.pattern.code
        self.lone: list[tuple[ActorRef, str]] = []  # acts of force told with no target (``_direct``)

    def _targets(self, tok: Token, code: str, depth: int = 1) -> list[tuple[ActorRef, str]]:
        if verb_as_compound(tok):  # "welcomes and [congratulates Argentina], Egypt ...": the
            return [(a, "obj") for a in self.actors.group(tok.head, strict=True)]  # names after it
        blamed = blamed_on(tok)  # "blamed the attack on Israel": Israel, not the attack's target
        if blamed:
            return [(a, "on") for o in blamed for a in self._phrase(o, tok, strict=True)]
        out: list[tuple[ActorRef, str]] = []
        nested: list[tuple[ActorRef, str]] = []  # only when nothing closer names a target
        for c in tok.children:
            if c.dep_ == "dobj" and (tok.lemma_.lower() in TOPIC_VERBS or listed_on(c)):
                continue  # "discussed Venezuela": the topic, not a partner
            if c.dep_ in ("dobj", "attr", "oprd") and the_name(tok, c):
                continue  # "called the attack an act of sabotage against Syria": the name given
            if c.dep_ in ("dobj", "attr", "oprd") or (c.dep_ == "dative" and c.pos_ != "ADP") \
                    or second_subject(tok, c):
                goods = code[:2] in ("06", "07")  # "bought Russian tanks": goods, not a partner
                # "rejected the Chinese proposal", "freed a Russian hacker": a demonym names whose
                judged_act = (code[:2] in ("11", "12") or code[:3] in HELD) and c.dep_ == "dobj"
                named = [a for a in self._phrase(c, tok, strict=False, loose=judged_act)
                         if not (goods and self.doc[a.head].lower_ in HARDWARE)]
                out.extend((a, "obj") for a in named)
                if code[:2] == "05" and len({a.country for a in self._subjects(tok)}) == 1:
                    nested += [(a, "obj") for s in relative_subjects(c)  # "signed an agreement under
                               for a in self._phrase(s, c, True)]  # which China will provide aid"
                if code[:2] == "10" and c.lemma_.lower() in RELEASES:  # "demanded the release of 15
                    out.extend((a, "obj") for a in self._held_by(c))  # sailors detained by Iran"
                owned = any(ch.dep_ == "poss" and (named or ch.i in self.actors.at) for ch in c.children)
                # "condemned the attack on Qatar": its author, not its victim
                judged = code[:2] in ("11", "12") and c.lemma_.lower() in FORCE_NOUNS
                if judged:  # "condemned the raids carried out by Israel": whose they were
                    out.extend(self._authors(c))
                if not owned and not judged:  # not "backed China's position on Taiwan"
                    for obj in (c, *c.conjuncts):  # "launched 400 drones and 40 missiles at X"
                        out.extend(self._prep_objects(obj))
            elif c.lower_ == "persona_non_grata" and c.dep_ in ("ccomp", "xcomp", "oprd"):  # "declared
                out.extend((a, "obj") for m in c.children if m.dep_ in ("compound", "nsubj")  # two
                           for a in self._phrase(m, tok, strict=False))  # Russian diplomats [it]"
            elif c.dep_ in ("prep", "dative", "agent"):
                if c.lower_ == "to" and code[:2] in ("11", "12") and owned_object(tok):
                    continue  # "condemned Iran's transfer of missiles [to Russia]": the act's
                if c.lower_ == "with" and onlookers(c):  # "hosted A and B, with the US and Chinese
                    continue  # ambassadors in attendance": there, not hosted
                found = self._prep_object(c)
                if not found and c.lower_ in ("with", "in", "by", "on"):  # "answered with fire on X"
                    nested += [p for o in c.children if o.dep_ == "pobj" for p in self._prep_objects(o, 1)]
                out.extend(found)
            elif c.dep_ == "advmod" and c.lower_ in ("back", "home"):  # "sent 40 men back to China"
                out.extend(a for p in c.children if p.dep_ == "prep" for a in self._prep_object(p))
            elif c.dep_ == "xcomp" and c.pos_ == "VERB" and depth > 0:
                # "refused to lift the curfew on X"; not "asked Beijing to use its influence on X"
                nested += self._targets(c, code, depth - (c.lemma_.lower() != "help"))  # "to help
                # rebuild Afghanistan": through "help" to what it helps do
            elif misread_visiting(c):  # "met visiting Cuban leader X": X is met
                out.extend((a, "obj") for o in c.children if o.dep_ == "dobj"
                           for a in self._phrase(o, c, False))
            elif c.dep_ == "advcl" and object_as_subject(tok, c):  # "killed 18 Palestinians waiting"
                out.extend((a, "obj") for s in c.children if s.dep_ == "nsubj"
                           for a in self._phrase(s, tok, strict=False))
            elif c.dep_ == "advcl" and code[:2] == "11" and after_clause(c):  # "protested after the US
                nested += [(a, "obj") for s in c.children if s.dep_ == "nsubj"  # shot down a balloon":
                           for a in self._phrase(s, c, strict=True)]  # the US, if nothing closer
            elif c.dep_ == "advcl" and self.trig.pattern.code[:2] == "07" and depth > 0 and purpose(c):
                nested += self._targets(c, code, depth)  # "send arms to help defend Saudi Arabia"
            elif c.dep_ == "ccomp" and what_called(c):  # "condemned what it called an act by X"
                names = [n for n in c.children if n.dep_ in NAMED_DEPS and n.lower_ != "what"]
                labelled = [(a, "obj") for n in names for a in self._phrase(n, c, strict=False)
                            or self.actors.demonyms_of(n)]  # ("'Russian state terrorism'": Russia's)
                labelled += [(a, "obj") for n in c.children if n.dep_ in ("agent", "prep")
                             and n.lower_ == "by" for o in n.children if o.dep_ == "pobj"
                             for a in self._phrase(o, c, strict=False)]
                if not labelled and tok.lemma_.lower() in JUDGING_VERBS:  # "condemned what it called
                    labelled = [(a, "obj") for w in c.children if w.lower_ == "what"  # 'aggression'":
                                for a in self.resolve(w)]  # the act told before
                out.extend(labelled)
            elif c.dep_ == "ccomp" and tok.lemma_.lower() in ("warn", "threaten") and price_paid(c):
                out.extend((a, "obj") for s in c.children if s.dep_ == "nsubj"  # "warned that Lebanon
                           for a in self._phrase(s, c, strict=False))  # would pay a heavy price"
            elif c.dep_ == "ccomp" and directive(tok):
                subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                if not subj and c.pos_ == "NOUN":  # "demanded that Russia apologise" (read as a noun)
                    subj = [s for s in c.children if s.dep_ == "compound"]
                out.extend((a, "obj") for s in subj[:1] for a in self._phrase(s, c, strict=True))
        bare = all(c.dep_ in BARE_DEPS or (c.dep_ == "prep" and not any(c.children))  # ("fired on
                   for c in tok.children)  # and seized"): nothing of its own after the verb
        if not out and depth > 0 and bare:
            shared = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                      and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
            for verb in shared[:1]:  # "deported or repatriated 11,000 Haitians": one object
                out = [(a, why) for a, why in self._targets(verb, code, 0) if why == "obj"]
        if self.trig.pattern.target_prep == "to" and any(why == "to" and a.country for a, why in out):
            out = [(a, why) for a, why in out if why != "obj"]  # "extradited Venezuelan ex-spy chief
        return out if any(a.country for a, _ in out) else out + nested  # Carvajal to the US": the US

    def _presiders(self, tok: Token) -> list[ActorRef]:
        """Who presides over the meeting ``tok`` tells (``meetings.presiders``)."""
        return presiders(tok, self.actors.countries())

    def _passive(self, tok: Token, targets: list[ActorRef] | None = None) -> list[tuple[ActorRef, ActorRef]]:
        """'X was expelled from Peru', 'Evidence against Russia was presented by the US'; with
        no agent, the place of an arrest or an attack stands for who did it ('soldiers were
        killed in Ukraine', 'arrested in Lebanon'), as in GDELT."""
        if targets is None:
            subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not subjects and tok.dep_ == "conj":  # "Marcos arrived ... and was welcomed by
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]  # Thuong": Marcos
            targets = [a for c in subjects for a in self._phrase(c, tok, False)]
            targets += [a for c in subjects for a, _ in self._prep_objects(c)]
        sources: list[ActorRef] = []
        for c in tok.children:
            by = c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            frm = c.dep_ == "prep" and c.lower_ == "from" and tok.lemma_.lower() in PASSIVE_FROM
            if by or frm:
                sources.extend(a for o in c.children if o.dep_ == "pobj" for a in self.actors.group(o, True))
        split: list[Token] = []
        if not sources and self.code[:2] in FORCE:  # "killed in Israeli tank shelling"
            sources, split = self._force_users(tok)
        if sources and not targets and self.code[:2] in FORCE:  # "a hospital in Kharkiv was struck"
            struck = [c for c in tok.children if c.dep_ == "nsubjpass"] + split
            targets = self._places(tok) + [p for t in struck for p in self._places(t)]
        threat = self.trig.pattern.code[:2] in FORCE and self.status in ("threat", "intent")
        warner = speech_head(tok) if threat and not sources else None
        if warner is not None and warner.lemma_.lower() in ("warn", "threaten"):
            sources = self._subjects(warner)  # "warned that Beirut would be struck if ...": by who warns
        if not sources and self.code[:2] in UNCLAIMED_ROOTS:  # "soldiers were killed in Ukraine"
            sources = scene_of(tok, self.actors, targets)
        if not sources and tok.lemma_.lower() == "recall" and targets:  # "Armenia's ambassador
            return self._recalled(tok)  # to Belarus had been recalled": by Armenia, from Belarus
        if not sources and self.code[:3] == "084":  # "X, held in Russia since 2021, was released"
            sources = self._holders(tok)
        only_states = self.code[:3] in ARRESTS or self.code == "114" or tok.lemma_.lower() in STATE_ONLY
        if not sources and only_states:
            # only a state arrests or summons: where, is who ("summoned to the ministry in Paris")
            places = self._places(tok, {"to"})
            sources = [p for p in places if p.kind in SCENE_KINDS] or [
                a for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"  # "summoned to the
                for o in c.children if o.lower_ in OFFICES  # (Polish foreign) ministry"
                for a in (self.actors.own(o, True) or self.resolve(o))]
        if not sources and only_states:
            sources = self._reporter(tok, targets)  # "China says the consul has been expelled"
        joint = self.code[:2] in JOINT and self.code[:3] != "045"  # mediators: not each other's
        if not targets and len({s.country for s in sources}) >= 2 and joint:
            return each_way(sources)  # "the accord was signed by Chile and Argentina"
        signed = any(signed_unsaid(c) for c in tok.children)  # "Agreements were also signed":
        if signed and not sources and joint and len({t.country for t in targets}) >= 2:  # by the
            return each_way(targets)  # pair told before
        return [(s, t) for s in sources for t in targets]

    def _reporter(self, tok: Token, targets: list[ActorRef]) -> list[ActorRef]:
        """The state that says it did what only a state does, told in the passive with no agent
        ('China's foreign ministry says the Canadian consul has been declared persona non
        grata'): by the speaker's state, when the patient is another state's."""
        head = speech_head(tok)
        told = {t.country for t in targets}
        if head is None or not told:
            return []
        return [s for s in self._subjects(head) if s.country and s.country not in told]

    def _held_by(self, noun: Token) -> list[ActorRef]:
        """Who holds the people whose release is asked for: the agent or the place of the
        detention verb in the phrase ('the release of sailors detained by Iran', '... of an
        employee who was detained in Beijing')."""
        held = [t for t in noun.subtree if t.pos_ == "VERB" and t.lemma_.lower() in DETAINING]
        agents = [c for t in held for c in t.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"]
        by = [a for c in agents for o in c.children if o.dep_ == "pobj" for a in self.actors.group(o, True)]
        return by or self._held_in(noun, DETAINING)

    def _recalled(self, tok: Token) -> list[tuple[ActorRef, ActorRef]]:
        """An envoy recalled, told in the passive with no agent: by the envoy's state, from the
        state named as the post ('Armenia's ambassador to Belarus was recalled')."""
        envoys = [c for c in tok.children if c.dep_ == "nsubjpass"]
        posts = [(a, p) for c in envoys for a, p in self._prep_objects(c, 1) if p in ("to", "in")]
        owners = [a for c in envoys for a in self._phrase(c, tok, False)
                  if not any(a.country == post.country for post, _ in posts)]
        return [(o, post) for o in owners for post, _ in posts if o.country]

    def _mediated(self, noun: Token) -> list[ActorRef]:
        """The parties of an arrangement a mediator brokered: those 'between' whom it is, else
        who made it ('A and B signed a deal brokered by X', 'freed prisoners in an exchange
        mediated by X')."""
        between = [a for a, low in self._prep_objects(noun, 0) if low in ("between", "among")]
        verb = next((h for h in noun.ancestors if h.pos_ in ("VERB", "AUX")), None)
        return between or (self._subjects(verb) if verb is not None else [])

    def _noun_subjects(self, tok: Token) -> list[ActorRef]:
        """The subject of the verb whose object (or prepositional object) the event noun is,
        or in whose time or purpose it stands ('praised China during talks with Xi')."""
        if tok.dep_ == "pobj" and tok.head.lower_ in AFTERMATH and self.code[:2] >= "15":
            return []  # "sent condolences to Bush after the attacks on New York": not Putin's
        head = clause_of(tok)
        if tok.dep_ == "dobj" and head.lemma_.lower() in NAMING_VERBS | JUDGING_VERBS:
            return []  # "described the attack as state terrorism": not the speaker's attack
        if head.i == tok.i and tok.dep_ == "pobj" and tok.head.lower_ in ADJUNCT_PREPS:
            head = next((h for h in tok.head.ancestors if h.pos_ == "VERB"), tok)
        return self._subjects(head) if head.i != tok.i else []

    def _nearby(self, tok: Token, subjects: list[ActorRef]) -> list[ActorRef]:
        """Fallback: the one other country named inside the trigger's own phrase (not in the
        clauses it governs) when no arc names a target."""
        mine = {s.country for s in subjects}
        found = {}
        visit = self.code[:3] in ("042", "043")
        for t in right_words(tok, 12):
            p = first_conjunct(t) if visit else t  # ("fly around France and Spain")
            where = p.dep_ == "pobj" and (p.head.lower_ in PLACE_PREPS | {"about"} or (  # (or a topic,
                p.head.lower_ == "from" and visit))  # or where one flew from:
            where = where or (self.code[:2] not in VERBAL_CONFLICT and any(  # "sanctioned ... over
                a.dep_ == "prep" and a.lower_ == "over" for a in t.ancestors))  # Taiwan arms sales"
            # (a protest "over a post by China's consul" is China's)
            if where or t.head.lemma_.lower() in BORDERS:
                continue
            for a in self.actors.own(t, False):
                goods = self.doc[a.head].lower_ in HARDWARE
                if a.country not in mine and a.kind not in ("city", "possessor", "capital") and not goods:
                    found[a.country] = a
        if not found and (self.code[:2] in ("02", "06", "07") or tok.lemma_.lower() in ACQUIRE):
            # a misattached "from X" after an acquisition or a request names the other party
            for t in tok.doc[tok.i + 1 :]:
                if t.dep_ == "pobj" and t.head.lower_ == "from":
                    found.update((a.country, a) for a in self.actors.own(t, True) if a.country not in mine)
        return list(found.values()) if len(found) == 1 else []
