"""Acts told twice: an event noun that points back ("the strikes", "its attack") is an act told
again, not done again; one event per (source, target, code) in a sentence, a code another of the
same pair refines being the same act, and talks told beside a call or a visit being its talks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.acts import DEMONSTRATIVES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from agents.coder.found import Found

__all__ = ["GENERIC_CONSULT", "dedupe", "retold"]

GENERIC_CONSULT = frozenset({"040", "046"})  # talks told beside a call or a visit are its talks


def retold(doc: Doc, f: Found) -> bool:
    """The event is a noun that points back ('the strikes', 'its attack'): an act told before is
    told again, not done again (coded once, where it was first told)."""
    tok = doc[f.start]
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEMONSTRATIVES) for c in tok.children)


def dedupe(found: list[Found]) -> list[Found]:
    """One event per (source, target, code) in a sentence; a code that another of the same pair
    refines ('087' and '0871': "agreed to a ceasefire, ending the fighting") is the same act."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for f in found:
        key = (f.source.country, f.target.country, f.code)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    kept = [f for f in kept if not any(
        s == f.source.country and t == f.target.country and c != f.code and c.startswith(f.code)
        for s, t, c in seen)]
    return [f for f in kept if not (f.code in GENERIC_CONSULT and any(  # "a call in which the two
        ((o.code[:2] == "04" and o.code not in GENERIC_CONSULT) or o.code == "114")  # discussed ...":
        and (o.source.country, o.target.country) == (f.source.country, f.target.country)  # one call;
        for o in kept))]  # "summoned the envoy to protest ...": a protest, not talks
