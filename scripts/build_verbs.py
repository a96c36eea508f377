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
The syntax reader is ``scripts/petrarch_verbs.py``; the loader is ``agents/coder/vocab.py``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from agents.coder.lexicon import inflect, load_cameo  # noqa: E402
from scripts.petrarch_verbs import Block, first_code, parse, pattern_rows, roles, split_pattern  # noqa: E402

__all__ = ["CAP", "Row", "build", "convert", "main", "render"]

DATA = ROOT / "agents" / "coder" / "data"
SOURCE = ROOT.parent / "shared" / "vendor" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
OUTPUT = DATA / "verbs_petrarch.tsv"
LICENSE_COPY = DATA / "LICENSE.petrarch2"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
CAP = 200  # rows per pattern (verbs x synset members)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


LIGHT_VERBS = _word_set(  # frequent verbs whose bare use is rarely an event (the bare row is dropped)
    "be have do get make take go say come give put set keep see know let seem become think mean want "
    "need leave lead pass add affect back best better bill break catch chain check clear compound "
    "conduct constitute control count deal die dig face figure fill head hear increase improve "
    "involve issue join learn link manage match mine ready relate remove ring rule serve spread "
    "stone table task tend total train travel value watch express pull"
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


def _junk(row: Row, codes_root: dict[str, str]) -> bool:
    if not all(WORD.match(w) for w in row.pre + row.post):
        return True
    bare = not row.pre and not row.post and row.target_prep == "-" and row.source_prep == "-"
    return bare and row.lemma in LIGHT_VERBS and codes_root[row.code] != "01"


def _surplus(blocks: list[Block]) -> set[str]:
    """Verb entries that are not lemmas: another verb's listed form ("deterring"), coordinated or
    auxiliary phrases ("kidnapped and killed", "arrest and", "is determined")."""
    verbs = [verb for block in blocks for verb in block.verbs]
    listed = {form for lemma, _, spec in verbs for form in spec.split("|") if spec and form != lemma}
    return {lemma for lemma, _, _ in verbs if lemma in listed or NOT_LEMMA.intersection(lemma.split())}


def convert(lines: Iterable[str], codes: dict[str, str]) -> list[Row]:
    """Rows of a CAMEO verb dictionary; ``codes`` maps each known CAMEO code to its root."""
    synsets, blocks = parse(lines)
    surplus = _surplus(blocks)
    known = set(codes)
    kept: dict[Row, Row] = {}
    for block in blocks:
        rows: list[Row] = []
        verbs = [verb for verb in block.verbs if verb[0] not in surplus]
        for lemma, own, _ in verbs:
            code = first_code(own or block.code, known)
            if code:
                rows.append(Row(lemma, (), (), "-", "-", code))
        for body, raw_code in block.patterns:
            code = first_code(raw_code, known)
            pairs = pattern_rows(body, synsets, max(1, CAP // len(verbs))) if code else None
            if code is None or pairs is None:
                continue
            target, source = roles(split_pattern(body))
            for lemma, _, _ in verbs:
                rows.extend(Row(lemma, pre, post, target, source, code) for pre, post in pairs)
        for row in rows:
            if not _junk(row, codes):
                kept.pop(row, None)
                kept[row] = row
    return sorted(kept.values(), key=lambda r: (r, r.code))


def forms_of(lines: Iterable[str]) -> dict[str, str]:
    """Lemma -> ``|``-joined surface forms (PETRARCH's irregular forms, else regular)."""
    _, blocks = parse(lines)
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
