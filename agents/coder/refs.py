"""Actor references and the words that make noun phrases actors: ``ActorRef`` (an actor found
in a sentence), agent nouns and their CAMEO roles ("foreign minister" -> GOV), and the word
lists the noun-phrase reading of ``phrases`` uses (people nouns, place nouns, modifier arcs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agents.coder.words import HARDWARE, RELATIONAL, TRADE

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Doc, Token

__all__ = ["CALENDAR", "EXTRA_AGENTS", "MODIFIER_DEPS", "NON_ACTOR_KINDS", "NOUNS", "OBJECT_HEADS",
           "ORGANISATION_KINDS", "OWNER_PREPS", "PEOPLE", "PLACE_NOUNS", "US_STATE_CUES",
           "US_STATE_NAMES", "ActorRef", "AgentNouns", "after_us_city", "glued", "named_place",
           "prep_objects", "unique_refs"]

NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod", "nummod"})
NON_ACTOR_KINDS = frozenset({"place", "block"})
ORGANISATION_KINDS = frozenset({"igo", "ngo", "armed_group"})
# a country name in these phrases is a US state: "the Georgia state legislature", "Georgia's governor"
US_STATE_CUES = frozenset(
    {"state", "governor", "legislature", "senator", "senate", "county", "statehouse", "assembly"}
)
US_STATE_NAMES = frozenset({"georgia", "washington"})  # country or capital names of US states too
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
    ]
)
EXTRA_AGENTS = {
    "agents": "SPY",  # "Philippine agents arrested ..."
    "intelligence agents": "SPY",
    "aide": "GOV",  # "a senior aide to President X"
    "aides": "GOV",
    "counterpart": "GOV",
    "counterparts": "GOV",
    "side": "GOV",
    "host": "GOV",
    "head": "GOV",
    "chief": "GOV",
    "spokesperson": "GOV",
    "negotiator": "GOV",
    "mediator": "GOV",
    "mediators": "GOV",
    "envoys": "GOV",
    "negotiators": "GOV",
    "representative": "GOV",
    "representatives": "GOV",
    "emperor": "GOV",
    "monarch": "GOV",
    "crown prince": "GOV",
    "prince": "GOV",
    "sultan": "GOV",
    "vice president": "GOV",
    "general": "MIL",
    "commander": "MIL",
    "fighters": "MIL",
    "artillery": "MIL",
    "gunboats": "MIL",
    "missiles": "MIL",
    "coastguard": "MIL",
    "border guards": "MIL",
    "guards": "MIL",
    "marines": "MIL",
    "units": "MIL",
}
# "a missionary from Calgary", "a camp for Congolese refugees": whose people these are
PLACE_NOUNS = frozenset({"city", "town", "village", "port", "province", "region", "district", "capital"})
PEOPLE = frozenset(
    [
        "missionary",
        "journalist",
        "tourist",
        "worker",
        "student",
        "man",
        "woman",
        "national",
        "citizen",
        "sailor",
        "fisherman",
        "refugee",
        "camp",
        "prisoner",
        "doctor",
        "activist",
        "crew",
        "pilgrim",
        "delegation",  # "delegations from Sudan and South Sudan"
    ]
)
OWNER_PREPS = frozenset({"from", "by"})  # "an offer from Afghanistan", "a demand by Iran"
OBJECT_HEADS = (
    RELATIONAL
    | HARDWARE
    | TRADE  # "suspended Japanese seafood imports"
    | frozenset(
        {
            "airspace",
            "state",  # "recognised a Palestinian state"
            "territory",
            "waters",
            "border",
            "soil",
            "positions",
            "position",
            "port",  # "bombed the Eritrean port of Assab"
            "town",
            "village",
            "airport",
            "airfield",
            "harbour",
            "harbor",
            "outpost",
            "garrison",
            "base",
            "bases",
            "tanker",
            "balloon",  # "shot down a Chinese surveillance balloon"
            "balloons",
            "airliner",
            "plane",
            "planes",
            "vessel",
            "vessels",
            "ship",
            "ships",
            "boat",
            "boats",
            "mission",
            "missions",
            "convoy",
            "convoys",
            "flight",
            "flights",
            "fishermen",
            "embassy",
            "consulate",
            "interests",
            "targets",
            "target",
            "sites",
            "site",
            "facilities",
            "facility",
            "installations",
            "infrastructure",
            "nationals",
            "citizens",
            "diplomats",
            "envoy",
            "ambassador",
            "city",
            "region",
            "province",
            "capital",
            "request",
            "requests",
            "plea",
            "appeal",
            "concerns",
            "candidate",
            "bid",
            "forces",
            "troops",
        }
    )
)


@dataclass(slots=True)
class ActorRef:
    """An actor found in a sentence: its country (ISO3 or documented code), CAMEO-style actor
    code, kind (gazetteer kind, "agent", "possessor", "coref"), head token index and the
    token range ``i0:i1`` of its evidence."""

    country: str
    actor: str
    kind: str
    head: int
    i0: int
    i1: int
    coref: bool = False


class AgentNouns:
    """Agent nouns (data/agents.tsv plus a few relational heads): words -> CAMEO agent role."""

    def __init__(self, rows: dict[tuple[str, ...], str]) -> None:
        self.rows = dict(rows)
        for words, role in EXTRA_AGENTS.items():
            self.rows.setdefault(tuple(words.split()), role)

    def role(self, doc: Doc, tok: Token) -> str | None:
        """The role of the agent noun headed by ``tok`` ("foreign minister" -> GOV), or None."""
        lows = [t.lower_ for t in doc[max(0, tok.i - 2) : tok.i + 1]]
        for k in range(len(lows)):
            found = self.rows.get(tuple(lows[k:]))
            if found is not None:
                return found
        return self.rows.get((tok.lemma_.lower(),))


def unique_refs(refs: list[ActorRef]) -> list[ActorRef]:
    """``refs`` without repeats of a (country, head) pair, in order."""
    seen: set[tuple[str, int]] = set()
    out = []
    for ref in refs:
        key = (ref.country, ref.head)
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def glued(doc: Doc, text: str, i0: int, i1: int) -> bool:
    """'Chinese-made', 'Moscow-based', 'pro-Russia': a name glued by a hyphen is no actor
    ('US-led' is, as a modifier naming who leads, and 'Indian-owned' names whose); ``text`` is
    the doc's text."""
    start, end = doc[i0].idx, doc[i1 - 1].idx + len(doc[i1 - 1])
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        word = text[end + 1 : end + 12].split(" ")[0].lower()
        return word.rstrip(",.;:") not in ("led", "backed", "sponsored", "flagged", "owned", "operated",
                                           "registered", "brokered", "mediated", "facilitated")
    return False


def after_us_city(doc: Doc, ref: ActorRef) -> bool:
    """'Atlanta, Georgia': a capitalised word and a comma right before the name."""
    i = ref.i0
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].is_title and doc[i - 2].ent_iob_ != "B"


def named_place(tok: Token) -> Token:
    """The name of 'the (West Bank) city of Nablus': the object of 'of' after a place noun."""
    if tok.lemma_.lower() not in PLACE_NOUNS:
        return tok
    named = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
             for o in c.children if o.dep_ == "pobj"]
    return named[0] if named else tok


def prep_objects(head: Token, words: Collection[str]) -> list[Token]:
    """The objects of ``head``'s prepositions ``words`` ('the election in Belarus': Belarus)."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in words
            for o in p.children if o.dep_ == "pobj"]
