"""Closed-class word lists the grammar relies on (function words, cue nouns). Ours; extend freely."""

from __future__ import annotations

__all__ = [
    "ADVERBS",
    "AUX",
    "BACK_SKIP",
    "BE",
    "COMPANY",
    "COMPASS",
    "DETS",
    "ECONOMIC",
    "FILLER_STOP",
    "FUTURE",
    "HARDWARE",
    "HAVE",
    "HUMANITARIAN",
    "HYPOTHETICAL",
    "LOC_PREPS",
    "MILITARY",
    "PREPS",
    "REDUCED_PASSIVE",
    "RELATIONAL",
    "RELATIVES",
    "SEPARATORS",
    "SUBORDINATORS",
    "SUPPLY",
    "VERB_LEFT",
]


def _w(words: str) -> frozenset[str]:
    return frozenset(words.split())


# clause structure
SUBORDINATORS = {
    **dict.fromkeys(("if", "unless", "whether", "lest"), "hyp"),
    **dict.fromkeys(
        ("although", "though", "because", "whereas", "while", "when", "whenever", "considering"), "sub"
    ),
}
RELATIVES = _w("who which whom whose")
SEPARATORS = _w(", ; : ( ) — –")
PREPS = _w(
    "with from to against between of on over for by at in into near inside across "
    "throughout around outside within toward towards about among amid via"
)
LOC_PREPS = _w("at in into near inside across throughout around outside within amid")
# verb phrase
DETS = _w("the a an its their his her our this these those any no such 's every")
BE = _w("is are was were be been being get got gets")
HAVE = _w("has have had")
AUX = _w(
    "has had have is was were are will would did does do also even then again already "
    "still could can may might must should shall later now"
)
ADVERBS = _w("also further jointly again immediately formally officially not")
FUTURE = _w("will would shall 'll")
HYPOTHETICAL = _w("could might may must should")
REDUCED_PASSIVE = _w("in by during near after while")
VERB_LEFT = _w(
    "to will would shall 'll can do does did not never also now again still jointly "
    "who which that they it he she we and or then later already"
)
# noun phrase around actor mentions
RELATIONAL = _w(
    "demand demands request requests proposal proposals offer offers appeal appeals call calls "
    "plan plans bid mediation effort efforts policy policies decision position stance move moves "
    "claim claims allegations accusations initiative invitation raid raids attack attacks strikes "
    "airstrikes aggression occupation invasion actions warning threat threats sanctions support "
    "aid ultimatum conditions refusal presence incursion incursions shelling offensive"
)
# "20 km south of Baghdad": a location, not an 'of' complement
COMPASS = _w(
    "north south east west northwest northeast southwest southeast northern southern eastern western"
)
COMPANY = _w("airlines airways bank company corp group")
BACK_SKIP = _w(
    "the a an its their his her this these those some all both two three several many "
    "neighbouring neighboring northern southern eastern western central north south "
    "east west northwest northeast southwest southeast"
)
FILLER_STOP = _w(
    "and or of the a an to in on at for with from by as is was were are has had "
    "have be been will would said says that which who"
)
# object words that make a sub-code clear
MILITARY = _w(
    "arms weapons weapon rifles rifle missiles missile military troops jets tanks "
    "helicopters submarines ammunition defence defense warships artillery guns "
    "destroyers fighter drones drone"
)
# Agent nouns that are also goods: "Russian tanks" act in an attack but are bought in a deal.
HARDWARE = _w(
    "tanks jet jets warplane warplanes aircraft warships warship helicopter helicopters drone drones"
    " bomber bombers missiles submarine submarines"
)
HUMANITARIAN = _w("food medicine medicines medical humanitarian relief")
ECONOMIC = _w("loan loans credit grant funds economic financial trade investment")
SUPPLY = _w("supply supplies delivery deliveries sale purchase aid assistance loan loans")
