"""Closed-class word lists the coder relies on (cue nouns, companies, goods). Ours; extend freely."""

from __future__ import annotations

__all__ = [
    "ABSTRACT_OBSTACLES",
    "ACCIDENTS",
    "ACQUIRE",
    "ALONGSIDE",
    "ARRESTS",
    "BORDERS",
    "COMPANY",
    "CONFLICTS",
    "ECONOMIC",
    "FIRMS",
    "FORCE_NOUNS",
    "HARDWARE",
    "HELPS",
    "HUMANITARIAN",
    "INSTALLATIONS",
    "JOINT",
    "LEADS",
    "MEASURES",
    "MEETINGS",
    "MESSAGES",
    "MILITARY",
    "MUNITIONS",
    "NONVIOLENT_WARS",
    "PASSIVE_FROM",
    "POSSESSIVES",
    "RELATIONAL",
    "REPROACHES",
    "SPEAKER_PRONOUNS",
    "STATIVE",
    "SUPPLY",
    "TARGET_PREPS",
    "TOPIC_VERBS",
    "TRADE",
    "WATERS",
]


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


# noun phrase around actor mentions
RELATIONAL = _w(
    "demand demands request requests proposal proposals offer offers appeal appeals call calls "
    "plan plans bid mediation effort efforts policy policies decision position stance move moves "
    "claim claims allegations accusations initiative invitation raid raids attack attacks strikes "
    "airstrikes aggression occupation invasion actions warning threat threats sanctions support "
    "aid ultimatum conditions refusal presence incursion incursions shelling offensive "
    # what a state does, told by its demonym ("condemned the Chinese manoeuvres")
    "manoeuvres maneuvers manoeuvre maneuver tests test exercises drills remarks comments behaviour "
    "behavior conduct measures restrictions curbs ban deployment buildup intrusion intrusions "
    "violations provocations operation operations activities crackdown annexation blockade seizure "
    "detention expulsion interference involvement tariffs account version charges assertions"
)


COMPANY = _w("airlines airways bank company corp group")
# a firm named by what it makes or does: "German plastics maker Covestro", "the Chinese carmaker"
FIRMS = _w("maker makers carmaker carmakers automaker automakers chipmaker chipmakers firm firms producer "
           "producers manufacturer manufacturers lender lenders carrier insurer retailer conglomerate "
           "giant giants")


# object words that make a sub-code clear
MILITARY = _w(
    "arms weapons weapon rifles rifle missiles missile military troops jets tanks "
    "helicopters submarines ammunition defence defense warships artillery guns "
    "destroyers fighter drones drone"
)


# Agent nouns that are also goods: "Russian tanks" act in an attack but are bought in a deal.
HARDWARE = _w(
    "tanks jet jets warplane warplanes aircraft warships warship helicopter helicopters drone drones"
    " bomber bombers missile missiles rocket rockets submarine submarines batteries battery artillery"
    " frigate frigates destroyer destroyers gunboat gunboats"
)
CONFLICTS = _w("conflict conflicts dispute disputes crisis row rift standoff feud confrontation spat war"
               " tension tensions")
"""Objects that turn a cooperative verb around: 'deepening a trade conflict'."""
ABSTRACT_OBSTACLES = _w("impasse deadlock obstacle hurdle difficulty challenge differences stalemate"
                        " resistance objection objections opposition")
"""Objects that make a force verb figurative: 'overcome the impasse'."""
INSTALLATIONS = _w("base facility installation garrison headquarters troop soldier force refugee migrant"
                   " port airfield station contingent")
"""What a state hosts that is no visitor: 'hosts a Russian military base'."""
NONVIOLENT_WARS = _w("trade tariff currency price diplomatic information propaganda word words legal")
"""Wars of no arms: 'fought a bruising trade war'."""
MESSAGES = _w("message letter cable telegram note statement communique communiqué")
"""What a leader sends or issues: 'sent a message congratulating Putin', 'issued a statement
accusing Cairo of ...' are the sender's act."""


HUMANITARIAN = _w("food medicine medicines medical humanitarian relief vaccine vaccines doses tents"
                  " blankets wheat rice flour rescue rescuers")


ECONOMIC = _w("loan loans credit grant funds economic financial trade investment")


# Trade nouns whose 'of' object names the goods, and the goods' demonym the other country
# ("banned imports of Russian oil").
TRADE = _w("imports import exports export sales sale purchases purchase shipments shipment goods products"
           " worth")  # "$30 billion worth of U.S. goods"


SUPPLY = _w("supply supplies delivery deliveries sale purchase aid assistance loan loans")


# deaths that are nobody's act: "killed in a car crash in Mexico"
ACCIDENTS = _w(
    "crash crashes accident accidents collision collisions flood floods flooding earthquake quake "
    "storm landslide avalanche stampede wreck derailment sinking heatwave drowning"
)


# uses of force whose demonym is who used it ("Russian strikes")
FORCE_NOUNS = frozenset({
    "strike", "strikes", "airstrike", "airstrikes", "shelling", "bombardment", "bombing",
    "bombings", "raid", "raids", "offensive", "shells", "rockets", "rocket", "fire", "artillery",
    "barrage", "barrages", "attack", "attacks", "assault", "assaults",
})


# what force is delivered by: "was hit by U.S. bombs" (their maker's country used them)
MUNITIONS = _w("bomb bombs munitions shell shells rocket rockets missile missiles torpedo torpedoes")


LEADS = frozenset({"led", "flagged", "owned", "operated", "registered"})  # "the Saudi-led coalition",
# "a Greek-flagged tanker", "Indian-owned airlines"


WATERS = frozenset({"sea", "seas", "gulf", "strait", "straits", "bay", "ocean", "channel"})

# --- roles: which arcs name whom (roles.py)
JOINT = frozenset({"03", "04", "05", "06", "08"})  # acts of two parties together
ARRESTS = frozenset({"173", "174"})  # arrest, detain; expel or deport
MEETINGS = frozenset({"meeting", "talk", "negotiation", "summit", "dialogue", "round", "conference",
                      "consultation"})
HELPS = frozenset({"help", "support", "defend", "assist", "aid", "bolster", "protect", "rebuild"})

TARGET_PREPS = frozenset({"to", "with", "against", "on", "upon", "toward", "towards", "into", "over",
                          "including"})  # "freed 52 prisoners, including citizens of Lithuania"


# "captured a stronghold on the Thai border": where, not whom
ALONGSIDE = frozenset({"solidarity", "coordination", "concert", "cooperation", "tandem", "step"})
"""'in solidarity with X', 'in coordination with X': the side an actor takes, not its target."""
BORDERS = frozenset({"border", "frontier", "boundary", "borderland", "borderlands"})

# measures laid "on" a country: "lift the sanctions on Iran" (its target, not a topic)
MEASURES = frozenset({"sanction", "embargo", "restriction", "tariff", "ban", "curb", "blockade",
                      "boycott", "curfew", "duty", "levy", "pressure", "moratorium", "freeze"})

# their direct object is what is talked about ("discussed Venezuela with Lula": Lula)
TOPIC_VERBS = frozenset({"discuss", "debate"})
ARRIVALS = frozenset({"arrive", "land", "fly", "travel", "touch"})  # a visitor reaching a state it visits

PASSIVE_FROM = frozenset({"expel", "deport", "ban", "bar", "evict", "oust", "kick", "banish", "exclude",
                          "extradite"})

ACQUIRE = frozenset(
    {"acquire", "buy", "purchase", "import", "obtain", "procure", "receive", "seek", "request"}
)

# adjectival passives read as states of the subject: "Israel is opposed to French mediation"
STATIVE = frozenset({"oppose", "commit", "ally", "align", "dedicate", "engage", "involve"})

# a pronoun subject of a speech verb's complement stands for the speaker ("they": a plural one)
SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
POSSESSIVES = frozenset({"its", "their", "his", "her"})

# words that make a name given a reproach ('called the manoeuvres "dangerous and unlawful"')
REPROACHES = frozenset({
    "violation", "violations", "aggression", "aggressive", "aggressor", "unlawful", "illegal", "illegitimate",
    "dangerous", "provocation", "provocative", "unfriendly", "hostile", "irresponsible", "reckless",
    "piracy", "terrorism", "terrorist", "crime", "criminal", "blackmail", "interference", "unacceptable",
    "outrageous", "barbaric", "genocide", "racist", "lie", "lies", "propaganda", "destabilizing",
    "destabilising", "escalation", "sham", "farce", "insult", "betrayal", "brutal", "atrocity",
    "bullying", "coercion", "coercive", "hegemonic", "hypocritical", "absurd", "baseless", "groundless",
    "slander", "fabrication", "unjust", "unjustified", "unprovoked", "flagrant", "blatant",
    "protectionism", "protectionist", "discriminatory", "politicised", "politicized",
    "unfounded", "reprehensible", "shameful", "alarming", "disappointing", "regrettable", "deplorable",
    "affront", "disgrace", "scandal", "nonsense", "deception", "punitive", "motivated", "russophobic",
    "unjustifiable", "incomprehensible", "outrage", "shocking", "appalling", "unfair", "arbitrary",
    "arrogant", "meddling", "intimidation", "unwarranted", "inadmissible", "smear", "slanderous",
    "false", "misleading", "distortion", "concern", "worrying", "troubling", "unhelpful",
    "counterproductive", "cynical", "shameless", "humiliating", "inhumane", "cruel", "invalid", "void",
    "hypocrisy", "insulting", "offensive", "xenophobic", "imperialist", "neocolonial", "colonial",
    "invasion", "occupation", "mistake", "error", "wrong", "unfortunate", "blunder", "ridiculous",
    "ludicrous", "preposterous", "threat", "irrational", "unilateral", "fascist", "fascists", "genocidal",
    "nazi", "nazis", "murderous", "inhuman", "apartheid", "killer", "killers", "thug", "thugs", "dictator",
    "tyrant", "despot", "puppet", "liar", "liars", "warmonger", "warmongers", "devil", "evil", "pirates",
    "bandit", "bandits", "gangster", "gangsters", "occupier", "occupiers", "rigged", "fraudulent",
    "undemocratic", "stolen", "travesty", "stab", "treachery", "treacherous", "backstabbing",
})
