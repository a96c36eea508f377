"""People named again by surname: news names a person in full once ("Colombian President
Gustavo Petro", "Cuban Foreign Minister Bruno Rodriguez") and then by surname ("Petro said ...",
"Rodriguez urged ..."). The surname stands for the same actor for the rest of the article.

Full first mentions are people from the actor lists ("Gustavo Petro"), names written after
a demonym and an office ("Peruvian Foreign Minister Hugo de Zela") or in apposition to a
country's office ("Japan's vice foreign minister, Takehiro Funakoshi,"), and in a story with a
dateline, names after an office alone ("LIMA, Nov 3 (Reuters) - ... Foreign Minister Hugo de
Zela said": the dateline's country's minister). Where the family name comes first (Chinese,
Korean names) and in Thailand, the name is repeated by its first word ("Kim", "Phumtham").
Pure text: runs before the gate, so a sentence that names its actor only by surname reaches
the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from agents.coder.gazetteer import TITLE_PHRASES, ActorName
from agents.coder.matcher import ActorHit
from agents.coder.text import DATELINE_RE

__all__ = ["second_mentions"]

_NAME = r"(?P<name>(?:[A-Z][\w'\-]+\s+(?:(?:de|da|del|van|von|al|bin|el|la|le)\s+)?){0,3}[A-Z][\w'\-]+)"
_QUALIFIERS = (r"(?:(?:Prime|Foreign|Defence|Defense|Interior|Finance|Trade|Economy|Energy|Deputy|Vice|"
               r"Acting|acting|Interim|interim|State|Army|army|Armed Forces|military|Foreign Affairs)\s+)*")
# an office between a demonym and a name: "Foreign Minister", "President", "Army chief General"
_OFFICE = re.compile(
    rf"\s+{_QUALIFIERS}"
    r"(?P<office>President|Minister|Chancellor|Premier|King|Queen|Emir|Crown Prince|Prince|"
    r"Secretary|Ambassador|ambassador|envoy|Envoy|Speaker|Gen\.|General|chief|leader|Sheikh)"
    rf"(?:\s+of\s+State)?\s+{_NAME}"
)
# a head of state or government or a minister named with no country: the dateline's
# (only opening a sentence: "met President Isaias Afwerki" is the host's president)
_BARE_OFFICE = re.compile(
    rf"(?:(?<=[.!?][\s\"”])|(?<=\n))\s*(?P<office>{_QUALIFIERS}(?:President|Minister|Chancellor|Premier))\s+{_NAME}"
)
# an office after a country's possessive with the name in apposition: "Japan's vice foreign
# minister, Takehiro Funakoshi," (the office in lower case, as news writes it there)
_APPOSED_OFFICE = re.compile(
    r"(?:'s|’s)\s+(?:[a-z]+\s+){0,3}(?P<office>minister|president|premier|secretary|ambassador|envoy|"
    r"spokesman|spokeswoman|spokesperson|adviser|advisor|chief|leader)"
    rf"(?:\s+(?:for|on|to)\s+(?:the\s+)?[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)?,\s+{_NAME},"  # ("adviser for
    # Africa, Massad Boulos,")
)
_POSSESSIVE = re.compile(r"(?:'s|’s)")
_ABBREVIATED = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")  # a country named as a modifier: "US Energy
# Secretary Chris Wright", "U.K. Foreign Secretary David Lammy"
OWNERS = frozenset({"country", "capital", "leader", "person"})  # whose office a name holds ("Trump's
# senior adviser for Africa, Massad Boulos,")
MILITARY_OFFICES = frozenset({"General", "Gen.", "chief"})
# name particles that are not surnames ("de Zela": Zela)
PARTICLES = frozenset({"de", "da", "del", "van", "von", "al", "bin", "el", "la", "le"})
# capitalised words that close a written name but are no surname
NOT_SURNAMES = frozenset({"Jr", "Sr", "II", "III", "On", "In", "The", "And", "But", "Said", "Told"})
SUFFIXES = frozenset({"Jr", "Sr", "II", "III"})  # (closing a name after the surname)


OFFICE_WORDS = frozenset(w for phrase in TITLE_PHRASES for w in phrase.split()) | {"premier", "chairman"}
# named again by the first word of the name: the family name where it comes first ("Kim Jong Un",
# "Wang Yi", "Lai Ching-te"), the given name in Thailand and Malaysia ("Phumtham Wechayachai":
# Phumtham, "Anwar Ibrahim": Anwar)
FIRST_WORD_NAMES = frozenset({"CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "THA", "MYS"})


def _surname(full: str, country: str = "") -> str | None:
    words = [w for w in full.replace("'s", "").split() if w]
    titled = bool(words) and words[0].lower() in OFFICE_WORDS
    while words and words[0].lower() in OFFICE_WORDS:  # ("Foreign Minister Wang Yi": Wang)
        words = words[1:]
    if country in FIRST_WORD_NAMES and len(words) >= 2:
        first = words[0]
        return first if len(first) >= 2 and first.isalpha() and first[0].isupper() else None
    while len(words) > 2 and words[-1].rstrip(".,") in SUFFIXES:  # ("Ferdinand Marcos Jr.": Marcos)
        words = words[:-1]
    last = words[-1].rstrip(".,") if len(words) >= 2 or (titled and words) else ""  # ("President
    # Clinton": Clinton)
    particle, _, rest = last.partition("-")  # "al-Jubeir", "el-Sisi": a particle joined on
    capitalised = last[:1].isupper() or (particle in PARTICLES and rest[:1].isupper())
    return last if len(last) >= 3 and last not in NOT_SURNAMES and capitalised else None


def _first_mentions(text: str, hits: list[ActorHit]) -> Iterator[tuple[str, ActorHit]]:
    """(surname, the full mention as a person's hit) of each person named in full."""
    for hit in hits:
        name = hit.name
        if name is None:
            continue
        if name.kind in ("person", "leader") and " " in name.name:
            surname = _surname(text[hit.start : hit.end], name.country)
            if surname:
                yield surname, hit
        if name.kind in OWNERS and (found := _APPOSED_OFFICE.match(text, hit.end) or (
                name.kind in ("country", "capital") and (owner := _POSSESSIVE.match(text, hit.end))
                and _OFFICE.match(text, owner.end()))
                or (_ABBREVIATED.fullmatch(text[hit.start:hit.end]) and _OFFICE.match(text, hit.end))):
            # ("Japan's vice foreign minister, Takehiro Funakoshi,", "Thailand's acting Prime
            # Minister Phumtham Wechayachai")
            surname = _surname(found.group("name"), name.country)
            if surname:
                person = ActorName.make(found.group("name"), name.country, "person", name.country + "GOV")
                yield surname, ActorHit(found.start("name"), found.end("name"), person)
        elif name.kind == "demonym":
            found = _OFFICE.match(text, hit.end)
            surname = _surname(found.group("name"), name.country) if found else None
            if found and surname:
                role = "MIL" if found.group("office") in MILITARY_OFFICES else "GOV"
                person = ActorName.make(found.group("name"), name.country, "person", name.country + role)
                yield surname, ActorHit(found.start("name"), found.end("name"), person)


def _bare_offices(text: str, hits: list[ActorHit]) -> Iterator[tuple[str, ActorHit]]:
    """'Foreign Minister Hugo de Zela accused ...' in a story datelined LIMA whose first state
    named is Peru: Peru's minister."""
    start, end = _dateline(text)
    named = [h.name for h in hits if start <= h.start and h.end <= end and h.name and h.name.country]
    if not named:
        return
    country = named[0].country
    lead = next((h.name.country for h in hits if h.start >= end and h.name and h.name.country), "")
    if lead != country:  # ("SANTIAGO - Venezuela on Monday withdrew ...": the story is not Chile's)
        return
    for found in _BARE_OFFICE.finditer(text, end):
        start, end = found.start("name"), found.end("name")
        surname = _surname(found.group("name"))
        if not surname or any(h.start < end and start < h.end for h in hits):
            continue
        yield surname, ActorHit(start, end, ActorName.make(found.group("name"), country, "person",
                                                           country + "GOV"))


def _dateline(text: str) -> tuple[int, int]:
    """Where the story's dateline is: opening the text, or the paragraph after a headline and
    a byline ("Maldives signs deal ...\n\nMALE, March 5 - ..."); (0, 0) if none."""
    start = 0
    for _ in range(3):
        found = DATELINE_RE.match(text[start:start + 300])
        if found:
            return start, start + found.end()
        line_end = text.find("\n", start)
        if line_end < 0 or line_end - start > 200:  # (a headline or a byline is one short line)
            break
        start = line_end + 1
        while text[start:start + 1] == "\n":
            start += 1
    return 0, 0


def second_mentions(text: str, hits: list[ActorHit]) -> list[ActorHit]:
    """``hits`` plus one hit for each later standalone mention of a surname (text order).

    A surname that two people of different countries share stands for neither; a mention
    inside another hit is not added.
    """
    known: dict[str, ActorHit] = {}
    clashing: set[str] = set()
    for surname, first in [*_first_mentions(text, hits), *_bare_offices(text, hits)]:
        assert first.name is not None
        held = known.get(surname)
        if held is not None and held.name is not None and held.name.country != first.name.country:
            clashing.add(surname)  # (the same person found twice, by name and by office: one)
        known.setdefault(surname, first)
    added: list[ActorHit] = []
    for surname, first in known.items():
        if surname in clashing:
            continue
        if first not in hits:
            added.append(first)
        initial = f"[{re.escape(surname[0].lower())}{re.escape(surname[0].upper())}]"
        for found in re.finditer(rf"\b{initial}{re.escape(surname[1:])}\b", text[first.end :]):
            # ("al-Jubeir", and "Al-Jubeir" opening a sentence)
            added.append(ActorHit(first.end + found.start(), first.end + found.end(), first.name))
    return _merged(hits, added) if added else hits


def _merged(hits: list[ActorHit], added: list[ActorHit]) -> list[ActorHit]:
    """``added`` replaces the city names inside it ('Bruno Rodriguez': no town of Rodriguez);
    any other hit it overlaps wins over it."""
    kept = [h for h in hits if not (h.name is not None and h.name.kind == "city" and
                                    any(a.start <= h.start and h.end <= a.end for a in added))]
    fresh = [a for a in added if not any(h.start < a.end and a.start < h.end for h in kept)]
    return sorted([*kept, *fresh], key=lambda h: h.start)
