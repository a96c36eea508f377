"""The error tree of dyadwatch: every error the project raises on purpose is one of these.

Error tree (httpx-style: catch a branch to catch everything below it)::

    DyadwatchError                 schemas.exceptions: the base of every project error
    ├── CoderError                 agents.coder.exceptions: the coder could not do its work
    │   └── CoderDataError         a data file of the coder is missing or malformed
    └── StreamsError               streams.exceptions: the streaming side (generic: a worker
        │                          child process died or was not healthy in time)
        ├── BrokerError            the broker could not be started, reached or answered
        ├── ConfigurationError     a setting is missing, malformed or contradicts another
        ├── InputError             a file named on the command line is missing or malformed
        ├── PublishError           a record was not acknowledged by the broker
        ├── QueryError             the worker's HTTP API could not answer (client side)
        └── BadQuery               a malformed query parameter or path segment (server
                                   side, answered with 400; also a ``ValueError``)

Bad input records are never exceptions: the pipeline steps return them as data
(``agents.steps.Rejection``) and the worker sends them to the dead-letter topic.
``dyadwatch`` prints any ``DyadwatchError`` as one line and exits with status 1.
"""

from __future__ import annotations

__all__ = ["DyadwatchError"]


class DyadwatchError(Exception):
    """Base class of every error raised by dyadwatch (the tree is in this module's docstring)."""
