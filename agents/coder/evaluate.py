"""Score the coder against gold files: ``python -m agents.coder.evaluate GOLD.jsonl [...]``.

Gold formats:
- ``.jsonl``: one record a line, ``{"id", "text", "published"?, "events": [{"source",
  "target", "quad", ...}], "ambiguous_events"?: [...]}`` (``published``: the story's ISO 8601
  date or time, as an article carries it; the coder dates its background from it).
- ``.json``: one object ``{"id"?, "file", "events", "ambiguous_events"?}`` where ``file``
  (relative to the json's folder) holds the article: first line the title, then the text.

Per record, predicted (source, target, quad) triples are matched as a multiset against the
gold events; gold events whose sides are not two distinct country codes are ignored; a
prediction matching an ambiguous event is neither a true nor a false positive, and an
unmatched ambiguous event is not a false negative. The pair level does the same with the
set of unordered country pairs of each record.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from agents.coder.coder import Coder, default_coder
from agents.coder.exceptions import CoderDataError
from agents.coder.lexicon import CameoEntry, load_cameo
from schemas import jsonbytes
from schemas.models import Article, pair_key

__all__ = ["EvalReport", "Score", "evaluate_files", "main", "score_record"]

ISO3 = re.compile(r"^[A-Z]{3}$")
QUADS = ("1", "2", "3", "4")
Triple = tuple[str, str, int]


@dataclass
class Score:
    """True positives, false positives, false negatives, and the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """TP / (TP + FP), 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN), 0.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class RecordResult:
    """One record's score and its errors, for the verbose listing."""

    record_id: str
    events: Score
    pairs: Score
    false_positives: list[Triple] = field(default_factory=list)
    false_negatives: list[Triple] = field(default_factory=list)


@dataclass
class EvalReport:
    """Event-level and pair-level precision/recall/F1 over all records."""

    records: int = 0
    events: Score = field(default_factory=Score)
    pairs: Score = field(default_factory=Score)
    details: list[RecordResult] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """TP / (TP + FP), 0.0 when nothing was predicted."""
        return self.events.precision

    @property
    def recall(self) -> float:
        """TP / (TP + FN), 0.0 when nothing was expected."""
        return self.events.recall

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0.0 when both are 0."""
        return self.events.f1

    @property
    def pair_precision(self) -> float:
        """Precision over unordered country pairs."""
        return self.pairs.precision

    @property
    def pair_recall(self) -> float:
        """Recall over unordered country pairs."""
        return self.pairs.recall

    @property
    def pair_f1(self) -> float:
        """F1 over unordered country pairs."""
        return self.pairs.f1

    def render(self) -> str:
        """A small human-readable table."""
        lines = [
            f"records: {self.records}",
            f"{'level':<7}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, s in (("event", self.events), ("pair", self.pairs)):
            p, r = _figure(s.precision, s.tp + s.fp), _figure(s.recall, s.tp + s.fn)
            f1 = _figure(s.f1, s.tp + s.fp and s.tp + s.fn)
            lines.append(f"{name:<7}{s.tp:>6}{s.fp:>6}{s.fn:>6}{p:>8}{r:>8}{f1:>8}")
        if not (self.events.tp + self.events.fp and self.events.tp + self.events.fn):
            lines.append("n/a: no event predicted or none expected, so that figure is undefined "
                         "(an all-negative set scores by its false positives)")
        return "\n".join(lines)


def _figure(value: float, defined: int) -> str:
    """A figure to three places, or "n/a" when its denominator is 0."""
    return f"{value:.3f}" if defined else "n/a"


def _check_code(code: object, quad: int) -> None:
    """A gold event's CAMEO ``code``, when it is written as one ("0871"; other labels such as
    "AGREE" are left alone), is in the codebook and of its ``quad``; raises ``ValueError`` if not."""
    if not (isinstance(code, str) and code.isdigit()):
        return
    entry = _codebook().get(code)
    if entry is None:
        raise ValueError(f"code {code!r} is not a CAMEO code of the codebook")
    if entry.quad != quad:
        raise ValueError(f"code {code!r} is of quad {entry.quad}, not {quad}")


@lru_cache(maxsize=1)
def _codebook() -> dict[str, CameoEntry]:
    return load_cameo()


def _triples(events: list[dict[str, Any]]) -> list[Triple]:
    """(source, target, quad) of the events between two countries. Raises ``ValueError`` on an
    event that is not an object with 'source' and 'target' (an ISO3 code, or null for an actor
    that is no country) and a quad 1-4."""
    found = []
    for e in events:
        if not isinstance(e, dict) or "source" not in e or "target" not in e:
            raise ValueError(f"an event needs 'source' and 'target' keys: {str(e)[:80]}")
        s, t, quad = e["source"], e["target"], e.get("quad")
        for side in (s, t):
            if side is not None and not (isinstance(side, str) and ISO3.match(side)):
                raise ValueError(f"{side!r} is not an ISO 3166-1 alpha-3 code (null: no country)")
        if isinstance(quad, bool) or not isinstance(quad, (int, str)) or str(quad) not in QUADS:
            raise ValueError(f"quad {quad!r} is not 1-4")
        _check_code(e.get("code"), int(quad))
        if s is not None and t is not None and s != t:
            found.append((s, t, int(quad)))
    return found


def score_record(
    record_id: str, predicted: list[Triple], gold: list[Triple], ambiguous: list[Triple]
) -> RecordResult:
    """Multiset match of triples; ambiguous matches count neither way. Pairs as sets."""
    want, maybe = Counter(gold), Counter(ambiguous)
    result = RecordResult(record_id, Score(), Score())
    for triple in predicted:
        if want[triple] > 0:
            want[triple] -= 1
            result.events.tp += 1
        elif maybe[triple] > 0:
            maybe[triple] -= 1
        else:
            result.events.fp += 1
            result.false_positives.append(triple)
    result.false_negatives = list(want.elements())
    result.events.fn = len(result.false_negatives)
    gold_pairs = {pair_key(s, t) for s, t, _ in gold}
    soft_pairs = {pair_key(s, t) for s, t, _ in ambiguous} - gold_pairs
    pred_pairs = {pair_key(s, t) for s, t, _ in predicted}
    result.pairs = Score(
        len(pred_pairs & gold_pairs), len(pred_pairs - gold_pairs - soft_pairs), len(gold_pairs - pred_pairs)
    )
    return result


def _record(path: Path, number: int, line: str) -> tuple[Article, list[Triple], list[Triple]]:
    """One gold record of a .jsonl file; raises ``CoderDataError`` naming the file and line."""
    where = f"{path}:{number}"
    try:
        rec = jsonbytes.loads(line)
    except ValueError as exc:
        raise CoderDataError(f"{where}: not a JSON record ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise CoderDataError(f"{where}: a gold record needs a 'text' string")
    if not isinstance(rec.get("events"), list):
        raise CoderDataError(f"{where}: a gold record needs an 'events' list (empty for none)")
    try:
        gold, ambiguous = _triples(rec["events"]), _triples(rec.get("ambiguous_events", []))
    except (ValueError, KeyError, TypeError) as exc:
        raise CoderDataError(f"{where}: {exc}") from None
    try:
        article = Article(id=str(rec.get("id") or f"{path.name}:{number}"), text=rec["text"],
                          published=rec.get("published"))
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise CoderDataError(f"{where}: {'.'.join(map(str, problem['loc']))}: {problem['msg']}") from None
    return article, gold, ambiguous


def _records(path: Path) -> Iterator[tuple[Article, list[Triple], list[Triple]]]:
    """The gold records of one file. Raises ``CoderDataError`` naming the file (and line) for a
    file that is missing, not UTF-8 text, or not gold records."""
    text = _read_text(path)
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield _record(path, number, line)
        return
    try:
        rec = jsonbytes.loads(text)
    except ValueError:
        raise CoderDataError(f"{path}: not a JSON gold record (a .jsonl file has one a line)") from None
    if not isinstance(rec, dict) or "file" not in rec:
        raise CoderDataError(f"{path}: a .json gold record needs a 'file' field")
    title, _, body = _read_text(path.parent / str(rec["file"])).partition("\n")
    article = Article(id=str(rec.get("id") or path.stem), title=title.strip(), text=body)
    try:
        yield article, _triples(rec.get("events", [])), _triples(rec.get("ambiguous_events", []))
    except ValueError as exc:
        raise CoderDataError(f"{path}: {exc}") from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CoderDataError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise CoderDataError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise CoderDataError(f"{path}: cannot be read ({exc.strerror})") from None


def evaluate_files(paths: list[Path], coder: Coder | None = None) -> EvalReport:
    """Score the coder on gold files (.jsonl records or a seed's .json)."""
    coder = coder or default_coder()
    report = EvalReport()
    for path in paths:
        for article, gold, ambiguous in _records(Path(path)):
            predicted: list[Triple] = [
                (e.source, e.target, int(e.quad_class)) for e in coder.extract(article)
            ]
            result = score_record(article.id, predicted, gold, ambiguous)
            report.records += 1
            report.events.add(result.events)
            report.pairs.add(result.pairs)
            report.details.append(result)
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m agents.coder.evaluate GOLD...``: print the report (and each record's misses
    with ``-v``); returns 0. Raises ``CoderDataError`` on an unreadable gold file."""
    parser = argparse.ArgumentParser(
        prog="python -m agents.coder.evaluate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", type=Path, help="gold .jsonl or seed .json files")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each record's errors")
    args = parser.parse_args(argv)
    report = evaluate_files(args.paths)
    if args.verbose:
        for r in report.details:
            if r.false_positives or r.false_negatives:
                print(f"{r.record_id}: FP {r.false_positives} FN {r.false_negatives}")
    print(report.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
