"""CAMEO code arithmetic: intent, appeal and refusal variants of an act, and sub-codes."""

from __future__ import annotations

from agents.coder.words import ECONOMIC, HUMANITARIAN, MILITARY, SUPPLY

__all__ = ["modal_code", "refine"]

INTENT = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "14": "133",
    "15": "138",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
INTENT_SUB = {
    "060": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "0871": "0356",
    "0874": "0356",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
}
APPEAL = {"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
APPEAL_SUB = {
    "061": "0211",
    "062": "0212",
    "063": "0213",
    "064": "0214",
    "071": "0231",
    "072": "0232",
    "073": "0233",
    "074": "0234",
    "084": "0253",
    "085": "0254",
    "087": "0256",
}
REFUSE = {
    "02": "120",
    "03": "120",
    "04": "125",
    "05": "120",
    "06": "121",
    "07": "122",
    "08": "124",
    "15": "1224",
}
REFUSE_SUB = {
    "061": "1211",
    "062": "1212",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "084": "1243",
    "085": "1244",
    "087": "1246",
}
MILITARY_SUB = {
    "060": "062",
    "061": "062",
    "070": "072",
    "071": "072",
    "020": "0212",
    "021": "0212",
    "023": "0232",
    "031": "0312",
    "033": "0332",
    "121": "1212",
    "122": "1222",
    "0211": "0212",
    "0231": "0232",
    "0311": "0312",
    "0331": "0332",
    "1211": "1212",
    "1221": "1222",
}
HUMAN_SUB = {"070": "073", "023": "0233", "033": "0333", "122": "1223"}
ECON_SUB = {"070": "071", "023": "0231", "033": "0331", "060": "061", "122": "1221"}


def modal_code(code: str, status: str) -> str | None:
    """The code of an act under a modality; None if the combination is not an event."""
    root = code[:2]
    if status in ("act", "try"):
        return code
    if status == "intent" and root == "16":
        return code  # "France will expel 12 diplomats": a decision announced, not a threat
    if status in ("intent", "threat"):
        if status == "threat" and root < "09":
            return None
        return INTENT_SUB.get(code) or INTENT.get(root, code)
    if status == "appeal":
        return APPEAL_SUB.get(code) or APPEAL.get(root)
    if status == "refuse":
        return REFUSE_SUB.get(code) or REFUSE.get(root)
    return None


def refine(code: str, words: set[str]) -> str:
    """Sub-codes the object makes clear: military, humanitarian, economic; demands for supply."""
    if code == "100" and words & SUPPLY:
        code = "023"
    if words & MILITARY:
        return MILITARY_SUB.get(code, code)
    if words & HUMANITARIAN:
        return HUMAN_SUB.get(code, code)
    if words & ECONOMIC:
        return ECON_SUB.get(code, code)
    return code


# An act of cooperation stopped, or of conflict lifted ("paused military aid to Ukraine",
# "ending most U.S. sanctions on Syria"): the code of the stopping (CAMEO 16 / 08).
HALTED = {
    "071": "1621", "072": "1622", "073": "1623", "07": "162",
    "045": "165", "04": "164", "05": "160", "06": "160",
    "163": "085", "16": "081", "18": "087", "19": "087", "20": "087",
}


def halted(code: str) -> str | None:
    """The code of stopping the act ``code`` names (``HALTED``); None if stopping it is not
    coded (an appeal stopped, say)."""
    return HALTED.get(code[:4]) or HALTED.get(code[:3]) or HALTED.get(code[:2])
