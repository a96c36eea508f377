"""Coreference across an article: pronouns ("Iraq said it would ..."), "the nation", a state's
organ named alone ("the foreign ministry"), "the two leaders / countries / sides" standing for
the last two countries named ("the two leaders": the two people; "the three countries": the last
three named together), and "the decision" / "the attack" standing for the last such act another
country was coded doing.

Only subjects and actors of the last ``WINDOW`` sentences are candidates; a pronoun prefers an
actor named earlier in its own sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.acts import ACT_NOUNS, act_mentioned
from agents.coder.clauses import speakers_second_act
from agents.coder.events import Resolver
from agents.coder.gazetteer import REGIONS
from agents.coder.meetings import SWAPS, talks_presided
from agents.coder.memory import (
    PERSON_KINDS,
    WINDOW,
    DiscourseMemory,
    addressed,
    coref_to,
    each_other,
    someone,
)
from agents.coder.naming import JUDGING_VERBS, NAMING_VERBS, what_called
from agents.coder.organs import host_named, organ_words, phrase_head, placed, seated
from agents.coder.phrases import SentenceActors
from agents.coder.refs import ActorRef
from agents.coder.syntax import bare_pair, first_conjunct, group_size, signed_unsaid, subject_countries

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

__all__ = ["Discourse"]

OWNER_OF = {"its": "it", "his": "he", "her": "she"}  # a possessive resolves as its pronoun
PLACE_PREPS = frozenset({"in", "at", "near", "from", "into", "outside", "inside", "across"})
COUNTRY_KINDS = frozenset({"country", "capital", "seat", "agent", "people", "possessor"})


class Discourse(DiscourseMemory):
    """What earlier sentences named, for the coreference of later ones (``DiscourseMemory``)."""

    def acted(self, index: int, acts: list[tuple[ActorRef, ActorRef, str]],
              lone: Sequence[tuple[ActorRef, str]] = ()) -> None:
        """The (source, target, CAMEO code) of the acts coded in sentence ``index`` ("the
        decision" later stands for one, "the two sides" for the last pair), and the (source,
        CAMEO code) of acts of force told with no target ("Israeli troops stormed the mosque":
        "the incursion" later stands for it)."""
        self.acts.extend((index, source, code) for source, _, code in acts if source.country)
        self.lone.extend((index, source, code) for source, code in lone if source.country)
        dyads = [(source, target, code) for source, target, code in acts
                 if source.country and target.country and source.country != target.country]
        self.pairs.extend((index, source, target) for source, target, _ in dyads)
        self.meetings.extend((index, source, target) for source, target, code in dyads if code[:2] == "04")
        self.swaps.extend((index, source, target) for source, target, code in dyads if code[:3] == "084")
        self.visits.extend((index, source, target) for source, target, code in dyads if code == "042")

    def remember(self, index: int, refs: list[ActorRef], doc: Doc | None = None) -> None:
        """Actors named in sentence ``index``, in text order; with its parse, the groups of
        countries named together ("Britain, Canada and Australia") too."""
        named = [ref for ref in refs if ref.country and not ref.coref]
        self.memory.extend((index, ref) for ref in named)
        if doc is not None:
            self.subjects.extend((index, ref) for ref in named
                                 if phrase_head(doc[ref.head]).dep_ in ("nsubj", "nsubjpass"))
            self.groups.extend((index, group) for group in _coordinated(doc, named))
            self.organs.extend((index, keys, ref) for ref in named if (keys := organ_words(doc, ref)))

    def ministries(self, index: int, owners: list[ActorRef]) -> None:
        """The countries whose ministry sentence ``index`` names though it is not parsed
        ("Jordan's foreign ministry condemned ..."): "the ministry" later stands for one."""
        self.organs.extend((index, frozenset({"ministry"}), ref) for ref in owners)

    def resolver(self, index: int, doc: Doc, actors: SentenceActors) -> Resolver:
        """A function from a pronoun / coreferring phrase token to the actors it stands for."""
        here = actors.countries()

        def resolve(tok: Token) -> list[ActorRef]:
            low = OWNER_OF.get(tok.lower_, tok.lower_) if tok.dep_ == "poss" else tok.lower_
            if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "summon":
                return self._titled(index, here, tok)  # "summoned to the ministry": the state told of
            if tok.i in actors.coref_at:
                ref = actors.coref_at[tok.i]
                if ref.kind == "title":
                    return self._titled(index, here, tok)
                return self._organ(index, doc, here, tok, ref)
            if talks_presided(tok):  # "Malaysia mediated the talks": the parties of the last talks
                return self._met(index, subject_countries(here, tok), tok)
            if act_mentioned(tok):  # "rejected the decision": whoever decided it
                speaker = speakers_second_act(tok.head) if tok.dep_ == "dobj" else None
                until = speaker.i if speaker is not None else tok.i  # ("said X was ..., and
                named = {r.country for r in here if r.head < until}  # called the move ...": X's)
                roots = ACT_NOUNS[tok.lemma_.lower()]
                hostile = tok.head.lemma_.lower() in (JUDGING_VERBS - PRAISING) | NAMING_VERBS
                # (a force told with no target is the author only a reproach finds, and only last)
                told = [*reversed(self.acts), *(reversed(self.lone) if hostile else ())]
                return [coref_to(ref, tok) for i, ref, code in told  # (the story's act)
                        if i < index and ref.country not in named and code[:2] in roots][:1]
            if tok.lemma_.lower() == "host" and any(c.dep_ == "poss" for c in tok.children):
                return self._host(index, here, tok)  # "thanked his hosts": whom he visits
            if low in ("two", "both") and tok.dep_ in ("nsubj", "nsubjpass"):  # "and the two agreed"
                return self._group(index, here, tok, 2)
            if group_size(tok):
                return self._group(index, here, tok, group_size(tok))
            if bare_pair(tok) and all(_located(doc, r) for r in here):  # "The leaders held talks": the
                # pair told both ways (a place named beside them, "in San Francisco", is where)
                return self.pair_told(index, tok)
            if signed_unsaid(tok) and not here:  # "Agreements were also signed": by that pair
                return self.pair_told(index, tok)
            judged = tok.head.lemma_.lower() in NAMING_VERBS | JUDGING_VERBS  # ("called it", "what
            if low in ("it", "what") and tok.dep_ == "dobj" and judged:  # it called"): the act told
                return self._named_act(index, doc, here, tok)
            if low == "they" and tok.dep_ == "nsubj":  # "A and B agreed ... as they held talks": A
                return self._they(index, doc, here, tok)  # and B; else the pair told before
            if low == "him" or (low == "her" and tok.dep_ != "poss"):  # "Kim met him": not Kim
                return self._object_person(index, here, tok)
            if low == "them" and addressed(tok):  # "urged them to exercise restraint": the pair
                return self._group(index, here, tok, 2)
            if each_other(tok):  # "Each side blamed the other": the pair, both ways
                return self._group(index, here, tok, 2)
            if low == "their" and tok.dep_ == "poss" and tok.head.dep_ in ("dobj", "pobj"):
                return self._owners(index, here, tok)  # "accused their governments": the group
            if low in ("it", "he", "she"):
                kinds = COUNTRY_KINDS - {"people"} if low == "it" else PERSON_KINDS  # (not "Venezuelans")
                fits = (lambda r: r.kind in kinds) if low == "it" else someone
                before = [r for r in here if r.head < tok.i and fits(r) and not _located(doc, r)]
                if low != "it":  # "Japan's prime minister visited Seoul, where he and ..."
                    before = sorted(before + [r for r in actors.agents_before(tok.i) if someone(r)],
                                    key=lambda r: r.head)
                    before = [r for r in before if doc[r.head].tag_ not in ("NNS", "NNPS")]  # (not
                    # "Russian hackers attacked Germany, she said")
                if before:
                    return [coref_to(_antecedent(doc, tok, before), tok)]
                return self._latest(index, fits, tok, 1, window=2)
            return []

        return resolve

    def _organ(self, index: int, doc: Doc, here: list[ActorRef], tok: Token, ref: ActorRef) -> list[ActorRef]:
        """A coreferring phrase ('the foreign ministry', 'the Gulf state'): a region's last member
        named; the subject earlier in its sentence ("Qatar's prime minister called it terrorism,
        and the foreign ministry rejected ..."); else the last country named before that is not
        in its sentence; else the dateline's."""
        seat = seated(doc, here, tok)
        if seat:  # "The foreign ministry in Baghdad said ...": Iraq's
            return [coref_to(seat[0], tok)]
        if ref.i1 - ref.i0 == 2 and doc[ref.i1 - 1].lower_ == "ministry":  # "the ministry" alone:
            return self._same_organ(index, doc, tok, ref, set())  # only a ministry named before
        region = _region(doc, ref)
        if region:
            return self._latest(index, lambda r: r.country in region, tok, 1)
        place = placed(doc, here, tok) or host_named(doc, here)
        if place:  # "In Seoul, police detained 16 students": Seoul's police; "the Ministry
            return [coref_to(place[0], tok)]  # summoned the Ambassador of Myanmar to Bangladesh"
        later = {r.country for r in here if r.head > tok.i and r.head in _clause(tok)}
        subjects = [r for r in here if r.head < tok.i and r.country not in later
                    and phrase_head(doc[r.head]).dep_ in ("nsubj", "nsubjpass")]
        acted_on = [r for r in here if r.head < tok.i and r.country not in later
                    and r.country not in {s.country for s in subjects}]
        if acted_on and tok.dep_ in ("dobj", "dative"):  # "cut ties with Morocco, accusing the
            return [coref_to(acted_on[-1], tok)]  # kingdom of ...": not the accuser
        if subjects:
            return [coref_to(subjects[-1], tok)]
        same = self._same_organ(index, doc, tok, ref, later)
        if same:  # "South Korea's Joint Chiefs of Staff (JCS) ... the JCS said": South Korea's
            return same
        named = {r.country for r in here}
        found = self._latest(index, lambda r: r.country not in named, tok, 1)
        earlier = {r.country for r in here if r.head < tok.i}  # (not "Iran's" later on)
        if found or not self.home or self.home in earlier:
            return found
        return [ActorRef(self.home, self.home, "capital", tok.i, tok.i, tok.i + 1, coref=True)]

    def _same_organ(self, index: int, doc: Doc, tok: Token, ref: ActorRef, later: set[str]) -> list[ActorRef]:
        """The country whose organ named in the window the phrase names again ("Iran's foreign
        ministry ... the ministry"), or none."""
        same = [r for i, keys, r in reversed(self.organs) if index - WINDOW <= i <= index
                and (i < index or r.head < tok.i) and r.country not in later
                and doc[ref.i1 - 1].lower_ in keys]
        return [coref_to(same[0], tok)] if same else []

    def _named_act(self, index: int, doc: Doc, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        """'it' named by 'call': the conduct owned earlier in the sentence ("criticised China's
        conduct, with Canberra calling it dangerous"), else the last act told ("Sunak called it
        reckless")."""
        speakers = {r.country for r in here if phrase_head(doc[r.head]).dep_ == "nsubj"}
        owners = [r for r in here
                  if r.head < tok.i and doc[r.head].dep_ == "poss" and r.country not in speakers]
        if owners:
            return [coref_to(owners[-1], tok)]
        before = {r.country for r in here if r.head < tok.i}
        verb = tok.head.head if tok.head.dep_ == "ccomp" and what_called(tok.head) else tok.head
        judge = verb.lemma_.lower()  # ("condemned what it called ...": condemned)
        friendly = judge in PRAISING  # (praised: a friendly act; condemned: a hostile one)
        hostile = judge in JUDGING_VERBS and not friendly
        acts = [ref for i, ref, code in reversed(self.acts) if i < index and ref.country not in before
                and not (friendly and code[:2] >= "10") and not (hostile and code[:2] < "10")]
        return [coref_to(ref, tok) for ref in acts[:1]]

    def _they(self, index: int, doc: Doc, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        """'they' as a subject: the two or more countries that are subjects earlier in its
        sentence ("Kishida and Xi agreed ..., as they held talks"); else the pair told both ways
        in the window ("The two leaders met. They agreed ...")."""
        heads = {r.head: first_conjunct(phrase_head(doc[r.head])) for r in here if r.head < tok.i}
        subjects = [r for r in here if r.head in heads and heads[r.head].dep_ == "nsubj"]
        verbs = {heads[r.head].head.i for r in subjects}  # (one subject:
        if len({r.country for r in subjects}) >= 2 and len(verbs) == 1:  # "A and B agreed")
            return [coref_to(r, tok) for r in subjects]
        return [] if here else self.pair_told(index, tok)

    def _host(self, index: int, here: list[ActorRef], tok: Token) -> list[ActorRef]:
        """'his host', 'their hosts': the state the visit told last was to, if its visitor is
        named in this sentence ("Prabowo thanked his hosts")."""
        named = {r.country for r in here}
        for sent_index, visitor, host in reversed(self.visits):
            if sent_index <= index and visitor.country in named:
                return [coref_to(host, tok)]
        return []

    def _met(self, index: int, besides: set[str], tok: Token) -> list[ActorRef]:
        """The two countries of the last meeting (or, for "the exchange", release) coded in the
        window, if ``besides`` (the presider's) holds neither."""
        told = self.swaps if tok.lemma_.lower() in SWAPS else self.meetings
        for sent_index, a, b in reversed(told):
            if index - WINDOW <= sent_index < index and not {a.country, b.country} & besides:
                return [coref_to(a, tok), coref_to(b, tok)]
        return []



PRAISING = frozenset({"welcome", "praise", "hail"})


def _region(doc: Doc, ref: ActorRef) -> frozenset[str]:
    """The member states of the region a coreferring phrase names ("the Gulf state"), or none."""
    words = [t.lower_ for t in doc[ref.i0 : ref.i1]]
    return next((REGIONS[" ".join(words[1:n])] for n in range(len(words), 1, -1)
                 if " ".join(words[1:n]) in REGIONS), frozenset())


def _clause(tok: Token) -> set[int]:
    """Token indexes of the clause ``tok`` stands in, its relative clauses left out."""
    verb = tok.head
    inner = {t.i for c in verb.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return {t.i for t in verb.subtree} - inner


def _located(doc: Doc, ref: ActorRef) -> bool:
    """A city or capital named as where something is ('a strike on its consulate in Damascus,
    which it blamed on Israel'): a place, not what "it" stands for."""
    tok = doc[ref.head]
    return ref.kind in ("capital", "city") and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def _coordinated(doc: Doc, refs: list[ActorRef]) -> list[list[ActorRef]]:
    """Countries named as one coordination ("A, B and C"), by the head of its first conjunct."""
    by_root: dict[int, list[ActorRef]] = {}
    for ref in refs:
        group = by_root.setdefault(first_conjunct(doc[ref.head]).i, [])
        if ref.country not in {r.country for r in group}:
            group.append(ref)
    return [group for group in by_root.values() if len(group) >= 2]


def _antecedent(doc: Doc, tok: Token, before: list[ActorRef]) -> ActorRef:
    """The latest of ``before``; a possessive that owns the subject of its clause takes the latest
    subject ('Israel imposed a blockade on Lebanon and its warplanes bombed ...': Israel's; but
    '... against Israel if it did not halt': the one threatened)."""
    roles = ("nsubj", "nsubjpass")
    subject = tok.dep_ == "poss" and tok.head.dep_ in roles
    subjects = [r for r in before if doc[r.head].dep_ in roles] if subject else []
    return (subjects or before)[-1]
