"""Errors of the event coder.

Error tree::

    DyadwatchError            (schemas.exceptions)
    └── CoderError            (the coder could not do its work)
        └── CoderDataError    (a data file of the coder is missing or malformed)
"""

from __future__ import annotations

from schemas.exceptions import DyadwatchError

__all__ = ["CoderDataError", "CoderError"]


class CoderError(DyadwatchError):
    """The event coder could not do its work."""


class CoderDataError(CoderError):
    """A data file of the coder is missing or malformed."""
