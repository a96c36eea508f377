"""When the news is: the article's reference month, and acts the text dates before it.

A wire story reports what happened on or about its date; what it dates to an earlier month ("In
May, German authorities arrested ...", "imposed sanctions on Oct. 22" in a November story) or
to "last month", "last year", "earlier this month" is background. The reference month is the
article's ``published`` month, else the month of its dateline ("LIMA, Nov 3 (Reuters) -");
without either, nothing is dated before the article (a gold-standard sentence "continued to
send arms to Pakistan last year" is coded).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from agents.coder.text import DATELINE_RE

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MONTH_NAMES", "MONTH_NUMBERS", "When", "dated_before", "reference"]

_MONTHS = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
           ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
           ("october", "oct"), ("november", "nov"), ("december", "dec")]
MONTH_NAMES = frozenset(names[0] for names in _MONTHS)  # full names: "may", not "mar"
MONTH_NUMBERS = {name: number for number, names in enumerate(_MONTHS, 1) for name in names}
_MONTH_WORD = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b")
PERIODS = frozenset({"month", "year", "week", "summer", "autumn", "fall", "winter", "spring"})
SPAN_NOUNS = frozenset({"year", "month", "decade"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
WEEK = 7  # days: what is older is background ("last week")
TIME_PREPS = frozenset({"in", "on"})


class When(NamedTuple):
    """The article's reference date: month (1-12) and day of month when known."""

    month: int
    day: int | None = None


def _dateline(text: str) -> When | None:
    dateline = DATELINE_RE.match(text)
    if dateline is None:
        return None
    for found in _MONTH_WORD.finditer(dateline.group(0)):
        month = MONTH_NUMBERS.get(found.group(1).lower())
        if month is not None:
            return When(month, int(found.group(2)))
    return None


def reference(published: date | None, text: str) -> When | None:
    """The article's date: published, else its dateline's; None if neither."""
    return When(published.month, published.day) if published is not None else _dateline(text)


def _past(tok: Token) -> bool:
    """Told in the past: 'arrested', 'had closed', 'was arrested' (not 'will', not 'has')."""
    if tok.tag_ == "VBD":
        return True
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ == "VBN" and bool(aux & {"had", "was", "were"})


def _date_of(phrase: Token) -> When | None:
    """The month (and day) an 'in May' / 'on Aug. 27' / 'May 3' phrase names."""
    heads = [phrase, *(c for c in phrase.children if c.dep_ == "pobj")]  # not the clauses inside
    words = [*heads, *(c for h in heads for c in h.children if c.dep_ in ("compound", "nmod"))]
    for word in words:
        if word.pos_ == "PROPN" or (word.lower_ == "may" and word.dep_ == "pobj"):
            month = MONTH_NUMBERS.get(word.lower_.rstrip("."))
            if month is not None:
                days = [c for c in word.children if c.dep_ == "nummod" and c.text.isdigit()]
                return When(month, int(days[0].text) if days else None)
    return None


def _days_back(when: When, named: When) -> int:
    """About how many days before ``when`` the date ``named`` is (months of 30 days)."""
    months = (when.month - named.month) % 12
    if months > 10:
        return -1  # a later month: a plan, not history
    day, named_day = when.day or 15, named.day or (15 if months else when.day or 15)
    return months * 30 + day - named_day


def _span_past(child: Token) -> bool:
    """'over the past two years', 'during the last decade', 'for years', 'since 2023' on a
    perfect ('have fought a shadow war for years', 'has mediated since the war began'): a span
    of acts, not one act."""
    if child.dep_ == "prep" and child.lower_ in ("over", "in", "during"):
        spans = [o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in SPAN_NOUNS]
        return any(a.lower_ in ("past", "last", "recent") for o in spans for a in o.children)
    if child.dep_ == "prep" and child.lower_ == "for":
        return any(o.dep_ == "pobj" and o.lemma_.lower() in SPAN_NOUNS and o.tag_ == "NNS"
                   and not any(n.dep_ == "nummod" for n in o.children)  # "for years", not "jailed
                   for o in child.children)  # ... for two years": a term
    since = (child.lower_ == "since" and child.dep_ == "prep") or (child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in child.children))
    verb = child.head  # ("have left or been deported ... since April": the perfect is shared)
    auxes = [*verb.children, *(verb.head.children if verb.dep_ == "conj" else [])]
    if not since or not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in auxes):
        return False  # (a perfect's "since" only; read for every modifier of every trigger)
    return not any(t.lower_ in WEEKDAYS or t.lemma_.lower() in ("week", "day") for t in child.subtree)
    # ("since Monday", "since ... last week": this week's)


def _relative_past(child: Token) -> bool:
    """'last month', 'last year', 'earlier this month', 'earlier this year', 'over the past two
    years'."""
    if _span_past(child):
        return True  # "detained hundreds over the past two years"
    if child.lower_ in PERIODS and any(c.lower_ in ("last", "earlier") for c in child.children):
        return True  # "last month", "earlier this month"
    return child.lower_ == "earlier" and any(
        c.lower_ in PERIODS and any(d.lower_ == "this" for d in c.children) for c in child.children)


def _dating_words(tok: Token) -> list[Token]:
    """The words that may date the act: its own, and those of its purpose ('hosted Dar for
    trilateral talks in May')."""
    words = list(tok.children)
    for prep in tok.subtree:  # the parser hangs "for" on the verb or on its object
        held = prep.head.i == tok.i or prep.head.dep_ in ("dobj", "conj", "appos")
        if prep.dep_ == "prep" and prep.lower_ == "for" and held:
            words += [w for o in prep.children if o.dep_ == "pobj" for w in o.children]
    return words


def dated_before(tok: Token, when: When | None) -> bool:
    """The act ``tok`` is dated a week or more before the article's date ``when`` (None:
    never): told in the past and dated to an earlier month or day (up to ten months back: "in
    December" is last month in a January story; "on Oct. 9" in an Oct. 19 story), or to 'last
    month', 'last year', 'earlier this month', 'over the past two years'."""
    if when is None:  # an undated text: nothing is dated before it, but a span of acts is told
        return tok.tag_ in ("VBD", "VBN") and any(_span_past(c) for c in tok.children)  # as background
    shared = tok.head.children if tok.dep_ == "conj" and tok.head.i < tok.i else []  # ("have left
    if any(_relative_past(child) for child in (*tok.children, *shared)):  # or been deported since
        return True  # April": the span is both verbs')
    if not _past(tok):
        return False
    for child in _dating_words(tok):
        if child.dep_ not in ("prep", "npadvmod"):
            continue
        if child.dep_ == "prep" and child.lower_ not in TIME_PREPS:
            continue
        named = _date_of(child)
        if named is not None and _days_back(when, named) >= WEEK:
            return True
    return False
