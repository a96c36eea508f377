"""Actor references and the words that make noun phrases actors: ``ActorRef`` (an actor found
in a sentence), agent nouns and their CAMEO roles ("foreign minister" -> GOV), and the word
lists the noun-phrase reading of ``phrases`` uses (people nouns, place nouns, modifier arcs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agents.coder.words import HARDWARE, RELATIONAL, TRADE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CALENDAR", "EXTRA_AGENTS", "MODIFIER_DEPS", "NON_ACTOR_KINDS", "NOUNS", "OBJECT_HEADS",
           "ORGANISATION_KINDS", "OWNER_PREPS", "PEOPLE", "PLACE_NOUNS", "US_STATE_CUES",
           "US_STATE_NAMES", "ActorRef", "AgentNouns"]

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
