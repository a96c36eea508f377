"""Errors of the streaming side: the ``StreamsError`` branch of the tree in ``schemas.exceptions``."""

from __future__ import annotations

from schemas.exceptions import DyadwatchError

__all__ = ["BadQuery", "BrokerError", "ConfigurationError", "InputError", "PublishError",
           "QueryError", "StreamsError"]


class StreamsError(DyadwatchError):
    """Base class of errors raised by the streaming side (also raised as is when a worker child
    process exits early or is not healthy in time)."""


class BrokerError(StreamsError):
    """The embedded broker could not be started, or a Kafka broker cannot be reached or answer."""


class ConfigurationError(StreamsError):
    """A setting is missing, malformed or contradicts another (or the broker's topics)."""


class InputError(StreamsError):
    """A file named on the command line is missing, unreadable or malformed."""


class PublishError(StreamsError):
    """A record was not acknowledged by the broker."""


class QueryError(StreamsError):
    """The worker's HTTP API could not answer a query: ``"<status>: <message>"`` or unreachable."""


class BadQuery(StreamsError, ValueError):
    """A malformed query parameter or path segment; the HTTP API answers it with 400."""
