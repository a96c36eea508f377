"""One Aho-Corasick pass over an article for actor names, coreferring phrases and verb triggers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from agents.coder.actors import pick
from agents.coder.gazetteer import COREF_PHRASES, TITLE_PHRASES, ActorName

__all__ = ["ActorHit", "Matcher"]


class ActorHit(NamedTuple):
    """One name found in an article: character offsets and its entry (None: "the nation")."""

    start: int
    end: int
    name: ActorName | None  # None: a coreferring phrase ("the nation")


class Matcher:
    """Finds actor names and coreferring phrases in an article with one automaton pass.

    ``names``: lowercased name -> entry (``load_names``) or candidate entries (``load_actors``:
    dated people, organisations, cities); dated candidates are resolved by ``pick`` at scan time.
    """

    def __init__(self, names: Mapping[str, ActorName | Sequence[ActorName]]) -> None:
        self.automaton = ahocorasick.Automaton()
        actors: dict[str, tuple[ActorName | None, ...]] = {}
        for low, value in names.items():
            actors[low] = (value,) if isinstance(value, ActorName) else tuple(value)
        for phrase in COREF_PHRASES:
            actors[phrase] = (*actors.get(phrase, ()), None)
        for phrase in TITLE_PHRASES:  # "Foreign Minister" (capitalised), an office-holder's title
            title = " ".join(w if w == "of" else w.capitalize() for w in phrase.split())
            actors[phrase] = (*actors.get(phrase, ()), ActorName.make(title, "", "title", "-"))
        for low, values in actors.items():
            dated = any(v is not None and (v.valid_from or v.valid_to) is not None for v in values)
            self.automaton.add_word(low, (len(low), values, dated))
        self.automaton.make_automaton()

    def scan(self, text: str, low: str, when: date | None = None) -> list[ActorHit]:
        """Leftmost-longest actor hits (word-bounded, case-checked names), in text order.

        ``when`` (the article's date) chooses among dated entries of a name (``actors.pick``):
        a name none of whose entries holds at ``when`` gives no hit; without ``when`` the
        current (open-ended) entry wins.
        """
        actors: list[ActorHit] = []
        size = len(text)
        new = tuple.__new__
        for last, (length, names, dated) in self.automaton.iter(low):
            start, end = last - length + 1, last + 1
            # a name inside a word is no name, unless glued lowercase-to-capital: 'pakistanPakistan'
            before = text[start - 1] if start else " "
            if before.isalnum() and not (before.islower() and text[start].isupper()):
                continue
            after = text[end] if end < size else " "
            if after.isalnum() and not (text[last].islower() and after.isupper()):
                continue
            if dated:
                surface = text[start:end]
                chosen = pick([n for n in names if n is not None and n.matches_case(surface)], when)
                if chosen is not None:
                    actors.append(new(ActorHit, (start, end, chosen)))
                continue
            for name in names:
                if name is None and text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
                    continue  # "the State Department": a name goes on, not "the state"
                if name is not None and name.kind == "title" and not _titles_holder(text, start, end):
                    continue
                if name is None or name.matches_case(text[start:end]):
                    actors.append(new(ActorHit, (start, end, name)))
        return _untitled(_longest(actors), text)


TITLE_LEADS = frozenset({"acting", "interim", "caretaker", "the"})  # "acting Prime Minister X"
TITLE_WORDS = TITLE_LEADS | {"and"} | {w for phrase in TITLE_PHRASES for w in phrase.split()}
NOT_IN_OFFICE = frozenset({"former", "ex", "late", "then", "ousted", "deposed", "exiled"})


def _titles_holder(text: str, start: int, end: int) -> bool:
    """Whether the title at ``text[start:end]`` names its holder in office: a capitalised name
    follows; no capitalised word ("Yugoslav President X": whose is unknown) and no "former"
    comes right before it."""
    if not (text[end:end + 1] == " " and text[end + 1:end + 2].isupper()):
        return False
    before = text[max(0, start - 40):start].rstrip()
    word = before.rsplit(None, 1)[-1].rstrip("-") if before else ""
    if word.lower() in NOT_IN_OFFICE:
        return False
    return not (word[-1:].isalpha() and word[:1].isupper() and word.lower() not in TITLE_LEADS)


def _untitled(hits: list[ActorHit], text: str) -> list[ActorHit]:
    """``hits`` without the titles whose holder is named already: by a country or demonym right
    before ("Chinese Foreign Minister", "Japan's Prime Minister") or a known person right after
    ("Secretary of State Marco Rubio")."""
    kept: list[ActorHit] = []
    owned = False  # the last title's holder was named ("Pakistani Deputy Prime Minister and
    for at, hit in enumerate(hits):  # Foreign Minister Mohammad Ishaq Dar": both his)
        if _retitled(hits, at, text):
            continue
        if hit.name is None or hit.name.kind != "title":
            kept.append(hit)
            continue
        before = hits[at - 1] if at else None
        after = hits[at + 1] if at + 1 < len(hits) else None
        gap = _words_between(text, before.end, hit.start) if before else ["-"]
        joined = before is not None and all(w.lower() in TITLE_WORDS for w in gap)
        titled = before is not None and before.name is not None and before.name.kind == "title"
        owned = joined and (not titled or owned)
        named = after is not None and all(w[:1].isupper() for w in text[hit.end:after.start].split())
        if not owned and not named:  # ("Foreign Minister Mohammad Ishaq Dar": Ishaq Dar)
            kept.append(hit)
    return kept


def _retitled(hits: list[ActorHit], at: int, text: str) -> bool:
    """Whether ``hits[at]`` is a person whose dated entry names another state than the office
    the text gives him right before: "Soviet Foreign Minister Eduard Shevardnadze" in 1988 is
    the Soviet Union's (the lists know him as Georgia's), and the demonym stands for him."""
    hit, owner = hits[at], hits[at - 1] if at else None
    if owner is None or hit.name is None or hit.name.kind != "person" or owner.name is None:
        return False
    if owner.name.kind not in ("demonym", "country") or owner.name.country in ("", hit.name.country):
        return False
    gap = _words_between(text, owner.end, hit.start)
    return bool(gap) and all(w.lower() in TITLE_WORDS for w in gap)


def _words_between(text: str, start: int, end: int) -> list[str]:
    """The words between two names, possessive endings dropped ("Japan's Prime Minister")."""
    return text[start:end].replace("'s", "").replace("’s", "").split()


def _longest(hits: list[ActorHit]) -> list[ActorHit]:
    hits.sort(key=itemgetter(1), reverse=True)  # stable: (start, longest first) after the next sort
    hits.sort(key=itemgetter(0))
    kept: list[ActorHit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept
