"""Word lists the trigger finder (``patterns``) reads: light verbs that only carry an event noun,
function words, verbs that govern an act without being one, and statement verbs whose bare
generated rows code nothing.
"""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS", "INTENSIFIERS", "LIGHT_VERBS", "NOT_ACTS", "WEAK_BARE"]

# verbs that only carry an event noun: "launched war games", "held talks", "staged a protest"
LIGHT_VERBS = frozenset(
    [
        "launch",
        "hold",
        "conduct",
        "stage",
        "carry",
        "begin",
        "start",
        "make",
        "have",
        "take",
        "give",
        "mount",
        "undertake",
        "organize",
        "organise",
        "host",
    ]
)

FUNCTION_WORDS = frozenset(
    [
        "on",
        "to",
        "for",
        "with",
        "at",
        "in",
        "by",
        "from",
        "of",
        "about",
        "over",
        "into",
        "up",
        "down",
        "out",
        "off",
        "against",
        "the",
        "a",
        "an",
        "upon",
        "after",
        "before",
        "across",
        "through",
        "toward",
        "towards",
        "around",
        "back",
        "away",
    ]
)

# governing verbs whose bare rows code no act of their own ("expected to be joined")
NOT_ACTS = frozenset(
    [
        "consider",
        "fear",
        "allow",
        "study",
        "weigh",
        "risk",
        "avoid",
        "fail",
        "expect",
        "want",
        "hope",
        "wish",
        "plan",
        "intend",
        "aim",
        "prepare",
        "decide",
        "set",
        "try",
        "attempt",
        "continue",
        "begin",
        "start",
        "manage",
        "going",
    ]
)

# common verbs whose generated bare rows come from synonym blocks and code nothing on their own
# ("said" as criticism, "took" as occupation, "held" as arrest, "came" as aid)
WEAK_BARE = frozenset(
    {
        "say",
        "tell",
        "talk",
        "speak",
        "report",
        "explain",
        "describe",
        "mention",
        "note",
        "add",
        "come",
        "use",
        "keep",
        "move",
        "stand",
        "pay",
        "lead",
        "remain",
        "create",
        "build",
        "produce",
        "increase",
        "rise",
        "reach",
        "head",
        "help",
        "provide",
        "return",
        "fall",
        "kick",
        "lift",
        "push",
        "save",
        "seek",
        "vote",
        "open",
        "take",
        "catch",
        "join",
        "break",
        "hold",
        "pull",
        "hurt",
        "hit",
        "strike",
        "shoot",
        "stop",
        "close",
    }
)
# verbs of growing or easing, coded by PETRARCH2 with no object word (060): the act is their object's
INTENSIFIERS = frozenset({"amplify", "augment", "beef up", "boost", "deepen", "enhance", "enlarge",
                          "escalate", "expand", "heighten", "intensify", "magnify", "redouble", "step up",
                          "abate"})
