"""Past history told in the news, not a current event: 'On this day in 1939', 'thirty years
after X invaded Y', 'when X invaded Y in 1990', 'fifty years ago', a background clause dated to
a month or a past season, or an act dated before the article (``dating.dated_before``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.clauses import (
    CAUSATIVES,
    CLAUSAL,
    HISTORY_MARKS,
    PAST_SEASONS,
    SPANS,
    WHEN_MARKS,
    participle_of,
)
from agents.coder.dating import MONTH_NAMES, When, dated_before
from agents.coder.syntax import clause_of

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_history"]


def is_history(tok: Token, year: int, when: When | None = None) -> bool:
    """Past history told in the news: 'On this day in 1939', 'thirty years after X invaded Y',
    'when X invaded Y in 1990', 'fifty years ago', 'in the early 2000s'; in a background clause,
    a month or a past season ('since the two countries agreed a ceasefire in May', 'a deal they
    struck in July'); an act told in the past and dated before the article's date ``when``
    (``dating.dated_before``). Looks at the trigger's own modifiers and the clause that dates it."""
    if dated_before(tok, when):
        return True
    verb = tok.head if tok.dep_ == "dobj" else tok  # (an event noun: its verb)
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in CAUSATIVES:
        cause = tok.head  # "a 2019 dispute led Tokyo to tighten controls": the cause dates it
        causes = [t for c in cause.children if c.dep_ == "nsubj" for t in c.subtree]
        if is_history(cause, year, when) or any(_year_before(t.text, year) for t in causes):
            return True
        if any(_old_time(c, year) for h in cause.ancestors if h.pos_ == "VERB" for c in h.children):
            return True  # "signed a memorandum in January 2024 that ..., prompting Mogadishu to"
    placed = any(c.lower_ in ("where", "when") and c.dep_ == "advmod" for c in tok.children)
    if tok.dep_ == "relcl" and placed:
        outer = clause_of(tok.head)  # "sent them to China in 2015, prompting protests in Turkey,
        if outer.i != tok.i and is_history(outer, year, when):  # where demonstrators stormed ...":
            return True  # told at the time of the clause it hangs on
    if participle_of(verb) and is_history(verb.head, year, when):
        return True  # "sent 109 of them to China in 2015, prompting protests in Turkey"
    subordinate = tok.dep_ == "advcl" or (tok.dep_ == "ccomp" and tok.i < tok.head.i)  # misparsed
    if subordinate and any(c.dep_ == "mark" and c.lower_ in HISTORY_MARKS for c in tok.children):
        if any(t.lower_ in SPANS for t in tok.subtree if t.i < tok.i and t.dep_ == "npadvmod"):
            return True
        for mark in tok.children:
            if mark.dep_ == "mark" and any(t.lower_ in SPANS for t in mark.children):
                return True
            before = tok.doc[mark.i - 1] if mark.dep_ == "mark" and mark.i > 0 else None
            if before is not None and before.lower_ in SPANS and before.dep_ == "npadvmod":
                return True  # "came weeks after Trump imposed ...": the head holds "weeks"
    background = tok.dep_ in ("advcl", "relcl", "acl") and tok.tag_ in ("VBD", "VBN")
    objects = [o for o in tok.children if o.dep_ == "dobj"]  # "agreed a ceasefire in May"
    if any(_old_time(c, year, background) for h in (tok, *objects) for c in h.children):
        return True
    if _governed_by_history(tok, when, year):
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ in HISTORY_MARKS and tok.head.head.i != tok.head.i:
        return is_history(tok.head.head, year, when)  # "had closed it in October after accusing X"
    return _dated_by_clause(tok, year)


def _governed_by_history(tok: Token, when: When | None, year: int = 0) -> bool:
    """What a dated act governs is as old ('agreed last year to buy jets', 'scrapped a plan to
    deport ... last year'); and what was done 'under former President X'."""
    argument = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
    if argument and dated_before(tok.head, when):
        return True  # "A 15% U.S. tariff on Japanese goods took effect in September"
    cur = tok.head if argument and tok.head.i != tok.i else tok  # ("threatened last month to
    for _ in range(3):  # double tariffs on ...": from the verb that has the noun)
        if any(c.dep_ == "prep" and c.lower_ == "under" and any(
                g.lower_ == "former" for o in c.children for g in o.subtree) for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "acl", "ccomp", "advcl", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head if cur.dep_ != "acl" else clause_of(cur.head)
        dated = any(c.dep_ == "prep" and c.lower_ in ("in", "during") and _old_time(c, year)
                    for c in cur.children)  # "restored ties in 2023 under a deal brokered by China"
        if dated or dated_before(cur, when):
            return True
    return False


def _dated_by_clause(tok: Token, year: int) -> bool:
    """A time clause dates its main clause and the reverse: 'When Iraq invaded Kuwait in 1990,
    Saudi Arabia asked ...'; 'relations collapsed in January 2024 when Ethiopia signed ...'."""
    past = tok.tag_ in ("VBD", "VBN")
    if tok.dep_ == "relcl" and tok.head.dep_ == "pobj" and _old_time(tok.head.head, year, past):
        return True  # "in January 2024, when Ethiopia signed ..."
    head_past = tok.head.tag_ in ("VBD", "VBN")
    if tok.dep_ == "advcl" and _when(tok) and any(_old_time(c, year, head_past) for c in tok.head.children):
        return True
    for clause in tok.children:
        dated = clause.dep_ == "advcl" and _when(clause) and not _anniversary(clause)
        if dated and any(_old_time(child, year) for child in clause.children):
            return True
    return False


def _when(clause: Token) -> bool:
    """A time clause: 'when ...', 'after ...', 'until ...'."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in WHEN_MARKS for c in clause.children)


def _anniversary(clause: Token) -> bool:
    """'thirty years after X invaded Y': the main clause is now, the subordinate one is not."""
    return any(t.lower_ in SPANS for t in clause.subtree if t.dep_ == "npadvmod" and t.i < clause.i)


TOPIC_PREPS = frozenset({"over", "about", "against", "with", "into", "to", "between", "among", "regarding",
                         "concerning", "toward", "towards", "for"})


def _year_before(text: str, year: int) -> bool:
    """``text`` is a year before ``year`` ("a 2019 dispute", the "2000" of "the 2000s")."""
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) < year


def _old_time(child: Token, year: int, past: bool = False) -> bool:
    """A time modifier that names an earlier year ('in 1939'), decade ('in the early 2000s') or a
    span ago ('fifty years ago'); with ``past`` (a background clause in the past), also a month
    ('in May') or a past season or year ('last summer')."""
    if child.dep_ not in ("prep", "npadvmod", "advmod", "pobj"):
        return False
    for t in _phrase_tokens(child, TOPIC_PREPS):
        if t.lower_ == "ago" and any(s.lower_ in SPANS for s in t.subtree):
            return True
        if _year_before(t.text[:-1] if t.text.endswith("s") else t.text, year):
            return True
        if past and t.lower_ in MONTH_NAMES and child.lower_ == "in":
            return True
        if past and t.lower_ in PAST_SEASONS and any(c.lower_ == "last" for c in t.children):
            return True
        if t.lower_ == "past" and t.dep_ == "pobj" and t.head.lower_ == "in":  # "has in the past accused"
            return True
    return False


def _phrase_tokens(tok: Token, topics: frozenset[str] = frozenset()) -> list[Token]:
    """``tok`` and its dependents, not entering the clauses inside ('rebels who entered ...')
    nor phrases of the prepositions ``topics`` ('the dispute over the 2023 killing': what the
    dispute is about, not when)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in CLAUSAL and not (child.dep_ == "prep" and child.lower_ in topics):
            out.extend(_phrase_tokens(child, topics))
    return out
