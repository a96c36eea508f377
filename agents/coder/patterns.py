"""Triggers on the parse: verbs and event nouns matched to their most specific CAMEO pattern.

A verb token's lemma (or "lemma particle": "call off") selects its patterns in the vocabulary
(``vocab.py``); a pattern's ``post`` words must follow in order in the verb's own phrase (not
in the clauses it governs), at most ``GAP`` words apart, the last one not a modifier of an
unmatched noun; ``pre`` words must stand just before. Bare generated rows of statement verbs
and of governing verbs ("expected", "failed") code nothing; curated rows win over generated
rows that end on the same noun or add only function words; a light verb ("launched war
games") gives way to a curated event noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agents.coder.refs import PEOPLE
from agents.coder.verbwords import FUNCTION_WORDS, LIGHT_VERBS, NOT_ACTS, WEAK_BARE
from agents.coder.vocab import VerbPattern, Vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CLAUSE_DEPS", "Trigger", "TriggerFinder", "right_words"]

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "conj", "acl", "xcomp", "mark"})

GAP = 3
FIRST_WITHIN = 8  # the first pattern word within this many words of the phrase start

VERB_TAGS = frozenset({"VERB"})

EVENT_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
PREPOSITIONS = frozenset({"on", "to", "for", "with", "against", "from", "in", "over", "at", "into", "of"})


@dataclass(slots=True)
class Trigger:
    """A verb or event noun token matched to a pattern; ``last``: the last token it matched."""

    tok: Token
    pattern: VerbPattern
    last: int  # last token index the pattern matched
    noun: bool


class TriggerFinder:
    """The triggers of a parsed sentence, each with its pattern (see the module doc)."""

    def __init__(self, vocab: Vocabulary) -> None:
        """``vocab``: the verb and noun patterns (``load_vocabulary()``)."""
        self.vocab = vocab
        self._cache: dict[str, tuple[VerbPattern, ...]] = {}

    def find(self, doc: Doc) -> list[Trigger]:
        """Every trigger of ``doc`` in token order, light verbs given way to curated nouns."""
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
        return _prefer_curated(out)

    def _verb(self, tok: Token) -> Trigger | None:
        lemma = tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "advmod") and child.i == tok.i + 1:  # ("hit back")
                found = _match(tok, self.usable(f"{lemma} {child.lower_}"), noun=False)
                if found is not None:
                    return found
        found = _match(tok, self.usable(lemma), noun=False)
        if found is not None and self._on_event_object(found):  # "condemned China's execution
            return _match(tok, tuple(p for p in self.usable(lemma) if not p.post), noun=False)
        return found  # of four Canadians on drug charges": no "condemn ... on charges"

    def _on_event_object(self, trig: Trigger) -> bool:
        """The pattern's first word, a preposition, hangs on a thing the verb governs (not on
        the verb, nor on people: "sentenced two journalists on charges"): it belongs to that
        thing."""
        first = trig.pattern.post[0] if trig.pattern.post else ""
        if first not in PREPOSITIONS or any(c.lower_ == first for c in trig.tok.children):
            return False
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in PEOPLE
                   and any(p.dep_ == "prep" and p.lower_ == first for p in c.children)
                   for c in trig.tok.children)

    def usable(self, lemma: str) -> tuple[VerbPattern, ...]:
        """The patterns of a verb lemma that can code an event (cached; see the module doc)."""
        found = self._cache.get(lemma)
        if found is None:
            found = self._cache[lemma] = self._filter(lemma)
        return found

    def _filter(self, lemma: str) -> tuple[VerbPattern, ...]:
        """Patterns that code an event: not a bare statement verb or a governing verb ('said',
        'expected', 'failed' alone), not a statement about an event noun (the noun codes)."""
        modal = lemma in NOT_ACTS
        weak = lemma in WEAK_BARE
        rows = self.vocab.patterns_for(lemma)
        curated = any(p.origin == "curated" for p in rows)
        heads = {p.post[-1] for p in rows if p.origin == "curated" and p.post}
        # a verb of force ("capture") that shares a synonym block with a light verb ("take
        # part") inherits its cooperative phrases: those rows code nothing
        forceful = any(not p.post and p.code[:2] >= "17" for p in rows if p.origin != "curated")
        return tuple(
            p
            for p in rows
            if not (p.origin != "curated" and (modal or (not p.post and (weak or p.code[:2] == "01"))))
            and not (p.code[:2] == "01" and any(w in self.vocab.nominal for w in p.post))
            and not (curated and p.origin != "curated" and p.post and set(p.post) <= FUNCTION_WORDS)
            and not (p.origin != "curated" and p.post and p.post[-1] in heads)
            and not (forceful and p.origin != "curated" and p.code[:2] <= "08")
        )


def _prefer_curated(triggers: list[Trigger]) -> list[Trigger]:
    """A generated verb pattern that spans a curated event noun gives way to the noun
    ('launched war games': the exercise, not a show of force), unless the noun is held
    'between' others ('host a meeting between A and B': the host acts too)."""
    curated_nouns = {t.tok.i for t in triggers if t.noun and t.pattern.origin == "curated"
                     and not any(c.dep_ == "prep" and c.lower_ in ("between", "among")
                                 for c in t.tok.children)}
    return [
        t
        for t in triggers
        if t.noun
        or t.pattern.origin == "curated"
        or t.tok.lemma_.lower() not in LIGHT_VERBS
        or t.last not in curated_nouns
    ]


def right_words(tok: Token, span: int = 10) -> list[Token]:
    """Tokens after ``tok`` in its phrase (not in clauses it governs, nor in an attribution:
    'according to Ukrainian intelligence'), up to ``span`` words."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.i > tok.i and (c.dep_ not in CLAUSE_DEPS or _misread_object(c))]
    while stack:
        t = stack.pop()
        if t.i > tok.i + span or t.lower_ == "according":
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS or c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _misread_object(tok: Token) -> bool:
    """A noun the parser hung on a verb as a clause ('declared two Russian diplomats [persona
    non grata]'): the verb's object or complement."""
    return tok.dep_ in ("ccomp", "xcomp") and tok.pos_ in EVENT_NOUN_TAGS


def _match(tok: Token, patterns: tuple[VerbPattern, ...], noun: bool) -> Trigger | None:
    if not patterns:
        return None
    right = right_words(tok)
    moved = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree]  # "the accord was signed"
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        moved.append(tok.head)  # "the pact signed by A and B"
    words = [(t.lemma_.lower(), t.lower_, t.i) for t in moved + right]
    available = {w for lemma, low, _ in words for w in (lemma, low)}
    before = {t.lower_ for t in tok.doc[max(0, tok.i - 3) : tok.i]}
    if noun:  # a noun's modifiers however far ("a joint search-and-rescue exercise")
        before |= {t.lower_ for left in tok.lefts for t in left.subtree}
    objects = {w: c.i for c in tok.children if c.dep_ == "dobj" for w in (c.lemma_.lower(), c.lower_)}
    default = None
    for p in patterns:
        if p.pre and not before.issuperset(p.pre):
            continue
        if not p.post:
            default = default or p
            continue
        if len(p.post) == 1 and p.post[0] in objects:  # the object however far: "signed a 2.26
            return Trigger(tok, p, objects[p.post[0]], noun)  # billion pound (...) loan agreement"
        if not available.issuperset(p.post):
            continue
        last = _subsequence(p.post, words)
        if last is not None and _ends_on_head(tok, last):
            return Trigger(tok, p, last, noun)
    return Trigger(tok, default, tok.i, noun) if default else None


def _subsequence(post: tuple[str, ...], words: list[tuple[str, str, int]]) -> int | None:
    """Index of the last token matching ``post`` in order, words at most ``GAP`` tokens apart
    (the first within ``GAP`` + 3 of the phrase start); None if no match. The subject of a
    passive comes first: its words stand for the object."""
    k = 0
    last = None
    for lemma, low, i in words:
        if k == len(post):
            break
        if last is not None and i - last > GAP + 1:
            return None
        if last is None and words and i - words[0][2] > FIRST_WITHIN:
            return None
        if post[k] in (lemma, low):
            k += 1
            last = i
    return last if k == len(post) else None


def _ends_on_head(tok: Token, last: int) -> bool:
    """The pattern's last word is no modifier of an unmatched noun ('consider [military]
    cooperation' is no 'consider military'), unless it titles a name ('summoned Russian
    Ambassador Sergei Nechayev')."""
    end = tok.doc[last]
    titled = end.dep_ == "compound" and end.head.pos_ == "PROPN"  # ("envoy Stewart Wheeler")
    return titled or not (end.dep_ in ("amod", "compound", "nmod") and end.head.i > last)
