"""Events on the parse: a trigger (verb or event noun) matched to its most specific pattern,
its status from the clause, and who did it to whom from the dependency arcs.

Roles: the subject (``nsubj``; inherited through ``xcomp``/``conj``/``advcl``; the noun a
relative clause describes), the passive agent (``by X``; ``from X`` after expel-like verbs) and
passive subject, the direct object and dative, prepositional objects of the verb and of its
object noun (``to/with/against/on/from/at X``: "sanctions on Moscow", "aid to Myanmar"),
``between A and B``, possessors of event nouns ("Modi's visit to Washington"), coordinated
subjects for joint acts ("A and B agreed"), and the speaker of a speech verb for a reported
act with no target ("Chile said Peru had rejected the offer" -> PER->CHL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from agents.coder.clauses import GOVERNOR_OF, governor_status, is_history, speech_head, status
from agents.coder.codes import modal_code, refine
from agents.coder.phrases import ActorRef, SentenceActors
from agents.coder.vocab import VerbPattern, Vocabulary
from agents.coder.words import HARDWARE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Found", "TriggerReader"]

TARGET_PREPS = frozenset({"to", "with", "against", "on", "upon", "at", "toward", "towards", "into", "over"})
PLACE_PREPS = frozenset({"in", "at", "into", "near", "inside", "across", "around", "outside", "on"})
PASSIVE_FROM = frozenset({"expel", "deport", "ban", "bar", "evict", "oust", "kick", "banish", "exclude"})
JOINT_ROOTS = frozenset({"03", "04", "05", "06", "08"})
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
ONE_WAY = frozenset({"064", "0314", "0214", "1214"})  # sharing intelligence goes one way
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "conj", "acl", "xcomp", "mark"})
GROUP_MAX = 4
FORCE_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})  # a foreign place can be the target
# verbs that only carry an event noun: "launched war games", "held talks", "staged a protest"
LIGHT_VERBS = frozenset(
    [
        "launch",
        "hold",
        "conduct",
        "stage",
        "carry",
        "begin",
        "start",
        "make",
        "have",
        "take",
        "give",
        "mount",
        "undertake",
        "organize",
        "organise",
        "host",
    ]
)
ACQUIRE = frozenset(
    {"acquire", "buy", "purchase", "import", "obtain", "procure", "receive", "seek", "request"}
)
WISHES = frozenset(k for k, v in GOVERNOR_OF.items() if v in ("intent", "appeal", "try", "threat")) - {
    "offer"
}
FUNCTION_WORDS = frozenset(
    [
        "on",
        "to",
        "for",
        "with",
        "at",
        "in",
        "by",
        "from",
        "of",
        "about",
        "over",
        "into",
        "up",
        "down",
        "out",
        "off",
        "against",
        "the",
        "a",
        "an",
        "upon",
        "after",
        "before",
        "across",
        "through",
        "toward",
        "towards",
        "around",
        "back",
        "away",
    ]
)
# governing verbs whose bare rows code no act of their own ("expected to be joined")
NOT_ACTS = frozenset(
    "consider fear allow study weigh risk avoid fail expect want hope wish plan intend aim prepare "
    "decide set try attempt continue begin start manage going".split()
)
GAP = 3
# adjectival passives read as states of the subject: "Israel is opposed to French mediation"
STATIVE = frozenset({"oppose", "commit", "ally", "align", "dedicate", "engage", "involve"})
OBLIGATION = frozenset({"must", "should"})
DEMAND = VerbPattern("say", (), (), (), "100", None, None, frozenset(), "curated")
PATH_WEIGHT = {"parse": 1.0, "joint": 0.95, "speaker": 0.8, "fallback": 0.6}
SIDE_WEIGHT = {"possessor": 0.85, "city": 0.8, "capital": 0.9, "demonym": 0.85}
VERB_TAGS = frozenset({"VERB"})
EVENT_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
Resolver = Callable[["Token"], list[ActorRef]]


@dataclass(slots=True)
class Found:
    """One coded dyad: source and target actors, CAMEO code, confidence, evidence span, path."""

    source: ActorRef
    target: ActorRef
    code: str
    confidence: float
    start: int  # token range of the evidence trigger
    end: int
    path: str  # parse | joint | speaker | coref


@dataclass(slots=True)
class Trigger:
    tok: Token
    pattern: VerbPattern
    last: int  # last token index the pattern matched
    noun: bool


class TriggerReader:
    """Finds the triggers of a parsed sentence and codes them (see the module doc)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._cache: dict[str, tuple[VerbPattern, ...]] = {}

    def read(self, doc: Doc, actors: SentenceActors, year: int, resolve: Resolver) -> list[Found]:
        """Every coded dyad of the sentence, in trigger order."""
        triggers = _prefer_curated(self._triggers(doc))
        consumed = {i for t in triggers if not t.noun for i in range(t.tok.i + 1, t.last + 1)}
        verbs = {t.tok.i for t in triggers if not t.noun and t.pattern.code[:2] != "01"}
        consumed |= {t.tok.i for t in triggers if t.noun and _object_of(t.tok) in verbs}
        governed: dict[int, list[int]] = {}
        for t in triggers:
            if governor_status(t.tok) is not None:
                governed.setdefault(t.tok.head.i, []).append(t.tok.i)
                if t.tok.dep_ == "acl":  # "initiated efforts to acquire": the verb of the noun
                    governed.setdefault(_object_of(t.tok.head), []).append(t.tok.i)
            elif t.tok.dep_ == "pcomp" and t.tok.head.lower_ == "by":  # "retaliated by expelling"
                governed.setdefault(t.tok.head.head.i, []).append(t.tok.i)
        found: list[Found] = []
        produced: set[int] = set()
        for trig in sorted(triggers, key=lambda t: t.tok.i in governed):
            if (trig.noun and trig.tok.i in consumed) or is_history(trig.tok, year):
                continue
            if not produced.isdisjoint(governed.get(trig.tok.i, ())):
                continue  # "agreed to cooperate": the governed act was coded, with its status
            coded = _Coding(doc, actors, trig, resolve).run()
            if coded:
                produced.add(trig.tok.i)
            found.extend(coded)
        found.extend(self._obligations(doc, actors, resolve))
        return found

    def _obligations(self, doc: Doc, actors: SentenceActors, resolve: Resolver) -> list[Found]:
        """'Russia said that Sudan must return ...': a demand (CAMEO 100) from the speaker to
        the subject of the obligation."""
        out: list[Found] = []
        for tok in doc:
            if tok.dep_ != "ccomp" or not any(
                c.lower_ in OBLIGATION and c.dep_ == "aux" for c in tok.children
            ):
                continue
            speaker = speech_head(tok)
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if speaker is None or not subj or status(tok) != "off" or is_history(speaker, 0):
                continue
            coding = _Coding(doc, actors, Trigger(speaker, DEMAND, speaker.i, False), resolve)
            sources = coding._subjects(speaker)
            targets = coding._phrase(subj[0], tok, strict=True)
            out.extend(
                Found(s, t, "100", _confidence(0.75, s, t), speaker.i, subj[0].i + 1, "parse")
                for s in sources
                for t in targets
                if s.country != t.country and s.country and t.country
            )
        return out

    def _triggers(self, doc: Doc) -> list[Trigger]:
        out = []
        for tok in doc:
            if tok.pos_ in VERB_TAGS or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
                trig = self._verb(tok)
            elif tok.pos_ in EVENT_NOUN_TAGS:
                rows = self.vocab.nominal.get(tok.lemma_.lower()) or self.vocab.nominal.get(tok.lower_, ())
                trig = _match(tok, rows, noun=True)
            else:
                trig = None
            if trig is not None:
                out.append(trig)
        return out

    def _verb(self, tok: Token) -> Trigger | None:
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ in ("prt", "prep") and child.i == tok.i + 1:
                found = _match(tok, self._usable(f"{lemma} {child.lower_}"), noun=False)
                if found is not None:
                    return found
        return _match(tok, self._usable(lemma), noun=False)

    def _usable(self, lemma: str) -> tuple[VerbPattern, ...]:
        found = self._cache.get(lemma)
        if found is None:
            found = self._cache[lemma] = self._filter(lemma)
        return found

    def _filter(self, lemma: str) -> tuple[VerbPattern, ...]:
        """Patterns that code an event: not a bare statement verb or a governing verb ('said',
        'expected', 'failed' alone), not a statement about an event noun (the noun codes)."""
        modal = lemma in NOT_ACTS
        rows = self.vocab.patterns_for(lemma)
        curated = any(p.origin == "curated" for p in rows)
        heads = {p.post[-1] for p in rows if p.origin == "curated" and p.post}
        return tuple(
            p
            for p in rows
            if not (p.origin != "curated" and not p.post and (p.code[:2] == "01" or modal))
            and not (p.code[:2] == "01" and any(w in self.vocab.nominal for w in p.post))
            and not (curated and p.origin != "curated" and set(p.post) <= FUNCTION_WORDS)
            and not (p.origin != "curated" and p.post and p.post[-1] in heads)
        )


def _prefer_curated(triggers: list[Trigger]) -> list[Trigger]:
    """A generated verb pattern that spans a curated event noun gives way to the noun
    ('launched war games': the exercise, not a show of force)."""
    curated_nouns = {t.tok.i for t in triggers if t.noun and t.pattern.origin == "curated"}
    return [
        t
        for t in triggers
        if t.noun
        or t.pattern.origin == "curated"
        or t.tok.lemma_.lower() not in LIGHT_VERBS
        or t.last not in curated_nouns
    ]


def _right_words(tok: Token, span: int = 10) -> list[Token]:
    """Tokens after ``tok`` in its phrase (not in clauses it governs), up to ``span`` words."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.i > tok.i and c.dep_ not in CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        if t.i > tok.i + span:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS or c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _match(tok: Token, patterns: tuple[VerbPattern, ...], noun: bool) -> Trigger | None:
    if not patterns:
        return None
    right = _right_words(tok)
    words = [(t.lemma_.lower(), t.lower_, t.i) for t in right]
    available = {w for lemma, low, _ in words for w in (lemma, low)}
    before = {t.lower_ for t in tok.doc[max(0, tok.i - 3) : tok.i]}
    default = None
    for p in patterns:
        if p.pre and not before.issuperset(p.pre):
            continue
        if not p.post:
            default = default or p
            continue
        if not available.issuperset(p.post):
            continue
        last = _subsequence(p.post, words)
        if last is not None and _ends_on_head(tok, last):
            return Trigger(tok, p, last, noun)
    return Trigger(tok, default, tok.i, noun) if default else None


def _subsequence(post: tuple[str, ...], words: list[tuple[str, str, int]]) -> int | None:
    """Index of the last token matching ``post`` in order, words at most ``GAP`` tokens apart
    (the first within ``GAP`` + 3 of the trigger's phrase start); None if no match."""
    k = 0
    last = None
    for lemma, low, i in words:
        if k == len(post):
            break
        if last is not None and i - last > GAP + 1:
            return None
        if last is None and words and i - words[0][2] > GAP + 3:
            return None
        if post[k] in (lemma, low):
            k += 1
            last = i
    return last if k == len(post) else None


def _ends_on_head(tok: Token, last: int) -> bool:
    """The pattern's last word is no modifier of an unmatched noun ('consider [military]
    cooperation' is no 'consider military')."""
    end = tok.doc[last]
    return not (end.dep_ in ("amod", "compound", "nmod") and end.head.i > last)


class _Coding:
    """Codes one trigger: status, code, roles, pairs."""

    def __init__(self, doc: Doc, actors: SentenceActors, trig: Trigger, resolve: Resolver) -> None:
        self.doc, self.actors, self.trig, self.resolve = doc, actors, trig, resolve
        self.flags = trig.pattern.flags
        self.status = "act"
        self.code = trig.pattern.code

    def run(self) -> list[Found]:
        tok = self.trig.tok
        self.status = status(_clause_of(tok) if self.trig.noun else tok)
        if self.trig.noun and _clause_of(tok).lemma_.lower() in WISHES:
            self.status = "off"  # "India wants talks with China": wanted, not held
        code = modal_code(self.trig.pattern.code, self.status)
        if code is None:
            return []
        code = refine(code, {t.lower_ for t in _right_words(tok, 12)} | {tok.lower_})
        self.code = code
        pairs, path = self._pairs(tok, code)
        start, end = min(tok.i, self.trig.last), max(tok.i, self.trig.last) + 1
        base = (0.75 if self.trig.noun else 0.9) * PATH_WEIGHT[path]
        return [
            Found(s, t, code, _confidence(base, s, t), start, end, path)
            for s, t in pairs
            if s.country != t.country and s.country and t.country
        ]

    def _pairs(self, tok: Token, code: str) -> tuple[list[tuple[ActorRef, ActorRef]], str]:
        if self.trig.noun:
            return self._noun_pairs(tok, code)
        stative = tok.lemma_.lower() in STATIVE
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and not stative:
            return self._passive(tok), "parse"
        if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "soldiers killed by ...": a reduced passive
            return self._passive(tok, self.actors.group(tok.head, False)), "parse"
        subjects = self._subjects(tok)
        targets = self._targets(tok, code)
        return self._direct(tok, code, subjects, targets)

    def _direct(
        self, tok: Token, code: str, subjects: list[ActorRef], targets: list[tuple[ActorRef, str]]
    ) -> tuple[list[tuple[ActorRef, ActorRef]], str]:
        if not targets and self.status == "appeal" and tok.dep_ == "xcomp":
            # "urged Russia to supply arms": the one urged is the target
            targets = [
                (a, "obj")
                for c in tok.head.children
                if c.dep_ == "dobj"
                for a in self._phrase(c, tok.head, strict=True)
            ]
        if subjects and targets:
            mutual = ("mutual" in self.flags or code[:2] in MUTUAL_ROOTS) and self.status == "act"
            mutual = mutual and code not in ONE_WAY
            pairs = []
            for s in subjects:
                for t, prep in targets:
                    if "recv" in self.flags:
                        if prep == "from":  # "received a call from X": X -> subject
                            pairs.append((t, s))
                        continue
                    pairs.append((s, t))
                    if mutual and (prep == "with" or "mutual" in self.flags):
                        pairs.append((t, s))
            return pairs, "parse"
        if len({s.country for s in subjects}) >= 2 and ("sym" in self.flags or code[:2] in JOINT_ROOTS):
            return _each_way(subjects), "joint"
        speaker = speech_head(tok)
        if subjects and speaker is not None and code[:2] not in ("01", "15"):
            said = self._subjects(speaker)
            return [(s, t) for s in subjects for t in said], "speaker"
        if subjects and (code[:2] in FORCE_ROOTS or code[:2] == "07"):
            places = self._places(tok)
            if places:
                return [(s, p) for s in subjects for p in places], "parse"
        if subjects and self.status in ("act", "appeal", "intent"):
            return [(s, t) for s in subjects for t in self._nearby(tok, subjects)], "fallback"
        return [], "parse"

    def _nearby(self, tok: Token, subjects: list[ActorRef]) -> list[ActorRef]:
        """Fallback: the one other country named inside the trigger's own phrase (not in the
        clauses it governs) when no arc names a target."""
        mine = {s.country for s in subjects}
        found = {}
        for t in _right_words(tok, 12):
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
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

    def _subjects(self, tok: Token) -> list[ActorRef]:
        v = tok
        for _ in range(6):
            deps = ("nsubj", "csubj", "nsubjpass") if v.lemma_.lower() in STATIVE else ("nsubj", "csubj")
            subj = sorted((c for c in v.children if c.dep_ in deps), key=lambda c: abs(c.i - v.i))
            for one in subj:
                found = self._phrase(one, v, strict=True)
                if found:
                    return found
            if subj:
                return []
            if v.dep_ in ("xcomp", "conj", "advcl") and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ == "pcomp" and v.head.lower_ == "by":  # "responded by expelling"
                v = v.head.head
                continue
            if v.dep_ == "acl" and governor_status(v) is not None:
                v = _clause_of(v.head)  # "initiated efforts to establish": who initiated
                continue
            if v.dep_ in ("acl", "relcl") and v.head.i != v.i:
                return self.actors.group(v.head, strict=True)
            break
        return []

    def _phrase(self, tok: Token, verb: Token, strict: bool) -> list[ActorRef]:
        if tok.pos_ == "PRON" or tok.lower_ in ("that", "which", "who"):
            if tok.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                return self.actors.group(verb.head, strict)
            return self.resolve(tok)
        found = self.actors.group(tok, strict)
        return found or self.resolve(tok)

    def _targets(self, tok: Token, code: str, depth: int = 1) -> list[tuple[ActorRef, str]]:
        out: list[tuple[ActorRef, str]] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "attr", "oprd") or (c.dep_ == "dative" and c.pos_ != "ADP"):
                goods = code[:2] in ("06", "07")  # "bought Russian tanks": goods, not a partner
                out.extend(
                    (a, "obj")
                    for a in self._phrase(c, tok, strict=False)
                    if not (goods and self.doc[a.head].lower_ in HARDWARE)
                )
                out.extend(self._prep_objects(c))
            elif c.dep_ in ("prep", "dative", "agent"):
                out.extend(self._prep_object(c))
            elif c.dep_ == "xcomp" and c.pos_ == "VERB" and depth > 0:
                out.extend(self._targets(c, code, depth - 1))  # "refused to lift the curfew on X"
            elif c.dep_ == "ccomp" and _directive(tok):
                subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                out.extend((a, "obj") for s in subj[:1] for a in self._phrase(s, c, strict=True))
        return out

    def _prep_objects(self, noun: Token, depth: int = 3) -> list[tuple[ActorRef, str]]:
        """Prepositional objects of an object noun, through 'of' and 'in' chains ('the supply of
        rifles from Russia', 'an offensive in its war with Iraq'); 'aid for Bosnia'."""
        out: list[tuple[ActorRef, str]] = []
        for c in noun.children:
            if c.dep_ != "prep":
                continue
            out.extend(self._prep_object(c, inner=True))
            if c.lower_ in ("of", "in") and depth > 0:
                for inner in c.children:
                    if inner.dep_ in ("pobj", "pcomp"):
                        out.extend(self._prep_objects(inner, depth - 1))
                        objs = [o for o in inner.children if o.dep_ == "dobj"]
                        out.extend(p for o in objs for p in self._prep_objects(o, depth - 1))
        return out

    def _prep_object(self, prep: Token, inner: bool = False) -> list[tuple[ActorRef, str]]:
        low = prep.lower_
        target_prep = self.trig.pattern.target_prep
        wanted = low in TARGET_PREPS or low == target_prep or (low == "from" and self._from_ok())
        wanted = wanted or (inner and low == "for")
        if prep.dep_ == "dative":
            wanted = True
        if not wanted:
            return []
        loose = low in ("on", "against")  # "tariffs on Chinese electric vehicles"
        return [
            (a, low)
            for obj in prep.children
            if obj.dep_ == "pobj"
            for a in self.actors.group(obj, False, loose=loose)
            if a.kind != "city" or self.code[:2] >= "17"
        ]

    def _from_ok(self) -> bool:
        """'from X' names the other party of requests and acquisitions ('demanded the supply of
        rifles from Russia', 'bought jets from France'), and the giver after 'received'."""
        p = self.trig.pattern
        if self.code[:2] == "02":
            return True
        return "from" in p.flags or "recv" in p.flags or p.target_prep == "from" or p.source_prep == "from"

    def _passive(
        self, tok: Token, targets: list[ActorRef] | None = None
    ) -> list[tuple[ActorRef, ActorRef]]:
        """'X was expelled from Peru', 'Evidence against Russia was presented by the US'; with
        no agent, the place of an arrest or an attack stands for who did it ('soldiers were
        killed in Ukraine', 'arrested in Lebanon'), as in GDELT."""
        if targets is None:
            subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
            targets = [a for c in subjects for a in self._phrase(c, tok, False)]
            targets += [a for c in subjects for a, _ in self._prep_objects(c)]
        sources: list[ActorRef] = []
        for c in tok.children:
            by = c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            frm = c.dep_ == "prep" and c.lower_ == "from" and tok.lemma_.lower() in PASSIVE_FROM
            if by or frm:
                sources.extend(a for o in c.children if o.dep_ == "pobj" for a in self.actors.group(o, True))
        if not sources and "17" <= self.code[:2] <= "20":
            sources = [p for p in self._places(tok) if p.kind in ("country", "place", "city", "capital")]
        return [(s, t) for s in sources for t in targets]

    def _places(self, tok: Token) -> list[ActorRef]:
        """Foreign places where force is used or a protest held ('rioted at a jail in northern
        Israel', 'strengthened its forces in Lebanon'): the verb's and its object's preps."""
        heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        out: list[ActorRef] = []
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS | {"against"}:
                    out.extend(self._place_objects(c, 2))
        return out

    def _place_objects(self, prep: Token, depth: int) -> list[ActorRef]:
        out: list[ActorRef] = []
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            out.extend(self.actors.place(obj))
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ in PLACE_PREPS | {"of"} and depth > 0:
                    out.extend(self._place_objects(inner, depth - 1))
        return out

    def _noun_pairs(self, tok: Token, code: str) -> tuple[list[tuple[ActorRef, ActorRef]], str]:
        between = [
            a
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("between", "among")
            for o in c.children
            if o.dep_ == "pobj"
            for a in self.actors.group(o, True)
        ]
        if len({a.country for a in between}) >= 2:
            return _each_way(between), "parse"
        own = [
            a
            for c in tok.children
            if c.dep_ in ("poss", "amod", "compound")
            for a in self.actors.own(c, True)
        ]
        by = [
            a
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "by"
            for o in c.children
            if o.dep_ == "pobj"
            for a in self.actors.group(o, True)
        ]
        sources = by or own or self._noun_subjects(tok)
        targets = [t for t, _ in self._prep_objects(tok)]
        verb = _clause_of(tok)
        if not targets and verb.i != tok.i and verb.lemma_.lower() in LIGHT_VERBS:
            targets = [t for t, _ in self._prep_objects(verb)]  # "launched an offensive in its war with Iraq"
        if by:
            targets += [
                a
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
                for a in self.actors.group(o, False)
            ]
        if sources and targets:
            mutual = ("mutual" in self.flags or code[:2] in MUTUAL_ROOTS) and self.status == "act"
            return [
                p for s in sources for t in targets for p in ([(s, t), (t, s)] if mutual else [(s, t)])
            ], "parse"
        if len({s.country for s in sources}) >= 2 and code[:2] in JOINT_ROOTS:
            return _each_way(sources), "joint"
        if sources and ("loc" in self.flags or code[:2] in FORCE_ROOTS):
            places = self._places(verb if verb.i != tok.i else tok) or self._places(tok)
            return [(s, p) for s in sources for p in places], "parse"
        return [], "parse"

    def _noun_subjects(self, tok: Token) -> list[ActorRef]:
        """The subject of the verb whose object (or prepositional object) the event noun is."""
        head = _clause_of(tok)
        return self._subjects(head) if head.i != tok.i else []


def _clause_of(tok: Token) -> Token:
    """The verb whose object (or prepositional object) an event noun is; else the noun.
    'launched 10 days of war games': through 'of' to the noun it completes."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head
    return tok


def _object_of(tok: Token) -> int:
    """The verb a noun is the object of ('condemned the attack', 'opposed to the mediation')."""
    head = tok.head
    if tok.dep_ == "pobj" and head.pos_ == "ADP" and head.dep_ in ("prep", "dative"):
        head = head.head
    elif tok.dep_ != "dobj":
        return -1
    return head.i if head.pos_ == "VERB" else -1


def _confidence(base: float, *sides: ActorRef) -> float:
    for side in sides:
        base *= 0.8 if side.coref else 1.0
        base *= SIDE_WEIGHT.get(side.kind, 1.0)
    return round(base, 2)


def _directive(tok: Token) -> bool:
    return tok.lemma_.lower() in ("demand", "urge", "ask", "call", "insist", "request", "press")


def _each_way(group: list[ActorRef]) -> list[tuple[ActorRef, ActorRef]]:
    """Every ordered pair of a joint act; a longer list is multilateral, not bilateral."""
    if len({a.country for a in group}) > GROUP_MAX:
        return []
    return [(a, b) for a in group for b in group if a.country != b.country]
