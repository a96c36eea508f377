"""Cues in the parse around a trigger: what asks an act of whom ("said Sudan must ...",
"wants Beijing to ..."), what stops one ("paused military aid"), a name given rather than a
call made, diplomats sent home, force held near a country, the conditions of a threat, and
participles the parser read as active verbs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agents.coder.clauses import SPEECH, speech_head, status
from agents.coder.syntax import clause_of, first_conjunct, to_clause
from agents.coder.vocab import VerbPattern
from agents.coder.words import MESSAGES, REPROACHES

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "DOCUMENTS",
    "asked",
    "conditions",
    "content_of_document",
    "describes",
    "exhorts_both",
    "halting",
    "misread_passive",
    "named_as_reason",
    "naming",
    "near_objects",
    "obliged",
    "owner_of",
    "questioned",
    "reason_given",
    "reproach",
    "sent_home",
    "standing_claim",
    "supposed",
    "under_document",
]

NEAR = frozenset({"around", "near", "off", "encircling", "surrounding"})
OBLIGATION = frozenset({"must", "should"})
HALTS = frozenset({"pause", "suspend", "halt", "stop", "end", "freeze", "cancel", "terminate", "scrap",
                   "lift", "ease", "cease", "discontinue", "revoke", "withdraw", "cut"})
# what an agreement says is not another act: "signed a treaty settling the border dispute"
DOCUMENTS = frozenset({"treaty", "agreement", "deal", "accord", "pact", "memorandum", "declaration",
                       "protocol", "charter", "convention", "resolution", "statement", "communique",
                       "law", "decree", "bill", "proposal"})
# what a clause under "under" is the content of ("Under its terms, the two neighbours will ...")
PROVIDERS = DOCUMENTS | {"term", "terms", "plan", "framework", "arrangement", "truce", "ceasefire"}
UNREALISED = frozenset({"planned", "proposed", "possible", "potential", "expected", "upcoming", "future",
                        "prospective", "mooted", "hypothetical"})
PLANNING = frozenset({"pencil", "plan", "schedule", "slate", "propose", "expect", "envisage", "moot"})
VENUES = frozenset({"host", "venue", "place", "location", "site"})
REASONS = frozenset({"cite", "retaliate", "respond", "react"})  # ", retaliating for X's ..."
SPANS_OF = frozenset({"day", "week", "month", "year", "decade", "hour"})
ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "charge", "staff",
                    "official", "adviser", "advisor"})
DEMAND = VerbPattern("say", (), (), (), "100", None, None, frozenset(), "curated")
APPEAL = VerbPattern("want", (), (), (), "020", None, None, frozenset(), "curated")
WANTS = frozenset({"want", "wish"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "can", "should"})
REMINDERS = frozenset({"reminder", "warning", "message", "notice", "ultimatum", "letter", "statement"})


def _own_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def obliged(tok: Token) -> list[Token]:
    """The subject of the clause at ``tok`` that ``asked`` reads: its own, or for a verb
    conjoined to a reported clause with no subject of its own, the clause's ("said the United
    States could not ... and must establish ...")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj and tok.dep_ == "conj":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return subj


def asked(tok: Token) -> tuple[Token, VerbPattern] | None:
    """The verb that asks the clause at ``tok`` of its subject, and what it codes: a speech
    verb over 'must'/'should' (also in a verb conjoined to the reported clause), or the verb
    that issues a reminder or warning 'that X must' (a demand), 'want'/'wish' over a 'to'
    clause (an appeal)."""
    if tok.dep_ not in ("acl", "ccomp") and tok.pos_ not in ("VERB", "AUX"):
        return None  # (called for every token: no children read for the rest)
    if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and not _own_subject(tok):
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}  # "said X could not ... and
        speaker = speech_head(tok.head, trailing=True) if aux & OBLIGATION else None  # must ..."
        return (speaker, DEMAND) if speaker is not None and status(tok) == "off" else None
    told = next((c for c in tok.children if c.dep_ == "parataxis" and c.i > tok.i
                 and c.lemma_.lower() in SPEECH), None)  # "Guyana must halt ..., Maduro said"
    if tok.dep_ not in ("acl", "ccomp") and told is None:
        return None
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if told is not None:
        return (told, DEMAND) if aux & OBLIGATION and status(tok) == "off" else None
    if tok.dep_ == "acl" and aux & OBLIGATION and tok.head.lemma_.lower() in REMINDERS:
        issued = clause_of(tok.head)  # "issued a stern reminder to Iraq that it must cooperate"
        return (issued, DEMAND) if issued.i != tok.head.i else None
    if tok.dep_ != "ccomp":
        return None
    if aux & OBLIGATION:
        speaker = speech_head(tok, trailing=True)
        return (speaker, DEMAND) if speaker is not None and status(tok) == "off" else None
    wants = tok.head.lemma_.lower() in WANTS and tok.head.i != tok.i
    return (tok.head, APPEAL) if "to" in aux and wants and status(tok.head) == "act" else None


def near_objects(tok: Token) -> list[Token]:
    """Objects of 'around', 'near', 'off' after ``tok`` or its light verb ('drills near Taiwan')."""
    heads = [tok, clause_of(tok)]
    return [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in NEAR
            for o in c.children if o.dep_ == "pobj"]


def conditions(tok: Token, depth: int = 3) -> list[Token]:
    """The 'if' / 'unless' clauses of a threat, through its complements ('threatened to close
    the strait unless Washington lifts sanctions'): whoever must act is the one threatened."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            out.append(c)
        elif c.dep_ in ("xcomp", "ccomp", "dobj", "acl") and depth > 0:
            out.extend(conditions(c, depth - 1))
    return out


def halting(noun: Token) -> bool:
    """The event noun is the object of a verb of stopping ('suspended intelligence sharing',
    'aid ... was paused', 'ending sanctions')."""
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass"):
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SPANS_OF:
        noun = noun.head.head  # "ending five days of fighting"
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":  # "paused NZ$18.2 million in funding"
        held = noun.head.head
        if held.lemma_.lower() in HALTS and any(c.dep_ == "dobj" for c in held.children):
            return True  # (the amount its object: "paused 18.2 million dollars in funding to Fiji")
        noun = held if held.dep_ in ("dobj", "nsubjpass") else noun
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in HALTS


def misread_passive(tok: Token, code: str) -> bool:
    """A participle of arrest or force the parser gave a subject but neither auxiliary nor
    object ('the couple, detained while travelling, had been charged'): a reduced passive."""
    if code[:3] not in ("173", "174") and code[:2] not in ("18", "19"):
        return False
    deps = {c.dep_ for c in tok.children}
    return tok.tag_ == "VBN" and "nsubj" in deps and not deps & {"aux", "dobj", "auxpass", "agent"}


def naming(tok: Token) -> bool:
    """'calling it a clear violation', 'called Putin a killer', 'termed the steps unjust',
    'described the raid as a flagrant violation': a name given, not a call made."""
    if tok.lemma_.lower() == "describe":  # ("as" may hang on the object: "the attack as ...")
        heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        return any(c.dep_ == "prep" and c.lower_ == "as" for h in heads for c in h.children)
    if tok.lemma_.lower() not in ("call", "term", "label", "brand", "dub"):
        return False
    if any(c.dep_ == "oprd" for c in tok.children):
        return True
    if any(c.dep_ == "dobj" and any(a.dep_ == "appos" and tok.doc[a.left_edge.i - 1].text != ","
                                    for a in c.children)
           for c in tok.children):  # "called Obama a son of ...": the name, unparted by a comma
        return True
    quoted = any(t.text in ('"', "“", "”") for t in tok.doc[tok.i + 1 : tok.i + 12])
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # 'called X "a ..."': a name, quoted
    return quoted and bool(objects) and objects[0].lemma_.lower() not in ("meeting", "talks", "summit")


def sent_home(tok: Token) -> bool:
    """Diplomats or nationals ordered or told to leave: 'ordered six Canadian diplomats to leave',
    'ordered Wheeler and five other diplomats to leave'; states ordered to pull their diplomats out."""
    if tok.lemma_.lower() not in ("order", "tell", "give"):
        return False
    objects = [o for c in tok.children if c.dep_ in ("dobj", "dative") for o in (c, *c.conjuncts)]
    envoys = any(o.lemma_.lower() in ENVOYS or (o.tag_ in ("NNPS", "NNS") and o.text[:1].isupper())
                 for o in objects)  # ("ordered six Americans on the team to leave")
    given = [d for c in tok.children if c.dep_ in ("dobj", "npadvmod") for d in c.children]  # ("gave
    clauses = [c for c in [*tok.children, *given] if c.dep_ in ("xcomp", "ccomp")  # them 72 hours to
               or (c.dep_ in ("advcl", "relcl", "acl")  # leave": the clause hung on the hours)
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    leave = any(c.lemma_.lower() == "leave" for c in clauses)
    pulled = any(c.lemma_.lower() in ("pull", "withdraw", "remove", "recall") and any(
        o.dep_ == "dobj" and o.lemma_.lower() in ENVOYS for o in c.children) for c in clauses)
    return (envoys and leave) or pulled


def supposed(noun: Token) -> bool:
    """An event noun that is the subject of a hypothetical ('an attack on Taiwan could prompt
    ...', 'a war would be a disaster'): supposed, not happened."""
    if any(c.dep_ == "amod" and c.lower_ in UNREALISED for c in noun.children):
        return True  # "a planned summit between Trump and Putin", "a possible attack"
    if any(c.dep_ == "acl" and c.lemma_.lower() in PLANNING for c in noun.children):
        return True  # "a state visit to France, pencilled in for the autumn"
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in VENUES:
        return True  # "offered Slovakia as a host for peace talks": talks not held
    aux = {c.lower_ for c in noun.head.children if c.dep_ == "aux"}
    return noun.dep_ in ("nsubj", "nsubjpass") and bool(aux & HYPOTHETICAL_AUX)


def questioned(tok: Token) -> bool:
    """'Asked whether he would rule out force, Trump replied ...': a question put by reporters
    to the main clause's subject, not an appeal by anyone named."""
    return (tok.lemma_.lower() == "ask" and tok.tag_ == "VBN" and tok.dep_ == "advcl"
            and not any(c.dep_ in ("auxpass", "nsubjpass", "nsubj") for c in tok.children))


def reason_given(tok: Token) -> bool:
    """'..., citing food safety concerns', '..., retaliating for Algeria's expulsion of ...':
    the reason for the act, not another act."""
    return tok.lemma_.lower() in REASONS and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp")


def named_as_reason(noun: Token) -> bool:
    """An act named as the reason of another: 'retaliating for Algeria's expulsion of 12 French
    officials', 'in response to the closure': told, not done here."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in ("for", "to") and prep.head.i != prep.i
            and prep.head.lemma_.lower() in REASONS | {"retaliation", "response", "reprisal"})


def owner_of(noun: Token) -> list[Token]:
    """Whose the noun is: its possessor or its 'from'/'by' object ('Trump's offer', 'an offer
    from Trump', 'a proposal by Iran')."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners + [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                     for o in c.children if o.dep_ == "pobj"]


ENACTED = frozenset({"decree", "order", "directive", "proclamation"})  # in force once signed


def content_of_document(tok: Token) -> bool:
    """A participle telling what a document does ('a treaty settling the border', 'signed a deal
    on Friday allowing ...'), right after the document or after the verb that has it as object;
    what it is signed for ('signed protocols to establish relations and reopen the border')."""
    first = first_conjunct(tok)
    if first.dep_ in ("advcl", "acl") and to_clause(first):
        documents = [first.head] if first.dep_ == "acl" else [
            c for c in first.head.children if c.dep_ == "dobj" and c.i < first.i]
        return any(d.lemma_.lower() in DOCUMENTS for d in documents)
    if tok.tag_ != "VBG" or tok.dep_ not in ("acl", "advcl"):
        return False
    if tok.dep_ == "acl":  # ("issued a statement accusing Cairo of ...": the issuer accuses)
        return tok.head.lemma_.lower() in DOCUMENTS - MESSAGES - ENACTED
    if tok.lemma_.lower() in SPEECH:  # "signed a deal, accusing Ethiopia of ...": the signer speaks
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS - ENACTED and c.i < tok.i
               for c in tok.head.children)  # ("signed a decree imposing sanctions": imposed)


def describes(tok: Token) -> bool:
    """A non-restrictive relative clause in the perfect or the simple present ('X, which has
    supplied ..., said'; 'Mali, Burkina Faso and Niger, which form the Alliance of Sahel States,
    ...'): what the actor is known for, not the news."""
    if tok.dep_ != "relcl" or tok.i < 2:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
    present = tok.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    pronoun = [c for c in tok.children if c.lower_ in ("which", "who") and c.i < tok.i]
    return (perfect or present) and bool(pronoun) and tok.doc[pronoun[0].i - 1].text == ","


def under_document(tok: Token) -> bool:
    """'Under the treaty, Australia will provide ...': what a document provides (a clause, or a
    conjunct of one, governed by 'under' + a document noun)."""
    tok = first_conjunct(tok)
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in PROVIDERS for o in c.children) for c in tok.children)


def reproach(call: Token) -> bool:
    """The name given by 'call' reproaches ('called the Chinese manoeuvres "dangerous and
    unlawful"', 'calls US sanctions "unfriendly act"'): the named thing itself is not the name."""
    named = next((c for c in call.children if c.dep_ == "dobj"), None)
    words = [t for t in call.subtree if t.i > call.i and (named is None or t.i != named.i)][:24]
    return any(t.lower_ in REPROACHES for t in words)


def standing_claim(tok: Token) -> bool:
    """'China claims Taiwan as its own': a standing claim, not an act."""
    return tok.lemma_.lower() == "claim" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)


def exhorts_both(tok: Token) -> bool:
    """'Xi said the two countries should strengthen cooperation and properly handle their
    differences': what both sides, the speaker's among them, ought to do is no act of either."""
    head = first_conjunct(tok)
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in head.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ == "both" or any(
        n.lower_ in ("two", "both") for n in c.children)) for c in head.children)
