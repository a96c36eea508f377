"""Compact bounded memories of ids: fingerprints in a "digest ring" string (pure: pydantic only).

A pair's state remembers the latest event ids it applied (so that a redelivered event
changes nothing) and the latest articles that reported to it (so that an article counts
once). Kept as lists of full ids they made a busy pair's state tens of KB, re-parsed and
re-sent to the changelog on every batch. A ring keeps, per id, an 8-character fingerprint:
6 bytes (48 bits) of BLAKE2b of the id, base64url-encoded, followed by one space. Entries
are newest last; the oldest drop off the front once a ring holds its bound.

Membership is ``fingerprint in ring``, a substring search at C speed. It is exact per
entry: the space is not in the base64url alphabet, so an 8-character match can neither
straddle two entries nor start inside one. The only error is a fingerprint collision,
which makes a new id look already seen: with ``n`` entries held, a new id collides with
probability about ``n / 2**48``, ~7e-12 for 2,000 entries (~1e-11 per new event).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from typing import Annotated

from pydantic import AfterValidator, Field

__all__ = [
    "ENTRY_WIDTH",
    "FINGERPRINT_BYTES",
    "FINGERPRINT_CHARS",
    "RING_PATTERN",
    "SEPARATOR",
    "DigestRing",
    "checked_ring",
    "fingerprint",
    "remember",
    "ring_entries",
    "ring_of",
]

FINGERPRINT_BYTES = 6
FINGERPRINT_CHARS = 8  # base64 of 6 bytes, no padding
SEPARATOR = " "
ENTRY_WIDTH = FINGERPRINT_CHARS + len(SEPARATOR)
RING_PATTERN = rf"^(?:[A-Za-z0-9_-]{{{FINGERPRINT_CHARS}}}{SEPARATOR})*$"


def fingerprint(identifier: str) -> str:
    """The 8-character base64url fingerprint of ``identifier`` (48 bits of BLAKE2b)."""
    digest = hashlib.blake2b(identifier.encode("utf-8"), digest_size=FINGERPRINT_BYTES).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")


def checked_ring(ring: str) -> str:
    """``ring`` if it is whole entries, each one separator after its fingerprint's width.

    Cheap (no per-character scan in Python) and enough for exact membership: every space sits
    exactly at an entry's end. The fingerprint alphabet (``RING_PATTERN``) is not checked, as
    a regular-expression scan of a 2,000-entry ring would cost more than the rest of the state.
    """
    entries, rest = divmod(len(ring), ENTRY_WIDTH)
    if rest or ring[FINGERPRINT_CHARS::ENTRY_WIDTH] != SEPARATOR * entries \
            or ring.count(SEPARATOR) != entries:
        raise ValueError(f"not a digest ring of {FINGERPRINT_CHARS}-character fingerprints, "
                         f"each followed by {SEPARATOR!r}")
    return ring


DigestRing = Annotated[str, AfterValidator(checked_ring), Field(json_schema_extra={"pattern": RING_PATTERN})]
"""A pydantic field type: a digest ring, checked by ``checked_ring``; ``RING_PATTERN`` in the schema."""


def remember(ring: str, digest: str, keep: int) -> str | None:
    """``ring`` with ``digest`` (a fingerprint) added as its newest entry and only its latest
    ``keep`` entries held; ``None`` if the ring already holds ``digest``."""
    if digest in ring:
        return None
    if keep <= 0:
        return ""
    return (ring + digest + SEPARATOR)[-keep * ENTRY_WIDTH:]


def ring_of(identifiers: Iterable[str], keep: int | None = None) -> str:
    """The ring of the fingerprints of ``identifiers`` (oldest first; a repeat keeps its first
    place), holding only the latest ``keep`` entries if ``keep`` is given."""
    digests = list(dict.fromkeys(fingerprint(identifier) for identifier in identifiers))
    if keep is not None:
        digests = digests[max(0, len(digests) - keep):] if keep > 0 else []
    return "".join(digest + SEPARATOR for digest in digests)


def ring_entries(ring: str) -> list[str]:
    """The fingerprints held by ``ring``, oldest first."""
    return ring.split()
