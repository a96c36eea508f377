"""Build agents/coder/data/verbs_petrarch.tsv from the PETRARCH2 CAMEO verb dictionary.

Source: ``CAMEO.2.0.txt`` of openeventdata/petrarch2 (MIT, copyright Open Event Data), vendored
in ``../shared/vendor/petrarch2-dictionaries/``. Syntax (see ``dictionaries.rst`` there):
synsets ``&NAME`` / ``+member`` at the top; verb blocks ``--- NAME [code] ---`` whose verbs
(``VERB {irregular forms} [code]``, ``+CALL_OFF``, ``WIRE_+TAP``) share the block's patterns
``- pre * post [code]`` (``*`` the verb, ``$`` source, ``+`` target, ``%`` compound actor,
``^`` any noun phrase, ``{}`` noun phrases, ``()`` prepositional phrases, ``_`` joins words).

Conversion rules (one output row per verb x pattern x synset-member combination):
  * ``[---]`` and codes not in cameo_codes.tsv are skipped; ``[a:b]`` keeps ``a`` (``[:b]`` skipped);
  * a verb's own ``[code]`` or else its block's code gives a bare row (``post`` = ``-``);
  * ``&SYNSET`` expands into one row per member (product capped at ``CAP`` per pattern, in file
    order); patterns naming an undefined synset are skipped, as PETRARCH2 does;
  * post/pre keep every word (prepositions too), without role markers; ``target_prep`` /
    ``source_prep`` name the preposition right before ``+`` / ``$`` (``(AGAINST) +`` too),
    ``dobj`` when the marker follows the verb or a noun, ``subj`` when it precedes the verb; with
    no ``+`` at all, an empty target group ``(WITH)`` / ``(AGAINST)`` ... gives ``target_prep``;
  * the same (lemma, pre, post, target_prep, source_prep) keeps the last code in file order
    (later PETRARCH2 entries overwrite earlier ones);
  * junk dropped: bare rows of ``LIGHT_VERBS`` (be, have, do, get, make, take, go, lead, pass,
    match, ...) whose code is outside root 01; verb entries that are not lemmas (``_surplus``);
    rows with a non-word (punctuation) word; synset members subsumed by a shorter member.

Usage: ``python scripts/build_verbs.py [--source PATH] [--output PATH]``. Output is committed.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from agents.coder.lexicon import inflect, load_cameo  # noqa: E402

__all__ = ["CAP", "Row", "build", "convert", "main", "render"]

DATA = ROOT / "agents" / "coder" / "data"
SOURCE = ROOT.parent / "shared" / "vendor" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
OUTPUT = DATA / "verbs_petrarch.tsv"
LICENSE_COPY = DATA / "LICENSE.petrarch2"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
CAP = 200  # rows per pattern (verbs x synset members)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREPOSITIONS = _word_set(
    "about above across after against along amid among around as at before behind below beneath "
    "beside besides between beyond by despite during for from in inside into near of off on onto "
    "out outside over past since through throughout to toward towards under until upon via with "
    "within without"
)
TARGET_GROUPS = _word_set("against at between for from into on over to toward towards upon with")
LIGHT_VERBS = _word_set(  # frequent verbs whose bare use is rarely an event (the bare row is dropped)
    "be have do get make take go say come give put set keep see know let seem become think mean want "
    "need leave lead pass add affect back best better bill break catch chain check clear compound "
    "conduct constitute control count deal die dig face figure fill head hear increase improve "
    "involve issue join learn link manage match mine ready relate remove ring rule serve spread "
    "stone table task tend total train travel value watch"
)
NOT_LEMMA = _word_set("and or is are was were")
WORD = re.compile(r"^[a-z0-9][a-z0-9'./\-]*$")
HEADER = """\
# GENERATED from the PETRARCH2 CAMEO verb dictionary -- do not edit: regenerate with
# scripts/build_verbs.py (curated overrides go to verbs_curated.tsv).
# Source: github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt,
# commit {commit}. MIT licence, copyright Open Event Data (LICENSE.petrarch2 beside this file).
# Columns (tab-separated; "-" = empty):
#   lemma        lowercase verb lemma; multi-word verbs space-separated ("call off")
#   forms        "|"-joined surface forms (regular -s/-ed/-ing or PETRARCH's irregular forms)
#   pre          words before the verb (space-joined), e.g. the subject noun of "troops * ..."
#   post         words after the verb in order, prepositions included, synsets expanded, role
#                markers removed; match each against a token's lemma or lowercase text
#   code         CAMEO code (cameo_codes.tsv)
#   target_prep  preposition whose object is the target ("to", "against", ...), "dobj" (direct
#                object), "subj" (the target is the subject) or "-"
#   source_prep  the same for the source ("-": the subject, as usual)
# {count} rows, sorted.
lemma\tforms\tpre\tpost\tcode\ttarget_prep\tsource_prep
"""


@dataclass(frozen=True, order=True, slots=True)
class Row:
    """One generated pattern row (words as tuples; ``forms`` filled in by ``build``)."""

    lemma: str
    pre: tuple[str, ...]
    post: tuple[str, ...]
    target_prep: str
    source_prep: str
    code: str = field(compare=False)


@dataclass(slots=True)
class _Block:
    code: str
    verbs: list[tuple[str, str, str]] = field(default_factory=list)  # lemma, own code, forms spec
    patterns: list[tuple[str, str]] = field(default_factory=list)  # body, code


def _strip(line: str) -> str:
    return line.split("#", 1)[0].strip()


def _code(text: str, codes: set[str]) -> str | None:
    first = text.strip().split(":", 1)[0].strip()
    return first if first in codes else None


def _parse(lines: Iterable[str]) -> tuple[dict[str, list[str]], list[_Block]]:
    """Synsets (name -> member phrases) and verb blocks, in file order."""
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    current: list[str] | None = None
    for raw in lines:
        line = _strip(raw)
        if not line or line.startswith("~"):
            continue
        if line.startswith("---"):
            found = re.search(r"\[([^\]]*)\]", line)
            blocks.append(_Block(found.group(1).strip() if found else "---"))
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


def _tokens(body: str) -> list[str]:
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


def _roles(tokens: list[str]) -> tuple[str, str]:
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


def _pattern_rows(
    body: str, synsets: dict[str, list[str]], limit: int = CAP
) -> list[tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """At most ``limit`` (pre, post) pairs of a pattern body, ``None`` if a synset is undefined."""
    tokens = _tokens(body)
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


def _junk(row: Row, codes_root: dict[str, str]) -> bool:
    if not all(WORD.match(w) for w in row.pre + row.post):
        return True
    bare = not row.pre and not row.post and row.target_prep == "-" and row.source_prep == "-"
    return bare and row.lemma in LIGHT_VERBS and codes_root[row.code] != "01"


def _surplus(blocks: list[_Block]) -> set[str]:
    """Verb entries that are not lemmas: another verb's listed form ("deterring"), coordinated or
    auxiliary phrases ("kidnapped and killed", "arrest and", "is determined")."""
    verbs = [verb for block in blocks for verb in block.verbs]
    listed = {form for lemma, _, spec in verbs for form in spec.split("|") if spec and form != lemma}
    return {lemma for lemma, _, _ in verbs if lemma in listed or NOT_LEMMA.intersection(lemma.split())}


def convert(lines: Iterable[str], codes: dict[str, str]) -> list[Row]:
    """Rows of a CAMEO verb dictionary; ``codes`` maps each known CAMEO code to its root."""
    synsets, blocks = _parse(lines)
    surplus = _surplus(blocks)
    known = set(codes)
    kept: dict[Row, Row] = {}
    for block in blocks:
        rows: list[Row] = []
        verbs = [verb for verb in block.verbs if verb[0] not in surplus]
        for lemma, own, _ in verbs:
            code = _code(own or block.code, known)
            if code:
                rows.append(Row(lemma, (), (), "-", "-", code))
        for body, raw_code in block.patterns:
            code = _code(raw_code, known)
            pairs = _pattern_rows(body, synsets, max(1, CAP // len(verbs))) if code else None
            if code is None or pairs is None:
                continue
            target, source = _roles(_tokens(body))
            for lemma, _, _ in verbs:
                rows.extend(Row(lemma, pre, post, target, source, code) for pre, post in pairs)
        for row in rows:
            if not _junk(row, codes):
                kept.pop(row, None)
                kept[row] = row
    return sorted(kept.values(), key=lambda r: (r, r.code))


def forms_of(lines: Iterable[str]) -> dict[str, str]:
    """Lemma -> ``|``-joined surface forms (PETRARCH's irregular forms, else regular)."""
    _, blocks = _parse(lines)
    irregular: dict[str, set[str]] = {}
    for lemma, _, spec in (verb for block in blocks for verb in block.verbs):
        if spec:
            irregular.setdefault(lemma, set()).update(spec.split("|"))
    lemmas = {verb[0] for block in blocks for verb in block.verbs}
    return {
        lemma: "|".join(sorted({lemma} | irregular[lemma]) if lemma in irregular else inflect(lemma))
        for lemma in lemmas
    }


def render(rows: list[Row], forms: dict[str, str]) -> str:
    """The TSV text of rows (header included)."""
    lines = [HEADER.format(commit=COMMIT, count=len(rows))]
    for row in rows:
        cells = [row.lemma, forms.get(row.lemma) or row.lemma, " ".join(row.pre) or "-"]
        cells += [" ".join(row.post) or "-", row.code, row.target_prep, row.source_prep]
        lines.append("\t".join(cells) + "\n")
    return "".join(lines)


def build(source: Path = SOURCE) -> str:
    """The complete verbs_petrarch.tsv text for a CAMEO.2.0.txt file."""
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    codes = {code: entry.root for code, entry in load_cameo().items()}
    return render(convert(lines, codes), forms_of(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="CAMEO.2.0.txt")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = build(args.source)
    args.output.write_text(text, encoding="utf-8")
    licence = args.source.parent / "LICENSE"
    if args.output == OUTPUT and licence.exists():
        shutil.copyfile(licence, LICENSE_COPY)
    print(f"wrote {args.output} ({text.count(chr(10)) - HEADER.count(chr(10))} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
