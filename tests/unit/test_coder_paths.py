"""The coder's fast paths give what the plain ones would: tokens, and skipped sentences."""

from __future__ import annotations

import pytest

from agents.coder import default_coder
from agents.coder.text import TOKEN_RE, Token, tokenize
from schemas.models import Article


def _reference_tokens(text: str, offset: int) -> list[Token]:
    low = text.lower().replace("’", "'")
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    return [Token(low[a:b], offset + a, offset + b) for a, b in spans]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Russia’s foreign ministry said on Tuesday that pakistanPakistan must not attack U.S. forces.",
        "  3,000.5 troops' it's ‘unacceptable’ — Ak-47s\u00a0and\u2003ÉTAT; (GAZA CITY) -",
        "Kalashnikov rifles, russia, pakistanPakistan had initiated efforts",
    ],
)
def test_tokenize_matches_a_plain_regex_scan(text: str) -> None:
    tokens, lows, starts = tokenize(text, 17)
    assert tokens == _reference_tokens(text, 17)
    assert lows == [t.low for t in tokens]
    assert starts == [t.start for t in tokens]


def _coded(text: str) -> list[tuple[str, str, str, int]]:
    events = default_coder().extract(Article(id="t", text=text))
    return [(e.source, e.target, e.cameo_code, e.evidence.sentence_index) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-country sentence cannot make a dyad, but a later 'the nation' still reads it
        (
            "Pakistani officials signed a deal in Islamabad. The nation later bought rifles from China.",
            [("PAK", "CHN", "062", 1)],
        ),
        (
            "Pakistani officials signed a deal in Islamabad. Talks went on. "
            "The nation later bought rifles from China.",
            [("PAK", "CHN", "062", 2)],
        ),
        ("Pakistani officials signed a deal in Islamabad.", []),
    ],
)
def test_history_survives_skipped_sentences(text: str, expected: list[tuple[str, str, str, int]]) -> None:
    assert _coded(text) == expected
