"""Reader of the PETRARCH2 verb dictionary syntax (CAMEO.2.0.txt), for scripts/build_verbs.py.

Synsets ``&NAME`` / ``+member`` come first; then verb blocks ``--- NAME [code] ---`` with verb
lines (``VERB {irregular forms} [code]``, ``+CALL_OFF``, ``WIRE_+TAP``) and pattern lines
``- pre * post [code]`` (``$`` source, ``+`` target, ``%`` compound actor, ``^`` any phrase,
``{}`` noun phrases, ``()`` prepositional phrases, ``_`` joins words, ``a/b`` alternatives);
``~`` transformation lines and ``#`` comments are ignored.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = ["Block", "first_code", "parse", "pattern_rows", "roles", "split_pattern"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREPOSITIONS = _word_set(
    "about above across after against along amid among around as at before behind below beneath "
    "beside besides between beyond by despite during for from in inside into near of off on onto "
    "out outside over past since through throughout to toward towards under until upon via with "
    "within without"
)
TARGET_GROUPS = _word_set("against at between for from into on over to toward towards upon with")


@dataclass(slots=True)
class Block:
    code: str
    verbs: list[tuple[str, str, str]] = field(default_factory=list)  # lemma, own code, forms spec
    patterns: list[tuple[str, str]] = field(default_factory=list)  # body, code


def _strip(line: str) -> str:
    return line.split("#", 1)[0].strip()


def first_code(text: str, codes: set[str]) -> str | None:
    first = text.strip().split(":", 1)[0].strip()
    return first if first in codes else None


def parse(lines: Iterable[str]) -> tuple[dict[str, list[str]], list[Block]]:
    """Synsets (name -> member phrases) and verb blocks, in file order."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current: list[str] | None = None
    for raw in lines:
        line = _strip(raw)
        if not line or line.startswith("~"):
            continue
        if line.startswith("---"):
            found = re.search(r"\[([^\]]*)\]", line)
            blocks.append(Block(found.group(1).strip() if found else "---"))
        elif not blocks and line.startswith("&"):
            current = synsets.setdefault(line.rstrip("_"), [])
        elif not blocks and line.startswith("+") and current is not None:
            _add_member(current, line[1:].strip().strip("_").replace("_", " ").lower())
        elif blocks and line.startswith("-"):
            body, _, code = line[1:].partition("[")
            blocks[-1].patterns.append((body, code.partition("]")[0]))
        elif blocks:
            blocks[-1].verbs.append(_verb(line))
    return synsets, blocks


def _subsumes(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(word in rest for word in short)


def _add_member(members: list[str], phrase: str) -> None:
    """Add a synset member unless a shorter member or its singular already matches it.

    Post words are matched in order against a subtree's lemmas, so "cruise missile" adds nothing
    to "missile", nor "missiles" to "missile"; a new shorter member evicts longer ones.
    """
    words = phrase.split()
    singular = [_singular(w) for w in words]
    for other in members:
        if _subsumes(other.split(), words) or _subsumes(other.split(), singular):
            return
    members[:] = [m for m in members if not _subsumes(words, m.split())]
    members.append(phrase)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _verb(line: str) -> tuple[str, str, str]:
    """(lemma, own code, irregular forms spec) of a verb line."""
    text, _, code = line.partition("[")
    word, _, forms = text.partition("{")
    lemma = word.strip().replace("+", "").replace("_", " ").lower()
    spec = [f.replace("+", "").replace("_", " ").lower() for f in forms.partition("}")[0].split()]
    return lemma, code.partition("]")[0].strip(), "|".join(spec)


def split_pattern(body: str) -> list[str]:
    spaced = re.sub(r"([(){}*$+%^])", r" \1 ", body)
    out: list[str] = []
    for token in spaced.split():
        out.extend([token] if token.startswith("&") else [w for w in token.split("_") if w])
    return out


def _role(previous: str, closed: list[str]) -> str:
    """Where a ``+``/``$`` after the verb sits: its preposition, or ``dobj``."""
    if previous.lower() in PREPOSITIONS:
        return previous.lower()
    if previous == ")" and len(closed) == 1 and closed[0].lower() in PREPOSITIONS:
        return closed[0].lower()
    return "dobj"


def roles(tokens: list[str]) -> tuple[str, str]:
    """(target_prep, source_prep) of a pattern's tokens."""
    roles = {"+": "-", "$": "-"}
    previous, seen_verb = "", False
    group: list[str] = []
    closed: list[str] = []
    empty_groups: list[str] = []
    for token in tokens:
        if token == "*":
            seen_verb = True
        elif token in roles:  # a marker: set the role once; its group is no longer empty
            if roles[token] == "-" and seen_verb:
                roles[token] = _role(previous, closed)
            elif roles[token] == "-" and token == "+":
                roles[token] = "subj"
            group.append(token)
        elif token == "(":
            group = []
        elif token == ")":
            closed = group
            if len(group) == 1 and group[0].lower() in TARGET_GROUPS and seen_verb:
                empty_groups.append(group[0].lower())
        elif token not in "{}%^":
            group.append(token)
        previous = token
    if roles["+"] == "-" and empty_groups:
        roles["+"] = empty_groups[-1]
    return roles["+"], roles["$"]


def _expand(words: list[str], synsets: dict[str, list[str]], limit: int) -> Iterator[tuple[str, ...]] | None:
    """Word sequences with synsets expanded (``None``: an undefined synset)."""
    options: list[list[str]] = []
    for word in words:
        if word.startswith("&"):
            members = synsets.get(word.rstrip("_"))
            if members is None:
                return None
            options.append(members)
        else:
            options.append(word.lower().split("/"))
    combos = itertools.islice(itertools.product(*options), limit)
    return (tuple(" ".join(c).split()) for c in combos)


def _words(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in "(){}$+%^*"]


def pattern_rows(
    body: str, synsets: dict[str, list[str]], limit: int
) -> list[tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """At most ``limit`` (pre, post) pairs of a pattern body, ``None`` if a synset is undefined."""
    tokens = split_pattern(body)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    combos = _expand([*_words(tokens[:star]), "*", *_words(tokens[star + 1 :])], synsets, limit)
    if combos is None:
        return None
    pairs = []
    for combo in combos:
        split = combo.index("*")
        pairs.append((combo[:split], combo[split + 1 :]))
    return pairs
