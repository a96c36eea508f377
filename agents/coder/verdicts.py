"""Verdicts a speaker gives in a reported clause: 'China said Japan's decision was illegal',
'the United States said Bangladesh's election was neither free nor fair', 'Athens said
recent statements by Erdogan were unacceptable'. The speaker criticises (CAMEO 111) whoever
owns what the clause judges, or accuses (112) a state the clause blames ('said Iran was
behind the hacking'); ``reader.TriggerReader`` codes the pairs. A subject "grateful to" a state
praises it (051, ``thanked``).

A verdict is a copula ("be") in the speaker's complement, asserted (no "would", "could"), with
a predicate that reproaches (``words.REPROACHES``: "illegal", "a flagrant violation") or
denies a virtue ("not free or fair", "not legitimate"). Only the predicate's head and its
own modifiers are read: "the closure was a response to violations by Mali" judges no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.acts import ACT_NOUNS
from agents.coder.clauses import FUTURE, UNREAL, speech_head, status
from agents.coder.refs import prep_objects
from agents.coder.syntax import first_conjunct
from agents.coder.words import REPROACHES

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["BLAMING", "GRATEFUL", "VIRTUES", "VOTES", "blamed", "blamed_for", "judged_subject", "thanked",
           "vote_places"]

# words of a predicate that judge well, and judge ill once denied ("was not free or fair")
VIRTUES = frozenset({
    "free", "fair", "legitimate", "legal", "lawful", "valid", "credible", "acceptable", "democratic",
    "transparent", "justified", "justifiable", "genuine", "inclusive", "competitive", "honest",
    "sufficient", "adequate", "satisfactory", "convincing", "enough", "professional", "responsible",
    "appropriate", "constructive", "helpful", "proportionate", "serious",
})
VOTES = frozenset({"election", "elections", "vote", "poll", "polls", "referendum", "ballot"})
LIKENED = frozenset({"tantamount", "equivalent", "akin", "equal", "comparable"})  # "tantamount to piracy"
KINDS_OF = frozenset({"act", "form", "case", "kind", "sort", "example"})  # "an act of aggression"
PREDICATE_MODIFIERS = frozenset({"amod", "advmod", "compound", "nmod", "conj"})
LIKELY = frozenset({"likely", "clear", "certain", "obvious", "evident", "plain", "beyond"})  # ("it was
# highly likely that Russia was responsible")
FINDINGS = frozenset({"conclude", "find", "determine", "assess", "establish"})  # "concluded that"
WRONGS = frozenset(k for k, roots in ACT_NOUNS.items() if roots & {"17", "18", "19", "20", "15"}) | {
    "hacking", "hack", "poisoning", "assassination", "explosion", "blast", "abduction", "kidnapping",
    "murder", "massacre", "sabotage", "interference", "plot", "cyberattack", "cyberattacks", "breach",
    "campaign", "operation", "sinking", "disappearance", "death", "deaths", "crash", "leak", "theft",
    "collision", "clash", "clashes", "escalation", "tension", "tensions", "unrest", "violence", "crisis",
    "surge", "smuggling", "trafficking", "war", "conflict", "fighting", "standoff", "instability", "chaos"}
WRONG_VERBS = frozenset({"poison", "kill", "attack", "hack", "bomb", "shoot", "murder", "abduct", "kidnap",
                         "sabotage", "target", "down", "sink", "strike", "assassinate", "plot", "meddle",
                         "interfere", "orchestrate", "steal", "spy", "destabilise", "destabilize", "fund",
                         "arm", "supply", "shell"})
BLAMING = frozenset({"responsible", "guilty", "culpable", "accountable"})  # "Iran was responsible for"


def blamed(be: Token) -> bool:
    """The copula of a verdict blames its subject for a wrong ('said Iran was responsible for
    the attack', 'was behind the hacking', 'was to blame for the blast'): an accusation (CAMEO
    112) of the subject itself, not a criticism of its owner. Not a duty or a delay: 'was
    responsible for security at the crossing', 'was behind schedule'."""
    for c in be.children:
        if c.dep_ == "acomp" and c.lower_ in BLAMING and _wrongs(c, "for"):
            return True
        if c.dep_ == "prep" and c.lower_ == "behind" and _wrong(c):
            return True
        if c.dep_ == "xcomp" and c.lower_ == "blame" and (_wrongs(c, "for") or not _preps(c, "for")):
            return True
    return False


def _preps(head: Token, word: str) -> list[Token]:
    return [p for p in head.children if p.dep_ == "prep" and p.lower_ == word]


def _wrongs(head: Token, word: str) -> bool:
    return any(_wrong(p) for p in _preps(head, word))


def _wrong(prep: Token) -> bool:
    """The preposition's object names a wrong: an act of force or of words told as an event
    noun ("the attack", "the hacking", "the poisoning"), or a gerund of one ("poisoning a
    former spy")."""
    for o in prep.children:
        lemma = o.lemma_.lower()
        if o.dep_ == "pobj" and (lemma in WRONGS or o.lower_ in WRONGS):
            return True
        if o.dep_ == "pcomp" and lemma in WRONG_VERBS:
            return True
    return False


GRATEFUL = frozenset({"grateful", "thankful", "indebted"})


def thanked(be: Token) -> list[Token]:
    """Whom the subject of ``be`` says it is grateful to ('Brazil was grateful to Uruguay for
    its help'): praise (CAMEO 051) of them; [] for any other clause, or one denied or supposed."""
    if be.lemma_.lower() != "be" or _modal(be) or any(c.dep_ == "neg" for c in be.children):
        return []  # (not "would be grateful for help")
    return [o for a in be.children if a.dep_ == "acomp" and a.lower_ in GRATEFUL
            for o in prep_objects(a, ("to",))]


def blamed_for(noun: Token) -> bool:
    """An act noun a verdict blames on its subject ('said Iran was responsible for the attack
    on Albania'): the accusation is the event, not the attack."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "behind"):
        return False
    if prep.lower_ == "behind":
        return prep.head.lemma_.lower() == "be" and blamed(prep.head)
    return prep.head.lower_ in BLAMING | {"blame"} and blamed(prep.head.head)


def _verdict_speaker(tok: Token) -> Token | None:
    """The speech verb, or the verb of a finding ('concluded that', 'found that'), whose
    complement holds ``tok``."""
    speaker = speech_head(tok, trailing=True)
    clause = first_conjunct(tok)
    if speaker is None and clause.dep_ == "ccomp" and clause.head.lower_ in LIKELY:
        speaker = speech_head(clause.head.head, trailing=True)  # "said it was highly likely that"
    if speaker is None and clause.dep_ == "ccomp":
        head = clause.head
        speaker = head if head.lemma_.lower() in FINDINGS and head.i < tok.i else None
    return speaker if speaker is not None and status(speaker) == "act" else None


def judged_subject(be: Token) -> tuple[Token, Token] | None:
    """(speech verb, subject judged) when ``be`` is the copula of a verdict (see the module
    doc) or a passive participle that reproaches ('said the election was rigged'), else None.
    The subject is a noun phrase's head (no pronoun: "said it was regrettable that ..." judges
    the clause after it)."""
    if be.dep_ not in ("ccomp", "conj"):
        return None
    if be.tag_ == "VBN" and be.lower_ in REPROACHES:
        return _passive_verdict(be)
    if be.lemma_.lower() != "be":
        return None
    speaker = _verdict_speaker(be)
    if speaker is None:
        return None
    if _modal(be):
        return None  # ("said any attack would be a violation": a warning, not a verdict)
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ in ("PRON", "DET") or subj.i > be.i:
        return None
    if blamed(be):
        return None if any(c.dep_ == "neg" for c in be.children) else (speaker, subj)
    preds = [p for c in be.children if c.dep_ in ("acomp", "attr") for p in (c, *c.conjuncts)]
    words = {w.lower_ for p in preds for w in _predicate_words(p)}
    denied = any(c.dep_ == "neg" for c in be.children) or bool(words & {"neither", "nor"})
    if denied:
        return (speaker, subj) if words & VIRTUES else None
    return (speaker, subj) if words & REPROACHES else None


def _passive_verdict(verb: Token) -> tuple[Token, Token] | None:
    """'said the election was rigged': the participle's subject judged by the speaker."""
    speaker = _verdict_speaker(verb)
    deps = {c.dep_ for c in verb.children}
    if speaker is None or "neg" in deps or "auxpass" not in deps:
        return None
    if _modal(verb):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return (speaker, subj) if subj is not None and subj.pos_ not in ("PRON", "DET") else None


def _modal(verb: Token) -> bool:
    """Told with 'would', 'could', 'will', 'may' ...: supposed or to come, not asserted."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE | UNREAL for c in verb.children)


def _predicate_words(pred: Token) -> list[Token]:
    """The predicate's head, its own modifiers and negations ('obviously not free nor fair'),
    the object of a likening ('tantamount to acts of piracy') and of a kind ('an act of
    aggression')."""
    out = [pred, *(c for c in pred.children if c.dep_ in PREDICATE_MODIFIERS | {"neg", "preconj", "cc"})]
    if pred.lower_ in LIKENED or pred.lemma_.lower() in KINDS_OF:
        for prep in (c for c in pred.children if c.dep_ == "prep" and c.lower_ in ("to", "of")):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                out.extend(_predicate_words(obj))
    return out


def vote_places(subj: Token) -> list[Token]:
    """Where a vote judged was held ('the election in Belarus'): the objects of its 'in'."""
    if subj.lower_ not in VOTES:
        return []
    return prep_objects(subj, ("in",))
