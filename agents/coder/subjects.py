"""Who did it: the subject of a trigger, read off the dependency arcs (``Subjects``, the base
of ``roles.Roles``): the verb's own subject, inherited through ``xcomp``/``conj``/``advcl``,
"by <gerund>" and the noun a relative clause describes; the speaker of a reported clause; the
object of a cause ("prompting Taiwan to sever its ties"); subjects the parser left side by
side; the sender of a message that does the act ("sent a message congratulating Putin").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from agents.coder.clauses import CAUSATIVES, governor_status, speaker_tag, speakers_second_act, speech_head
from agents.coder.cues import owner_of
from agents.coder.naming import governing_verb, place_named, what_called
from agents.coder.refs import ActorRef
from agents.coder.scenes import Scenes
from agents.coder.syntax import (
    ADJUNCT_PREPS,
    clause_of,
    first_conjunct,
    second_subject,
    subject_of_next,
    to_clause,
)
from agents.coder.words import FORCE_NOUNS, MESSAGES, POSSESSIVES, SPEAKER_PRONOUNS, STATIVE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from agents.coder.patterns import Trigger

__all__ = ["Resolver", "Subjects", "verb_as_compound"]

Resolver = Callable[["Token"], list[ActorRef]]

SENDING = frozenset({"send", "issue", "release", "publish", "deliver", "make", "post", "dispatch",
                     "convey", "hand", "read", "put", "sign"})  # (a message one sends, a decree
# one signs, is one's act: "signed a decree imposing sanctions on Turkey")
ISSUED = frozenset({"order", "decree", "decision", "directive", "proclamation", "letter", "statement"})


class Subjects(Scenes):
    """Subject finders of one trigger (``trig``, ``resolve``, ``flags`` set by ``Roles``)."""

    trig: Trigger
    resolve: Resolver
    flags: frozenset[str]

    def _subjects(self, tok: Token) -> list[ActorRef]:
        tag = speaker_tag(tok)  # ("..., Maduro said, accusing Georgetown of ...": Maduro)
        return (self._subjects_of(tag) if tag is not None else []) or self._subjects_of(tok)

    def _subjects_of(self, tok: Token) -> list[ActorRef]:
        v = tok
        for _ in range(6):
            deps = ("nsubj", "csubj", "nsubjpass") if v.lemma_.lower() in STATIVE else ("nsubj", "csubj")
            subj = sorted((c for c in v.children if c.dep_ in deps and not second_subject(v, c)),
                          key=lambda c: abs(c.i - v.i))
            if not subj and v.dep_ == "xcomp" and v.head.lemma_.lower() in CAUSATIVES:
                made = [a for c in v.head.children if c.dep_ == "dobj"  # "prompting Taiwan to
                        for a in self._phrase(c, v.head, strict=True)]  # sever ties": Taiwan's
                if made:
                    return made
            listed = self._listed_subjects(v, subj)
            if listed:
                return listed
            for one in subj:
                found = self._phrase(one, v, strict=True)
                issued = one.lemma_.lower() in ISSUED  # "Trump's executive order set tariffs ...": his
                if not found and ("recv" in self.trig.pattern.flags or issued):  # "Russia's invasion of
                    found = [a for a in self._phrase(one, v, strict=False)  # Ukraine drew
                             if a.kind == "possessor" and self.doc[a.i0].dep_ == "poss"]  # ...": its author
                if found:
                    return found
            if subj:
                return []
            # ("... and [the US] freed a Russian": parsed as the first verb's object)
            misread = [n for n in v.doc[: v.i] if getattr(subject_of_next(n), "i", -1) == v.i]
            if misread:
                return self._phrase(misread[-1], v, strict=True)
            if verb_as_compound(v):
                v = first_conjunct(v.head).head  # (the verb of the names it was hung on)
                continue
            if v.dep_ not in ("xcomp", "conj", "advcl", "acomp", "pcomp", "acl", "relcl"):
                return self.actors.left_group(v)  # a misattached subject right before the verb
            given = [c for c in v.head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            if given and v.dep_ in ("xcomp", "advcl") and to_clause(v):  # "gave Qatar ten days to
                return self._phrase(given[0], v.head, strict=True)  # comply": Qatar is to comply
            if misjoined(v):  # "Biden said citizens were among those leaving and thanked Qatar":
                v = v.sent.root  # the past verb is the sentence's, not the participle's
                continue
            if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.i != v.i:  # "was ready to"
                speaker = speakers_second_act(v)  # "said X was ..., and called it": the speaker's,
                if speaker is not None and self._subjects_of(speaker):  # if the speaker is one
                    return self._subjects_of(speaker)  # ("Officials said Dhaka conveyed ... and
                v = v.head  # called on New Delhi": Dhaka's)
                continue
            if v.dep_ == "pcomp" and v.head.lower_ == "for" and v.head.head.i != v.head.i:
                blamed = [o for o in v.head.head.children if o.dep_ == "dobj"]  # "criticised Turkey
                if blamed:  # for supplying drones": Turkey supplied them
                    return self._phrase(blamed[0], v.head.head, strict=True)
            if v.dep_ == "pcomp" and (v.head.lower_ == "by" or v.head.lower_ in ADJUNCT_PREPS):
                # "responded by expelling", "closed the consulate after blaming Russia"
                v = v.head.head
                continue
            if v.dep_ == "acl" and governor_status(v) is not None:
                owners = [a for o in owner_of(v.head) for a in self.actors.group(o, True)]
                owners = owners or self.actors.demonyms_of(v.head)  # "an Australian offer"
                if owners:  # "turned down an offer from Trump to send troops": Trump's offer
                    return owners
                v = clause_of(v.head)  # "initiated efforts to establish": who initiated
                continue
            if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in MESSAGES | ISSUED:
                if v.head.head.lemma_.lower() not in SENDING:
                    return []  # "blocked an EU statement criticising China": not the blocker's
                v = clause_of(v.head)  # "sent a message congratulating Putin": who sent it
                continue
            if v.dep_ in ("acl", "relcl") and v.head.i != v.i:
                return self.actors.group(v.head, strict=True)
            break
        return []

    def _listed_subjects(self, verb: Token, subj: list[Token]) -> list[ActorRef]:
        """Subjects the parse left side by side ("Kyrgyz President Japarov and Tajik President
        Rahmon signed": two 'nsubj', the 'and' hung on the first): all of their actors."""
        if len(subj) < 2:
            return []
        first, last = min(s.i for s in subj), max(s.i for s in subj)
        if not any(t.dep_ == "cc" and t.lower_ == "and" for t in verb.doc[first:last]):
            return []
        found = [a for one in sorted(subj, key=lambda t: t.i) for a in self._phrase(one, verb, strict=True)]
        return found if len({a.country for a in found}) > 1 else []

    def _phrase(self, tok: Token, verb: Token, strict: bool, loose: bool = False) -> list[ActorRef]:
        """Actors of a subject or object phrase; pronouns resolved ('he and President Lee');
        ``loose``: a demonym before any head owns it ('rejected the Chinese proposal')."""
        if tok.pos_ == "PRON" and tok.dep_ == "nsubj" and what_called(verb):
            named_by = self._subjects(governing_verb(verb))  # "summoned the envoys over what it
            if named_by:  # called their stance": it = who summoned
                return named_by
        if tok.pos_ == "PRON" or tok.lower_ in ("that", "which", "who"):
            if tok.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                if place_named(verb.head) and any(
                        a.kind in ("capital", "city") for a in self.actors.group(verb.head, strict)):
                    return []  # "a strike on its consulate in Damascus, which killed ...": the strike
                return self.actors.group(verb.head, strict)
            coordinated = [a for c in tok.children if c.dep_ == "conj" for a in self.actors.group(c, strict)]
            quoted = tok.lower_ == "we"  # ('"We strongly condemn ...," the ministry said': its own)
            speaker = speech_head(verb, trailing=quoted) if tok.lower_ in SPEAKER_PRONOUNS else None
            if speaker is not None and tok.dep_ == "nsubj":  # "China said it supported ...": China
                said = self._subjects(speaker)
                if said and (tok.lower_ in ("it", "he", "she") or quoted or _plural_speaker(speaker, said)):
                    return said + coordinated
            return self.resolve(tok) + coordinated
        found = self.actors.group(tok, strict, loose) or self._pronoun_owned(tok, verb) or self._their(tok)
        speaker = speech_head(verb) if tok.i in self.actors.coref_at and tok.dep_ == "nsubj" else None
        if not found and speaker is not None:  # "Pakistan's foreign ministry said the country ..."
            found = self._subjects(speaker)
        return found or self.resolve(tok) or [  # "troops from the two countries clashed"
            a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
            for o in c.children if o.dep_ == "pobj" for a in self.resolve(o)]

    def _their(self, tok: Token) -> list[ActorRef]:
        """States an object owned by 'their' stands for ("accused their governments"), if it
        names a role (``AgentNouns``): the group told before (``Discourse``)."""
        if tok.dep_ not in ("dobj", "pobj") or self.actors.role(tok) is None:
            return []
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        one = len(subjects) == 1 and subjects[0].tag_ in ("PRP", "NN", "NNP") and subjects[0].lower_ not in (
            "they", "we") and not any(c.dep_ == "conj" for c in subjects[0].children)
        if not one:  # ("Mali and Niger recalled their ambassadors": their own)
            return []
        return [a for c in tok.children if c.dep_ == "poss" and c.lower_ == "their" for a in self.resolve(c)]

    def _pronoun_owned(self, tok: Token, verb: Token) -> list[ActorRef]:
        """Agents of a possessive pronoun in a subject: in a reported act, the speaker's ('Russia
        said its forces had attacked ...'; 'their': a plural speaker's), else whom the pronoun
        resolves to. In an object it is the subject's own ('urged its citizens'): no target."""
        role = self.actors.role(tok)
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES]
        if not poss or (role is None and tok.lower_ not in FORCE_NOUNS):
            return []
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return []  # "Pakistan urged its citizens", "strengthened its forces": the subject's own
        pronoun = poss[0]
        owners: list[ActorRef] = []
        speaker = speech_head(verb)
        if speaker is not None:
            said = self._subjects(speaker)
            if pronoun.lower_ != "their" or _plural_speaker(speaker, said):
                owners = said
        if not owners and pronoun.lower_ != "their":
            owners = self.resolve(pronoun)
        suffix = "" if role in (None, "-") else role
        return [replace(o, actor=o.country + suffix, kind="agent", head=tok.i, i0=pronoun.i, i1=tok.i + 1)
                for o in owners if o.country]


def verb_as_compound(tok: Token) -> bool:
    """A verb the parser hung as a compound on the name after it ("China warmly welcomes and
    congratulates Argentina, Egypt, ...": 'congratulates' a compound of 'Argentina')."""
    return tok.dep_ == "compound" and tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBD", "VBP")


def _plural_speaker(speaker: Token, said: list[ActorRef]) -> bool:
    """'Obama and Putin said they ...', 'Indian officials said they ...': the speaker is more
    than one actor, or a plural noun."""
    subjects = [c for c in speaker.children if c.dep_ == "nsubj"]
    plural = any(s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children) for s in subjects)
    return plural or len({a.country for a in said}) >= 2


def misjoined(verb: Token) -> bool:
    """A past verb the parser joined to a participle ('those leaving and thanked Qatar') that
    goes with the sentence's own past verb told before it."""
    root = verb.sent.root
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.tag_ == "VBG" \
        and verb.head.dep_ in ("acl", "advcl") and root.tag_ == "VBD" and root.i < verb.i
