"""Benchmark the pure event coder: articles per second per core on ~3 KB articles.

The corpus is built here, deterministically, from the seed article's body and the dev-set
sentences (shuffled with a fixed seed and packed into ~3 KB articles). One process, one
thread: the figure is per core. Usage: ``python bench/coder.py [--seconds S]``.
The last line printed is exactly ``articles_per_s_per_core=<x>``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agents.coder import CODER_VERSION, Coder  # noqa: E402
from schemas.models import Article  # noqa: E402

__all__ = ["build_corpus", "main"]

SEED = ROOT / "seeds" / "000_3e3372dc4e4bda20.txt"
DEV = Path("/work/shared/eval/dev.jsonl")
TARGET_CHARS = 3000


def _paragraphs() -> list[str]:
    seed_body = SEED.read_text(encoding="utf-8").partition("\n")[2]
    pieces = [p.strip() for p in seed_body.split("\n") if p.strip()]
    if DEV.exists():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pieces.append(json.loads(line)["text"].strip())
    return pieces


def build_corpus(count: int = 300, seed: int = 20240501) -> list[Article]:
    """``count`` articles of about 3 KB, the same on every run."""
    rng = random.Random(seed)
    pieces = _paragraphs()
    articles = []
    for n in range(count):
        parts: list[str] = []
        size = 0
        while size < TARGET_CHARS:
            piece = rng.choice(pieces)
            parts.append(piece)
            size += len(piece) + 2
        articles.append(Article(id=f"bench-{n:04d}", text="\n\n".join(parts)))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="minimum measured time")
    args = parser.parse_args(argv)
    corpus = build_corpus()
    coder = Coder()
    for article in corpus[:50]:  # warm-up
        coder.extract(article)
    done = events = 0
    mean_chars = sum(len(a.text) for a in corpus) / len(corpus)
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for article in corpus:
            events += len(coder.extract(article))
        done += len(corpus)
    elapsed = time.perf_counter() - start
    rate = done / elapsed
    print(f"coder: {CODER_VERSION}")
    print(f"machine cores: {os.cpu_count()} (measured on one core, one process)")
    print(f"corpus: {len(corpus)} articles, mean {mean_chars:.0f} chars")
    print(f"articles: {done} in {elapsed:.2f} s; events/article {events / done:.2f}")
    print(f"per article: {1e6 / rate:.0f} us")
    seed = Article(id="seed", text=SEED.read_text(encoding="utf-8").partition("\n")[2])
    start, runs = time.perf_counter(), 0
    while time.perf_counter() - start < 1.0:
        coder.extract(seed)
        runs += 1
    seed_rate = runs / (time.perf_counter() - start)
    print(f"seed article alone ({len(seed.text)} chars): {seed_rate:.0f} articles/s")
    print(f"articles_per_s_per_core={rate:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
