"""Events on the parse: a sentence's triggers found (``patterns``), each coded in turn
(``events.TriggerCoding``) unless it is history, governed by an act already coded, or an
event noun a verb consumed; obligations ("Russia said Sudan must return ...") as demands;
verdicts and gratitude told with a copula (``verdicts``); reactions to the act the sentence
just told, judged or drawn (``reactions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.clauses import GOVERNOR_OF, governor_status, status
from agents.coder.cues import (
    asked,
    obliged,
    owner_of,
    reproach,
)
from agents.coder.dating import When
from agents.coder.found import Found, confidence
from agents.coder.history import is_history
from agents.coder.naming import judged_what_called, what_called
from agents.coder.patterns import Trigger, TriggerFinder
from agents.coder.phrases import SentenceActors
from agents.coder.reactions import NAMING, answered, author_before, authors, drawn
from agents.coder.refs import ActorRef
from agents.coder.roles import Resolver
from agents.coder.syntax import clause_of, object_of
from agents.coder.verdicts import blamed, judged_subject, thanked, vote_places
from agents.coder.vocab import VerbPattern, Vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from agents.coder.events import TriggerCoding

__all__ = ["TriggerReader"]


class TriggerReader:
    """Finds the triggers of a parsed sentence and codes them (see the module doc)."""

    def __init__(self, vocab: Vocabulary) -> None:
        """``vocab``: the verb and noun patterns (``load_vocabulary()``)."""
        self.finder = TriggerFinder(vocab)
        self.lone: list[tuple[ActorRef, str]] = []  # the last sentence's acts of force with no target

    def read(self, doc: Doc, actors: SentenceActors, year: int, resolve: Resolver,
             when: When | None = None) -> list[Found]:
        """Every coded dyad of the sentence, in trigger order; ``year`` and ``when`` (month and
        day, or None) are the article's: what the text dates before them is not coded."""
        triggers = self.finder.find(doc)
        consumed = {i for t in triggers if not t.noun for i in range(t.tok.i + 1, t.last + 1)}
        # (a bare governor does not take the event noun it governs: "refused to commit to aid")
        verbs = {t.tok.i for t in triggers if not t.noun and t.pattern.code[:2] != "01"
                 and not (t.pattern.post == () and t.tok.lemma_.lower() in GOVERNOR_OF)
                 and not (what_called(t.tok) and not judged_what_called(t.tok))}
        # ("after what she described as a good conversation with Trump": the conversation)
        consumed |= {t.tok.i for t in triggers if t.noun and object_of(t.tok) in verbs}
        # "mediated talks between A and B": A and B talk too
        consumed -= {t.tok.i for t in triggers if t.noun and _talks_between(t)}
        governed: dict[int, list[int]] = {}
        for t in triggers:
            if governor_status(t.tok) is not None:
                governed.setdefault(t.tok.head.i, []).append(t.tok.i)
                if t.tok.dep_ == "acl" and not owner_of(t.tok.head) and not actors.demonyms_of(t.tok.head) \
                        and t.pattern.code[:3] != "045":  # ("agreed to a plan brokered by France": both)
                    # "initiated efforts to acquire": the verb of the noun
                    governed.setdefault(object_of(t.tok.head), []).append(t.tok.i)
            elif t.noun and (verb := clause_of(t.tok)).i != t.tok.i and governor_status(verb):
                governed.setdefault(verb.head.i, []).append(t.tok.i)  # "promised to continue aid"
            elif t.tok.dep_ == "pcomp" and t.tok.head.lower_ == "by":  # "retaliated by expelling"
                governed.setdefault(t.tok.head.head.i, []).append(t.tok.i)
        by_trigger: dict[int, list[Found]] = {}
        self.lone = []
        for trig in sorted(triggers, key=lambda t: t.tok.i in governed):
            if (trig.noun and trig.tok.i in consumed) or is_history(trig.tok, year, when):
                continue
            if not set(by_trigger).isdisjoint(governed.get(trig.tok.i, ())):
                continue  # "agreed to cooperate": the governed act was coded, with its status
            coding = TriggerCoding(doc, actors, trig, resolve)
            coded = coding.run() or _reaction(coding, by_trigger)
            self.lone.extend(coding.lone)
            if coded:
                by_trigger[trig.tok.i] = coded
        return _told_once(doc, by_trigger) + self._obligations(doc, actors, resolve) + _verdicts(
            doc, actors, resolve) + _drawn(doc, actors, by_trigger)

    def _obligations(self, doc: Doc, actors: SentenceActors, resolve: Resolver) -> list[Found]:
        """'Russia said that Sudan must return ...': a demand (CAMEO 100) from the speaker to
        the subject of the obligation; 'Washington wants Beijing to rein in ...': an appeal
        (020) from who wants it to who should act."""
        out: list[Found] = []
        for tok in doc:
            by = asked(tok)
            if by is None:
                continue
            subj = obliged(tok)
            if not subj or is_history(by[0], 0):
                continue
            head, pattern = by
            coding = TriggerCoding(doc, actors, Trigger(head, pattern, head.i, False), resolve)
            sources = coding._subjects(head)
            targets = coding._phrase(subj[0], tok, strict=True)
            if {s.country for s in sources} & {t.country for t in targets}:
                continue  # "Xi said the two countries should ...": an exhortation that includes him
            out.extend(
                Found(s, t, pattern.code, confidence(0.75, s, t), min(head.i, subj[0].i),
                      max(head.i, subj[0].i) + 1, "parse")
                for s in sources
                for t in targets
                if s.country != t.country and s.country and t.country
            )
        return out


VERDICT = VerbPattern("say", (), (), (), "111", None, None, frozenset(), "curated")


def _verdicts(doc: Doc, actors: SentenceActors, resolve: Resolver) -> list[Found]:
    """'China said Japan's decision was illegal': a criticism (CAMEO 111) by the speaker of
    the owner of what is judged, or of the state judged itself; 'said Iran was behind the
    hacking': an accusation (112) of the state blamed (``verdicts``)."""
    out: list[Found] = []
    for tok in doc:
        out += _gratitude(doc, actors, resolve, tok)
        found = judged_subject(tok)
        if found is None or is_history(found[0], 0):
            continue
        speaker, subj = found
        coding = TriggerCoding(doc, actors, Trigger(speaker, VERDICT, speaker.i, False), resolve)
        sources = coding._subjects(speaker)
        accused = blamed(tok)
        targets = coding._phrase(subj, tok, strict=accused, loose=not accused)
        owners = [] if accused else [*owner_of(subj), *vote_places(subj)]  # ("statements by Erdogan")
        targets += [t for o in owners for t in actors.group(o, True) if t not in targets]
        code = "112" if accused else "111"
        out += _found(sources, targets, code, 0.75, min(speaker.i, subj.i), max(speaker.i, tok.i) + 1)
    return out


GRATITUDE = VerbPattern("be", (), ("grateful",), (), "051", "to", None, frozenset(), "curated")


def _gratitude(doc: Doc, actors: SentenceActors, resolve: Resolver, be: Token) -> list[Found]:
    """'Brazil was grateful to Uruguay for its help': praise (CAMEO 051) of whom the subject is
    grateful to (``verdicts.thanked``)."""
    owed = thanked(be)
    if not owed or is_history(be, 0):
        return []
    coding = TriggerCoding(doc, actors, Trigger(be, GRATITUDE, be.i, False), resolve)
    sources = coding._subjects(be)
    targets = [t for o in owed for t in coding._phrase(o, be, strict=True)]
    return _found(sources, targets, "051", 0.75, be.i, be.i + 2)


def _reaction(coding: TriggerCoding, by_trigger: dict[int, list[Found]]) -> list[Found]:
    """A criticism with no target that judges the act just told (``reactions``): aimed at
    that act's author."""
    tok, code = coding.trig.tok, coding.final or ""
    judged = answered(tok, by_trigger) if code[:3] in ("111", "112") and coding.status == "act" else None
    if judged is None or (tok.lemma_.lower() in NAMING and not reproach(tok)):
        return []  # ("a trip he described as a peace mission": no reproach)
    judges = coding._subjects(tok)
    authors = author_before(tok, judged, by_trigger, judges)
    return _found(judges, authors, code, 0.7, tok.i, tok.i + 1)


def _drawn(doc: Doc, actors: SentenceActors, by_trigger: dict[int, list[Found]]) -> list[Found]:
    """'..., drawing a furious denunciation from Israel': the reaction drawn from a state, aimed
    at the author of the act that drew it (``reactions.drawn``)."""
    out: list[Found] = []
    for tok in doc:
        found = drawn(tok)
        if found is None or found[1] not in by_trigger:
            continue
        reactors, act, code = found
        judges = [r for o in reactors for r in actors.group(o, True)]
        out += _found(judges, [f.source for f in authors(by_trigger[act])], code, 0.7, tok.i, tok.i + 1)
    return out


def _found(sources: list[ActorRef], targets: list[ActorRef], code: str, base: float, start: int,
           end: int) -> list[Found]:
    """The dyads of one act read off the parse (each source to each target of another state)."""
    return [Found(s, t, code, confidence(base, s, t), start, end, "parse")
            for s in sources for t in targets if s.country and t.country and s.country != t.country]


def _talks_between(trig: Trigger) -> bool:
    """Talks 'between A and B' are held by A and B whoever hosts or mediates them (when they
    are held: not 'ready to host talks between ...')."""
    between = any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in trig.tok.children)
    verb = clause_of(trig.tok)  # (not "the EU, which mediates talks between A and B": a habit)
    return between and trig.pattern.code[:2] == "04" and status(verb) == "act" and verb.dep_ != "relcl"


def _told_once(doc: Doc, by_trigger: dict[int, list[Found]]) -> list[Found]:
    """Every trigger's dyads, less those a verb repeats from the event noun that is its subject
    ('an Israeli drone strike on a car in Lebanon killed two people': one attack, ISR->LBN)."""
    out: list[Found] = []
    for i, coded in by_trigger.items():
        subjects = [c.i for c in doc[i].children if c.dep_ == "nsubj" and c.i in by_trigger]
        told = {(f.source.country, f.target.country) for s in subjects for f in by_trigger[s]}
        out.extend(f for f in coded if (f.source.country, f.target.country) not in told)
    return out
