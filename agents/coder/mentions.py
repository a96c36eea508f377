"""Actor mentions in a sentence: state agents, modifiers, places, datelines, coreference."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from dataclasses import dataclass

from agents.coder.gazetteer import Agents
from agents.coder.matcher import ActorHit
from agents.coder.text import Token, Tokens
from agents.coder.words import AUX, BACK_SKIP, COMPANY, COMPASS, HARDWARE, LOC_PREPS, PREPS, RELATIONAL

__all__ = ["Mention", "build_mentions", "token_span"]

CONJUNCTIONS = frozenset({"and", "or", "&"})
COORDINATION = CONJUNCTIONS | {",", "the"}


@dataclass(slots=True)
class Mention:
    """An actor (or place, or modifier) mention over tokens ``t0:t1`` of a sentence."""

    t0: int
    t1: int
    country: str | None
    actor: str
    kind: str  # country demonym people capital seat leader place coref
    role: str  # actor | modifier | possessive | place
    prep: str | None = None
    relational: bool = False
    coref: bool = False
    hardware: bool = False  # "Russian tanks": an actor when it acts, a product when bought


def token_span(tokens: list[Token], starts: list[int], hit: ActorHit) -> tuple[int, int] | None:
    """Token range covering ``hit`` (article offsets), or None if it does not align."""
    i = bisect_left(starts, hit.start)
    if i >= len(tokens) or tokens[i].start != hit.start:
        return None
    j = i
    while j < len(tokens) and tokens[j].end <= hit.end:
        j += 1
    return i, j


def _compound(text: str, start: int, end: int) -> str | None:
    """Chinese-made, Moscow-based, pro-Russia, anti-US: never an actor ('drop');
    US-led, Syrian-backed: a modifier naming who leads ('led')."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return "drop"
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        word = text[end + 1 : end + 12].split(" ")[0].lower()
        return "led" if word in ("led", "backed", "sponsored", "flagged") else "drop"
    return None


def _preposition(lows: list[str], t0: int) -> str | None:
    j = t0 - 1
    for _ in range(4):
        if j < 0:
            return None
        low = lows[j]
        if low in PREPS:
            return "near" if low == "of" and j and lows[j - 1] in COMPASS else low
        if low not in BACK_SKIP:
            return None
        j -= 1
    return None


def _classify(m: Mention, lows: list[str], agents: Agents, blocked: set[int]) -> None:
    after = m.t1
    possessive = after < len(lows) and lows[after] == "'s"
    if possessive:
        after += 1
    agent = agents.after(lows, after) if m.kind not in ("leader", "seat", "place") else None
    if agent and not any(k in blocked for k in range(after, agent[1] - 1)):
        suffix = "" if agent[0] == "-" else agent[0]
        m.hardware = not HARDWARE.isdisjoint(lows[after : agent[1]])
        m.actor, m.t1, m.role = f"{m.country}{suffix}", agent[1], "actor"
        return
    m.relational = not RELATIONAL.isdisjoint(lows[after : after + 3])
    if possessive:
        m.role = "possessive"
    elif m.kind == "demonym":
        m.role = "modifier"


def build_mentions(
    text: str,
    sentence: Tokens,
    hits: list[ActorHit],
    agents: Agents,
    dateline: int,
    blocked: set[int],
) -> list[Mention]:
    """Mentions of a sentence's actor hits (datelines and compounds dropped)."""
    tokens, lows, starts = sentence
    found: list[Mention] = []
    for hit in hits:
        span = token_span(tokens, starts, hit)
        compound = _compound(text, hit.start, hit.end)
        if span is None or hit.end <= dateline or compound == "drop" or (hit.name is None and compound):
            continue
        if hit.name and hit.name.kind == "block":
            continue
        if span[0] > 0 and lows[span[0] - 1] == "ethnic":
            continue
        if span[1] < len(lows) and lows[span[1]] in COMPANY and hit.name:
            continue
        if hit.name is None:
            if span[1] < len(lows) and (lows[span[1]] in AUX or span[1] in blocked):
                found.append(Mention(*span, None, "", "coref", "actor", coref=True))
            continue
        name = hit.name
        kind = name.kind
        m = Mention(*span, name.country, name.actor, kind, "place" if kind == "place" else "actor")
        if compound:
            m.role, m.relational = "modifier", True
        else:
            _classify(m, lows, agents, blocked)
        m.prep = _preposition(lows, m.t0)
        if m.prep == "of" and m.role == "actor" and m.kind == "country":
            _agent_of(m, lows, agents)
        found.append(m)
    _coordinate(lows, found)
    _shared_agent(lows, found)
    for m in found:
        if m.prep in LOC_PREPS:
            m.role = "place"
    return found


def _agent_of(m: Mention, lows: list[str], agents: Agents) -> None:
    """'the president of Ghana', 'the foreign ministry of India': the agent phrase before
    'of (the)' makes the country a state agent that can act; the mention takes its tokens."""
    of = m.t0 - 2 if m.t0 >= 2 and lows[m.t0 - 1] == "the" else m.t0 - 1
    if of < 1 or lows[of] != "of":
        return
    for start in range(max(0, of - 3), of):
        found = agents.at(lows, start)
        if found is not None and found[1] == of:
            suffix = "" if found[0] == "-" else found[0]
            m.t0, m.actor = start, f"{m.country}{suffix}"
            m.prep = _preposition(lows, start)
            return


def _shared_agent(lows: list[str], found: list[Mention]) -> None:
    """'French and Egyptian warships': the first demonym shares the second's agent noun."""
    for a, b in itertools.pairwise(found):
        joined = lows[a.t1 : b.t0] == ["and"]
        if a.role == "modifier" and joined and b.kind == "demonym" and b.role == "actor":
            a.role, a.actor = "actor", f"{a.country}{b.actor[3:]}"


def _coordinate(lows: list[str], found: list[Mention]) -> None:
    """'between India and the United States': the second inherits the first's preposition."""
    for before, m in itertools.pairwise(found):
        if not before.prep or m.prep is not None:
            continue
        gap = set(lows[before.t1 : m.t0])
        if not gap.isdisjoint(CONJUNCTIONS) and gap <= COORDINATION:
            m.prep = before.prep
