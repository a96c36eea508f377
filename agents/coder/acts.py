"""Nouns that stand for an act the story told before: "the UAE rejected the decision" (Sudan's
decision), "Seoul condemned the drills", "called the expulsion 'regrettable'".

``ACT_NOUNS`` maps each noun (lemma) to the CAMEO root codes of the acts it can stand for;
``discourse.Discourse`` finds the act's author among the acts coded earlier in the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ACT_FORMS", "ACT_NOUNS", "DEMONSTRATIVES", "PRAISE", "act_mentioned", "judged_act"]

_ANY = frozenset(f"{root:02d}" for root in range(1, 21))
_FORCE = frozenset({"17", "18", "19", "20"})
_WORDS = frozenset({"10", "11", "12", "13"})
_REDUCTIONS = frozenset({"12", "16", "17"})
_SHOWS = frozenset({"15"}) | _FORCE
_RESTRICTIONS = _REDUCTIONS | {"19"}  # ("closed its border": 191)
_RELEASES = frozenset({"08"})  # ("welcomed the release": whoever freed them)
_MEETINGS = frozenset({"04"})  # ("condemned the visit": the visitor's)
ACT_NOUNS: dict[str, frozenset[str]] = {  # the noun -> the CAMEO roots of the acts it can stand for
    "decision": _ANY, "move": _ANY, "step": _ANY, "measure": _ANY, "action": _ANY,
    "announcement": _ANY, "decree": _ANY, "attack": _FORCE, "strike": _FORCE, "incursion": _SHOWS,
    "shelling": _FORCE, "bombing": _FORCE, "raid": _FORCE, "downing": _FORCE, "killing": _FORCE,
    "seizure": _FORCE, "arrest": _FORCE, "detention": _FORCE, "deportation": _FORCE,
    "provocation": _FORCE | _WORDS, "accusation": _WORDS, "allegation": _WORDS, "remark": _WORDS,
    "comment": _WORDS, "statement": _WORDS, "charge": _WORDS, "claim": _WORDS, "finding": _WORDS,
    "threat": _WORDS, "expulsion": _REDUCTIONS | _FORCE, "closure": _RESTRICTIONS,
    "ban": _RESTRICTIONS, "sanction": _REDUCTIONS, "embargo": _REDUCTIONS, "tariff": _REDUCTIONS,
    "restriction": _RESTRICTIONS, "suspension": _REDUCTIONS, "drill": _SHOWS, "exercise": _SHOWS,
    "deployment": _SHOWS, "release": _RELEASES, "pardon": _RELEASES, "exchange": _RELEASES,
    "swap": _RELEASES, "invasion": _FORCE, "landing": _FORCE, "occupation": _FORCE, "annexation": _FORCE,
    "intervention": _FORCE, "assault": _FORCE, "offensive": _FORCE, "bombardment": _FORCE,
    "blockade": _FORCE, "airstrike": _FORCE, "intrusion": _FORCE | _SHOWS, "boarding": _FORCE,
    "firing": _FORCE | _SHOWS, "shooting": _FORCE, "flight": _SHOWS, "patrol": _SHOWS, "manoeuvre": _SHOWS,
    "maneuver": _SHOWS, "visit": _MEETINGS, "trip": _MEETINGS, "launch": _SHOWS, "test": _SHOWS,
    "incident": _SHOWS, "violation": _SHOWS,
}
ACT_FORMS = ACT_NOUNS.keys() | {n + ("es" if n.endswith("h") else "s") for n in ACT_NOUNS}  # (words)
# verbs whose reported subject an act told before can be: a verdict or a charge ("said the move was
# illegal", "said the filling violated the declaration")
JUDGED_BY = frozenset({"be", "violate", "breach", "ignore", "undermine", "contravene", "infringe", "flout",
                       "trample", "constitute", "amount"})
DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
# words of a name that praises the act it names ('called the decision "a positive step"')
PRAISE = frozenset({
    "positive", "welcome", "historic", "important", "constructive", "good", "great", "landmark",
    "breakthrough", "milestone", "forward", "courageous", "brave", "wise", "correct", "right",
    "significant", "encouraging", "excellent", "success", "successful", "progress", "helpful",
    "necessary", "justified", "legitimate", "timely", "welcomed", "fair", "defensive", "proportionate",
    "appropriate", "measured", "responsible", "lawful", "legal", "reasonable", "needed", "sovereign",
    "self-defence", "self-defense", "defence", "defense",  # (tokens of "self-defence")
})


def act_mentioned(tok: Token) -> bool:
    """'the decision', 'this move', 'the attack' as an object or as the subject of a reported
    clause ('said the step ignored ...'), owned by no one named: an act told before."""
    reported = (tok.dep_ == "nsubj" and tok.head.dep_ in ("ccomp", "conj")
                and tok.head.lemma_.lower() in JUDGED_BY)
    if (tok.dep_ not in ("dobj", "pobj") and not reported) or tok.lemma_.lower() not in ACT_NOUNS:
        return False  # (a reported clause's subject: "said the move violated the accord")
    told = any((c.dep_ == "det" and c.lower_ in DEMONSTRATIVES) or (c.dep_ in ("amod", "predet")
               and c.lower_ == "such") for c in tok.children)  # ("such statements")
    authors = ("by", "of") if ACT_NOUNS[tok.lemma_.lower()] is _ANY else ("by",)  # ("the decision of
    # X": X's; "the downing of the drone", "the expulsion of its diplomats": what the act befell)
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in authors)
                or (c.dep_ == "amod" and c.text[:1].isupper())  # ("the Chinese action")
                for c in tok.children)
    return told and not owned


def judged_act(call: Token) -> bool:
    """'call' gives a name that does not praise to an act told before ('called the closure "a
    crazy swindle"', 'called the expulsion "regrettable"'): a criticism of the act's author."""
    named = next((c for c in call.children if c.dep_ == "dobj"), None)
    if named is None or not act_mentioned(named) or ACT_NOUNS[named.lemma_.lower()] is _RELEASES:
        return False  # (a release named "only a start" is not blamed)
    words = [t for t in call.subtree if t.i > named.i and t.head.i != named.i][:24]
    return bool(words) and not any(t.lower_ in PRAISE for t in words)
