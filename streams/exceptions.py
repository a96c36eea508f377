"""Errors of the streaming side.

Error tree::

    DyadwatchError                     (schemas.exceptions)
    ├── SchemaError → InvalidPayload   (schemas.exceptions)
    └── StreamsError                   (this module)
        ├── BrokerError                (the embedded broker could not start or answer)
        ├── ConfigurationError         (a setting is missing or contradictory)
        ├── PublishError               (an article was not acknowledged by the broker)
        └── QueryError                 (the worker's HTTP API could not answer a query)
"""

from __future__ import annotations

from schemas.exceptions import DyadwatchError

__all__ = ["BrokerError", "ConfigurationError", "PublishError", "QueryError", "StreamsError"]


class StreamsError(DyadwatchError):
    """Base class of errors raised by the streaming side."""


class BrokerError(StreamsError):
    """The embedded broker could not be started, or does not answer."""


class ConfigurationError(StreamsError):
    """A setting is missing, malformed or contradicts another."""


class PublishError(StreamsError):
    """A record was not acknowledged by the broker."""


class QueryError(StreamsError):
    """The worker's HTTP API could not answer a query."""
