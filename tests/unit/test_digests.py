"""Digest rings: fixed-width fingerprints, exact per-entry membership, bounded from the front."""

from __future__ import annotations

import pytest

from schemas.digests import (
    ENTRY_WIDTH,
    FINGERPRINT_CHARS,
    checked_ring,
    fingerprint,
    remember,
    ring_entries,
    ring_of,
)


def test_fingerprint_is_fixed_width_base64url_and_deterministic() -> None:
    prints = [fingerprint(f"event-{n}") for n in range(1_000)]
    assert all(len(p) == FINGERPRINT_CHARS and " " not in p for p in prints)
    assert all(set(p) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
               for p in prints)
    assert len(set(prints)) == len(prints)
    assert fingerprint("event-7") == prints[7] and fingerprint("event-7 ") != prints[7]


def test_remember_adds_newest_last_and_refuses_what_it_holds() -> None:
    ring = remember("", fingerprint("a"), 3)
    assert ring is not None
    ring = remember(ring, fingerprint("b"), 3)
    assert ring is not None and ring_entries(ring) == [fingerprint("a"), fingerprint("b")]
    assert remember(ring, fingerprint("a"), 3) is None
    assert len(ring) == 2 * ENTRY_WIDTH and ring.endswith(" ")


def test_remember_drops_the_oldest_beyond_the_bound() -> None:
    ring = ""
    for n in range(5):
        ring = remember(ring, fingerprint(str(n)), 3) or ring
    assert ring_entries(ring) == [fingerprint(str(n)) for n in (2, 3, 4)]
    assert remember(ring, fingerprint("0"), 3) is not None  # forgotten, so new again
    assert remember(ring, fingerprint("9"), 0) == ""


def test_membership_never_matches_across_two_entries() -> None:
    first, second = fingerprint("x"), fingerprint("y")
    ring = ring_of(["x", "y"])
    straddling = first[4:] + " " + second[:3]  # 8 characters spanning the boundary
    assert straddling in ring  # as plain text, but it is not a fingerprint (it holds a space)
    inner = first[2:] + second[:2]
    assert inner not in ring and remember(ring, inner, 10) is not None


def test_ring_of_keeps_first_places_and_the_latest_entries() -> None:
    assert ring_entries(ring_of(["a", "b", "a", "c"])) == [fingerprint(i) for i in "abc"]
    assert ring_entries(ring_of(["a", "b", "c"], keep=2)) == [fingerprint(i) for i in "bc"]
    assert ring_of(["a"], keep=0) == "" and ring_of([]) == ""


@pytest.mark.parametrize("bad", ["abc", "abcdefgh", "abcdefgh  ", "abcd efg ", "abcdefg  "])
def test_checked_ring_refuses_misaligned_rings(bad: str) -> None:
    with pytest.raises(ValueError, match="digest ring"):
        checked_ring(bad)


def test_checked_ring_accepts_whole_entries() -> None:
    ring = ring_of(str(n) for n in range(50))
    assert checked_ring(ring) == ring and checked_ring("") == ""
