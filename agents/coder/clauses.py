"""What the clause around a trigger says about it: asserted, intended, appealed for, refused,
hypothetical, negated, past history, or reported by a speaker.

Statuses (the names ``codes.modal_code`` takes): ``act`` (asserted), ``intent`` (will, would,
promised to, agreed to), ``appeal`` (urged, sought, efforts to), ``refuse`` (refused to),
``threat`` (threatened to), ``try`` (tried to), ``off`` (negated, hypothetical, denied,
under a directive: no event).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.habits import habitual
from agents.coder.syntax import first_conjunct, to_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "CAUSATIVES", "CLAUSAL", "GOVERNOR_OF", "HISTORY_MARKS", "PAST_SEASONS", "SPANS", "SPEECH", "UNASSERTED",
    "WHEN_MARKS", "governor_status", "participle_of", "speaker_tag", "speech_head", "status",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


GOVERNORS: dict[str, frozenset[str]] = {
    "intent": _set(
        "promise pledge vow offer agree plan intend decide prepare expect hope aim wish want commit "
        "willing ready prepared eager set scheduled due slated going determined keen poised"
    ),
    "appeal": _set("seek push strive request ask urge press call appeal effort bid initiative demand"),
    "try": _set("try attempt"),
    "refuse": _set("refuse decline unwilling reluctant reject"),
    "threat": _set("threaten"),
    "act": _set("continue begin start resume manage keep"),
}
GOVERNOR_OF = {word: kind for kind, words in GOVERNORS.items() for word in words}
UNASSERTED = _set(
    "deny consider avoid stop halt risk resist oppose discuss fear allow study weigh fail "
    "accuse allege blame suspect suspicion suspicions allegation allegations rumour rumours "
    "rumor rumors speculation"
)
SPEECH = _set(
    "say state inform announce report warn insist reiterate add confirm claim allege note tell "
    "believe stress declare argue accuse charge complain"
)
SPEAKERS_ACTS = SPEECH | _set(
    "call term describe dub label brand condemn denounce criticise criticize slam urge demand "
    "vow pledge promise threaten"
)
CAUSATIVES = _set("prompt force lead cause compel drive spur oblige induce trigger")  # ("led Peru
# to recall its ambassador": Peru recalls it)
NEGATING = _set("never no rarely seldom hardly")  # ("has rarely lectured New Delhi": not done)
FUTURE = _set("will would shall 'll wo")
UNREAL = _set("could might may should must can ca")
HYPOTHETICAL_MARKS = _set("if unless whether lest")
DEADLINES = _set("day days week weeks hour hours month months deadline time ultimatum")  # ("gave
# Qatar ten days to comply": a deadline set, not the act)
HISTORY_MARKS = _set("after since before when")
WHEN_MARKS = _set("when as after while before until")
PAST_SEASONS = _set("year summer winter spring autumn fall month")
EXPECTATIONS = _set("expect schedule set plan slate")
SCHEDULES = _set("due slated")
SPANS = _set("year years decade decades century centuries month months week weeks")
OWN_PEOPLE = _set("citizen national resident traveler traveller people")
CLAUSAL = _set("ccomp advcl relcl acl xcomp csubj conj parataxis pcomp")


def _negated(tok: Token) -> bool:
    """'did not', 'never'; 'Neither India nor China has agreed' (a negated subject)."""
    if any(c.dep_ == "neg" or (c.lower_ in NEGATING and c.dep_ == "advmod") for c in tok.children):
        return True
    if tok.dep_ == "conj" and any(c.lower_ in ("or", "nor") for c in tok.head.children if c.dep_ == "cc") \
            and _negated(tok.head):
        return True  # "has rarely attached conditions or lectured New Delhi": neither done
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in tok.children):
        return True  # "carried out no intelligence operation against Paraguay"
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lower_ in ("neither", "nor") for s in subjects for t in s.subtree)


def _clause_heads(tok: Token) -> list[Token]:
    """``tok`` and the verbs above it up to the sentence root."""
    heads = [tok]
    while heads[-1].head.i != heads[-1].i and len(heads) < 12:
        heads.append(heads[-1].head)
    return heads


def _hypothetical(tok: Token) -> bool:
    for head in _clause_heads(tok):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in head.children):
            return True
        if head.dep_ not in CLAUSAL:
            break
    return False


def _scheduled(tok: Token) -> bool:
    """A subordinate clause in the present after 'before', 'until', 'once' or 'when' tells what
    is to come: 'two days before Iran and the United States hold talks'; so does a 'to' clause
    after 'due' or 'slated', or with its subject given by 'for'."""
    marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in WHEN_MARKS - {"as", "while"}]
    if tok.dep_ == "advcl" and tok.tag_ in ("VBP", "VBZ") and bool(marks):
        return True
    infinitive = to_clause(tok)
    if infinitive and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return True  # "a matter for New Zealand and the Cook Islands to resolve": not done
    # "is due in Buenos Aires on Monday to meet Milei": a schedule
    return infinitive and tok.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "acomp" and c.lemma_.lower() in SCHEDULES for c in tok.head.children)


def _ruled_out(head: Token) -> bool:
    """'(did not) rule out sending troops', 'put off sending its envoy', 'postponed visiting':
    the act is not done."""
    lemma = head.lemma_.lower()
    if lemma in ("postpone", "delay", "defer"):
        return True
    particle = {c.lower_ for c in head.children if c.dep_ == "prt"}
    return (lemma == "rule" and "out" in particle) or (lemma == "put" and "off" in particle)


def _own_future(tok: Token) -> bool:
    """'it would', 'we will', 'it could': what the speaker's own state would do."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE | {"could", "might", "may"} for c in tok.children) \
        and any(c.dep_ == "nsubj" and c.lower_ in ("it", "we") for c in tok.children)


def governor_status(tok: Token) -> str | None:
    """The status a governing word gives ``tok`` ("agreed to resume" -> intent), None if none."""
    head = tok.head
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _ruled_out(head):  # ("put off sending": parsed
        return "off"  # as an adverbial clause)
    if head.i == tok.i or (tok.dep_ not in ("xcomp", "acl", "ccomp", "conj") and not _infinitive(tok)):
        return None
    if tok.dep_ == "conj":
        return governor_status(head)
    lemma = head.lemma_.lower()
    if lemma == "be" and tok.dep_ == "xcomp" and to_clause(tok):
        return "off"  # "under which Rwanda is to pull its troops out": what is to be done
    if lemma == "give" and any(c.dep_ in ("dobj", "npadvmod") and c.lower_ in DEADLINES
                               for c in head.children):
        return "off"
    if lemma in UNASSERTED or _ruled_out(head):  # ("did not rule out developing cooperation")
        return "off"
    kind = GOVERNOR_OF.get(lemma)
    if lemma == "warn" and tok.dep_ == "ccomp" and _own_future(tok):  # "warned that it would
        return "threat"  # impose sanctions on Lithuania": a threat, not a decision announced
    if kind is None or _told_before(tok):
        return None
    if tok.dep_ == "ccomp" and kind != "appeal":
        return None
    if lemma in SCHEDULES or (lemma in EXPECTATIONS and any(c.dep_ == "auxpass" for c in head.children)):
        return "off"  # "is expected to visit Ankara", "is due to travel": a schedule, not a plan
    if kind == "act" and any(c.dep_ == "aux" and c.lower_ in FUTURE for c in head.children):
        return "intent"  # "would keep funding": what it means to do
    if _negated(head) or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "off" if kind != "intent" else "refuse"  # "has no plans to send troops": refuses
    if kind == "appeal" and _own_people(head):
        return "act"  # "urged its citizens to avoid travel to Nepal": the state's own advisory
    return "off" if kind == "appeal" and tok.dep_ == "ccomp" else kind


def _told_before(clause: Token) -> bool:
    """A clause with its own subject hung before the verb that governs it ('Indonesia and
    Australia signed a pact, a deal officials have called historic'): told, not appealed for."""
    return clause.dep_ == "ccomp" and clause.i < clause.head.i and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _infinitive(tok: Token) -> bool:
    """A 'to' clause the parser hung as an adverbial ('threatened on Monday to shoot down ...'):
    after a governing verb it is the verb's complement all the same."""
    return tok.dep_ == "advcl" and to_clause(tok)


def _own_people(verb: Token) -> bool:
    """The appeal is to the speaker's own people ('its citizens', 'their nationals')."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in OWN_PEOPLE
               and any(p.dep_ == "poss" and p.lower_ in ("its", "their", "our") for p in c.children)
               for c in verb.children)


def _unasserted(tok: Token) -> bool:
    """Under a directive, a wish or an appeal further up ('demanded that the US cancel plans to
    sell ...', 'wants Putin to attack ...', 'demanded a meeting to discuss ...')."""
    cur, level = speaker_tag(tok) or tok, 0
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            return False
        lemma = head.lemma_.lower()
        if cur.dep_ == "conj":  # "denied X and said Y": Y stands on its own
            cur = head
            continue
        if cur.dep_ == "parataxis":  # "Guyana must halt ..., Maduro said, accusing ...": the
            return False  # speaker's own words stand on their own
        if cur.dep_ in CLAUSAL:
            kind = GOVERNOR_OF.get(lemma)
            if lemma in UNASSERTED:
                return True
            if kind == "appeal" and (level > 0 or cur.dep_ not in ("xcomp", "acl")) and not _told_before(cur):
                return True
            if kind in ("intent", "try", "threat") and (level > 0 or cur.dep_ == "ccomp"):
                return True
            level += 1
        elif level and lemma in UNASSERTED:  # "accused Russia of attacking Ukraine"
            return True
        cur = head
    return False


def status(tok: Token) -> str:
    """The status of a trigger token (see the module doc)."""
    if _hypothetical(tok) or _unasserted(tok) or _scheduled(tok) or habitual(tok):
        return "off"
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if _negated(tok):
        return "refuse" if aux & FUTURE else "off"  # "would not provide support": a refusal
    governed = governor_status(tok)
    if governed is not None:
        return governed
    if aux & UNREAL:
        return "off"
    if aux & FUTURE:
        return "intent"
    if tok.dep_ == "advcl" and "to" in aux and tok.head.i != tok.i:
        return status(tok.head)  # "will meet in Zurich to discuss": as the act it serves
    if participle_of(tok) and status(speaker_tag(tok) or tok.head) == "off":
        return "off"  # "before Iran and the US hold talks, mediated by Oman": as its clause
    return "act"


def speaker_tag(tok: Token) -> Token | None:
    """The speaker's tag a participle clause belongs to when the parser hung the clause on the
    words quoted before the tag ('Guyana must halt ..., Maduro said, accusing Georgetown of
    ...': Maduro accuses), or None."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head.i == tok.i:
        return None
    return next((c for c in tok.head.children if c.dep_ == "parataxis" and c.i < tok.i
                 and c.lemma_.lower() in SPEECH), None)


def participle_of(tok: Token) -> bool:
    """A bare participle clause hung on a verb ('..., mediated by Oman'): no subject, no mark."""
    bare = not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in tok.children)
    return (tok.dep_ == "advcl" and tok.tag_ in ("VBN", "VBG") and bare and tok.head.i != tok.i
            and tok.head.pos_ in ("VERB", "AUX"))


def speakers_second_act(tok: Token) -> Token | None:
    """The speech verb a coordinated verb of speaking or judging belongs with, when the parse
    put it inside what was said: "The ministry said Washington was trying to harm the economy,
    and called the move a parting attempt": the ministry called it (the conjunct has no subject
    of its own, and what was said is neither in the present nor brought in by "that"). None
    otherwise."""
    if tok.dep_ != "conj" or tok.head.i == tok.i:
        return None
    shifted = tok.tag_ == "VBD" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.head.children)
    if tok.lemma_.lower() not in SPEAKERS_ACTS and not shifted:  # ("said that X had ignored ...
        return None  # and voiced its opposition": the tense leaves what was said)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return None
    if tok.tag_ in ("VBZ", "VBP"):
        return None  # "told him that the UAE condemns and denounces ...": the UAE's
    passive = any(c.dep_ == "nsubjpass" for c in tok.head.children) and tok.tag_ == "VBD"
    if any(c.dep_ == "mark" for c in tok.head.children) and not (passive or shifted):
        return None  # (but "told parliament that the airspace had been violated and accused
    return speech_head(tok.head)  # Moscow ...": an active act hung on a passive, the speaker's)


def speech_head(tok: Token, trailing: bool = False) -> Token | None:
    """The speech verb whose complement holds ``tok`` and that comes before it ('Chile said
    Peru had rejected ...'), or None (also when the speaker follows: '..., officials said',
    unless ``trailing``: 'Russia must withdraw, France said' is France's demand)."""
    cur = first_conjunct(tok)
    if cur.dep_ != "ccomp" or speakers_second_act(tok) is not None:
        return None
    head = cur.head
    if head.lemma_.lower() in SPEECH and (head.i < cur.i or trailing):
        return head
    return None
