"""The one thin orjson wrapper: every JSON byte of the project goes through here."""

from __future__ import annotations

from typing import Any

import orjson

__all__ = ["JSONDecodeError", "dumps", "dumps_line", "loads"]

JSONDecodeError = orjson.JSONDecodeError

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(obj: Any, *, sort_keys: bool = False) -> bytes:
    """Serialize to compact UTF-8 JSON bytes."""
    option = _OPTIONS | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    return orjson.dumps(obj, option=option)


def dumps_line(obj: Any) -> bytes:
    """Serialize to one JSON line (with the trailing newline)."""
    return orjson.dumps(obj, option=_OPTIONS | orjson.OPT_APPEND_NEWLINE)


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """Parse JSON bytes or text; raises ``JSONDecodeError`` (a ``ValueError``)."""
    return orjson.loads(data)
