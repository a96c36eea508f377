"""Benchmark the pure event coder: articles per second per core on ~3 KB articles.

Two corpora, both built here deterministically (fixed random seed) from our gold texts only:

- ``dense``: the seed article's paragraphs and the dev-set records (one event sentence
  each), shuffled and packed into ~3 KB articles: nearly every sentence carries an event
  (~9 events per article), the worst case for the coder.
- ``news-mix``: ~3 KB articles in which each dev-set event sentence is followed by three
  non-event sentences: the seed article's sentences that its gold file lists no event for,
  and the dev records with no gold event (whole sentences only), four sentences a
  paragraph. About one sentence in four carries an event.

One process, one thread: the figures are per core. Each corpus is warmed up, then coded
over and over for at least ``--seconds``. Usage: ``python bench/coder.py [--seconds S]``.
The last line printed is exactly ``articles_per_s_per_core=<x>``, for the ``dense`` corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

from schemas import jsonbytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agents.coder import CODER_VERSION, Coder, default_coder  # noqa: E402
from agents.coder.coder import CoderStats  # noqa: E402
from agents.coder.text import sentences  # noqa: E402
from schemas.models import Article  # noqa: E402

__all__ = ["build_corpus", "build_news_mix", "main"]

SEED = ROOT / "seeds" / "000_3e3372dc4e4bda20.txt"
SEED_GOLD = ROOT / "tests" / "data" / "000_expected.json"
DEV = Path(os.environ.get("DYADWATCH_SHARED_DIR", ROOT.parent / "shared")) / "eval" / "dev.jsonl"
TARGET_CHARS = 3000
FILLERS_PER_EVENT = 3
BATCH = 16  # articles per extract_many call in the batched figure (a worker's batch)


def _seed_body() -> str:
    return SEED.read_text(encoding="utf-8").partition("\n")[2]


def _dev_records() -> list[dict[str, object]]:
    if not DEV.exists():
        return []
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [jsonbytes.loads(line) for line in lines if line.strip()]


def _paragraphs() -> list[str]:
    pieces = [p.strip() for p in _seed_body().split("\n") if p.strip()]
    pieces.extend(str(rec["text"]).strip() for rec in _dev_records())
    return pieces


def _pack(rng: random.Random, draw: list[list[str]], n: int) -> Article:
    """One ~3 KB article of paragraphs; a paragraph is one random piece of each list in ``draw``."""
    paragraphs: list[str] = []
    size = 0
    while size < TARGET_CHARS:
        paragraph = " ".join(rng.choice(pool) for pool in draw)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return Article(id=f"bench-{n:04d}", text="\n\n".join(paragraphs))


def build_corpus(count: int = 300, seed: int = 20240501) -> list[Article]:
    """``dense``: ``count`` articles of about 3 KB, the same on every run."""
    rng = random.Random(seed)
    pieces = _paragraphs()
    return [_pack(rng, [pieces], n) for n in range(count)]


def _event_free_sentences() -> list[str]:
    gold = jsonbytes.loads(SEED_GOLD.read_text(encoding="utf-8"))
    event_sentences = {e["sentence"] for e in gold["events"]}
    found = [s.text for s in sentences(_seed_body()) if s.text not in event_sentences]
    found.extend(str(rec["text"]).strip() for rec in _dev_records() if not rec.get("events"))
    return [text for text in found if text.endswith((".", "!", "?", '"', "”"))]  # whole sentences


def build_news_mix(count: int = 300, seed: int = 20240501) -> list[Article]:
    """``news-mix``: each dev event sentence followed by three event-free ones, ~3 KB."""
    rng = random.Random(seed)
    events = [str(rec["text"]).strip() for rec in _dev_records() if rec.get("events")]
    fillers = _event_free_sentences()
    if not events:
        return []
    draw = [events] + [fillers] * FILLERS_PER_EVENT
    return [_pack(rng, draw, n) for n in range(count)]


def _rate(coder: Coder, corpus: list[Article], seconds: float, batch: int = 1) -> float:
    """Articles per second, one process, after a warm-up pass; ``batch`` articles per call of
    ``extract_many`` (their candidate sentences parsed together)."""
    for article in corpus:
        coder.extract(article)
    coder.stats = CoderStats()
    done = events = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for k in range(0, len(corpus), batch):
            events += sum(map(len, coder.extract_many(corpus[k : k + batch])))
        done += len(corpus)
    elapsed = time.perf_counter() - start
    stats = coder.stats
    mean_chars = sum(len(a.text) for a in corpus) / len(corpus)
    print(f"  batch {batch}: {len(corpus)} articles, mean {mean_chars:.0f} chars;", end="")
    print(f" events/article {events / done:.2f}")
    print(f"  {done} articles in {elapsed:.2f} s: {1e6 * elapsed / done:.0f} us per article")
    print(
        f"  sentences reaching the parser: {stats.parsed} of {stats.sentences}"
        f" ({stats.parsed / max(stats.sentences, 1):.0%});"
        f" parser {1e3 * stats.parse_seconds / max(stats.parsed, 1):.2f} ms per sentence,"
        f" {stats.parse_seconds / elapsed:.0%} of the time"
    )
    return done / elapsed


def main(argv: list[str] | None = None) -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum measured time per corpus")
    args = parser.parse_args(argv)
    coder = default_coder()  # as the worker's coder processes load it
    print(f"coder: {CODER_VERSION}")
    print(f"machine cores: {os.cpu_count()} (measured on one core, one process)")
    mix_corpus = build_news_mix()
    if mix_corpus:  # needs the dev set
        print("news-mix corpus (one event sentence in four):")
        mix = _rate(coder, mix_corpus, args.seconds)
        batched = _rate(coder, mix_corpus, args.seconds, BATCH)
        print(f"news_mix_articles_per_s_per_core={mix:.0f} batched={batched:.0f}")
    print("dense corpus (seed paragraphs + dev event sentences):")
    rate = _rate(coder, build_corpus(), args.seconds)
    print(f"articles_per_s_per_core={rate:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
