"""Errors of the schemas package.

Error tree::

    DyadwatchError                (schemas.exceptions, the base of every project error)
    └── SchemaError               (a payload does not match its schema)
        └── InvalidPayload        (bytes that are not the JSON of the expected model)
"""

from __future__ import annotations

__all__ = ["DyadwatchError", "InvalidPayload", "SchemaError"]


class DyadwatchError(Exception):
    """Base class of every error raised by dyadwatch."""


class SchemaError(DyadwatchError):
    """A payload does not match its schema."""


class InvalidPayload(SchemaError):
    """Bytes that could not be decoded and validated as the expected model.

    ``reason`` is a short machine-readable tag (``invalid_json``, ``not_an_object``,
    ``invalid_utf8``, ``validation``), ``detail`` the human explanation.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
