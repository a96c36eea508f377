"""Sentences with their offsets, and tokens that survive glued junk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from typing import NamedTuple

from sentencex import segment

__all__ = ["Sentence", "Token", "Tokens", "sentences", "tokenize"]

# A capital after a lowercase letter starts a new word: "pakistanPakistan" -> pakistan|Pakistan.
TOKEN_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+(?:[.,]\d+)*|['’]s\b|\S")
SPACED_TOKEN_RE = re.compile(rf"(\s*)({TOKEN_RE.pattern})")
_CAPWORDS = r"[A-Z][\w.'\-]*(?:/[A-Z][\w.'\-]*)*(?:\s+[A-Z][\w.'\-]*){0,3}"  # ("TRIPOLI/ATHENS")
_DATE = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
# "Moscow:", "GAZA CITY, Palestinian Territories:", "LONDON (Reuters) -", "SRINAGAR, India, Nov. 27
# (Reuters) -": capitalised words and a day of a month only.
DATELINE_RE = re.compile(
    rf"^\s*{_CAPWORDS}(?:,\s*(?:{_DATE}|{_CAPWORDS})){{0,3}}"
    rf"(?:(?:\s*\([^)]{{1,40}}\))?\s*(?::|--|—|–|\s-\s)"
    rf"|\s*\([A-Z][A-Za-z]{{1,9}}\)\s*(?::|--|—|–|-)?(?=\s*[A-Z]))"  # "NEW DELHI, May 9 (PTI) Saudi ..."
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``article_text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str

    def dateline_end(self) -> int:
        """Article offset where a leading dateline ("Moscow:", "GAZA CITY, X:") ends, else start."""
        text = self.text
        if not (":" in text or "-" in text or "—" in text or "–" in text or "(" in text):
            return self.start  # every dateline ends in one of these, or in an agency's tag
        match = DATELINE_RE.match(text)
        return self.start + match.end() if match else self.start


    def after_dateline(self) -> Sentence:
        """The sentence without its leading dateline (what the parser should read: "KYIV, Oct. 2
        (Reuters) - Russia and Ukraine ..." -> "Russia and Ukraine ..."); itself if it has none."""
        end = self.dateline_end()
        if end == self.start or end >= self.end:
            return self
        body = self.text[end - self.start :]
        skipped = len(body) - len(body.lstrip())
        return Sentence(self.index, end + skipped, self.end, body.lstrip())


class Token(NamedTuple):
    """A word or punctuation mark: ``low`` lowercased, article offsets."""

    low: str
    start: int
    end: int


def sentences(text: str) -> Iterator[Sentence]:
    """Split into sentences (sentencex), per paragraph, with exact article offsets."""
    index = 0
    cursor = 0
    for paragraph in text.split("\n"):
        base = cursor
        cursor += len(paragraph) + 1
        if not paragraph.strip():
            continue
        local = 0
        for piece in segment("en", paragraph):
            body = piece.strip()
            if not body:
                continue
            found = paragraph.find(body, local)
            if found < 0:
                continue
            local = found + len(body)
            yield Sentence(index, base + found, base + local, body)
            index += 1


class Tokens(NamedTuple):
    """A sentence's tokens, and two of their columns the grammar reads most."""

    tokens: list[Token]
    lows: list[str]  # token.low
    starts: list[int]  # token.start


def tokenize(text: str, offset: int) -> Tokens:
    """Tokens of ``text`` (a sentence) with offsets shifted by ``offset``; ’ is read as '."""
    # Only whitespace lies between tokens, so the running sum of the lengths of the
    # (whitespace, token) pairs, from ``offset``, gives every token's start and end.
    pieces = list(chain.from_iterable(SPACED_TOKEN_RE.findall(text)))
    bounds = list(accumulate(map(len, pieces), initial=offset))
    starts, ends = bounds[1::2], bounds[2::2]
    lows = list(map(str.lower, pieces[1::2]))
    if "’" in text:
        lows = [low.replace("’", "'") for low in lows]
    tokens = list(map(tuple.__new__, repeat(Token), zip(lows, starts, ends, strict=True)))
    return Tokens(tokens, lows, starts)
