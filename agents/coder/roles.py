"""Who did it and to whom: subjects, objects, passive agents, coordination, 'between X and Y'."""

from __future__ import annotations

from dataclasses import dataclass, field

from agents.coder.grammar import Segment, Trig
from agents.coder.mentions import Mention
from agents.coder.text import Token
from agents.coder.words import LOC_PREPS, PREPS

__all__ = ["SentenceView", "between_group", "by_agent", "scan_end", "subject_group", "target_group"]

DIRECTED = frozenset({"02", "10", "11", "12", "13"})
SAID = frozenset({"said", "says", "told", "tells", "added", "stated", "announced", "insisted"})
OBJECT_PREPS = PREPS - {"in", "at"}  # ', from X' continues an object; ', in X' or ', at X' do not
COORD = frozenset({",", "and", "the", "&", "both"})
# titles before a leader's name: "Xi and President Putin"
TITLES = frozenset({"president", "prime", "minister", "premier", "chancellor", "king", "crown", "prince"})


@dataclass(slots=True)
class SentenceView:
    """Everything the role finder needs about one sentence."""

    tokens: list[Token]
    lows: list[str]  # the tokens' lowercased words
    mentions: list[Mention]
    segs: list[Segment]
    seg_of: list[int]  # token index -> index of its segment
    trigs: list[Trig]
    subjects: dict[bool, list[Mention]] = field(default_factory=dict)  # by subject_group's relaxed


def _subjects(view: SentenceView, relaxed: bool) -> list[Mention]:
    """The mentions that may be a subject (computed once per sentence)."""
    found = view.subjects.get(relaxed)
    if found is None:
        found = view.subjects[relaxed] = [m for m in view.mentions if _subject_ok(m, relaxed)]
    return found


def _gap(view: SentenceView, a: Mention, b: Mention) -> set[str] | None:
    gap = set(view.lows[a.t1 : b.t0])
    return gap if gap and gap <= COORD | TITLES and gap & {"and", ",", "&"} else None


def _group(view: SentenceView, m: Mention, ok: list[Mention], rightward: bool) -> list[Mention]:
    """m plus the mentions coordinated with it ("X, Y and Z"): a list needs its 'and'."""
    group, closed, seen_and = [m], 1, False
    pool = ok if rightward else list(reversed(ok))
    for nxt in pool[pool.index(m) + 1 :]:
        pair = (group[-1], nxt) if rightward else (nxt, group[-1])
        gap = _gap(view, *pair)
        if gap is None or (not rightward and not seen_and and not gap & {"and", "&"}):
            break
        group.append(nxt)
        seen_and = seen_and or bool(gap & {"and", "&"})
        if seen_and:
            closed = len(group)
            if rightward:
                break
    group = group[:closed]
    return group if rightward else list(reversed(group))


def _subject_ok(m: Mention, relaxed: bool) -> bool:
    if m.country is None or m.role == "place":
        return False
    if relaxed:
        return m.prep not in ("by", "with", "from", "against") and m.role != "modifier"
    return m.role == "actor" and m.prep is None


def _after_earlier_verb(view: SentenceView, m: Mention, t: int, seg: Segment) -> bool:
    return any(
        seg.start <= o.t0 < m.t0 and o.t0 < t and o.status != "off" and o.form != "noun" for o in view.trigs
    )


def subject_group(view: SentenceView, t: int, relaxed: bool = False) -> list[Mention]:
    """The (coordinated) subject of the verb at token ``t``; [] if none is clear."""
    k = view.seg_of[t]
    seg = view.segs[k]
    ok = _subjects(view, relaxed)
    inside = [m for m in ok if seg.start <= m.t0 and m.t1 <= t]
    last = next((m for m in reversed(inside) if not _after_earlier_verb(view, m, t, seg)), None)
    if last is not None:
        return _group(view, last, ok, rightward=False)
    if seg.kind == "rel":
        before = [m for m in ok if seg.start - 2 <= m.t1 <= seg.start]
        return before[-1:]
    if seg.kind in ("comp", "sub", "hyp"):
        return []
    for prev in reversed(view.segs[:k]):
        if prev.kind in ("sub", "hyp", "appos", "rel"):
            continue
        found = [m for m in ok if prev.start <= m.t0 and m.t1 <= prev.end]
        if found:
            return _group(view, found[0], ok, rightward=True)
        if prev.kind == "comp":
            return []
    return []


def scan_end(view: SentenceView, trig: Trig) -> int:
    """Where the object of ``trig`` may end: its clause, continued over ', from X', into the
    'that' clause of a demand or accusation; cut at the next verb or at a passive 'by X'."""
    if trig.stop is None:
        trig.stop = _scan_end(view, trig)
    return trig.stop


def _scan_end(view: SentenceView, trig: Trig) -> int:
    k = view.seg_of[trig.t0]
    end = view.segs[k].end
    while k + 1 < len(view.segs):
        nxt = view.segs[k + 1]
        tail = trig.end >= end - 1 or view.lows[nxt.start] in OBJECT_PREPS
        said = nxt.kind == "comp" and trig.pattern.code[:2] in DIRECTED and nxt.start <= end + 1
        if not (said or (tail and nxt.kind == "main")):
            break
        k, end = k + 1, nxt.end
    cut = [o.t0 for o in view.trigs if trig.end <= o.t0 < end and o.form != "noun" and not o.nounish]
    words = view.lows[trig.end : end]
    if not SAID.isdisjoint(words):  # only the first speech verb can be the minimum
        cut.append(trig.end + next(i for i, low in enumerate(words) if low in SAID))
    if not trig.passive:
        cut += [m.t0 + 1 for m in view.mentions if trig.t1 <= m.t0 < end and m.prep == "by"]
    return min([end, *cut])


ASSAULT_PREPS = frozenset({"on", "against"})


def _target_ok(m: Mention, trig: Trig, sources: set[str]) -> bool:
    if m.country is None or m.country in sources or m.role == "place" or m.prep == "by":
        return False
    if m.role == "modifier" and not m.relational:
        return m.prep == "on" and trig.pattern.code[:2] == "16"  # "tariffs on Chinese goods"
    if m.hardware and trig.pattern.code[:2] < "09":
        return False  # "bought Russian tanks": goods of a deal, not its partner
    if m.kind == "capital" and m.role != "possessive":
        if m.prep in ASSAULT_PREPS and "loc" in trig.pattern.flags:
            return True  # "an attack on Kyiv", "strikes against Damascus": the city is the target
        if m.prep == "from" and "from" in trig.pattern.flags:
            return True  # "bought rifles from Moscow": the seat of power sells
        if m.prep == "with":
            return True  # "talks with Moscow", "a protest with Beijing": the seat of power
        return m.t0 <= trig.t1 + 1 and m.prep is None
    return True


def _not_deep_in_clause(view: SentenceView, trig: Trig, m: Mention) -> bool:
    """In 'demanded that X ...' only X (the clause's subject) is the target."""
    seg = view.segs[view.seg_of[m.t0]]
    if seg.kind != "comp" or seg.start <= trig.t0:
        return True
    return m.t0 <= seg.start + 3 and m.prep is None


def target_group(view: SentenceView, trig: Trig, sources: set[str]) -> list[Mention]:
    """The (coordinated) object of ``trig``, preferring 'from X' for from-patterns."""
    end = scan_end(view, trig)
    ok = [m for m in view.mentions if trig.t1 <= m.t0 < end and _target_ok(m, trig, sources)]
    ok = [m for m in ok if _not_deep_in_clause(view, trig, m)]
    if not ok:
        return []
    first = ok[0]
    if "from" in trig.pattern.flags:
        first = next((m for m in ok if m.prep == "from"), first)
    return _group(view, first, ok, rightward=True)


def location(view: SentenceView, trig: Trig, sources: set[str]) -> Mention | None:
    """A foreign place in the clause ('shelled positions in Lebanon')."""
    end = scan_end(view, trig)
    for m in view.mentions:
        place = m.role == "place" and m.prep in LOC_PREPS and m.kind in ("country", "place", "capital")
        if trig.t1 <= m.t0 < end and place and m.country and m.country not in sources:
            return m
    return None


def by_agent(view: SentenceView, trig: Trig) -> list[Mention]:
    """The agent of a passive verb: 'was attacked by Burundian militiamen'."""
    end = scan_end(view, trig)
    ok = [m for m in view.mentions if trig.t1 <= m.t0 < end and m.prep == "by"]
    ok = [m for m in ok if m.country and m.role in ("actor", "possessive")]
    return _group(view, ok[0], ok, rightward=True) if ok else []


def between_group(view: SentenceView, trig: Trig) -> list[Mention]:
    """'cooperation between India and the United States' -> [India, United States]."""
    for m in view.mentions:
        near = trig.end <= m.t0 <= trig.end + 3 and m.prep == "between" and m.country
        if near and (m.role in ("actor", "possessive") or m.relational):
            ok = [x for x in view.mentions if x.country and x.role != "place"]
            return _group(view, m, ok, rightward=True)
    return []
