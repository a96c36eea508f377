"""The discourse's memory and its queries: the actors, subjects, groups and pairs earlier
sentences named, and who a group phrase, an object pronoun, "their", "each side ... the other"
or an office-holder titled with no country stands for. ``discourse.Discourse`` adds what is
told (acts, meetings, organs) and dispatches a token to the rule that reads it.

Only the last ``WINDOW`` sentences are candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from agents.coder.matcher import ActorHit
from agents.coder.refs import ActorRef
from agents.coder.syntax import subject_countries

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ADDRESSING", "PEOPLE_NOUNS", "PERSON_KINDS", "WINDOW", "DiscourseMemory", "addressed",
           "coref_to", "each_other", "hit_ref", "someone"]

WINDOW = 3
PEOPLE_NOUNS = frozenset({"leaders", "presidents", "ministers", "premiers", "counterparts"})
PERSON_KINDS = frozenset({"leader", "person", "agent"})
LIST_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")  # between two names of a list ("A, B and C")
REPORTING = frozenset({"say", "tell", "announce", "state", "add", "note", "report"})  # who tells of a group


def someone(ref: ActorRef) -> bool:
    """A person "he" or "she" can stand for: a leader, a person, or an agent with a role ("the
    Saudi minister": SAUGOV), not a country's strikes or warships (an agent with no role)."""
    return ref.kind in ("leader", "person") or (ref.kind == "agent" and len(ref.actor) > 3)


def hit_ref(hit: ActorHit) -> ActorRef:
    """The actor of a name found in a sentence that is not parsed (no token positions)."""
    name = hit.name
    assert name is not None
    return ActorRef(name.country, name.actor, name.kind, -1, -1, -1)


def coref_to(ref: ActorRef, tok: Token) -> ActorRef:
    """``ref`` as it stands at ``tok``, a coreferring mention."""
    return replace(ref, head=tok.i, i0=tok.i, i1=tok.i + 1, coref=True)


class DiscourseMemory:
    """What earlier sentences named: actors, their subjects and groups, and the pairs coded."""

    def __init__(self, home: str = "") -> None:
        """``home``: the country of the story's dateline, for a state's organ named alone before
        any country ("TEHRAN (IRNA) - The Foreign Ministry on Sunday summoned ...": Iran's)."""
        self.home = home
        self.memory: list[tuple[int, ActorRef]] = []
        self.groups: list[tuple[int, list[ActorRef]]] = []
        self.acts: list[tuple[int, ActorRef, str]] = []
        self.lone: list[tuple[int, ActorRef, str]] = []  # acts of force told with no target
        self.pairs: list[tuple[int, ActorRef, ActorRef]] = []
        self.meetings: list[tuple[int, ActorRef, ActorRef]] = []
        self.swaps: list[tuple[int, ActorRef, ActorRef]] = []  # releases: "the exchange"
        self.visits: list[tuple[int, ActorRef, ActorRef]] = []  # (visitor, host): "his hosts"
        self.organs: list[tuple[int, frozenset[str], ActorRef]] = []
        self.subjects: list[tuple[int, ActorRef]] = []

    def opened(self, index: int, refs: list[ActorRef]) -> None:
        """Actors that open sentence ``index``, not parsed: its likely subjects ("China advised
        its citizens ..."), for an office-holder titled later with no country."""
        self.subjects.extend((index, ref) for ref in refs)

    def _latest(self, index: int, ok: object, tok: Token, n: int, window: int = WINDOW) -> list[ActorRef]:
        test = ok if callable(ok) else (lambda r: True)
        found: list[ActorRef] = []
        for sent_index, ref in reversed(self.memory):
            if sent_index >= index:
                continue
            if sent_index < index - window:
                break
            if test(ref) and ref.country not in {f.country for f in found}:
                found.append(coref_to(ref, tok))
                if len(found) == n:
                    break
        return found

    def listed(self, index: int, text: str, hits: Sequence[ActorHit]) -> None:
        """The countries an unparsed sentence lists together ("China, Afghanistan and Pakistan
        are friendly neighbours"), as a group a later "the three sides" stands for."""
        run: list[ActorHit] = []
        for hit in [h for h in hits if h.name is not None and h.name.country]:
            if run and LIST_GAP.fullmatch(text[run[-1].end : hit.start]) is None:
                self._add_run(index, run)
                run = []
            run.append(hit)
        self._add_run(index, run)

    def _add_run(self, index: int, run: list[ActorHit]) -> None:
        refs = [hit_ref(h) for h in run]
        if len({r.country for r in refs}) >= 2:
            self.groups.append((index, refs))

    def _group(self, index: int, here: list[ActorRef], tok: Token, size: int) -> list[ActorRef]:
        """The last ``size`` countries named before ``tok`` ("the two sides"), or none; for
        three or more, the last group of that many named together in the window. A group its
        clause's subject speaks to leaves the subject out ("Trump called both leaders")."""
        speaking = subject_countries(here, tok)
        here = [r for r in here if r.country not in speaking]
        if size > 2:
            for sent_index, group in reversed(self.groups):
                if index - WINDOW <= sent_index < index and len(group) == size:
                    return [coref_to(ref, tok) for ref in group]
        before = [r for r in here if r.head < tok.i]
        # the pair told before, also when only who tells of it is named ("Anwar said commanders
        # from both sides would meet") and is neither side
        reported = not before or (tok.dep_ == "pobj" and all(_reporter(tok, r) for r in before))
        if size == 2 and reported:
            told_pair = self.pair_told(index, tok)
            if told_pair and not {r.country for r in before} & {r.country for r in told_pair}:
                return told_pair
        if tok.lower_ in PEOPLE_NOUNS:  # "the two leaders": the last two people named for countries
            people = self._latest(index, lambda r: r.kind in PERSON_KINDS, tok, size)
            if len(people) == size and not before:
                return people
        found: list[ActorRef] = []
        for ref in reversed(before):
            if ref.country not in {f.country for f in found} and len(found) < size:
                found.append(coref_to(ref, tok))
        if len(found) < size:
            more = self._latest(  # (three or more not named together: only from the sentence
                index, lambda r: r.country not in {f.country for f in found}, tok, size - len(found),
                WINDOW if size == 2 else 1,  # before: "the four leaders" are not the last four
            )  # states named, whatever they did)
            found.extend(more)
        return found if len(found) == size else []

    def pair_told(self, index: int, tok: Token) -> list[ActorRef]:
        """The first pair told both ways in the last sentence of the window that told one
        ("The two sides signed seven agreements", "The leaders held talks"), or none."""
        recent = [(i, a, b) for i, a, b in self.pairs if index - WINDOW <= i < index]
        told = {(a.country, b.country) for _, a, b in recent}
        both = [p for p in recent if (p[2].country, p[1].country) in told]
        last = [p for p in both if p[0] == both[-1][0]][:1] if both else []
        return [coref_to(ref, tok) for ref in last[0][1:]] if last else []

    def _titled(self, index: int, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        """An office-holder titled with no country ("Vice Foreign Minister Masataka Okano"): the
        country that was the subject of the latest sentence in the window that had one, unless
        this sentence names it too ("SANTIAGO - Venezuela withdrew ... Foreign Minister Yvan Gil
        accused ...": Venezuela's); else the dateline's ("TOKYO (Kyodo) - ... Okano summoned
        ..."); else none (whose is unclear: "... Sun Weidong summoned Japan's ambassador")."""
        named = {r.country for r in here}
        last = next((ref for sent_index, ref in reversed(self.subjects)
                     if index - WINDOW <= sent_index < index), None)
        if last is not None and last.country not in named:
            return [coref_to(last, tok)]
        if self.home:
            return [ActorRef(self.home, self.home, "agent", tok.i, tok.i, tok.i + 1, coref=True)]
        return []

    def _owners(self, index: int, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        """'their' owning an object: the last group named together in the window (not the
        clause's subject: "expelled the envoys of Chile and Peru ... accused their governments"),
        else the pair told before."""
        subjects = subject_countries(here, tok.head)
        for sent_index, group in reversed(self.groups):
            if index - WINDOW <= sent_index <= index and not {r.country for r in group} & subjects:
                return [coref_to(ref, tok) for ref in group]
        return self._group(index, here, tok.head, 2)

    def _object_person(self, index: int, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        """'him' / 'her' (an object): the latest person named before it who is not its clause's
        subject ("Putin arrived ..., and Kim met him": Putin), in its sentence or the last two."""
        subjects = subject_countries(here, tok)

        def fits(ref: ActorRef) -> bool:
            return someone(ref) and ref.country not in subjects

        before = [r for r in here if r.head < tok.i and fits(r)]
        if before:
            return [coref_to(before[-1], tok)]
        return self._latest(index, fits, tok, 1, window=2)


def each_other(tok: Token) -> bool:
    """'each side' (a subject) or 'the other' (an object) in "Each side blamed the other"."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    words = {c.lower_ for c in verb.subtree}
    if tok.dep_ == "nsubj":  # (not "each other" itself: "help each other address threats")
        return tok.lower_ != "other" and any(c.lower_ == "each" for c in tok.children) and "other" in words
    the = any(c.lower_ == "the" for c in tok.children)  # (not "help each other")
    return tok.lower_ == "other" and the and tok.dep_ in ("dobj", "pobj") and "each" in words


# verbs whose object 'them' is addressed as states, not named or judged ("accused them of
# belonging to a gang", "calling them a provocation": people, acts)
ADDRESSING = frozenset({"urge", "ask", "tell", "thank", "invite", "congratulate", "press", "encourage",
                        "advise", "implore", "meet", "host", "receive", "mediate"})


def addressed(tok: Token) -> bool:
    """'them' as the object of a verb that addresses states ("urged them", "called on them")."""
    if tok.dep_ == "pobj":
        prep, verb = tok.head, tok.head.head
        return (prep.lower_, verb.lemma_.lower()) in {("on", "call"), ("to", "appeal"), ("to", "speak"),
                                                       ("with", "speak"), ("with", "meet")}
    return tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in ADDRESSING


def _reporter(tok: Token, ref: ActorRef) -> bool:
    """``ref`` is the subject of a verb of saying above ``tok`` ('Anwar said ... both sides')."""
    head = tok.doc[ref.head]
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in REPORTING:
        return False
    cur = tok
    while cur.head.i != cur.i:  # (what is said hangs on the verb as its clausal complement)
        if cur.head.i == head.head.i:
            return cur.dep_ in ("ccomp", "parataxis")
        cur = cur.head
    return False
