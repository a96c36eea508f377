"""One Aho-Corasick pass over an article for actor names, coreferring phrases and verb triggers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import NamedTuple, TypeVar

import ahocorasick

from agents.coder.actors import ORGANISATION_KINDS, pick
from agents.coder.gazetteer import COREF_PHRASES, ActorName
from agents.coder.lexicon import Pattern, inflect
from agents.coder.text import Sentence

__all__ = ["ActorHit", "Matcher", "TriggerHit", "TriggerKey", "route", "single_country"]


@dataclass(frozen=True, slots=True)
class TriggerKey:
    """The patterns a surface form can start, and the form's grammatical shape."""

    patterns: tuple[Pattern, ...]
    form: str  # base | s | ed | ing | noun


class ActorHit(NamedTuple):
    start: int
    end: int
    name: ActorName | None  # None: a coreferring phrase ("the nation")


class TriggerHit(NamedTuple):
    start: int
    end: int
    key: TriggerKey


H = TypeVar("H", "ActorHit", "TriggerHit")


def _form_of(form: str, lemma: str, irregular: list[str]) -> str:
    head = form.split(" ")[0]
    if form == lemma:
        return "base"
    if form in irregular or head.endswith("ed"):
        return "ed"
    if head.endswith("ing"):
        return "ing"
    return "s" if head.endswith("s") else "base"


def _trigger_keys(patterns: list[Pattern]) -> dict[str, TriggerKey]:
    rows: dict[str, list[Pattern]] = {}
    kinds: dict[str, str] = {}
    for pattern in patterns:
        if pattern.nominal:
            for noun in pattern.nouns:
                rows.setdefault(noun, []).append(pattern)
                kinds.setdefault(noun, "noun")
            continue
        parts = pattern.verb.lstrip("!").split("|")
        for form in inflect(pattern.verb):
            kind = "ed" if pattern.verb.startswith("!") else _form_of(form, parts[0], parts[1:])
            rows.setdefault(form, []).append(pattern)
            if kinds.get(form, "noun") == "noun":
                kinds[form] = kind
    return {
        form: TriggerKey(tuple(sorted(found, key=lambda p: (p.nominal, not p.nouns))), kinds[form])
        for form, found in rows.items()
    }


class Matcher:
    """Finds actor names and trigger words in an article with one automaton pass.

    ``names``: lowercased name -> entry (``load_names``) or candidate entries (``load_actors``:
    dated people, organisations, cities); dated candidates are resolved by ``pick`` at scan time.
    """

    def __init__(self, names: Mapping[str, ActorName | Sequence[ActorName]], patterns: list[Pattern]) -> None:
        self.automaton = ahocorasick.Automaton()
        actors: dict[str, tuple[ActorName | None, ...]] = {}
        for low, value in names.items():
            actors[low] = (value,) if isinstance(value, ActorName) else tuple(value)
        for phrase in COREF_PHRASES:
            actors[phrase] = (*actors.get(phrase, ()), None)
        triggers = _trigger_keys(patterns)
        for low in actors.keys() | triggers.keys():
            values = actors.get(low, ())
            dated = any(v is not None and (v.valid_from or v.valid_to) is not None for v in values)
            self.automaton.add_word(low, (len(low), values, triggers.get(low), dated))
        self.automaton.make_automaton()

    def scan(self, text: str, low: str, when: date | None = None) -> tuple[list[ActorHit], list[TriggerHit]]:
        """Leftmost-longest actor hits and trigger hits (word-bounded, case-checked names).

        ``when`` (the article's date) chooses among dated entries of a name (``actors.pick``):
        a name none of whose entries holds at ``when`` gives no hit; without ``when`` the
        current (open-ended) entry wins.
        """
        actors: list[ActorHit] = []
        triggers: list[TriggerHit] = []
        size = len(text)
        new = tuple.__new__
        for last, (length, names, key, dated) in self.automaton.iter(low):
            start, end = last - length + 1, last + 1
            # a name inside a word is no name, unless glued lowercase-to-capital: 'pakistanPakistan'
            before = text[start - 1] if start else " "
            if before.isalnum() and not (before.islower() and text[start].isupper()):
                continue
            after = text[end] if end < size else " "
            if after.isalnum() and not (text[last].islower() and after.isupper()):
                continue
            if key is not None:
                triggers.append(new(TriggerHit, (start, end, key)))
            if dated:
                surface = text[start:end]
                chosen = pick([n for n in names if n is not None and n.matches_case(surface)], when)
                if chosen is not None:
                    actors.append(new(ActorHit, (start, end, chosen)))
                continue
            for name in names:
                if name is None or name.matches_case(text[start:end]):
                    actors.append(new(ActorHit, (start, end, name)))
        return _longest(actors), _longest(triggers)


def _longest(hits: list[H]) -> list[H]:
    hits.sort(key=itemgetter(1), reverse=True)  # stable: (start, longest first) after the next sort
    hits.sort(key=itemgetter(0))
    kept: list[H] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def route(
    sents: list[Sentence], actors: list[ActorHit], trigs: list[TriggerHit]
) -> list[tuple[Sentence, list[ActorHit], list[TriggerHit]]]:
    """The sentences with actor hits, each with its actor and trigger hits."""
    routed = []
    a = t = 0
    for sent in sents:
        a0, t0 = a, t
        while a < len(actors) and actors[a].start < sent.end:
            a += 1
        while t < len(trigs) and trigs[t].start < sent.end:
            t += 1
        if a > a0:
            routed.append((sent, actors[a0:a], trigs[t0:t]))
    return routed


def single_country(actor_hits: list[ActorHit]) -> bool:
    """No coreferring phrase and at most one country named: no mention can make a dyad.

    Blocks and organisations (IGOs, NGOs, armed groups: country "") name no country.
    """
    countries = set()
    for hit in actor_hits:
        if hit.name is None:
            return False
        if hit.name.kind != "block" and hit.name.kind not in ORGANISATION_KINDS and hit.name.country:
            countries.add(hit.name.country)
    return len(countries) < 2
