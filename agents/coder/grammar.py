"""Clauses, trigger patterns and modality (negation, hypotheticals, intent, appeal, refusal)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agents.coder.lexicon import Pattern, inflect
from agents.coder.matcher import TriggerHit
from agents.coder.mentions import Mention
from agents.coder.text import Token
from agents.coder.words import (
    ADVERBS,
    BE,
    DETS,
    FUTURE,
    HAVE,
    HYPOTHETICAL,
    PREPS,
    REDUCED_PASSIVE,
    RELATIVES,
    SEPARATORS,
    SUBORDINATORS,
    VERB_LEFT,
)

__all__ = ["Segment", "Trig", "find_triggers", "segment_index", "segments", "set_modality"]

DIRECTIVE = frozenset(
    w
    for v in ("demand", "urge", "ask", "request", "insist", "propose", "recommend", "call", "deny")
    for w in inflect(v)
)
SPEECH = frozenset(
    w
    for v in (
        "say|said|said",
        "state",
        "inform",
        "announce",
        "report",
        "warn",
        "insist",
        "reiterate",
        "add",
        "confirm",
        "claim",
        "allege",
        "note",
        "tell|told|told",
        "believe",
        "decide",
        "agree",
        "demand",
        "stress",
        "declare",
        "argue",
        "deny",
    )
    for w in inflect(v)
)
BOUNDARIES = SEPARATORS | frozenset(SUBORDINATORS) | RELATIVES | {"that"}
MEANS = frozenset({"by", "after"})
UNASSERTED = frozenset(
    w
    for v in ("deny", "consider", "avoid", "stop", "halt", "risk", "resist", "oppose", "discuss")
    for w in inflect(v)
)
NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|without|cannot)\b|n['’]t\b")


def _words(*verbs: str) -> frozenset[str]:
    return frozenset(w for v in verbs for w in (inflect(v) if " " not in v else [v]))


GOVERNORS: dict[str, frozenset[str]] = {
    "intent": _words(
        "promise",
        "pledge",
        "vow",
        "offer",
        "agree",
        "plan",
        "intend",
        "decide",
        "prepare",
        "expect",
        "hope",
        "aim",
        "wish",
        "want",
        "commit|committed|committed|committing",
    )
    | frozenset(
        ["willing", "ready", "eager", "set", "scheduled", "due", "going", "determined", "keen", "poised"]
    ),
    "appeal": _words(
        "seek|sought|sought", "push", "strive", "request", "ask", "urge", "press", "call", "appeal"
    )
    | frozenset(["effort", "efforts", "bid", "bids", "initiative"]),
    "try": _words("try", "attempt"),
    "refuse": _words("refuse", "decline") | frozenset(["unwilling", "reluctant"]),
    "threat": _words("threaten"),
    "act": _words("continue", "begin|began|begun", "start", "resume", "manage"),
}


@dataclass(slots=True)
class Segment:
    """A clause-like stretch of tokens ``start:end``."""

    start: int
    end: int
    kind: str  # main | sub | hyp | comp | rel | appos


@dataclass(slots=True)
class Trig:
    """A trigger matched to one pattern: verb tokens ``t0:t1``, evidence up to ``end``."""

    pattern: Pattern
    t0: int
    t1: int
    end: int
    form: str
    status: str = "act"  # act | intent | appeal | refuse | threat | try | off
    governor: int | None = None  # index (in the trigger list) of a governing trigger
    consumed: bool = False
    passive: bool = False
    nounish: bool = False  # a verb form used as a noun ("the supply of")
    stop: int | None = None  # where its object may end (roles.scan_end, computed once)


def segments(lows: list[str], mention_ends: set[int]) -> list[Segment]:
    """Split a sentence at punctuation, subordinators, complementisers and relatives."""
    found: list[Segment] = []
    start, kind = 0, "main"
    for i in [i for i, low in enumerate(lows) if low in BOUNDARIES]:
        low = lows[i]
        if low in SEPARATORS:
            new_kind = "main"
        elif low in SUBORDINATORS or low in RELATIVES:
            new_kind = SUBORDINATORS.get(low, "rel")
        elif i:  # "that"
            new_kind = "comp" if _after_speech(lows, i) else "rel"
        else:
            continue
        if i > start:
            found.append(Segment(start, i, kind))
        start = i + 1 if low in SEPARATORS else i
        kind = _after_separator(lows, start, found, mention_ends) if low in SEPARATORS else new_kind
    if start < len(lows):
        found.append(Segment(start, len(lows), kind))
    return found


def _after_speech(lows: list[str], i: int) -> bool:
    """'said (on Tuesday) that': a speech verb at most four tokens before 'that'."""
    return not SPEECH.isdisjoint(lows[max(0, i - 4) : i])


def _after_separator(lows: list[str], start: int, found: list[Segment], mention_ends: set[int]) -> str:
    first = lows[start] if start < len(lows) else ""
    if first in SUBORDINATORS:
        return SUBORDINATORS[first]
    previous = found[-1] if found else None
    if previous and first in ("and", "or") and previous.kind in ("hyp", "sub"):
        return previous.kind
    if previous and first in ("a", "an", "the") and (start - 1) in mention_ends:
        return "appos"
    return "main"


def segment_index(segs: list[Segment], size: int) -> list[int]:
    """For each of ``size`` tokens, the index of its segment (separators: the last segment)."""
    at = [len(segs) - 1] * size
    for k, seg in enumerate(segs):
        at[seg.start : seg.end] = [k] * (seg.end - seg.start)
    return at


def _noun_end(lows: list[str], i: int, limit: int, nouns: tuple[tuple[str, ...], ...]) -> int | None:
    for j in range(i, min(limit, i + 9)):
        low = lows[j]
        for words in nouns:
            if low == words[0] and tuple(lows[j : j + len(words)]) == words:
                return j + len(words)
    return None


def find_triggers(
    tokens: list[Token], lows: list[str], starts: dict[int, int], hits: list[TriggerHit], limits: list[int]
) -> list[Trig]:
    """Match each trigger hit to its first satisfied pattern (noun rows before bare verbs);
    ``limits[i]`` is where the segment of token ``i`` ends."""
    found: list[Trig] = []
    covered = -1
    for hit in hits:
        t0 = starts.get(hit.start)
        if t0 is None or t0 < covered:
            continue
        t1 = t0 + 1
        while t1 < len(tokens) and tokens[t1].end <= hit.end:
            t1 += 1
        limit = limits[t0]
        for pattern in hit.key.patterns:
            nouns = pattern.noun_words
            end = t1 if pattern.nominal or not nouns else _noun_end(lows, t1, limit, nouns)
            if end is not None:
                form = "noun" if pattern.nominal else hit.key.form
                found.append(Trig(pattern, t0, t1, end, form))
                covered = end if pattern.nouns and not pattern.nominal else covered
                break
    return found


def set_modality(
    tokens: list[Token], text: str, trigs: list[Trig], seg_at: list[Segment], mention_at: dict[int, Mention]
) -> None:
    """Mark each trigger act/intent/appeal/refuse/threat/try/off (see module doc);
    ``seg_at[i]`` is the segment of token ``i``."""
    by_token = {t.t0: k for k, t in enumerate(trigs)}
    for trig in trigs:
        seg = seg_at[trig.t0]
        trig.nounish = _noun_use(tokens, trig, mention_at)
        if seg.kind == "hyp" or trig.nounish or _gerund(tokens, trig) or _directed(tokens, seg):
            trig.status = "off"
            continue
        _modal(tokens, text, trig, seg)
        if trig.status != "off":
            _governed(tokens, trig, seg, by_token, mention_at)


def _directed(tokens: list[Token], seg: Segment) -> bool:
    """Inside 'demanded that ...' / 'denied that ...': what is demanded or denied is no event."""
    before = [t.low for t in tokens[max(0, seg.start - 4) : seg.start]]
    return seg.kind == "comp" and not DIRECTIVE.isdisjoint(before)


def _gerund(tokens: list[Token], trig: Trig) -> bool:
    """'accused X of attacking', 'for deploying', 'denied attacking': the act is not asserted;
    'responded by expelling', 'after attacking': the means or a prior act is."""
    if trig.form != "ing" or trig.t0 == 0:
        return False
    before = tokens[trig.t0 - 1].low
    return (before in PREPS and before not in MEANS) or before in UNASSERTED


def _noun_use(tokens: list[Token], trig: Trig, mentions: dict[int, Mention]) -> bool:
    """A verb form used as a noun ('the supply of', 'a planned visit', 'Israeli air raids')."""
    if trig.form == "noun" or trig.t0 == 0:
        return False
    prev = tokens[trig.t0 - 1]
    before = prev.low
    if trig.form == "ing":
        return before in DETS
    if trig.form not in ("base", "s"):
        return False
    m = mentions.get(trig.t0 - 1)
    if m is not None:
        return m.role != "actor"
    return not (before in VERB_LEFT or before.endswith("ly") or before in SEPARATORS)


def _modal(tokens: list[Token], text: str, trig: Trig, seg: Segment) -> None:
    # a noun's verb sits before its modifiers: "will conduct large-scale military exercises"
    lo = max(seg.start, trig.t0 - (7 if trig.form == "noun" else 4))
    window = [t.low for t in tokens[lo : trig.t0]]
    negated = bool(window) and NEGATION.search(text[tokens[lo].start : tokens[trig.t0].start])
    if not HYPOTHETICAL.isdisjoint(window):
        trig.status = "off"
    elif not FUTURE.isdisjoint(window):
        trig.status = "refuse" if negated else "intent"
    elif negated:
        trig.status = "off"
    nxt = tokens[trig.t1].low if trig.t1 < len(tokens) else ""
    if trig.form == "ed" and not BE.isdisjoint(window[-3:]):
        trig.passive = nxt != "to"  # "is opposed to": adjectival, read actively
    elif (trig.form == "ed" and nxt in REDUCED_PASSIVE and not set(window[-2:]) & HAVE
          and "sym" not in trig.pattern.flags):
        # "10 Russian soldiers killed in Ukraine": agentless passive; reciprocal verbs are
        # used without an object ("Greece and Turkey met in Athens"): active.
        trig.status = "off"


def _governed(
    tokens: list[Token], trig: Trig, seg: Segment, by_token: dict[int, int], mention_at: dict[int, Mention]
) -> None:
    j = trig.t0 - 1
    while j > seg.start and tokens[j].low in ADVERBS:
        j -= 1
    if j <= seg.start or tokens[j].low != "to":
        return
    g = j - 1
    if g in mention_at:  # "urge Pakistan to ...": the appeal verb codes, the act is not asserted
        trig.status = "off"
        return
    word = tokens[g].low
    kind = next((k for k, words in GOVERNORS.items() if word in words), None)
    if kind is None or (kind == "try" and trig.pattern.code[:2] < "14"):
        kind = "appeal" if kind == "try" else None
    trig.status = "off" if kind is None else (trig.status if kind == "act" else kind)
    trig.governor = by_token.get(g)
