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
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from agents.coder.coder import Coder, default_coder
from agents.coder.gold import Triple, read_records
from schemas.models import RelationEvent, pair_key

__all__ = ["EvalReport", "Score", "evaluate_files", "main", "score_record"]



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
    false_positive_at: list[int] = field(default_factory=list)
    false_events: list[RelationEvent] = field(default_factory=list)

    def render(self) -> str:
        """The record's errors, one a line: each false event with its CAMEO code and sentence
        (when the coder's events are kept), then each missed (source, target, quad)."""
        lines = [self.record_id]
        if self.false_events:
            lines += [f"  false  {e.source}->{e.target} quad {e.quad_class} {e.cameo_code}: "
                      f"\"{e.evidence.text}\" (trigger \"{e.evidence.trigger}\")" for e in self.false_events]
        else:
            lines += [f"  false  {s}->{t} quad {q}" for s, t, q in self.false_positives]
        lines += [f"  missed {s}->{t} quad {q}" for s, t, q in self.false_negatives]
        return "\n".join(lines)


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


def score_record(
    record_id: str, predicted: list[Triple], gold: list[Triple], ambiguous: list[Triple]
) -> RecordResult:
    """Multiset match of triples; ambiguous matches count neither way. Pairs as sets."""
    want, maybe = Counter(gold), Counter(ambiguous)
    result = RecordResult(record_id, Score(), Score())
    for at, triple in enumerate(predicted):
        if want[triple] > 0:
            want[triple] -= 1
            result.events.tp += 1
        elif maybe[triple] > 0:
            maybe[triple] -= 1
        else:
            result.events.fp += 1
            result.false_positives.append(triple)
            result.false_positive_at.append(at)
    result.false_negatives = list(want.elements())
    result.events.fn = len(result.false_negatives)
    gold_pairs = {pair_key(s, t) for s, t, _ in gold}
    soft_pairs = {pair_key(s, t) for s, t, _ in ambiguous} - gold_pairs
    pred_pairs = {pair_key(s, t) for s, t, _ in predicted}
    result.pairs = Score(
        len(pred_pairs & gold_pairs), len(pred_pairs - gold_pairs - soft_pairs), len(gold_pairs - pred_pairs)
    )
    return result


def evaluate_files(paths: list[Path], coder: Coder | None = None) -> EvalReport:
    """Score the coder on gold files (.jsonl records or a seed's .json)."""
    coder = coder or default_coder()
    report = EvalReport()
    for path in paths:
        for article, gold, ambiguous in read_records(Path(path)):
            events = coder.extract(article)
            predicted: list[Triple] = [(e.source, e.target, int(e.quad_class)) for e in events]
            result = score_record(article.id, predicted, gold, ambiguous)
            result.false_events = [events[at] for at in result.false_positive_at]
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
                print(r.render())
    print(report.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
