"""Small readings of the dependency tree shared by the role finders."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from agents.coder.refs import ActorRef
from agents.coder.words import BORDERS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ADJUNCT_PREPS",
    "GROUP_MAX",
    "GROUP_SIZES",
    "PAIR_NOUNS",
    "acts_on_itself",
    "after_clause",
    "at_border",
    "at_open_sea",
    "bare_pair",
    "clause_of",
    "co_mediator",
    "directive",
    "each_way",
    "first_conjunct",
    "group_size",
    "misread_visiting",
    "object_as_subject",
    "object_of",
    "onlookers",
    "relative_subjects",
    "second_subject",
    "signed_unsaid",
    "subject_countries",
    "subject_of_next",
    "title_holder",
    "to_clause",
]

GROUP_MAX = 6  # more states acting together is one multilateral act (analysts code up to six
# each way: five presidents signing one accord, China and the five Central Asian states)
PAIR_NOUNS = frozenset({
    "leaders", "countries", "sides", "nations", "governments", "presidents", "ministers", "neighbours",
    "neighbors", "states", "parties", "capitals", "premiers", "delegations", "counterparts", "powers",
    "heads", "militaries", "armies",  # "the two heads of state"
})
GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}  # "the three countries"
# larger groups stand for a group named together before ("those seven countries"); not gate words
LARGE_GROUPS = {"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
GROUP_WORDS = GROUP_SIZES | LARGE_GROUPS
SIGNED_THINGS = frozenset({"agreement", "document", "memorandum", "accord", "deal", "treaty", "declaration",
                           "protocol", "pact", "mou"})
BARE_PAIRS = frozenset({"leaders", "sides", "delegations"})  # "The sides discussed ..."


def group_size(tok: Token) -> int:
    """How many countries a group phrase headed by ``tok`` stands for ("the two sides", "both
    leaders", "the three countries": 2, 2, 3), or 0."""
    if tok.lower_ not in PAIR_NOUNS:
        return 0
    if any(c.dep_ == "amod" and c.is_title for c in tok.children):
        return 0  # "the two Japanese ministers": two people of one country
    return next((GROUP_WORDS[c.lower_] for c in tok.children if c.lower_ in GROUP_WORDS), 0)


def bare_pair(tok: Token) -> bool:
    """'The leaders held talks', 'The sides discussed ...': a pair told before, with no number
    (only the pair an earlier sentence told both ways, ``DiscourseMemory.pair_told``)."""
    if tok.lower_ not in BARE_PAIRS or tok.dep_ not in ("nsubj", "nsubjpass") or not any(tok.children):
        return False
    return all(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def signed_unsaid(tok: Token) -> bool:
    """'Agreements on agricultural cooperation were also signed', '25 documents were
    exchanged': documents signed with no one named (a pair told before signed them)."""
    verb = tok.head
    return (tok.dep_ == "nsubjpass" and tok.lemma_.lower() in SIGNED_THINGS
            and verb.lemma_.lower() in ("sign", "exchange", "conclude", "adopt", "ink")
            and not any(c.dep_ == "agent" for c in verb.children))


def first_conjunct(tok: Token) -> Token:
    """The first of the conjuncts ``tok`` is one of ("A, B and C": A), or ``tok`` itself."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def to_clause(tok: Token) -> bool:
    """``tok`` heads a 'to' infinitive ('to meet', 'to shoot down')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def after_clause(tok: Token) -> bool:
    """``tok`` heads an 'after' clause with a subject ('after the US shot down a balloon')."""
    return any(c.dep_ == "mark" and c.lower_ == "after" for c in tok.children) and any(
        c.dep_ == "nsubj" for c in tok.children)


def relative_subjects(noun: Token) -> list[Token]:
    """Subjects of the relative clauses that tell what a noun holds ('an agreement under which
    China will provide aid': China), not of those whose subject is the relative pronoun."""
    return [s for r in noun.children if r.dep_ == "relcl"
            and any(p.dep_ == "prep" and any(w.tag_ == "WDT" for w in p.children) for p in r.children)
            for s in r.children if s.dep_ == "nsubj"]


MEET_VERBS = frozenset({"meet", "receive", "host", "welcome", "greet"})
OPEN_WATERS = frozenset({"sea", "ocean", "waters"})  # where a missile falls at no state


def at_open_sea(tok: Token) -> bool:
    """The act is aimed at or falls in the open sea, named by no proper name ('fired a missile
    into the sea', '... that landed in the sea'; not 'in the South China Sea')."""
    return any(o.dep_ == "pobj" and o.lemma_.lower() in OPEN_WATERS and o.text.islower()
               and not any(m.dep_ in ("compound", "prep") for m in o.children) for o in tok.subtree)


def misread_visiting(tok: Token) -> bool:
    """'met visiting Cuban leader X': the parser read "visiting" as a clause of its own, with the
    visitor as its object; it is the visitor's adjective (the visitor came to the host)."""
    return (tok.lemma_.lower() == "visit" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp")
            and tok.i == tok.head.i + 1 and tok.head.lemma_.lower() in MEET_VERBS
            and not any(c.dep_ in ("nsubj", "aux") for c in tok.children))


def clause_of(tok: Token) -> Token:
    """The verb whose object (or prepositional object) an event noun is; else the noun.
    'launched 10 days of war games': through 'of' to the noun it completes."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    verbal = head.pos_ in ("VERB", "AUX") or (head.dep_ == "xcomp" and to_clause(head))  # "offered
    # to host talks": 'host' mistagged a noun
    if tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass") and verbal:
        return head
    return tok


ADJUNCT_PREPS = frozenset(
    {"for", "after", "before", "during", "since", "amid", "following", "despite", "until", "ahead"}
)


def object_of(tok: Token) -> int:
    """The verb a noun is the object of ('condemned the attack', 'opposed to the mediation');
    not a purpose or a time ('traveled to Muscat for talks with ...', 'after a visit by ...')."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ADJUNCT_PREPS:
        return -1
    if tok.dep_ == "pobj" and head.pos_ == "ADP" and head.dep_ in ("prep", "dative"):
        head = head.head
    elif tok.dep_ != "dobj":
        return -1
    return head.i if head.pos_ == "VERB" else -1


def directive(tok: Token) -> bool:
    """A verb of demand whose clausal complement's subject is its target ("demanded that X")."""
    return tok.lemma_.lower() in ("demand", "urge", "ask", "call", "insist", "request", "press")


def each_way(group: list[ActorRef]) -> list[tuple[ActorRef, ActorRef]]:
    """Every ordered pair of a joint act; a longer list is multilateral, not bilateral."""
    if len({a.country for a in group}) > GROUP_MAX:
        return []
    return [(a, b) for a in group for b in group if a.country != b.country]


def subject_countries(here: list[ActorRef], tok: Token) -> set[str]:
    """The countries of the subject of the clause whose object (or prepositional object) the
    group phrase ``tok`` is; none for a subject group ("the two sides agreed")."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return set()
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    spans: set[int] = set()
    for _ in range(3):  # "Anwar said he had spoken to both leaders": he is Anwar, the speaker
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ in ("xcomp", "conj"):
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            verb = verb.head
        spans |= {t.i for c in subjects for t in c.subtree}
        if not subjects or any(c.pos_ != "PRON" for c in subjects) or verb.dep_ not in ("ccomp", "conj"):
            break
        verb = verb.head
    return {r.country for r in here if r.head in spans}


def second_subject(verb: Token, tok: Token) -> bool:
    """A subject the parser put after a verb that has one before it and no object: the object
    ("Japan's vice minister, Takehiro Funakoshi, summoned China's ambassador, Wu Jianghao, to
    protest": 'ambassador' parsed as a second 'nsubj' of 'summoned')."""
    if tok.dep_ != "nsubj" or tok.i < verb.i or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in children) and not any(
        c.dep_ == "dobj" for c in children)


def subject_of_next(noun: Token) -> Token | None:
    """The verb a conjoined object is really the subject of ("Russia freed an American
    journalist and [the United States] freed a Russian citizen": 'States' parsed as a second
    object of the first 'freed'): the next token, a conjoined verb with no subject of its own."""
    doc = noun.doc
    if noun.dep_ != "conj" or noun.i + 1 >= len(doc) or noun.head.dep_ not in ("dobj", "pobj"):
        return None
    fronted = _fronted_subject(noun)
    if fronted is not None:
        return fronted
    if noun.head.dep_ == "pobj" and noun.pos_ != "PROPN":  # ("... on Monday and Venezuela ordered")
        return None
    verb = doc[noun.i + 1]
    governor = next((a for a in noun.head.ancestors if a.pos_ == "VERB"), None)
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or governor is None or verb.head.i != governor.i:
        return None
    return None if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb


def _fronted_subject(noun: Token) -> Token | None:
    """The sentence's verb when the parser joined its subject to the last noun of a fronted
    phrase ("Under a deal mediated by the UAE, Russia and Ukraine exchanged ...": 'Russia'
    parsed as a conjunct of 'UAE'): a name after a comma, right before a verb with no subject."""
    root = noun.sent.root
    if noun.pos_ != "PROPN" or noun.i == 0 or noun.doc[noun.i - 1].text != "," or root.i <= noun.i:
        return None
    if root.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return None
    if any(t.pos_ != "ADV" for t in noun.doc[noun.right_edge.i + 1:root.i]):
        return None
    opener = next((a for a in noun.ancestors if a.head.i == root.i), None)
    return root if opener is not None and opener.dep_ == "prep" and opener.i < noun.i else None


def acts_on_itself(tok: Token, pairs: list[tuple[ActorRef, ActorRef]]) -> bool:
    """Two or more states acting on themselves as a group (the targets are the sources), with
    no "each other" or "one another" in the sentence to say they act on each other."""
    sources, targets = {s.country for s, _ in pairs}, {t.country for _, t in pairs}
    if len(sources) < 2 or sources != targets:
        return False
    words = [t.lower_ for t in tok.sent]
    pairs_of = set(pairwise(words))
    return not pairs_of & {("each", "other"), ("one", "another"), ("the", "other")}


def title_holder(title: Token) -> Token:
    """The name a title is compounded with ("Minister" of "Foreign Minister Masataka Okano":
    "Okano"), or the title itself."""
    tok = title
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def object_as_subject(verb: Token, clause: Token) -> bool:
    """The parser read a participle after the object as a clause with the object as its subject
    ('killed 18 Palestinians waiting for aid'): no object, no mark, the subject right after."""
    if any(c.dep_ == "dobj" for c in verb.children) or clause.tag_ != "VBG":
        return False
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    marked = any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children)
    return bool(subjects) and not marked and verb.i < subjects[0].i < clause.i


def onlookers(prep: Token) -> bool:
    """'with the US ambassador in attendance', 'with Trump looking on': who was present."""
    def attending(m: Token) -> bool:
        at = m.dep_ == "prep" and m.lower_ == "in" and any(w.lower_ == "attendance" for w in m.children)
        return at or (m.dep_ in ("amod", "advmod", "acl") and m.lower_ in ONLOOKING)
    after = [m for m in prep.head.children if m.i > prep.i]  # ("in attendance" hung on the verb)
    return any(attending(m) for m in after if m.dep_ == "prep") or any(
        attending(m) for o in prep.children if o.dep_ == "pobj" for m in o.children)


ONLOOKING = frozenset({"present", "looking", "watching", "attending"})


def at_border(tok: Token) -> bool:
    """The state named as the other side of a border ('to the border with Colombia')."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_.lower() in BORDERS


def co_mediator(tok: Token, verb: Token) -> bool:
    """A state named as brokering 'with' the subject ('brokered the truce together with the
    United States', 'mediated in coordination with Washington'): a fellow broker, no party."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("with", "alongside") or group_size(tok):
        return False  # ("brokered the truce with both governments": the parties)
    hang = prep.head
    return hang.i == verb.i or (hang.head.i == verb.i and hang.lower_ in CO_WORDS) or (
        hang.lower_ in CO_WORDS and hang.head.head.i == verb.i)


CO_WORDS = frozenset({"together", "coordination", "conjunction", "cooperation", "partnership", "along"})
